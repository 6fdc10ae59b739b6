"""Sentence and clause boundaries: the unit that evidence cites and relations live in.

A sentence is also the window every relation rule searches, so its length bounds the
work: a rule that looks once per name over the whole sentence is quadratic in it. Real
sentences of the genre stay under 300 characters (the longest of 1,799 in the shared corpora
is 259);
a stretch with no sentence end — a list of ten thousand names, a page with its
punctuation stripped, a five-megabyte line — is cut into pieces of at most
`MAX_SENTENCE` characters at the best boundary it has: a line break, a comma, a 、, a
blank, or, with none of these, hard at the limit. So extraction time grows with the
text, not with its square. (The limit trades the rules' cost, which grows with the square
of a sentence's names, against a long real sentence losing its subject past a cut: 400
keeps every real sentence whole; docs/reliability.md has the figures.)
"""
from __future__ import annotations

import re

__all__ = ["split_sentences", "runaway_stretches", "MAX_SENTENCE"]

MAX_SENTENCE = 400
# Where a runaway stretch is best cut, best first: after one of these characters.
_BREAKS = ("\n", "，,", "、", " \t\u3000")

# A sentence ends at 。！？; a clause (for list items "一是…；二是…") at ；. Lines end sentences
# too: scraped pages put headings and list items on lines of their own.
_END = re.compile(r"[^。！？!?；;\n]*(?:[。！？!?；;]+[”’」』)]?|\n|$)")
_END_IN_PARAGRAPH = re.compile(r"[^。！？!?；;]*(?:[。！？!?；;]+[”’」』)]?|$)")


def _cuts(text: str, s: int, e: int, limit: int):
    """(start, end) pieces of text[s:e], each at most `limit` long, cut at the best boundary
    in the second half of each window."""
    while e - s > limit:
        window_end = s + limit
        cut = -1
        for chars in _BREAKS:
            cut = max(text.rfind(c, s + limit // 2, window_end) for c in chars)
            if cut >= 0:
                cut += 1
                break
        if cut < 0:
            cut = window_end
        yield s, cut
        s = cut
    yield s, e


def split_sentences(text: str, start: int = 0, end: int | None = None, lines_end: bool = True,
                    limit: int = MAX_SENTENCE):
    """(start, end) of each non-blank sentence of text[start:end], none longer than `limit`.
    With `lines_end=False` a line break does not end a sentence (a paragraph broken into
    lines by a converter).

    >>> t = "甲与乙合作。丙将与丁签约；\\n戊"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['甲与乙合作。', '丙将与丁签约；', '戊']
    >>> t = "甲乙丙、丁戊己、庚辛壬癸、子丑寅卯辰巳午未。"
    >>> [t[s:e] for s, e in split_sentences(t, limit=8)]
    ['甲乙丙、丁戊己、', '庚辛壬癸、', '子丑寅卯辰巳午未', '。']
    """
    end = len(text) if end is None else end
    out = []
    for m in (_END if lines_end else _END_IN_PARAGRAPH).finditer(text, start, end):
        s, e = m.span()
        if s == e:
            continue
        for s, e in (_cuts(text, s, e, limit) if e - s > limit else ((s, e),)):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((s, e))
    return out


def runaway_stretches(text: str, limit: int = MAX_SENTENCE) -> int:
    r"""How many stretches of `text` run over `limit` characters without a sentence end or a
    line break (and so are cut by `split_sentences`): the figure the build report gives for
    a document.

    >>> runaway_stretches("甲与乙合作。" * 3), runaway_stretches("甲、" * 300 + "。\n" + "乙" * 600, limit=500)
    (0, 2)
    """
    return sum(1 for m in _END.finditer(text) if m.end() - m.start() > limit)
