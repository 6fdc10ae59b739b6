"""The one reader of the project's TSV tables (gazetteers, lexicons, the schema).

Tables are edited by hand, so blank lines are skipped and cells are trimmed.
"""
from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

__all__ = ["rows"]


def rows(path: Path) -> Iterator[dict[str, str]]:
    """Each non-blank row of the table at `path` as {column: trimmed cell}.

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "t.tsv"
    >>> _ = p.write_text("name\\tkind\\n 甲 \\tx\\n\\n乙\\t\\n", encoding="utf-8")
    >>> list(rows(p))
    [{'name': '甲', 'kind': 'x'}, {'name': '乙', 'kind': ''}]
    """
    with Path(path).open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row and any((v or "").strip() for v in row.values()):
                yield {k: (v or "").strip() for k, v in row.items() if k}
