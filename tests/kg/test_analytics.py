"""Analytics on the network of the hand-made graph (conftest._known_records)."""
import pytest

import kg
from kg.analytics import communities, paths, rank, region_matrix, stats
from kg.network import to_networkx

ID = "https://w3id.org/rckg/id/"


@pytest.fixture(scope="module")
def g(known_graph):
    return to_networkx(kg.open_graph(known_graph))


def test_network_knows_outermost_regions(g):
    assert g.nodes[ID + "中南大学"]["area"] == "湖南省"         # 长沙市 ⊂ 湖南省
    assert g.nodes[ID + "湖南省"]["area"] == "湖南省"           # a region is its own area
    assert g.nodes[ID + "湘港联合研究院"]["area"] is None


def test_rank_by_degree_puts_the_hub_first(g):
    top = rank(g, "degree", limit=2)
    assert [r["name"] for r in top] == ["香港城市大学", "中南大学"]
    assert top[0]["partners"] == 4
    assert [r["name"] for r in rank(g, "pagerank", type="GovernmentAgency")] == ["香港贸易发展局", "湖南省商务厅"]


def test_betweenness_finds_the_broker(g):
    assert rank(g, "betweenness", limit=1)[0]["name"] == "香港城市大学"


def test_shortest_chain_with_evidence(g):
    (chain,) = paths(g, ID + "湖南大学", ID + "中南大学")
    assert [(h["from"], h["relation"], h["to"]) for h in chain] == [
        ("湖南大学", "partner", "香港城市大学"),
        ("香港城市大学", "founder of", "湘港联合研究院"),
        ("湘港联合研究院", "founded by", "中南大学")]
    assert chain[0]["sentence"] == "湖南大学与香港城市大学签订了合作协议。" and chain[0]["doc"] == "d1"
    assert paths(g, ID + "湖南师范大学", ID + "湖南大学") == []


def test_communities_are_stable_and_named_by_central_members(g):
    first = communities(g)
    assert first == communities(g)
    groups = {frozenset(c["members"]) for c in first}
    assert frozenset({"湖南师范大学", "香港中文大学"}) in groups
    city = next(c for c in first if "香港城市大学" in c["members"])
    assert city["name"].startswith("香港城市大学")


def test_stats_and_region_matrix(g):
    s = stats(g)
    assert s["types"]["University"] == 6 and s["types"]["Region"] == 3
    assert s["relations"]["partner"] == {"assertions": 6, "links": 5, "realized": 2, "planned": 4}
    assert region_matrix(g) == {("湖南", "香港"): 5}                       # province-level by default
    assert region_matrix(g, provinces=False) == {("湖南省", "香港特别行政区"): 5}
    assert s["regions"] == region_matrix(g)
