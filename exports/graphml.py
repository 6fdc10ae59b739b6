"""GraphML (yEd, Gephi, Cytoscape, igraph): the network with plain attributes (`exports.flat`)."""
from __future__ import annotations

import networkx as nx

from exports.flat import flat_network


# The registry hands `write` the network, not the store (see `exports.export`).
READS = "network"


def write(g: nx.Graph, path, name: str = "graphml"):
    nx.write_graphml(flat_network(g), path, encoding="utf-8")
