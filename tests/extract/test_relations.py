"""Relation rules on hand-made actors: no recogniser involved."""
from extract.relations import Actor, clause_status, section_status, sentence_relations


def _actors(sentence, *names, types=None):
    out, pos = [], 0
    for i, n in enumerate(names):
        start = sentence.index(n, pos)
        out.append(Actor(start, start + len(n), n, (types or {}).get(n, "University")))
        pos = start + len(n)
    return out


def _pairs(rels, kind="partner"):
    return {frozenset((h, t)) for k, h, t, _, _ in rels if k == kind}


def test_left_list_pairs_with_right_list():
    s = "甲大学、乙大学与丙大学开展合作"
    rels = sentence_relations(s, 0, _actors(s, "甲大学", "乙大学", "丙大学"), None)
    assert _pairs(rels) == {frozenset(("甲大学", "丙大学")), frozenset(("乙大学", "丙大学"))}


def test_omitted_subject_is_the_passage_agent_and_implicit():
    s = "加强与甲大学、乙大学的交流合作"
    me = Actor(-1, -1, "某厅", "GovernmentAgency", implicit=True)
    rels = sentence_relations(s, 0, _actors(s, "甲大学", "乙大学"), me)
    assert _pairs(rels) == {frozenset(("某厅", "甲大学")), frozenset(("某厅", "乙大学"))}
    assert all(implicit for k, _, _, implicit, _ in rels if k == "partner")


def test_comparison_is_not_cooperation():
    s = "甲省与乙省相比增速较快"
    rels = sentence_relations(s, 0, _actors(s, "甲省", "乙省", types={"甲省": "Region", "乙省": "Region"}), None)
    assert _pairs(rels) == set()


def test_founding_after_a_list():
    s = "甲大学与乙公司合作共建丙研究院"
    rels = sentence_relations(s, 0, _actors(s, "甲大学", "乙公司", "丙研究院"), None)
    assert {(h, t) for k, h, t, _, _ in rels if k == "founded"} == {("丙研究院", "甲大学"), ("丙研究院", "乙公司")}


def test_visitors_pair_with_the_host():
    s = "甲大学、乙大学等一行到访丙大学"
    rels = sentence_relations(s, 0, _actors(s, "甲大学", "乙大学", "丙大学"), None)
    assert _pairs(rels) == {frozenset(("甲大学", "丙大学")), frozenset(("乙大学", "丙大学"))}


def test_status_markers_and_sections():
    assert clause_status("已签署协议", None) == "realized"
    assert clause_status("争取签署协议", "realized") == "planned"
    assert section_status("二、下一步工作打算", "realized") == "planned"
    assert section_status("一、前段工作情况", None) == "realized"
