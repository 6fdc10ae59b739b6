"""Option bundles shared by commands."""
from __future__ import annotations

import click

graph_option = click.option(
    "-g", "--graph", "graph", type=click.Path(file_okay=False), default=None, envvar="RCKG_GRAPH",
    help="Graph directory (default ./rckg-data, or $RCKG_GRAPH).")

format_option = click.option(
    "-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
    show_default=True, help="Output: an aligned table for people, CSV/TSV/JSON for programs.")


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
    @functools.wraps(f)
    def wrapper(*args, user, password, token, **kwargs):
        if token and user:
            raise click.ClickException("give either --user/--password or --token, not both")
        return f(*args, auth=Auth(user, password, token), **kwargs)

    return wrapper
