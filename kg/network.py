"""The cooperation network as a networkx graph: the one view every analytic and picture uses.

Nodes are entities (IRI → type, label, region, documents); an undirected edge joins two
entities that one or more assertions relate, and carries each relation kind with its
statuses and evidence. Agreements are nodes too, joined to their parties by `party` edges.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx

from kg.namespaces import RC, sparql_prologue

__all__ = ["to_networkx", "KINDS"]

KINDS = {RC + "partnerOf": "partner", RC + "party": "party", RC + "foundedBy": "founded",
         RC + "partOf": "partOf"}
# Where an entity has several types (two documents disagreeing), the most specific wins.
_GENERIC = ("Organization", "Actor", "Zone")

# Each pattern is matched inside one document's graph: the union default graph holds a
# triple once per document that states it, so joining an entity's type, label and region
# across the union multiplies rows by the number of documents (a hub named in 1,000
# documents gave 10^6 rows). Within a graph every fact of an entity is stated once, and
# everything an assertion needs is in the same graph.
_NODES = sparql_prologue() + """
SELECT DISTINCT ?e ?type ?label ?region ?doc WHERE { GRAPH ?g {
  ?e a ?type ; skos:prefLabel ?label .
  FILTER(STRSTARTS(STR(?type), STR(rc:)) && ?type != rc:Document && ?type != rc:Assertion)
  OPTIONAL { ?e rc:locatedIn ?r . ?r skos:prefLabel ?region }
  OPTIONAL { ?e rc:mentionedIn ?d . ?d dcterms:identifier ?doc }
} }"""

_EDGES = sparql_prologue() + """
SELECT ?s ?p ?o ?status ?doc ?sentence WHERE { GRAPH ?g {
  ?a a rc:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; rc:status ?status ;
     prov:wasDerivedFrom ?d . ?d dcterms:identifier ?doc .
  OPTIONAL { ?a rc:sentence ?sentence }
} }"""


def _v(term):
    return None if term is None else term.value


def to_networkx(store) -> nx.Graph:
    """Build the network from a `GraphStore` (or anything with a union-graph `query`).

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> g = to_networkx(kg.open_graph(d))
    >>> g.nodes["https://w3id.org/rckg/id/香港大学"]["type"]
    'University'
    """
    g = nx.Graph()
    types = defaultdict(set)
    for row in store.query(_NODES):
        e = _v(row["e"])
        types[e].add(_v(row["type"]).rsplit("#", 1)[-1])
        attrs = g.nodes[e] if e in g else None
        if attrs is None:
            g.add_node(e, label=_v(row["label"]), region=None, docs=set())
            attrs = g.nodes[e]
        if row["region"] is not None and _v(row["region"]) != attrs["label"]:
            attrs["region"] = attrs["region"] or _v(row["region"])
        if row["doc"] is not None:
            attrs["docs"].add(_v(row["doc"]))
    for e, ts in types.items():
        specific = sorted(t for t in ts if t not in _GENERIC) or sorted(ts)
        g.nodes[e]["type"] = specific[0]
        g.nodes[e]["docs"] = sorted(g.nodes[e]["docs"])
    seen = set()  # (edge, kind, evidence): a set, as a hub's edges carry thousands of sentences
    for row in store.query(_EDGES):
        s, o, kind = _v(row["s"]), _v(row["o"]), KINDS.get(_v(row["p"]))
        if kind is None or s == o or s not in g or o not in g:
            continue
        if not g.has_edge(s, o):
            g.add_edge(s, o, relations={})
        rel = g.edges[s, o]["relations"].setdefault(kind, {"statuses": set(), "evidence": []})
        rel["statuses"].add(_v(row["status"]))
        ev = (_v(row["doc"]), _v(row["sentence"]), _v(row["status"]))
        key = (frozenset((s, o)), kind, ev)
        if key not in seen:
            seen.add(key)
            rel["evidence"].append(ev)
        if kind in ("founded", "partOf", "party"):
            rel["direction"] = (s, o)
    return g
