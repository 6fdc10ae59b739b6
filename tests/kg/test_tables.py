import csv
import io
import json

import pytest

from kg.tables import display_width, render

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
    back = list(csv.reader(io.StringIO(render(ROWS, fmt)), dialect=dialect))
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
