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


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <{url}/q> { ?s ?p ?o } }",
    "select * where { service silent <{url}/q> { ?s ?p ?o } }",
    "SELECT * WHERE { ?x ?y ?z .SERVICE<{url}/q>{ ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <{url}/q> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE ?where { ?s ?p ?o } VALUES ?where { <{url}/q> } }",
])
def test_service_is_refused_and_nothing_is_sent(store, query):
    from kg.sparql import ServiceRefused
    from tests.http_stub import stub_server

    with stub_server(b'{"head": {"vars": []}, "results": {"bindings": []}}') as (url, seen):
        with pytest.raises(ServiceRefused, match="--allow-service"):
            run_query(store, query.replace("{url}", url))
        assert seen == []


@pytest.mark.parametrize("query", [
    'SELECT ?service WHERE { ?service a rc:University }',
    'SELECT * WHERE { ?s rc:sentence "SERVICE <http://example.org/q> { }" }  # SERVICE <http://x>',
    "SELECT * WHERE { <http://example.org/SERVICE> ?p ?o }",
])
def test_the_word_service_elsewhere_is_not_a_clause(store, query):
    assert run_query(store, query).kind == "select"


def test_allowed_service_with_a_malformed_reply_is_one_error(store):
    from kg.sparql import QueryFailed
    from tests.http_stub import stub_server

    with stub_server(b"{garbage") as (url, seen):
        with pytest.raises(QueryFailed, match="^the query failed: "):
            run_query(store, f"SELECT * WHERE {{ SERVICE <{url}/q> {{ ?s ?p ?o }} }}", allow_service=True)
        assert len(seen) == 1
