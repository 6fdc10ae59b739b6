"""One document's text → one `DocumentRecord` (entities, relations, evidence, metadata)."""
from __future__ import annotations

import hashlib

from spacy.language import Language

from extract.chunking import CHUNK_CHARS, merge_records, paragraph_chunks
from extract.metadata import fill_metadata
from extract.normalise import normalise
from extract.records import DocumentRecord, Entity, Relation

__all__ = ["extract_document"]


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
    if len(text) > CHUNK_CHARS:
        return _extract_in_chunks(nlp, text, doc_id, source, sha256)
    text = normalise(text)
    sha = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc = nlp(text)
    ctx = doc._.context
    rec = DocumentRecord(doc_id=doc_id, source=source, sha256=sha, author=ctx.author if ctx else None)

    def add(canonical, typ, surface=None, region=None):
        ent = rec.entities.get(canonical)
        if ent is None:
            ent = rec.entities[canonical] = Entity(canonical, typ, region=region)
        if surface and surface != canonical:
            ent.aliases.add(surface)
        if region and not ent.region:
            ent.region = region
        ent.mentions += 1
        return ent

    for m in doc._.mentions or []:
        for mm in [m] + m.inner:
            if mm is not m and mm.entity.type == "Region":
                continue  # a place inside a name is the name's region, not a mention
            add(mm.entity.canonical, mm.entity.type, mm.surface if not mm.entity.implicit else None,
                mm.entity.region)
    seen = set()
    for r in doc._.relations or []:
        for side in (r.head, r.tail):
            if side not in rec.entities and r.kind != "party":
                add(side, "Organization")
        if r.kind == "party" and r.head not in rec.entities:
            add(r.head, "Agreement")
        key = (r.kind, r.head, r.tail, r.evidence.start if r.evidence else None)
        if key not in seen:
            seen.add(key)
            rec.relations.append(r)
    for ent in list(rec.entities.values()):
        if ent.region and ent.type != "Agreement" and ent.region != ent.canonical:
            if ent.region not in rec.entities:
                rec.entities[ent.region] = Entity(ent.region, "Region", region=ent.region, mentions=0)
            rec.relations.append(Relation("locatedIn", ent.canonical, ent.region, "realized"))
    return fill_metadata(rec, text)


def _extract_in_chunks(nlp: Language, text: str, doc_id: str, source: str, sha256: str | None) -> DocumentRecord:
    """A very long text piece by piece (`extract.chunking`), so memory stays bounded."""
    text = normalise(text)
    sha = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    parts = [(offset, extract_document(nlp, piece, doc_id, source, sha))
             for offset, piece in paragraph_chunks(text, CHUNK_CHARS)]
    return fill_metadata(merge_records(doc_id, source, sha, parts), text)
