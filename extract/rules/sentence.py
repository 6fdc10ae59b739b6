"""What a relation rule sees and what it gives back: one `Sentence` in, `Candidate`s out.

A rule never reaches back into the Doc: everything it may read about its sentence (the
actors in it, who the passage is about, the sentence before, the tagger's words) is here,
so a rule is tested on a sentence written by hand.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

__all__ = ["Actor", "Word", "DocumentFacts", "Sentence", "Candidate"]


@dataclass(frozen=True)
class Actor:
    """An entity mention in a sentence, in resolved form (offsets absolute)."""

    start: int
    end: int
    canonical: str
    type: str
    implicit: bool = False
    known: bool = False


@dataclass(frozen=True)
class Word:
    """One word of the tagger (LAC): absolute offsets in the simplified text, and its part of
    speech (c conjunction, p preposition, v verb, ORG/LOC/PER/TIME names …)."""

    start: int
    end: int
    text: str
    pos: str


@dataclass(frozen=True)
class DocumentFacts:
    """What the whole document tells a rule about the bodies it names.

    `known`: every non-place body the text names (a part is part of a whole only if the text
    names the whole too); `unit_short`: {护理学院: 香港理工大学护理学院}; `called`: what the text
    calls a body → its key (本局 → 本局〔…〕); `label_of`: the reverse.
    """

    known: frozenset = frozenset()
    unit_short: Mapping[str, str] = field(default_factory=dict)
    called: Mapping[str, str] = field(default_factory=dict)
    label_of: Mapping[str, str] = field(default_factory=dict)
    author: str | None = None
    province: str | None = None


@dataclass(frozen=True, eq=False)
class Sentence:
    """One sentence of a document, as the rules read it.

    `text` is simplified (offsets as in the document's simplified text, from `offset`);
    `masked` is the same text with names and 《titles》 blanked (their words say nothing about
    tense); `actors` are the bodies and places that may act, in order; `mentions` every
    resolved mention (agreements and modifiers too); `subject` the body the passage is about,
    which acts where the sentence leaves its subject out; `pair` the two bodies the sentence
    before named as partners (whom a 双方 means); `previous` the sentence before;
    `section_status` the default its section heading sets; `words` the tagger's words (empty
    without a tagger); `following` a few characters after the sentence; `paragraph` the
    offset where its paragraph starts.

    >>> s = Sentence("甲大学与乙大学合作", offset=0)
    >>> s.end, s.at(0, 3)
    (9, '甲大学')
    """

    text: str
    offset: int = 0
    masked: str | None = None
    actors: tuple[Actor, ...] = ()
    subject: Actor | None = None
    pair: tuple[Actor, ...] = ()
    mentions: tuple[Any, ...] = ()
    previous: Sentence | None = field(default=None, repr=False)
    section_status: str | None = None
    words: tuple[Word, ...] = ()
    following: str = ""
    paragraph: int = 0
    document: DocumentFacts = field(default_factory=DocumentFacts, repr=False)
    cache: dict = field(default_factory=dict, repr=False)

    def __post_init__(self):
        if self.masked is None:
            object.__setattr__(self, "masked", self.text)

    @property
    def end(self) -> int:
        return self.offset + len(self.text)

    def at(self, start: int, end: int) -> str:
        """The text between two absolute offsets."""
        return self.text[max(0, start - self.offset):max(0, end - self.offset)]


@dataclass(frozen=True)
class Candidate:
    """One relation a rule reads: `head kind tail` (canonical names).

    `clause` is the stretch of the sentence (start, end, relative to it) whose tense markers
    give the status; a candidate with no clause is given by a name or a title rather than
    stated by the sentence, and carries its own `status`. `rule` is filled in by the runner.
    """

    kind: str
    head: str
    tail: str
    implicit: bool = False
    clause: tuple[int, int] | None = None
    status: str | None = None
    rule: str | None = None
