"""The project's word lists, read from `ontology/lexicons/` (one table per concept).

A table is tab-separated with a header line naming its columns; the first column holds the
word (or pattern fragment). Each table is read once, by the project's one TSV reader
(`ontology.tsv`); `alternation` compiles a table into a regex alternation in the table's own
order (the order decides which of two overlapping words a regex takes first).
"""
from __future__ import annotations

from functools import lru_cache

from ontology import LEXICON_DIR
from ontology.tsv import rows

__all__ = ["words", "alternation"]


@lru_cache(maxsize=None)
def _table(name: str) -> tuple[str, tuple[dict[str, str], ...]]:
    path = LEXICON_DIR / f"{name}.tsv"
    with path.open(encoding="utf-8", newline="") as fh:
        first = fh.readline().split("\t")[0].strip()
    return first, tuple(rows(path))


def words(name: str, column: str | None = None, value: str = "yes") -> tuple[str, ...]:
    """The words of `ontology/lexicons/<name>.tsv` (its first column), in order; with `column`,
    only the rows where that column holds `value`.

    >>> words("org_suffixes")[:2]
    ('大学', '学院')
    >>> words("org_suffixes", "type", "University")[:2]
    ('大学', '学院')
    """
    first, table = _table(name)
    if column is not None and table and column not in table[0]:
        raise KeyError(f"{name}.tsv has no column {column!r}")
    return tuple(row[first] for row in table if row.get(first) and (column is None or row.get(column) == value))


def alternation(name: str, column: str | None = None, value: str = "yes") -> str:
    """The words of a lexicon as a regex group `(?:a|b|…)`, in the table's order.

    Cells are regex fragments (a few hold a character class such as [省市县区]), so they are
    not escaped.

    >>> alternation("org_suffixes")[:8]
    '(?:大学|学院'
    """
    return "(?:" + "|".join(words(name, column, value)) + ")"
