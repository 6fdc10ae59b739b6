"""The graph checked against its own shapes (`ontology/shapes.ttl`) at every build, fast.

pySHACL takes seconds on a small graph and is a test dependency only; the shapes use a
handful of SHACL Core constraints on simple paths, and a document's graph is checked alone
(everything a shape asks of a node — its label, its document, an agreement's parties — is
asserted in the same document's graph). So the shapes are read once into plain records and
each document's quads checked in one pass: under a millisecond of CPU for a document of
the shared corpora.

    >>> from extract.records import DocumentRecord, Entity
    >>> from kg.graph import document_quads
    >>> rec = DocumentRecord("d1", "d1.txt", "0" * 64)
    >>> rec.entities["某某合作协议"] = Entity("某某合作协议", "Agreement")
    >>> [v.message for v in check_quads(document_quads(rec))]
    ['rc:party: at least 1 value expected, 0 found']

A constraint this module does not implement makes loading the shapes fail, so the shapes
cannot grow a rule the build silently skips.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import pyoxigraph as ox

from ontology import SHAPES_TTL

__all__ = ["Violation", "check_quads", "load_shapes", "SUPPORTED"]

SH = "http://www.w3.org/ns/shacl#"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_LANG_STRING = _RDF + "langString"
_TYPE = _RDF + "type"
SUPPORTED = {"minCount", "maxCount", "datatype", "languageIn", "nodeKind", "class", "in", "pattern"}
_SHORT = {"https://w3id.org/rckg/ontology#": "rc:", "http://www.w3.org/2004/02/skos/core#": "skos:",
          "http://www.w3.org/ns/prov#": "prov:", _RDF: "rdf:", "http://www.w3.org/2000/01/rdf-schema#": "rdfs:"}


@dataclass(frozen=True)
class Violation:
    """One node failing one constraint; `line()` is what the build prints."""

    node: str
    message: str

    def line(self, document: str) -> str:
        return f"{document}: <{self.node}> {self.message}"


@dataclass
class PropertyShape:
    path: str
    constraints: dict = field(default_factory=dict)


@dataclass
class NodeShape:
    name: str
    targets: set[str]
    properties: list[PropertyShape]


def _short(iri: str) -> str:
    for ns, prefix in _SHORT.items():
        if iri.startswith(ns):
            return prefix + iri[len(ns):]
    return iri


def _list(triples, head):
    """The members of an RDF list."""
    out = []
    while head is not None and head != ox.NamedNode(_RDF + "nil"):
        out.append(triples.get((head, _RDF + "first")))
        head = triples.get((head, _RDF + "rest"))
    return out


@lru_cache(maxsize=1)
def load_shapes(path=SHAPES_TTL) -> tuple[NodeShape, ...]:
    """The node shapes of a shapes file, as plain records."""
    graph = list(ox.parse(path=str(path), format=ox.RdfFormat.TURTLE))
    single = {(t.subject, t.predicate.value): t.object for t in graph}
    many: dict = {}
    for t in graph:
        many.setdefault((t.subject, t.predicate.value), []).append(t.object)
    shapes = []
    for t in graph:
        if t.predicate.value != _TYPE or t.object.value != SH + "NodeShape":
            continue
        node = t.subject
        props = []
        for prop in many.get((node, SH + "property"), []):
            constraints = {}
            for key, values in ((k[1], v) for k, v in many.items() if k[0] == prop):
                name = key[len(SH):] if key.startswith(SH) else key
                if name == "path":
                    continue
                if name not in SUPPORTED:
                    raise NotImplementedError(f"{path}: sh:{name} is not checked by kg.shapes")
                constraints[name] = _plain(name, values[0], single)
            path_node = single[(prop, SH + "path")]
            if not isinstance(path_node, ox.NamedNode):
                raise NotImplementedError(f"{path}: only simple property paths are checked by kg.shapes")
            props.append(PropertyShape(path_node.value, constraints))
        targets = {o.value for o in many.get((node, SH + "targetClass"), [])}
        shapes.append(NodeShape(node.value, targets, props))
    return tuple(shapes)


def _plain(name: str, value, single):
    """A constraint's value as plain Python, so checking touches no pyoxigraph term."""
    if name in ("minCount", "maxCount"):
        return int(value.value)
    if name == "languageIn":
        return {x.value.lower(): x.value for x in _list(single, value)}
    if name == "in":
        return {str(x): x.value for x in _list(single, value)}
    if name == "pattern":
        return re.compile(value.value)
    return value.value


def _datatype(term) -> str | None:
    if not isinstance(term, ox.Literal):
        return None
    return _LANG_STRING if term.language else term.datatype.value


def _fails(c: dict, values: dict, types: dict) -> list[str]:
    """What is wrong with a node's `values` ({N-Triples text: term}) of one property."""
    out = []
    if len(values) < c.get("minCount", 0):
        n = c["minCount"]
        out.append(f"at least {n} value{'s' if n > 1 else ''} expected, {len(values)} found")
    if len(values) > c.get("maxCount", len(values)):
        out.append(f"at most {c['maxCount']} expected, {len(values)} found")
    for key, v in values.items():
        literal = isinstance(v, ox.Literal)
        if "datatype" in c and _datatype(v) != c["datatype"]:
            out.append(f"{v.value[:60]!r} is not a {_short(c['datatype'])}")
        if "languageIn" in c and not (literal and v.language and v.language.lower() in c["languageIn"]):
            out.append(f"{v.value[:60]!r} is not tagged {' or '.join(c['languageIn'].values())}")
        if c.get("nodeKind") == SH + "IRI" and not isinstance(v, ox.NamedNode):
            out.append(f"{v.value[:60]!r} is not an IRI")
        if "class" in c and c["class"] not in types.get(key, ()):
            out.append(f"<{v.value[:60]}> is not a {_short(c['class'])}")
        if "in" in c and key not in c["in"]:
            out.append(f"{v.value[:60]!r} is not one of {', '.join(_short(x) for x in c['in'].values())}")
        if "pattern" in c and not c["pattern"].search(v.value):
            out.append(f"{v.value[:60]!r} does not match {c['pattern'].pattern}")
    return out


def check_quads(quads, shapes: tuple[NodeShape, ...] | None = None) -> list[Violation]:
    """Every violation of the shapes by the triples of `quads` (one document's graph)."""
    shapes = load_shapes() if shapes is None else shapes
    targeted = {c for shape in shapes for c in shape.targets}
    values: dict[tuple[str, str], dict] = {}
    types: dict[str, set[str]] = {}
    nodes: dict[str, object] = {}
    for q in quads:
        # terms are keyed by their text: pyoxigraph terms hash slowly
        s, p, o = q.subject, q.predicate.value, q.object
        key = str(s)
        values.setdefault((key, p), {})[str(o)] = o      # a graph is a set
        if p == _TYPE:
            types.setdefault(key, set()).add(o.value)
            if o.value in targeted:
                nodes[key] = s
    out = []
    for key, node in nodes.items():
        classes = types[key]
        for shape in shapes:
            if not classes & shape.targets:
                continue
            for prop in shape.properties:
                for message in _fails(prop.constraints, values.get((key, prop.path), {}), types):
                    out.append(Violation(node.value, f"{_short(prop.path)}: {message}"))
    return out
