"""What the explorer page offers to download, made from plain data it sends back.

The page filters in the browser; what it shows is what it posts here, so a download is
exactly the table or subgraph on screen. Tables go out as CSV with a byte-order mark (so
Excel reads the Chinese as UTF-8) or as .xlsx; subgraphs as Turtle (the entities' own
triples and every assertion between them, evidence included) or as GEXF for Gephi.
"""
from __future__ import annotations

import csv
import io

import networkx as nx
import pyoxigraph as ox

from kg.namespaces import PREFIXES, RDF, RC, SKOS

__all__ = ["table_csv", "table_xlsx", "subgraph_turtle", "subgraph_gexf", "BOM"]

BOM = "\ufeff"
_ENTITY_PREDICATES = {RDF + "type", SKOS + "prefLabel", SKOS + "altLabel", RC + "locatedIn"}
_SUBJECT, _OBJECT = ox.NamedNode(RDF + "subject"), ox.NamedNode(RDF + "object")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return "; ".join(_cell(v) for v in value)
    return str(value)


def table_csv(columns: list[str], rows: list[dict]) -> bytes:
    """UTF-8 CSV with a BOM: Excel opens it with the Chinese intact.

    >>> table_csv(["partner", "status"], [{"partner": "湖南大学", "status": "realized"}])[:3]
    b'\\xef\\xbb\\xbf'
    >>> table_csv(["partner"], [{"partner": "湖南大学"}]).decode("utf-8-sig")
    'partner\\r\\n湖南大学\\r\\n'
    """
    buf = io.StringIO()
    w = csv.writer(buf)          # Excel's dialect, CRLF rows
    w.writerow(columns)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in columns])
    return (BOM + buf.getvalue()).encode("utf-8")


def table_xlsx(columns: list[str], rows: list[dict], sheet: str = "partners") -> bytes:
    """An .xlsx workbook of one sheet: a bold header row, frozen, and columns wide enough to read."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = sheet[:31] or "sheet"
    ws.append(columns)
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for r in rows:
        ws.append([_cell(r.get(c)) for c in columns])
    ws.freeze_panes = "A2"
    for i, c in enumerate(columns, start=1):
        longest = max([len(c)] + [len(_cell(r.get(c))) for r in rows[:500]])
        ws.column_dimensions[ws.cell(1, i).column_letter].width = min(80, 4 + 2 * longest)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def subgraph_turtle(store, nodes, edges) -> bytes:
    """Turtle for the entities `nodes` (IRIs) and the relations of `edges` ((u, v) pairs).

    Each entity brings its types, labels and location; each edge brings the direct triples
    between its two ends and the assertions that state them, with status, document and
    sentence. Every triple once, whichever documents repeat it.
    """
    keep = set(nodes)
    pairs = {frozenset(e) for e in edges if len(set(e)) == 2 and set(e) <= keep}
    out: dict[tuple, ox.Triple] = {}

    def add(q):
        t = ox.Triple(q.subject, q.predicate, q.object)
        out.setdefault((str(t.subject), str(t.predicate), str(t.object)), t)

    for iri in sorted(keep):
        node = ox.NamedNode(iri)
        for q in store.store.quads_for_pattern(node, None, None, None):
            if q.predicate.value in _ENTITY_PREDICATES:
                add(q)
            elif isinstance(q.object, ox.NamedNode) and frozenset((iri, q.object.value)) in pairs:
                add(q)
        for q in store.store.quads_for_pattern(None, _SUBJECT, node, None):
            assertion = q.subject
            other = next((o.object for o in store.store.quads_for_pattern(assertion, _OBJECT, None, q.graph_name)),
                         None)
            if other is not None and frozenset((iri, other.value)) in pairs:
                for a in store.store.quads_for_pattern(assertion, None, None, q.graph_name):
                    add(a)
    triples = [out[k] for k in sorted(out)]
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def subgraph_gexf(g: nx.Graph, nodes, edges) -> bytes:
    """GEXF of the network `g` cut to `nodes` and `edges`, attributes flattened to text
    (Gephi reads only scalar attributes): type, region and aliases on nodes; the relation
    kinds, statuses and the number of evidence sentences on edges.

    >>> g = nx.Graph(); g.add_node("a", label="甲", type="University", aliases=[], region=None, docs=[])
    >>> g.add_node("b", label="乙", type="Region", aliases=["乙省"], region=None, docs=[])
    >>> g.add_edge("a", "b", relations={"partner": {"statuses": {"planned"}, "evidence": [("d1", "甲乙", "planned")]}})
    >>> b"<gexf" in subgraph_gexf(g, ["a", "b"], [["a", "b"]])
    True
    """
    out = nx.Graph()
    for n in nodes:
        if n in g:
            a = g.nodes[n]
            out.add_node(n, label=a.get("label") or n, type=a.get("type") or "", region=a.get("region") or "",
                         aliases="、".join(a.get("aliases") or ()))
    for u, v in edges:
        if u in out and v in out and g.has_edge(u, v):
            rels = g.edges[u, v]["relations"]
            out.add_edge(u, v, relation=", ".join(sorted(rels)),
                         status=", ".join(sorted(set().union(*(r["statuses"] for r in rels.values())))),
                         weight=float(sum(len(r["evidence"]) for r in rels.values()) or 1))
    return "\n".join(nx.generate_gexf(out)).encode("utf-8")
