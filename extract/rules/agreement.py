"""Rules that read who is party to an agreement (`party`: the agreement, then one party).

  "A与B签订合作协议"                   an agreement whose parties are A and B
  "A分别与B、C签署备忘录"               one agreement with each
  "A、B、C共同签署…"                   one agreement among the list
  《A与B…框架协议》 (a title)           the parties the title names

An agreement the text names (《…协议》) in the clause is the agreement; otherwise it is
called after its parties and its noun (甲与乙合作协议).
"""
from __future__ import annotations

from collections.abc import Iterator

from extract.records import parties_name
from extract.rules import relation_rule
from extract.rules.clauses import AGREEMENT_NOUN, AGREEMENT_WITH, SIGNING, lists, with_links
from extract.rules.sentence import Candidate, Sentence
from extract.rules.status import clause_status

def _parties(s: Sentence, parties: tuple[str, ...], noun: str, implicit: bool, clause) -> Iterator[Candidate]:
    """One `party` candidate per agreement and party: each agreement the clause names, else one
    called after the parties."""
    named = [m for m in s.mentions if m.entity.type == "Agreement"
             and s.offset + clause[0] <= m.start and m.end <= s.offset + clause[1] + 2]
    # 签订了《甲协议》《乙备忘录》: each named one has these parties (after 分别, which one is
    # whose is not said: the first)
    agreements = [n.entity.canonical for n in named] if "分别" not in s.text else \
        [n.entity.canonical for n in named[:1]]
    ordered = sorted(set(parties))
    for agreement in dict.fromkeys(agreements or [parties_name(ordered) + noun]):
        for p in ordered:
            yield Candidate("party", agreement, p, implicit, clause)


@relation_rule("rc.agreement_by_with.v1", emits="party", lexicons=("signing_verbs", "agreement_nouns"))
def agreement_by_with(s: Sentence) -> Iterator[Candidate]:
    """"A与B签订合作协议", "与X座谈，并签署了《…》", "与X的合作协议": one body signs with those
    right of 与 (with each of them alone after 分别)."""
    for link in with_links(s).links:
        signing = SIGNING.search(link.tail) or AGREEMENT_WITH.match(link.tail)
        if not signing or len(link.left) != 1:
            continue
        noun = AGREEMENT_NOUN.search(signing.group())
        noun = noun.group() if noun else "协议"
        groups = [[r] for r in link.right] if "分别" in s.text else [list(link.right)]
        for g in groups:
            parties = tuple(dict.fromkeys(a.canonical for a in list(link.left) + g))
            yield from _parties(s, parties, noun, link.left[0].implicit, link.signed)


@relation_rule("rc.agreement_by_coordination.v1", emits="party",
               lexicons=("signing_verbs", "agreement_nouns", "both_sides", "together_words"))
def agreement_by_coordination(s: Sentence) -> Iterator[Candidate]:
    """"A、B、C共同签署合作备忘录": a list that signs together, one agreement among all of it."""
    for reading in lists(s):
        if reading.shape != "joint":
            continue
        signing = SIGNING.search(reading.tail[:40])
        if signing:
            noun = AGREEMENT_NOUN.search(signing.group())
            parties = tuple(dict.fromkeys(a.canonical for a in reading.members))
            yield from _parties(s, parties, noun.group() if noun else "协议", False, reading.clause)


@relation_rule("rc.party_in_title.v1", emits="party")
def party_in_title(s: Sentence) -> Iterator[Candidate]:
    """《香港教育工作者联合会与贵州省教育厅…框架协议》: the parties an agreement's title names;
    《粤澳合作框架协议》, 《穗澳…意向书》: the places a title opens with, run together."""
    for m in s.mentions:
        parties = [p.entity.canonical for p in m.parties]
        if not parties and m.entity.type == "Agreement" and all(a.type == "Region" for a in s.actors):
            # only where no body in the sentence signs it (澳门贸促局与广西商务厅签署《桂澳…》)
            parties = _opening_places(m)
        for party in dict.fromkeys(parties):
            yield Candidate("party", m.entity.canonical, party,
                            status=clause_status(s.masked, s.section_status))


def _opening_places(m) -> list[str]:
    """The places an agreement's name opens with, written one after another (粤澳, 京港)."""
    places, at = [], m.start
    for i in sorted((i for i in m.inner if i.entity.type == "Region"), key=lambda i: i.start):
        if i.start != at:
            break
        places.append(i.entity.canonical)
        at = i.end
    return places if len(set(places)) >= 2 else []
