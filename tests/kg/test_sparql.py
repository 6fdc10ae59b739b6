import pytest
import pyoxigraph as ox

import kg
from kg.sparql import QuerySyntaxError, parse_binding, run_query


@pytest.fixture(scope="module")
def store(known_graph):
    return kg.open_graph(known_graph)


def test_select_with_predeclared_prefixes(store):
    res = run_query(store, "SELECT DISTINCT ?l WHERE { ?u a rc:University ; skos:prefLabel ?l } ORDER BY ?l")
    assert res.kind == "select" and res.columns == ["l"]
    assert [r["l"] for r in res.rows] == sorted(["湖南大学", "香港城市大学", "中南大学", "香港理工大学",
                                                "湖南师范大学", "香港中文大学"])


def test_ask_and_construct(store):
    assert run_query(store, "ASK { rcid:湖南大学 rc:partnerOf rcid:香港城市大学 }").boolean is True
    assert run_query(store, "ASK { rcid:湖南大学 rc:partnerOf rcid:香港理工大学 }").boolean is False
    res = run_query(store, "CONSTRUCT { ?s rc:partnerOf ?o } WHERE { ?s rc:partnerOf ?o }")
    assert res.kind == "graph" and len(res.triples) == 10  # 5 pairs, both directions


def test_binding_is_substituted(store):
    q = "SELECT ?name ?e WHERE { ?e skos:altLabel ?l FILTER(STR(?l) = ?name) }"
    res = run_query(store, q, dict([parse_binding("name=香港城大")]))
    assert [r["e"] for r in res.rows] == ["https://w3id.org/rckg/id/香港城市大学"]
    with pytest.raises(ValueError, match="does not SELECT"):
        run_query(store, "SELECT ?e WHERE { ?e ?p ?o }", {"zz": ox.Literal("x")})


@pytest.mark.parametrize("query,where", [
    ("SELECT ?x WHERE { ?x a rc:University", "line 1, column 37"),
    ("SELECT ?x\nWHERE {\n  ?x a nope:Thing }", "line 3, column "),
])
def test_malformed_query_reports_line_and_column(store, query, where):
    with pytest.raises(QuerySyntaxError) as e:
        run_query(store, query)
    assert str(e.value).startswith(where) and "\n" not in str(e.value)


def test_parse_binding_rejects_junk():
    with pytest.raises(ValueError):
        parse_binding("no equals sign")
