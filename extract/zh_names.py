"""A grammar for Chinese organisation names: [region] + core + suffix head.

Names are found from their right edge: a suffix head (大学, 研究院, 商会, 厅, 有限公司,
自由贸易试验区, 博览会 ...) is unambiguous about where a name ends and what it is, and the
name extends leftwards over name characters until a boundary: punctuation, a verb or a
function word (与, 推动, 支持 ...). The tables live in `ontology/lexicons/`.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache

from ontology import LEXICON_DIR

__all__ = ["NameCandidate", "NameGrammar", "load_grammar"]

# Characters a name may contain besides CJK ideographs.
_NAME_CHARS = r"\u3400-\u9fffA-Za-z0-9()·&\-—"
_CJK = re.compile(r"[\u3400-\u9fff]")
_ORDINAL = re.compile(r"^(?:.*?[年月日])?(?:第[0-9一二三四五六七八九十百]+[届次期])")
_LEADING_NUMBER = re.compile(r"^[0-9一二三四五六七八九十]+[年届、.]?")
MAX_NAME = 32


@dataclass(frozen=True)
class NameCandidate:
    start: int
    end: int
    text: str
    type: str
    head: str


def _read_tsv(name):
    with (LEXICON_DIR / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


class NameGrammar:
    """Suffix heads and boundary words, compiled once.

    >>> g = load_grammar()
    >>> [c.text for c in g.candidates("推动郴州片区与广东工业大学合作")]
    ['郴州片区', '广东工业大学']
    """

    def __init__(self, suffixes: dict[str, str], left_words: set[str], generic: set[str]):
        self.suffixes = suffixes
        self.left_words = left_words
        self.generic = generic
        heads = sorted(suffixes, key=len, reverse=True)
        self._head_re = re.compile("|".join(map(re.escape, heads)))
        self._run_re = re.compile(f"[{_NAME_CHARS}]+")
        words = sorted(left_words, key=len, reverse=True)
        self._left_re = re.compile("|".join(map(re.escape, words)))
        self._generic_start = tuple(sorted(generic, key=len, reverse=True))

    def type_of(self, name: str) -> tuple[str, str] | None:
        """(type, head) for a name ending in a known suffix head, else None."""
        for n in range(min(len(name), 8), 0, -1):
            head = name[-n:]
            if head in self.suffixes:
                return self.suffixes[head], head
        return None

    def candidates(self, text: str, offset: int = 0):
        """Maximal names in `text` (already simplified); offsets are shifted by `offset`."""
        out = []
        for run in self._run_re.finditer(text):
            out.extend(self._in_run(run.group(), run.start() + offset))
        return out

    def _in_run(self, run: str, base: int):
        found = []
        # Every position where a head ends is a possible right edge; keep those that are
        # not immediately continued by more of the same name (研究 + 院 ...).
        ends = set()
        for m in self._head_re.finditer(run):
            ends.add(m.end())
        for end in sorted(ends):
            typed = self.type_of(run[:end])
            if typed is None:
                continue
            typ, head = typed
            start = self._left_edge(run, end - len(head), end)
            if start is None:
                continue
            name = run[start:end]
            if self._acceptable(name, head):
                found.append(NameCandidate(base + start, base + end, name, typ, head))
        return found

    def _left_edge(self, run: str, head_start: int, end: int) -> int | None:
        lo = max(0, end - MAX_NAME)
        left = run[lo:head_start]
        cut = 0
        for m in self._left_re.finditer(left):
            cut = max(cut, m.end())
        start = lo + cut
        prefix = run[start:end]
        m = _ORDINAL.match(prefix) or _LEADING_NUMBER.match(prefix)
        if m and m.end() < len(prefix):
            start += m.end()
        return start

    def _acceptable(self, name: str, head: str) -> bool:
        core = name[: len(name) - len(head)]
        if len(_CJK.findall(core)) + sum(c.isalpha() for c in core if c.isascii()) < 2:
            return False
        if name.startswith(self._generic_start) or core in self.generic:
            return False
        return True


@lru_cache(maxsize=1)
def load_grammar() -> NameGrammar:
    suffixes = {r["suffix"]: r["type"] for r in _read_tsv("org_suffixes.tsv")}
    bounds = _read_tsv("name_boundaries.tsv")
    left = {r["word"] for r in bounds if r["role"] == "left"}
    generic = {r["word"] for r in bounds if r["role"] == "generic"}
    return NameGrammar(suffixes, left, generic)
