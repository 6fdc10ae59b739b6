"""`kg show`: one entity's card."""
from __future__ import annotations

import json

import click

from kg.commands.options import endpoint_options, graph_option, lookup_errors, page_options, period_options, store_for
from kg.queries import show
from kg.tables import render


def _card(card: dict) -> str:
    lines = [f"{card['name']}  ({', '.join(card['types']) or '?'})", card["iri"]]
    for label, value in [("aliases", "、".join(card["aliases"])), ("region", " ⊂ ".join(card["regions"])),
                         ("part of", "、".join(card["parent"])), ("parts", "、".join(card["parts"]))]:
        if value:
            lines.append(f"{label + ':':9} {value}")
    out = "\n".join(lines) + "\n"
    if card["agreements"]:
        out += "\nagreements\n" + render([{**a, "parties": "、".join(a["parties"])} for a in card["agreements"]])
    if card["partners"]:
        out += "\npartners" + _shown(card, "partners") + "\n" + render(card["partners"], columns=["partner", "type", "relations", "statuses", "docs"])
    if card["documents"]:
        out += "\ndocuments" + _shown(card, "documents") + "\n" + render(card["documents"])
    return out


def _shown(card: dict, key: str) -> str:
    """' (20 of 919 shown)' when a page shows part of a list."""
    total, shown = card[key + "_total"], len(card[key])
    return f" ({shown:,} of {total:,} shown; --offset/--limit for others)" if total > shown else ""


@click.command("show")
@click.argument("name")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@period_options
@page_options
@graph_option
@endpoint_options
@lookup_errors
def command(name, fmt, period, limit, offset, graph, endpoint, auth):
    """Everything about one entity: types, labels, region, parts and parent, agreements,
    partners and documents.

    With --endpoint (a query URL), the same question goes to a SPARQL server whose default
    graph is the union of the pushed graphs (`kg push`; docs/sparql-servers.md).

    Example:

        kg show 香港贸发局

        kg show 香港贸发局 --endpoint http://localhost:7878/query

        kg show 湖南大学 --since 2024

        kg show 香港贸易发展局 --limit 20          # the first twenty partners and documents
    """
    card = show(store_for(graph, endpoint, auth), name, period=period, limit=limit, offset=offset)
    click.echo(json.dumps(card, ensure_ascii=False, indent=2) if fmt == "json" else _card(card), nl=fmt != "table")
