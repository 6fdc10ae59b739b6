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
from ontology.schema import KINDS
from kg.iris import assertion_iri, document_iri, entity_iri, graph_iri, rule_iri
from kg.namespaces import DCTERMS, PROV, RC, RDF, RDFS, SKOS, XSD

__all__ = ["document_quads", "PREDICATES"]

PREDICATES = {name: kind.predicate for name, kind in KINDS.items()}

_A = NamedNode(RDF + "type")
_PREF = NamedNode(SKOS + "prefLabel")
_ALT = NamedNode(SKOS + "altLabel")
_LABEL = NamedNode(RDFS + "label")
_SCOPE_NOTE = NamedNode(SKOS + "scopeNote")
_DEFINED_IN = NamedNode(RDFS + "isDefinedBy")
_UNNAMED_NOTE = Literal("文中只以本文件作者的自称（本局、本会等）相称，未写出全称；此节点只属于该文件。", language="zh-Hans")
_MENTIONED = NamedNode(RC + PREDICATES["mentionedIn"])
_XSD_INT = NamedNode(XSD + "integer")
_XSD_BOOL = NamedNode(XSD + "boolean")
# Made once: a build makes a thousand quads per document, and the writer process is the
# one part of a parallel build that does not scale out.
_ASSERTION, _STATEMENT = NamedNode(RC + "Assertion"), NamedNode(RDF + "Statement")
_SUBJECT, _PREDICATE, _OBJECT = NamedNode(RDF + "subject"), NamedNode(RDF + "predicate"), NamedNode(RDF + "object")
_STATUS, _IMPLICIT, _DERIVED = NamedNode(RC + "status"), NamedNode(RC + "implicit"), NamedNode(PROV + "wasDerivedFrom")
_GENERATED_BY, _RULE = NamedNode(PROV + "wasGeneratedBy"), NamedNode(RC + "Rule")
_SENTENCE, _START, _END = NamedNode(RC + "sentence"), NamedNode(RC + "startOffset"), NamedNode(RC + "endOffset")
_PRED = {kind: NamedNode(RC + name) for kind, name in PREDICATES.items()}
_TYPE = {}
_STATUS_LITERAL = {}
_TRUE, _FALSE = Literal("true", datatype=_XSD_BOOL), Literal("false", datatype=_XSD_BOOL)


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
        typ = _TYPE.get(ent.type) or _TYPE.setdefault(ent.type, NamedNode(RC + ent.type))
        add(node, _A, typ)
        label = Literal(ent.label or ent.canonical, language="zh-Hans")
        add(node, _PREF, label)
        add(node, _LABEL, label)
        for alias in sorted(ent.aliases):
            if alias not in (ent.canonical, ent.label):
                add(node, _ALT, _zh(alias))
        if ent.label and ent.label != ent.canonical:
            # 本局〔…〕: known only as the text calls it, so the node belongs to this document
            add(node, _SCOPE_NOTE, _UNNAMED_NOTE)
            add(node, _DEFINED_IN, doc)
        if ent.mentions:
            add(node, _MENTIONED, doc)

    quad, put = Quad, out.append
    rules: dict[str, NamedNode] = {}
    for r in rec.relations:
        kind = KINDS.get(r.kind)
        if kind is None:
            raise ValueError(f"{rec.doc_id}: relation kind {r.kind!r} is not declared in relation_kinds.tsv")
        pred = _PRED[r.kind]
        head, tail = NamedNode(entity_iri(r.head)), NamedNode(entity_iri(r.tail))
        put(quad(head, pred, tail, g))
        if kind.symmetric:
            put(quad(tail, pred, head, g))
        if not kind.evidence:
            continue
        a = NamedNode(assertion_iri(rec.doc_id, r.kind, r.head, r.tail,
                                    r.evidence.start if r.evidence else None))
        status = _STATUS_LITERAL.get(r.status) or _STATUS_LITERAL.setdefault(r.status, Literal(r.status))
        put(quad(a, _A, _ASSERTION, g))
        put(quad(a, _A, _STATEMENT, g))
        put(quad(a, _SUBJECT, head, g))
        put(quad(a, _PREDICATE, pred, g))
        put(quad(a, _OBJECT, tail, g))
        put(quad(a, _STATUS, status, g))
        put(quad(a, _IMPLICIT, _TRUE if r.implicit else _FALSE, g))
        put(quad(a, _DERIVED, doc, g))
        if r.rule:
            # the rule that read it: why the edge exists
            rule = rules.get(r.rule)
            if rule is None:
                rule = rules[r.rule] = NamedNode(rule_iri(r.rule))
                put(quad(rule, _A, _RULE, g))
                put(quad(rule, _LABEL, Literal(r.rule), g))
            put(quad(a, _GENERATED_BY, rule, g))
        if r.evidence:
            put(quad(a, _SENTENCE, _zh(r.evidence.sentence), g))
            put(quad(a, _START, Literal(str(r.evidence.start), datatype=_XSD_INT), g))
            put(quad(a, _END, Literal(str(r.evidence.end), datatype=_XSD_INT), g))
    return out
