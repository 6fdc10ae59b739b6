"""rckg's graph side: records → RDF, the store, build orchestration and queries.

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp()
    >>> report = kg.build(graph=d)            # the bundled example corpus
    >>> store = kg.open_graph(d)
    >>> len(store.documents()) == len(report.read)
    True
"""
import importlib

# Imported on first use (PEP 562): `kg.queries` or `kg.cli` alone must not load the
# extractor (spaCy) that `kg.build` needs.
_HOME = {"build": "kg.build", "BuildReport": "kg.build", "GraphStore": "kg.store", "graph_dir": "kg.store"}


def __getattr__(name):
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")


def open_graph(directory=None, read_only: bool = True):
    """The store of a graph directory (default ./rckg-data or $RCKG_GRAPH): a `GraphStore`."""
    from kg.store import GraphStore, graph_dir

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
