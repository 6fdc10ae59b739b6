"""Plain records that flow out of the extractor: no RDF, no store, no I/O.

Every later stage (the graph, the store, exports, views) works from these, so each
stage can be tested alone on hand-made records. The types, kinds and statuses a record may
carry are declared in `ontology.schema`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

@dataclass(frozen=True)
class Mention:
    """One stretch of text naming an entity: `text` is the surface form as written."""

    text: str
    start: int
    end: int
    type: str
    canonical: str


@dataclass
class Entity:
    """One entity of one document, keyed by its canonical simplified name.

    The key is what makes an entity the same across documents: 香港贸发局 in one text and
    香港貿易發展局 in another both resolve to 香港贸易发展局.
    """

    canonical: str
    type: str
    aliases: set[str] = field(default_factory=set)
    region: str | None = None
    mentions: int = 0
    label: str | None = None    # the name shown, where the key is scoped to one text (本局〔…〕)


@dataclass(frozen=True)
class Evidence:
    """The sentence that states a relation, with its offsets in the normalised text."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True)
class Relation:
    """`head kind tail`, e.g. 郴佛智能制造研究院 founded 广东工业大学.

    `head`/`tail` are canonical names. For `party` the head is the agreement. `rule` is the
    name of the relation rule that read it (`extract.rules`), where a rule did.
    """

    kind: str
    head: str
    tail: str
    status: str = "planned"
    implicit: bool = False
    evidence: Evidence | None = None
    rule: str | None = None


@dataclass
class DocumentRecord:
    """Everything extracted from one document."""

    doc_id: str
    source: str
    sha256: str
    title: str | None = None
    author: str | None = None
    number: str | None = None
    date: str | None = None
    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)   # what the reader should know of how it was read


def parties_name(parties: list[str]) -> str:
    """How an agreement the text does not name is called after its parties.

    >>> parties_name(["甲", "乙"]), parties_name(["甲", "乙", "丙"])
    ('甲与乙', '甲、乙与丙')
    """
    return "与".join(parties) if len(parties) <= 2 else "、".join(parties[:-1]) + "与" + parties[-1]
