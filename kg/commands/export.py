from __future__ import annotations

import sys

import click

from exports import FORMATS, export
from kg.commands.options import graph_option, open_store, period_options


@click.command("export")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATS)), default="ttl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="File to write (default: standard output).")
@period_options
@graph_option
def command(fmt, output, period, graph):
    """Write the graph out: Turtle, N-Triples, JSON-LD, TriG (one named graph per document) ...,
    or the cooperation network for Gephi and other graph tools (gexf, graphml) or as a page (html).

    With --since/--until, only what documents dated within the period state (and the ontology).

    Example:

        kg export --format trig -o graph.trig

        kg export -f gexf --since 2023 -o network.gexf
    """
    from kg.netcache import network as cached_network
    from kg.subgraph import by_documents

    store = open_store(graph)
    graphs = None
    if period:
        from kg.documents import documents
        from kg.iris import graph_iri
        from kg.namespaces import ONTOLOGY_GRAPH

        docs = documents(store)
        graphs = [ONTOLOGY_GRAPH] + [graph_iri(d) for d, v in sorted(docs.items()) if period.contains(v["date"])]

    def network(s):
        g = cached_network(s)
        return by_documents(g, lambda doc: period.contains(docs.get(doc, {}).get("date"))) if period else g

    def write(path):
        export(store, fmt, path, network=network, graphs=graphs)

    if output:
        write(output)
    else:
        import os
        import tempfile

        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "out" + FORMATS[fmt][1])
            write(p)
            with open(p, "rb") as f:
                sys.stdout.buffer.write(f.read())
