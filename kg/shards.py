"""A build in two halves: extraction to shards (a pure map, on any number of machines), then loading.

`extract_shards` turns each document into one compressed N-Quads file, its named graph
(`<doc id>.nq.gz`), and lists it in the shard manifest `shards.jsonl` (one JSON line per
document: id, source file, the file's SHA-256, the pipeline, the shard and its quad count,
or the reason it failed). Nothing in a shard depends on another document, so the map runs
here (`jobs` processes) or on a Dask cluster (`engine="dask"`, `scheduler="tcp://…"`), whose
workers write their shards straight into the shard directory: on a cluster it must be a
filesystem every worker and this machine share.

`load_shards` bulk-loads the shards into a graph directory's store, with the same manifest
entries `kg build` would have written, so a later `kg build` of the same files extracts
nothing again.

    >>> import tempfile, kg
    >>> from kg.build import EXAMPLE_CORPUS
    >>> shards, g = tempfile.mkdtemp(), tempfile.mkdtemp()
    >>> report = extract_shards([EXAMPLE_CORPUS], shards, tagger="none")
    >>> report.failed, len(report.written) >= 3
    ([], True)
    >>> len(load_shards(shards, g).read) == len(report.written)
    True
"""
from __future__ import annotations

import gzip
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

__all__ = ["ShardReport", "extract_shards", "load_shards", "shard_document", "SHARD_MANIFEST", "ENGINES"]

SHARD_MANIFEST = "shards.jsonl"
ENGINES = ("local", "dask")


@dataclass
class ShardReport:
    directory: Path
    written: list[str] = field(default_factory=list)                # doc ids now in a shard
    skipped: list[tuple[str, str]] = field(default_factory=list)    # (file, reason)
    failed: list[tuple[str, str]] = field(default_factory=list)     # (file, reason)

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return f"{len(self.written)} shards written, {len(self.skipped)} skipped, {len(self.failed)} failed"


def _shard_name(doc_id: str) -> str:
    """A file name for a document's shard; ids are file stems already, `/` aside.

    >>> _shard_name("a/b")
    'a%2Fb.nq.gz'
    """
    return doc_id.replace("%", "%25").replace("/", "%2F") + ".nq.gz"


def _write_shard(path: Path, quads) -> int:
    """N-Quads, gzip-compressed, written aside then renamed: a shard is whole or absent."""
    tmp = path.with_name(path.name + f".{os.getpid()}.{threading.get_ident()}.tmp")
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    with gzip.open(tmp, "wb", compresslevel=6) as f:
        f.write(data)
    os.replace(tmp, path)
    return len(quads)


_local = threading.local()


def _thread_pipeline(tagger: str):
    """One pipeline per thread: a Dask worker may run several tasks at once in threads."""
    nlps = _local.__dict__.setdefault("nlps", {})
    if tagger not in nlps:
        from extract import load

        nlps[tagger] = load(tagger=tagger)
    return nlps[tagger]


def shard_document(out: str, doc_id: str, source: str, path: str, sha256: str, text: str, pipeline: str,
                   tagger: str) -> dict:
    """The map: one document's text → its shard in `out`, and its shard-manifest line.

    A top-level function of plain arguments, so a process pool or a Dask worker can run it;
    a failure is returned as the line's `error`, never raised.
    """
    from extract.document import extract_document
    from kg.graph import document_quads

    line = {"doc_id": doc_id, "path": path, "sha256": sha256, "pipeline": pipeline}
    try:
        rec = extract_document(_thread_pipeline(tagger), text, doc_id, source=source)
        rec.sha256 = sha256
        name = _shard_name(doc_id)
        line.update(shard=name, quads=_write_shard(Path(out) / name, document_quads(rec)))
    except Exception as e:  # noqa: BLE001 - one document's failure is reported, the map goes on
        line["error"] = f"{type(e).__name__}: {e}"
    return line


def _pending(paths, report: ShardReport, pipeline: str):
    """The documents to extract, read, with the ids a fresh `kg build` would give them."""
    from kg.build import BuildReport, changed_documents, discover
    from kg.filenames import printable
    from kg.manifest import Manifest

    seen = BuildReport(report.directory)
    for doc in changed_documents(discover(paths), Manifest(), pipeline, seen):
        yield doc.doc_id, printable(doc.path.name), str(doc.path.resolve()), doc.sha256, doc.text
    report.skipped += seen.skipped
    report.failed += seen.failed


def _run_local(out: Path, docs, pipeline: str, tagger: str, jobs: int):
    if jobs <= 1:
        for d in docs:
            yield shard_document(str(out), *d[:4], d[4], pipeline, tagger)
        return
    import multiprocessing
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["kg.shards", "extract.document"])
    pending: deque = deque()
    with ProcessPoolExecutor(jobs, mp_context=ctx) as pool:
        for d in docs:
            pending.append(pool.submit(shard_document, str(out), *d[:4], d[4], pipeline, tagger))
            if len(pending) >= 4 * jobs:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _run_dask(out: Path, docs, pipeline: str, tagger: str, scheduler: str | None, batch: int = 256):
    """Submit documents to a Dask cluster a batch at a time (a corpus is never all in memory)."""
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise RuntimeError("the dask engine needs dask[distributed]: pip install 'dask[distributed]'") from None
    client = scheduler if isinstance(scheduler, Client) else Client(scheduler)
    try:
        futures = as_completed()
        in_flight = 0
        for d in docs:
            futures.add(client.submit(shard_document, str(out), *d[:4], d[4], pipeline, tagger, pure=False))
            in_flight += 1
            if in_flight >= batch:
                yield next(futures).result()
                in_flight -= 1
        for f in futures:
            yield f.result()
    finally:
        if client is not scheduler:
            client.close()


def extract_shards(paths, out, *, jobs: int = 1, engine: str = "local", scheduler=None,
                   tagger: str | None = None, on_line=None) -> ShardReport:
    """Extract documents (files or folders) to one shard each in `out`, with `shards.jsonl`.

    `engine` "local" runs `jobs` processes here; "dask" runs on the Dask cluster at
    `scheduler` (an address such as "tcp://10.0.0.5:8786", or a `distributed.Client`).
    The manifest is written by this process alone, at the end, atomically and sorted by id:
    a directory is one extraction's shards (a killed run leaves shards no manifest lists;
    run it again).
    """
    from extract.tagger_names import DEFAULT_TAGGER
    from kg.manifest import pipeline_fingerprint

    if engine not in ENGINES:
        raise ValueError(f"engine is one of {', '.join(ENGINES)}, not {engine!r}")
    tagger = tagger or DEFAULT_TAGGER
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = ShardReport(out)
    pipeline = pipeline_fingerprint(tagger)
    docs = _pending(paths, report, pipeline)
    lines = _run_local(out, docs, pipeline, tagger, jobs) if engine == "local" else \
        _run_dask(out, docs, pipeline, tagger, scheduler)
    kept = {}
    for line in lines:
        if "error" in line:
            report.failed.append((line["path"], line["error"]))
        else:
            kept[line["doc_id"]] = line
            report.written.append(line["doc_id"])
        if on_line:
            on_line(line)
    tmp = out / (SHARD_MANIFEST + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        for doc_id in sorted(kept):
            f.write(json.dumps(kept[doc_id], ensure_ascii=False) + "\n")
    os.replace(tmp, out / SHARD_MANIFEST)
    return report


def _read_shard(path: Path) -> list:
    with gzip.open(path, "rb") as f:
        return list(ox.parse(f.read(), format=ox.RdfFormat.N_QUADS))


def load_shards(shards, graph=None, *, exports: str = "auto", on_document=None):
    """Bulk-load the shards listed in `shards/shards.jsonl` into the graph directory's store.

    Returns a `kg.build.BuildReport`; a shard that is missing or unreadable is reported as
    failed and the others load.
    """
    from kg.build import BuildReport, PendingDocument, StoreWriter
    from kg.lock import writer_lock
    from kg.manifest import Manifest
    from kg.store import graph_dir

    shards = Path(shards)
    manifest_path = shards / SHARD_MANIFEST
    if not manifest_path.exists():
        raise FileNotFoundError(f"{shards}: no {SHARD_MANIFEST} here (run `kg extract` first)")
    out = graph_dir(graph)
    report = BuildReport(out)
    with writer_lock(out):
        manifest = Manifest.load(out) if (out / "store").exists() else Manifest()
        writer = StoreWriter(out, manifest, pipeline="")    # one extraction's pipeline: set from the lines
        writer.ensure_ontology()
        for n, text in enumerate(manifest_path.read_text(encoding="utf-8").splitlines(), 1):
            if not text.strip():
                continue
            line = json.loads(text)
            try:
                quads = _read_shard(shards / line["shard"])
            except (OSError, SyntaxError, EOFError, KeyError) as e:
                report.failed.append((f"{manifest_path}:{n}", f"{line.get('shard')}: {e}"))
                continue
            writer.pipeline = line["pipeline"]
            doc = PendingDocument(Path(line["path"]), line["doc_id"], line["sha256"], "")
            for done in writer.commit_quads(doc, quads):
                report.read.append(done.doc_id)
                if on_document:
                    on_document(done.doc_id)
        for done in writer.flush_new():
            report.read.append(done.doc_id)
        report.exports = writer.finish(exports)
    return report
