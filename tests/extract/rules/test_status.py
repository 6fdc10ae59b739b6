"""The one place status is read: clause markers against the section's default."""
from extract.rules import Candidate, Sentence
from extract.rules.status import candidate_status, clause_status, document_status, section_status


def test_clause_markers_win_over_the_default():
    assert clause_status("已签署协议", None) == "realized"
    assert clause_status("争取签署协议", "realized") == "planned"


def test_headings_set_the_default():
    assert section_status("二、下一步工作打算", "realized") == "planned"
    assert section_status("一、前段工作情况", None) == "realized"
    assert section_status("三、其他", "planned") == "planned"


def test_a_plan_is_planned_and_a_reply_realized():
    assert document_status("关于印发《甲省对接乙区实施方案》的通知\n正文") == "planned"
    assert document_status("关于某某提案的答复\n正文") == "realized"
    assert document_status("甲大学与乙大学合作\n正文") is None


def test_a_time_opening_the_sentence_makes_it_planned():
    s = Sentence("明年，甲大学与乙大学合作", 0, section_status="realized")
    assert candidate_status(s, Candidate("partner", "甲大学", "乙大学", clause=(3, 12))) == "planned"


def test_partners_named_inside_a_plans_title_are_planned():
    from tests.extract.rules.conftest import mention
    text = "《甲省对接乙省行动方案》已经同意"
    ms = (mention(text, "甲省", "Region"), mention(text, "乙省", "Region"))
    s = Sentence(text, 0, mentions=ms)
    assert candidate_status(s, Candidate("partner", "甲省", "乙省", clause=(0, len(text)))) == "planned"
    assert candidate_status(s, Candidate("partOf", "甲省", "乙省", clause=(0, len(text)))) == "realized"


def test_a_given_status_stands():
    s = Sentence("将来再说", 0)
    assert candidate_status(s, Candidate("partner", "甲", "乙", status="realized")) == "realized"
