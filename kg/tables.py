"""Rows → text: one formatter for every command's output (table, csv, tsv, json).

Commands hand over plain rows (dicts with the same keys, in column order) and a format
name; they never format by hand, so `--format` means the same everywhere. Tables are laid
out by display width, so Chinese names (two columns per character) line up.
"""
from __future__ import annotations

import csv
import io
import json
import unicodedata

__all__ = ["FORMATS", "render", "display_width"]

FORMATS = ("table", "csv", "tsv", "json")


def display_width(text: str) -> int:
    """Terminal columns a string takes: wide (CJK) characters count two.

    >>> display_width("湖南大学"), display_width("HKU"), display_width("湘·港")
    (8, 3, 5)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.4g}"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def _table(columns: list[str], rows: list[dict]) -> str:
    cells = [[_cell(r.get(c)).replace("\n", " ") for c in columns] for r in rows]
    widths = [max([display_width(c)] + [display_width(row[i]) for row in cells])
              for i, c in enumerate(columns)]

    def line(values):
        padded = [v + " " * (w - display_width(v)) for v, w in zip(values, widths)]
        return "  ".join(padded).rstrip()

    out = [line(columns), line(["─" * w for w in widths])]
    out += [line(row) for row in cells]
    return "\n".join(out) + "\n"


def _delimited(columns: list[str], rows: list[dict], dialect: str) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, dialect=dialect, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in columns])
    return buf.getvalue()


def _jsonable(value):
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    return value


def render(rows: list[dict], fmt: str = "table", columns: list[str] | None = None) -> str:
    """Format rows; `columns` defaults to the keys of the first row.

    >>> rows = [{"partner": "湖南大学", "status": "realized"}, {"partner": "HKU", "status": None}]
    >>> print(render(rows), end="")
    partner   status
    ────────  ────────
    湖南大学  realized
    HKU
    >>> print(render(rows, "csv"), end="")
    partner,status
    湖南大学,realized
    HKU,
    >>> render(rows, "json")
    '[\\n  {\\n    "partner": "湖南大学",\\n    "status": "realized"\\n  },\\n  {\\n    "partner": "HKU",\\n    "status": null\\n  }\\n]\\n'
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        data = [{c: _jsonable(r.get(c)) for c in columns} for r in rows]
        return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "csv":
        return _delimited(columns, rows, "excel")
    if fmt == "tsv":
        return _delimited(columns, rows, "excel-tab")
    return _table(columns, rows) if columns else ""
