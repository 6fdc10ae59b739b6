"""The whole a body is part of, as its name shows it: 香港城市大学 in 香港城市大学深圳研究院,
护理学院 (named in full earlier) in 护理学院智慧健康研究中心.

Shared by recognition (which inner names a name may hold) and the relation rules (partOf).
"""
from __future__ import annotations

from extract.lexicons import words
from extract.normalise import simplified
from extract.zh_names import load_grammar

__all__ = ["PARENT_TYPES", "parent_of", "unit_short_names", "unit_named_short", "more_than_a_head"]

# What a name may hold at its start as its parent: a lab its university, an area its zone.
PARENT_TYPES = {
    "ResearchInstitute": {"University", "ResearchInstitute", "Enterprise", "GovernmentAgency", "Organization"},
    "University": {"University"},
    "GovernmentAgency": {"GovernmentAgency"},
    "Enterprise": {"Enterprise"},
    "ChamberOfCommerce": {"ChamberOfCommerce"},
    "Organization": {"Organization", "University"},
    "FreeTradeZone": {"FreeTradeZone"},
    "DevelopmentZone": {"FreeTradeZone", "DevelopmentZone"},
    "Platform": {"Platform", "FreeTradeZone", "DevelopmentZone"},
}


def parent_of(m) -> str | None:
    """The whole a mention is part of, as the text shows it: the body its name opens with
    (香港城市大学 in 香港城市大学深圳研究院), or for a free-trade area its zone."""
    if m.entity.parent and (m.entity.type == "FreeTradeZone" or not m.entity.known):
        return m.entity.parent   # a free-trade area's zone, or a unit the text's context names
    for inner in m.inner:
        if inner.start == m.start and inner.entity.type in PARENT_TYPES.get(m.entity.type, ()) \
                and inner.end < m.end and more_than_a_head(m.surface[inner.end - m.start:]):
            return inner.entity.canonical
    return None


_SCHOOL_HEADS = words("unit_heads", "school")


def unit_short_names(names) -> dict[str, str]:
    """{护理学院: 香港理工大学护理学院}: the short name of each school or institute the text names
    in full after its parent (a parent the text also names)."""
    out = {}
    for name in names:
        if not name.endswith(_SCHOOL_HEADS):
            continue
        for i in range(2, len(name) - 3):
            if name[:i] in names:
                out.setdefault(name[i:], name)
    return out


def unit_named_short(m, short: dict[str, str]) -> str | None:
    """护理学院智慧健康研究中心 after 香港理工大学护理学院: a centre named after a school that the
    text named in full is part of that school."""
    if m.entity.known or not short:
        return None
    name = m.entity.canonical
    for n in range(len(name) - 3, 3, -1):
        whole = short.get(name[:n])
        if whole is not None:
            return whole
    return None


_UNIT_HEADS = frozenset(words("unit_heads", "makes_a_unit"))


def more_than_a_head(rest: str) -> bool:
    """Whether the rest of a name makes a unit of the body it opens with. 办公厅 after 湖南省
    人民政府 does; 有限公司 after 广州厚德投资控股, 会 after 澳门工商联 and (敏海院士工作站) after
    广东省院士工作站 only complete the same name."""
    rest = simplified(rest)
    typed = load_grammar().type_of(rest)
    if rest.startswith("(") or len(rest) < 2:
        return False
    return not (typed and len(typed[1]) == len(rest)) or rest in _UNIT_HEADS
