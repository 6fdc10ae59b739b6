"""Records → quads: each assertion names the rule that read it, and nothing else changes."""
from dataclasses import replace

import rdflib
from rdflib.compare import isomorphic

from extract.document import extract_document
from extract.records import DocumentRecord
from extract.rules import registered
from kg.graph import document_quads
from kg.iris import RULE

PROV = rdflib.Namespace("http://www.w3.org/ns/prov#")
TEXT = "湖南大学与香港城市大学签订了合作协议。双方将共同成立湖南大学香港城市大学联合实验室。"


def _graph(quads) -> rdflib.Graph:
    g = rdflib.Graph()
    for q in quads:
        g.add(tuple(rdflib.URIRef(t.value) if type(t).__name__ == "NamedNode" else
                    rdflib.Literal(t.value, lang=t.language, datatype=None if t.language else rdflib.URIRef(t.datatype.value))
                    for t in (q.subject, q.predicate, q.object)))
    return g


def _record(nlp) -> DocumentRecord:
    return extract_document(nlp, TEXT, "demo")


def test_every_assertion_names_one_registered_rule(nlp):
    g = _graph(document_quads(_record(nlp)))
    assertions = set(g.subjects(rdflib.RDF.type, rdflib.URIRef("https://w3id.org/rckg/ontology#Assertion")))
    assert assertions
    for a in assertions:
        (rule,) = g.objects(a, PROV.wasGeneratedBy)
        assert str(rule).startswith(RULE) and str(rule)[len(RULE):] in registered()
        assert str(g.value(rule, rdflib.RDFS.label)) == str(rule)[len(RULE):]


def test_provenance_adds_only_its_own_triples(nlp):
    rec = _record(nlp)
    with_rules = _graph(document_quads(rec))
    rec.relations = [replace(r, rule=None) for r in rec.relations]
    without = _graph(document_quads(rec))
    for s, p, o in list(with_rules.triples((None, PROV.wasGeneratedBy, None))):
        with_rules.remove((s, p, o))
    for s in {s for s in with_rules.subjects() if str(s).startswith(RULE)}:
        with_rules.remove((s, None, None))
    assert len(without) and isomorphic(with_rules, without)
