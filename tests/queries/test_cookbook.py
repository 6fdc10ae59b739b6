"""Every .rq file of the cookbook, run on the hand-made graph whose answers are known."""
from pathlib import Path

import pytest

import kg
from kg.sparql import parse_binding, run_query

QUERIES = Path(__file__).resolve().parents[2] / "queries"


@pytest.fixture(scope="module")
def store(known_graph):
    return kg.open_graph(known_graph)


def ask(store, query, **bind):
    text = (QUERIES / f"{query}.rq").read_text(encoding="utf-8")
    return run_query(store, text, dict(parse_binding(f"{k}={v}") for k, v in bind.items())).rows


def test_every_query_has_a_test():
    tested = {"partners-of", "hk-bodies-with-hunan-universities", "planned-not-realised",
              "agreements-by-year", "most-mentioned"}
    assert {p.stem for p in QUERIES.glob("*.rq")} == tested


@pytest.mark.parametrize("name", ["香港城市大学", "香港城市大學", "香港城大"])
def test_partners_of(store, name):
    rows = ask(store, "partners-of", name=name)
    assert {(r["partner"], r["relation"], r["agreement"], r["doc"]) for r in rows} == {
        ("湖南大学", "partner", None, "d1"), ("湖南大学", "agreement", "湖南大学、香港城市大学合作协议", "d1")}
    assert all(r["sentence"] == "湖南大学与香港城市大学签订了合作协议。" for r in rows)


# Friction 1: a traditional spelling the graph never saw (no document wrote 香港理工大學) finds
# the entity as `kg partners` does, and so does an alias.
@pytest.mark.parametrize("name", ["香港理工大学", "香港理工大學", "理大", " 香港理工大學 "])
def test_partners_of_any_alias_either_script(store, name):
    rows = ask(store, "partners-of", name=name)
    assert {(r["partner"], r["relation"]) for r in rows} == {("中南大学", "partner"), ("中南大学", "agreement")}


def test_partners_of_an_unknown_name_is_empty(store):
    assert ask(store, "partners-of", name="香港不存在大学") == []


def test_every_cookbook_name_parameter_takes_either_script(store):
    """A query of the cookbook that takes a name resolves it with rc:entity, never by exact label."""
    for path in QUERIES.glob("*.rq"):
        text = path.read_text(encoding="utf-8")
        if "--bind" in text:
            assert "rc:entity(?" in text and "= STR(?name)" not in text, path.name


def test_hk_bodies_with_hunan_universities(store):
    rows = ask(store, "hk-bodies-with-hunan-universities")
    assert {(r["university"], r["hkBody"], r["relation"], r["status"]) for r in rows} == {
        ("湖南大学", "香港城市大学", "partner", "realized"),
        ("湖南大学", "香港城市大学", "agreement", "realized"),
        ("中南大学", "香港理工大学", "partner", "planned"),
        ("中南大学", "香港理工大学", "agreement", "planned"),
        ("中南大学", "香港城市大学", "co-founder", "realized"),
        ("湖南师范大学", "香港中文大学", "partner", "planned"),
    }   # 湖南省商务厅 is no university; 岳阳片区 neither


def test_planned_not_realised(store):
    rows = ask(store, "planned-not-realised")
    assert {(r["from"], r["relation"], r["to"]) for r in rows} == {
        ("中南大学", "partnerOf", "香港理工大学"),
        ("中南大学、香港理工大学合作备忘录", "party", "中南大学"),
        ("中南大学、香港理工大学合作备忘录", "party", "香港理工大学"),
        ("湖南师范大学", "partnerOf", "香港中文大学"),
        ("岳阳片区", "partnerOf", "香港贸易发展局"),
    }   # 湖南省商务厅–香港贸易发展局 is planned in d3 but realized in d2


def test_agreements_by_year(store):
    rows = ask(store, "agreements-by-year")
    assert [(r["year"], r["agreement"], r["parties"]) for r in rows] == [
        (2022, "中南大学、香港理工大学合作备忘录", "中南大学; 香港理工大学"),   # from the sentence: d2 has no date
        (2023, "湖南大学、香港城市大学合作协议", "湖南大学; 香港城市大学"),     # from d1's dcterms:date
    ]


def test_most_mentioned(store):
    rows = ask(store, "most-mentioned")
    assert [(r["entity"], r["documents"]) for r in rows[:6]] == [
        ("湖南省", 3), ("长沙市", 3), ("香港特别行政区", 3),
        ("湖南省商务厅", 2), ("香港城市大学", 2), ("香港贸易发展局", 2)]
    assert rows[0]["types"] == "Region"
