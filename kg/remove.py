"""Taking documents out of a graph: their named graphs go, everything else stays.

An entity that another document also mentions keeps its type, labels and relations,
because those triples live in the other document's graph too; nothing needs counting.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox

from kg.build import doc_id_for, exports_due
from kg.iris import graph_iri
from kg.lock import writer_lock
from kg.manifest import Manifest
from kg.store import GraphStore, graph_dir

__all__ = ["remove", "UnknownDocument"]


class UnknownDocument(LookupError):
    """No such document in the graph."""


def remove(names, graph: str | Path | None = None) -> list[str]:
    """Remove documents, named by id or by file path; returns the ids removed.

    The manifest entry goes first, then the graph, then graph.ttl is rewritten, so a
    removal killed half-way leaves at worst a graph the manifest no longer lists (running
    the removal again takes it out).

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp()
    >>> _ = kg.build(graph=d)
    >>> remove(["hktdc-hunan-mou"], d)
    ['hktdc-hunan-mou']
    >>> len(kg.open_graph(d).documents())
    2
    """
    out = graph_dir(graph)
    if not (out / "store").exists():
        raise UnknownDocument(f"{out}: no graph here (run `kg build` first)")
    removed = []
    with writer_lock(out):
        manifest = Manifest.load(out)
        store = GraphStore(out)
        for name in names:
            doc_id = manifest.find(name) or next(
                (c for c in (name, doc_id_for(Path(name))) if store.has_graph(graph_iri(c))), None)
            if doc_id is None:
                raise UnknownDocument(f"no document {name!r} in {out}")
            if manifest.documents.pop(doc_id, None) is not None:
                manifest.save(out)
            store.remove_document(graph_iri(doc_id))
            removed.append(doc_id)
        store.flush()
        if exports_due(len(manifest.documents)):
            store.write(out / "graph.ttl", ox.RdfFormat.TURTLE)
        else:                                  # too big to rewrite whole: `kg export` when asked
            (out / "graph.ttl").unlink(missing_ok=True)
    return removed
