"""Network analytics: brokers, communities, chains of cooperation and the shape of the graph.

Each function takes the networkx graph made by `kg.network.to_networkx` (the one view every
analytic shares) and returns plain rows; none prints or touches the store.

    >>> import tempfile, kg
    >>> from kg.network import to_networkx
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> g = to_networkx(kg.open_graph(d))
    >>> rank(g, by="degree", limit=1)[0]["score"] > 0
    True
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

from ontology.schema import KINDS, NETWORK_KINDS, STATUSES

__all__ = ["MEASURES", "rank", "communities", "paths", "stats", "region_matrix",
           "COOPERATION", "betweenness_sample"]

MEASURES = ("degree", "betweenness", "pagerank")
COMMUNITY_SEED = 20240601
# Exact betweenness is O(nodes × edges): minutes at ten thousand documents. Above this many
# nodes it is estimated from shortest paths out of BETWEENNESS_SAMPLE nodes drawn with a fixed
# seed (Brandes and Pich 2007), so the same graph gives the same ranking.
BETWEENNESS_EXACT_MAX = 5_000
BETWEENNESS_SAMPLE = 500
BETWEENNESS_SEED = 20240601
# Relation kinds that count as cooperation between two actors for the region matrix: the
# symmetric ones (partner), not an agreement's parties or a body's founders.
COOPERATION = tuple(k for k in NETWORK_KINDS if KINDS[k].symmetric)


def _centrality(g: nx.Graph, by: str) -> dict:
    if by == "degree":
        return nx.degree_centrality(g) if len(g) > 1 else {n: 0.0 for n in g}
    if by == "betweenness":
        k = betweenness_sample(g)
        return nx.betweenness_centrality(g, k=k, seed=BETWEENNESS_SEED if k else None)
    if by == "pagerank":
        return nx.pagerank(g) if g.number_of_edges() else {n: 1 / len(g) for n in g}
    raise ValueError(f"unknown measure {by!r}; one of {', '.join(MEASURES)}")


def betweenness_sample(g: nx.Graph) -> int | None:
    """How many source nodes betweenness is estimated from in `g`; None when it is exact.

    >>> betweenness_sample(nx.path_graph(10)) is None, betweenness_sample(nx.path_graph(6000))
    (True, 500)
    """
    return BETWEENNESS_SAMPLE if len(g) > BETWEENNESS_EXACT_MAX else None


def rank(g: nx.Graph, by: str = "degree", type: str | None = None, limit: int = 20) -> list[dict]:
    """The brokers of the network: entities by centrality, best first.

    `type` keeps one entity type (case-insensitive); ties are broken by name so the
    order is stable.

    >>> g = nx.Graph([("a", "b"), ("b", "c")])
    >>> for n, t in zip("abc", ["University", "Region", "University"]):
    ...     g.nodes[n].update(label=n.upper(), type=t, region=None, docs=["d"])
    >>> [r["name"] for r in rank(g, "betweenness")]
    ['B', 'A', 'C']
    >>> [r["name"] for r in rank(g, "degree", type="university", limit=1)]
    ['A']
    """
    scores = _centrality(g, by)
    rows = []
    for n, score in scores.items():
        a = g.nodes[n]
        if type and (a.get("type") or "").lower() != type.lower():
            continue
        rows.append({"name": a.get("label", n), "type": a.get("type"), "region": a.get("region"),
                     "score": round(score, 6), "partners": g.degree(n), "docs": len(a.get("docs", []))})
    rows.sort(key=lambda r: (-r["score"], -r["partners"], r["name"]))
    return [{"rank": i, **r} for i, r in enumerate(rows[:limit], 1)]


def communities(g: nx.Graph, min_size: int = 2, top: int = 3, seed: int = COMMUNITY_SEED) -> list[dict]:
    """Groups of closely cooperating entities (Louvain, fixed seed), largest first.

    Each group is named by its `top` most central members (degree within the group).

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("a", "c"), ("x", "y"), ("c", "x")])
    >>> for n in g: g.nodes[n]["label"] = n.upper()
    >>> [c["members"] for c in communities(g)]
    [['A', 'B', 'C'], ['X', 'Y']]
    """
    groups = nx.community.louvain_communities(g, seed=seed) if g.number_of_edges() else []
    label = lambda n: g.nodes[n].get("label", n)
    out = []
    for members in groups:
        if len(members) < min_size:
            continue
        sub = g.subgraph(members)
        central = sorted(members, key=lambda n: (-sub.degree(n), -g.degree(n), label(n)))
        out.append({"name": " · ".join(label(n) for n in central[:top]), "size": len(members),
                    "links": sub.number_of_edges(), "members": sorted(label(n) for n in members)})
    out.sort(key=lambda c: (-c["size"], -c["links"], c["name"]))
    return [{"community": i, **c} for i, c in enumerate(out, 1)]


def _hop(g, a, b) -> dict:
    """One step of a chain, with the first piece of evidence for it (realized first), the
    relation read from `a`'s side; of several kinds, the first in the schema's order."""
    rels = g.edges[a, b]["relations"]
    kind = min(rels, key=lambda k: NETWORK_KINDS.index(k) if k in NETWORK_KINDS else len(NETWORK_KINDS))
    rel = rels[kind]
    evidence = sorted(rel["evidence"], key=lambda e: (e[2] != "realized", e[0], e[1] or ""))
    doc, sentence, status = evidence[0] if evidence else (None, None, None)
    relation = kind
    if kind in KINDS and "direction" in rel:
        relation = KINDS[kind].head_en if rel["direction"][0] == a else KINDS[kind].tail_en
    known = g.graph.get("documents", {}).get(doc) or {}
    return {"from": g.nodes[a]["label"], "relation": relation, "to": g.nodes[b]["label"],
            "status": status, "date": known.get("date"), "doc": doc, "title": known.get("title"),
            "sentence": sentence}


def paths(g: nx.Graph, a: str, b: str, limit: int = 5) -> list[list[dict]]:
    """The shortest chains of cooperation from `a` to `b` (IRIs), each hop with evidence.

    Empty when the two are not connected. At most `limit` chains, in a stable order.

    >>> g = nx.Graph()
    >>> for n in "abc": g.add_node(n, label=n.upper())
    >>> g.add_edge("a", "b", relations={"partner": {"statuses": {"realized"}, "evidence": [("d1", "A与B合作。", "realized")]}})
    >>> g.add_edge("b", "c", relations={"partner": {"statuses": {"planned"}, "evidence": [("d2", "B与C合作。", "planned")]}})
    >>> [(h["from"], h["to"], h["doc"]) for h in paths(g, "a", "c")[0]]
    [('A', 'B', 'd1'), ('B', 'C', 'd2')]
    """
    if a not in g or b not in g:
        return []
    try:
        found = nx.all_shortest_paths(g, a, b)
        chains = []
        for p in found:
            chains.append(p)
            if len(chains) >= 10 * limit:
                break
    except nx.NetworkXNoPath:
        return []
    chains.sort(key=lambda p: [g.nodes[n]["label"] for n in p])
    return [[_hop(g, x, y) for x, y in zip(p, p[1:])] for p in chains[:limit]]


def region_matrix(g: nx.Graph, kinds=COOPERATION, provinces: bool = True) -> dict[tuple[str, str], int]:
    """Cooperation links between regions: {(region, region): count}, each unordered pair once
    under its sorted key. An entity counts in its province-level region (湖南 for a body in
    长沙市; 香港), or with `provinces=False` in the outermost region it lies in, or is.

    >>> g = nx.Graph()
    >>> g.add_node("a", area="湖南省", within=["湖南省", "长沙市"]); g.add_node("c", area=None)
    >>> g.add_node("b", area="粤港澳大湾区", within=["粤港澳大湾区", "香港特别行政区"])
    >>> g.add_edge("a", "b", relations={"partner": {}}); g.add_edge("a", "c", relations={"partner": {}})
    >>> region_matrix(g), region_matrix(g, provinces=False)
    ({('湖南', '香港'): 1}, {('湖南省', '粤港澳大湾区'): 1})
    """
    from kg.regions import province_of

    place = (lambda n: province_of(g.nodes[n].get("within") or ())) if provinces else (lambda n: g.nodes[n].get("area"))
    counts: Counter = Counter()
    for a, b, data in g.edges(data=True):
        if not any(k in data["relations"] for k in kinds):
            continue
        ra, rb = place(a), place(b)
        if ra and rb:
            counts[tuple(sorted((ra, rb)))] += 1
    return dict(sorted(counts.items()))


def stats(g: nx.Graph, provinces: bool = True) -> dict:
    """Counts by entity type, relation and status, and the region × region matrix
    (province-level regions, or with `provinces=False` the outermost ones).

    Relations and statuses count assertions (one per document and sentence); `links`
    counts distinct related pairs.
    """
    types = Counter(a.get("type") for _, a in g.nodes(data=True))
    relations, statuses, pairs = Counter(), Counter(), Counter()
    for _, _, data in g.edges(data=True):
        for kind, rel in data["relations"].items():
            pairs[kind] += 1
            relations[kind] += len(rel["evidence"])
            for _, _, status in rel["evidence"]:
                statuses[(kind, status)] += 1
    return {
        "types": dict(sorted(types.items(), key=lambda kv: (-kv[1], kv[0] or ""))),
        "relations": {k: {"assertions": relations[k], "links": pairs[k],
                          **{s: statuses[(k, s)] for s in STATUSES}}
                      for k in sorted(relations, key=lambda k: -relations[k])},
        "regions": region_matrix(g, provinces=provinces),
    }
