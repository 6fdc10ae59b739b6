"""One writer per graph directory: an advisory lock on `<graph dir>/.lock`.

Two builds writing the same store would interleave their documents and manifests; the
second is refused at once with the PID of the first, rather than waiting or failing
later on RocksDB's own lock with a message nobody can act on. The kernel drops the lock
when its holder dies, even by SIGKILL, so a crashed build never leaves it stuck.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

__all__ = ["GraphLocked", "GraphUnwritable", "writer_lock"]


class GraphLocked(RuntimeError):
    """Another process is writing this graph directory."""


class GraphUnwritable(RuntimeError):
    """The graph directory cannot be made or written (permissions, a file in the way, a
    read-only disk): one line naming the directory and the reason."""


@contextmanager
def writer_lock(directory: str | os.PathLike):
    """Hold the directory's writer lock for the duration of the block.

    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> with writer_lock(d):
    ...     with writer_lock(d):
    ...         pass
    Traceback (most recent call last):
    ...
    kg.lock.GraphLocked: ... is being written by another process (PID ...); wait for it to finish
    >>> with writer_lock(os.path.join(d, ".lock", "g")):
    ...     pass
    Traceback (most recent call last):
    ...
    kg.lock.GraphUnwritable: .../.lock/g: cannot write the graph here (not a directory)
    """
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(directory / ".lock", os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as e:
        raise GraphUnwritable(f"{directory}: cannot write the graph here ({(e.strerror or str(e)).lower()})") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            raise GraphLocked(f"{directory} is being written by another process (PID {holder}); "
                              "wait for it to finish") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield
        finally:
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
