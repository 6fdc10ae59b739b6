"""The whole-network picture at scale: agreements as links, overviews by degree and community."""
import networkx as nx

from exports.overview import agreements_as_edges, overview


def rel(status="realized", doc="d", sentence="s"):
    return {"statuses": {status}, "evidence": [(doc, sentence, status)]}


def agreement_graph() -> nx.Graph:
    g = nx.Graph()
    for n, t in [("a", "University"), ("b", "University"), ("c", "GovernmentAgency"), ("x", "Agreement"),
                 ("y", "Agreement"), ("lonely", "Agreement")]:
        g.add_node(n, label=n.upper(), type=t, docs=["d"])
    for p in "abc":
        g.add_edge("x", p, relations={"party": rel(sentence="A、B、C签署协议X。")})
    g.add_edge("y", "a", relations={"party": rel("planned", "d2", "A与B将签协议Y。")})
    g.add_edge("y", "b", relations={"party": rel("planned", "d2", "A与B将签协议Y。")})
    g.add_edge("lonely", "c", relations={"party": rel()})
    g.add_edge("a", "b", relations={"partner": rel(sentence="A与B合作。")})
    return g


def test_agreements_become_links_between_every_two_parties():
    h = agreements_as_edges(agreement_graph())
    assert sorted(h.nodes) == ["a", "b", "c"]
    assert sorted(map(sorted, h.edges)) == [["a", "b"], ["a", "c"], ["b", "c"]]
    ab = h.edges["a", "b"]["relations"]
    assert set(ab) == {"partner", "agreement"} and sorted(ab["agreement"]["via"]) == ["X", "Y"]
    assert ab["agreement"]["statuses"] == {"realized", "planned"}
    assert ("d2", "A与B将签协议Y。", "planned") in ab["agreement"]["evidence"]
    assert h.edges["a", "c"]["relations"]["agreement"]["via"] == ["X"]


def test_agreements_as_edges_leaves_its_input_alone():
    g = agreement_graph()
    agreements_as_edges(g)
    assert "x" in g and "agreement" not in g.edges["a", "b"]["relations"]


def hub_network(n=1000) -> nx.Graph:
    shape = nx.barabasi_albert_graph(n, 1, seed=5)
    g = nx.Graph(documents={})
    g.add_nodes_from((v, {"label": f"机构{v}", "type": "GovernmentAgency", "docs": []}) for v in shape)
    g.add_edges_from((u, v, {"relations": {"partner": rel()}}) for u, v in shape.edges)
    return g


def test_overview_by_degree_keeps_the_best_connected_and_says_what_is_hidden():
    g = hub_network()
    o = overview(g, max_nodes=100)
    assert o.graph.number_of_nodes() == 100
    threshold = sorted((d for _, d in g.degree), reverse=True)[99]
    assert all(g.degree(n) >= threshold for n in o.graph)
    assert o.note.startswith("Showing the 100 best-connected of 1,000 entities (900 entities and")
    assert all(o.graph.nodes[n]["hidden_links"] == g.degree(n) - o.graph.degree(n) for n in o.graph)


def test_overview_by_community_draws_groups_and_counts_links_between_them():
    g = hub_network()
    o = overview(g, max_nodes=100, by="community")
    assert 1 < o.graph.number_of_nodes() <= 100
    assert {t for _, t in o.graph.nodes(data="type")} == {"Community"}
    assert sum(a["members"] for _, a in o.graph.nodes(data=True)) <= 1000
    links = sum(d["relations"]["links"]["count"] for _, _, d in o.graph.edges(data=True))
    assert 0 < links < g.number_of_edges()
    assert "communities" in o.note


def test_small_network_is_drawn_whole():
    g = hub_network(50)
    o = overview(g, max_nodes=100)
    assert o.graph is g and o.note is None


def test_overview_keeps_the_strongest_links_and_what_is_connected_stays_so():
    g = nx.barabasi_albert_graph(2000, 6, seed=2)          # hubs all linked to one another
    g = nx.relabel_nodes(g, {v: f"n{v}" for v in g})
    for n in g:
        g.nodes[n].update(label=n, type="GovernmentAgency", docs=[])
    for i, (u, v) in enumerate(g.edges):
        g.edges[u, v]["relations"] = {"partner": {"statuses": {"realized"},
                                                  "evidence": [("d", f"s{j}", "realized") for j in range(1 + i % 4)]}}
    o = overview(g, max_nodes=100).graph
    full = g.subgraph(o.nodes)
    assert full.number_of_edges() > 300 >= o.number_of_edges()
    assert nx.number_connected_components(o) == nx.number_connected_components(full)
    weight = lambda h: sum(len(a["relations"]["partner"]["evidence"]) for _, _, a in h.edges(data=True)) / h.number_of_edges()
    assert weight(o) > weight(full)                         # the better-evidenced links are the ones drawn
    assert all(o.nodes[n]["hidden_links"] == g.degree(n) - o.degree(n) for n in o)
