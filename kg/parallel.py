"""Extraction over many documents in worker processes, results back in input order.

Extraction is pure CPU work on one document at a time, so it spreads over processes;
writing stays in one process (the caller), because the store has one writer. Each worker
loads the spaCy pipeline once, in the pool's initializer, and then only receives
`(doc_id, source, text)` and sends back a plain, picklable `DocumentRecord`.

Workers come from a fork server that has already imported the extractor, so a worker
costs a fork and a pipeline load, not a fresh interpreter; and they are never forked from
the caller, which may hold the store (RocksDB threads) open. As with any multiprocessing code,
a script that calls `build(..., jobs=2)` needs the `if __name__ == "__main__":` guard
(workers import the main script); without it the pool breaks with `BrokenProcessPool`.

    >>> docs = [("a", "a.txt", "湖南大学与香港大学合作。"), ("b", "b.txt", "中南大学与澳门大学合作。")]
    >>> [(doc_id, sorted(n for n, e in r.entities.items() if e.type == "University"))
    ...  for doc_id, r in extract_all(docs, jobs=1)]
    [('a', ['湖南大学', '香港大学']), ('b', ['中南大学', '澳门大学'])]
"""
from __future__ import annotations

import ctypes
import multiprocessing
import os
import select
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from typing import Iterable, Iterator

from extract.records import DocumentRecord
from extract.tagger_names import DEFAULT_TAGGER

__all__ = ["extract_one", "extract_all", "default_jobs"]

_nlps: dict = {}
# Documents go to workers a few at a time (fewer round trips through the pool's queues,
# which cost the writer process time), and a few chunks per worker are in flight: enough
# to keep every worker busy while the caller writes, few enough that a 100 MB corpus is
# never all in memory at once.
_CHUNK = 4
_PR_SET_PDEATHSIG = 1
_AHEAD_PER_WORKER = 3


def _load_pipeline(tagger: str = DEFAULT_TAGGER):
    if tagger not in _nlps:
        from extract import load     # spaCy: only where documents are extracted

        _nlps[tagger] = load(tagger=tagger)
    return _nlps[tagger]


def _die_with(build_pid: int):
    """End this worker when the build that asked for it ends, however it ends.

    A worker is the fork server's child, not the build's, and holds its own task queue's
    write end, so a SIGKILLed build would leave it (and through it the fork server and the
    resource tracker, and the build's stderr pipe) alive for good. Linux: the kernel kills
    it with its parent (PR_SET_PDEATHSIG), and a thread waits on a pidfd of the build and
    exits the moment the build is gone. Elsewhere: the thread polls the build's PID.
    """
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass

    def gone() -> bool:
        try:
            os.kill(build_pid, 0)
            return False
        except ProcessLookupError:
            return True
        except PermissionError:
            return False

    def watch():
        try:
            fd = os.pidfd_open(build_pid)
        except (AttributeError, OSError):
            fd = None
        if fd is not None:
            select.select([fd], [], [])   # readable when the process has ended
        else:
            while not gone():
                time.sleep(1)
        os._exit(1)

    if gone():
        os._exit(1)
    threading.Thread(target=watch, name="die-with-build", daemon=True).start()


def _init_worker(build_pid: int, tagger: str):
    _die_with(build_pid)
    # The writer (the caller) is the build's critical path: where there are fewer free cores
    # than workers + 1, a worker should wait rather than the writer.
    try:
        os.nice(5)
    except OSError:
        pass
    _load_pipeline(tagger)


def extract_one(doc_id: str, source: str, text: str, tagger: str = DEFAULT_TAGGER) -> DocumentRecord:
    """The extraction step: one document's text → its record (the pipeline with this
    tagger, `extract.load(tagger=...)`, loaded once per process).

    >>> extract_one("d", "d.txt", "湖南大学与香港大学合作。").relations[0].kind
    'partner'
    """
    from extract.document import extract_document

    return extract_document(_load_pipeline(tagger), text, doc_id, source=source)


def _extract_chunk(chunk: list[tuple[str, str, str]], tagger: str) -> list[DocumentRecord]:
    return [extract_one(*doc, tagger=tagger) for doc in chunk]


def default_jobs() -> int:
    """One worker per CPU this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def extract_all(documents: Iterable[tuple[str, str, str]], jobs: int = 1,
                tagger: str = DEFAULT_TAGGER) -> Iterator[tuple[str, DocumentRecord]]:
    """`(doc_id, record)` for each `(doc_id, source, text)`, in the order given.

    With `jobs` ≤ 1 everything runs here, in this process. Otherwise `jobs` worker
    processes extract while this generator's caller consumes; `documents` is read lazily
    (in the caller's thread), a bounded number of documents ahead. `tagger` is the
    statistical tagger every process's pipeline runs (`extract.load`): "lac" or "none".
    """
    if jobs <= 1:
        for doc_id, source, text in documents:
            yield doc_id, extract_one(doc_id, source, text, tagger)
        return
    ctx = multiprocessing.get_context("forkserver")
    # spaCy (and onnxruntime, for LAC) imported once, before the fork; the model loads in each worker
    ctx.set_forkserver_preload(["kg.parallel", "extract.document"] + (["extract.lac"] if tagger == "lac" else []))
    pending: deque = deque()
    # A worker that dies (or whose pipeline fails to load) breaks the pool and raises
    # BrokenProcessPool here, where a multiprocessing.Pool would restart it forever.
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=(os.getpid(), tagger)) as pool:
        for chunk in _chunks(documents, _CHUNK):
            pending.append(pool.submit(_extract_chunk, chunk, tagger))
            if len(pending) >= jobs * _AHEAD_PER_WORKER:
                for rec in pending.popleft().result():
                    yield rec.doc_id, rec
        while pending:
            for rec in pending.popleft().result():
                yield rec.doc_id, rec


def _chunks(items: Iterable, size: int):
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
