"""`kg stats`: counts by type, relation and status, and who cooperates across which regions."""
from __future__ import annotations

import json

import click

from kg.analytics import stats
from kg.commands.options import graph_option, open_store
from kg.network import to_networkx
from kg.tables import render


def _matrix_rows(matrix: dict) -> list[dict]:
    areas = sorted({a for pair in matrix for a in pair})
    cell = lambda x, y: matrix.get(tuple(sorted((x, y))), 0) or ""
    return [{"": x, **{y: cell(x, y) for y in areas}} for x in areas]


@click.command("stats")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@graph_option
def command(fmt, graph):
    """Entities by type, relations by kind and status, and the region × region matrix of
    partner links (each entity counted in the outermost region it lies in).

    Example:

        kg stats -g out
    """
    s = stats(to_networkx(open_store(graph)))
    if fmt == "json":
        s["regions"] = [{"a": a, "b": b, "links": n} for (a, b), n in s["regions"].items()]
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    click.echo(render([{"type": t, "entities": n} for t, n in s["types"].items()]))
    click.echo(render([{"relation": k, **v} for k, v in s["relations"].items()]))
    if s["regions"]:
        click.echo("partner links between regions")
        click.echo(render(_matrix_rows(s["regions"])), nl=False)
    else:
        click.echo("no partner links between entities with known regions")
