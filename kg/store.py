"""The embedded on-disk store: an Oxigraph (RocksDB) dataset in `<graph dir>/store`.

One named graph per document plus one for the ontology; queries run on their union.
"""
from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox

from kg.namespaces import ID, ONTOLOGY_GRAPH, PREFIXES
from ontology import ONTOLOGY_TTL

__all__ = ["GraphStore", "graph_dir", "DEFAULT_GRAPH_DIR"]

DEFAULT_GRAPH_DIR = "rckg-data"


def graph_dir(path: str | os.PathLike | None = None) -> Path:
    """The graph directory: the argument, else $RCKG_GRAPH, else ./rckg-data."""
    return Path(path or os.environ.get("RCKG_GRAPH") or DEFAULT_GRAPH_DIR)


class GraphStore:
    """A graph directory's store.

    >>> import tempfile
    >>> s = GraphStore(tempfile.mkdtemp())
    >>> s.load_ontology()
    >>> s.documents()
    []
    """

    def __init__(self, directory: str | os.PathLike, read_only: bool = False):
        self.dir = Path(directory)
        path = self.dir / "store"
        if read_only:
            if not path.exists():
                raise FileNotFoundError(f"{self.dir}: no graph here (run `kg build` first)")
            self.store = ox.Store.read_only(str(path))
        else:
            self.dir.mkdir(parents=True, exist_ok=True)
            self.store = ox.Store(str(path))

    def load_ontology(self):
        g = ox.NamedNode(ONTOLOGY_GRAPH)
        self.store.remove_graph(g) if self.store.contains_named_graph(g) else None
        self.store.load(path=str(ONTOLOGY_TTL), format=ox.RdfFormat.TURTLE, to_graph=g)

    def replace_document(self, graph_iri: str, quads):
        """Replace what one document asserts."""
        g = ox.NamedNode(graph_iri)
        if self.store.contains_named_graph(g):
            self.store.remove_graph(g)
        self.store.extend(quads)

    def remove_document(self, graph_iri: str):
        g = ox.NamedNode(graph_iri)
        if self.store.contains_named_graph(g):
            self.store.remove_graph(g)

    def documents(self) -> list[str]:
        prefix = ID + "graph/"
        return sorted(g.value for g in self.store.named_graphs()
                      if g.value.startswith(prefix) and g.value != ONTOLOGY_GRAPH)

    def query(self, sparql: str, **kw):
        return self.store.query(sparql, use_default_graph_as_union=True, **kw)

    def triples(self):
        """The union of all graphs, each triple once."""
        return self.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")

    def write(self, path: str | os.PathLike, fmt: ox.RdfFormat):
        """Serialise the graph to `path` atomically (write aside, then rename)."""
        path = Path(path)
        tmp = path.with_name(path.name + ".tmp")
        if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
            quads = self.store.quads_for_pattern(None, None, None, None)
            ox.serialize(quads, str(tmp), fmt, **({"prefixes": PREFIXES} if fmt == ox.RdfFormat.TRIG else {}))
        else:
            kw = {"prefixes": PREFIXES} if fmt in (ox.RdfFormat.TURTLE,) else {}
            ox.serialize(self.triples(), str(tmp), fmt, **kw)
        os.replace(tmp, path)

    def flush(self):
        self.store.flush()
