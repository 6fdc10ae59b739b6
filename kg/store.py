"""The embedded on-disk store: an Oxigraph (RocksDB) dataset in `<graph dir>/store`.

One named graph per document plus one for the ontology; queries run on their union.
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox

from kg.namespaces import ID, ONTOLOGY_GRAPH, PREFIXES
from ontology import ONTOLOGY_TTL

__all__ = ["GraphStore", "graph_dir", "DEFAULT_GRAPH_DIR"]

DEFAULT_GRAPH_DIR = "rckg-data"


def graph_dir(path: str | os.PathLike | None = None) -> Path:
    """The graph directory: the argument, else $RCKG_GRAPH, else ./rckg-data."""
    return Path(path or os.environ.get("RCKG_GRAPH") or DEFAULT_GRAPH_DIR)


def _create_store(path: Path) -> None:
    """Create an empty store beside `path` and move it into place, so a build killed while the
    store's files are being laid down leaves no half-made store that cannot be opened."""
    for stale in path.parent.glob(".store-new-*"):
        shutil.rmtree(stale, ignore_errors=True)
    tmp = path.parent / f".store-new-{os.getpid()}"
    store = ox.Store(str(tmp))
    store.flush()
    del store                       # the last reference: RocksDB closes its files
    os.replace(tmp, path)


class GraphStore:
    """A graph directory's store.

    >>> import tempfile
    >>> s = GraphStore(tempfile.mkdtemp())
    >>> s.load_ontology()
    >>> s.documents()
    []
    """

    prefixes = PREFIXES      # what serialisers that take prefixes write Turtle and TriG with

    def __init__(self, directory: str | os.PathLike, read_only: bool = False):
        self.dir = Path(directory)
        path = self.dir / "store"
        if read_only:
            if not path.exists():
                raise FileNotFoundError(f"{self.dir}: no graph here (run `kg build` first)")
            self.store = ox.Store.read_only(str(path))
        else:
            self.dir.mkdir(parents=True, exist_ok=True)
            if not path.exists():
                _create_store(path)
            self.store = ox.Store(str(path))

    def load_ontology(self):
        quads = ox.parse(path=str(ONTOLOGY_TTL), format=ox.RdfFormat.TURTLE)
        self.replace_graph(ONTOLOGY_GRAPH, quads)

    def replace_graph(self, graph_iri: str, quads):
        """Replace a named graph's content in one transaction.

        One SPARQL update (DROP the graph, INSERT its new triples) is one transaction in
        Oxigraph, so a process killed at any moment leaves either the old graph or the new
        one, never neither or half of one. (remove_graph followed by extend would be two.)

        >>> import tempfile
        >>> s = GraphStore(tempfile.mkdtemp())
        >>> g, p = ox.NamedNode("https://example.org/g"), ox.NamedNode("https://example.org/p")
        >>> s.replace_graph(g.value, [ox.Quad(p, p, ox.Literal("旧"), g)])
        >>> s.replace_graph(g.value, [ox.Quad(p, p, ox.Literal("新"), g)])
        >>> [q.object.value for q in s.store.quads_for_pattern(None, None, None, g)]
        ['新']
        """
        g = ox.NamedNode(graph_iri)
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        self.store.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")

    def replace_document(self, graph_iri: str, quads):
        """Replace what one document asserts, atomically (see `replace_graph`)."""
        self.replace_graph(graph_iri, quads)

    def replace_graph_in_batches(self, graph_iri: str, quads, batch: int = 10_000):
        """Replace a named graph batch by batch: memory bounded by the batch, not atomic.

        Oxigraph holds a transaction's writes in memory (about 2 KB a quad), so a
        document of a million quads cannot be one transaction. The caller makes this safe
        by dropping the document from the manifest first (`kg.build.StoreWriter`).
        """
        g = ox.NamedNode(graph_iri)
        self.store.update(f"DROP SILENT GRAPH {g}")
        for i in range(0, len(quads), batch):
            self.store.extend(quads[i:i + batch])
            self.store.flush()   # RocksDB's write buffers would otherwise grow by hundreds of MB

    def replace_documents(self, documents):
        """Replace what several documents assert, `(graph_iri, quads)` each, in one bulk write.

        The bulk loader is several times faster than a transaction per document (a build's
        writer is the one process that cannot be parallelised), but it is not atomic: a
        crash in the middle leaves some of these documents written and some not.
        """
        quads = []
        for graph_iri, document_quads in documents:
            self.remove_document(graph_iri)
            quads.extend(document_quads)
        self.store.bulk_extend(quads)

    @contextmanager
    def batch(self, max_quads: int = 200_000):
        """Collect `replace(graph_iri, quads)` calls and write them with `replace_documents`.

        >>> import tempfile
        >>> from pyoxigraph import Literal, NamedNode, Quad
        >>> s = GraphStore(tempfile.mkdtemp())
        >>> g = "https://w3id.org/rckg/id/graph/d1"
        >>> with s.batch() as batch:
        ...     batch.replace(g, [Quad(NamedNode("https://w3id.org/rckg/id/x"), NamedNode(
        ...         "http://www.w3.org/2000/01/rdf-schema#label"), Literal("x"), NamedNode(g))])
        >>> s.documents() == [g]
        True
        """
        batch = _Batch(self, max_quads)
        yield batch
        batch.flush()

    def remove_document(self, graph_iri: str):
        """Take out everything one document asserts; entities other documents mention stay,
        since their triples live in those documents' graphs."""
        self.store.update(f"DROP SILENT GRAPH {ox.NamedNode(graph_iri)}")

    def has_graph(self, graph_iri: str) -> bool:
        return self.store.contains_named_graph(ox.NamedNode(graph_iri))

    def documents(self) -> list[str]:
        prefix = ID + "graph/"
        return sorted(g.value for g in self.store.named_graphs()
                      if g.value.startswith(prefix) and g.value != ONTOLOGY_GRAPH)

    def query(self, sparql: str, **kw):
        if "custom_functions" not in kw and "entity" in sparql:
            from kg.sparql import functions

            kw["custom_functions"] = functions(self)
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


class _Batch:
    # A plain class at module level: a class made inside `batch()` would sit in a reference
    # cycle holding the store open (RocksDB's lock) until the garbage collector ran.
    def __init__(self, store: GraphStore, max_quads: int):
        self.store, self.max_quads = store, max_quads
        self.pending: list = []
        self.size = 0

    def replace(self, graph_iri: str, quads):
        self.pending.append((graph_iri, quads))
        self.size += len(quads)
        if self.size >= self.max_quads:
            self.flush()

    def flush(self):
        if self.pending:
            self.store.replace_documents(self.pending)
        self.pending, self.size = [], 0
