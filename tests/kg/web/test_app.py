"""The workbench's HTTP side through Starlette's TestClient: the explorer's JSON API, the
document page, downloads and the read-only SPARQL 1.1 endpoint, on the example corpus."""
import csv
import io
import re
import time

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from starlette.testclient import TestClient

import kg
from kg.cli import main
from kg.web import create_app

CITYU = "https://w3id.org/rckg/id/香港城市大学"
HKTDC = "https://w3id.org/rckg/id/香港贸易发展局"


@pytest.fixture(scope="module")
def client(example_graph):
    return TestClient(create_app(example_graph))


@pytest.mark.parametrize("typed", ["香港城市大学", "香港城市大學", "城市大學"])
def test_search_takes_simplified_and_traditional(client, typed):
    hits = client.get("/api/search", params={"q": typed}).json()
    assert hits[0]["iri"] == CITYU and hits[0]["label"] == "香港城市大学"


def test_search_finds_aliases_and_ranks_exact_names_first(client):
    hits = client.get("/api/search", params={"q": "香港貿易發展局"}).json()
    assert hits[0] == {**hits[0], "iri": HKTDC, "label": "香港贸易发展局", "match": "香港貿易發展局"}
    broad = client.get("/api/search", params={"q": "大学", "limit": 50}).json()
    assert len(broad) > 3 and all("大学" in h["match"] for h in broad)
    assert client.get("/api/search", params={"q": "不存在的机构"}).json() == []


def test_meta_lists_the_facets_the_filters_offer(client):
    meta = client.get("/api/meta").json()
    assert meta["documents"] == 3 and {"University", "Region"} <= set(meta["types"])
    assert {"湖南", "香港"} <= set(meta["regions"]) and "partner" in meta["relations"]
    assert meta["dates"][0] <= meta["dates"][1]


def test_meta_gives_the_page_the_schema_it_draws_with(client):
    from ontology.schema import KINDS

    schema = client.get("/api/meta").json()["schema"]
    assert schema["kinds"]["founded"] == {"colour": KINDS["founded"].colour, "arrow": "backward"}
    assert schema["readings"]["co-founder"] == "founded" and schema["readings"]["has part"] == "partOf"
    assert schema["types"]["Agreement"]["shape"] == "diamond" and schema["draw_order"][-1] == "partner"


def test_entity_card_by_traditional_name_or_iri(client):
    card = client.get("/api/entity", params={"name": "香港貿易發展局"}).json()
    assert card["iri"] == HKTDC and card["type"] == "GovernmentAgency"
    assert "香港貿易發展局" in card["aliases"] and "香港" in card["places"]
    assert client.get("/api/entity", params={"iri": HKTDC}).json()["name"] == "香港贸易发展局"


def test_unknown_entity_is_404_with_suggestions(client):
    r = client.get("/api/entity", params={"name": "香港贸易局"})
    assert r.status_code == 404 and "香港贸易发展局" in r.json()["suggestions"]
    assert client.get("/api/neighbours", params={"iri": "https://w3id.org/rckg/id/无"}).status_code == 404
    assert client.get("/api/partners").status_code == 404


def test_neighbours_carry_dated_evidence(client):
    view = client.get("/api/neighbours", params={"iri": HKTDC}).json()
    ids = {n["id"] for n in view["nodes"]}
    assert view["center"] == HKTDC and HKTDC in ids and len(ids) > 2
    assert all(e["from"] in ids and e["to"] in ids for e in view["edges"])
    evidence = [ev for e in view["edges"] for r in e["relations"] for ev in r["evidence"]]
    assert evidence and all(ev["sentence"] and ev["doc"] for ev in evidence)
    assert any(ev["date"] and ev["title"] for ev in evidence)


def test_partners_are_kg_partners_rows_with_iris_titles_and_dates(client, example_graph):
    import kg
    from kg.queries import partners

    rows = client.get("/api/partners", params={"iri": HKTDC}).json()
    expected = partners(kg.open_graph(example_graph), "香港贸易发展局")
    assert [{k: r[k] for k in expected[0]} for r in rows] == expected
    assert all(r["partner_iri"].startswith("https://w3id.org/rckg/id/") for r in rows)
    assert any(r["title"] and r["date"] for r in rows) and all("places" in r for r in rows)


def test_document_page_shows_the_text_with_the_sentence_marked(client):
    row = client.get("/api/partners", params={"iri": HKTDC}).json()[0]
    page = client.get(f"/doc/{row['doc']}", params={"s": row["sentence"]})
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert f'<mark id="hit" class="hit">{row["sentence"]}</mark>' in page.text
    assert (row["title"] or row["doc"]) in page.text
    assert client.get("/doc/no-such-document").status_code == 404


def test_cookbook_lists_every_query_with_its_bindings(client):
    from kg.web.app import COOKBOOK

    book = {q["name"]: q for q in client.get("/api/cookbook").json()}
    assert set(book) == {p.stem for p in COOKBOOK.glob("*.rq")}
    assert book["partners-of"]["bind"] == {"name": "香港城市大学"}


# Downloads ------------------------------------------------------------------------------

ROWS = [{"partner": "湖南大学", "status": "realized", "sentence": "湖南大学与香港城市大学签订了合作协议。"}]


def test_table_as_csv_with_bom(client):
    r = client.post("/download/table?format=csv", json={"columns": ["partner", "status", "sentence"],
                                                        "rows": ROWS, "name": "香港城市大学-partners"})
    assert r.content.startswith(b"\xef\xbb\xbf")
    assert "香港城市大学-partners.csv" in r.headers["content-disposition"].encode("latin-1").decode("utf-8") or \
        "filename*=UTF-8''" in r.headers["content-disposition"]
    assert list(csv.DictReader(io.StringIO(r.content.decode("utf-8-sig")))) == ROWS


def test_table_as_xlsx(client):
    from openpyxl import load_workbook

    r = client.post("/download/table?format=xlsx", json={"columns": ["partner", "status", "sentence"], "rows": ROWS})
    ws = load_workbook(io.BytesIO(r.content)).active
    assert [[c.value for c in row] for row in ws.iter_rows()] == [
        ["partner", "status", "sentence"], ["湖南大学", "realized", "湖南大学与香港城市大学签订了合作协议。"]]
    assert client.post("/download/table?format=pdf", json={"rows": []}).status_code == 400
    assert client.post("/download/table", content=b"not json").status_code == 400


def test_subgraph_as_turtle_and_gexf(client):
    view = client.get("/api/neighbours", params={"iri": HKTDC}).json()
    body = {"nodes": [n["id"] for n in view["nodes"]], "edges": [[e["from"], e["to"]] for e in view["edges"]]}
    ttl = client.post("/download/subgraph?format=ttl", json=body)
    triples = list(ox.parse(ttl.content, format=ox.RdfFormat.TURTLE))
    labels = {t.object.value for t in triples if t.predicate.value.endswith("prefLabel")}
    assert "香港贸易发展局" in labels and len(labels) == len(body["nodes"])
    sentences = {t.object.value for t in triples if t.predicate.value.endswith("#sentence")}
    assert sentences == {ev["sentence"] for e in view["edges"] for r in e["relations"] for ev in r["evidence"]}
    gexf = client.post("/download/subgraph?format=gexf", json=body)
    g = nx.read_gexf(io.BytesIO(gexf.content))
    assert set(g) == set(body["nodes"]) and g.number_of_edges() == len(body["edges"])
    assert g.nodes[HKTDC]["label"] == "香港贸易发展局"


# SPARQL 1.1 Protocol -------------------------------------------------------------------------

UNIVERSITIES = "SELECT ?u WHERE { ?u a rc:University } ORDER BY ?u"


def test_sparql_get_answers_json_by_default(client):
    r = client.get("/sparql", params={"query": UNIVERSITIES})
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    iris = [b["u"]["value"] for b in r.json()["results"]["bindings"]]
    assert CITYU in iris and iris == sorted(iris)


@pytest.mark.parametrize("how, media, sep", [
    ({"headers": {"accept": "text/csv"}}, "text/csv", ","),
    ({"headers": {"accept": "text/tab-separated-values"}}, "text/tab-separated-values", "\t"),
    ({"params": {"format": "tsv"}, "headers": {"accept": "text/csv"}}, "text/tab-separated-values", "\t"),
])
def test_sparql_csv_and_tsv_by_accept_or_format(client, how, media, sep):
    params = {"query": "SELECT ?u ?l WHERE { ?u a rc:University ; skos:prefLabel ?l }", **how.get("params", {})}
    r = client.get("/sparql", params=params, headers=how["headers"])
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    lines = r.text.splitlines()
    assert lines[0].replace("?", "") == f"u{sep}l" and any("香港城市大学" in line for line in lines[1:])


def test_sparql_post_form_and_direct_body(client):
    form = client.post("/sparql", data={"query": UNIVERSITIES})
    direct = client.post("/sparql", content=UNIVERSITIES.encode(), headers={"content-type": "application/sparql-query"})
    assert form.status_code == direct.status_code == 200 and form.json() == direct.json()
    ask = client.post("/sparql", data={"query": "ASK { ?x skos:altLabel '香港貿易發展局'@zh-hant }"})
    assert ask.json()["boolean"] is True


def test_sparql_construct_answers_turtle(client):
    r = client.get("/sparql", params={"query": "CONSTRUCT { ?u a rc:University } WHERE { ?u a rc:University }"})
    assert r.headers["content-type"].startswith("text/turtle")
    assert any(t.subject.value == CITYU for t in ox.parse(r.content, format=ox.RdfFormat.TURTLE))


@pytest.mark.parametrize("request_kw", [
    {"method": "POST", "content": b"INSERT DATA { <urn:a> <urn:b> <urn:c> }",
     "headers": {"content-type": "application/sparql-update"}},
    {"method": "POST", "data": {"update": "DROP ALL"}},
    {"method": "GET", "params": {"update": "DROP ALL"}},
    {"method": "GET", "params": {"query": "DELETE WHERE { ?s ?p ?o }"}},
    {"method": "GET", "params": {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }"}},
])
def test_sparql_refuses_updates_and_service(client, request_kw):
    method = request_kw.pop("method")
    r = client.request(method, "/sparql", **request_kw)
    assert r.status_code == 403 and ("read-only" in r.text or "SERVICE" in r.text)
    still = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?u a rc:University }"})
    assert int(still.json()["results"]["bindings"][0]["n"]["value"]) > 0          # nothing was dropped


def test_sparql_bad_requests_are_400_or_415_with_a_reason(client):
    r = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert r.status_code == 400 and r.text.startswith("query syntax")
    assert client.get("/sparql").status_code == 400
    assert client.post("/sparql", content=b"{}", headers={"content-type": "application/json"}).status_code == 415


def test_sparql_default_graph_uri_limits_the_query_to_one_document(client):
    from kg.iris import graph_iri

    q = "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a rc:Document }"
    union = client.get("/sparql", params={"query": q}).json()
    one = client.get("/sparql", params={"query": q, "default-graph-uri": graph_iri("hktdc-hunan-mou")}).json()
    n = lambda res: int(res["results"]["bindings"][0]["n"]["value"])
    assert n(union) == 3 and n(one) == 1


# The live graph --------------------------------------------------------------------------------

def test_a_build_in_another_process_is_picked_up_without_a_restart(tmp_path):
    import kg
    from kg.build import EXAMPLE_CORPUS

    kg.build([EXAMPLE_CORPUS / "hktdc-hunan-mou.txt"], graph=tmp_path)
    client = TestClient(create_app(tmp_path))
    assert client.get("/api/search", params={"q": "香港城市大学"}).json() == []
    kg.build([EXAMPLE_CORPUS], graph=tmp_path)       # the server holds the store open meanwhile
    deadline = time.monotonic() + 20                 # kept a second at least, the next one prepared aside
    while not (hits := client.get("/api/search", params={"q": "香港城市大學"}).json()):
        assert time.monotonic() < deadline, "the new build was not picked up"
        time.sleep(0.2)
    assert hits[0]["iri"] == CITYU
    assert client.get("/api/meta").json()["documents"] == 3


def test_document_page_falls_back_to_its_sentences_when_the_file_is_gone(tmp_path):
    import kg
    from kg.build import EXAMPLE_CORPUS

    copy = tmp_path / "hktdc-hunan-mou.txt"
    copy.write_bytes((EXAMPLE_CORPUS / "hktdc-hunan-mou.txt").read_bytes())
    kg.build([copy, EXAMPLE_CORPUS / "hunan-hk-universities.txt"], graph=tmp_path / "g")
    client = TestClient(create_app(tmp_path / "g"))
    whole = client.get("/doc/hktdc-hunan-mou").text
    copy.unlink()
    page = client.get("/doc/hktdc-hunan-mou").text
    assert "cannot be read now" in page
    marked = re.findall(r"<mark>(.*?)</mark>", page)
    assert marked and all(m in whole for m in marked)            # this document's sentences only
    assert "香港城市大学" not in page                               # (the other document's are not)


def test_serve_command_refuses_a_directory_without_a_graph(tmp_path):
    result = CliRunner().invoke(main, ["serve", "-g", str(tmp_path / "none")])
    assert result.exit_code == 1 and "no graph here" in result.output and "Traceback" not in result.output


def test_serve_command_help_names_the_endpoints():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0 and "/sparql" in result.output and "127.0.0.1" in result.output


def test_sparql_endpoint_knows_rc_entity_so_the_cookbook_takes_traditional_names(client, example_graph):
    from kg.queries import partners
    from kg.web.app import COOKBOOK

    text = (COOKBOOK / "partners-of.rq").read_text(encoding="utf-8")
    query = text.replace("WHERE {", 'WHERE { VALUES ?name { "湖南大學" }', 1)     # no document writes 湖南大學
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 200, r.text
    got = {b["partner"]["value"] for b in r.json()["results"]["bindings"]}
    expected = {p["partner"] for p in partners(kg.open_graph(example_graph), "湖南大学")
                if p["relation"] in ("partner", "agreement")}
    assert got == expected and got
