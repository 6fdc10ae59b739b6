from __future__ import annotations

import sys

import click

from exports import FORMATS, export
from kg.commands.options import graph_option
from kg.network import to_networkx
from kg.store import GraphStore, graph_dir


@click.command("export")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATS)), default="ttl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="File to write (default: standard output).")
@graph_option
def command(fmt, output, graph):
    """Write the graph out: Turtle, N-Triples, JSON-LD, TriG (one named graph per document) ...

    Example:

        kg export --format trig -o graph.trig
    """
    try:
        store = GraphStore(graph_dir(graph), read_only=True)
    except FileNotFoundError as e:
        raise click.ClickException(str(e))
    if output:
        export(store, fmt, output, network=to_networkx)
    else:
        import tempfile, os
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "out" + FORMATS[fmt][1])
            export(store, fmt, p, network=to_networkx)
            sys.stdout.buffer.write(open(p, "rb").read())
