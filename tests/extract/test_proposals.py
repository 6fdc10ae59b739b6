"""The grammar judges the tagger's proposals (sentences written for these tests)."""
import pytest

from extract.gazetteer import load_gazetteer
from extract.proposals import judge
from extract.zh_names import load_grammar


@pytest.fixture(scope="module")
def tables():
    return load_gazetteer(), load_grammar()


def _judge(text, proposals, tables):
    gaz, grammar = tables
    return [(s.text, s.type) for s in judge(text, proposals, gaz, grammar)]


def test_a_city_commission_written_in_full_is_typed_by_its_head(tables):
    text = "成都市商务委员会与澳门经济局会谈。"
    assert _judge(text, [(0, 8, "ORG")], tables) == [("成都市商务委员会", "GovernmentAgency")]


def test_run_on_words_are_cut_off(tables):
    text = "长风集团与本会签约。"
    # the tagger ran the name on over 与
    assert _judge(text, [(0, 5, "ORG")], tables) == [("长风集团", "Enterprise")]


def test_a_firm_without_a_head_counts_only_as_an_actor(tables):
    acting = "本会与鸿图行签署合作协议。"
    assert _judge(acting, [(3, 6, "ORG")], tables) == [("鸿图行", "Enterprise")]
    mentioned = "游客在鸿图行购物。"
    assert _judge(mentioned, [(3, 6, "ORG")], tables) == []


def test_a_truncated_brand_is_dropped(tables):
    text = "与长虹升科技签约"
    # the tagger stopped inside the word: a CJK character runs on
    assert _judge(text, [(1, 4, "ORG")], tables) == []


def test_places_and_a_facility_head_name_no_body(tables):
    text = "开通长沙机场至香港航线"
    assert _judge(text, [(2, 6, "ORG")], tables) == []


def test_a_weak_head_needs_a_proper_prefix(tables):
    text = "建设跨境物流集散中心"
    assert _judge(text, [(2, 10, "ORG")], tables) == []


def test_a_known_body_and_a_generic_word_is_no_new_name(tables):
    text = "依托清华大学科技、人才优势"
    assert _judge(text, [(2, 8, "ORG")], tables) == []


def test_party_prefix_the_tagger_split_off_is_put_back(tables):
    text = "中共成都市委统战部与香港某会座谈"
    assert _judge(text, [(2, 9, "ORG")], tables) == [("中共成都市委统战部", "GovernmentAgency")]
