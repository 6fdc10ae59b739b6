"""`kg partners`: every partner of one entity, with the sentence that proves it."""
from __future__ import annotations

import click

from kg.commands.options import format_option, graph_option, lookup_errors, open_store
from kg.queries import partners
from kg.tables import render


@click.command("partners")
@click.argument("name")
@click.option("--type", "type_", metavar="T", help="Only partners of this type, e.g. University.")
@click.option("--region", metavar="R", help="Only partners in this region, e.g. 湖南 or 香港.")
@click.option("--status", type=click.Choice(["planned", "realized"]), help="Only planned or realized cooperation.")
@format_option
@graph_option
@lookup_errors
def command(name, type_, region, status, fmt, graph):
    """Partners of NAME (any alias, simplified or traditional) with relation, status,
    document and evidence sentence.

    Relations read from NAME's side: partner, agreement (co-party, `via` the agreement),
    co-founder (`via` the body founded together), founded by, founder of, part of, has part.

    Example:

        kg partners 香港城市大学 --region 湖南 --status realized
    """
    rows = partners(open_store(graph), name, type=type_, region=region, status=status)
    if not rows and fmt == "table":
        click.echo(f"no partners of {name} match these filters" if type_ or region or status
                   else f"no partners of {name} in the graph", err=True)
        return
    click.echo(render(rows, fmt), nl=False)
