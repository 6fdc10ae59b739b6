"""The spaCy pipeline: `spacy.blank("zh")` with our registered components.

    >>> import extract
    >>> nlp = extract.load()
    >>> doc = nlp("湖南大学与香港城市大学签订了合作协议。")
    >>> [(e.text, e.label_) for e in doc.ents]
    [('湖南大学', 'University'), ('香港城市大学', 'University')]
    >>> sorted({r.kind for r in doc._.relations})
    ['partner', 'party']

Components (in order): `rc_context` reads who wrote the document and where it stands
(doc._.context) and makes the simplified twin of the text (doc._.simplified), `rc_tagger`
(optional) gives words and name proposals, `rc_entities` finds and resolves mentions
(doc.ents, with the canonical name as `kb_id_`), `rc_relations` runs the relation rules
over them (doc._.relations). All work on a simplified twin of the text with the same offsets, so a
traditional-character document yields simplified keys and cites its own sentences.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extract.boilerplate import content_spans
from extract.gazetteer import Gazetteer, load_gazetteer
from extract.lexicons import alternation
from extract.normalise import simplified
from extract.proposals import judge
from extract.recognise import SCHOOL_UNITS, SELF_REFERENCES, Span, recognise
from extract.records import Evidence, Relation
from extract.parents import PARENT_TYPES, more_than_a_head, unit_short_names
from extract.rules import Actor, DocumentFacts, Sentence, Word, read_sentence, registered, rule_order
from extract.rules.status import candidate_status, document_status, is_plan, section_status
from extract.resolve import DocContext, Resolved, name_region, resolve_span
from extract.sentences import split_sentences
from extract.stand_ins import delegations, officials, proxy_spans
from extract.tagger_names import DEFAULT_TAGGER, TAGGERS
from extract.zh_names import load_grammar

__all__ = ["load", "ResolvedMention"]

ORG_TYPES = {"University", "ResearchInstitute", "ChamberOfCommerce", "GovernmentAgency", "Enterprise",
             "Organization"}
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[章节部分])")


@dataclass
class ResolvedMention:
    start: int
    end: int
    surface: str            # as written (traditional where the text is)
    entity: Resolved
    inner: list["ResolvedMention"] = field(default_factory=list)
    parties: list["ResolvedMention"] = field(default_factory=list)   # named in an agreement's title


for _name in ("mentions", "relations", "context", "simplified"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


_TEXT = "rc_text"
_LINES = "rc_content_lines"
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


def doc_text(doc: Doc) -> str:
    """The Doc's text, without rebuilding it from tokens when the tokenizer kept it."""
    text = doc.user_data.get(_TEXT)
    return doc.text if text is None else text


_SIGNATURE_DATE = re.compile(r"^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
_MEDIA = re.compile(r"报|电视台|广播|新闻|通讯社|日报|晚报|网$|传媒|杂志|资讯|课题组$|调研组$|研究组$|写作组$|编辑部$")


_LINE_NOISE = re.compile(r"[\x00-\x7f]|发布时间|发布日期|来源|字体|字号|文件|浏览|次数|日期|时间|[【】\[\]()（）:：|·\s]")


def _line_org(simp: str, lo: int, hi: int, gaz: Gazetteer, grammar, ctx: DocContext):
    """The organisation a header or signature line is: the line opens with its name and the
    rest is furniture (a URL, 发布时间, 文件) or the title it issues (X关于…的通知)."""
    for sp in recognise(simp, gaz, grammar, lo, hi):
        if sp.type not in ORG_TYPES or sp.source not in ("gazetteer", "grammar"):
            continue
        if simp[lo:sp.start].strip():
            return None
        rest = simp[sp.end:hi]
        if len(_LINE_NOISE.sub("", rest)) > 6 and not rest.startswith("关于"):
            return None
        r = resolve_span(sp, gaz, ctx)
        if r is not None and r.type in ORG_TYPES:
            return r
    return None


def _detect_context(text: str, simp: str, gaz: Gazetteer, grammar) -> DocContext:
    """Author from the header (a line that is an organisation's name, or the subject of the
    title "X关于…的通知") or the signature above the closing date; province from the author,
    else the province the text names most."""
    ctx = DocContext()
    lines, pos = [], 0
    for line in simp.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    content = [(a, b) for a, b in lines if simp[a:b].strip()]
    found = None
    for a, b in content[:8]:
        found = _line_org(simp, a, b, gaz, grammar, ctx)
        if found is not None:
            break
    if found is None:
        for i in range(len(content) - 1, max(len(content) - 6, 0), -1):
            a, b = content[i]
            if _SIGNATURE_DATE.match(simp[a:b]) and i > 0:
                found = _line_org(simp, *content[i - 1], gaz, grammar, ctx)
                break
    if found is not None:
        ctx.author, ctx.author_type, ctx.province = found.canonical, found.type, found.region
    else:
        _unnamed_author(simp, content, ctx)
    if ctx.province is None:
        counts = Counter()
        for s, e, known in gaz.matches(simp):
            if known.type == "Region" and known.level == "province":
                counts[known.canonical] += 1
        sars = {k: v for k, v in counts.items() if k in ("香港", "澳门")}
        if sars and "行政长官" in simp[:300]:
            # a Hong Kong or Macau government release about its Chief Executive
            ctx.province = max(sars, key=sars.get)
        elif counts:
            ctx.province = counts.most_common(1)[0][0]
    return ctx


def _localities(simp: str, spans: list[Span]) -> dict[str, str]:
    """The district, city and county a text is about: for each of 区/市/县, the place the text
    names most often with that word (南沙区, 南沙区工商联 → 南沙区), if named at least twice."""
    counts: dict[str, Counter] = {"区": Counter(), "市": Counter(), "县": Counter()}
    places = [sp for span in spans for sp in [span] + span.inner if sp.known is not None]
    for sp in places:
        e, known = sp.end, sp.known
        if known.type != "Region" or known.level not in ("city", "county"):
            continue
        word = simp[e - 1] if simp[e - 1] in counts else simp[e:e + 1]
        if word in counts:
            counts[word][known.canonical] += 1
    out = {}
    for word, c in counts.items():
        ranked = c.most_common(2)
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
            out[word] = ranked[0][0] + word
    return out


_ZONE_SHORT = re.compile(r"自由贸易试验区|自贸试验区|自贸区")


def _with_zone_short_forms(simp: str, mentions: list["ResolvedMention"]) -> list["ResolvedMention"]:
    """自贸试验区 alone, in a text that names one free-trade zone in full, is that zone: the
    report on 中国(湖南)自由贸易试验区 calls it 自贸试验区 from then on."""
    zones = {m.entity.canonical: m.entity for m in mentions
             if m.entity.type == "FreeTradeZone" and not m.entity.parent}
    if len(zones) != 1:
        return mentions
    zone = next(iter(zones.values()))
    first = min(m.start for m in mentions if m.entity.canonical == zone.canonical)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    extra = [ResolvedMention(m.start(), m.end(), m.group(), replace(zone, implicit=True, known=zone.known), [])
             for m in _ZONE_SHORT.finditer(simp, first)
             if not any(i in taken for i in range(m.start(), m.end()))]
    return sorted(mentions + extra, key=lambda m: m.start) if extra else mentions


# 来源: 深圳特区报: the page names the paper or station it comes from, on a line the
# recogniser skips as furniture
_SOURCE = re.compile(r"^[ \t]*(?:来源|稿源|转自|出处)\s*[:：]\s*([\u4e00-\u9fff]{2,14}?(?:报|电视台|广播电台|通讯社|新闻社|网))(?=\s|$|[|｜])",
                     re.MULTILINE)


def _source_line(text: str, simp: str, gaz: Gazetteer) -> "ResolvedMention | None":
    m = _SOURCE.search(simp, 0, 600)
    if m is None:
        return None
    name = m.group(1)
    known = gaz.names.get(name)
    r = Resolved(known.canonical, known.type, known.region, known=True) if known is not None else \
        Resolved(name, "Organization", name_region(gaz, name))
    return ResolvedMention(m.start(1), m.end(1), text[m.start(1):m.end(1)], r, [])


_SELF_TYPE = {"会": "Organization", "校": "University", "院": "ResearchInstitute", "所": "ResearchInstitute",
              "公司": "Enterprise", "集团": "Enterprise"}


def _unnamed_author(simp: str, lines, ctx: DocContext) -> None:
    """A page that calls its writer only 本局 (a bureau's news page, 本局最新动态) still has a
    writer: an entity of this document alone, shown as the text calls it. It counts only where
    the self-reference stands in the opening lines (a title, a breadcrumb) or recurs, not in
    one speaker's quoted 我会."""
    found = list(SELF_REFERENCES.finditer(simp))
    if not found:
        return
    opening = lines[5][0] if len(lines) > 5 else len(simp)
    if found[0].start() >= opening and len(found) < 3:
        return
    word = Counter("本" + m.group()[1:] for m in found).most_common(1)[0][0]
    scope = hashlib.sha1(simp.encode("utf-8")).hexdigest()[:8]
    ctx.author, ctx.author_label = f"{word}〔{scope}〕", word
    ctx.author_type = next((t for h, t in _SELF_TYPE.items() if word.endswith(h)), "GovernmentAgency")


_LINE_DONE = set("。！？!?；;：:”」』)）")


def _paragraphs(simp: str, lines=None):
    """(start, end, broken) of each paragraph of content: a line, or lines a converter broke
    out of one paragraph (a long line that stops mid-sentence, then the next line), where a
    line break does not end a sentence. `lines` are the content lines, if already known."""
    start = end = None
    broken = False
    for lo, hi in (lines if lines is not None else content_spans(simp)):
        if start is not None:
            last = simp[end - 1:end]
            if end - _line_start(simp, end) >= 40 and last not in _LINE_DONE and not simp[end:lo].strip() \
                    and not _HEADING.match(simp[lo:hi]):
                end, broken = hi, True
                continue
            yield start, end, broken
        start, end, broken = lo, hi, False
    if start is not None:
        yield start, end, broken


def _line_start(simp: str, pos: int) -> int:
    return simp.rfind("\n", 0, pos) + 1


def _blank_furniture(simp: str, lines) -> str:
    """The text with every furniture line (ICP numbers, share buttons …) turned to spaces;
    `lines` are the content lines."""
    chars = [" " if c != "\n" else c for c in simp]
    for lo, hi in lines:
        chars[lo:hi] = simp[lo:hi]
    return "".join(chars)


def is_media(name: str) -> bool:
    """A newspaper, a broadcaster or a research group writes about cooperation; it is not the
    actor (中共湖南省委改革办课题组 reports on what the free-trade zone does)."""
    return bool(_MEDIA.search(name))


_TITLE_AND = {"与", "和", "同", "-", "—", "、", "及"}


def _with_officials(simp: str, mentions: list["ResolvedMention"], ctx: DocContext) -> list["ResolvedMention"]:
    """The mentions and, in order among them, each later mention of an official by name or of a
    delegation by its noun, which acts for the body (丘应桦表示 … after 商务及经济发展局局长丘应桦;
    代表团还参观了 … after 香港中华总商会代表团)."""
    bodies = [(m.start, m.end, m.entity.canonical, m.entity.type) for m in mentions
              if m.entity.type in ORG_TYPES or m.entity.type == "Region"]
    sar = ctx.province if ctx.province in ("香港", "澳门") else None
    found = officials(simp, bodies, sar)
    taken = {i for m in mentions for i in range(m.start, m.end)}
    stand_ins = proxy_spans(simp, found, taken) if found else []
    stand_ins += [d for d in delegations(simp, bodies) if d[0] not in taken]
    if not stand_ins:
        return mentions
    region = {m.entity.canonical: m.entity.region for m in mentions}
    proxies = [ResolvedMention(s, e, simp[s:e], Resolved(o.body, o.body_type, region.get(o.body, sar), implicit=True,
                                                         proxy=True))
               for s, e, o in stand_ins]
    return sorted(mentions + proxies, key=lambda m: m.start)


def _proposals(doc: Doc) -> list[tuple[int, int, str]]:
    """The names a tagger before us proposed (`doc.spans["tagger"]`), as character spans."""
    if "tagger" not in doc.spans:
        return []
    return [(sp.start_char, sp.end_char, sp.label_) for sp in doc.spans["tagger"]]


def _own_part(a: str, b: str) -> bool:
    """香港理工大学 and 香港理工大学护理学院: one is named after the other, so it is its part."""
    return len(a) != len(b) and (b.startswith(a) or a.startswith(b)) and min(len(a), len(b)) >= 4


class ContextReader:
    """`rc_context`: who wrote the document and which province it stands in, read before any
    name is recognised so that recognition and relations read the same context. A context
    set beforehand (a later piece of a long document gets the first piece's) is kept."""

    def __init__(self, nlp: Language, name: str, gazetteer_dir: str | None = None):
        self.gazetteer = load_gazetteer(gazetteer_dir)
        self.grammar = load_grammar()

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        doc._.simplified = simp = simplified(text)
        if doc._.context is None:
            doc._.context = _detect_context(text, simp, self.gazetteer, self.grammar)
        return doc


class EntityRecogniser:
    def __init__(self, nlp: Language, name: str, gazetteer_dir: str | None = None):
        self.gazetteer = load_gazetteer(gazetteer_dir)
        self.grammar = load_grammar()
        self._units: set[int] = set()      # this document's unit mentions, which own no further units

    def __call__(self, doc: Doc) -> Doc:
        self._units = set()
        text = doc_text(doc)
        simp, ctx = doc._.simplified, doc._.context
        if simp is None or ctx is None:
            raise ValueError("rc_entities reads the document's context: put rc_context before it")
        gaz = self.gazetteer
        mentions = []
        # one pass over the whole text, furniture lines blanked (offsets stay): the automaton and
        # the grammar's regexes run once per document, not once per line
        lines = list(content_spans(simp))
        doc.user_data[_LINES] = lines     # the relation reader reads the same lines
        content = _blank_furniture(simp, lines)
        spans = recognise(content, gaz, self.grammar, proposed=judge(content, _proposals(doc), gaz, self.grammar),
                          words=_tagger_words(doc, simp))
        if not ctx.localities:
            ctx.localities = _localities(simp, spans)
        for sp in spans:
            if sp.source == "anaphor":
                m = _antecedent(sp, simp, mentions)
            elif sp.source == "unit":
                m = self._unit(sp, text, simp, mentions, ctx)
            else:
                m = self._resolve(sp, text, ctx)
            if m is not None:
                mentions.append(m)
        mentions = _with_zone_short_forms(simp, mentions)
        source = _source_line(text, simp, self.gazetteer)
        if source is not None:
            mentions = sorted(mentions + [source], key=lambda m: m.start)
        mentions = _with_officials(simp, mentions, ctx)
        doc._.mentions = mentions
        ents = []
        for m in mentions:
            if m.entity.proxy:
                continue
            span = doc.char_span(m.start, m.end, label=m.entity.type, kb_id=m.entity.canonical,
                                 alignment_mode="expand")
            if span is not None and (not ents or span.start >= ents[-1].end):
                ents.append(span)
        doc.ents = ents
        return doc

    def _resolve(self, sp: Span, text: str, ctx: DocContext) -> ResolvedMention | None:
        if sp.source == "context":
            # which SAR: the document's own, else the one the text named last
            simp = simplified(text[:sp.start])
            hk, mo = simp.rfind("港"), simp.rfind("澳")
            sar = ctx.province if ctx.province in ("香港", "澳门") else "香港" if hk > mo else "澳门" if mo > hk else None
            if sar is None:
                return None
            template, typ, parent = self.gazetteer.sar_aliases[sp.text]
            r = Resolved(template.format(sar=sar), typ, sar, parent.format(sar=sar) if parent else None)
            inner = []
            if parent:
                # 中联办经济部 names 中联办 too: its parent, which the graph holds as an entity
                whole = Resolved(parent.format(sar=sar), typ, sar, implicit=True)
                inner.append(ResolvedMention(sp.start, sp.end, text[sp.start:sp.end], whole, []))
            return ResolvedMention(sp.start, sp.end, text[sp.start:sp.end], r, inner)
        r = resolve_span(sp, self.gazetteer, ctx)
        if r is None:
            return None
        inner = [m for m in (self._resolve(i, text, ctx) for i in sp.inner if _may_contain(sp, i))
                 if m is not None]
        parties = self._parties_in_title(sp, text, ctx) \
            if sp.source == "title" and r.type == "Agreement" and any(c in sp.text for c in _TITLE_AND) else []
        return ResolvedMention(sp.start, sp.end, text[sp.start:sp.end], r, inner, parties)

    def _unit(self, sp: Span, text: str, simp: str, earlier: list[ResolvedMention], ctx: DocContext):
        """A unit named bare before an official's title belongs to the body its sentence named
        last in full: a university's school or office (西北工业大学 … 研究生院院长), a government's
        department (云南省人民政府 … 投资促进局局长 → 云南省投资促进局), a party committee's
        department (四川省委常委、统战部部长 → 中共四川省委统战部); in a SAR's own text, its
        government's bureau (房屋局局长)."""
        lo = max(simp.rfind(c, 0, sp.start) for c in _SENTENCE_END) + 1
        owner = next((m for m in reversed(earlier) if lo <= m.start < sp.start and not m.entity.proxy
                      and id(m) not in self._units and m.entity.type in ("University", "GovernmentAgency", "Region")),
                     None)
        full, r = None, None
        if owner is not None:
            e = owner.entity
            if e.type == "University":
                school = e.parent if e.parent and e.parent in simp[:sp.start] else e.canonical
                full = school + sp.text
                typ = "University" if sp.text.endswith(SCHOOL_UNITS) else "Organization"
                r = Resolved(full, typ, e.region, parent=school)
            elif e.region in ("香港", "澳门") and sp.type == "GovernmentAgency":
                full = e.region + "特别行政区政府" + sp.text
            elif e.type == "GovernmentAgency" and re.search(r"(?:省|市|区|县|州)委$|^中共", e.canonical):
                r = Resolved(("" if e.canonical.startswith("中共") else "中共") + e.canonical + sp.text,
                             "GovernmentAgency", e.region, parent=e.canonical)
                full = r.canonical
            elif e.region and (e.type == "Region" or re.search(r"人民政府$|政府$", e.canonical)):
                place = e.canonical if e.type == "Region" else re.sub(r"(?:人民)?政府$", "", e.canonical)
                full = place + sp.text
        elif ctx.province in ("香港", "澳门") and sp.type == "GovernmentAgency":
            full = ctx.province + "特别行政区政府" + sp.text
        if full is None:
            return None
        if r is None:
            r = resolve_span(Span(sp.start, sp.end, full, sp.type, "grammar", head=sp.head), self.gazetteer, ctx)
            if r is None:
                return None
        m = ResolvedMention(sp.start, sp.end, text[sp.start:sp.end], r, [])
        self._units.add(id(m))
        return m

    def _parties_in_title(self, sp: Span, text: str, ctx: DocContext) -> list[ResolvedMention]:
        """《香港教育工作者联合会与贵州省教育厅…框架协议》: a title that opens with "A与B" names
        the parties itself."""
        simp = simplified(text[sp.start:sp.end])
        found = [s for s in recognise(simp, self.gazetteer, self.grammar)
                 if s.type in ORG_TYPES and s.source in ("gazetteer", "grammar")]
        if len(found) < 2 or found[0].start != 0 or simp[found[0].end:found[1].start] not in _TITLE_AND:
            return []
        out = []
        for party in found[:2]:
            r = resolve_span(party, self.gazetteer, ctx)
            if r is not None:
                a, b = sp.start + party.start, sp.start + party.end
                out.append(ResolvedMention(a, b, text[a:b], r, []))
        return out


_ANAPHOR_HEADS = {"会": ("会",), "局": ("局",), "校": ("大学", "学院", "学校"), "院": ("院",), "所": ("所",),
                  "中心": ("中心",), "公司": ("公司",), "集团": ("集团",), "厅": ("厅",), "办": ("办", "办公室"),
                  "委": ("委", "委员会"), "署": ("署",)}
_SENTENCE_END = "。！？!?\n"


def _antecedent(sp: Span, simp: str, earlier: list[ResolvedMention]) -> ResolvedMention | None:
    """该会 is the last 会 named before it that its own sentence does not name: a body does not
    sign with itself ("该会联同A与B签署": 该会 is neither A nor B)."""
    lo = max(simp.rfind(c, 0, sp.start) for c in _SENTENCE_END) + 1
    ends = [i for i in (simp.find(c, sp.end) for c in _SENTENCE_END) if i != -1]
    sentence = simp[lo:min(ends) if ends else len(simp)]
    heads = _ANAPHOR_HEADS[sp.head]
    for m in reversed(earlier):
        e = m.entity
        if e.type not in ORG_TYPES or not e.canonical.endswith(heads):
            continue
        if m.start >= lo or simplified(m.surface) in sentence or e.canonical in sentence:
            continue
        r = Resolved(e.canonical, e.type, e.region, implicit=True, known=e.known)
        return ResolvedMention(sp.start, sp.end, simp[sp.start:sp.end], r, [])
    return None


def _may_contain(host: Span, inner: Span) -> bool:
    """Regions inside a name give its region; a body at its start may be its parent; a known
    body right after it (理大华为…实验室) is named too."""
    if inner.type == "Region":
        return True
    if inner.source == "gazetteer" and any(i.end == inner.start and i.start == host.start and i.type != "Region"
                                           for i in host.inner):
        return True
    return inner.start == host.start and more_than_a_head(host.text[inner.end - host.start:]) and \
        (inner.source == "gazetteer" or inner.type in PARENT_TYPES.get(host.type, ()))


# 香港高校, 湖南企业: a place that qualifies a class of things is not itself an actor
_CLASS_NOUN = re.compile(r"(?:各)?(?:高校|企业|机构|学校|院校|社团|青年|学生|居民|同胞|市民|人士|投资者|资本|资金|产品|"
                         r"商品|市场|客商|媒体|专家|人才|团队)")


# 全国人大代表, 立法会议员: a deputy's seat, not the assembly acting (unlike 广州市商务局代表, the
# bureau's representatives, or a 区委常委 at a meeting)
_DEPUTY = {"人民代表大会": re.compile(r"代表(?![团处])"), "立法会": re.compile(r"议员")}


def _modifier(simp: str, m: "ResolvedMention") -> bool:
    if m.entity.type == "Region":
        return bool(_CLASS_NOUN.match(simp, m.end))
    return any(body in m.entity.canonical and seat.match(simp, m.end) for body, seat in _DEPUTY.items())


def _modifiers(simp: str, ms) -> set[int]:
    """ids of the mentions that qualify a noun rather than act: 香港高校, and every place of a
    list the noun follows (香港、澳门企业)."""
    out = set()
    for k, m in enumerate(ms):
        if _modifier(simp, m):
            out.add(id(m))
            j = k
            while j > 0 and ms[j - 1].entity.type == "Region" and simp[ms[j - 1].end:ms[j].start] in ("、", "和", "及"):
                j -= 1
                out.add(id(ms[j]))
    return out


def _mask_names(sentence: str, offset: int, mentions) -> str:
    """The sentence with names and 《titles》 blanked: their words say nothing about tense
    (促进 in 贸易投资促进局, 加强 in 《关于加强…的通知》)."""
    chars = list(sentence)
    for m in mentions:
        for i in range(max(m.start - offset, 0), min(m.end - offset, len(chars))):
            chars[i] = "＿"
    for t in _TITLE_SPAN.finditer(sentence):
        chars[t.start() + 1:t.end() - 1] = "＿" * (t.end() - t.start() - 2)
    return "".join(chars)


_TITLE_SPAN = re.compile(r"《[^《》]{1,80}》")


_OPENING = re.compile("^" + alternation("sentence_openers", "before_the_opening_body") + "?[,，、]?")


def _sentence_opener(sentence: str, offset: int, actors):
    """The body a sentence opens with (after 一是, 同时 ...), if any: the passage's agent."""
    if not actors:
        return None
    lead = _OPENING.match(sentence).end()
    first = actors[0]
    return first if first.start - offset == lead else None


def _topic(mentions) -> Resolved | None:
    """The body a report with no named writer is about: named at least three times, more often
    than any other (a chamber's delegation in a news story). Its omitted subjects are that body's."""
    counts = Counter(m.entity.canonical for m in mentions if m.entity.type in ORG_TYPES and not m.entity.implicit)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        # …or the free-trade zone a report is about, named again and again (自贸试验区应发挥…)
        zones = Counter(m.entity.canonical for m in mentions if m.entity.type == "FreeTradeZone"
                        and not m.entity.parent)
        top = zones.most_common(1)
        if top and top[0][1] >= 5 and len(zones) == 1:
            return next(m.entity for m in mentions if m.entity.canonical == top[0][0])
        return None
    return next(m.entity for m in mentions if m.entity.canonical == ranked[0][0])


class RelationReader:
    """Runs the registered relation rules (`extract.rules`) over each sentence, in the order
    `ontology/relation_rules.tsv` declares, and keeps what the document knows across sentences:
    the section's default status, the body the passage is about, the pair a 双方 means."""

    def __init__(self, nlp: Language, name: str, rules: list[str] | None = None):
        self.rules = tuple(rules) if rules is not None else rule_order()
        unknown = [r for r in self.rules if r not in registered()]
        if unknown:
            raise ValueError(f"rc_relations: no relation rule named {', '.join(unknown)}")

    def __call__(self, doc: Doc) -> Doc:
        text, simp, ctx = doc_text(doc), doc._.simplified, doc._.context
        mentions = doc._.mentions or []
        tagged = _tagger_words(doc, simp)
        starts = [w.start for w in tagged]
        relations: list[Relation] = []
        status = document_status(simp)
        subject = None
        if ctx.author and not is_media(ctx.author):
            if is_plan(simp) or ctx.author.endswith(("人民政府", "人民政府办公厅")):
                if ctx.province:
                    subject = Actor(-1, -1, ctx.province, "Region", implicit=True)
            else:
                subject = Actor(-1, -1, ctx.author, ctx.author_type or "GovernmentAgency", implicit=True)
        elif (topic := _topic(mentions)) is not None:
            subject = Actor(-1, -1, topic.canonical, topic.type, implicit=True)
        elif ctx.province:
            subject = Actor(-1, -1, ctx.province, "Region", implicit=True)

        known_here = frozenset(mm.entity.canonical for m in mentions for mm in [m] + m.inner
                               if mm.entity.type != "Region")
        # a body and its own province are a place, not partners; a province assumed for a
        # name that states none (正威国际集团 in a Jiangxi report) says nothing either way
        region_of = {m.entity.canonical: m.entity.region for m in mentions if not m.entity.assumed_region}
        if subject is not None:
            region_of.setdefault(subject.canonical, ctx.province)
        # what the text calls each body (本局 for 本局〔…〕): a unit's name is its parent's + a place + a head
        called: dict[str, str] = {}
        for m in mentions:
            for mm in [m] + m.inner:
                called.setdefault(mm.entity.label or mm.entity.canonical, mm.entity.canonical)
        facts = DocumentFacts(known_here, unit_short_names(known_here), called,
                              {key: name for name, key in called.items()}, ctx.author, ctx.province)
        by_start = sorted(mentions, key=lambda m: m.start)
        previous, last_pair = None, ()
        idx = 0
        default_subject = subject
        for lo, hi, broken in _paragraphs(simp, doc.user_data.get(_LINES)):
            line = simp[lo:hi]
            if _HEADING.match(line) and len(line) < 60:
                status = section_status(line, status)
                subject = default_subject
            for s, e in split_sentences(simp, lo, hi, lines_end=not broken):
                while idx < len(by_start) and by_start[idx].start < s:
                    idx += 1
                j = idx
                ms = []
                while j < len(by_start) and by_start[j].end <= e:
                    ms.append(by_start[j])
                    j += 1
                text_here = simp[s:e]
                ev = Evidence(text[s:e], s, e)
                modifiers = _modifiers(simp, ms)
                actors = tuple(Actor(m.start, m.end, m.entity.canonical, m.entity.type,
                                     m.entity.implicit and not m.entity.proxy, m.entity.known)
                               for m in ms if m.entity.type != "Agreement" and id(m) not in modifiers)
                opener = _sentence_opener(text_here, s, actors)
                if opener is not None and opener.implicit:
                    # who the passage is about until another body opens a sentence
                    subject = Actor(-1, -1, opener.canonical, opener.type, implicit=True)
                    region_of.setdefault(opener.canonical, ctx.province)
                sentence = Sentence(
                    text_here, s,
                    # names say nothing about tense: 促进 in 贸易投资促进局 is not a plan
                    masked=_mask_names(text_here, s, ms), actors=actors, subject=subject, pair=last_pair,
                    mentions=tuple(ms), previous=previous, section_status=status,
                    words=_words_within(tagged, starts, s, e),
                    following=simp[e:e + 20], paragraph=lo, document=facts)
                previous = sentence
                pairs_here = set()
                for c in read_sentence(sentence, self.rules):
                    if c.clause is not None and c.kind == "partner":
                        pairs_here.add((c.head, c.tail))
                        if region_of.get(c.head) == c.tail or region_of.get(c.tail) == c.head:
                            continue  # a body and its own province: a place, not a partner
                        if _own_part(c.head, c.tail):
                            continue  # a body and a unit named after it: a part, not a partner
                    relations.append(Relation(c.kind, c.head, c.tail, candidate_status(sentence, c), c.implicit,
                                              ev, c.rule))
                if len(pairs_here) == 1:
                    # the pair a following 双方 means
                    last_pair = tuple(Actor(-1, -1, name, "Organization") for name in next(iter(pairs_here)))
                elif pairs_here:
                    last_pair = ()
        doc._.relations = relations
        return doc


def _tagger_words(doc: Doc, simp: str) -> list[Word]:
    """The tagger's words (`doc._.words`, set by `rc_tagger` where it runs), else none; in
    simplified form, as the rules read the text, and in order."""
    words = doc._.words if Doc.has_extension("words") else None
    if not words:
        return []
    return sorted((Word(w.start, w.end, simp[w.start:w.end], w.pos) for w in words), key=lambda w: w.start)


def _words_within(words: list[Word], starts: list[int], lo: int, hi: int) -> tuple[Word, ...]:
    """The words that lie inside [lo, hi)."""
    i = bisect.bisect_left(starts, lo)
    out = []
    while i < len(words) and words[i].start < hi:
        if words[i].end <= hi:
            out.append(words[i])
        i += 1
    return tuple(out)


@Language.factory("rc_context", default_config={"gazetteer_dir": None},
                  assigns=["doc._.context", "doc._.simplified"])
def make_context_reader(nlp: Language, name: str, gazetteer_dir: str | None):
    return ContextReader(nlp, name, gazetteer_dir)


@Language.factory("rc_entities", default_config={"gazetteer_dir": None},
                  requires=["doc._.context", "doc._.simplified"], assigns=["doc.ents", "doc._.mentions"])
def make_entity_recogniser(nlp: Language, name: str, gazetteer_dir: str | None):
    return EntityRecogniser(nlp, name, gazetteer_dir)


@Language.factory("rc_relations", default_config={"rules": None},
                  requires=["doc._.mentions", "doc._.context", "doc._.simplified"], assigns=["doc._.relations"])
def make_relation_reader(nlp: Language, name: str, rules: list[str] | None):
    """`rules`: the rule names to run, in order (default: ontology/relation_rules.tsv)."""
    return RelationReader(nlp, name, rules)


def load(gazetteer_dir: str | None = None, tagger: str = DEFAULT_TAGGER, tagger_config: dict | None = None) -> Language:
    """A ready pipeline. Nothing is downloaded: the tables and LAC's model ship with the packages.

    `tagger="lac"` puts the statistical tagger `rc_tagger` (extract/tagger.py) first, with
    `tagger_config` over its defaults; `tagger="none"` leaves it out.
    """
    if tagger not in TAGGERS:
        raise ValueError(f"unknown tagger {tagger!r}: one of {', '.join(TAGGERS)}")
    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    nlp.add_pipe("rc_context", config={"gazetteer_dir": gazetteer_dir})
    if tagger == "lac":
        import extract.tagger  # noqa: F401  (registers rc_tagger; onnxruntime is loaded only here)

        nlp.add_pipe("rc_tagger", config=tagger_config or {})
    nlp.add_pipe("rc_entities", config={"gazetteer_dir": gazetteer_dir})
    nlp.add_pipe("rc_relations")
    return nlp
