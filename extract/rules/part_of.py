"""Rules that read what a body is part of (`partOf`: the part, then the whole).

  香港城市大学深圳研究院 (a name)        part of the body it opens with, if the text names it
  "前海…打造“两城六区”。其中，“两城”指A、B"   the parts a 其中 sentence lists, of the zone before
  "在珠澳跨工区珠海园区设X中心"          what is set up in a zone is part of it
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from extract.lexicons import alternation
from extract.parents import parent_of, unit_named_short
from extract.rules import relation_rule
from extract.rules.clauses import per_sentence
from extract.rules.sentence import Candidate, Sentence
from extract.rules.status import clause_status

_ZONE_TYPES = ("DevelopmentZone", "FreeTradeZone")
# "前海…加快建设“两城六区”。其中，“两城”指A、B；“六区”包括C、D": A … D are parts of 前海
_BUILDS_NAMED_PARTS = re.compile(alternation("founding_verbs", "builds_named_parts") + "[^，,。；]{0,4}[“「\"]")
_ENUMERATION = re.compile(r"^其中[,，]?")
_SET_UP_IN = re.compile("^(?:内)?" + alternation("founding_verbs", "sets_up_in_a_zone") + "了?$")
_CLOSED = "”’」』)"


@relation_rule("rc.part_of_by_name.v1", emits="partOf", lexicons=("unit_heads",))
def part_of_by_name(s: Sentence) -> Iterator[Candidate]:
    """香港城市大学深圳研究院 is part of 香港城市大学; 护理学院智慧健康研究中心, after
    香港理工大学护理学院, part of that school: where the text names the whole too."""
    doc = s.document
    for m in s.mentions:
        for inner in [m] + m.inner:
            if inner.entity.type == "Region":
                continue
            parent = parent_of(inner) or unit_named_short(inner, doc.unit_short)
            if parent and parent != inner.entity.canonical and parent in doc.known:
                yield Candidate("partOf", inner.entity.canonical, parent, status="realized")


@per_sentence
def enumerated_whole(s: Sentence) -> str | None:
    """The zone whose parts a 其中 sentence lists: the zone that opens the sentence before it
    and builds a quoted set of parts. An enumeration runs on over ；-clauses of one paragraph
    until 。."""
    before = s.previous
    if before is not None and before.paragraph == s.paragraph \
            and not before.text.rstrip(_CLOSED).endswith("。"):
        carried = enumerated_whole(before)
        if carried is not None:
            return carried
    if before is None or not _ENUMERATION.match(s.text):
        return None
    build = _BUILDS_NAMED_PARTS.search(before.text)
    if build is None:
        return None
    zones = [m for m in before.mentions if m.entity.type in _ZONE_TYPES and m.end - before.offset <= build.start()]
    return zones[0].entity.canonical if zones else None


@relation_rule("rc.part_of_by_enumeration.v1", emits="partOf", lexicons=("founding_verbs",))
def part_of_by_enumeration(s: Sentence) -> Iterator[Candidate]:
    """"其中，“两城”指A、B": each zone or platform listed is part of the zone the sentence before builds."""
    whole = enumerated_whole(s)
    if whole is None:
        return
    for m in s.mentions:
        if m.entity.type in ("DevelopmentZone", "Platform") and m.entity.canonical != whole:
            yield Candidate("partOf", m.entity.canonical, whole, True, status="realized")


@relation_rule("rc.part_of_set_up_in_zone.v1", emits="partOf", lexicons=("founding_verbs",))
def part_of_set_up_in_zone(s: Sentence) -> Iterator[Candidate]:
    """"在珠澳跨工区珠海园区设拉美国家商品综合交易中心": what is set up in a zone is part of it."""
    sentence, offset, actors = s.text, s.offset, s.actors
    for a, b in zip(actors, actors[1:]):
        if a.type in _ZONE_TYPES and b.type in ("Platform", "DevelopmentZone") and \
                sentence[a.start - offset - 1:a.start - offset] == "在" and \
                _SET_UP_IN.match(sentence[a.end - offset:b.start - offset]):
            yield Candidate("partOf", b.canonical, a.canonical, status=clause_status(s.masked, s.section_status))
