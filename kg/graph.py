"""Records → RDF quads in the document's own named graph.

Everything a document asserts (its entities' types and labels, its relations and their
evidence) goes into one named graph, so a changed document replaces exactly what it said,
and the union of all graphs is the knowledge graph.

Each relation is stated twice over: the direct triple (`A rc:partnerOf B`) for simple
queries, and an `rc:Assertion` in the RDF reification vocabulary that carries the status,
the document, the sentence and its offsets. One assertion per document, sentence and
triple, so a fact stated in five documents keeps five pieces of evidence.
"""
from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from extract.normalise import simplified
from extract.records import DocumentRecord
from kg.iris import assertion_iri, document_iri, entity_iri, graph_iri
from kg.namespaces import DCTERMS, PROV, RC, RDF, RDFS, SCHEMA, SKOS, XSD

__all__ = ["document_quads", "PREDICATES"]

PREDICATES = {"partner": "partnerOf", "party": "party", "founded": "foundedBy", "partOf": "partOf",
              "locatedIn": "locatedIn"}
_EVIDENCED = {"partner", "party", "founded", "partOf"}

_A = NamedNode(RDF + "type")
_PREF = NamedNode(SKOS + "prefLabel")
_ALT = NamedNode(SKOS + "altLabel")
_LABEL = NamedNode(RDFS + "label")
_MENTIONED = NamedNode(RC + "mentionedIn")
_XSD_INT = NamedNode(XSD + "integer")
_XSD_BOOL = NamedNode(XSD + "boolean")


def _zh(text: str) -> Literal:
    """A Chinese literal tagged by script: zh-Hant where the text is traditional."""
    return Literal(text, language="zh-Hant" if simplified(text) != text else "zh-Hans")


def document_quads(rec: DocumentRecord) -> list[Quad]:
    """All quads one document asserts, in its named graph.

    >>> from extract.records import DocumentRecord, Entity, Relation, Evidence
    >>> rec = DocumentRecord("d1", "d1.txt", "0" * 64)
    >>> rec.entities["湖南大学"] = Entity("湖南大学", "University")
    >>> rec.entities["香港大学"] = Entity("香港大学", "University", {"港大"})
    >>> rec.relations.append(Relation("partner", "湖南大学", "香港大学", "planned", False,
    ...                               Evidence("湖南大学与香港大学合作。", 0, 12)))
    >>> qs = document_quads(rec)
    >>> sum(1 for q in qs if q.predicate.value.endswith("partnerOf"))
    2
    >>> {q.graph_name.value for q in qs} == {"https://w3id.org/rckg/id/graph/d1"}
    True
    """
    g = NamedNode(graph_iri(rec.doc_id))
    doc = NamedNode(document_iri(rec.doc_id))
    out: list[Quad] = []
    add = lambda s, p, o: out.append(Quad(s, NamedNode(p) if isinstance(p, str) else p, o, g))

    add(doc, _A, NamedNode(RC + "Document"))
    add(doc, DCTERMS + "identifier", Literal(rec.doc_id))
    add(doc, _LABEL, _zh(rec.title) if rec.title else Literal(rec.doc_id))
    add(doc, RC + "sha256", Literal(rec.sha256))
    if rec.source:
        add(doc, DCTERMS + "source", Literal(rec.source))
    if rec.number:
        add(doc, RC + "documentNumber", Literal(rec.number))
    if rec.date:
        add(doc, DCTERMS + "date", Literal(rec.date, datatype=NamedNode(XSD + "date")))
    if rec.author:
        add(doc, RC + "author", NamedNode(entity_iri(rec.author)))

    for ent in rec.entities.values():
        node = NamedNode(entity_iri(ent.canonical))
        add(node, _A, NamedNode(RC + ent.type))
        add(node, _PREF, Literal(ent.canonical, language="zh-Hans"))
        add(node, _LABEL, Literal(ent.canonical, language="zh-Hans"))
        for alias in sorted(ent.aliases):
            if alias != ent.canonical:
                add(node, _ALT, _zh(alias))
        if ent.mentions:
            add(node, _MENTIONED, doc)

    for r in rec.relations:
        pred = NamedNode(RC + PREDICATES[r.kind])
        head, tail = NamedNode(entity_iri(r.head)), NamedNode(entity_iri(r.tail))
        add(head, pred, tail)
        if r.kind == "partner":
            add(tail, pred, head)
        if r.kind not in _EVIDENCED:
            continue
        a = NamedNode(assertion_iri(rec.doc_id, r.kind, r.head, r.tail,
                                    r.evidence.start if r.evidence else None))
        add(a, _A, NamedNode(RC + "Assertion"))
        add(a, _A, NamedNode(RDF + "Statement"))
        add(a, RDF + "subject", head)
        add(a, RDF + "predicate", pred)
        add(a, RDF + "object", tail)
        add(a, RC + "status", Literal(r.status))
        add(a, RC + "implicit", Literal("true" if r.implicit else "false", datatype=_XSD_BOOL))
        add(a, PROV + "wasDerivedFrom", doc)
        if r.evidence:
            add(a, RC + "sentence", _zh(r.evidence.sentence))
            add(a, RC + "startOffset", Literal(str(r.evidence.start), datatype=_XSD_INT))
            add(a, RC + "endOffset", Literal(str(r.evidence.end), datatype=_XSD_INT))
    return out
