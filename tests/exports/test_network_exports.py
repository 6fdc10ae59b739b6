"""Friction 6: the network for Gephi (GEXF) and other graph tools (GraphML), and RDF of a period."""
import networkx as nx
import pytest
import rdflib
from click.testing import CliRunner

from kg.cli import main


def export(graph, tmp_path, fmt, *args):
    out = tmp_path / f"g.{fmt}"
    r = CliRunner().invoke(main, ["export", "-f", fmt, "-o", str(out), "-g", str(graph), *args])
    assert r.exit_code == 0, r.output
    return out


@pytest.mark.parametrize("fmt, read", [("gexf", nx.read_gexf), ("graphml", nx.read_graphml)])
def test_network_formats_read_back_in_networkx(known_graph, tmp_path, fmt, read):
    g = read(export(known_graph, tmp_path, fmt))
    cityu, hnu = "https://w3id.org/rckg/id/香港城市大学", "https://w3id.org/rckg/id/湖南大学"
    label = lambda n: g.nodes[n].get("label", n)
    assert {label(n) for n in g} >= {"湖南大学", "香港城市大学", "香港贸易发展局"}
    node = g.nodes[cityu]
    assert node["type"] == "University" and "香港城市大學" in node["aliases"]
    edge = g.edges[hnu, cityu]
    assert "partner" in edge["kinds"] and edge["first_sentence"] == "湖南大学与香港城市大学签订了合作协议。"
    assert edge["first_document"] == "d1 (2023-11-20)" and int(edge["weight"]) >= 1


def test_network_export_since_until(known_graph, tmp_path):
    g = nx.read_graphml(export(known_graph, tmp_path, "graphml", "--since", "2024"))
    labels = {g.nodes[n]["label"] for n in g}
    assert "岳阳片区" in labels and "湖南大学" not in labels     # d3 (2024) only; 湖南大学 is in d1 (2023)


def test_rdf_export_of_a_period_keeps_its_documents_graphs_and_the_ontology(known_graph, tmp_path):
    ds = rdflib.Dataset()
    ds.parse(export(known_graph, tmp_path, "trig", "--until", "2023"), format="trig")
    names = {str(g.identifier) for g in ds.graphs()}
    assert "https://w3id.org/rckg/id/graph/d1" in names and "https://w3id.org/rckg/id/graph/ontology" in names
    assert not names & {"https://w3id.org/rckg/id/graph/d2", "https://w3id.org/rckg/id/graph/d3"}
    ttl = rdflib.Graph().parse(export(known_graph, tmp_path, "ttl", "--until", "2023"), format="turtle")
    docs = {str(o) for o in ttl.objects(None, rdflib.URIRef("http://purl.org/dc/terms/identifier"))}
    assert docs == {"d1"}
