"""Each partner rule on sentences written by hand."""
from extract.rules import Actor, Sentence

from tests.extract.rules.conftest import mention, pairs, read, sentence

REGION = {n: "Region" for n in ("甲省", "乙省", "湘", "港", "澳")}


def test_partner_by_with_pairs_the_left_list_with_the_right_list():
    s = sentence("甲大学、乙大学与丙大学开展合作", "甲大学", "乙大学", "丙大学")
    assert pairs(read(s, "rc.partner_by_with.v1")) == {frozenset(("甲大学", "丙大学")), frozenset(("乙大学", "丙大学"))}


def test_partner_by_with_takes_the_passage_agent_where_the_subject_is_left_out():
    me = Actor(-1, -1, "某厅", "GovernmentAgency", implicit=True)
    cands = read(sentence("加强与甲大学、乙大学的交流合作", "甲大学", "乙大学", subject=me), "rc.partner_by_with.v1")
    assert pairs(cands) == {frozenset(("某厅", "甲大学")), frozenset(("某厅", "乙大学"))}
    assert all(c.implicit for c in cands)


def test_partner_by_with_ignores_a_comparison():
    s = sentence("甲省与乙省相比增速较快", "甲省", "乙省", types=REGION)
    assert read(s, "rc.partner_by_with.v1") == []


def test_partner_by_with_knows_a_with_inside_a_name_is_not_one():
    s = sentence("甲大学网络光互联与先进计算系统联合实验室揭牌", "甲大学")
    assert read(s, "rc.partner_by_with.v1") == []


def test_partner_by_region_run_pairs_the_first_place_with_the_others():
    s = sentence("湘港澳合作不断深化", "湘", "港", "澳", types=REGION)
    assert pairs(read(s, "rc.partner_by_region_run.v1")) == {frozenset(("湘", "港")), frozenset(("湘", "澳"))}


def test_partner_by_region_run_needs_a_cooperation_word():
    s = sentence("港澳台地区的游客", "港", "澳", types=REGION)
    assert read(s, "rc.partner_by_region_run.v1") == []


def test_partner_by_visit_pairs_each_visitor_with_the_host():
    s = sentence("甲大学、乙大学等一行到访丙大学", "甲大学", "乙大学", "丙大学")
    assert pairs(read(s, "rc.partner_by_visit.v1")) == {frozenset(("甲大学", "丙大学")), frozenset(("乙大学", "丙大学"))}


def test_partner_by_coordination_pairs_a_list_acting_together():
    s = sentence("甲大学、乙大学和丙大学共同举办论坛", "甲大学", "乙大学", "丙大学")
    assert len(pairs(read(s, "rc.partner_by_coordination.v1"))) == 3


def test_partner_by_coordination_needs_the_list_to_act_together():
    s = sentence("甲大学、乙大学和丙大学的学生参加论坛", "甲大学", "乙大学", "丙大学")
    assert read(s, "rc.partner_by_coordination.v1") == []


def test_partner_by_object_list_pairs_the_agent_with_each_object():
    s = sentence("甲厅将积极对接乙大学和丙大学", "甲厅", "乙大学", "丙大学", types={"甲厅": "GovernmentAgency"})
    assert pairs(read(s, "rc.partner_by_object_list.v1")) == {frozenset(("甲厅", "乙大学")), frozenset(("甲厅", "丙大学"))}


def test_partner_by_joint_handling_pairs_the_lead_with_each_co_handler():
    s = sentence("由甲办主办，乙厅、丙局为会办单位", "甲办", "乙厅", "丙局")
    assert pairs(read(s, "rc.partner_by_joint_handling.v1")) == {frozenset(("甲办", "乙厅")), frozenset(("甲办", "丙局"))}


def test_partner_by_verb_reads_a_cooperation_verb_between_two_bodies():
    s = sentence("甲大学携手乙大学培养人才", "甲大学", "乙大学")
    assert pairs(read(s, "rc.partner_by_verb.v1")) == {frozenset(("甲大学", "乙大学"))}
    assert read(sentence("甲大学表彰乙大学", "甲大学", "乙大学"), "rc.partner_by_verb.v1") == []


def test_partner_in_name_pairs_the_places_a_name_runs_together():
    text = "湘港经贸合作活动在长沙举行"
    name = mention(text, "湘港经贸合作活动", "Platform",
                   inner=[mention(text, "湘", "Region"), mention(text, "港", "Region")])
    cands = read(Sentence(text, 0, mentions=(name,)), "rc.partner_in_name.v1")
    assert pairs(cands) == {frozenset(("湘", "港"))} and cands[0].status == "realized"


def test_a_counted_group_after_the_list_still_acts_together():
    # 等多家国企签订: the list's count and kind stand between it and the verb
    s = sentence("甲银行、乙证券、丙集团等多家国企签订了多方合作框架协议", "甲银行", "乙证券", "丙集团")
    assert pairs(read(s, "rc.partner_by_coordination.v1")) == {
        frozenset(("甲银行", "乙证券")), frozenset(("甲银行", "丙集团")), frozenset(("乙证券", "丙集团"))}


def test_a_site_visit_pairs_the_visitor_with_each_place_visited():
    s = sentence("甲商会一行参观了乙园区、丙公司", "甲商会", "乙园区", "丙公司")
    assert pairs(read(s, "rc.partner_by_object_list.v1")) == {
        frozenset(("甲商会", "乙园区")), frozenset(("甲商会", "丙公司"))}


def test_who_goes_along_does_not_meet():
    # 在X的陪同下: the phrase says how the subject goes, X is not the one who meets
    s = sentence("甲商会在乙大学校长的陪同下，会见了丙集团", "甲商会", "乙大学", "丙集团")
    assert pairs(read(s, "rc.partner_by_object_list.v1")) == {frozenset(("甲商会", "丙集团"))}


def test_places_a_host_shows_while_going_along_are_the_hosts():
    s = sentence("甲商会在乙大学校长的陪同下，参观了丙实验室、丁中心", "甲商会", "乙大学", "丙实验室", "丁中心")
    assert read(s, "rc.partner_by_object_list.v1") == []


def test_receiving_a_delegation_is_meeting_it():
    s = sentence("甲商会接待了乙省人民政府代表团", "甲商会", "乙省人民政府")
    assert frozenset(("甲商会", "乙省人民政府")) in pairs(read(s, "rc.partner_by_object_list.v1"))
