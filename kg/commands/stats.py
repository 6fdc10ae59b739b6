"""`kg stats`: counts by type, relation and status, and who cooperates across which regions."""
from __future__ import annotations

import json

import click

from kg.analytics import stats
from kg.commands.options import emit_bytes, graph_option, open_network, period_options
from kg.tables import render, workbook
from ontology.schema import STATUSES


def _matrix_rows(matrix: dict) -> list[dict]:
    areas = sorted({a for pair in matrix for a in pair})
    cell = lambda x, y: matrix.get(tuple(sorted((x, y))), 0) or ""
    return [{"": x, **{y: cell(x, y) for y in areas}} for x in areas]


def tables(s: dict) -> dict[str, tuple[list[str], list[dict]]]:
    """The three tables of `kg.analytics.stats`, as {name: (columns, rows)}."""
    types = [{"type": t, "entities": n} for t, n in s["types"].items()]
    relations = [{"relation": k, **v} for k, v in s["relations"].items()]
    matrix = _matrix_rows(s["regions"])
    return {"types": (["type", "entities"], types),
            "relations": (["relation", "assertions", "links", *STATUSES], relations),
            "regions": (list(matrix[0]) if matrix else [""], matrix)}


def long_rows(s: dict) -> list[dict]:
    """All of it as one tidy table (section, name, measure, count) for CSV/TSV: one file, any tool."""
    rows = [{"section": "types", "name": t, "measure": "entities", "count": n} for t, n in s["types"].items()]
    rows += [{"section": "relations", "name": k, "measure": m, "count": n}
             for k, v in s["relations"].items() for m, n in v.items()]
    rows += [{"section": "regions", "name": f"{a} × {b}", "measure": "partner links", "count": n}
             for (a, b), n in s["regions"].items()]
    return rows


@click.command("stats")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xlsx"]), default="table",
              show_default=True, help="csv/tsv: one tidy table (section, name, measure, count); xlsx: a sheet each.")
@click.option("--all-regions", is_flag=True,
              help="Count each entity in the outermost region it lies in (粤港澳大湾区, countries …) "
                   "instead of its province-level region.")
@period_options
@graph_option
def command(fmt, all_regions, period, graph):
    """Entities by type, relations by kind and status, and the region × region matrix of
    partner links (each entity counted in its province-level region: 湖南 for a body in 长沙市).

    Example:

        kg stats -g out --since 2023 -f xlsx > stats.xlsx
    """
    s = stats(open_network(graph, period), provinces=not all_regions)
    if fmt == "json":
        s["regions"] = [{"a": a, "b": b, "links": n} for (a, b), n in s["regions"].items()]
        click.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    if fmt in ("csv", "tsv"):
        click.echo(render(long_rows(s), fmt, ["section", "name", "measure", "count"]), nl=False)
        return
    if fmt == "xlsx":
        emit_bytes(workbook(tables(s)))
        return
    t = tables(s)
    click.echo(render(t["types"][1], columns=t["types"][0]))
    click.echo(render(t["relations"][1], columns=t["relations"][0]))
    if s["regions"]:
        click.echo("partner links between regions")
        click.echo(render(t["regions"][1]), nl=False)
    else:
        click.echo("no partner links between entities with known regions")
