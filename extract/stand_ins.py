"""Officials and delegations who stand in for a body once the text has said whose they are.

News releases name an official once with the body and the office (商务及经济发展局局长丘应桦,
四川省省长黄强, 行政长官贺一诚) and then by name alone (丘应桦表示…, 黄强省长指出…); a delegation
is introduced as X代表团 and then called 代表团 or 一行. Those later mentions are the body
acting: they stand in for it in relations, and are never entities.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ontology import LEXICON_DIR

__all__ = ["Official", "officials", "delegations", "proxy_spans"]

# Characters that often follow a two-character name and would make a false three-character one
# (黄强会面, 李明表示, 王刚今日 …)
_AFTER_NAME = set("会表说指出今昨在与和等的率将也还并已对向于及同跟为是以到赴来访称致一")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Official:
    name: str
    body: str          # the canonical name of what the person acts for
    body_type: str
    unnamed_body: bool = False   # 行政长官李家超: no mention of the body stands before the office


@lru_cache(maxsize=1)
def _titles() -> tuple[dict[str, str], re.Pattern]:
    rows = {}
    for line in (LEXICON_DIR / "office_titles.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        if line.strip():
            title, stands_for = line.split("\t")[:2]
            rows[title] = stands_for
    alternatives = "|".join(sorted(map(re.escape, rows), key=len, reverse=True))
    return rows, re.compile(f"(?:{alternatives})")


@lru_cache(maxsize=1)
def _surnames() -> tuple[frozenset[str], frozenset[str]]:
    names = [line.strip() for line in (LEXICON_DIR / "surnames.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) == 2)


def _name_after(text: str, pos: int) -> str | None:
    """The person's name that starts at `pos`: a surname, then one or two characters (two unless
    the last is more likely the next word), and only a name the text uses again elsewhere
    (书记表示 has no name: 表 is no surname)."""
    chunk = text[pos:pos + 3]
    if len(chunk) < 2 or not all(_CJK.match(c) for c in chunk[:2]):
        return None
    single, compound = _surnames()
    if chunk[0] not in single and chunk[:2] not in compound:
        return None
    candidates = []
    if len(chunk) == 3 and _CJK.match(chunk[2]) and chunk[2] not in _AFTER_NAME:
        candidates.append(chunk)
    candidates.append(chunk[:2])
    for name in candidates:
        if text.find(name, pos + len(name)) != -1 or text.rfind(name, 0, pos) != -1:
            return name
    return None


def _by_end(bodies) -> dict[int, tuple[str, str]]:
    """(canonical, type) of each body by where its mention ends: an office or a delegation
    noun right there is that body's."""
    return {e: (canonical, typ) for s, e, canonical, typ in bodies}


def officials(text: str, bodies, sar: str | None) -> list[tuple[int, Official]]:
    """(position, Official) for each "body + office + name" in `text` (simplified).

    `bodies` are (start, end, canonical, type) of the bodies and places recognised in the text;
    `sar` is the SAR whose 行政长官 an untitled mention of that office means.

    >>> t = "四川省省长黄强今日到访。黄强表示欢迎。"
    >>> [(o.name, o.body) for _, o in officials(t, [(0, 3, "四川", "Region")], None)]
    [('黄强', '四川')]
    """
    titles, title_re = _titles()
    ends = _by_end(bodies)
    out = []
    for m in title_re.finditer(text):
        stands_for = titles[m.group()]
        holder = ends.get(m.start())     # 四川省|省长, 商务及经济发展局|局长
        if holder is None and text[m.start() - 1:m.start()] == "副":
            holder = ends.get(m.start() - 1)
        unnamed = holder is None and stands_for == "sar" and bool(sar)
        if unnamed:
            holder = (sar, "Region")
        if holder is None:
            continue
        name = _name_after(text, m.end())
        if name:
            out.append((m.end(), Official(name, holder[0], holder[1], unnamed)))
    return out


_DELEGATION = re.compile(r"代表团|考察团|访问团|交流团|经贸团|商务团|一行")


def delegations(text: str, bodies) -> list[tuple[int, int, Official]]:
    """(start, end, Official) for each delegation noun that stands alone (代表团还参观了…),
    standing for the body whose delegation the text last introduced (香港中华总商会代表团).

    >>> t = "香港中华总商会代表团访问佛山。代表团还参观了工厂。"
    >>> [(t[s:e], o.body) for s, e, o in delegations(t, [(0, 7, "香港中华总商会", "ChamberOfCommerce")])]
    [('代表团', '香港中华总商会')]
    """
    ends = _by_end(bodies)
    out, current = [], None
    for m in _DELEGATION.finditer(text):
        holder = ends.get(m.start())
        if holder is not None:
            current = holder       # X代表团: from here on, 代表团 is X's
        elif current is not None:
            out.append((m.start(), m.end(), Official(m.group(), *current)))
    return out


def proxy_spans(text: str, found: list[tuple[int, Official]], taken) -> list[tuple[int, int, Official]]:
    """Where the officials are named again by name alone, outside `taken` (positions that
    belong to recognised names)."""
    out = []
    # where the office names its body (四川省省长黄强) the body is already there; 行政长官李家超
    # names none, so the person is the body's only mention
    introduced = {pos for pos, o in found if not o.unnamed_body}
    for official in {o.name: o for _, o in found}.values():
        for m in re.finditer(re.escape(official.name), text):
            if m.start() in introduced or any(i in taken for i in range(m.start(), m.end())):
                continue
            out.append((m.start(), m.end(), official))
    return sorted(out, key=lambda x: x[0])
