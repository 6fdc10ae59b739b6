"""Sentences written by hand for the relation rules: names are placed by finding them in the text."""
from __future__ import annotations

from extract.pipeline import ResolvedMention
from extract.resolve import Resolved
from extract.rules import Actor, Candidate, DocumentFacts, Sentence, read_sentence


def sentence(text: str, *names: str, types: dict[str, str] | None = None, subject: Actor | None = None,
             **fields) -> Sentence:
    """A Sentence whose actors are `names`, found left to right (University unless `types` says)."""
    actors, pos = [], 0
    for n in names:
        start = text.index(n, pos)
        actors.append(Actor(start, start + len(n), n, (types or {}).get(n, "University")))
        pos = start + len(n)
    return Sentence(text, 0, actors=tuple(actors), subject=subject, **fields)


def mention(text: str, name: str, typ: str, inner=(), parties=(), **resolved) -> ResolvedMention:
    start = text.index(name)
    return ResolvedMention(start, start + len(name), name, Resolved(name, typ, None, **resolved),
                           list(inner), list(parties))


def read(s: Sentence, rule: str) -> list[Candidate]:
    return list(read_sentence(s, [rule]))


def pairs(cands, kind="partner") -> set[frozenset]:
    return {frozenset((c.head, c.tail)) for c in cands if c.kind == kind}


__all__ = ["sentence", "mention", "read", "pairs", "DocumentFacts", "Actor"]
