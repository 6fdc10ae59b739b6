from __future__ import annotations

import click

from kg.commands.options import graph_option
from kg.lock import GraphLocked, GraphUnwritable
from kg.remove import UnknownDocument, remove


@click.command("remove")
@click.argument("documents", nargs=-1, required=True)
@graph_option
def command(documents, graph):
    """Take documents (by id or file path) and everything they assert out of the graph.

    Entities that other documents also mention stay. Rewrites graph.ttl.

    Example:

        kg remove hktdc-hunan-mou -g out
    """
    try:
        removed = remove(documents, graph)
    except (UnknownDocument, GraphLocked, GraphUnwritable) as e:
        raise click.ClickException(str(e).strip("'\""))
    click.echo(f"removed {len(removed)} document(s): {', '.join(removed)}", err=True)
