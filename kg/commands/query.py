"""`kg query`: the analyst's own SPARQL on the union of all documents."""
from __future__ import annotations

import json

import click

from kg.commands.options import emit, endpoint_options, format_option, graph_option, open_store
from kg.sparql import (QueryFailed, QuerySyntaxError, ServiceRefused, parse_binding, run_query, service_clauses,
                       to_turtle)


class QuerySyntaxProblem(click.ClickException):
    exit_code = 2


@click.command("query")
@click.argument("sparql", required=False)
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False), help="Read the query from a .rq file.")
@click.option("--bind", "bindings", multiple=True, metavar="VAR=VALUE",
              help="Bind a selected variable to a literal (or <IRI>) before the query runs; repeatable.")
@click.option("--allow-service", is_flag=True,
              help="Let SERVICE clauses fetch from the servers they name (refused by default).")
@format_option
@graph_option
@endpoint_options
def command(sparql, path, bindings, allow_service, fmt, graph, endpoint, auth):
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the whole graph.

    The prefixes rc: rcid: skos: prov: org: schema: rdf: rdfs: xsd: owl: dcterms: are
    declared. A CONSTRUCT prints Turtle as its table form. A query with a SERVICE clause
    is refused (exit status 2) unless --allow-service: a query sends nothing anywhere
    unless you say so.

    Example:

        kg query 'SELECT ?e ?l WHERE { ?e a rc:University ; skos:prefLabel ?l }'

        kg query --file queries/partners-of.rq --bind name=香港城市大學 --format csv

        kg query --endpoint http://localhost:7878/query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }'
    """
    if (sparql is None) == (path is None):
        raise click.UsageError("give either a SPARQL query or --file Q.rq")
    text = sparql if path is None else open(path, encoding="utf-8").read()
    try:
        binds = dict(parse_binding(b) for b in bindings)
    except ValueError as e:
        raise click.UsageError(str(e))
    if not allow_service and service_clauses(text):
        raise QuerySyntaxProblem(f"{path or 'query'}: has a SERVICE clause, which fetches from another server; "
                                 "pass --allow-service if that is meant")
    if endpoint:
        if binds:
            raise click.UsageError("--bind works on the local store; write the values into the query for --endpoint")
        _remote(endpoint, text, auth, fmt, path)
        return
    store = open_store(graph)
    _check_names(store, text, binds)
    try:
        res = run_query(store, text, binds, allow_service=allow_service)
    except (QuerySyntaxError, ServiceRefused) as e:
        raise QuerySyntaxProblem(f"{path or 'query'}: {e}")
    except (ValueError, QueryFailed) as e:
        raise click.ClickException(str(e))
    if res.kind == "ask":
        click.echo(json.dumps({"boolean": res.boolean}) if fmt == "json" else str(res.boolean).lower())
    elif res.kind == "graph" and fmt == "table":
        click.echo(to_turtle(res.triples), nl=False)
    else:
        emit(res.rows, fmt, res.columns)


def _check_names(store, text, binds):
    """A bound name the query looks up with rc:entity must name an entity: else say so, with the
    closest names, rather than answer with nothing."""
    import re

    from kg.queries import AmbiguousName, UnknownEntity, find_entity

    for var, value in binds.items():
        if re.search(r"rc:entity\(\s*\?" + re.escape(var) + r"\s*\)", text):
            try:
                find_entity(store, value.value)
            except (UnknownEntity, AmbiguousName) as e:
                raise click.ClickException(f"--bind {var}: {e}")


def _remote(endpoint, text, auth, fmt, path):
    """The same query on a SPARQL server (rckg's prefixes declared there too)."""
    from kg.namespaces import sparql_prologue
    from kg.remote import RemoteError, remote_query, select_rows

    try:
        results = remote_query(endpoint, sparql_prologue() + text, auth=auth)
    except RemoteError as e:
        if "HTTP 400" in str(e):
            raise QuerySyntaxProblem(f"{path or 'query'}: the server refused it: {e}")
        raise click.ClickException(str(e))
    if isinstance(results, str):                      # CONSTRUCT / DESCRIBE: N-Triples
        click.echo(results, nl=False)
    elif "boolean" in results:
        click.echo(json.dumps(results) if fmt == "json" else str(results["boolean"]).lower())
    else:
        try:
            names, rows = select_rows(results)
        except RemoteError as e:
            raise click.ClickException(f"{endpoint}: {e}")
        emit(rows, fmt, names)
