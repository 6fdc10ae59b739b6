"""Rules on the tagger's words, with the words written by hand as LAC tags them."""
from extract.rules import Word

from tests.extract.rules.conftest import pairs, read, sentence

RULE = "rc.partner_by_tagged_coordination.v1"


def _words(text, *tagged):
    out, pos = [], 0
    for word, tag in tagged:
        start = text.index(word, pos)
        out.append(Word(start, start + len(word), word, tag))
        pos = start + len(word)
    return tuple(out)


def test_a_list_joined_by_a_conjunction_that_goes_on_to_cooperate():
    text = "甲大学和乙大学将在人工智能领域开展合作。"
    words = _words(text, ("甲大学", "ORG"), ("和", "c"), ("乙大学", "ORG"), ("将", "d"), ("在", "p"),
                   ("人工智能", "n"), ("领域", "n"), ("开展", "v"), ("合作", "vn"), ("。", "w"))
    s = sentence(text, "甲大学", "乙大学", words=words)
    assert pairs(read(s, RULE)) == {frozenset(("甲大学", "乙大学"))}


def test_cooperation_as_a_noun_modifier_is_no_verb():
    text = "甲大学和乙大学的学生参加了合作论坛。"
    words = _words(text, ("甲大学", "ORG"), ("和", "c"), ("乙大学", "ORG"), ("的", "u"), ("学生", "n"),
                   ("参加", "v"), ("了", "u"), ("合作", "vn"), ("论坛", "n"), ("。", "w"))
    assert read(sentence(text, "甲大学", "乙大学", words=words), RULE) == []


def test_without_the_taggers_words_the_rule_reads_nothing():
    assert read(sentence("甲大学和乙大学将在人工智能领域开展合作。", "甲大学", "乙大学"), RULE) == []


def test_a_list_after_a_verb_is_not_its_subject():
    text = "支持甲大学和乙大学开展合作。"
    words = _words(text, ("支持", "v"), ("甲大学", "ORG"), ("和", "c"), ("乙大学", "ORG"), ("开展", "v"),
                   ("合作", "vn"), ("。", "w"))
    assert read(sentence(text, "甲大学", "乙大学", words=words), RULE) == []
