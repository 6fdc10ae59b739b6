"""The tagger proposes names; the grammar and the gazetteers decide.

A statistical tagger (LAC) finds names the suffix grammar cannot anticipate: a city's
commission written in full, a SAR bureau, a firm with no legal suffix (戴德梁行). It also
errs in ways the grammar knows: it runs a name on into the next word (…集团与, …日报讯),
truncates brand names, and calls generic phrases (区政府, 中华总商会) names. So a proposal
is kept only where the grammar can type it from its head, or — for a firm without a head —
where the sentence uses it as an actor; and wherever the grammar already found a name on
the same characters, the grammar's reading stands (recognise's longest-first pick then
lets a proposal that wholly contains grammar names win only when it ends in a head).

    >>> from extract.gazetteer import load_gazetteer
    >>> from extract.zh_names import load_grammar
    >>> text = "北京市商务委员会与好运来集团签约。"
    >>> [(s.text, s.type) for s in judge(text, [(0, 8, "ORG"), (9, 14, "ORG")], load_gazetteer(), load_grammar())]
    [('北京市商务委员会', 'GovernmentAgency'), ('好运来集团', 'Enterprise')]
"""
from __future__ import annotations

import re
from typing import Iterable

from extract.gazetteer import Gazetteer
from extract.recognise import Span, _abbreviations_only, gaz_proper
from extract.lexicons import words
from extract.zh_names import _AFTER_BRAND, _BARE_BRAND_HEADS, NameGrammar

__all__ = ["judge"]

# what a tagger leaves on a name's right edge: 集团与, 日报讯, 总商会等
_TRAILING = tuple(sorted(words("tagger_edges", "role", "trailing") + words("tagger_edges", "role", "joining"),
                          key=len, reverse=True))
# words that make a headless proposal generic: 中华, 国际, 金融
_GENERIC_HEADLESS = set(words("tagger_edges", "role", "generic"))
_NAME = re.compile(r"^[\u3400-\u9fffA-Za-z0-9()·&\-—]+$")
_CJK = re.compile(r"[\u3400-\u9fff]")
# a headless firm counts where the sentence treats it as an actor or a party
_ACTOR_BEFORE = re.compile(r"(?:与|同|和|跟|及|、|携手|联合|联同|会同|牵手|伙同|引进|邀请|促成)$")
_ACTOR_AFTER = re.compile(r"^(?:与|和|同|、|等|签|合作|携手|联合|共同|达成|投资|落户|入驻|旗下|集团|公司|代表|董事|总裁|主席)")


def _trim(text: str, s: int, e: int) -> int:
    """The end once the tagger's run-on words are cut off."""
    changed = True
    while changed and e > s:
        changed = False
        for w in _TRAILING:
            if text.endswith(w, s, e) and e - len(w) - s >= 2:
                e -= len(w)
                changed = True
                break
    return e


def judge(text: str, proposals: Iterable[tuple[int, int, str]], gaz: Gazetteer, grammar: NameGrammar,
          lo: int = 0, hi: int | None = None) -> list[Span]:
    """The proposals (start, end, label) the grammar accepts, as `Span`s of source "tagger"."""
    hi = len(text) if hi is None else hi
    proper = gaz_proper(gaz)
    out = []
    for s, e, label in proposals:
        if s < lo or e > hi or label not in ("ORG", "LOC"):
            continue
        e = _trim(text, s, e)
        # LAC cuts 中共 off a party body: 中共 + 重庆市委统战部
        if text.endswith("中共", lo, s) and "委" in text[s:e]:
            s -= 2
        name = text[s:e]
        if any(text[s - k:s + 1] in gaz.names for k in (1, 2, 3) if s - k >= lo):
            continue        # it starts inside a place: 州 of 郴州 + 国家…中心
        if len(name) < 3 or not _NAME.match(name) or not _CJK.search(name):
            continue
        if name in gaz.names or name in gaz.designations or name in gaz.traps:
            continue        # the gazetteer's own pass has it, or knows it is no name
        typed = grammar.type_of(name)
        place = gaz.region_prefix(name)
        if typed is not None:
            typ, head, strong = typed
            if len(name) <= len(head) or grammar.is_generic(name, head) or grammar.blocked(name, head):
                continue
            core = name[: len(name) - len(head)]
            if grammar.has_boundary(core) and not strong:
                continue
            if place is not None and grammar.is_class(name, head, place[1]):
                continue
            if typ == "Region":
                continue    # places are the gazetteer's
            if not strong and not proper(name):
                continue    # a weak head (中心, 园区, 局) names one body only behind a place or known name
            known = gaz.names.get(core)
            if not strong and known is not None and known.type != "Region":
                continue    # a known body and a generic word (清华大学 + 科技), as the grammar holds
            if head in _BARE_BRAND_HEADS and text[e:e + 1] not in _AFTER_BRAND:
                continue    # 科技, 传媒 … end a firm's name only where the phrase ends (清华大学|科技园)
            rest = core[place[1]:] if place is not None else core
            if not strong and (not rest or _abbreviations_only(rest, head, gaz)):
                continue    # 某地机场, 浙沪口岸: places and a facility's head name a facility, not a body
            out.append(Span(s, e, name, typ, "tagger", head=head))
            continue
        if label != "ORG" or grammar.has_boundary(name) or name in _GENERIC_HEADLESS \
                or place is not None and len(name) - place[1] < 2:
            continue
        if any(w in name for w in _GENERIC_HEADLESS if len(w) >= 2) and len(name) <= 4:
            continue
        # both sides must read as an actor's: 与X签约, 、X等; a CJK character run on after it
        # means the tagger cut a longer word short (华鲁恒|升)
        if _ACTOR_BEFORE.search(text, max(lo, s - 4), s) and _ACTOR_AFTER.match(text[e:min(hi, e + 4)]):
            out.append(Span(s, e, name, "Enterprise", "tagger"))
    return out
