"""The query and analytics commands, end to end through the CLI."""
import csv
import io
import json

import pytest
from click.testing import CliRunner

from kg.cli import main

from tests.conftest import CORPUS, need_shared


def run(graph, *args):
    return CliRunner().invoke(main, [*args, "-g", str(graph)])


def csv_rows(text: str) -> list[dict]:
    assert text.startswith("\ufeff"), "CSV starts with a BOM so that Excel reads it as UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:])))


def test_partners_table_shows_evidence(known_graph):
    r = run(known_graph, "partners", "香港城市大學")
    assert r.exit_code == 0, r.output
    assert "湖南大学与香港城市大学签订了合作协议。" in r.output
    assert r.output.splitlines()[0].split() == ["partner", "type", "region", "relation", "via", "status", "date", "doc",
                                                "title", "sentence"]


def test_partners_csv_with_filters(known_graph):
    r = run(known_graph, "partners", "香港贸发局", "--region", "湖南", "--status", "planned", "--format", "csv")
    rows = csv_rows(r.output)
    assert {row["partner"] for row in rows} == {"岳阳片区", "湖南省商务厅"}
    assert all(row["doc"] == "d3" for row in rows)


def test_unknown_name_lists_closest_names(known_graph):
    r = run(known_graph, "partners", "香港城市大")
    assert r.exit_code == 1 and "香港城市大学" in r.output and "Traceback" not in r.output


@pytest.mark.parametrize("query", ["SELECT ?x WHERE { ?x a rc:University", "SELECT ?x WHERE { ?x a bad:X }"])
def test_malformed_query_exits_2_with_position(known_graph, query):
    r = run(known_graph, "query", query)
    assert r.exit_code == 2
    assert "line 1, column" in r.output and r.output.count("\n") == 1


def test_query_formats_and_kinds(known_graph, tmp_path):
    q = tmp_path / "q.rq"
    q.write_text("SELECT ?name ?e WHERE { ?e skos:prefLabel|skos:altLabel ?l FILTER(STR(?l) = ?name) }",
                 encoding="utf-8")
    r = run(known_graph, "query", "--file", str(q), "--bind", "name=香港城大", "--format", "json")
    assert json.loads(r.output) == [{"name": "香港城大", "e": "https://w3id.org/rckg/id/香港城市大学"}]
    r = run(known_graph, "query", "ASK { rcid:湖南大学 rc:partnerOf rcid:香港城市大学 }")
    assert r.output == "true\n"
    r = run(known_graph, "query", "CONSTRUCT { ?s rc:partnerOf ?o } WHERE { ?s rc:partnerOf ?o }")
    assert "@prefix rc:" in r.output and "rcid:湖南大学 rc:partnerOf rcid:香港城市大学" in r.output
    r = run(known_graph, "query", "SELECT ?s ?o WHERE { ?s rc:partOf ?o } ORDER BY ?s", "--format", "tsv")
    assert r.output.splitlines() == ["s\to", "https://w3id.org/rckg/id/长沙市\thttps://w3id.org/rckg/id/湖南省",
                                     "https://w3id.org/rckg/id/香港城市大学深圳研究院\thttps://w3id.org/rckg/id/香港城市大学"]


def test_show_path_stats_rank_communities(known_graph):
    r = run(known_graph, "show", "香港城大")
    assert r.exit_code == 0 and "香港城市大学深圳研究院" in r.output and "湖南大学、香港城市大学合作协议" in r.output
    r = run(known_graph, "path", "湖南大学", "中南大学", "--format", "json")
    (chain,) = json.loads(r.output)
    assert [h["to"] for h in chain] == ["香港城市大学", "湘港联合研究院", "中南大学"]
    assert "same entity" in run(known_graph, "path", "湖大", "湖南大学").output
    r = run(known_graph, "path", "湖南大学", "湖南师范大学")
    assert r.exit_code == 1 and "no chain" in r.output
    r = run(known_graph, "stats")
    matrix = r.output.split("partner links between regions")[1].splitlines()
    assert matrix[1].split() == ["湖南", "香港"] and matrix[3].split() == ["湖南", "5"]   # province-level, short names
    r = run(known_graph, "rank", "--by", "betweenness", "--limit", "1", "--format", "csv")
    assert csv_rows(r.output)[0]["name"] == "香港城市大学"
    r = run(known_graph, "communities", "--format", "json")
    assert any(c["members"] == ["湖南师范大学", "香港中文大学"] for c in json.loads(r.output))


COMMANDS = [("query", "SELECT (COUNT(*) AS ?n) WHERE { ?a a rc:Assertion }"), ("stats",), ("rank",),
            ("rank", "--by", "pagerank"), ("communities",)]


@pytest.mark.parametrize("args", COMMANDS)
def test_commands_run_on_the_example_corpus(example_graph, args):
    r = run(example_graph, *args)
    assert r.exit_code == 0, r.output


def test_commands_on_the_shared_corpus(tmp_path_factory):
    need_shared()
    import kg

    d = tmp_path_factory.mktemp("corpus-graph")
    kg.build([CORPUS], d)
    for args in COMMANDS:
        assert run(d, *args).exit_code == 0
    # kg partners shows exactly the partnerships the graph holds for 香港城市大学
    r = run(d, "query", "SELECT DISTINCT ?partner ?status ?doc ?sentence WHERE { ?a rdf:predicate rc:partnerOf ; "
                        "rc:status ?status ; rc:sentence ?sentence ; prov:wasDerivedFrom/dcterms:identifier ?doc . "
                        "{ ?a rdf:subject rcid:香港城市大学 ; rdf:object ?p } UNION { ?a rdf:object rcid:香港城市大学 ; "
                        "rdf:subject ?p } ?p skos:prefLabel ?partner }", "-f", "json")
    expected = {tuple(row.values()) for row in json.loads(r.output)}
    r = run(d, "partners", "香港城市大学", "--format", "json")
    assert r.exit_code == 0, r.output
    got = {(row["partner"], row["status"], row["doc"], row["sentence"])
           for row in json.loads(r.output) if row["relation"] == "partner"}
    assert got == expected
    assert run(d, "show", "香港城市大学").exit_code == 0


def test_query_with_service_exits_2_and_fetches_nothing(known_graph, tmp_path):
    from tests.http_stub import stub_server

    with stub_server(b'{"head": {"vars": ["s"]}, "results": {"bindings": []}}') as (url, seen):
        rq = tmp_path / "remote.rq"
        rq.write_text(f"SELECT ?s WHERE {{ SERVICE <{url}/q> {{ ?s ?p ?o }} }}", encoding="utf-8")
        r = run(known_graph, "query", "--file", str(rq))
        assert r.exit_code == 2
        assert r.output.strip() == (f"Error: {rq}: has a SERVICE clause, which fetches from another server; "
                                    "pass --allow-service if that is meant")
        r = CliRunner().invoke(main, ["query", "--file", str(rq), "--endpoint", url + "/query"])
        assert r.exit_code == 2 and seen == []
        r = run(known_graph, "query", "--allow-service", "--file", str(rq))
        assert r.exit_code == 0, r.output
        assert len(seen) == 1


@pytest.mark.parametrize("reply", [b"{garbage", b'{"head": {}}', b'[1, 2]', b'{"results": {"bindings": 3}}'])
def test_malformed_server_reply_is_one_line(reply):
    from tests.http_stub import stub_server

    with stub_server(reply) as (url, _):
        r = CliRunner().invoke(main, ["query", "--endpoint", url + "/query", "SELECT ?s WHERE { ?s ?p ?o }"])
    assert r.exit_code == 1
    assert isinstance(r.exception, SystemExit)
    assert len(r.output.strip().splitlines()) == 1 and "malformed" in r.output, r.output


def test_allowed_service_with_a_malformed_reply_is_one_line(known_graph):
    from tests.http_stub import stub_server

    with stub_server(b"{garbage") as (url, _):
        r = run(known_graph, "query", "--allow-service", f"SELECT * WHERE {{ SERVICE <{url}/q> {{ ?s ?p ?o }} }}")
    assert r.exit_code == 1 and r.output.startswith("Error: the query failed: "), r.output


# Friction 4: documents by title and date; --since/--until.
def test_partner_rows_name_their_document_by_title_and_date(known_graph):
    rows = json.loads(run(known_graph, "partners", "香港城大", "-f", "json").output)
    partner = next(r for r in rows if r["relation"] == "partner")
    assert (partner["doc"], partner["date"], partner["title"]) == ("d1", "2023-11-20", "d1")


@pytest.mark.parametrize("args, docs", [
    ((), {"d2", "d3"}), (("--since", "2024"), {"d3"}), (("--until", "2024-05-09"), set()),
    (("--since", "2024-05", "--until", "2024-05-10"), {"d3"}),
])
def test_partners_since_until_keep_documents_dated_within(known_graph, args, docs):
    r = run(known_graph, "partners", "香港贸易发展局", *args, "-f", "json")
    assert r.exit_code == 0, r.output
    assert {row["doc"] for row in json.loads(r.output)} == docs     # d2 has no date: outside every period


def test_show_stats_since_until(known_graph):
    card = json.loads(run(known_graph, "show", "香港贸发局", "--since", "2024", "-f", "json").output)
    assert [d["doc"] for d in card["documents"]] == ["d3"] and {p["partner"] for p in card["partners"]} == {
        "湖南省商务厅", "岳阳片区"}
    s = json.loads(run(known_graph, "stats", "--until", "2023-12", "-f", "json").output)
    assert s["relations"]["partner"]["assertions"] == 1 and s["regions"] == [{"a": "湖南", "b": "香港", "links": 1}]
    r = run(known_graph, "stats", "--since", "last year")
    assert r.exit_code == 2 and "not a date" in r.output


# Friction 6: tables analysts open.
def test_stats_csv_and_xlsx(known_graph, tmp_path):
    import openpyxl

    rows = csv_rows(run(known_graph, "stats", "-f", "csv").output)
    assert {"section": "regions", "name": "湖南 × 香港", "measure": "partner links", "count": "5"} in rows
    assert {"section": "types", "name": "University", "measure": "entities", "count": "6"} in rows
    r = CliRunner().invoke(main, ["stats", "-f", "xlsx", "-g", str(known_graph)])
    wb = openpyxl.load_workbook(io.BytesIO(r.stdout_bytes))
    assert wb.sheetnames == ["types", "relations", "regions"]
    assert [c.value for c in next(wb["regions"].iter_rows())] == [None, "湖南", "香港"]


def test_partners_xlsx(known_graph):
    import openpyxl

    r = CliRunner().invoke(main, ["partners", "香港城市大學", "-f", "xlsx", "-g", str(known_graph)])
    assert r.exit_code == 0
    ws = openpyxl.load_workbook(io.BytesIO(r.stdout_bytes))["partners"]
    header, *rows = [[c.value for c in row] for row in ws.iter_rows()]
    assert header[:2] == ["partner", "type"] and ["湖南大学", "University"] == rows[0][:2]


def test_region_matrix_all_regions_keeps_full_names(known_graph):
    r = run(known_graph, "stats", "--all-regions", "-f", "json")
    assert json.loads(r.output)["regions"] == [{"a": "湖南省", "b": "香港特别行政区", "links": 5}]


# Friction 3: regions are no hubs.
@pytest.fixture(scope="module")
def region_hub_graph(tmp_path_factory):
    """湖南大学 and 香港理工大学 each 'cooperate' with the region 贵州 (visits), and with nobody else."""
    from extract.records import DocumentRecord, Entity, Evidence, Relation
    from kg.graph import document_quads
    from kg.iris import graph_iri
    from kg.store import GraphStore

    rec = DocumentRecord("visits", "visits.txt", "0" * 64, title="访问贵州", date="2023-06-28")
    for name, typ in [("贵州省", "Region"), ("湖南大学", "University"), ("香港理工大学", "University"),
                      ("贵州大学", "University")]:
        rec.entities[name] = Entity(name, typ, set(), mentions=1)
    for i, (a, b) in enumerate([("湖南大学", "贵州省"), ("香港理工大学", "贵州省"), ("贵州大学", "贵州省"),
                                 ("湖南大学", "贵州大学")]):
        s = f"{a}与{b}开展合作。"
        rec.relations.append(Relation("partner", a, b, "realized", False, Evidence(s, 20 * i, 20 * i + len(s))))
    d = tmp_path_factory.mktemp("region-hub")
    store = GraphStore(d)
    store.load_ontology()
    store.replace_document(graph_iri(rec.doc_id), document_quads(rec))
    store.flush()
    del store
    return d


def test_path_leaves_regions_out_unless_asked(region_hub_graph):
    r = run(region_hub_graph, "path", "湖南大学", "香港理工大学")
    assert r.exit_code == 1 and "no chain" in r.output
    r = run(region_hub_graph, "path", "湖南大学", "香港理工大学", "--with-regions", "-f", "json")
    chain = json.loads(r.output)[0]
    assert [h["to"] for h in chain] == ["贵州省", "香港理工大学"]
    assert chain[0]["doc"] == "visits" and (chain[0]["date"], chain[0]["title"]) == ("2023-06-28", "访问贵州")


def test_rank_leaves_regions_out_unless_asked(region_hub_graph):
    top = lambda *a: json.loads(run(region_hub_graph, "rank", *a, "-f", "json").output)[0]["name"]
    assert top() == "湖南大学" and top("--with-regions") == "贵州省" and top("--type", "Region") == "贵州省"


def test_cookbook_query_takes_a_traditional_spelling_and_names_an_unknown_one(known_graph):
    rq = str(__import__("pathlib").Path(__file__).resolve().parents[2] / "queries" / "partners-of.rq")
    r = run(known_graph, "query", "--file", rq, "--bind", "name=香港理工大學", "-f", "json")
    assert r.exit_code == 0, r.output
    assert {row["partner"] for row in json.loads(r.output)} == {"中南大学"}
    r = run(known_graph, "query", "--file", rq, "--bind", "name=香港理工大", "-f", "json")
    assert r.exit_code == 1 and "--bind name: no entity is called '香港理工大'" in r.output and "香港理工大学" in r.output


@pytest.mark.parametrize("update", ["DROP ALL", "INSERT DATA { rcid:x a rc:University }", "CLEAR DEFAULT",
                                    "DELETE WHERE { ?s ?p ?o }", "LOAD <http://127.0.0.1:1/x.ttl>"])
def test_updates_are_refused_and_change_nothing(known_graph, update):
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    before = run(known_graph, "query", "--format", "json", count).output
    r = run(known_graph, "query", update)
    assert r.exit_code == 2 and r.output.startswith("Error: query: line 1")
    assert run(known_graph, "query", "--format", "json", count).output == before
