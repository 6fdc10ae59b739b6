import extract.document as document
from extract.chunking import paragraph_chunks
from extract.normalise import normalise

PARAGRAPHS = [
    "湖南大学与香港城市大学签订了合作协议。",
    "中南大学与香港理工大学合作共建轨道交通联合研究中心。",
    "香港贸易发展局与湖南省商务厅签署了合作备忘录。",
]


def test_chunks_cover_the_text_and_respect_the_limit():
    text = "\n\n".join(PARAGRAPHS * 20) + "甲" * 500
    pieces = list(paragraph_chunks(text, 100))
    assert "".join(p for _, p in pieces) == text
    assert all(len(p) <= 100 for _, p in pieces)
    assert all(text[o:o + len(p)] == p for o, p in pieces)
    # cuts fall at paragraph ends wherever the text has them
    assert all(p.endswith("\n\n") for _, p in pieces[:-6])


def test_long_document_extracted_in_pieces_matches_one_go(nlp, monkeypatch):
    text = "\n\n".join(PARAGRAPHS * 5)
    whole = document.extract_document(nlp, text, "d")
    monkeypatch.setattr(document, "CHUNK_CHARS", 120)
    pieces = document.extract_document(nlp, text, "d")
    assert set(pieces.entities) == set(whole.entities)
    named = [k for k, e in whole.entities.items() if e.type != "Agreement"]  # agreements are counted per piece
    assert [pieces.entities[k].mentions for k in named] == [whole.entities[k].mentions for k in named]
    key = lambda r: (r.kind, r.head, r.tail, r.evidence.start if r.evidence else None)
    assert sorted(map(key, pieces.relations)) == sorted(map(key, whole.relations))
    norm = normalise(text)
    for r in pieces.relations:
        if r.evidence:
            assert norm[r.evidence.start:r.evidence.end] == r.evidence.sentence
    assert pieces.sha256 == whole.sha256
