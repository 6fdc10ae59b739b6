"""The cooperation network as a networkx graph: the one view every analytic and picture uses.

Nodes are entities (IRI → type, label, aliases, region, area, within, documents; `area` is the
outermost region the entity lies in, or is, e.g. 湖南省 for a body located in 长沙市, and `within`
every region it lies in, or is, at any level); an undirected edge joins two
entities that one or more assertions relate, and carries each relation kind with its
statuses and evidence. Agreements are nodes too, joined to their parties by `party` edges.
`g.graph["documents"]` holds each document's title and date by id (`kg.documents.documents`).
"""
from __future__ import annotations

from collections import defaultdict

from kg.documents import documents
from ontology.schema import GENERIC_TYPES, KINDS as SCHEMA_KINDS, NETWORK_KINDS
from kg.namespaces import RC, sparql_prologue

__all__ = ["to_networkx", "main_type", "KINDS"]

# predicate IRI → relation kind, for every kind the schema makes a network edge
KINDS = {RC + SCHEMA_KINDS[k].predicate: k for k in NETWORK_KINDS}

# One predicate per query, joined here rather than in SPARQL: the union of all documents
# repeats an entity's type, label and location once per document that names it, so a join
# of them grows with the product of those counts (fatal for well-known entities at scale).
_PAIRS = "SELECT ?s ?o WHERE { ?s %s ?o }"
_DOC_ID = "<http://purl.org/dc/terms/identifier>"

_EDGES = sparql_prologue() + """
SELECT ?s ?p ?o ?status ?doc ?sentence WHERE { GRAPH ?g {
  ?a a rc:Assertion ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; rc:status ?status ;
     prov:wasDerivedFrom ?d . ?d dcterms:identifier ?doc .
  OPTIONAL { ?a rc:sentence ?sentence }
} }"""


def main_type(types) -> str:
    """The one type to show for an entity that documents gave several types: the most specific.

    >>> main_type({"Organization", "University"})
    'University'
    """
    return (sorted(t for t in types if t not in GENERIC_TYPES) or sorted(types))[0]


def _v(term):
    return None if term is None else term.value


def to_networkx(store) -> "nx.Graph":
    """Build the network from a `GraphStore` (or anything with a union-graph `query`).

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> g = to_networkx(kg.open_graph(d))
    >>> g.nodes["https://w3id.org/rckg/id/香港大学"]["type"]
    'University'
    >>> g.nodes["https://w3id.org/rckg/id/香港贸易发展局"]["aliases"]
    ['香港貿易發展局']
    """
    import networkx as nx     # here, not at the top: `kg.queries` needs this module's constants, not networkx

    pairs = lambda predicate: ((_v(r["s"]), _v(r["o"])) for r in store.query(_PAIRS % predicate))
    types, labels = defaultdict(set), {}
    for e, t in pairs("a"):
        if t.startswith(RC) and t not in (RC + "Document", RC + "Assertion"):
            types[e].add(t[len(RC):])
    for e, label in pairs("<http://www.w3.org/2004/02/skos/core#prefLabel>"):
        labels.setdefault(e, label)
    aliases = defaultdict(set)
    for e, alias in pairs("<http://www.w3.org/2004/02/skos/core#altLabel>"):
        aliases[e].add(alias)
    doc_ids = dict(pairs(_DOC_ID))
    located, docs, parents = defaultdict(set), defaultdict(set), defaultdict(set)
    for e, r in pairs(f"<{RC}locatedIn>"):
        located[e].add(r)
    for e, d in pairs(f"<{RC}mentionedIn>"):
        docs[e].add(doc_ids.get(d, d))
    regions = {e for e, ts in types.items() if "Region" in ts}
    for e, up in pairs(f"<{RC}partOf>"):
        if e in regions and up in regions and up != e:
            parents[e].add(up)

    def enclosing(region, seen=()):
        """The region and every region that contains it."""
        out = {region}
        for up in parents[region] - set(seen):
            out |= enclosing(up, (*seen, region))
        return out

    def area(region, seen=()):
        """The outermost region containing `region` (the alphabetically first, if several)."""
        ups = sorted(parents[region] - set(seen))
        return min(area(u, (*seen, region)) for u in ups) if ups else labels.get(region)

    g = nx.Graph(documents=documents(store))
    for e in sorted(types):
        if e not in labels:
            continue
        label = labels[e]
        near = sorted(labels[r] for r in located[e] if r in labels and labels[r] != label)
        areas = [area(r) for r in ({e} if e in regions else set()) | located[e] if r in labels]
        g.add_node(e, label=label, type=main_type(types[e]), aliases=sorted(aliases[e] - {label}),
                   region=near[0] if near else None,
                   area=min(filter(None, areas), default=None), docs=sorted(docs[e]),
                   within=sorted({labels[x] for r in ({e} if e in regions else set()) | located[e]
                                  for x in enclosing(r) if x in labels}))
    for row in store.query(_EDGES):
        s, o, kind = _v(row["s"]), _v(row["o"]), KINDS.get(_v(row["p"]))
        if kind is None or s == o or s not in g or o not in g:
            continue
        if not g.has_edge(s, o):
            g.add_edge(s, o, relations={})
        rel = g.edges[s, o]["relations"].setdefault(kind, {"statuses": set(), "evidence": []})
        rel["statuses"].add(_v(row["status"]))
        ev = (_v(row["doc"]), _v(row["sentence"]), _v(row["status"]))
        seen = rel.setdefault("_seen", set())
        if ev not in seen:
            seen.add(ev)
            rel["evidence"].append(ev)
        if not SCHEMA_KINDS[kind].symmetric:
            rel["direction"] = (s, o)
    for _, _, data in g.edges(data=True):
        for rel in data["relations"].values():
            rel.pop("_seen", None)
    return g
