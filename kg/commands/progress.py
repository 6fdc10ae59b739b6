"""Progress of a build on stderr: a bar on a terminal, plain lines in a log.

Skipped and failed files are always named, one line each, whatever the output.
"""
from __future__ import annotations

import sys

import click

from kg.filenames import printable

__all__ = ["DocumentProgress", "BAR_FROM"]

BAR_FROM = 5   # fewer documents than this: no bar, no per-document lines


class DocumentProgress:
    def __init__(self, stream=None):
        self.stream = stream
        self.bar = None
        self.total = 0
        self.done = 0

    def _out(self):
        return self.stream or sys.stderr

    def start(self, total: int):
        self.total = total
        if total >= BAR_FROM and self._out().isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="doc", file=self._out(), leave=False, dynamic_ncols=True)

    def document(self, path, outcome: str, reason: str | None):
        self.done += 1
        path = printable(path)
        line = f"{outcome} {path}: {reason}" if reason else None
        if self.bar is not None:
            if line:
                self.bar.write(line, file=self._out())
            self.bar.update(1)
        elif line:
            click.echo(line, err=True)
        elif self.total >= BAR_FROM:
            click.echo(f"[{self.done}/{self.total}] {outcome} {path}", err=True)

    def close(self):
        if self.bar is not None:
            self.bar.close()
            self.bar = None
