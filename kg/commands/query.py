"""`kg query`: the analyst's own SPARQL on the union of all documents."""
from __future__ import annotations

import json

import click

from kg.commands.options import format_option, graph_option, open_store
from kg.sparql import QuerySyntaxError, parse_binding, run_query, to_turtle
from kg.tables import render


class QuerySyntaxProblem(click.ClickException):
    exit_code = 2


@click.command("query")
@click.argument("sparql", required=False)
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False), help="Read the query from a .rq file.")
@click.option("--bind", "bindings", multiple=True, metavar="VAR=VALUE",
              help="Bind a selected variable to a literal (or <IRI>) before the query runs; repeatable.")
@format_option
@graph_option
def command(sparql, path, bindings, fmt, graph):
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the whole graph.

    The prefixes rc: rcid: skos: prov: org: schema: rdf: rdfs: xsd: owl: dcterms: are
    declared. A CONSTRUCT prints Turtle as its table form.

    Example:

        kg query 'SELECT ?e ?l WHERE { ?e a rc:University ; skos:prefLabel ?l }'

        kg query --file queries/partners-of.rq --bind name=香港城市大学 --format csv
    """
    if (sparql is None) == (path is None):
        raise click.UsageError("give either a SPARQL query or --file Q.rq")
    text = sparql if path is None else open(path, encoding="utf-8").read()
    try:
        binds = dict(parse_binding(b) for b in bindings)
    except ValueError as e:
        raise click.UsageError(str(e))
    store = open_store(graph)
    try:
        res = run_query(store, text, binds)
    except QuerySyntaxError as e:
        raise QuerySyntaxProblem(f"{path or 'query'}: {e}")
    except ValueError as e:
        raise click.ClickException(str(e))
    if res.kind == "ask":
        click.echo(json.dumps({"boolean": res.boolean}) if fmt == "json" else str(res.boolean).lower())
    elif res.kind == "graph" and fmt == "table":
        click.echo(to_turtle(res.triples), nl=False)
    else:
        click.echo(render(res.rows, fmt, res.columns), nl=False)
