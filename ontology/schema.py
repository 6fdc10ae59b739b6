"""The entity types and relation kinds of the graph, loaded once from two tables under `ontology/`.

`ontology/entity_types.tsv` and `ontology/relation_kinds.tsv` are the one place a type or a
kind is declared; the graph's predicates, the network's edges, the analytics, the queries'
readings and the view's legend are all derived from them, so a new kind is one row (plus
the rule that finds it) and nothing downstream drops or trips over it. Plain strings only:
the RDF side turns predicate names into IRIs. It lives beside the tables, not in `extract/`,
so the exporters can read it without loading the extractor. `RCKG_SCHEMA_DIR` names another
folder holding both tables (the tests add a kind that way, without touching the real ones).

    >>> KINDS["partner"].predicate, KINDS["partner"].symmetric
    ('partnerOf', True)
    >>> "University" in ENTITY_TYPES and "Actor" not in ENTITY_TYPES   # Actor is abstract
    True
    >>> TYPES["University"].ancestors, GENERIC_TYPES
    (('Organization', 'Actor'), ('Actor', 'Organization', 'Zone'))
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ontology import ONTOLOGY_DIR
from ontology.tsv import rows

__all__ = ["EntityType", "RelationKind", "load", "TYPES", "KINDS", "ENTITY_TYPES", "RELATION_KINDS",
           "GENERIC_TYPES", "NETWORK_KINDS", "STATUSES", "READINGS", "DRAW_ORDER", "SCHEMA_DIR"]

SCHEMA_DIR = Path(os.environ.get("RCKG_SCHEMA_DIR") or ONTOLOGY_DIR)
# What the extractor says of a relation; shapes.ttl allows exactly these.
STATUSES = ("realized", "planned")
_ARROWS = ("none", "forward", "backward")
_LISTED = ("head", "tail", "via")


@dataclass(frozen=True)
class EntityType:
    """One row of entity_types.tsv: an `rc:` class, its place in the hierarchy and its look."""

    name: str
    parent: str | None
    abstract: bool          # a grouping class (Actor, Zone) no entity is given directly
    label_en: str
    label_zh: str
    colour: str
    shape: str              # vis-network shape: dot, diamond, square …
    legend: str
    ancestors: tuple[str, ...] = ()   # parent, grandparent …: an organisation has Organization here


@dataclass(frozen=True)
class RelationKind:
    """One row of relation_kinds.tsv: how a `Relation` of this kind becomes RDF, a network edge
    and a line of an answer.

    `head`/`tail` are the record's sides (the triple is `head predicate tail`). The readings
    say how the relation reads from one side: `head_en` from the head (研究院 *founded by*
    广东工业大学), `tail_en` from the tail (广东工业大学 *founder of* 研究院), `via_en` between
    two tails of one head (two founders of one body: *co-founder*).
    """

    name: str
    predicate: str          # local name in rc:
    symmetric: bool         # stored in both directions (owl:SymmetricProperty)
    evidence: bool          # each triple also an rc:Assertion with status, document, sentence
    network: bool           # an edge of the cooperation network
    label_en: str
    label_zh: str
    head_en: str
    tail_en: str
    via_en: str
    head_zh: str
    tail_zh: str
    via_zh: str
    listed: tuple[str, ...]  # which readings `kg partners` lists: head, tail, via
    colour: str
    arrow: str              # none | forward (head → tail) | backward (drawn tail → head)
    legend: str


def _flag(row: dict, column: str, path: Path) -> bool:
    value = row[column]
    if value not in ("yes", "no"):
        raise ValueError(f"{path}: {row['name']}: {column} must be yes or no, not {value!r}")
    return value == "yes"


def _types(path: Path) -> dict[str, EntityType]:
    raw = {r["name"]: r for r in rows(path)}
    out = {}
    for name, r in raw.items():
        ancestors, up = [], r["parent"] or None
        while up:
            if up not in raw or up in ancestors or up == name:
                raise ValueError(f"{path}: {name}: parent {up!r} is not a type of the table, or loops")
            ancestors.append(up)
            up = raw[up]["parent"] or None
        out[name] = EntityType(name, r["parent"] or None, _flag(r, "abstract", path), r["label_en"], r["label_zh"],
                               r["colour"], r["shape"], r["legend"], tuple(ancestors))
    return out


def _kinds(path: Path) -> dict[str, RelationKind]:
    out = {}
    for r in rows(path):
        listed = tuple(r["listed"].split())
        if r["arrow"] not in _ARROWS or not set(listed) <= set(_LISTED):
            raise ValueError(f"{path}: {r['name']}: arrow is one of {', '.join(_ARROWS)}, "
                             f"listed words of {', '.join(_LISTED)}")
        kind = RelationKind(
            r["name"], r["predicate"], _flag(r, "symmetric", path), _flag(r, "evidence", path),
            _flag(r, "network", path), r["label_en"], r["label_zh"], r["head_en"], r["tail_en"], r["via_en"],
            r["head_zh"], r["tail_zh"], r["via_zh"], listed, r["colour"], r["arrow"], r["legend"])
        if kind.network and not kind.evidence:
            raise ValueError(f"{path}: {kind.name}: network edges are read from assertions, so evidence must be yes")
        out[kind.name] = kind
    return out


def load(folder: Path | str = SCHEMA_DIR) -> tuple[dict[str, EntityType], dict[str, RelationKind]]:
    """Both tables of `folder`: ({type name: EntityType}, {kind name: RelationKind}), in table order."""
    folder = Path(folder)
    return _types(folder / "entity_types.tsv"), _kinds(folder / "relation_kinds.tsv")


def _readings(kinds) -> tuple[str, ...]:
    """Every reading `kg partners` lists, in the order answers are sorted: cooperation first
    (symmetric kinds, then partners through a shared head), then the directed readings."""
    sym = [k.head_en for k in kinds.values() if k.symmetric and "head" in k.listed]
    via = [k.via_en for k in kinds.values() if "via" in k.listed]
    directed = [k.head_en if side == "head" else k.tail_en for k in kinds.values() if not k.symmetric
                for side in ("head", "tail") if side in k.listed]
    return tuple(dict.fromkeys(sym + via + directed))


TYPES, KINDS = load()
ENTITY_TYPES = tuple(name for name, t in TYPES.items() if not t.abstract)
# Where an entity has several types (two documents disagreeing), these lose to a more specific one.
GENERIC_TYPES = tuple(sorted({t.parent for t in TYPES.values() if t.parent}))
RELATION_KINDS = tuple(KINDS)
NETWORK_KINDS = tuple(name for name, k in KINDS.items() if k.network)
READINGS = _readings(KINDS)
# Which kind styles a drawn edge that carries several: arrowed kinds first, symmetric ones last.
DRAW_ORDER = tuple(sorted(NETWORK_KINDS, key=lambda k: (KINDS[k].arrow == "none", KINDS[k].symmetric)))
