"""Very long documents in pieces: cut at paragraph boundaries, extract each, merge the records.

spaCy's memory grows with the length of the text it is given; a 50 MB compilation would
need gigabytes at once, and work that grows with the square of a text's length stays
bounded by the piece's. Relations and evidence never cross a paragraph, so cutting
between paragraphs loses nothing but the document context (the author found in the
first lines), which the later pieces do without. Offsets in the merged record are
offsets into the whole text, as if it had been read in one go.
"""
from __future__ import annotations

from dataclasses import replace

from extract.records import DocumentRecord, Entity

__all__ = ["CHUNK_CHARS", "paragraph_chunks", "merge_records"]

# Some per-document steps still grow faster than the text (each sentence scans the
# document's tagged words), so the piece bounds time as well as memory: ordinary text costs
# 35 s a MB in 200 K pieces, 14 s in 50 K, 9.5 s in 30 K (about what 10 kB documents cost).
# The longest document of the shared corpora is 24 K characters, so no real one is cut.
CHUNK_CHARS = 30_000


def paragraph_chunks(text: str, max_chars: int = CHUNK_CHARS):
    """(offset, piece) pairs that cover `text`, each at most `max_chars` long.

    Cuts after a blank line where there is one, else after a line end, else after a
    sentence or clause end, else after a comma, a 、 or a blank; a piece with none of these
    is cut hard at `max_chars`.

    >>> text = "第一段。\\n\\n第二段很长很长。\\n第三段。"
    >>> list(paragraph_chunks(text, 12))
    [(0, '第一段。\\n\\n'), (6, '第二段很长很长。\\n'), (15, '第三段。')]
    >>> "".join(p for _, p in paragraph_chunks("甲乙丙丁戊" * 10, 7)) == "甲乙丙丁戊" * 10
    True
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    pos, n = 0, len(text)
    while pos < n:
        end = min(pos + max_chars, n)
        if end < n:
            window = text[pos:end]
            for seps in (("\n\n",), ("\n",), ("。", "！", "？", "；"), ("，",), ("、",), (" ", "\u3000")):
                cut = max(window.rfind(sep) for sep in seps)
                if cut > 0:
                    end = pos + cut + len(seps[0])
                    break
        yield pos, text[pos:end]
        pos = end


def merge_records(doc_id: str, source: str, sha256: str, parts) -> DocumentRecord:
    """One record from the records of a document's pieces, given as (offset, record) pairs.

    Entities are merged by canonical name (aliases and mention counts added up), evidence
    offsets are shifted by the piece's offset, and the author is the first piece's.

    >>> from extract.records import Relation, Evidence
    >>> a = DocumentRecord("p", "", "", author="湖南大学")
    >>> a.entities["湖南大学"] = Entity("湖南大学", "University", mentions=1)
    >>> b = DocumentRecord("p", "", "")
    >>> b.entities["湖南大学"] = Entity("湖南大学", "University", {"湖大"}, mentions=2)
    >>> b.relations.append(Relation("partner", "湖南大学", "香港大学", "realized", False, Evidence("…", 3, 9)))
    >>> rec = merge_records("d", "d.txt", "0" * 64, [(0, a), (100, b)])
    >>> rec.entities["湖南大学"].mentions, rec.entities["湖南大学"].aliases, rec.author
    (3, {'湖大'}, '湖南大学')
    >>> rec.relations[0].evidence
    Evidence(sentence='…', start=103, end=109)
    """
    out = DocumentRecord(doc_id=doc_id, source=source, sha256=sha256)
    seen = set()
    for offset, rec in parts:
        out.author = out.author or rec.author
        for name, ent in rec.entities.items():
            have = out.entities.get(name)
            if have is None:
                out.entities[name] = Entity(ent.canonical, ent.type, set(ent.aliases), ent.region, ent.mentions,
                                            ent.label)
            else:
                have.aliases |= ent.aliases
                have.mentions += ent.mentions
                have.region = have.region or ent.region
        for r in rec.relations:
            if r.evidence is not None:
                r = replace(r, evidence=replace(r.evidence, start=r.evidence.start + offset,
                                                end=r.evidence.end + offset))
            key = (r.kind, r.head, r.tail, r.evidence.start if r.evidence else None)
            if key not in seen:
                seen.add(key)
                out.relations.append(r)
    return out
