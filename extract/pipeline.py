"""The spaCy pipeline: `spacy.blank("zh")` with our registered components.

    >>> import extract
    >>> nlp = extract.load()
    >>> doc = nlp("湖南大学与香港城市大学签订了合作协议。")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('湖南大学', 'University'), ('香港城市大学', 'University')]
    >>> sorted({r.kind for r in doc._.relations})
    ['partner', 'party']

Components (in order): `rc_entities` finds and resolves mentions (doc.ents, with the
canonical name as `kb_id_`), `rc_relations` reads relations between them
(doc._.relations). Both work on a simplified twin of the text with the same offsets, so a
traditional-character document yields simplified keys and cites its own sentences.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.boilerplate import content_spans
from extract.gazetteer import Gazetteer, Known, load_gazetteer
from extract.normalise import simplified
from extract.recognise import Span, recognise
from extract.records import Evidence, Relation
from extract.relations import (FOUNDING, Actor, clause_status, section_status, sentence_relations)
from extract.resolve import DocContext, Resolved, province_of, resolve_span
from extract.sentences import split_sentences
from extract.zh_names import load_grammar

__all__ = ["load", "ResolvedMention"]

ORG_TYPES = {"University", "ResearchInstitute", "ChamberOfCommerce", "GovernmentAgency", "Enterprise",
             "Organization"}
_PLAN_TITLE = re.compile(r"规划|方案|意见|计划|纲要|措施|办法|行动")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[章节部分])")


@dataclass
class ResolvedMention:
    start: int
    end: int
    surface: str            # as written (traditional where the text is)
    entity: Resolved
    inner: list["ResolvedMention"] = field(default_factory=list)


for _name in ("mentions", "relations", "context", "simplified"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


_TEXT = "rc_text"
_WHITESPACE = re.compile(r"\s+")   # the same characters as str.isspace()


def _chars_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    """spaCy's zh "char" segmentation (`get_words_and_spaces(list(text), text)`) in one pass.

    spaCy's version searches `text[pos:]` for every character, which copies the rest of the
    text each time; here each character is visited once. Same tokens: one per non-space
    character, a run of other whitespace as one token, a single space after a token as its
    trailing space. Whole stretches between whitespace are split in C (`list.extend`).

    >>> _chars_and_spaces("湖南 大学\\n\\n合作 ")
    (['湖', '南', '大', '学', '\\n\\n', '合', '作'], [False, True, False, False, False, False, True])
    """
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for m in _WHITESPACE.finditer(text):
        a, b = m.span()
        if a > pos:
            words.extend(text[pos:a])
            spaces.extend([False] * (a - pos))
            if text[a] == " ":
                spaces[-1] = True
                a += 1
        if b > a:
            words.append(text[a:b])
            spaces.append(False)
        pos = b
    words.extend(text[pos:])
    spaces.extend([False] * (len(text) - pos))
    return words, spaces


class CharTokenizer:
    """One token per character, and the Doc keeps its text.

    `Doc.text` rebuilds the text by visiting every token (one Python object per character),
    which cost more than recognition itself; the components read the kept text instead.
    """

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words, spaces = _chars_and_spaces(text)
        doc = Doc(self.vocab, words=words, spaces=spaces)
        doc.user_data[_TEXT] = text
        return doc


def _doc_text(doc: Doc) -> str:
    """The Doc's text, without rebuilding it from tokens when the tokenizer kept it."""
    text = doc.user_data.get(_TEXT)
    return doc.text if text is None else text


def _detect_context(text: str, simp: str, gaz: Gazetteer, grammar) -> DocContext:
    """Author from the header lines (or the signature), province from the author or the text."""
    ctx = DocContext()
    head_end = 0
    lines = simp.split("\n")
    pos = 0
    candidates = []
    for line in lines[:15]:
        for sp in recognise(simp, gaz, grammar, pos, pos + len(line)):
            if sp.type in ORG_TYPES and sp.source in ("gazetteer", "grammar"):
                candidates.append(sp)
        pos += len(line) + 1
        if len(candidates) >= 1 and pos > 400:
            break
    for sp in candidates:
        r = resolve_span(sp, gaz, ctx)
        if r is not None and r.type in ORG_TYPES:
            ctx.author, ctx.author_type = r.canonical, r.type
            ctx.province = r.region
            break
    if ctx.province is None:
        counts = Counter()
        for s, e, known in gaz.matches(simp):
            if known.type == "Region" and known.level == "province":
                counts[known.canonical] += 1
        if counts:
            ctx.province = counts.most_common(1)[0][0]
    if ctx.author and ctx.province and ctx.author.startswith("省"):
        ctx.author = gaz.province_full.get(ctx.province, ctx.province) + ctx.author[1:]
    return ctx


class EntityRecogniser:
    def __init__(self, nlp: Language, name: str, gazetteer_dir: str | None = None):
        self.gazetteer = load_gazetteer(gazetteer_dir)
        self.grammar = load_grammar()

    def __call__(self, doc: Doc) -> Doc:
        text = _doc_text(doc)
        simp = simplified(text)
        doc._.simplified = simp
        gaz = self.gazetteer
        ctx = _detect_context(text, simp, gaz, self.grammar)
        doc._.context = ctx
        mentions = []
        for lo, hi in content_spans(simp):
            for sp in recognise(simp, gaz, self.grammar, lo, hi):
                m = self._resolve(sp, text, ctx)
                if m is not None:
                    mentions.append(m)
        doc._.mentions = mentions
        ents = []
        for m in mentions:
            span = doc.char_span(m.start, m.end, label=m.entity.type, kb_id=m.entity.canonical,
                                 alignment_mode="expand")
            if span is not None and (not ents or span.start >= ents[-1].end):
                ents.append(span)
        doc.ents = ents
        return doc

    def _resolve(self, sp: Span, text: str, ctx: DocContext) -> ResolvedMention | None:
        r = resolve_span(sp, self.gazetteer, ctx)
        if r is None:
            return None
        inner = [m for m in (self._resolve(i, text, ctx) for i in sp.inner) if m is not None]
        return ResolvedMention(sp.start, sp.end, text[sp.start:sp.end], r, inner)


def _parent_of(m: ResolvedMention, gaz: Gazetteer, ctx: DocContext) -> str | None:
    if m.entity.parent:
        return m.entity.parent
    for inner in m.inner:
        if inner.start == m.start and inner.entity.type in ORG_TYPES | {"FreeTradeZone", "DevelopmentZone"} \
                and inner.end < m.end:
            return inner.entity.canonical
    if m.entity.type == "FreeTradeZone" and m.entity.canonical.endswith("片区") and ctx.province:
        for known in gaz.by_canonical.values():
            if known.type == "FreeTradeZone" and known.region == ctx.province and not known.parent:
                return known.canonical
    return None


class RelationReader:
    def __init__(self, nlp: Language, name: str):
        self.gazetteer = load_gazetteer(None)

    def __call__(self, doc: Doc) -> Doc:
        text, simp, ctx = _doc_text(doc), doc._.simplified, doc._.context
        mentions = doc._.mentions or []
        relations: list[Relation] = []
        gaz = self.gazetteer
        plan_doc = bool(_PLAN_TITLE.search(simp[:200]))
        status = "planned" if plan_doc else "realized"
        subject = None
        if ctx.author:
            if plan_doc or ctx.author.endswith(("人民政府", "人民政府办公厅")):
                if ctx.province:
                    subject = Actor(-1, -1, ctx.province, "Region", implicit=True)
            else:
                subject = Actor(-1, -1, ctx.author, ctx.author_type or "GovernmentAgency", implicit=True)
        elif ctx.province:
            subject = Actor(-1, -1, ctx.province, "Region", implicit=True)

        by_start = sorted(mentions, key=lambda m: m.start)
        idx = 0
        for lo, hi in content_spans(simp):
            line = simp[lo:hi]
            if _HEADING.match(line) and len(line) < 60:
                status = section_status(line, status)
            for s, e in split_sentences(simp, lo, hi):
                while idx < len(by_start) and by_start[idx].start < s:
                    idx += 1
                j = idx
                ms = []
                while j < len(by_start) and by_start[j].end <= e:
                    ms.append(by_start[j])
                    j += 1
                sentence = simp[s:e]
                ev = Evidence(text[s:e], s, e)
                st = clause_status(sentence, status)
                for m in ms:
                    for inner in [m] + m.inner:
                        parent = _parent_of(inner, gaz, ctx)
                        if parent and parent != inner.entity.canonical:
                            relations.append(Relation("partOf", inner.entity.canonical, parent, "realized",
                                                      False, ev))
                actors = [Actor(m.start, m.end, m.entity.canonical, m.entity.type, m.entity.implicit)
                          for m in ms if m.entity.type != "Agreement"]
                for kind, head, tail, implicit in sentence_relations(sentence, s, actors, subject):
                    if kind == "agreement":
                        parties = sorted(set(head))
                        named = [m for m in ms if m.entity.type == "Agreement"]
                        noun = re.sub(r"^(?:签署|签订|签约|达成|缔结)了?", "", tail)
                        agreement = named[0].entity.canonical if named else "、".join(parties) + noun
                        for p in parties:
                            relations.append(Relation("party", agreement, p, st, implicit, ev))
                    else:
                        relations.append(Relation(kind, head, tail, st, implicit, ev))
        doc._.relations = relations
        return doc


@Language.factory("rc_entities", default_config={"gazetteer_dir": None},
                  assigns=["doc.ents", "doc._.mentions", "doc._.context", "doc._.simplified"])
def make_entity_recogniser(nlp: Language, name: str, gazetteer_dir: str | None):
    return EntityRecogniser(nlp, name, gazetteer_dir)


@Language.factory("rc_relations", requires=["doc.ents"], assigns=["doc._.relations"])
def make_relation_reader(nlp: Language, name: str):
    return RelationReader(nlp, name)


def load(gazetteer_dir: str | None = None) -> Language:
    """A ready pipeline. Nothing is downloaded: the tables ship with the package."""
    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    nlp.add_pipe("rc_entities", config={"gazetteer_dir": gazetteer_dir})
    nlp.add_pipe("rc_relations")
    return nlp
