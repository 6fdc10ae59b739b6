"""Rows → text: one formatter for every command's output (table, csv, tsv, json, xlsx).

Commands hand over plain rows (dicts with the same keys, in column order) and a format
name; they never format by hand, so `--format` means the same everywhere. Tables are laid
out by display width, so Chinese names (two columns per character) line up. CSV starts
with a byte-order mark, so Excel opens it as UTF-8 and the Chinese stays intact; xlsx is
a workbook (bytes, `render_bytes`), one sheet per table.
"""
from __future__ import annotations

import csv
import io
import json
import unicodedata

__all__ = ["FORMATS", "TEXT_FORMATS", "render", "render_bytes", "workbook", "display_width", "BOM"]

TEXT_FORMATS = ("table", "csv", "tsv", "json")
FORMATS = TEXT_FORMATS + ("xlsx",)
BOM = "\ufeff"


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
    >>> print(render(rows, "csv").lstrip(BOM), end="")
    partner,status
    湖南大学,realized
    HKU,
    >>> render(rows, "json")
    '[\\n  {\\n    "partner": "湖南大学",\\n    "status": "realized"\\n  },\\n  {\\n    "partner": "HKU",\\n    "status": null\\n  }\\n]\\n'
    """
    if fmt not in TEXT_FORMATS:
        raise ValueError(f"unknown text format {fmt!r}; one of {', '.join(TEXT_FORMATS)} (xlsx: render_bytes)")
    columns = list(columns or (rows[0].keys() if rows else []))
    if fmt == "json":
        data = [{c: _jsonable(r.get(c)) for c in columns} for r in rows]
        return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    if fmt == "csv":
        return BOM + _delimited(columns, rows, "excel")
    if fmt == "tsv":
        return _delimited(columns, rows, "excel-tab")
    return _table(columns, rows) if columns else ""


def _xlsx_value(value):
    if value is None or isinstance(value, (bool, int, float)):
        return value
    return _cell(value)


def workbook(sheets: dict[str, tuple[list[str], list[dict]]]) -> bytes:
    """An xlsx workbook, one sheet per `{name: (columns, rows)}`, header row bold and frozen.

    >>> import io, openpyxl
    >>> data = workbook({"partners": (["partner", "n"], [{"partner": "香港城市大学", "n": 3}])})
    >>> ws = openpyxl.load_workbook(io.BytesIO(data))["partners"]
    >>> [[c.value for c in row] for row in ws.iter_rows()]
    [['partner', 'n'], ['香港城市大学', 3]]
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    for name, (columns, rows) in sheets.items():
        ws = wb.create_sheet(name[:31] or "sheet")     # Excel's limit on a sheet's name
        ws.append(columns)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        ws.freeze_panes = "A2"
        for r in rows:
            ws.append([_xlsx_value(r.get(c)) for c in columns])
        for i, c in enumerate(columns, 1):
            width = max([display_width(c)] + [display_width(_cell(r.get(c))) for r in rows[:200]])
            ws.column_dimensions[ws.cell(1, i).column_letter].width = min(60, width + 2)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def render_bytes(rows: list[dict], fmt: str = "table", columns: list[str] | None = None,
                 sheet: str = "rows") -> bytes:
    """`render` as bytes to write to a file or a pipe; xlsx as a one-sheet workbook."""
    if fmt == "xlsx":
        return workbook({sheet: (list(columns or (rows[0].keys() if rows else [])), rows)})
    return render(rows, fmt, columns).encode("utf-8")
