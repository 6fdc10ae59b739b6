import csv
import io
import json

import pytest

from kg.tables import display_width, render, render_bytes

ROWS = [{"partner": "香港城市大学", "score": 0.5, "docs": ["d1", "d2"], "ok": True},
        {"partner": "HKU, Pokfulam", "score": None, "docs": [], "ok": False}]


def test_table_columns_line_up_by_display_width():
    assert render(ROWS) == (
        "partner        score  docs    ok\n"
        "─────────────  ─────  ──────  ─────\n"
        "香港城市大学   0.5    d1; d2  true\n"     # 6 wide characters take 12 columns
        "HKU, Pokfulam                 false\n")
    assert display_width("香港城市大学") == 12


@pytest.mark.parametrize("fmt,dialect", [("csv", "excel"), ("tsv", "excel-tab")])
def test_delimited_round_trips(fmt, dialect):
    back = list(csv.reader(io.StringIO(render(ROWS, fmt).removeprefix("\ufeff")), dialect=dialect))
    assert back[0] == ["partner", "score", "docs", "ok"]
    assert back[2][0] == "HKU, Pokfulam" and back[2][1] == ""


def test_json_keeps_types_and_columns_choose_order():
    data = json.loads(render(ROWS, "json", columns=["score", "partner"]))
    assert data == [{"score": 0.5, "partner": "香港城市大学"}, {"score": None, "partner": "HKU, Pokfulam"}]


def test_empty_and_unknown_format():
    assert render([], "table") == ""
    assert render([], "json") == "[]\n"
    with pytest.raises(ValueError):
        render(ROWS, "xml")


def test_csv_carries_a_bom_so_excel_keeps_the_chinese():
    data = render(ROWS, "csv").encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.decode("utf-8-sig").splitlines()[1].startswith("香港城市大学,")
    assert not render(ROWS, "tsv").startswith("\ufeff")


def test_xlsx_workbook_keeps_types_and_chinese():
    import openpyxl

    wb = openpyxl.load_workbook(io.BytesIO(render_bytes(ROWS, "xlsx", sheet="partners")))
    rows = [[c.value for c in row] for row in wb["partners"].iter_rows()]
    assert rows == [["partner", "score", "docs", "ok"], ["香港城市大学", 0.5, "d1; d2", True],
                    ["HKU, Pokfulam", None, None, False]]
