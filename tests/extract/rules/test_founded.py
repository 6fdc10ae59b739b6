"""Each founding rule on sentences written by hand."""
from extract.rules import Actor, DocumentFacts

from tests.extract.rules.conftest import read, sentence


def _founded(cands):
    return {(c.head, c.tail) for c in cands}


def test_founded_after_with_is_founded_by_both_sides():
    s = sentence("甲大学与乙公司合作共建丙研究院", "甲大学", "乙公司", "丙研究院")
    assert _founded(read(s, "rc.founded_after_with.v1")) == {("丙研究院", "甲大学"), ("丙研究院", "乙公司")}


def test_founded_by_verb_is_founded_by_the_clause_opener():
    s = sentence("甲大学设立丙研究院", "甲大学", "丙研究院")
    assert _founded(read(s, "rc.founded_by_verb.v1")) == {("丙研究院", "甲大学")}


def test_founded_by_verb_leaves_what_the_with_rule_founded():
    s = sentence("甲大学与乙公司合作共建丙研究院", "甲大学", "乙公司", "丙研究院")
    assert read(s, "rc.founded_by_verb.v1") == []


def test_founded_by_verb_after_both_sides_is_founded_by_the_pair():
    pair = (Actor(-1, -1, "甲大学", "University"), Actor(-1, -1, "乙大学", "University"))
    s = sentence("双方将共同成立丙研究院", "丙研究院", pair=pair)
    assert _founded(read(s, "rc.founded_by_verb.v1")) == {("丙研究院", "甲大学"), ("丙研究院", "乙大学")}


def test_what_a_province_attracts_is_founded_by_the_province():
    me = Actor(-1, -1, "甲省商务厅", "GovernmentAgency", implicit=True)
    s = sentence("引进设立丙研究院", "丙研究院", subject=me, document=DocumentFacts(author="甲省商务厅", province="甲省"))
    assert _founded(read(s, "rc.founded_by_verb.v1")) == {("丙研究院", "甲省")}


def test_founded_unit_set_up_is_the_unit_the_text_names():
    me = Actor(-1, -1, "本局〔x〕", "GovernmentAgency", implicit=True)
    facts = DocumentFacts(called={"本局": "本局〔x〕", "本局武汉代表处": "本局武汉代表处"},
                          label_of={"本局〔x〕": "本局"})
    s = sentence("本局在武汉设立代表处", subject=me, document=facts)
    assert _founded(read(s, "rc.founded_unit_set_up.v1")) == {("本局武汉代表处", "本局〔x〕")}
