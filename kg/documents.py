"""Documents as an analyst names them, by title and date, and the period filter `--since/--until`.

A document's id (`000_306c249ff8f6f23f`) is what the graph keys it by; people know it by its
title and date, so every answer that cites a document can carry both. The period filter keeps
the evidence of documents dated within it; a document without a date is outside every period.

    >>> p = Period.parse("2023", "2023-06")
    >>> p.since, p.until
    ('2023-01-01', '2023-06-30')
    >>> p.contains("2023-06-28"), p.contains("2023-07-01"), p.contains(None)
    (True, False, False)
    >>> Period().contains(None)      # no period asked: everything is in
    True
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass

from pyoxigraph import Literal

from kg.namespaces import sparql_prologue

__all__ = ["Period", "documents", "doc_filter"]

_DOCS = sparql_prologue() + """
SELECT ?doc ?title ?date WHERE { VALUES_CLAUSE ?d a rc:Document ; dcterms:identifier ?doc .
  OPTIONAL { ?d rdfs:label ?title } OPTIONAL { ?d dcterms:date ?date } }"""

_DAY = re.compile(r"^((?:19|20)\d{2})(?:[-/.年](\d{1,2})月?(?:[-/.月](\d{1,2})日?)?)?$")


@dataclass(frozen=True)
class Period:
    """Dates as ISO yyyy-mm-dd, both ends included; None leaves that end open."""

    since: str | None = None
    until: str | None = None

    @classmethod
    def parse(cls, since: str | None = None, until: str | None = None) -> "Period":
        """`--since 2023 --until 2023-06`: a year or month means its first day, or its last.

        >>> Period.parse(until="2024-02").until, Period.parse("2021年6月").since
        ('2024-02-29', '2021-06-01')
        >>> Period.parse("last year")
        Traceback (most recent call last):
        ...
        ValueError: 'last year' is not a date: give 2023, 2023-06 or 2023-06-28
        """
        return cls(_bound(since, first=True), _bound(until, first=False))

    def __bool__(self) -> bool:
        return bool(self.since or self.until)

    def contains(self, date: str | None) -> bool:
        if not self:
            return True
        if not date:
            return False
        return (self.since is None or date[:10] >= self.since) and (self.until is None or date[:10] <= self.until)


def _bound(text: str | None, first: bool) -> str | None:
    if text is None or not str(text).strip():
        return None
    m = _DAY.match(str(text).strip())
    if not m:
        raise ValueError(f"{text!r} is not a date: give 2023, 2023-06 or 2023-06-28")
    y = int(m[1])
    mo = int(m[2]) if m[2] else (1 if first else 12)
    if not 1 <= mo <= 12:
        raise ValueError(f"{text!r} is not a date: month {mo}")
    last = calendar.monthrange(y, mo)[1]
    d = int(m[3]) if m[3] else (1 if first else last)
    if not 1 <= d <= last:
        raise ValueError(f"{text!r} is not a date: day {d}")
    return f"{y:04d}-{mo:02d}-{d:02d}"


def documents(store, ids=None) -> dict[str, dict]:
    """{document id: {"title", "date"}} for every document in the graph, or those in `ids`.

    The title is the document's own where the text states one, else its id.

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> docs = documents(kg.open_graph(d))
    >>> sorted(docs)[0], sorted(docs["hktdc-hunan-mou"])
    ('ftz-greater-bay-area', ['date', 'title'])
    """
    out: dict[str, dict] = {}
    if ids is None:
        query = _DOCS.replace("VALUES_CLAUSE", "")
    else:
        ids = sorted(set(ids))
        if not ids:
            return {}
        # The ids go in as literals serialised by pyoxigraph, never pasted as text.
        query = _DOCS.replace("VALUES_CLAUSE", "VALUES ?doc { " + " ".join(str(Literal(i)) for i in ids) + " }")
    for r in store.query(query):
        doc = r["doc"].value
        entry = out.setdefault(doc, {"title": None, "date": None})
        if r["title"] is not None and (entry["title"] is None or entry["title"] == doc):
            entry["title"] = r["title"].value
        if r["date"] is not None:
            entry["date"] = entry["date"] or r["date"].value
    for doc, entry in out.items():
        entry["title"] = entry["title"] or doc
    return out


def doc_filter(store, period: Period):
    """A predicate on document ids: is this document dated within `period`? (All are, if none.)"""
    if not period:
        return lambda doc: True
    dates = {doc: d["date"] for doc, d in documents(store).items()}
    return lambda doc: period.contains(dates.get(doc))
