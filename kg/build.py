"""Build orchestration: documents → records → quads → store → graph.ttl.

The extractor runs over each readable document; a document that cannot be read is
reported and skipped, and the rest of the build goes on.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from extract.readers import UnreadableDocument, iter_documents, read_document
from kg.graph import document_quads
from kg.iris import graph_iri
from kg.parallel import extract_all
from kg.store import GraphStore, graph_dir

__all__ = ["BuildReport", "build", "doc_id_for", "EXAMPLE_CORPUS"]

EXAMPLE_CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"


@dataclass
class BuildReport:
    graph_dir: Path
    read: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (file, reason)
    entities: int = 0
    relations: int = 0

    @property
    def ok(self) -> bool:
        return not self.skipped


def doc_id_for(path: Path) -> str:
    """A document's id is its file name without the suffix: stable across machines."""
    return re.sub(r"\s+", "_", path.stem)


def build(paths=None, graph: str | Path | None = None, *,
          on_document: Callable[[Path, str | None], None] | None = None, jobs: int = 1) -> BuildReport:
    """Build (or update) the graph directory from documents.

    `jobs` > 1 extracts in that many worker processes (see `kg.parallel`); this process
    reads the documents and is the store's one writer.

    >>> import tempfile
    >>> report = build([EXAMPLE_CORPUS], tempfile.mkdtemp())
    >>> report.ok and len(report.read) >= 3
    True
    """
    paths = list(paths) if paths else [EXAMPLE_CORPUS]
    out = graph_dir(graph)
    report = BuildReport(out)
    store = GraphStore(out)
    store.load_ontology()
    sources: dict[str, Path] = {}

    def readable():
        for path in iter_documents(paths):
            try:
                text = read_document(path)
            except UnreadableDocument as e:
                report.skipped.append((str(path), str(e)))
                if on_document:
                    on_document(path, str(e))
                continue
            doc_id = doc_id_for(path)
            if doc_id in sources:
                doc_id += "-" + hashlib.sha1(str(path).encode()).hexdigest()[:8]
            sources[doc_id] = path
            yield doc_id, path.name, text

    with store.batch() as batch:
        for doc_id, rec in extract_all(readable(), jobs):
            batch.replace(graph_iri(doc_id), document_quads(rec))
            path = sources[doc_id]
            report.read.append(str(path))
            report.entities += len(rec.entities)
            report.relations += len(rec.relations)
            if on_document:
                on_document(path, None)
    store.flush()
    store.write(out / "graph.ttl", ox.RdfFormat.TURTLE)
    return report
