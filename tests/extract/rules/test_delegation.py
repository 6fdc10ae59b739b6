"""The delegation rules on sentences written by hand."""
from dataclasses import replace

from extract.rules import Actor

from tests.extract.rules.conftest import pairs, read, sentence

HOST = Actor(-1, -1, "丙商会", "ChamberOfCommerce")
GROUP = Actor(-1, -1, "甲省人民政府", "GovernmentAgency")


def _with_delegation(s):
    """The pipeline resolves 代表团 to the body it is of: an actor standing for 甲省人民政府."""
    return replace(s, actors=(Actor(0, 3, "甲省人民政府", "GovernmentAgency"),) + s.actors)


def test_members_of_a_delegation_are_partners_of_the_host_it_met():
    # the sentence before: 丙商会接待了甲省人民政府代表团 (its pair)
    s = _with_delegation(sentence("代表团成员还包括甲省投资促进局局长某某、乙大学校长某某", "甲省投资促进局", "乙大学",
                                  pair=(HOST, GROUP)))
    cands = read(s, "rc.partner_by_delegation_members.v1")
    assert pairs(cands) == {frozenset(("甲省投资促进局", "丙商会")), frozenset(("乙大学", "丙商会"))}
    assert all(c.implicit for c in cands)


def test_the_delegations_own_body_is_not_its_own_member_partner():
    s = sentence("甲省人民政府代表团成员包括：乙大学", "甲省人民政府", "乙大学", pair=(HOST, GROUP))
    assert pairs(read(s, "rc.partner_by_delegation_members.v1")) == {frozenset(("乙大学", "丙商会"))}


def test_no_host_no_partner():
    s = sentence("代表团成员包括乙大学", "乙大学")
    assert read(s, "rc.partner_by_delegation_members.v1") == []


def test_a_list_without_a_delegation_is_not_read():
    s = _with_delegation(sentence("参会单位包括乙大学", "乙大学", pair=(HOST, GROUP)))
    assert read(s, "rc.partner_by_delegation_members.v1") == []
