"""Rules that read who cooperates with whom (`partner`).

  "湘港澳合作"                        the first region with each of the others
  "A与B合作开展…", "加强与C、D合作"     the bodies on each side of 与 (the passage's agent
                                      where the sentence leaves its own subject out)
  "C、D等…来黔交流访问", "一行访问了C"    each visitor with its host
  "A和B共同举办…" (A, B open the clause) each two of the list
  "对接A和B" (A, B are objects)        the clause's agent with each of them
  "由我办主办，A、B为会办单位"          the lead unit with each co-handling unit
  "A对接B", "A携手B"                  a cooperation verb between two bodies
  赣港经贸合作活动 (a name)             the regions the name runs together
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from extract.lexicons import alternation
from extract.rules import relation_rule
from extract.rules.clauses import (RUN_COOPERATION, RUN_WHERE, SVO, clause_span, group_after, lists,
                                   with_links)
from extract.rules.sentence import Actor, Candidate, Sentence


@relation_rule("rc.partner_in_name.v1", emits="partner", lexicons=("cooperation_words",))
def partner_in_name(s: Sentence) -> Iterator[Candidate]:
    """赣港经贸合作活动, 湘粤港澳合作示范区: a name that runs one-character places together before
    a cooperation word says the places cooperate; the name exists, so it is realized."""
    text = s.text + s.following
    for m in s.mentions:
        run = sorted((i for i in m.inner if i.entity.type == "Region" and i.end - i.start == 1), key=lambda i: i.start)
        chains, current = [], []
        for i in run:
            if current and i.start != current[-1].end:
                chains.append(current)
                current = []
            current.append(i)
        chains.append(current)
        for chain in chains:
            end = chain[-1].end - s.offset if chain else 0
            if len(chain) >= 2 and RUN_COOPERATION.match(text[end:end + 10]):
                for other in chain[1:]:
                    if other.entity.canonical != chain[0].entity.canonical:
                        yield Candidate("partner", chain[0].entity.canonical, other.entity.canonical,
                                        status="realized")


@relation_rule("rc.partner_by_region_run.v1", emits="partner", lexicons=("cooperation_words",))
def partner_by_region_run(s: Sentence) -> Iterator[Candidate]:
    """湘港澳合作, 湘港在金融领域深度合作: the first region named (the writer's side) with each of
    the others, where one-character places run together before a cooperation word (unlike
    港澳台地区, or 与港澳, where the run is one side of a "with")."""
    sentence, offset = s.text, s.offset
    run: list[Actor] = []
    for a in list(s.actors) + [None]:
        if a is not None and a.type == "Region" and a.end - a.start == 1 and (
                not run or run[-1].end == a.start or
                (a.start == run[-1].end + 1 and sentence[run[-1].end - offset] == "、")):
            run.append(a)
            continue
        before_run = sentence[max(0, run[0].start - offset - 1):run[0].start - offset] if run else ""
        after_run = sentence[run[-1].end - offset:run[-1].end - offset + 20] if run else ""
        if len(run) >= 2 and (RUN_COOPERATION.match(after_run[:8]) or RUN_WHERE.match(after_run)) \
                and before_run not in ("与", "同", "跟", "和", "及", "、"):
            for y in range(1, len(run)):
                yield Candidate("partner", run[0].canonical, run[y].canonical, False,
                                clause_span(sentence, run[0].start - offset, run[-1].end - offset))
        run = [a] if a is not None and a.type == "Region" and a.end - a.start == 1 else []


@relation_rule("rc.partner_by_with.v1", emits="partner",
               lexicons=("comparison_words", "adverbs", "counted_heads", "visiting_verbs",
                         "with_verbs", "continuation_words", "person_titles"))
def partner_by_with(s: Sentence) -> Iterator[Candidate]:
    """"A与B合作", "A、B分别与C、D签订…", "加强与C的交流": each body left of 与 with each right of it."""
    for link in with_links(s).links:
        for left in link.left:
            for r in link.right:
                if r.canonical != left.canonical:
                    yield Candidate("partner", left.canonical, r.canonical, left.implicit or r.implicit, link.clause)


@relation_rule("rc.partner_by_visit.v1", emits="partner",
               lexicons=("visiting_verbs", "visit_purposes", "sentence_openers"))
def partner_by_visit(s: Sentence) -> Iterator[Candidate]:
    """"C、D等…来黔交流访问", "甲大学一行到访乙大学": each visitor with the body or place it visits."""
    for reading in lists(s):
        if reading.shape not in ("visit", "call"):
            continue
        for mbr in reading.members:
            if reading.shape == "visit" or mbr.canonical != reading.other.canonical:
                yield Candidate("partner", mbr.canonical, reading.other.canonical, False, reading.clause)


@relation_rule("rc.partner_by_coordination.v1", emits="partner",
               lexicons=("both_sides", "together_words", "cooperation_fields", "cooperation_words",
                         "counted_heads", "governing_verbs", "sentence_openers"))
def partner_by_coordination(s: Sentence) -> Iterator[Candidate]:
    """"A、B和C共同举办", "推动A、B在科技领域合作": a list that acts together, each two of it."""
    for reading in lists(s):
        if reading.shape == "joint":
            members = reading.members
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    yield Candidate("partner", members[x].canonical, members[y].canonical, False, reading.clause)


@relation_rule("rc.partner_by_object_list.v1", emits="partner",
               lexicons=("object_verbs", "cooperation_words", "founding_verbs"))
def partner_by_object_list(s: Sentence) -> Iterator[Candidate]:
    """"湖南将积极对接A和B": the clause's agent (else the passage's) with each object of its verb."""
    for reading in lists(s):
        if reading.shape != "object":
            continue
        agent = reading.other
        for mbr in reading.members:
            if mbr.canonical != agent.canonical:
                yield Candidate("partner", agent.canonical, mbr.canonical, agent.implicit, reading.clause)


_LEAD_UNIT = re.compile(r"^(?:负责)?主办")
_CO_UNITS = re.compile("^(?:为|作为|是)?" + alternation("co_handling_words") + "(?:单位|部门)?")


@relation_rule("rc.partner_by_joint_handling.v1", emits="partner", lexicons=("co_handling_words",))
def partner_by_joint_handling(s: Sentence) -> Iterator[Candidate]:
    """"由我办主办，A、B为会办单位": the body that leads a task and each that shares it (the
    usual way a reply to a proposal names who handled it)."""
    sentence, offset, actors = s.text, s.offset, list(s.actors)
    if "主办" not in sentence:
        return
    lead = next((a for a in actors if _LEAD_UNIT.match(sentence[a.end - offset:])), None)
    if lead is None:
        return
    k = 0
    while k < len(actors):
        group = group_after(sentence, offset, actors, k)
        k = group[-1] + 1
        members = [actors[i] for i in group]
        if _CO_UNITS.match(sentence[members[-1].end - offset:]):
            span = clause_span(sentence, lead.start - offset, members[-1].end - offset)
            for mbr in members:
                if mbr.canonical != lead.canonical:
                    yield Candidate("partner", lead.canonical, mbr.canonical, lead.implicit or mbr.implicit, span)


@relation_rule("rc.partner_by_verb.v1", emits="partner", lexicons=("partner_verbs",))
def partner_by_verb(s: Sentence) -> Iterator[Candidate]:
    """"A对接B", "A携手B": a cooperation verb between two bodies (not read already by a "with")."""
    sentence, offset, actors = s.text, s.offset, s.actors
    used = with_links(s).used
    for i in range(len(actors) - 1):
        a, b = actors[i], actors[i + 1]
        if i in used and i + 1 in used:
            continue
        if SVO.match(sentence[a.end - offset:b.start - offset]) and a.canonical != b.canonical:
            yield Candidate("partner", a.canonical, b.canonical, False,
                            clause_span(sentence, a.start - offset, b.end - offset))
