import networkx as nx
import pytest

from kg.subgraph import by_status, find_node, select


def _rel(kind, *statuses):
    return {kind: {"statuses": set(statuses), "evidence": [("d", f"{kind} {s}", s) for s in statuses]}}


@pytest.fixture
def g():
    """A hub agency, two universities, an agreement and a loner."""
    g = nx.Graph()
    for n, label, t, region, aliases in [
        ("agency", "湖南省商务厅", "GovernmentAgency", "湖南省", ["湖南省商務廳"]),
        ("cityu", "香港城市大学", "University", "香港", ["香港城市大學", "城大"]),
        ("hnu", "湖南大学", "University", "湖南省", []),
        ("mou", "湘港合作协议", "Agreement", None, []),
        ("cuhk", "香港中文大学", "University", "香港", []),
        ("loner", "某商会", "ChamberOfCommerce", None, []),
    ]:
        g.add_node(n, label=label, type=t, region=region, aliases=aliases, docs=["d"])
    g.add_edge("agency", "cityu", relations=_rel("partner", "realized"))
    g.add_edge("cityu", "hnu", relations=_rel("partner", "planned"))
    g.add_edge("mou", "agency", relations=_rel("party", "realized"))
    g.add_edge("hnu", "cuhk", relations={**_rel("partner", "planned"), **_rel("founded", "realized")})
    return g


@pytest.mark.parametrize("name", ["香港城市大学", "香港城市大學", "城大", " 香港 城市大学 ", "湖南省商務廳"])
def test_find_node_by_any_label_or_alias_in_either_script(g, name):
    assert find_node(g, name) in {"cityu", "agency"}
    assert find_node(g, "香港城市大學") == "cityu"


def test_find_node_unknown_and_ambiguous(g):
    with pytest.raises(LookupError, match="no entity"):
        find_node(g, "澳门大学")
    with pytest.raises(LookupError, match="ambiguous"):
        find_node(g, "大学")


def test_focus_keeps_neighbourhood_within_depth(g):
    assert set(select(g, focus="agency", depth=1)) == {"agency", "cityu", "mou"}
    assert set(select(g, focus="agency", depth=2)) == {"agency", "cityu", "mou", "hnu"}


def test_focus_node_stays_even_when_filters_would_drop_it(g):
    view = select(g, focus="agency", depth=2, types=["university"])
    assert set(view) == {"agency", "cityu", "hnu"}


def test_status_filter_drops_relations_not_edges_with_other_statuses(g):
    planned = by_status(g, ["planned"])
    assert set(planned.edges["hnu", "cuhk"]["relations"]) == {"partner"}
    assert not planned.has_edge("agency", "cityu")
    # the input graph is left alone
    assert set(g.edges["hnu", "cuhk"]["relations"]) == {"partner", "founded"}


def test_types_regions_min_degree_and_isolated(g):
    assert set(select(g, types=["University"])) == {"cityu", "hnu", "cuhk"}
    assert set(select(g, regions=["香港"])) == set()             # two HK universities, not linked
    assert set(select(g, regions=["香港"], isolated=True)) == {"cityu", "cuhk"}
    assert set(select(g, regions=["湖南"], isolated=True)) == {"agency", "hnu"}   # 湖南 matches 湖南省
    assert set(select(g, min_degree=2)) == {"agency", "cityu", "hnu"}
    assert "loner" not in select(g) and "loner" in select(g, isolated=True)


def test_unknown_type_or_status_is_a_clear_error(g):
    with pytest.raises(ValueError, match="types here"):
        select(g, types=["Airport"])
    with pytest.raises(ValueError, match="unknown status"):
        select(g, statuses=["done"])
