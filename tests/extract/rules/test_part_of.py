"""Each partOf rule on sentences written by hand."""
from extract.rules import DocumentFacts, Sentence

from tests.extract.rules.conftest import mention, read, sentence


def test_part_of_by_name_is_the_body_the_name_opens_with():
    text = "甲大学深圳研究院成立"
    name = mention(text, "甲大学深圳研究院", "ResearchInstitute", inner=[mention(text, "甲大学", "University")])
    s = Sentence(text, 0, mentions=(name,), document=DocumentFacts(known=frozenset({"甲大学", "甲大学深圳研究院"})))
    assert [(c.head, c.tail) for c in read(s, "rc.part_of_by_name.v1")] == [("甲大学深圳研究院", "甲大学")]


def test_part_of_by_name_needs_the_whole_named_in_the_text():
    text = "甲大学深圳研究院成立"
    name = mention(text, "甲大学深圳研究院", "ResearchInstitute", inner=[mention(text, "甲大学", "University")])
    assert read(Sentence(text, 0, mentions=(name,)), "rc.part_of_by_name.v1") == []


def test_part_of_by_enumeration_lists_the_parts_of_the_zone_before():
    first = "甲新区加快建设“两城”。"
    zone = mention(first, "甲新区", "DevelopmentZone")
    before = Sentence(first, 0, mentions=(zone,))
    second = "其中，“两城”指乙城、丙城。"
    parts = tuple(mention(second, n, "DevelopmentZone") for n in ("乙城", "丙城"))
    shifted = tuple(type(p)(p.start + len(first), p.end + len(first), p.surface, p.entity) for p in parts)
    s = Sentence(second, len(first), mentions=shifted, previous=before)
    cands = read(s, "rc.part_of_by_enumeration.v1")
    assert {(c.head, c.tail) for c in cands} == {("乙城", "甲新区"), ("丙城", "甲新区")}
    assert all(c.implicit for c in cands)


def test_part_of_set_up_in_zone():
    s = sentence("在甲园区设乙交易中心", "甲园区", "乙交易中心",
                 types={"甲园区": "DevelopmentZone", "乙交易中心": "Platform"})
    assert [(c.head, c.tail) for c in read(s, "rc.part_of_set_up_in_zone.v1")] == [("乙交易中心", "甲园区")]
