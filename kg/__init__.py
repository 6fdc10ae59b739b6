"""rckg's graph side: records → RDF, the store, build orchestration and queries.

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp()
    >>> report = kg.build(graph=d)            # the bundled example corpus
    >>> store = kg.open_graph(d)
    >>> len(store.documents()) == len(report.read)
    True
"""
# kg.build loads the extractor (spaCy) only when a document is extracted, so importing
# the package for a query costs pyoxigraph, not spaCy.
from kg.build import BuildReport, build
from kg.store import GraphStore, graph_dir


def open_graph(directory=None, read_only: bool = True) -> GraphStore:
    """The store of a graph directory (default ./rckg-data or $RCKG_GRAPH)."""
    return GraphStore(graph_dir(directory), read_only=read_only)


def rdflib_graph(directory=None):
    """The graph as an rdflib Dataset over the same Oxigraph store (through oxrdflib),
    read-only, for code that wants rdflib's API; its default graph is the union of all
    documents.

        >>> import tempfile, kg
        >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
        >>> ds = kg.rdflib_graph(d)
        >>> rows = ds.query("ASK { ?u a <https://w3id.org/rckg/ontology#University> }")
        >>> rows.askAnswer
        True
    """
    import rdflib
    from oxrdflib import OxigraphStore

    return rdflib.Dataset(store=OxigraphStore(store=open_graph(directory).store), default_union=True)


__all__ = ["build", "BuildReport", "GraphStore", "graph_dir", "open_graph", "rdflib_graph"]
