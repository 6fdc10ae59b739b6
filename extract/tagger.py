"""`rc_tagger`: a pretrained statistical tagger (Baidu's LAC) ahead of the rule-based recogniser.

Rules cannot anticipate every name; LAC, trained on a large annotated corpus, proposes
ORG/LOC/PER/TIME spans and gives words with PKU-style parts of speech (c, p, v, n ...)
that a relation reader can read coordination and prepositions from. The component only
proposes: the grammar and the gazetteers downstream judge.

    >>> import extract
    >>> doc = extract.load()("北京市商务委员会与澳门贸易投资促进局签署战略合作协议。")
    >>> [(s.text, s.label_) for s in doc.spans["tagger"]]
    [('北京市商务委员会', 'ORG'), ('澳门贸易投资促进局', 'ORG')]
    >>> [(w.text, w.pos) for w in doc._.words][1:4]
    [('与', 'p'), ('澳门贸易投资促进局', 'ORG'), ('签署', 'v')]

It gives two things:

- `doc._.words`: a tuple of `Word(start, end, text, pos)`, character offsets into the
  Doc's text, over every sentence it tagged. The tokenizer is one token per character, so
  words are not tokens.
- `doc.spans["tagger"]`: one Span per ORG/LOC/PER/TIME proposal, labelled with LAC's tag.

It tags the simplified twin of the text (LAC reads simplified Chinese; the twin has the
same offsets, so a traditional document gets its own offsets back), and only what can hold
a name: content lines (never page furniture), sentence by sentence as the relation reader
reads them, sentences with a Chinese character and at least `min_chars` characters. A
sentence longer than `MAX_PIECE` is cut into pieces at a comma where it can, hard
where it cannot.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extract.normalise import simplified
from extract.sentences import split_sentences

__all__ = ["Word", "pieces", "tag_text", "SPAN_GROUP", "MAX_PIECE"]

# The longest piece given to the model: LAC was trained on sentences of this order, and a
# batch costs as much as its longest row.
MAX_PIECE = 128
SPAN_GROUP = "tagger"
_CJK = re.compile(r"[\u3400-\u9fff]")
_SOFT_CUT = "，,、：:"

if not Doc.has_extension("words"):
    Doc.set_extension("words", default=None)


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str
    pos: str        # a PKU-style part of speech (n, v, p, c, vn, w ...) or a name: ORG, LOC, PER, TIME


def _cuts(text: str, lo: int, hi: int, limit: int):
    """(start, end) pieces of text[lo:hi], each at most `limit` long: cut after the last
    comma (，、：) that fits, else hard. Each step looks at one window: linear in the length."""
    while hi - lo > limit:
        window = text[lo:lo + limit]
        cut = max(window.rfind(c) for c in _SOFT_CUT) + 1
        if cut < limit // 4:
            cut = limit
        yield lo, lo + cut
        lo += cut
    if hi > lo:
        yield lo, hi


def pieces(simp: str, min_chars: int, limit: int, lines=None):
    """(start, end) of each stretch of the simplified text to tag: content sentences with a
    Chinese character and at least `min_chars` characters, cut at `limit` characters.

    >>> text = "当前位置:首页 > 新闻\\n甲大学与乙大学签署合作协议。好。\\nICP备案"
    >>> [text[s:e] for s, e in pieces(text, 4, 128)]
    ['甲大学与乙大学签署合作协议。']
    """
    from extract.pipeline import _paragraphs   # the relation reader's paragraphs, so words match its sentences

    for lo, hi, broken in _paragraphs(simp, lines):
        for s, e in split_sentences(simp, lo, hi, lines_end=not broken):
            if e - s >= min_chars and _CJK.search(simp, s, e):
                yield from _cuts(simp, s, e, limit)


def tag_text(simp: str, tagger, min_chars: int, limit: int, lines=None) -> tuple[Word, ...]:
    """The words of every stretch `pieces` picks, with offsets into `simp`."""
    spans = list(pieces(simp, min_chars, limit, lines))
    words = []
    for (s, _), runs in zip(spans, tagger.tag([simp[s:e] for s, e in spans])):
        pos = s
        for n, tag in runs:
            words.append(Word(pos, pos + n, simp[pos:pos + n], tag))
            pos += n
    return tuple(words)


class Tagger:
    def __init__(self, nlp: Language, name: str, batch_size: int, cache_size: int, threads: int, min_chars: int,
                 max_chars: int, content_only: bool):
        from extract.lac import NAME_TAGS, lac_tagger

        self.lac = lac_tagger(batch_size, cache_size, threads)
        self.name_tags = set(NAME_TAGS)
        self.min_chars, self.max_chars, self.content_only = min_chars, max_chars, content_only

    def __call__(self, doc: Doc) -> Doc:
        from extract.pipeline import doc_text

        text = doc_text(doc)
        simp = doc._.simplified or simplified(text)
        doc._.simplified = simp
        lines = None if self.content_only else _all_lines(simp)
        words = tag_text(simp, self.lac, self.min_chars, self.max_chars, lines)
        # words carry the text as written (traditional where the document is)
        words = tuple(Word(w.start, w.end, text[w.start:w.end], w.pos) for w in words) if simp != text else words
        doc._.words = words
        spans = []
        for w in words:
            if w.pos in self.name_tags:
                span = doc.char_span(w.start, w.end, label=w.pos, alignment_mode="expand")
                if span is not None:
                    spans.append(span)
        doc.spans[SPAN_GROUP] = spans
        return doc


def _all_lines(simp: str):
    """Every non-blank line, furniture too (for measuring what skipping furniture saves)."""
    pos = 0
    for line in simp.split("\n"):
        if line.strip():
            yield pos, pos + len(line)
        pos += len(line) + 1


@Language.factory("rc_tagger",
                  default_config={"batch_size": 32, "cache_size": 20_000, "threads": 1, "min_chars": 4,
                                  "max_chars": MAX_PIECE, "content_only": True},
                  assigns=["doc._.words", "doc.spans"])
def make_tagger(nlp: Language, name: str, batch_size: int, cache_size: int, threads: int, min_chars: int,
                max_chars: int, content_only: bool):
    return Tagger(nlp, name, batch_size, cache_size, threads, min_chars, max_chars, content_only)
