"""Rules that read who founded a body (`founded`: the new body, then its founder).

  "A与B合作共建C"                     C founded by A and by B
  "设立C", "推进“C”建设"              C founded by the body opening the clause, else the
                                     sentence's, else the passage's
  "A与B签署协议，双方将共同成立C"        C founded by A and by B
  "本局在武汉设立代表处"                the unit the text names (本局武汉代表处) founded by the body
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from extract.lexicons import alternation, words
from extract.rules import relation_rule
from extract.rules.clauses import (ADVERBS, FOUNDING, FOUNDING_WEAK, clause_span, clause_start, ends_phrase,
                                   founding_subject, with_links)
from extract.rules.sentence import Actor, Candidate, Sentence
from extract.rules.status import clause_status

_BUILT_AFTER = re.compile("[”」]的?" + alternation("founding_verbs", "after_a_quoted_project"))
_BOTH_SIDES = re.compile("|".join(words("both_sides", "found_together")))
_SET_UP_UNIT = re.compile(r"在((?:(?!在)[\u4e00-\u9fff]){2,8}?)(?:正式)?" + alternation("founding_verbs", "sets_up_a_unit")
                          + "了?(?:一个|一家)?(" + "|".join(words("unit_heads", "set_up_somewhere")) + ")")


def _founded(s: Sentence, new: Actor, founder: Actor, clause) -> Candidate:
    """引进设立X: what a province attracts, the province founded, not the office that writes."""
    tail = founder.canonical
    doc = s.document
    if founder.implicit and tail == doc.author and doc.province and "引进" in s.masked[clause[0]:clause[1]]:
        tail = doc.province
    return Candidate("founded", new.canonical, tail, founder.implicit, clause)


@relation_rule("rc.founded_after_with.v1", emits="founded", lexicons=("founding_verbs",))
def founded_after_with(s: Sentence) -> Iterator[Candidate]:
    """"A与B合作共建C": C founded by each body of the "with", where a founding verb stands just
    before the next body in the same clause."""
    sentence, offset = s.text, s.offset
    for link in with_links(s).links:
        after = link.right[-1].end
        founders = list(link.left) + list(link.right)
        stop = min([sentence.find(c, after - offset) for c in "，,；;。" if sentence.find(c, after - offset) != -1]
                   + [len(sentence)])
        for c in s.actors:
            if c.start < after or c.type == "Region" or c.implicit or c.start - offset > stop:
                continue
            between = sentence[max(after, c.start - 12) - offset:c.start - offset].rstrip("“\"「『《(")
            if FOUNDING.search(between) and ends_phrase(sentence, c.end - offset):
                for f in founders:
                    if f.canonical != c.canonical:
                        yield _founded(s, c, f, clause_span(sentence, max(after, c.start - 12) - offset,
                                                            c.end - offset))
            break


def _founded_after_with(s: Sentence) -> set[str]:
    return {c.head for c in founded_after_with(s)}


@relation_rule("rc.founded_by_verb.v1", emits="founded", lexicons=("founding_verbs", "both_sides"))
def founded_by_verb(s: Sentence) -> Iterator[Candidate]:
    """"设立C", "合作建设C", "推进“C”建设": C founded by the body that opens the clause, else the
    sentence's, else the passage's; by both sides where 双方 founds it after a "with"."""
    sentence, offset, actors, subject = s.text, s.offset, s.actors, s.subject
    if not actors:
        return
    founded = _founded_after_with(s)
    last_pair = with_links(s).pair
    founding_subj = founding_subject(s)
    for c in actors:
        if c.canonical in founded or c.type == "Region" or c.implicit:
            continue
        between = sentence[max(0, c.start - offset - 12):c.start - offset].rstrip("“\"「『《(")
        # 推进“人工智能计算中心”建设: a quoted new project, then the word for building it
        project = not c.known and sentence[c.start - offset - 1:c.start - offset] in ("“", "「") \
            and _BUILT_AFTER.match(sentence, c.end - offset)
        if not (FOUNDING.search(between) or (not c.known and FOUNDING_WEAK.search(between)) or project):
            continue
        if not project and not ends_phrase(sentence, c.end - offset):
            continue   # 建立湖南自贸试验区招商引资项目库: what is founded is the 项目库, not the zone
        cs = clause_start(sentence, c.start - offset)
        opener = next((a for a in actors if cs <= a.start - offset <= cs + 3 and a.end <= c.start
                       and a.type not in ("Region", "Platform", "Agreement")), None)
        founder = opener or (founding_subj if founding_subj and founding_subj.end <= c.start else subject)
        clause = clause_span(sentence, c.start - offset - 12, c.end - offset)
        if opener is None and last_pair and _BOTH_SIDES.search(sentence[cs:c.start - offset]):
            # "A与B签署协议，双方将共同成立C": C founded by A and by B
            for f in last_pair:
                if f.canonical != c.canonical:
                    yield _founded(s, c, f, clause)
            continue
        if founder is not None and founder.canonical != c.canonical:
            yield _founded(s, c, founder, clause)


@relation_rule("rc.founded_unit_set_up.v1", emits="founded", lexicons=("founding_verbs", "unit_heads", "adverbs"))
def founded_unit_set_up(s: Sentence) -> Iterator[Candidate]:
    """"本局在武汉设立代表处": the unit 本局武汉代表处, where the text names it, founded by the body
    that opens the clause (or the passage's)."""
    sentence, offset, actors = s.text, s.offset, s.actors
    if "在" not in sentence:
        return
    called, label_of = s.document.called, s.document.label_of
    for m in _SET_UP_UNIT.finditer(sentence):
        before = [a for a in actors if a.end - offset <= m.start() and a.type != "Region"]
        founder = before[-1] if before and ADVERBS.match(sentence[before[-1].end - offset:m.start()]) else s.subject
        if founder is None:
            continue
        for name in (label_of.get(founder.canonical, founder.canonical), founder.canonical):
            unit = called.get(name + m.group(1) + m.group(2))
            if unit is not None and unit != founder.canonical:
                yield Candidate("founded", unit, founder.canonical, founder.implicit,
                                status=clause_status(s.masked, s.section_status))
                break
