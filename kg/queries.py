"""The ready-made questions: who is this name, who are its partners, what do we know of it.

Every answer carries the sentence that proves it. A name typed by an analyst is resolved to
one entity by its labels (any alias, simplified or traditional) and is only ever bound into
a query as an RDF literal through pyoxigraph's `substitutions`, never pasted into query text.
Questions about the resolved entity carry its IRI as a VALUES term serialised by pyoxigraph:
with a constant there, Oxigraph's planner starts from that entity's own triples.

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> store = kg.open_graph(d)
    >>> rows = partners(store, "香港貿易發展局")           # traditional spelling
    >>> "中国(湖南)自由贸易试验区岳阳片区" in {r["partner"] for r in rows if r["relation"] == "partner"}
    True
"""
from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Variable

from extract.normalise import normalise, to_simplified_name
from kg.documents import Period, documents
from kg.iris import doc_id_of_graph
from kg.namespaces import RC, RDF, SKOS, sparql_prologue
from ontology.schema import ENTITY_TYPES, GENERIC_TYPES, KINDS, READINGS

__all__ = ["UnknownEntity", "AmbiguousName", "find_entity", "entity_info", "partners", "partners_of",
           "partners_page", "PartnerPage", "show",
           "RELATIONS", "PARTNER_COLUMNS"]

PARTNER_COLUMNS = ["partner", "type", "region", "relation", "via", "status", "date", "doc", "title", "sentence"]

# How each relation reads from the asked entity's side ("X <relation> partner"), in the
# order answers list them (relation_kinds.tsv: head_en, tail_en, via_en and listed).
RELATIONS = READINGS


class UnknownEntity(LookupError):
    """No entity has this name; `suggestions` are the closest known names."""

    def __init__(self, name: str, suggestions: list[str]):
        self.name, self.suggestions = name, suggestions
        hint = f"; closest known names: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"no entity is called {name!r}{hint}")


class AmbiguousName(LookupError):
    """Several entities carry this name as an alias; `candidates` are their preferred names."""

    def __init__(self, name: str, candidates: list[str]):
        self.name, self.candidates = name, candidates
        super().__init__(f"{name!r} names several entities: {', '.join(candidates)}; use one of these")


_BY_LABEL = sparql_prologue() + """
SELECT ?e ?p ?l WHERE { ?e ?p ?l . FILTER(?p = skos:prefLabel || ?p = skos:altLabel) }"""

_ALL_LABELS = sparql_prologue() + """
SELECT ?e ?p ?l WHERE { ?e skos:prefLabel|skos:altLabel ?l ; ?p ?l .
                        FILTER(?p = skos:prefLabel || ?p = skos:altLabel) }"""


def _pick(name: str, hits: dict[str, bool], store) -> str:
    """One IRI from {iri: is-preferred-label}: a preferred-label hit wins over aliases."""
    preferred = sorted(e for e, pref in hits.items() if pref)
    if len(preferred) == 1:
        return preferred[0]
    if not preferred and len(hits) == 1:
        return next(iter(hits))
    raise AmbiguousName(name, sorted(_pref_label(store, e) for e in (preferred or hits)))


def _pref_label(store, iri: str) -> str:
    return _Facts(store).label(NamedNode(iri))


def find_entity(store, name: str) -> str:
    """The IRI of the entity called `name` (preferred name or any alias, 繁 or 简).

    Exact labels are looked up through the store's indexes; failing that, labels are
    compared case-insensitively after normalisation; failing that, `UnknownEntity` lists
    the closest known names.

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> find_entity(kg.open_graph(d), "香港貿易發展局")
    'https://w3id.org/rckg/id/香港贸易发展局'
    >>> find_entity(kg.open_graph(d), "香港贸易局")
    Traceback (most recent call last):
    ...
    kg.queries.UnknownEntity: no entity is called '香港贸易局'; closest known names: 香港贸易发展局...
    """
    raw = normalise(name).strip()
    key = to_simplified_name(name)
    hits: dict[str, bool] = {}
    for text in dict.fromkeys([key, raw]):
        for lang in ("zh-Hans", "zh-Hant", None):
            term = Literal(text, language=lang) if lang else Literal(text)
            for row in store.query(_BY_LABEL, substitutions={Variable("l"): term}):
                e = row["e"].value
                hits[e] = hits.get(e, False) or row["p"].value == SKOS + "prefLabel"
    if hits:
        return _pick(name, hits, store)
    labels: dict[str, str] = {}
    folded = key.casefold()
    for row in store.query(_ALL_LABELS):
        label, e = row["l"].value, row["e"].value
        if to_simplified_name(label).casefold() == folded:
            hits[e] = hits.get(e, False) or row["p"].value == SKOS + "prefLabel"
        labels.setdefault(to_simplified_name(label), e)
    if hits:
        return _pick(name, hits, store)
    close = difflib.get_close_matches(key, list(labels), n=5, cutoff=0.5)
    # Substrings (香港城大 → 香港城市大学 is not one, but 城市大学 → 香港城市大学 is) come first.
    contains = sorted((lab for lab in labels if key and key in lab), key=len)[:5]
    raise UnknownEntity(name, list(dict.fromkeys(contains + close))[:5])


_A, _PREF_P = NamedNode(RDF + "type"), NamedNode(SKOS + "prefLabel")
_LOCATED_P, _PART_OF_P, _REGION = NamedNode(RC + "locatedIn"), NamedNode(RC + "partOf"), NamedNode(RC + "Region")


# Types in the order `kg.network.main_type` prefers them: specific ones by name, then generic.
_TYPE_ORDER = sorted(t for t in ENTITY_TYPES if t not in GENERIC_TYPES) + sorted(GENERIC_TYPES)


class _Facts:
    """Direct index look-ups for per-entity facts.

    The union of all documents repeats an entity's label, type and location once per
    document that mentions it, so joining them in a query (or listing them) costs as much
    as the entity is famous; probing the index for the first match does not. Region
    chains are cached for the life of one answer. (On a `kg.remote.RemoteStore`, each
    look-up is one small SELECT on the server.)
    """

    def __init__(self, store):
        self.ox = store.store
        self.regions: dict[str, list[str]] = {}

    def first(self, s: NamedNode, p: NamedNode, o=None):
        return next((q.object for q in self.ox.quads_for_pattern(s, p, o, None)), None)

    def has_type(self, node: NamedNode, name: str) -> bool:
        return self.first(node, _A, NamedNode(RC + name)) is not None

    def main_type(self, node: NamedNode) -> str | None:
        return next((t for t in _TYPE_ORDER if self.has_type(node, t)), None)

    def label(self, node: NamedNode) -> str:
        term = self.first(node, _PREF_P)
        return term.value if term is not None else node.value.rsplit("/", 1)[-1]

    def chain(self, region: NamedNode) -> list[str]:
        """The region and every region that contains it, nearest first."""
        if region.value not in self.regions:
            self.regions[region.value] = []          # guards against partOf cycles
            ups = {q.object.value for q in self.ox.quads_for_pattern(region, _PART_OF_P, None, None)}
            out = [self.label(region)]
            for up in sorted(ups):
                if self.has_type(NamedNode(up), "Region"):
                    out += [x for x in self.chain(NamedNode(up)) if x not in out]
            self.regions[region.value] = out
        return self.regions[region.value]


def entity_info(store, iris, facts: _Facts | None = None) -> dict[str, dict]:
    """Label, main type, nearest region and every enclosing region of each entity.

    `regions` is the entity's region and all regions that contain it (长沙市, 湖南省), or
    the entity itself first if it is a region; `region` is the nearest one. Where
    documents disagree on where an entity is, the first location found stands.
    """
    facts = facts or _Facts(store)
    out: dict[str, dict] = {}
    for iri in dict.fromkeys(iris):
        node = NamedNode(iri)
        typ = facts.main_type(node)
        located = node if typ == "Region" or facts.has_type(node, "Region") else facts.first(node, _LOCATED_P)
        regions = facts.chain(located) if located is not None else []
        out[iri] = {"label": facts.label(node), "type": typ, "regions": list(regions),
                    "region": regions[0] if regions else None}
    return out


# Three questions answer "who are X's partners": what X's assertions point to, what points
# to X, and who else is party to (or co-founded) the same thing. ?x is the resolved entity.
# Each is matched inside one document's graph: the union default graph repeats a triple once
# per document that states it, so a join there multiplies rows by the documents (a hub's
# co-parties came to 235,822 rows for 5,645 answers). The sentences are not fetched here:
# only the rows of the page asked for need them (`_sentences`).
_OUT = sparql_prologue() + """
SELECT ?a ?g ?p ?partner ?status WHERE { GRAPH ?g {
  ?a rdf:subject X ; rdf:predicate ?p ; rdf:object ?partner ; rc:status ?status } }"""
_IN = sparql_prologue() + """
SELECT ?a ?g ?p ?partner ?status WHERE { GRAPH ?g {
  ?a rdf:object X ; rdf:predicate ?p ; rdf:subject ?partner ; rc:status ?status } }"""
_VIA = [k.predicate for k in KINDS.values() if k.evidence and "via" in k.listed]
_CO = sparql_prologue() + """
SELECT ?a ?g ?p ?via ?partner ?status WHERE { GRAPH ?g {
  ?via ?p X . FILTER(VIA)
  ?a rdf:subject ?via ; rdf:predicate ?p ; rdf:object ?partner ; rc:status ?status } }""".replace(
    "VIA", " || ".join(f"?p = rc:{p}" for p in _VIA) or "false")
_SENTENCES = sparql_prologue() + "SELECT ?a ?sentence WHERE { VALUES ?a { A } ?a rc:sentence ?sentence }"
# (query, predicate) → relation as read from X's side: X is the head (_OUT), the tail (_IN),
# or shares a head with the partner (_CO); readings a kind does not list are not partners
# (an agreement X is party to is the `via` of its co-parties' rows, not a row itself).
_READS = {(q, k.predicate): reading for k in KINDS.values() if k.evidence
          for q, side, reading in ((_OUT, "head", k.head_en), (_IN, "tail", k.tail_en), (_CO, "via", k.via_en))
          if side in k.listed}


def _about(store, query: str, iri: str):
    """Run a query about one entity: its IRI goes in serialised by pyoxigraph, as a constant
    the planner starts from (the name the analyst typed never enters a query's text)."""
    term = str(NamedNode(iri))
    return store.query(query.replace("{ X }", "{ " + term + " }", 1).replace(" X ", f" {term} "))


@dataclass(frozen=True)
class _Evidence:
    """One assertion about x, without its sentence: enough to filter, count, sort and page."""

    relation: str
    partner: str
    via: str | None
    status: str
    doc: str
    assertion: str


def _assertions(store, x: str) -> list[_Evidence]:
    """Every assertion relating x to a partner, each once."""
    found = {}
    for q in (_OUT, _IN, _CO):
        for r in _about(store, q, x):
            relation = _READS.get((q, r["p"].value[len(RC):]))
            partner = r["partner"].value
            if relation is None or partner == x:
                continue
            ev = _Evidence(relation, partner, r["via"].value if q is _CO else None, r["status"].value,
                           doc_id_of_graph(r["g"].value), r["a"].value)
            found[(ev.assertion, ev.relation, ev.partner, ev.via)] = ev
    return list(found.values())


def _sentences(store, assertions: list[str], chunk: int = 400) -> dict[str, str]:
    """{assertion IRI: its sentence}, a few hundred assertions a query."""
    out = {}
    for i in range(0, len(assertions), chunk):
        values = " ".join(str(NamedNode(a)) for a in assertions[i:i + chunk])
        for r in store.query(_SENTENCES.replace("{ A }", "{ " + values + " }")):
            out[r["a"].value] = r["sentence"].value
    return out


_REGION_SUFFIX = re.compile(r"(省|市|自治区|特别行政区|地区)$")


def _region_matches(wanted: str, regions: list[str], name: str) -> bool:
    """Is an entity in the wanted region? By its known regions, else by its own name.

    >>> _region_matches("湖南", ["长沙市", "湖南省"], "中南大学"), _region_matches("湖南省", [], "湖南大学")
    (True, True)
    >>> _region_matches("香港", ["湖南省"], "香港路小学")
    False
    """
    key = to_simplified_name(wanted)
    if regions:
        return any(key in r or r in key for r in regions)
    stem = _REGION_SUFFIX.sub("", key) or key
    return name.startswith(stem)


@dataclass
class PartnerPage:
    """One page of `partners`' rows and the size of the whole answer.

    `evidence` counts the assertions that pass the filters (one row each, before rows
    with the same sentence in one document are merged), `partners` the distinct partners
    among them; `rows` are those from `offset`, at most `limit` of them.
    """

    rows: list[dict]
    evidence: int
    partners: int
    offset: int = 0

    def summary(self) -> str:
        """
        >>> PartnerPage([{}] * 20, 42408, 919).summary()
        '919 partners, 42,408 evidence rows; rows 1–20 shown'
        """
        shown = f"rows {self.offset + 1}–{self.offset + len(self.rows)} shown" if self.rows else "no rows shown"
        return f"{self.partners:,} partners, {self.evidence:,} evidence rows; {shown}"


def partners(store, name: str, *, type: str | None = None, region: str | None = None,
             status: str | None = None, period: Period = Period(), limit: int | None = None,
             offset: int = 0) -> list[dict]:
    """Every partner of the entity called `name`, one row per piece of evidence.

    Rows have PARTNER_COLUMNS: the partner, its type and region, the relation as read from
    the asked entity (one of RELATIONS), the agreement or founded body it goes `via`, the
    status, the document and the sentence. `type` filters on the partner's type
    (case-insensitive, e.g. university), `region` on any region the partner lies in
    (湖南 matches 长沙市 ⊑ 湖南省; where the graph does not know where a partner is, its
    name is the clue: 湖南大学), `status` on planned/realized, `period` on the date of the
    document (`kg.documents.Period`). Each row names its document by id, date and title.
    `offset` and `limit` page through the rows (`partners_page` also says how many there are).
    """
    return partners_page(store, find_entity(store, name), type=type, region=region, status=status, period=period,
                         limit=limit, offset=offset).rows


def partners_of(store, x: str, **filters) -> list[dict]:
    """`partners` for an entity already resolved to its IRI `x`."""
    return partners_page(store, x, **filters).rows


def _filtered(store, x: str, type, region, status, period) -> tuple[list[_Evidence], dict, dict]:
    """x's evidence that passes the filters, sorted (sentences aside), with partner and document facts."""
    found = [e for e in _assertions(store, x) if not status or e.status == status]
    info = entity_info(store, [e.partner for e in found] + [e.via for e in found if e.via])
    if type:
        found = [e for e in found if (info[e.partner]["type"] or "").lower() == type.lower()]
    if region:
        found = [e for e in found if _region_matches(region, info[e.partner]["regions"], info[e.partner]["label"])]
    docs = documents(store, {e.doc for e in found})
    if period:
        found = [e for e in found if period.contains(docs.get(e.doc, {}).get("date"))]
    found.sort(key=lambda e: _group(e, info))
    return found, info, docs


def _group(e: _Evidence, info: dict) -> tuple:
    return RELATIONS.index(e.relation), info[e.partner]["label"], info[e.via]["label"] if e.via else "", e.doc


def partners_page(store, x: str, *, type: str | None = None, region: str | None = None,
                  status: str | None = None, period: Period = Period(), limit: int | None = None,
                  offset: int = 0) -> PartnerPage:
    """`partners` for the entity `x` (an IRI), one page of it, and the size of the whole answer.

    Everything but the sentences is gathered for the whole answer (to filter, count and
    sort); sentences are fetched for the page's rows only, so the first page of a hub's
    forty thousand rows costs what twenty rows cost, plus one pass over its assertions.
    """
    found, info, docs = _filtered(store, x, type, region, status, period)
    stop = len(found) if limit is None else min(len(found), offset + limit)
    # Rows of one (relation, partner, via, document) are ordered by sentence, so the page
    # takes whole groups from the sorted list, then cuts.
    lo, hi = offset, stop
    while lo > 0 and lo < len(found) and _group(found[lo - 1], info) == _group(found[lo], info):
        lo -= 1
    while 0 < hi < len(found) and _group(found[hi - 1], info) == _group(found[hi], info):
        hi += 1
    window = found[lo:hi]
    sentences = _sentences(store, [e.assertion for e in window])
    rows, seen = [], set()
    for e in window:
        p, doc = info[e.partner], docs.get(e.doc, {})
        row = {"partner": p["label"], "type": p["type"], "region": p["region"], "relation": e.relation,
               "via": info[e.via]["label"] if e.via else None, "status": e.status, "date": doc.get("date"),
               "doc": e.doc, "title": doc.get("title"), "sentence": sentences.get(e.assertion)}
        key = tuple(row.values())
        if key not in seen:
            seen.add(key)
            rows.append(row)
    rows.sort(key=lambda r: (RELATIONS.index(r["relation"]), r["partner"], r["via"] or "", r["doc"],
                             r["sentence"] or ""))
    page = rows[offset - lo:offset - lo + (stop - offset)] if stop > offset else []
    return PartnerPage(page, len(found), len({e.partner for e in found}), offset)


_LABELS = sparql_prologue() + """
SELECT DISTINCT ?l WHERE { VALUES ?e { X } ?e skos:prefLabel|skos:altLabel ?l }"""

_TYPES = sparql_prologue() + """
SELECT DISTINCT ?t WHERE { VALUES ?e { X } ?e a ?t . FILTER(STRSTARTS(STR(?t), STR(rc:))) }"""

_DOCS = sparql_prologue() + """
SELECT ?doc ?title ?date WHERE { VALUES ?e { X }
  ?e rc:mentionedIn ?d . ?d dcterms:identifier ?doc .
  OPTIONAL { ?d rdfs:label ?title } OPTIONAL { ?d dcterms:date ?date }
}"""

_PARTS = sparql_prologue() + """
SELECT DISTINCT ?part ?parent WHERE { VALUES ?e { X } { ?part rc:partOf ?e } UNION { ?e rc:partOf ?parent } }"""

# An agreement's parties as each document states them: in the union graph, an agreement
# named in k documents would pair each of its k party triples with every other.
_AGREEMENTS = sparql_prologue() + """
SELECT DISTINCT ?agreement ?party WHERE { GRAPH ?g { ?agreement rc:party X . OPTIONAL { ?agreement rc:party ?party } } }"""


def show(store, name: str, period: Period = Period(), limit: int | None = None, offset: int = 0) -> dict:
    """Everything about one entity: types, labels, region, parts and parent, agreements,
    partners (one line each, relations merged) and the documents that mention it.
    With a `period`, only partners and documents of documents dated within it. `offset`
    and `limit` page through the partners and the documents (by name and by id);
    `partners_total` and `documents_total` count them all.

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> card = show(kg.open_graph(d), "香港贸易发展局")
    >>> card["name"], "香港貿易發展局" in card["aliases"]
    ('香港贸易发展局', True)
    """
    x = find_entity(store, name)
    info = entity_info(store, [x])[x]
    types = sorted({r["t"].value[len(RC):] for r in _about(store, _TYPES, x)})
    aliases = sorted({r["l"].value for r in _about(store, _LABELS, x)} - {info["label"]})
    parts, parents = set(), set()
    for r in _about(store, _PARTS, x):
        if r["part"] is not None:
            parts.add(r["part"].value)
        if r["parent"] is not None:
            parents.add(r["parent"].value)
    agreements: dict[str, set[str]] = defaultdict(set)
    for r in _about(store, _AGREEMENTS, x):
        agreements[r["agreement"].value]
        if r["party"] is not None and r["party"].value != x:
            agreements[r["agreement"].value].add(r["party"].value)
    names = entity_info(store, parts | parents | set(agreements) | {p for ps in agreements.values() for p in ps})
    label = lambda iri: names[iri]["label"]
    merged: dict[str, dict] = {}
    evidence, facts, _ = _filtered(store, x, None, None, None, period)      # no sentences: not shown here
    for e in evidence:
        p = facts[e.partner]
        m = merged.setdefault(p["label"], {"partner": p["label"], "type": p["type"],
                                           "relations": set(), "statuses": set(), "docs": set()})
        m["relations"].add(e.relation + (f" ({facts[e.via]['label']})" if e.via else ""))
        m["statuses"].add(e.status)
        m["docs"].add(e.doc)
    page = slice(offset, None if limit is None else offset + limit)
    docs = {}
    for r in _about(store, _DOCS, x):
        if not period.contains(r["date"].value if r["date"] is not None else None):
            continue
        docs[r["doc"].value] = {"doc": r["doc"].value,
                                "title": r["title"].value if r["title"] is not None else None,
                                "date": r["date"].value if r["date"] is not None else None}
    return {
        "iri": x, "name": info["label"], "type": info["type"], "types": types, "aliases": aliases,
        "region": info["region"], "regions": info["regions"],
        "parent": sorted(label(p) for p in parents), "parts": sorted(label(p) for p in parts),
        "agreements": [{"agreement": label(a), "parties": sorted(label(p) for p in ps)}
                       for a, ps in sorted(agreements.items(), key=lambda kv: label(kv[0]))],
        "partners": [{**m, "relations": sorted(m["relations"]), "statuses": sorted(m["statuses"]),
                      "docs": sorted(m["docs"])} for _, m in sorted(merged.items())[page]],
        "partners_total": len(merged),
        "documents": sorted(docs.values(), key=lambda d: d["doc"])[page],
        "documents_total": len(docs),
    }
