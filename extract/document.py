"""One document's text → one `DocumentRecord` (entities, relations, evidence, metadata)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from spacy.language import Language

from extract.chunking import CHUNK_CHARS, merge_records, paragraph_chunks
from extract.lexicons import alternation
from extract.metadata import fill_metadata
from extract.normalise import normalise
from extract.pipeline import doc_text
from extract.recognise import SELF_REFERENCES
from extract.records import DocumentRecord, Entity, Relation, parties_name
from extract.sentences import MAX_SENTENCE, runaway_stretches

__all__ = ["extract_document", "merge_short_forms"]


GENERIC_AGREEMENT = re.compile("^(?:双方)?(?:战略)?(?:合作)?(?:框架)?" + alternation("agreement_nouns", "generic_alone") + "$")


def _name_generic_agreements(rec: DocumentRecord):
    """《合作协议》 names no agreement by itself: it becomes "<parties>合作协议", keeping the
    words of the text as an alias; one with no parties in the text is dropped."""
    parties: dict[str, list[str]] = {}
    for r in rec.relations:
        if r.kind == "party":
            parties.setdefault(r.head, []).append(r.tail)
    rename = {}
    for name, ent in list(rec.entities.items()):
        if ent.type != "Agreement" or not GENERIC_AGREEMENT.match(name):
            continue
        if name not in parties:
            del rec.entities[name]
            continue
        full = parties_name(list(dict.fromkeys(parties[name]))) + name
        rename[name] = full
        ent.aliases.add(name)
        ent.canonical = full
        rec.entities[full] = rec.entities.pop(name)
    if rename:
        rec.relations = [replace(r, head=rename.get(r.head, r.head)) for r in rec.relations]


_ZONE_TYPES = {"DevelopmentZone", "FreeTradeZone", "Platform"}
_ZONE_HEAD = re.compile(r"(?:综合保税区|保税物流中心|保税区|机场|港|口岸|新区|高新区|经开区|开发区|产业园|工业园|示范区)$")


def _same_place_and_head(short, full, place, typ) -> bool:
    """岳阳综合保税区 and 岳阳城陵矶综合保税区, 长沙机场 and 长沙黄花机场: the same city, the same
    kind of zone, the longer name only adds the locality."""
    if typ not in _ZONE_TYPES or place is None or place[0].level not in ("city", "county"):
        return False
    head = _ZONE_HEAD.search(short)
    n = place[1]
    return bool(head) and short[:n] == full[:n] and full.endswith(head.group()) \
        and short == full[:n] + head.group()


def _abbreviates(short: str, full: str) -> bool:
    """湘粤非通道 for 湘粤非铁海联运通道, 中非经贸促进创新示范园 for 中非经贸合作促进创新示范园: the
    short form keeps the full name's opening and head and drops words from the middle.

    >>> _abbreviates("湘粤非通道", "湘粤非铁海联运通道"), _abbreviates("湖南大学", "湖南师范大学")
    (True, False)
    """
    if len(short) < 5 or len(full) - len(short) < 2 or short[:3] != full[:3] or short[-2:] != full[-2:]:
        return False
    rest = iter(full)
    return all(c in rest for c in short)


def merge_short_forms(entities: dict, gaz, first_seen: dict[str, int] | None = None) -> dict[str, str]:
    """Fold a short form into the full name it abbreviates in the same document.

    黄花综合保税区 beside 长沙黄花综合保税区 (the full name is a place + the short one),
    提案委 beside 提案委员会, 武汉代表处 beside 本局武汉代表处, and a later 湘粤非通道 beside
    湘粤非铁海联运通道 name one entity. Returns {short: full} and edits `entities`.

    >>> from extract.records import Entity
    >>> from extract.gazetteer import Gazetteer, Known
    >>> g = Gazetteer(); g.add("长沙", Known("长沙", "Region", "湖南", level="city"))
    >>> ents = {n: Entity(n, "DevelopmentZone") for n in ("长沙黄花综合保税区", "黄花综合保税区")}
    >>> merge_short_forms(ents, g), sorted(ents["长沙黄花综合保税区"].aliases)
    ({'黄花综合保税区': '长沙黄花综合保税区'}, ['黄花综合保税区'])
    """
    out = {}
    names = sorted(entities, key=len, reverse=True)
    for short in names:
        ent = entities[short]
        if ent.type in ("Region", "Agreement") or len(short) < 4 or gaz.names.get(short):
            continue
        for full in names:
            if len(full) <= len(short) or full in out or entities[full].type != ent.type:
                continue
            place = gaz.region_prefix(full)
            shown = entities[full].label or ""
            later = first_seen is not None and first_seen.get(short, 0) > first_seen.get(full, 0)
            is_short = (full.endswith(short) and place is not None and place[1] == len(full) - len(short)) \
                or (later and _abbreviates(short, full)) \
                or (shown.endswith(short) and bool(SELF_REFERENCES.fullmatch(shown[:len(shown) - len(short)]))) \
                or (short.endswith("委") and full == short + "员会") \
                or _same_place_and_head(short, full, place, ent.type)
            if is_short:
                out[short] = full
                target = entities[full]
                target.aliases |= ent.aliases | {short}
                target.mentions += ent.mentions
                target.region = target.region or ent.region
                break
    for short in out:
        del entities[short]
    return out


def extract_document(nlp: Language, text: str, doc_id: str, source: str = "",
                     sha256: str | None = None) -> DocumentRecord:
    """Run the pipeline over normalised text and collect plain records.

    >>> import extract
    >>> rec = extract_document(extract.load(), "湖南大学与香港大学合作。", "demo")
    >>> {"湖南大学", "香港大学"} <= set(rec.entities)
    True
    >>> [(r.head, r.tail) for r in rec.relations if r.kind == "partner"]
    [('湖南大学', '香港大学')]
    """
    text = normalise(text)
    sha = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    if len(text) > CHUNK_CHARS:
        rec = _extract_in_chunks(nlp, text, doc_id, source, sha)
    else:
        rec = fill_metadata(_record(nlp, _run(nlp, text), doc_id, source, sha), text)
    return _noted(rec, text)


def _noted(rec: DocumentRecord, text: str) -> DocumentRecord:
    """Say on the record when stretches without a sentence end were cut (`extract.sentences`).

    >>> _noted(DocumentRecord("d", "", ""), "甲" * 1200).notes
    ['1 stretch of over 400 characters without a sentence end cut into shorter pieces']
    """
    n = runaway_stretches(text)
    if n:
        rec.notes.append(f"{n} stretch{'es' if n > 1 else ''} of over {MAX_SENTENCE} characters without a "
                         f"sentence end cut into shorter pieces")
    return rec


def _run(nlp: Language, text: str, context=None):
    """The pipeline over one text; a later piece of a long document passes the first piece's
    context (author, province), which its own first lines cannot give."""
    if context is None:
        return nlp(text)
    doc = nlp.make_doc(text)
    doc._.context = context
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


_BRACKETED = re.compile(r"\((?!简称|以下|下称|下同|含|即|原|筹|试行|暂行)([\u4e00-\u9fffA-Za-z]{2,10})\)")


def _is_place(gaz, text: str) -> bool:
    known = gaz.lookup(text)
    return known is not None and known.type == "Region"


_EDITION = re.compile(r"(?:(?:19|20)\d{2}年?|第[0-9一二三四五六七八九十百]+[届次期])$")


def _record(nlp: Language, doc, doc_id: str, source: str, sha: str) -> DocumentRecord:
    """Plain records from a processed Doc."""
    ctx = doc._.context
    rec = DocumentRecord(doc_id=doc_id, source=source, sha256=sha, author=ctx.author if ctx else None)

    def add(canonical, typ, surface=None, region=None, label=None):
        ent = rec.entities.get(canonical)
        if ent is None:
            ent = rec.entities[canonical] = Entity(canonical, typ, region=region, label=label)
        if surface and surface != canonical:
            ent.aliases.add(surface)
        if region and not ent.region:
            ent.region = region
        ent.mentions += 1
        return ent

    gaz = nlp.get_pipe("rc_entities").gazetteer
    first_seen: dict[str, int] = {}
    text = doc_text(doc)
    for m in doc._.mentions or []:
        first_seen.setdefault(m.entity.canonical, m.start)
        for mm in [m] + m.inner + m.parties:
            if mm is not m and mm.entity.type == "Region":
                continue  # a place inside a name is the name's region, not a mention
            if mm.entity.proxy and mm.entity.canonical in rec.entities:
                continue   # a person acting for a body the text names: not another mention of it
            add(mm.entity.canonical, mm.entity.type, mm.surface if not mm.entity.implicit else None,
                mm.entity.region, mm.entity.label)
        short = _BRACKETED.match(text, m.end)
        if short and not m.entity.implicit and m.entity.type not in ("Region", "Agreement") \
                and not _is_place(gaz, short.group(1)):
            # 香港贸易发展局(HKTDC), 香港生产力促进局(生产力局): the short form in brackets
            rec.entities[m.entity.canonical].aliases.add(short.group(1))
        if m.entity.type == "Platform" and not m.entity.implicit:
            # 2015赣港经贸合作活动, 第三届…博览会: the edition is not the event's name, but the
            # text's way of writing it stays findable
            edition = _EDITION.search(text, max(0, m.start - 8), m.start)
            if edition:
                rec.entities[m.entity.canonical].aliases.add(edition.group() + m.surface)
    alias_of = merge_short_forms(rec.entities, gaz, first_seen)
    seen = set()
    for r in doc._.relations or []:
        r = replace(r, head=alias_of.get(r.head, r.head), tail=alias_of.get(r.tail, r.tail))
        if r.head == r.tail:
            continue
        if r.kind == "party" and r.head not in rec.entities:
            add(r.head, "Agreement")
        for end in (r.head, r.tail):
            # the writer or its province acting where the text does not name them (引进设立X)
            if end not in rec.entities and ctx is not None and end == ctx.province:
                rec.entities[end] = Entity(end, "Region", region=end)
            elif end not in rec.entities and ctx is not None and end == ctx.author:
                rec.entities[end] = Entity(end, ctx.author_type or "GovernmentAgency", region=ctx.province,
                                           label=ctx.author_label)
        if r.head not in rec.entities or r.tail not in rec.entities:
            continue
        key = (r.kind, r.head, r.tail, r.evidence.start if r.evidence else None)
        if key not in seen:
            seen.add(key)
            rec.relations.append(r)
    _name_generic_agreements(rec)
    for ent in list(rec.entities.values()):
        if ent.region and ent.type != "Agreement" and ent.region != ent.canonical:
            if ent.region not in rec.entities:
                rec.entities[ent.region] = Entity(ent.region, "Region", region=ent.region, mentions=0)
            rec.relations.append(Relation("locatedIn", ent.canonical, ent.region, "realized"))
    return rec


def _extract_in_chunks(nlp: Language, text: str, doc_id: str, source: str, sha: str) -> DocumentRecord:
    """A very long normalised text piece by piece (`extract.chunking`), so memory stays bounded."""
    parts, context = [], None
    for offset, piece in paragraph_chunks(text, CHUNK_CHARS):
        doc = _run(nlp, piece, context)
        context = context or doc._.context
        parts.append((offset, fill_metadata(_record(nlp, doc, doc_id, source, sha), piece)))
    return fill_metadata(merge_records(doc_id, source, sha, parts), text)
