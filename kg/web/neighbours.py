"""An entity's neighbourhood in the network, as the plain JSON the explorer draws.

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> g.add_node("a", label="湖南大学", type="University", aliases=["湖大"], region="长沙市", area="湖南省", docs=["d1"])
    >>> g.add_node("b", label="香港大学", type="University", aliases=[], region=None, area="香港", docs=["d1"])
    >>> g.add_edge("a", "b", relations={"partner": {"statuses": {"planned"}, "evidence": [("d1", "两校合作。", "planned")]}})
    >>> view = neighbourhood_json(g, "a", {"d1": {"title": "合作通知", "date": "2024-05-10"}})
    >>> [n["id"] for n in view["nodes"]], view["edges"][0]["relations"][0]["evidence"][0]["date"]
    (['a', 'b'], '2024-05-10')
"""
from __future__ import annotations

import networkx as nx

__all__ = ["node_json", "edge_json", "neighbourhood_json", "MAX_NEIGHBOURS"]

# A region or a famous body may have hundreds of partners; the best-connected come first
# and the page says how many more there are.
MAX_NEIGHBOURS = 120


def node_json(g: nx.Graph, n) -> dict:
    a = g.nodes[n]
    places = [p for p in dict.fromkeys([a.get("region"), a.get("area"),
                                        a.get("label") if a.get("type") == "Region" else None]) if p]
    return {"id": n, "label": a.get("label") or n, "type": a.get("type"), "aliases": list(a.get("aliases") or ()),
            "region": a.get("region") or a.get("area"), "places": places, "degree": g.degree(n)}


def edge_json(g: nx.Graph, u, v, documents: dict) -> dict:
    """One edge: each relation kind with its direction, statuses and dated evidence."""
    rels = []
    for kind, rel in sorted(g.edges[u, v]["relations"].items()):
        evidence = []
        for doc, sentence, status in rel["evidence"]:
            d = documents.get(doc, {})
            evidence.append({"doc": doc, "title": d.get("title"), "date": d.get("date"),
                             "sentence": sentence, "status": status})
        rels.append({"kind": kind, "statuses": sorted(rel["statuses"]),
                     "direction": list(rel["direction"]) if "direction" in rel else None, "evidence": evidence})
    a, b = sorted((u, v))
    return {"id": f"{a}\n{b}", "from": a, "to": b, "relations": rels}


def neighbourhood_json(g: nx.Graph, node, documents: dict, limit: int = MAX_NEIGHBOURS) -> dict:
    """`node`, its neighbours (the `limit` best-connected) and every edge among them."""
    around = sorted(g[node], key=lambda n: (-g.degree(n), str(n)))
    shown = [node, *around[:limit]]
    sub = g.subgraph(shown)
    return {"center": node, "nodes": [node_json(g, n) for n in shown],
            "edges": [edge_json(g, u, v, documents) for u, v in sub.edges()],
            "hidden": max(0, len(around) - limit)}
