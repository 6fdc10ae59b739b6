"""Known entities of the genre, loaded from the TSV tables under `ontology/gazetteers/`.

A gazetteer hit is the strongest evidence the recogniser has: it fixes the canonical
name, the type, the region and (for areas and branches) the parent. Matching runs on the
simplified text with an Aho-Corasick automaton, so thousands of names cost one pass.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from ontology import GAZETTEER_DIR
from ontology.tsv import rows as _rows
from extract.normalise import to_simplified_name

__all__ = ["Known", "Gazetteer", "load_gazetteer"]


@dataclass(frozen=True)
class Known:
    """One gazetteer entity. `level` is set for regions (province, city, county, country, macro)."""

    canonical: str
    type: str
    region: str | None
    parent: str | None = None
    level: str | None = None


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in (cell or "").split("|") if p.strip()]


class Gazetteer:
    """Names → `Known` entities, plus the tables the resolver needs.

    >>> g = Gazetteer()
    >>> g.add("香港城市大学", Known("香港城市大学", "University", "香港"), aliases=["城大"])
    >>> g.lookup("城大").canonical
    '香港城市大学'
    """

    def __init__(self):
        self.names: dict[str, Known] = {}          # simplified surface form → entity
        self.by_canonical: dict[str, Known] = {}
        self.aliases_of: dict[str, set[str]] = {}
        self.province_abbr: dict[str, str] = {}    # 湘 → 湖南
        self.province_full: dict[str, str] = {}    # 湖南 → 湖南省
        self.agency_heads: dict[str, tuple[str, str]] = {}  # 科技厅 → (科学技术厅, type)
        self.combo_abbr: dict[str, str] = {}       # 深 → 深圳, only inside runs like 深港
        self.traps: set[str] = set()               # 四平台: holds 四平 but names no place
        self.proper_openers: tuple[str, ...] = ()  # 海峡两岸, 一带一路: open specific names
        self.weak_openers: tuple[str, ...] = ("大湾区",)  # a place too broad to make a name specific
        self.designations: set[str] = set()        # 国家企业技术中心: a status, not a body
        self.sar_aliases: dict[str, tuple[str, str, str | None]] = {}  # 中联办 → (template with {sar}, type, parent)
        self._automaton = None
        self._agency_automaton = None
        self._trap_automaton = None
        self._sar_re = None

    def add(self, name: str, known: Known, aliases=()):
        key = to_simplified_name(name)
        self.by_canonical.setdefault(known.canonical, known)
        forms = self.aliases_of.setdefault(known.canonical, set())
        for form in [key, *map(to_simplified_name, aliases)]:
            if form and form not in self.names:
                self.names[form] = known
                forms.add(form)
        self._automaton = None
        self._proper_cache = None   # recognise.gaz_proper's answers may change with a new name

    def region_prefix(self, name: str) -> tuple[Known, int] | None:
        """The longest region name a name starts with (湖南省商务厅 → 湖南, 3)."""
        for n in range(min(len(name) - 1, 12), 1, -1):
            known = self.names.get(name[:n])
            if known is not None and known.type == "Region":
                return known, n
        return None

    def lookup(self, surface: str) -> Known | None:
        return self.names.get(to_simplified_name(surface))

    def trap_matches(self, simplified_text: str):
        """(start, end) of words that contain a name without naming it (四平台, 出海口)."""
        if not self.traps:
            return
        if self._trap_automaton is None:
            auto = ahocorasick.Automaton()
            for word in self.traps:
                auto.add_word(word, len(word))
            auto.make_automaton()
            self._trap_automaton = auto
        for end, length in self._trap_automaton.iter(simplified_text):
            yield end + 1 - length, end + 1

    def sar_alias_matches(self, simplified_text: str):
        """(start, end) of the longest SAR-relative names (中联办经济部 over 中联办)."""
        if not self.sar_aliases:
            return
        if self._sar_re is None:
            self._sar_re = re.compile("|".join(map(re.escape, sorted(self.sar_aliases, key=len, reverse=True))))
        for m in self._sar_re.finditer(simplified_text):
            yield m.start(), m.end()

    def agency_words(self, simplified_text: str):
        """(start, end) of department names (人力资源和社会保障厅 ...): no boundary word may
        cut inside them."""
        if self._agency_automaton is None:
            auto = ahocorasick.Automaton()
            for word in self.agency_heads:
                if len(word) >= 3:
                    auto.add_word(word, len(word))
            if len(auto):
                auto.make_automaton()
            self._agency_automaton = auto
        if not len(self._agency_automaton):
            return
        for end, length in self._agency_automaton.iter(simplified_text):
            yield end + 1 - length, end + 1

    def matches(self, simplified_text: str):
        """All (start, end, Known) hits, overlapping; the recogniser picks among them."""
        if self._automaton is None:
            auto = ahocorasick.Automaton()
            for form, known in self.names.items():
                if len(form) >= 2:
                    auto.add_word(form, (len(form), known))
            auto.make_automaton()
            self._automaton = auto
        if not self.names:
            return
        for end, (length, known) in self._automaton.iter(simplified_text):
            yield end + 1 - length, end + 1, known


def _load_regions(g: Gazetteer, path: Path):
    for row in _rows(path):
        level = row.get("level") or "city"
        province = row.get("province") or None
        name = to_simplified_name(row["name"])
        known = Known(name, "Region", province if level != "macro" else None,
                      parent=row.get("parent") or None, level=level)
        aliases = _split(row.get("aliases"))
        g.add(name, known, aliases)
        if level == "province":
            for a in aliases:
                if a.endswith(("省", "市", "自治区", "特别行政区")) and a.startswith(name):
                    g.province_full.setdefault(name, a)
            g.province_full.setdefault(name, name)
            for ab in _split(row.get("abbr")):
                g.province_abbr[ab] = name


def _load_organisations(g: Gazetteer, path: Path):
    for row in _rows(path):
        name = to_simplified_name(row["name"])
        known = Known(name, row["type"], row.get("region") or None, parent=row.get("parent") or None)
        g.add(name, known, _split(row.get("aliases")))


def _load_agency_heads(g: Gazetteer, path: Path):
    for row in _rows(path):
        g.agency_heads.setdefault(row["short"], (row["full"], row.get("type") or "GovernmentAgency"))
        g.agency_heads.setdefault(row["full"], (row["full"], row.get("type") or "GovernmentAgency"))


def _load_lexicons(g: Gazetteer):
    from ontology import LEXICON_DIR

    if (LEXICON_DIR / "combo_abbreviations.tsv").exists():
        for row in _rows(LEXICON_DIR / "combo_abbreviations.tsv"):
            g.combo_abbr[row["abbr"]] = row["region"]
    if (LEXICON_DIR / "proper_openers.tsv").exists():
        g.proper_openers = tuple(sorted(row["text"] for row in _rows(LEXICON_DIR / "proper_openers.tsv")))
    if (LEXICON_DIR / "sar_aliases.tsv").exists():
        g.sar_aliases = {row["alias"]: (row["canonical"], row["type"], row.get("parent") or None)
                         for row in _rows(LEXICON_DIR / "sar_aliases.tsv")}
    if (LEXICON_DIR / "designations.tsv").exists():
        g.designations = {row["text"] for row in _rows(LEXICON_DIR / "designations.tsv")}
    if (LEXICON_DIR / "false_matches.tsv").exists():
        g.traps = {row["text"] for row in _rows(LEXICON_DIR / "false_matches.tsv")}


@lru_cache(maxsize=4)
def load_gazetteer(folder: str | None = None) -> Gazetteer:
    """Read every table in `folder` (default: the packaged `ontology/gazetteers/`)."""
    root = Path(folder) if folder else GAZETTEER_DIR
    g = Gazetteer()
    if (root / "regions.tsv").exists():
        _load_regions(g, root / "regions.tsv")
    for path in sorted(root.glob("*.tsv")):
        if path.name == "regions.tsv":
            continue
        if path.name == "agency_heads.tsv":
            _load_agency_heads(g, path)
        else:
            _load_organisations(g, path)
    _load_lexicons(g)
    return g
