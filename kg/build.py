"""Build orchestration: files → text → records → quads → store → graph.ttl and graph.html, incrementally.

Four steps, each its own function so each can be tested, timed or run elsewhere:

1. `discover` — the files under the given paths;
2. `changed_documents` — hash each file, compare with the manifest, read (decode) only the
   new and changed ones; unsupported files are *skipped*, unreadable ones *failed*;
3. `extract_record` — text → `DocumentRecord`, a top-level function of plain arguments so
   it can be mapped over a process pool;
4. `StoreWriter.commit` — one transaction per document in the store, then its manifest entry.

A build holds the directory's writer lock from start to end. An unchanged corpus is not
extracted again: the pipeline is not even loaded, the store not even opened.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import pyoxigraph as ox

from extract.readers import (PathProblem, UnreadableDocument, UnsupportedDocument, iter_documents, read_document,
                             reader_for)
from extract.records import DocumentRecord
from extract.tagger_names import DEFAULT_TAGGER
from kg.filenames import printable, safe_id
from kg.graph import document_quads
from kg.iris import graph_iri
from kg.lock import writer_lock
from kg.manifest import DocumentEntry, Manifest, file_sha256, pipeline_fingerprint
from kg.netcache import network
from kg.parallel import extract_all, extract_one
from kg.shapes import check_quads
from kg.store import GraphStore, graph_dir
from ontology import ONTOLOGY_TTL

__all__ = ["BuildReport", "PendingDocument", "StoreWriter", "build", "changed_documents", "discover",
           "doc_id_for", "extract_record", "EXAMPLE_CORPUS", "OUTCOMES"]

EXAMPLE_CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"
OUTCOMES = ("read", "unchanged", "skipped", "failed")
MANIFEST_EVERY_SECONDS = 1.0
# Up to this many quads a document is replaced in one transaction; above, in batches
# (Oxigraph keeps a transaction in memory: ~2 KB a quad).
ATOMIC_QUADS = 50_000
# New documents are bulk-loaded in batches of about this many quads.
BULK_QUADS = 200_000
# graph.ttl and graph.html are the whole graph rewritten: at 10,000 documents 87 s and 124 s,
# 98% of a rebuild after one changed document. Above this many documents a build leaves them
# to `kg export` and `kg viz`, unless asked (`exports="always"`).
EXPORTS_MAX_DOCUMENTS = 2_000
EXPORTS = ("auto", "always", "never")

# on_document(path, outcome, reason): outcome is one of OUTCOMES, reason a line for skipped/failed.
DocumentCallback = Callable[[Path, str, "str | None"], None]


@dataclass
class BuildReport:
    graph_dir: Path
    read: list[str] = field(default_factory=list)                   # extracted in this build
    unchanged: list[str] = field(default_factory=list)              # same file, same pipeline: kept
    skipped: list[tuple[str, str]] = field(default_factory=list)    # (file, reason): not a kind we read
    failed: list[tuple[str, str]] = field(default_factory=list)     # (file, reason): ours, but unreadable
    notes: list[tuple[str, str]] = field(default_factory=list)      # (file, note): read, with a remark
    violations: list[str] = field(default_factory=list)             # lines: file, node, broken shape
    entities: int = 0
    relations: int = 0
    exports: bool = True          # graph.ttl and graph.html show this build

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        """
        >>> BuildReport(Path("g"), read=["a"], failed=[("b", "binary")]).summary()
        '1 read, 0 unchanged, 0 skipped, 1 failed; 0 entities, 0 relations'
        """
        return (f"{len(self.read)} read, {len(self.unchanged)} unchanged, {len(self.skipped)} skipped, "
                f"{len(self.failed)} failed; {self.entities} entities, {self.relations} relations")


@dataclass
class PendingDocument:
    """A new or changed document, read and waiting for extraction."""

    path: Path
    doc_id: str
    sha256: str        # of the file's bytes
    text: str


def doc_id_for(path: Path) -> str:
    """A document's id is its file name without the suffix: stable across machines.

    >>> doc_id_for(Path("docs/湖南 大学.txt")), doc_id_for(Path("a\x01b.txt"))
    ('湖南_大学', 'a%01b')
    """
    return safe_id(path.stem)


def _assign_doc_id(path: Path, manifest: Manifest, taken: set[str]) -> str:
    """The file's id, or the id with a hash of its path when another file has the name.

    A file keeps the id it had in earlier builds; an id whose file has gone (moved) passes
    to the file now bearing the name.
    """
    base, key = doc_id_for(path), str(path.resolve())
    salted = f"{base}-{hashlib.sha1(key.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"
    for candidate in (base, salted):
        entry = manifest.documents.get(candidate)
        if candidate not in taken and (entry is None or entry.path == key or not Path(entry.path).exists()):
            return candidate
    return salted


def discover(paths) -> list[Path | PathProblem]:
    """Step 1: the files to consider, in a stable order, and the paths that could not be
    looked at (unlistable folders, dangling links, link loops), each a `PathProblem`."""
    return list(iter_documents(paths))


def changed_documents(files, manifest: Manifest, pipeline: str, report: BuildReport,
                      on_document: DocumentCallback | None = None) -> Iterator[PendingDocument]:
    """Step 2: the new and changed documents, read; everything else reported and passed over.

    A generator, so only one document's text is held at a time.
    """
    taken: set[str] = set()

    def note(path, outcome, reason=None):
        if outcome == "skipped":
            report.skipped.append((printable(path), reason))
        elif outcome == "failed":
            report.failed.append((printable(path), reason))
        elif outcome == "unchanged":
            report.unchanged.append(printable(path))
        if on_document:
            on_document(path, outcome, reason)

    for path in files:
        if isinstance(path, PathProblem):
            note(path.path, path.outcome, path.reason)
            continue
        try:
            reader_for(path)
        except UnsupportedDocument as e:
            note(path, "skipped", str(e))
            continue
        try:
            sha = file_sha256(path)
        except OSError as e:
            note(path, "failed", e.strerror or str(e))
            continue
        doc_id = _assign_doc_id(path, manifest, taken)
        taken.add(doc_id)
        if manifest.is_current(doc_id, sha, pipeline):
            note(path, "unchanged")
            continue
        try:
            text = read_document(path)
        except UnreadableDocument as e:
            note(path, "failed", str(e))
            continue
        yield PendingDocument(path, doc_id, sha, text)


def extract_record(doc_id: str, text: str, source: str = "", sha256: str | None = None,
                   tagger: str = DEFAULT_TAGGER) -> DocumentRecord:
    """Step 3: one document's text → its record (`kg.parallel.extract_one`, the pipeline
    loaded once per process), stamped with the file's hash."""
    rec = extract_one(doc_id, source, text, tagger)
    if sha256:
        rec.sha256 = sha256
    return rec


class StoreWriter:
    """Step 4: the store and the manifest, written in that order, opened on first write."""

    def __init__(self, directory: Path, manifest: Manifest, pipeline: str):
        self.dir, self.manifest, self.pipeline = directory, manifest, pipeline
        self._store: GraphStore | None = None
        self._new: list[tuple[PendingDocument, list]] = []
        self._new_quads = 0
        self.changed = False
        self._saved_at = time.monotonic()
        self.violations: list[str] = []     # of the shapes (kg.shapes), by the documents written

    @property
    def store(self) -> GraphStore:
        if self._store is None:
            self._store = GraphStore(self.dir)
        return self._store

    def ensure_ontology(self):
        sha = file_sha256(ONTOLOGY_TTL)
        if self.manifest.ontology != sha:
            self._mark_stale()
            self.store.load_ontology()
            self.manifest.ontology = sha
            self.changed = True
            self.save_manifest()

    @property
    def _stale(self) -> Path:
        """Present from the first change to the store until graph.ttl and graph.html show it,
        so a build killed in between leaves a mark the next build sees."""
        return self.dir / ".exports-stale"

    def _mark_stale(self):
        if not self.changed:
            self._stale.touch()

    def commit(self, doc: PendingDocument, rec: DocumentRecord) -> list[PendingDocument]:
        """Write one document; returns the documents now in the store and the manifest (this
        one, or none yet, or a whole bulk batch)."""
        return self.commit_quads(doc, document_quads(rec))

    def commit_quads(self, doc: PendingDocument, quads: list) -> list[PendingDocument]:
        """`commit` for a document already turned into quads (`kg load` reads them from shards)."""
        self._mark_stale()
        self.violations += [v.line(printable(doc.path)) for v in check_quads(quads)]
        if doc.doc_id not in self.manifest.documents and not self.store.has_graph(graph_iri(doc.doc_id)):
            # a new document replaces nothing: it joins a bulk write (several times faster than a
            # transaction each), and the manifest names it only once that write is done
            self._new.append((doc, quads))
            self._new_quads += len(quads)
            if self._new_quads >= BULK_QUADS or time.monotonic() - self._saved_at > MANIFEST_EVERY_SECONDS:
                return self.flush_new()
            return []
        if len(quads) <= ATOMIC_QUADS:
            self.store.replace_document(graph_iri(doc.doc_id), quads)
        else:
            # too big for one transaction: first the manifest stops vouching for the document,
            # so a crash mid-way leaves a graph the next build redoes, never one it trusts
            if self.manifest.documents.pop(doc.doc_id, None) is not None:
                self.save_manifest()
            self.store.replace_graph_in_batches(graph_iri(doc.doc_id), quads)
        # only now, with the graph committed, may the manifest say the store has it
        self.manifest.documents[doc.doc_id] = DocumentEntry(str(doc.path.resolve()), doc.sha256, self.pipeline)
        self.changed = True
        if time.monotonic() - self._saved_at > MANIFEST_EVERY_SECONDS:
            self.save_manifest()
        return [doc]

    def flush_new(self):
        """Write the pending new documents in one bulk load, then let the manifest name them.

        A crash before the manifest is saved leaves graphs it does not vouch for; the next
        build extracts those documents again and replaces their graphs whole."""
        if not self._new:
            return []
        self.store.replace_documents((graph_iri(doc.doc_id), quads) for doc, quads in self._new)
        self.store.flush()   # on disk before the manifest says so
        done = [doc for doc, _ in self._new]
        for doc in done:
            self.manifest.documents[doc.doc_id] = DocumentEntry(str(doc.path.resolve()), doc.sha256, self.pipeline)
        self._new, self._new_quads = [], 0
        self.changed = True
        self.save_manifest()
        return done

    def save_manifest(self):
        self.manifest.save(self.dir)
        self._saved_at = time.monotonic()

    def finish(self, exports: str = "auto") -> bool:
        """Manifest, then the union as graph.ttl and graph.html (atomically) if anything changed
        or they are missing, and `exports_due`; returns whether they are up to date. Exports
        not written are removed, so no stale copy is taken for the graph."""
        ttl = self.dir / "graph.ttl"
        self.flush_new()
        if self.changed:
            self.save_manifest()
        html = self.dir / "graph.html"
        stale = self.changed or self._stale.exists()
        if not exports_due(len(self.manifest.documents), exports):
            if stale:
                ttl.unlink(missing_ok=True)
                html.unlink(missing_ok=True)
            self._stale.unlink(missing_ok=True)
            return ttl.exists()
        if stale or not ttl.exists():
            self.store.flush()
            self.store.write(ttl, ox.RdfFormat.TURTLE)
        if stale or not html.exists():
            from exports import export   # here: `kg --help` and the queries load no exporter

            export(self.store, "html", html, network=network)
        self._stale.unlink(missing_ok=True)
        return True


def exports_due(documents: int, exports: str = "auto") -> bool:
    """Does a build of this many documents write graph.ttl and graph.html?

    >>> exports_due(100), exports_due(10_000), exports_due(10_000, "always"), exports_due(3, "never")
    (True, False, True, False)
    """
    if exports not in EXPORTS:
        raise ValueError(f"exports is one of {', '.join(EXPORTS)}, not {exports!r}")
    return exports == "always" or (exports == "auto" and documents <= EXPORTS_MAX_DOCUMENTS)


def build(paths=None, graph: str | Path | None = None, *, on_document: DocumentCallback | None = None,
          on_start: Callable[[int], None] | None = None, jobs: int = 1, tagger: str = DEFAULT_TAGGER,
          exports: str = "auto") -> BuildReport:
    """Build or update the graph directory from documents (files or folders).

    `jobs` > 1 extracts in that many worker processes (`kg.parallel`); this process reads
    the documents and is the store's one writer, one transaction per document. `tagger`
    is the statistical tagger the extractor runs ("lac" or "none", `extract.load`); a
    document extracted with the other one is extracted again. `exports` says when graph.ttl
    and graph.html are written: "auto" up to EXPORTS_MAX_DOCUMENTS documents, "always" or
    "never" (`report.exports` says whether they are up to date).

    Refuses (`kg.lock.GraphLocked`) when another process is writing the same directory.

    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> report = build([EXAMPLE_CORPUS], d)
    >>> report.ok and len(report.read) >= 3
    True
    >>> len(build([EXAMPLE_CORPUS], d).unchanged) == len(report.read)   # nothing to redo
    True
    """
    paths = list(paths) if paths else [EXAMPLE_CORPUS]
    out = graph_dir(graph)
    report = BuildReport(out)
    files = discover(paths)
    if on_start:
        on_start(len(files))
    with writer_lock(out):
        # without a store the manifest promises nothing (someone deleted store/)
        manifest = Manifest.load(out) if (out / "store").exists() else Manifest()
        pipeline = pipeline_fingerprint(tagger)
        writer = StoreWriter(out, manifest, pipeline)
        writer.ensure_ontology()
        pending: dict[str, PendingDocument] = {}

        def texts():
            for doc in changed_documents(files, manifest, pipeline, report, on_document):
                pending[doc.doc_id] = doc
                yield doc.doc_id, printable(doc.path.name), doc.text

        notes: dict[str, str] = {}

        def stored(docs):
            # a document counts as read once the store and the manifest hold it
            for done in docs:
                report.read.append(printable(done.path))
                note = notes.pop(done.doc_id, None)
                if note:
                    report.notes.append((printable(done.path), note))
                if on_document:
                    on_document(done.path, "read", note)

        for doc_id, rec in extract_all(texts(), jobs, tagger):
            doc = pending.pop(doc_id)
            rec.sha256 = doc.sha256   # the file's hash, as in the manifest
            report.entities += len(rec.entities)
            report.relations += len(rec.relations)
            if rec.notes:
                notes[doc_id] = "; ".join(rec.notes)
            stored(writer.commit(doc, rec))
        stored(writer.flush_new())
        report.exports = writer.finish(exports)
        report.violations = writer.violations
    return report
