"""Sentences are the windows relation rules search: bounded on any input, cut where it is best."""
import pytest

import extract.pipeline
from extract.document import extract_document
from extract.sentences import MAX_SENTENCE, runaway_stretches, split_sentences

NAMES = ["湖南大学", "香港城市大学", "中南大学", "香港理工大学", "湖南师范大学", "澳门大学", "湘潭大学"]
# Inputs that once made extraction quadratic: every rule searched the whole stretch once per name.
HOSTILE = {
    "names": "".join(n + ("与" if i % 2 else "合作") for i, n in enumerate(NAMES * 60)),
    "list": "湖南省与" + "、".join(NAMES * 100) + "等单位签订了合作协议。",
    "brackets": "湖南大学（" * 600,
    "line": "湖南大学与香港城市大学签订了合作协议，双方将共建联合实验室，" * 60,
}


@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_no_sentence_is_longer_than_the_limit(shape):
    text = HOSTILE[shape]
    spans = split_sentences(text)
    assert max(e - s for s, e in spans) <= MAX_SENTENCE
    assert "".join(text[s:e] for s, e in spans) == "".join(text.split())   # nothing lost but blanks
    assert runaway_stretches(text) >= 1


def test_a_runaway_list_is_cut_after_its_separators():
    text = HOSTILE["list"]
    pieces = [text[s:e] for s, e in split_sentences(text)]
    assert len(pieces) > 10 and all(p.endswith("、") for p in pieces[:-1])
    assert all(MAX_SENTENCE // 2 <= len(p) <= MAX_SENTENCE for p in pieces[:-1])


def test_commas_are_preferred_to_list_marks_and_blanks_to_a_hard_cut():
    text = "甲乙" * 100 + "、" + "丙丁" * 100 + "，" + "戊" * 300 + " " + "己" * 300 + "庚" * 1200
    pieces = [text[s:e] for s, e in split_sentences(text, limit=500)]
    assert pieces[0] == "甲乙" * 100 + "、" + "丙丁" * 100 + "，"
    assert pieces[1] == "戊" * 300
    assert [len(p) for p in pieces[2:]] == [500, 500, 500]


def test_ordinary_sentences_are_not_touched():
    text = "湖南大学与香港城市大学签订了合作协议，双方将在人才培养、科学研究等领域开展合作。" * 3
    assert [e - s for s, e in split_sentences(text)] == [40, 40, 40]
    assert runaway_stretches(text) == 0


@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_relation_rules_search_bounded_windows(nlp, monkeypatch, shape):
    """Every rule runs on one sentence at a time: the work is at most (text length × the
    limit) characters searched, where before it was the text length squared."""
    seen = []

    def recording(*args, **kwargs):
        spans = split_sentences(*args, **kwargs)
        seen.extend(spans)
        return spans

    monkeypatch.setattr(extract.pipeline, "split_sentences", recording)
    text = HOSTILE[shape]
    rec = extract_document(nlp, text, "d")
    assert seen and max(e - s for s, e in seen) <= MAX_SENTENCE
    assert sum((e - s) ** 2 for s, e in seen) <= len(text) * MAX_SENTENCE
    assert rec.notes and "without a sentence end cut into shorter pieces" in rec.notes[0]
