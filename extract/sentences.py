"""Sentence and clause boundaries: the unit that evidence cites and relations live in."""
from __future__ import annotations

import re

__all__ = ["split_sentences"]

# A sentence ends at 。！？; a clause (for list items "一是…；二是…") at ；. Lines end sentences
# too: scraped pages put headings and list items on lines of their own.
_END = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』)]?|\n|$)")
_END_IN_PARAGRAPH = re.compile(r"[^。！？!?；;]*(?:[。！？!?；;]+[”’」』)]?|$)")


def split_sentences(text: str, start: int = 0, end: int | None = None, lines_end: bool = True):
    """(start, end) of each non-blank sentence of text[start:end]. With `lines_end=False` a
    line break does not end a sentence (a paragraph broken into lines by a converter).

    >>> t = "甲与乙合作。丙将与丁签约；\\n戊"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['甲与乙合作。', '丙将与丁签约；', '戊']
    """
    end = len(text) if end is None else end
    out = []
    for m in (_END if lines_end else _END_IN_PARAGRAPH).finditer(text, start, end):
        s, e = m.span()
        if s == e:
            continue
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out
