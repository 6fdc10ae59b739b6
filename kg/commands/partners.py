"""`kg partners`: every partner of one entity, with the sentence that proves it."""
from __future__ import annotations

import click

from kg.commands.options import (emit, endpoint_options, format_option, graph_option, lookup_errors, page_options,
                                 period_options, store_for)
from kg.queries import PARTNER_COLUMNS, find_entity, partners_page

# Above this many rows, the table is followed by a line saying how big the whole answer is.
SUMMARY_ROWS = 50


@click.command("partners")
@click.argument("name")
@click.option("--type", "type_", metavar="T", help="Only partners of this type, e.g. University.")
@click.option("--region", metavar="R", help="Only partners in this region, e.g. 湖南 or 香港.")
@click.option("--status", type=click.Choice(["planned", "realized"]), help="Only planned or realized cooperation.")
@period_options
@page_options
@format_option
@graph_option
@endpoint_options
@lookup_errors
def command(name, type_, region, status, period, limit, offset, fmt, graph, endpoint, auth):
    """Partners of NAME (any alias, simplified or traditional) with relation, status,
    document and evidence sentence.

    Relations read from NAME's side: partner, agreement (co-party, `via` the agreement),
    co-founder (`via` the body founded together), founded by, founder of, part of, has part.

    With --endpoint (a query URL), the same question goes to a SPARQL server whose default
    graph is the union of the pushed graphs (`kg push`; docs/sparql-servers.md).

    Example:

        kg partners 香港城市大学 --region 湖南 --status realized

        kg partners 香港贸易发展局 --endpoint http://localhost:7878/query

        kg partners 湖南大学 --since 2023 --until 2024-06 -f xlsx > hnu.xlsx

        kg partners 香港贸易发展局 --limit 20 --offset 20      # the second page of twenty
    """
    store = store_for(graph, endpoint, auth)
    page = partners_page(store, find_entity(store, name), type=type_, region=region, status=status, period=period,
                         limit=limit, offset=offset)
    rows = page.rows
    if page.evidence > len(rows) or len(rows) > SUMMARY_ROWS:
        click.echo(page.summary(), err=True)
    if not rows and fmt == "table":
        click.echo(f"no partners of {name} match these filters" if type_ or region or status or period
                   else f"no partners of {name} in the graph", err=True)
        return
    emit(rows, fmt, PARTNER_COLUMNS, sheet="partners")
