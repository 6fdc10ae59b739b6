"""Recognition: where the text names an entity, and of which type.

Three sources of spans, on the simplified twin of the text:
gazetteer hits (known names and aliases), the suffix grammar (unknown names), and runs of
one-character province abbreviations ("湘港澳合作" names three regions). Overlaps are
settled by preferring the longer span; spans inside a longer one are kept as `inner`
because they tell the resolver about parents (香港城市大学 in 香港城市大学长沙创新科技中心).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.gazetteer import Gazetteer, Known
from extract.zh_names import NameGrammar

__all__ = ["Span", "recognise"]

_SELF_REFERENCES = re.compile(r"(?:我|本)(?:厅|局|办|委|会|署|校|院|所|部|处|中心|公司|集团)")
_OWN_PROVINCE = re.compile(r"(?:我|本)(?:省|市|区|州|县|澳|港)")
_COMBO_FOLLOW = ("合作", "两地", "三地", "四地", "经贸", "交流", "协作", "地区", "产业", "高铁", "通道",
                 "澳", "服贸", "科技", "教育", "青年", "文化", "旅游", "贸易", "金融", "联动", "协同",
                 "深度", "共建", "联合", "互联", "物流", "铁海", "非", "海外")


@dataclass
class Span:
    start: int
    end: int
    text: str           # simplified surface form
    type: str
    source: str         # "gazetteer" | "grammar" | "abbr" | "self" | "own-region"
    known: Known | None = None
    head: str | None = None
    inner: list["Span"] = field(default_factory=list)


def _gazetteer_spans(text: str, gaz: Gazetteer, lo: int, hi: int):
    for s, e, known in gaz.matches(text[lo:hi]):
        yield Span(lo + s, lo + e, text[lo + s: lo + e], known.type, "gazetteer", known=known)


def _abbr_spans(text: str, gaz: Gazetteer, lo: int, hi: int):
    if not gaz.province_abbr:
        return
    chars = "".join(sorted(gaz.province_abbr))
    for m in re.finditer(f"[{re.escape(chars)}]{{2,5}}", text[lo:hi]):
        after = text[lo + m.end(): lo + m.end() + 2]
        if not after.startswith(_COMBO_FOLLOW):
            continue
        for i, ch in enumerate(m.group()):
            province = gaz.province_abbr[ch]
            known = gaz.by_canonical.get(province) or Known(province, "Region", province, level="province")
            yield Span(lo + m.start() + i, lo + m.start() + i + 1, ch, "Region", "abbr", known=known)


def _pick(spans):
    """Longest-first, non-overlapping; a loser inside a winner becomes its inner span."""
    spans = sorted(spans, key=lambda s: (-(s.end - s.start), s.source != "gazetteer", s.start))
    chosen: list[Span] = []
    for sp in spans:
        host = next((c for c in chosen if c.start <= sp.start and sp.end <= c.end), None)
        if host is not None:
            host.inner.append(sp)
            continue
        if any(c.start < sp.end and sp.start < c.end for c in chosen):
            continue
        chosen.append(sp)
    return sorted(chosen, key=lambda s: s.start)


def recognise(text: str, gaz: Gazetteer, grammar: NameGrammar, lo: int = 0, hi: int | None = None):
    """Entity spans in text[lo:hi] (text is the simplified twin).

    >>> from extract.gazetteer import load_gazetteer
    >>> from extract.zh_names import load_grammar
    >>> [s.text for s in recognise("与广东工业大学合作", load_gazetteer(), load_grammar())]
    ['广东工业大学']
    """
    hi = len(text) if hi is None else hi
    spans = list(_gazetteer_spans(text, gaz, lo, hi))
    for c in grammar.candidates(text[lo:hi], lo):
        spans.append(Span(c.start, c.end, c.text, c.type, "grammar", head=c.head))
    spans.extend(_abbr_spans(text, gaz, lo, hi))
    for m in _SELF_REFERENCES.finditer(text, lo, hi):
        spans.append(Span(m.start(), m.end(), m.group(), "GovernmentAgency", "self"))
    for m in _OWN_PROVINCE.finditer(text, lo, hi):
        spans.append(Span(m.start(), m.end(), m.group(), "Region", "own-region"))
    # A grammar span that exactly covers a gazetteer name is the gazetteer's.
    exact = {(s.start, s.end) for s in spans if s.source == "gazetteer"}
    spans = [s for s in spans if not (s.source == "grammar" and (s.start, s.end) in exact)]
    return _pick(spans)
