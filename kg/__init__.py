"""rckg's graph side: records → RDF, the store, build orchestration and queries.

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp()
    >>> report = kg.build(graph=d)            # the bundled example corpus
    >>> store = kg.open_graph(d)
    >>> len(store.documents()) == len(report.read)
    True
"""
from kg.build import BuildReport, build
from kg.store import GraphStore, graph_dir


def open_graph(directory=None, read_only: bool = True) -> GraphStore:
    """The store of a graph directory (default ./rckg-data or $RCKG_GRAPH)."""
    return GraphStore(graph_dir(directory), read_only=read_only)


__all__ = ["build", "BuildReport", "GraphStore", "graph_dir", "open_graph"]
