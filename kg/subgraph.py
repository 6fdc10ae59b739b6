"""The part of the network a view shows: find a node by name, filter, focus.

Small pure functions over the graph of `kg.network.to_networkx`; each returns a new graph
and leaves its input alone, so a command or a view can chain them in any order.
`select` chains them in the order the `kg viz` options mean.

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_node("a", label="湖南大学", aliases=[], type="University", region="湖南省")
    >>> g.add_node("b", label="香港城市大学", aliases=["香港城市大學"], type="University", region="香港")
    >>> g.add_node("c", label="湖南省商务厅", aliases=[], type="GovernmentAgency", region="湖南省")
    >>> g.add_edge("a", "b", relations={"partner": {"statuses": {"planned"}, "evidence": []}})
    >>> find_node(g, "香港城市大學")
    'b'
    >>> sorted(select(g, types=["university"]))
    ['a', 'b']
    >>> sorted(select(g, statuses=["realized"], isolated=True))
    ['a', 'b', 'c']
    >>> sorted(select(g, statuses=["realized"]))
    []
"""
from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from extract.normalise import to_simplified_name
from ontology.schema import STATUSES

__all__ = ["find_node", "by_status", "by_documents", "without_regions", "by_type", "by_region", "neighbourhood", "by_min_degree",
           "without_isolated", "select", "STATUSES"]


def _names(attrs) -> set[str]:
    return {to_simplified_name(n) for n in [attrs.get("label") or "", *attrs.get("aliases", ())] if n}


def find_node(g: nx.Graph, name: str) -> str:
    """The node whose label or alias is `name` (simplified or traditional, spaces ignored).

    Failing an exact match, a single node whose label contains the name will do; otherwise
    `LookupError` says what was found.

    >>> g = nx.Graph(); g.add_node("x", label="香港贸易发展局", aliases=["香港貿易發展局"])
    >>> find_node(g, "香港 貿易發展局"), find_node(g, "贸易发展")
    ('x', 'x')
    >>> find_node(g, "澳门")
    Traceback (most recent call last):
    ...
    LookupError: no entity named '澳门'
    """
    key = to_simplified_name(name)
    exact = [n for n, a in g.nodes(data=True) if key in _names(a)]
    if exact:
        return sorted(exact, key=lambda n: (-g.degree(n), str(n)))[0]
    partial = sorted((n for n, a in g.nodes(data=True) if any(key in x for x in _names(a))),
                     key=lambda n: (-g.degree(n), str(n)))
    if len(partial) == 1:
        return partial[0]
    if partial:
        shown = "、".join(g.nodes[n]["label"] for n in partial[:5])
        raise LookupError(f"{name!r} is ambiguous: {shown}{' …' if len(partial) > 5 else ''}")
    raise LookupError(f"no entity named {name!r}")


def by_status(g: nx.Graph, statuses: Iterable[str]) -> nx.Graph:
    """Only the relations stated with one of `statuses`; edges left with none are dropped.

    >>> g = nx.Graph()
    >>> g.add_edge("a", "b", relations={"partner": {"statuses": {"planned"}, "evidence": [("d", "s", "planned")]},
    ...                                 "party": {"statuses": {"realized"}, "evidence": [("d", "t", "realized")]}})
    >>> list(by_status(g, ["planned"]).edges["a", "b"]["relations"])
    ['partner']
    """
    wanted = set(statuses)
    unknown = wanted - set(STATUSES)
    if unknown:
        raise ValueError(f"unknown status {', '.join(sorted(unknown))}; known: {', '.join(STATUSES)}")
    out = nx.Graph(**g.graph)
    out.add_nodes_from(g.nodes(data=True))
    for u, v, attrs in g.edges(data=True):
        kept = {}
        for kind, rel in attrs["relations"].items():
            if rel["statuses"] & wanted:
                kept[kind] = {**rel, "statuses": rel["statuses"] & wanted,
                              "evidence": [ev for ev in rel["evidence"] if ev[2] in wanted]}
        if kept:
            out.add_edge(u, v, **{**attrs, "relations": kept})
    return out


def by_documents(g: nx.Graph, keep_doc) -> nx.Graph:
    """Only what documents passing `keep_doc` (a predicate on ids, e.g. dated in a period) state.

    Evidence from other documents goes, and relations left without any; an entity stays if
    a kept document mentions it.

    >>> g = nx.Graph(); g.add_node("a", docs=["d1", "d2"]); g.add_node("b", docs=["d2"])
    >>> g.add_edge("a", "b", relations={"partner": {"statuses": {"planned"}, "evidence": [("d2", "s", "planned")]}})
    >>> h = by_documents(g, lambda d: d == "d1")
    >>> list(h.nodes), h.nodes["a"]["docs"], h.number_of_edges()
    (['a'], ['d1'], 0)
    """
    out = nx.Graph(**g.graph)
    for n, attrs in g.nodes(data=True):
        docs = [d for d in attrs.get("docs", ()) if keep_doc(d)]
        if docs:
            out.add_node(n, **{**attrs, "docs": docs})
    for u, v, attrs in g.edges(data=True):
        if u not in out or v not in out:
            continue
        kept = {}
        for kind, rel in attrs["relations"].items():
            evidence = [ev for ev in rel["evidence"] if keep_doc(ev[0])]
            if evidence:
                kept[kind] = {**rel, "statuses": {ev[2] for ev in evidence}, "evidence": evidence}
        if kept:
            out.add_edge(u, v, **{**attrs, "relations": kept})
    return out


def without_regions(g: nx.Graph, keep: Iterable = ()) -> nx.Graph:
    """The network without its regions (except `keep`): a region is where bodies are, not a
    partner, and as a node it joins everything in it into short, meaningless chains.

    >>> g = nx.Graph([("a", "r"), ("r", "b")]); g.nodes["r"]["type"] = "Region"
    >>> sorted(without_regions(g)), sorted(without_regions(g, keep=["r"]))
    (['a', 'b'], ['a', 'b', 'r'])
    """
    keep = set(keep)
    return g.subgraph(n for n, t in g.nodes(data="type") if t != "Region" or n in keep).copy()


def by_type(g: nx.Graph, types: Iterable[str], keep: Iterable = ()) -> nx.Graph:
    """Only nodes of the given types (case ignored: `university` is `University`), and `keep`."""
    known = {t.lower(): t for _, t in g.nodes(data="type") if t}
    wanted = set()
    for t in types:
        if t.lower() not in known:
            raise ValueError(f"no node of type {t!r}; types here: {', '.join(sorted(known.values()))}")
        wanted.add(known[t.lower()])
    keep = set(keep)
    return g.subgraph(n for n, t in g.nodes(data="type") if t in wanted or n in keep).copy()


def by_region(g: nx.Graph, regions: Iterable[str], keep: Iterable = ()) -> nx.Graph:
    """Only nodes located in one of `regions`, or that are such a region, and `keep`.

    Names match by their simplified form, one the start of the other: `湖南` and `湖南省` are
    one region, whichever the graph uses.

    >>> g = nx.Graph(); g.add_node("a", label="湖南大学", region="湖南省", type="University")
    >>> g.add_node("h", label="湖南", region=None, type="Region")
    >>> g.add_node("b", label="香港大学", region="香港", type="University")
    >>> sorted(by_region(g, ["湖南"])), sorted(by_region(g, ["湖南省"]))
    (['a', 'h'], ['a', 'h'])
    """
    keys = [to_simplified_name(r) for r in regions]
    keep = set(keep)

    def inside(n, a):
        place = a.get("region") or (a.get("label") if a.get("type") == "Region" else None)
        if place is None:
            return False
        place = to_simplified_name(place)
        return any(place.startswith(k) or k.startswith(place) for k in keys)

    return g.subgraph(n for n, a in g.nodes(data=True) if n in keep or inside(n, a)).copy()


def neighbourhood(g: nx.Graph, node, depth: int = 1) -> nx.Graph:
    """`node` and everything within `depth` steps of it."""
    return nx.ego_graph(g, node, radius=depth).copy()


def by_min_degree(g: nx.Graph, k: int, keep: Iterable = ()) -> nx.Graph:
    """Only nodes with at least `k` neighbours (counted once, before dropping), and `keep`."""
    keep = set(keep)
    return g.subgraph(n for n, d in g.degree if d >= k or n in keep).copy()


def without_isolated(g: nx.Graph, keep: Iterable = ()) -> nx.Graph:
    """Drop nodes with no edge (entities mentioned but related to nothing), except `keep`."""
    return by_min_degree(g, 1, keep)


def select(g: nx.Graph, *, focus=None, depth: int = 1, types=None, regions=None, statuses=None,
           min_degree: int = 0, isolated: bool = False) -> nx.Graph:
    """The view `kg viz` draws: statuses, types and regions filter the network, then `focus`
    (a node id) keeps its neighbourhood within `depth` steps of what is left; then nodes with
    fewer than `min_degree` neighbours go, and isolated ones unless `isolated`. The focus node
    always stays.
    """
    keep = [focus] if focus is not None else []
    if statuses:
        g = by_status(g, statuses)
    if types:
        g = by_type(g, types, keep)
    if regions:
        g = by_region(g, regions, keep)
    if focus is not None:
        g = neighbourhood(g, focus, depth)
    if min_degree > 1:
        g = by_min_degree(g, min_degree, keep)
    if not isolated:
        g = without_isolated(g, keep)
    return g
