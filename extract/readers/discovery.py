"""The files under the paths a build is given, and every path that could not be looked at.

A folder walk that silently drops what it cannot read loses documents without a word; this
one names each problem — a folder it may not list, a link to nowhere, a link that leads back
into a folder already walked, a device or pipe — as a `PathProblem`, in the walk's order.
Linked folders are followed once (by device and inode), so a link loop ends the walk of that
branch instead of the program.

    >>> import tempfile, os
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("x"); os.symlink("nowhere", d / "b.txt"); os.symlink(".", d / "loop")
    >>> [(p.name, getattr(p, "reason", "")) for p in walk([d])]
    [('a.txt', ''), ('b.txt', 'dangling symlink (to nowhere)'), ('loop', 'symlink loop (back into a folder already read)')]
"""
from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

__all__ = ["PathProblem", "walk"]


@dataclass(frozen=True)
class PathProblem:
    """A path the walk met but could not use; `outcome` is "skipped" or "failed"."""

    path: Path
    outcome: str
    reason: str

    @property
    def name(self) -> str:
        return self.path.name


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$"))


def _reason(e: OSError) -> str:
    return (e.strerror or type(e).__name__).lower()


def walk(paths) -> Iterator[Path | PathProblem]:
    """Files under the given files and folders (hidden ones left out), sorted within each
    folder, with a `PathProblem` in place of each path that could not be used.

    Every file is yielded, supported or not, so the build can say which it skipped.
    """
    seen: set[tuple[int, int]] = set()
    for p in map(Path, paths):
        yield from _visit(p, seen)


def _visit(p: Path, seen):
    try:
        st = p.stat()
    except FileNotFoundError:
        if p.is_symlink():
            yield PathProblem(p, "failed", f"dangling symlink (to {os.readlink(p)})")
        else:
            yield PathProblem(p, "failed", "no such file or folder")
        return
    except OSError as e:
        if e.errno == 40:   # ELOOP: a link that leads to itself
            yield PathProblem(p, "skipped", "symlink loop")
        else:
            yield PathProblem(p, "failed", _reason(e))
        return
    if stat.S_ISREG(st.st_mode):
        yield p
        return
    if not stat.S_ISDIR(st.st_mode):
        yield PathProblem(p, "skipped", "not a regular file (device, pipe or socket)")
        return
    key = (st.st_dev, st.st_ino)
    if key in seen:
        if p.is_symlink():
            yield PathProblem(p, "skipped", "symlink loop (back into a folder already read)")
        return
    seen.add(key)
    try:
        with os.scandir(p) as it:
            names = sorted(e.name for e in it if not _hidden(e.name))
    except OSError as e:
        yield PathProblem(p, "failed", f"folder not read: {_reason(e)}")
        return
    for name in names:
        yield from _visit(p / name, seen)
