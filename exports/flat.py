"""The network with plain attributes, as Gephi and other graph tools read them (GEXF, GraphML).

Those formats hold one string or number per attribute, so lists are joined with "; ", an
edge's relations become its kinds, statuses and evidence count (its `weight`), and its first
evidence sentence and documents are kept for reading in the tool.

    >>> import networkx as nx
    >>> g = nx.Graph(documents={"d1": {"title": "湘港合作通报", "date": "2024-05-10"}})
    >>> g.add_node("a", label="湖南大学", type="University", region="长沙市", area="湖南省", aliases=["湖大"],
    ...            docs=["d1"], within=["湖南省", "长沙市"])
    >>> g.add_node("b", label="香港大学", type="University", region=None, area=None, aliases=[], docs=["d1"])
    >>> g.add_edge("a", "b", relations={"partner": {"statuses": {"realized"}, "evidence": [("d1", "两校合作。", "realized")]}})
    >>> f = flat_network(g)
    >>> f.nodes["a"]
    {'label': '湖南大学', 'type': 'University', 'region': '长沙市', 'province_or_area': '湖南省', 'aliases': '湖大', 'documents': 1, 'within': '湖南省; 长沙市'}
    >>> f.edges["a", "b"]["kinds"], f.edges["a", "b"]["weight"], f.edges["a", "b"]["first_document"]
    ('partner', 1, '湘港合作通报 (2024-05-10)')
"""
from __future__ import annotations

import networkx as nx

__all__ = ["flat_network"]


def _doc(doc: str, documents: dict) -> str:
    d = documents.get(doc) or {}
    title = d.get("title") or doc
    return f"{title} ({d['date']})" if d.get("date") else title


def flat_network(g: nx.Graph) -> nx.Graph:
    documents = g.graph.get("documents") or {}
    out = nx.Graph()
    for n, a in g.nodes(data=True):
        out.add_node(n, label=a.get("label") or str(n), type=a.get("type") or "", region=a.get("region") or "",
                     province_or_area=a.get("area") or "", aliases="; ".join(a.get("aliases") or ()),
                     documents=len(a.get("docs") or ()), within="; ".join(a.get("within") or ()))
    for u, v, a in g.edges(data=True):
        rels = a["relations"]
        evidence = [ev for rel in rels.values() for ev in rel["evidence"]]
        statuses = sorted({s for rel in rels.values() for s in rel["statuses"]})
        via = sorted({x for rel in rels.values() for x in rel.get("via", ())})
        out.add_edge(u, v, kinds="; ".join(sorted(rels)), statuses="; ".join(statuses),
                     planned_only=statuses == ["planned"], weight=max(1, len(evidence)),
                     via="; ".join(via),
                     first_sentence=next((s for _, s, _ in evidence if s), ""),
                     first_document=_doc(evidence[0][0], documents) if evidence else "",
                     documents="; ".join(sorted({d for d, _, _ in evidence})))
    return out
