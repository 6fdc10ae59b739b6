"""Option bundles shared by commands."""
from __future__ import annotations

import click

graph_option = click.option(
    "-g", "--graph", "graph", type=click.Path(file_okay=False), default=None, envvar="RCKG_GRAPH",
    help="Graph directory (default ./rckg-data, or $RCKG_GRAPH).")

format_option = click.option(
    "-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xlsx"]), default="table",
    show_default=True, help="Output: an aligned table for people, CSV (with BOM, Excel opens it), "
                            "TSV, JSON for programs, or an xlsx workbook (redirect to a file).")


def emit(rows: list[dict], fmt: str, columns: list[str] | None = None, sheet: str = "rows"):
    """Write rows to standard output in `fmt`; an xlsx workbook is refused on a terminal."""
    from kg.tables import render, render_bytes

    if fmt == "xlsx":
        emit_bytes(render_bytes(rows, "xlsx", columns, sheet=sheet))
    else:
        click.echo(render(rows, fmt, columns), nl=False)


def emit_bytes(data: bytes):
    """Binary output (an xlsx workbook) to standard output, never onto a terminal."""
    import sys

    out = sys.stdout.buffer
    if sys.stdout.isatty():
        raise click.ClickException("xlsx is a binary workbook: redirect it to a file, e.g. > out.xlsx")
    out.write(data)
    out.flush()


def open_store(graph):
    """The graph directory's store, read-only; a missing graph is one clear error line."""
    from kg.store import GraphStore, graph_dir

    try:
        return GraphStore(graph_dir(graph), read_only=True)
    except (FileNotFoundError, OSError) as e:
        raise click.ClickException(str(e))


def store_for(graph, endpoint, auth):
    """The SPARQL server at `endpoint` when one is given (`kg.remote.RemoteStore`), else the local graph."""
    if endpoint:
        from kg.remote import RemoteStore

        return RemoteStore(endpoint, auth)
    return open_store(graph)


def lookup_errors(fn):
    """Turn an unknown or ambiguous entity name, or a server's refusal, into one clear error line."""
    import functools

    from kg.queries import AmbiguousName, UnknownEntity
    from kg.remote import RemoteError

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (UnknownEntity, AmbiguousName, RemoteError) as e:
            raise click.ClickException(str(e))

    return wrapper


def endpoint_options(f):
    """`--endpoint URL` with `--user/--password` or `--token`: a SPARQL server and how to log in.

    The command receives `endpoint` and `auth` (a `kg.remote.Auth`).
    """
    import functools

    from kg.remote import Auth

    @click.option("--endpoint", metavar="URL", default=None,
                  help="A SPARQL server instead of the local store (see docs/sparql-servers.md).")
    @click.option("--user", default=None, help="User name (HTTP Basic, or Digest when the server asks).")
    @click.option("--password", default=None, envvar="RCKG_PUSH_PASSWORD", help="Password (or $RCKG_PUSH_PASSWORD).")
    @click.option("--token", default=None, envvar="RCKG_PUSH_TOKEN", help="Bearer token (or $RCKG_PUSH_TOKEN).")
    @click.option("--insecure", is_flag=True,
                  help="Send credentials over plain http:// to another machine (refused by default).")
    @functools.wraps(f)
    def wrapper(*args, user, password, token, insecure, **kwargs):
        if token and user:
            raise click.ClickException("give either --user/--password or --token, not both")
        return f(*args, auth=Auth(user, password, token, insecure), **kwargs)

    return wrapper


def period_options(f):
    """`--since/--until DATE` (2023, 2023-06 or 2023-06-28): only what documents dated within say.

    The command receives `period` (a `kg.documents.Period`). Undated documents fall outside
    every period.
    """
    import functools

    from kg.documents import Period

    @click.option("--since", metavar="DATE", default=None,
                  help="Only documents dated on or after DATE (2023, 2023-06 or 2023-06-28).")
    @click.option("--until", metavar="DATE", default=None,
                  help="Only documents dated on or before DATE (a year or month means its end).")
    @functools.wraps(f)
    def wrapper(*args, since, until, **kwargs):
        try:
            period = Period.parse(since, until)
        except ValueError as e:
            raise click.BadParameter(str(e), param_hint="--since/--until")
        return f(*args, period=period, **kwargs)

    return wrapper


def open_network(graph, period=None, with_regions: bool = True, keep=()):
    """The graph directory's cooperation network (`kg.netcache.network`), limited to what
    documents dated within `period` say, and without regions unless `with_regions` (`keep`
    stays whatever its type)."""
    from kg.netcache import network
    from kg.subgraph import by_documents, without_regions

    g = network(open_store(graph))
    if period:
        dates = {doc: d["date"] for doc, d in g.graph.get("documents", {}).items()}
        g = by_documents(g, lambda doc: period.contains(dates.get(doc)))
    if not with_regions:
        g = without_regions(g, keep)
    return g


with_regions_option = click.option(
    "--with-regions", is_flag=True,
    help="Count regions as nodes of the network too (left out by default: a region is where bodies are, "
         "not a partner, and would join everything in it).")


def page_options(f):
    """`--limit N` and `--offset N`: one page of a long answer (a hub has thousands of rows)."""
    f = click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
                     help="Skip this many rows first.")(f)
    return click.option("--limit", type=click.IntRange(min=1), default=None,
                        help="At most this many rows (default: all).")(f)
