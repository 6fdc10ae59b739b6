"""Push to and query a live Oxigraph server (the `oxigraph` package's binary), started per module."""
import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import main
from kg.namespaces import ONTOLOGY_GRAPH, sparql_prologue
from kg.remote import STATE_FILE, RemoteError, push, remote_query, remote_select

PARTNERS = sparql_prologue() + """
SELECT ?x ?partner ?status ?doc ?sentence WHERE {
  ?a rdf:predicate rc:partnerOf ; rc:status ?status ; prov:wasDerivedFrom ?doc ; rc:sentence ?sentence .
  { ?a rdf:subject ?xi ; rdf:object ?p } UNION { ?a rdf:object ?xi ; rdf:subject ?p }
  ?xi skos:prefLabel ?x . ?p skos:prefLabel ?partner .
}"""


def _oxigraph_binary():
    return shutil.which("oxigraph") or next(
        (str(p) for p in [Path(sys.executable).parent / "oxigraph"] if p.exists()), None)


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A fresh Oxigraph server; yields its base URL."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    port = _free_port()
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                             "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    pytest.fail("oxigraph serve exited: " + proc.stderr.read().decode())
                time.sleep(0.1)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def graph(example_graph, tmp_path):
    """A copy of the example graph, so each test has its own push state."""
    d = tmp_path / "g"
    shutil.copytree(example_graph, d)
    return d


def _rows(results):
    return {tuple(b[v]["value"] for v in results["head"]["vars"]) for b in results["results"]["bindings"]}


def _local_rows(store):
    return {tuple(row[v].value for v in ("x", "partner", "status", "doc", "sentence"))
            for row in store.query(PARTNERS)}


def _clear(server):
    req = urllib.request.Request(server + "/update", data=b"update=DROP%20ALL", method="POST",
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
    urllib.request.urlopen(req).read()


def test_push_round_trips_partners_with_evidence(server, graph):
    _clear(server)
    store = kg.open_graph(graph)
    report = push(store, server + "/store")
    assert set(report.pushed) == {ONTOLOGY_GRAPH, *store.documents()} and len(report.pushed) == 4
    local = _local_rows(store)
    assert len(local) > 5
    remote = _rows(remote_query(server + "/query", PARTNERS))
    assert remote == local
    ask = remote_query(server + "/query", sparql_prologue() + "ASK { rc:partnerOf a owl:SymmetricProperty }")
    assert ask["boolean"] is True


def test_second_push_sends_only_what_changed_and_deletes_what_is_gone(server, graph):
    _clear(server)
    store = kg.open_graph(graph)
    push(store, server + "/store")
    again = push(store, server + "/store")
    assert again.pushed == [] and again.unchanged == 4
    state_path = graph / STATE_FILE
    state = json.loads(state_path.read_text())
    pushed = state[server + "/store"]
    doc = store.documents()[0]
    pushed[doc] = "0" * 64                                   # as if the document had changed
    gone = "https://w3id.org/rckg/id/graph/removed-doc"
    pushed[gone] = "1" * 64                                  # as if a document had been removed
    state_path.write_text(json.dumps(state))
    third = push(store, server + "/store")
    assert third.pushed == [doc] and third.deleted == [gone] and third.unchanged == 3
    assert gone not in json.loads(state_path.read_text())[server + "/store"]


def test_interrupted_push_resumes_where_it_stopped(server, graph):
    _clear(server)
    store = kg.open_graph(graph)
    sent = []

    def stop_after_two(iri, was_sent):
        sent.append(iri)
        if len(sent) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        push(store, server + "/store", on_graph=stop_after_two, batch=100)
    resumed = push(store, server + "/store")
    assert resumed.unchanged == 2 and len(resumed.pushed) == 2
    assert not set(resumed.pushed) & set(sent)
    count = remote_query(server + "/query", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert count["results"]["bindings"][0]["n"]["value"] == "4"


def test_push_into_one_named_graph(server, graph):
    _clear(server)
    store = kg.open_graph(graph)
    target = "https://example.org/rckg"
    report = push(store, server + "/store", graph_iri=target)
    assert len(report.pushed) == 4
    rows = remote_query(server + "/query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert {b["g"]["value"] for b in rows["results"]["bindings"]} == {target}
    assert push(store, server + "/store", graph_iri=target).unchanged == 4


def test_push_command(server, graph):
    _clear(server)
    result = CliRunner().invoke(main, ["push", "--endpoint", server + "/store", "-g", str(graph)])
    assert result.exit_code == 0, result.output
    assert "4 graphs pushed" in result.output


def test_unreachable_server_is_one_clear_line(graph):
    result = CliRunner().invoke(main, ["push", "--endpoint", f"http://127.0.0.1:{_free_port()}/store",
                                       "-g", str(graph)])
    assert result.exit_code == 1
    assert result.output.startswith("Error: PUT http://127.0.0.1:") and result.output.count("\n") == 1
    with pytest.raises(RemoteError):
        remote_query(f"http://127.0.0.1:{_free_port()}/query", "ASK {}")


def test_remote_select_gives_plain_rows(server, graph):
    _clear(server)
    push(kg.open_graph(graph), server + "/store")
    names, rows = remote_select(server + "/query", PARTNERS)
    assert names == ["x", "partner", "status", "doc", "sentence"]
    assert {tuple(r[n] for n in names) for r in rows} == _local_rows(kg.open_graph(graph))
    with pytest.raises(RemoteError):
        remote_select(server + "/query", "ASK {}")


def test_user_and_token_together_are_refused(graph):
    result = CliRunner().invoke(main, ["push", "--endpoint", "http://127.0.0.1:1/store", "--user", "u",
                                       "--token", "t", "-g", str(graph)])
    assert result.exit_code == 1 and "either --user/--password or --token" in result.output


@pytest.mark.parametrize("name", ["香港贸易发展局", "香港貿易發展局"])
def test_partners_on_a_server_match_the_local_ones(server, graph, name):
    _clear(server)
    push(kg.open_graph(graph), server + "/store")
    runner = CliRunner()
    local = runner.invoke(main, ["partners", name, "--format", "json", "-g", str(graph)])
    remote = runner.invoke(main, ["partners", name, "--format", "json", "--endpoint", server + "/query"])
    assert local.exit_code == 0 and remote.exit_code == 0, local.output + remote.output
    rows = json.loads(local.output)
    assert len(rows) >= 3 and all(r["sentence"] and r["type"] and r["region"] for r in rows)
    assert {"partner", "agreement"} <= {r["relation"] for r in rows}
    assert json.loads(remote.output) == rows


def test_show_on_a_server_matches_the_local_card(server, graph):
    _clear(server)
    push(kg.open_graph(graph), server + "/store")
    runner = CliRunner()
    local = runner.invoke(main, ["show", "香港贸易发展局", "--format", "json", "-g", str(graph)])
    remote = runner.invoke(main, ["show", "香港贸易发展局", "--format", "json", "--endpoint", server + "/query"])
    assert local.exit_code == 0 and remote.exit_code == 0, local.output + remote.output
    assert json.loads(remote.output) == json.loads(local.output)
    assert json.loads(local.output)["aliases"]


def test_unknown_name_on_a_server_is_one_clear_line(server, graph):
    _clear(server)
    push(kg.open_graph(graph), server + "/store")
    result = CliRunner().invoke(main, ["partners", "香港贸易局", "--endpoint", server + "/query"])
    assert result.exit_code == 1 and "closest known names: 香港贸易发展局" in result.output
    down = CliRunner().invoke(main, ["partners", "香港贸易发展局", "--endpoint", f"http://127.0.0.1:{_free_port()}/query"])
    assert down.exit_code == 1 and down.output.startswith("Error: POST http://127.0.0.1:")


def _update(server, sparql):
    data = urllib.parse.urlencode({"update": sparql}).encode()
    urllib.request.urlopen(urllib.request.Request(server + "/update", data=data, method="POST")).read()


def test_verify_resends_what_the_server_lost_or_changed(server, graph):
    _clear(server)
    store = kg.open_graph(graph)
    push(store, server + "/store")
    lost, changed = store.documents()[:2]
    _update(server, f"DROP GRAPH <{lost}>")                 # the server forgot a graph it acknowledged
    _update(server, f"DELETE {{ GRAPH <{changed}> {{ ?s ?p ?o }} }} WHERE {{ GRAPH <{changed}> {{ ?s ?p ?o }} }} ; "
                    f"INSERT DATA {{ GRAPH <{changed}> {{ <urn:x> <urn:y> <urn:z> }} }}")
    assert push(store, server + "/store").pushed == []     # the record alone sees nothing wrong
    report = push(store, server + "/store", verify=True)
    assert sorted(report.pushed) == sorted([lost, changed]) and report.missing == [lost]
    assert sorted(report.differed) == sorted([lost, changed]) and report.verified == 4
    remote = _rows(remote_query(server + "/query", PARTNERS))
    assert remote == _local_rows(store)
    assert push(store, server + "/store", verify=True).differed == []


def test_verify_command_says_what_the_server_had_lost(server, graph):
    _clear(server)
    runner = CliRunner()
    assert runner.invoke(main, ["push", "--endpoint", server + "/store", "-g", str(graph)]).exit_code == 0
    _clear(server)
    result = runner.invoke(main, ["push", "--verify", "--endpoint", server + "/store", "-g", str(graph)])
    assert result.exit_code == 0, result.output
    assert "4 graphs pushed" in result.output
    assert "verified 4 graphs on the server: 4 differed and were sent again, of which 4 the server had lost" \
        in result.output


def _own_address():
    """This machine's address on a non-loopback interface, or None."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("192.0.2.1", 9))          # UDP: picks the outgoing interface, sends nothing
            address = s.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith("127.") else address


def test_credentials_never_go_in_clear_text_to_another_machine(graph):
    from tests.http_stub import stub_server

    address = _own_address()
    if address is None:
        pytest.skip("no non-loopback interface to stand for another machine")
    runner = CliRunner()
    with stub_server(b"", "text/plain", status=204, host="0.0.0.0") as (url, seen):
        remote = url.replace("0.0.0.0", address)
        result = runner.invoke(main, ["push", "--endpoint", remote + "/store", "--user", "u", "--password", "p",
                                      "-g", str(graph)])
        assert result.exit_code == 1 and "credentials are sent only over https://" in result.output
        result = runner.invoke(main, ["query", "--endpoint", remote + "/query", "--token", "t", "ASK {}"])
        assert result.exit_code == 1 and "credentials are sent only over https://" in result.output
        assert seen == []
        result = runner.invoke(main, ["push", "--endpoint", remote + "/store", "--user", "u", "--password", "p",
                                      "--insecure", "-g", str(graph)])
        assert result.exit_code == 0, result.output
        assert seen and all(h.get("Authorization", "").startswith("Basic ") for _, _, h in seen)


def test_credentials_go_to_loopback_over_http(graph):
    from tests.http_stub import stub_server

    with stub_server(b"", "text/plain", status=204) as (url, seen):
        result = CliRunner().invoke(main, ["push", "--endpoint", url + "/store", "--token", "t", "-g", str(graph)])
    assert result.exit_code == 0, result.output
    assert seen and all(h["Authorization"] == "Bearer t" for _, _, h in seen)
