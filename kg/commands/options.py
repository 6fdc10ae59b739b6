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


def lookup_errors(fn):
    """Turn an unknown or ambiguous entity name into one clear error line."""
    import functools

    from kg.queries import AmbiguousName, UnknownEntity

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except (UnknownEntity, AmbiguousName) as e:
            raise click.ClickException(str(e))
    return wrapper
