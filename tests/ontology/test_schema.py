"""The schema tables against the ontology, the README, and a new kind flowing through every stage."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest
from rdflib import OWL, RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.collection import Collection

from ontology import ONTOLOGY_DIR, ONTOLOGY_TTL, SHAPES_TTL
from ontology.schema import ENTITY_TYPES, KINDS, STATUSES, TYPES, load
from tests.conftest import REPO

RC = Namespace("https://w3id.org/rckg/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
PROV = Namespace("http://www.w3.org/ns/prov#")


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ONTOLOGY_TTL)


@pytest.fixture(scope="module")
def shapes():
    return Graph().parse(SHAPES_TTL)


def _label(g, node, lang):
    return next(str(o) for o in g.objects(node, RDFS.label) if isinstance(o, Literal)
                and (o.language or "").lower() == lang)


def _shape_list(g, shape, path):
    """The sh:in list of `shape`'s property on `path`."""
    for prop in g.objects(RC_SHAPE(shape), SH.property):
        if (prop, SH.path, path) in g:
            return [str(x) for x in Collection(g, g.value(prop, SH["in"]))]


def RC_SHAPE(name):
    return URIRef("https://w3id.org/rckg/shapes#" + name)


def test_every_type_is_a_class_with_its_parent_and_labels(ontology):
    classes = {s for s in ontology.subjects(RDF.type, OWL.Class) if str(s).startswith(str(RC))}
    # documents, assertions and rules are provenance, not entity types
    provenance = {c for c in classes for p in (PROV.Entity, PROV.Activity) if (c, RDFS.subClassOf, p) in ontology}
    assert {RC[t] for t in TYPES} == classes - provenance
    for t in TYPES.values():
        parents = [str(p)[len(RC):] for p in ontology.objects(RC[t.name], RDFS.subClassOf) if p in classes]
        assert parents == ([t.parent] if t.parent else []), t.name
        assert (t.label_en, t.label_zh) == (_label(ontology, RC[t.name], "en"),
                                            _label(ontology, RC[t.name], "zh-hans")), t.name


def test_concrete_types_are_the_shapes_targets(shapes):
    targets = set(shapes.objects(RC_SHAPE("EntityShape"), SH.targetClass))
    assert targets == {RC[t] for t in ENTITY_TYPES}


def test_every_kind_is_a_property_with_the_right_characteristics(ontology):
    props = {s for s in ontology.subjects(RDF.type, OWL.ObjectProperty)
             if str(s).startswith(str(RC)) and (s, RDFS.domain, RC.Document) not in ontology}   # rc:author
    assert {RC[k.predicate] for k in KINDS.values()} == props
    for k in KINDS.values():
        p = RC[k.predicate]
        assert ((p, RDF.type, OWL.SymmetricProperty) in ontology) == k.symmetric, k.name
        assert (k.label_en, k.label_zh) == (_label(ontology, p, "en"), _label(ontology, p, "zh-hans")), k.name
        if k.network:
            assert k.head_en and (k.symmetric or k.tail_en), k.name   # a path hop reads from both sides


def test_evidenced_kinds_and_statuses_are_what_the_shapes_allow(shapes):
    assert _shape_list(shapes, "AssertionShape", RDF.predicate) == [
        str(RC[k.predicate]) for k in KINDS.values() if k.evidence]
    assert _shape_list(shapes, "AssertionShape", RC.status) == list(STATUSES)


def test_a_bad_row_is_named_with_its_file(tmp_path):
    shutil.copy(ONTOLOGY_DIR / "entity_types.tsv", tmp_path)
    text = (ONTOLOGY_DIR / "relation_kinds.tsv").read_text(encoding="utf-8")
    (tmp_path / "relation_kinds.tsv").write_text(text.replace("\tyes\t", "\tsure\t", 1), encoding="utf-8")
    with pytest.raises(ValueError, match=r"relation_kinds.tsv: partner: symmetric must be yes or no"):
        load(tmp_path)


def readme_tables() -> str:
    """The README's tables of types and relation kinds, as the schema makes them."""
    types = ["| type | under | label | in the view |", "|---|---|---|---|"]
    types += [f"| `rc:{t.name}` | {f'`rc:{t.parent}`' if t.parent else '—'} | {t.label_en} · {t.label_zh} | "
              f"{'(grouping only)' if t.abstract else f'{t.legend}, {t.shape}'} |" for t in TYPES.values()]
    kinds = ["| relation | predicate | reads (head → tail · tail → head) | symmetric | evidence | network edge |",
             "|---|---|---|---|---|---|"]
    yes = lambda b: "yes" if b else "no"
    kinds += [f"| {k.name} | `rc:{k.predicate}` | {k.head_en} · {k.tail_en} | {yes(k.symmetric)} | "
              f"{yes(k.evidence)} | {yes(k.network)} |" for k in KINDS.values()]
    return "\n".join(types) + "\n\n" + "\n".join(kinds) + "\n"


def test_readme_tables_are_the_schema():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert readme_tables() in readme, "README's schema tables are stale; paste:\n" + readme_tables()


# One document with an investment, run through graph, store, network, analytics, queries and view
# in a fresh interpreter whose schema has one kind more than the real one.
_FLOW = r"""
import json, sys, tempfile
from extract.records import DocumentRecord, Entity, Evidence, Relation
from kg.graph import document_quads
from kg.iris import graph_iri
from kg.store import GraphStore
from kg.network import to_networkx
from kg.analytics import paths, stats
from kg.queries import partners
from exports.html_view import render
from kg.web.app import VIEW_SCHEMA

rec = DocumentRecord("inv", "inv.txt", "0" * 64)
for name, typ in [("湖南大学", "University"), ("香港科技园公司", "Enterprise")]:
    rec.entities[name] = Entity(name, typ, mentions=1)
sentence = "香港科技园公司投资湖南大学孵化器。"
rec.relations.append(Relation("investsIn", "香港科技园公司", "湖南大学", "realized", False,
                              Evidence(sentence, 0, len(sentence))))
quads = document_quads(rec)
store = GraphStore(tempfile.mkdtemp())
store.load_ontology()
store.replace_document(graph_iri("inv"), quads)
g = to_networkx(store)
edges = [d["relations"] for _, _, d in g.edges(data=True)]
a, b = "https://w3id.org/rckg/id/湖南大学", "https://w3id.org/rckg/id/香港科技园公司"
json.dump({
    "predicates": sorted({q.predicate.value for q in quads}),
    "edges": [{k: sorted(r["statuses"]) for k, r in rels.items()} for rels in edges],
    "hops": [h["relation"] for p in (paths(g, a, b) + paths(g, b, a)) for h in p],
    "stats": stats(g)["relations"],
    "rows": [(r["partner"], r["relation"], r["status"], r["sentence"]) for r in partners(store, "湖南大学")]
            + [(r["partner"], r["relation"], r["status"], r["sentence"]) for r in partners(store, "香港科技园公司")],
    "page": render(g),
    "web": [VIEW_SCHEMA["readings"].get("invested in by"), VIEW_SCHEMA["kinds"].get("investsIn")],
}, sys.stdout, ensure_ascii=False)
"""

_INVESTS = ("investsIn\tinvestsIn\tno\tyes\tyes\tinvests in\t投资\tinvests in\tinvested in by\t\t投资\t获投资\t\t"
            "head tail\t#ff00aa\tforward\tinvests in (investor → target) 投资\n")


def test_a_kind_added_to_the_table_flows_everywhere(tmp_path):
    shutil.copy(ONTOLOGY_DIR / "entity_types.tsv", tmp_path)
    kinds = (ONTOLOGY_DIR / "relation_kinds.tsv").read_text(encoding="utf-8") + _INVESTS
    (tmp_path / "relation_kinds.tsv").write_text(kinds, encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _FLOW], cwd=REPO, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "RCKG_SCHEMA_DIR": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert str(RC.investsIn) in out["predicates"] and str(RC.Assertion) not in out["predicates"]
    assert str(RDF.predicate) in out["predicates"]                      # the assertion is there
    assert out["edges"] == [{"investsIn": ["realized"]}]
    assert sorted(out["hops"]) == ["invested in by", "invests in"]
    assert out["stats"]["investsIn"]["realized"] == 1
    sentence = "香港科技园公司投资湖南大学孵化器。"
    assert out["rows"] == [["香港科技园公司", "invested in by", "realized", sentence],
                           ["湖南大学", "invests in", "realized", sentence]]
    legend = out["page"].split('id="legend"')[1]
    assert "invests in (investor → target) 投资" in legend and "#ff00aa" in out["page"]
    assert out["web"] == ["investsIn", {"colour": "#ff00aa", "arrow": "forward"}]     # kg serve's explorer
