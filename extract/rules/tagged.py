"""Rules that read the tagger's words (`Sentence.words`: LAC's parts of speech), where a
character pattern cannot tell a verb from the same characters inside a noun.

  "A和B将在科技领域开展合作" (和 tagged c, 合作 tagged v)   each two of the list
"""
from __future__ import annotations

from collections.abc import Iterator

from extract.lexicons import words
from extract.rules import relation_rule
from extract.rules.clauses import NO_VERB_LEAD, clause_span, clause_start, group_after, with_links
from extract.rules.sentence import Candidate, Sentence

_JOINING = {"和", "与", "及", "同", "跟"}
_COOPERATING = frozenset(words("cooperation_words", "in_clause"))


def _cooperates(ws, i) -> bool:
    """A cooperation word used as a verb: tagged v, or vn not followed by the noun it
    modifies (开展合作。, not 合作论坛)."""
    w = ws[i]
    if w.text not in _COOPERATING or w.pos not in ("v", "vn"):
        return False
    return w.pos == "v" or i + 1 == len(ws) or not ws[i + 1].pos.startswith("n")


@relation_rule("rc.partner_by_tagged_coordination.v1", emits="partner", lexicons=("cooperation_words",))
def partner_by_tagged_coordination(s: Sentence) -> Iterator[Candidate]:
    """"A和B将在…开展合作": a list that opens its clause, joined by a conjunction or preposition
    (c, p), whose clause goes on to a cooperation verb (v): each two of the list."""
    if not s.words:
        return
    sentence, offset, actors = s.text, s.offset, list(s.actors)
    joiners = {w.start for w in s.words if w.pos in ("c", "p") and w.text in _JOINING}
    used = with_links(s).used
    k = 0
    while k < len(actors):
        group = group_after(sentence, offset, actors, k)
        k = group[-1] + 1
        members = [actors[i] for i in group]
        if len(members) < 2 or used.intersection(group) or \
                not any(b.start - 1 in joiners for b in members[1:]):
            continue
        cs = clause_start(sentence, members[0].start - offset)
        if not NO_VERB_LEAD.match(sentence[cs:members[0].start - offset]):
            continue
        span = clause_span(sentence, members[0].start - offset, members[-1].end - offset)
        end = offset + span[1]
        if not any(_cooperates(s.words, i) for i, w in enumerate(s.words) if members[-1].end <= w.start < end):
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                if members[x].canonical != members[y].canonical:
                    yield Candidate("partner", members[x].canonical, members[y].canonical, False, span)
