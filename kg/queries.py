"""The ready-made questions: who is this name, who are its partners, what do we know of it.

Every answer carries the sentence that proves it. A name typed by an analyst is resolved to
one entity by its labels (any alias, simplified or traditional) and is only ever bound into
a query as an RDF term through pyoxigraph's `substitutions`, never pasted into query text.

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> store = kg.open_graph(d)
    >>> rows = partners(store, "香港貿易發展局")           # traditional spelling
    >>> "岳阳片区" in {r["partner"] for r in rows if r["relation"] == "partner"}
    True
"""
from __future__ import annotations

import difflib
import re
from collections import defaultdict

from pyoxigraph import Literal, NamedNode, Variable

from extract.normalise import normalise, to_simplified_name
from kg.namespaces import RC, SKOS, sparql_prologue
from kg.network import main_type

__all__ = ["UnknownEntity", "AmbiguousName", "find_entity", "entity_info", "partners", "show",
           "RELATIONS", "PARTNER_COLUMNS"]

PARTNER_COLUMNS = ["partner", "type", "region", "relation", "via", "status", "doc", "sentence"]

# How each relation reads from the asked entity's side ("X <relation> partner").
RELATIONS = ("partner", "agreement", "co-founder", "founded by", "founder of", "part of", "has part")


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

_PREF = sparql_prologue() + "SELECT ?e ?l WHERE { ?e skos:prefLabel ?l }"


def _pick(name: str, hits: dict[str, bool], store) -> str:
    """One IRI from {iri: is-preferred-label}: a preferred-label hit wins over aliases."""
    preferred = sorted(e for e, pref in hits.items() if pref)
    if len(preferred) == 1:
        return preferred[0]
    if not preferred and len(hits) == 1:
        return next(iter(hits))
    raise AmbiguousName(name, sorted(_pref_label(store, e) for e in (preferred or hits)))


def _pref_label(store, iri: str) -> str:
    for row in store.query(_PREF, substitutions={Variable("e"): NamedNode(iri)}):
        return row["l"].value
    return iri


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
    kg.queries.UnknownEntity: no entity is called '香港贸易局'; closest known names: 香港贸易发展局
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


_INFO = sparql_prologue() + """
SELECT ?e ?label ?type ?region WHERE {
  ?e skos:prefLabel ?label .
  OPTIONAL { ?e a ?type . FILTER(STRSTARTS(STR(?type), STR(rc:))) }
  OPTIONAL { { ?e a rc:Region . BIND(?e AS ?r) } UNION { ?e rc:locatedIn ?r }
             ?r rc:partOf* ?up . ?up a rc:Region ; skos:prefLabel ?region }
}"""


def entity_info(store, iris) -> dict[str, dict]:
    """Label, main type, direct region and every enclosing region of each entity.

    `regions` lists the entity's region and all regions that contain it (长沙市, 湖南省),
    or the entity itself if it is a region; `region` is the nearest one.
    """
    iris = list(dict.fromkeys(iris))
    out: dict[str, dict] = {}
    for iri in iris:
        types, regions, label = set(), [], None
        for row in store.query(_INFO, substitutions={Variable("e"): NamedNode(iri)}):
            label = row["label"].value
            if row["type"] is not None:
                types.add(row["type"].value.rsplit("#", 1)[-1])
            if row["region"] is not None and row["region"].value not in regions:
                regions.append(row["region"].value)
        types -= {"Document", "Assertion"}
        out[iri] = {"label": label or iri.rsplit("/", 1)[-1], "type": main_type(types) if types else None,
                    "regions": regions, "region": _nearest(store, iri, regions)}
    return out


_LOCATED = sparql_prologue() + """
SELECT ?e ?l WHERE { ?e rc:locatedIn/skos:prefLabel ?l }"""


def _nearest(store, iri, regions):
    if not regions:
        return None
    direct = sorted(r["l"].value for r in store.query(_LOCATED, substitutions={Variable("e"): NamedNode(iri)}))
    return direct[0] if direct else regions[0]


# One branch per way two entities cooperate; ?x is the asked entity, bound by substitution.
_PARTNERS = sparql_prologue() + """
SELECT ?x ?relation ?partner ?via ?status ?doc ?sentence ?start WHERE {
  {
    { ?a rdf:subject ?x ; rdf:predicate rc:partnerOf ; rdf:object ?partner . BIND("partner" AS ?relation) }
    UNION { ?a rdf:object ?x ; rdf:predicate rc:partnerOf ; rdf:subject ?partner . BIND("partner" AS ?relation) }
    UNION { ?via rc:party ?x . ?a rdf:subject ?via ; rdf:predicate rc:party ; rdf:object ?partner .
            BIND("agreement" AS ?relation) }
    UNION { ?via rc:foundedBy ?x . ?a rdf:subject ?via ; rdf:predicate rc:foundedBy ; rdf:object ?partner .
            BIND("co-founder" AS ?relation) }
    UNION { ?a rdf:subject ?x ; rdf:predicate rc:foundedBy ; rdf:object ?partner . BIND("founded by" AS ?relation) }
    UNION { ?a rdf:object ?x ; rdf:predicate rc:foundedBy ; rdf:subject ?partner . BIND("founder of" AS ?relation) }
    UNION { ?a rdf:subject ?x ; rdf:predicate rc:partOf ; rdf:object ?partner . BIND("part of" AS ?relation) }
    UNION { ?a rdf:object ?x ; rdf:predicate rc:partOf ; rdf:subject ?partner . BIND("has part" AS ?relation) }
  }
  FILTER(?partner != ?x)
  ?a rc:status ?status ; prov:wasDerivedFrom/dcterms:identifier ?doc .
  OPTIONAL { ?a rc:sentence ?sentence }
  OPTIONAL { ?a rc:startOffset ?start }
}"""


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


def partners(store, name: str, *, type: str | None = None, region: str | None = None,
             status: str | None = None) -> list[dict]:
    """Every partner of the entity called `name`, one row per piece of evidence.

    Rows have PARTNER_COLUMNS: the partner, its type and region, the relation as read from
    the asked entity (one of RELATIONS), the agreement or founded body it goes `via`, the
    status, the document and the sentence. `type` filters on the partner's type
    (case-insensitive, e.g. university), `region` on any region the partner lies in
    (湖南 matches 长沙市 ⊑ 湖南省; where the graph does not know where a partner is, its
    name is the clue: 湖南大学), `status` on planned/realized.
    """
    x = find_entity(store, name)
    rows = list(store.query(_PARTNERS, substitutions={Variable("x"): NamedNode(x)}))
    info = entity_info(store, [r["partner"].value for r in rows] + [r["via"].value for r in rows if r["via"]])
    out, seen = [], set()
    for r in rows:
        p = info[r["partner"].value]
        row = {"partner": p["label"], "type": p["type"], "region": p["region"],
               "relation": r["relation"].value,
               "via": info[r["via"].value]["label"] if r["via"] is not None else None,
               "status": r["status"].value, "doc": r["doc"].value,
               "sentence": r["sentence"].value if r["sentence"] is not None else None,
               "_regions": p["regions"], "_start": int(r["start"].value) if r["start"] is not None else -1}
        key = tuple(row[c] for c in PARTNER_COLUMNS)
        if key in seen:
            continue
        seen.add(key)
        if type and (p["type"] or "").lower() != type.lower():
            continue
        if region and not _region_matches(region, p["regions"], p["label"]):
            continue
        if status and row["status"] != status:
            continue
        out.append(row)
    out.sort(key=lambda r: (RELATIONS.index(r["relation"]), r["partner"], r["doc"], r["_start"]))
    return [{c: r[c] for c in PARTNER_COLUMNS} for r in out]


_LABELS = sparql_prologue() + """
SELECT ?e ?p ?l WHERE { ?e ?p ?l . FILTER(?p = skos:prefLabel || ?p = skos:altLabel) }"""

_DOCS = sparql_prologue() + """
SELECT ?e ?doc ?title ?date WHERE {
  ?e rc:mentionedIn ?d . ?d dcterms:identifier ?doc .
  OPTIONAL { ?d rdfs:label ?title } OPTIONAL { ?d dcterms:date ?date }
}"""

_PARTS = sparql_prologue() + """
SELECT ?e ?part ?parent WHERE {
  { ?part rc:partOf ?e } UNION { ?e rc:partOf ?parent }
}"""

_AGREEMENTS = sparql_prologue() + """
SELECT ?e ?agreement ?party WHERE { ?agreement rc:party ?e . OPTIONAL { ?agreement rc:party ?party } }"""


def show(store, name: str) -> dict:
    """Everything about one entity: types, labels, region, parts and parent, agreements,
    partners (one line each, relations merged) and the documents that mention it.

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> card = show(kg.open_graph(d), "香港贸易发展局")
    >>> card["name"], "香港貿易發展局" in card["aliases"]
    ('香港贸易发展局', True)
    """
    x = find_entity(store, name)
    sub = {Variable("e"): NamedNode(x)}
    info = entity_info(store, [x])[x]
    types = sorted({t for t in _types(store, x)})
    aliases = sorted({r["l"].value for r in store.query(_LABELS, substitutions=sub)} - {info["label"]})
    parts, parents = set(), set()
    for r in store.query(_PARTS, substitutions=sub):
        if r["part"] is not None:
            parts.add(r["part"].value)
        if r["parent"] is not None:
            parents.add(r["parent"].value)
    agreements: dict[str, set[str]] = defaultdict(set)
    for r in store.query(_AGREEMENTS, substitutions=sub):
        agreements[r["agreement"].value]
        if r["party"] is not None and r["party"].value != x:
            agreements[r["agreement"].value].add(r["party"].value)
    names = entity_info(store, parts | parents | set(agreements) | {p for ps in agreements.values() for p in ps})
    label = lambda iri: names[iri]["label"]
    merged: dict[str, dict] = {}
    for row in partners(store, info["label"]):
        m = merged.setdefault(row["partner"], {"partner": row["partner"], "type": row["type"],
                                               "relations": set(), "statuses": set(), "docs": set()})
        m["relations"].add(row["relation"] + (f" ({row['via']})" if row["via"] else ""))
        m["statuses"].add(row["status"])
        m["docs"].add(row["doc"])
    docs = {}
    for r in store.query(_DOCS, substitutions=sub):
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
                      "docs": sorted(m["docs"])} for m in merged.values()],
        "documents": sorted(docs.values(), key=lambda d: d["doc"]),
    }


_TYPES = sparql_prologue() + "SELECT ?e ?t WHERE { ?e a ?t . FILTER(STRSTARTS(STR(?t), STR(rc:))) }"


def _types(store, iri):
    for r in store.query(_TYPES, substitutions={Variable("e"): NamedNode(iri)}):
        yield r["t"].value[len(RC):]
