"""Random bytes and random Unicode through the readers and the extractor: no crash, no hang."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.document_files import make_pdf
from extract.boilerplate import content_spans
from extract.chunking import paragraph_chunks
from extract.metadata import find_metadata
from extract.normalise import normalise
from extract.readers import UnreadableDocument, read_document
from extract.readers.pdf import reflow
from extract.readers.plain import decode
from extract.readers.webpage import html_text

FAST = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.function_scoped_fixture])
# Text that looks like ours: CJK, punctuation, newlines, markup, digits, and anything else.
chinese = st.text(st.one_of(st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF),
                            st.sampled_from(list("湖南大学香港城市贸易发展局与签订合作协议。，、\n\n()〔〕[]<>/发布时间:2024年1月2日")),
                            st.characters()), max_size=400)


@FAST
@given(st.binary(max_size=2000))
def test_decode_gives_text_or_a_reason(data):
    try:
        assert isinstance(decode(data), str)
    except UnreadableDocument:
        pass


@FAST
@given(chinese.filter(lambda t: "\x00" not in t), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_unicode_encodings_round_trip_any_text(text, encoding):
    # (GBK and Big5 are guessed, so only certain for text in the genre: see test_readers.py)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # lone surrogates
        return
    assert decode(data) == text


@FAST
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".txt", ".md", ".html", ".docx", ".pdf"]))
def test_read_document_of_random_bytes(tmp_path, data, suffix):
    p = tmp_path / f"x{suffix}"
    p.write_bytes(data)
    try:
        assert isinstance(read_document(p), str)
    except UnreadableDocument as e:
        assert str(e) and "\n" not in str(e)


PDF = make_pdf(["湖南大学与香港城市大学签订了合作协议。", "香港贸易发展局。"])


@FAST
@given(st.lists(st.tuples(st.integers(0, len(PDF) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_damaged_pdf_fails_cleanly(tmp_path, edits):
    data = bytearray(PDF)
    for pos, byte in edits:
        data[pos] = byte
    p = tmp_path / "x.pdf"
    p.write_bytes(bytes(data))
    try:
        read_document(p)
    except UnreadableDocument:
        pass


@FAST
@given(chinese)
def test_text_helpers_accept_any_text(text):
    html_text(text)
    reflow(text)
    find_metadata(normalise(text))
    list(content_spans(text))
    assert "".join(p for _, p in paragraph_chunks(text, 50)) == text


@settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chinese)
def test_extractor_accepts_any_text_and_cites_it_exactly(nlp, text):
    from extract import extract_document

    rec = extract_document(nlp, text, "fuzz")
    norm = normalise(text)
    for r in rec.relations:
        if r.evidence:
            assert norm[r.evidence.start:r.evidence.end] == r.evidence.sentence
