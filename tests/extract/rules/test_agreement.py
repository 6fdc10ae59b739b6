"""Each agreement rule on sentences written by hand."""
from extract.rules import Sentence

from tests.extract.rules.conftest import mention, read, sentence


def _parties(cands) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for c in cands:
        out.setdefault(c.head, set()).add(c.tail)
    return out


def test_agreement_by_with_is_named_after_its_parties_in_order_of_their_names():
    s = sentence("甲大学与乙大学签订了合作协议", "甲大学", "乙大学")
    assert _parties(read(s, "rc.agreement_by_with.v1")) == {"乙大学与甲大学合作协议": {"甲大学", "乙大学"}}


def test_agreement_by_with_signed_separately_is_one_per_partner():
    s = sentence("甲大学分别与乙大学、丙大学签署合作备忘录", "甲大学", "乙大学", "丙大学")
    assert _parties(read(s, "rc.agreement_by_with.v1")) == {"乙大学与甲大学合作备忘录": {"甲大学", "乙大学"},
                                                           "丙大学与甲大学合作备忘录": {"甲大学", "丙大学"}}


def test_agreement_by_with_takes_the_name_the_text_gives():
    text = "甲大学与乙大学签署《甲乙科研合作协议》"
    named = mention(text, "《甲乙科研合作协议》", "Agreement")
    s = sentence(text, "甲大学", "乙大学", mentions=(named,))
    assert _parties(read(s, "rc.agreement_by_with.v1")) == {"《甲乙科研合作协议》": {"甲大学", "乙大学"}}


def test_agreement_by_with_needs_a_signing():
    assert read(sentence("甲大学与乙大学开展合作", "甲大学", "乙大学"), "rc.agreement_by_with.v1") == []


def test_agreement_by_coordination_is_one_among_the_list():
    s = sentence("甲大学、乙大学和丙大学共同签署合作备忘录", "甲大学", "乙大学", "丙大学")
    assert _parties(read(s, "rc.agreement_by_coordination.v1")) == {
        "丙大学、乙大学与甲大学合作备忘录": {"甲大学", "乙大学", "丙大学"}}


def test_party_in_title_reads_the_parties_a_title_names():
    text = "双方签署《甲会与乙厅教育合作框架协议》"
    title = mention(text, "甲会与乙厅教育合作框架协议", "Agreement",
                    parties=[mention(text, "甲会", "Organization"), mention(text, "乙厅", "GovernmentAgency")])
    cands = read(Sentence(text, 0, mentions=(title,)), "rc.party_in_title.v1")
    assert _parties(cands) == {"甲会与乙厅教育合作框架协议": {"甲会", "乙厅"}}
    assert {c.status for c in cands} == {"realized"}


def test_a_title_that_opens_with_places_run_together_names_them_as_parties():
    text = "双方签署了《粤澳合作框架协议》"
    inner = [mention(text, "粤", "Region"), mention(text, "澳", "Region")]
    title = mention(text, "粤澳合作框架协议", "Agreement", inner=inner)
    s = Sentence(text, 0, mentions=(title,))
    assert {(c.head, c.tail) for c in read(s, "rc.party_in_title.v1")} == {("粤澳合作框架协议", "粤"), ("粤澳合作框架协议", "澳")}


def test_one_place_alone_names_no_party():
    text = "签署了《粤港澳大湾区青年行动框架协议》"
    title = mention(text, "粤港澳大湾区青年行动框架协议", "Agreement", inner=[mention(text, "粤港澳大湾区", "Region")])
    assert read(Sentence(text, 0, mentions=(title,)), "rc.party_in_title.v1") == []
