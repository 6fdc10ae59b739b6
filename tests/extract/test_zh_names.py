"""The name grammar on sentences written for these tests."""
import pytest

from extract.gazetteer import load_gazetteer
from extract.recognise import recognise
from extract.zh_names import load_grammar


@pytest.fixture(scope="module")
def spans():
    g, gaz = load_grammar(), load_gazetteer()
    return lambda text: [s for s in recognise(text, gaz, g) if s.type != "Region"]


@pytest.fixture(scope="module")
def names(spans):
    return lambda text: [s.text for s in spans(text)]


@pytest.mark.parametrize("text, expected", [
    # verbs and function words are not part of names
    ("支持长沙市星海新材料有限公司与香港城市大学开展合作", ["长沙市星海新材料有限公司", "香港城市大学"]),
    ("推动益阳片区与华南理工大学合作共建益华先进制造研究院", ["益阳片区", "华南理工大学", "益华先进制造研究院"]),
    # names containing verbs and 和
    ("香港贸易发展局将派团参展", ["香港贸易发展局"]),
    ("省人力资源和社会保障厅牵头", ["省人力资源和社会保障厅"]),
    # nested names are found whole
    ("香港城市大学长沙创新科技中心揭牌", ["香港城市大学长沙创新科技中心"]),
    # lists
    ("与香港中华总商会、香港工业总会等三大商会座谈", ["香港中华总商会", "香港工业总会"]),
    # a firm's short name where the phrase ends with it
    ("长沙远航科技与香港大学签约", ["长沙远航科技", "香港大学"]),
    # a quoted slogan opening a name, list mark and function words inside it
    ("共同举办“把握新机遇、开拓新商机”创新科技圆桌会活动", ["“把握新机遇、开拓新商机”创新科技圆桌会"]),
    ("出席「一带一路」高峰论坛。", ["「一带一路」高峰论坛"]),
    # a list item after a name, with a head of the same kind
    ("包括前海深港国际法务区、国际高端智库集聚区等。", ["前海深港国际法务区", "国际高端智库集聚区"]),
    # 与 inside a lab's name that opens with the bodies running it; not after a name of its own
    ("参观了理大华为网络光互联与先进计算系统联合实验室。", ["理大华为网络光互联与先进计算系统联合实验室"]),
    ("湖南大学与香港大学联合实验室揭牌", ["湖南大学", "香港大学联合实验室"]),
    ("推进湖南粤港澳科创园、大数据产业园等建设。", ["湖南粤港澳科创园"]),
    ("建设“一带一路”贸易组合枢纽港。", ["“一带一路”贸易组合枢纽港"]),
    # a founding verb's object may join two subjects with 及
    ("香港大学与湖南大学成立新能源材料及储能技术湖南研究中心", ["香港大学", "湖南大学", "新能源材料及储能技术湖南研究中心"]),
])
def test_names_and_their_boundaries(names, text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "优化城乡商业网点布局",            # 布局 ends in a head character
    "按照办法执行",                    # 办法
    "各类商会和有关部门",              # generic mentions
    "香港各大学与内地高校",            # a class, not a body
    "贵州企业赴港参展",                # place + class head
    "(一)完善消费平台",                # heading numbering, weak head without a proper prefix
    "推动湖南科技创新",                # 科技 begins a phrase here
    "加强与非洲国家政府交流",          # governments of a group of countries
    "加快振兴东北老工业基地",          # a class of places, after a verb
    "发展县域消费集聚区",              # any county's
    "合理划分限制开发区",              # a planning category
    "打造长沙全球研发中心城市",        # 中心城市 is a city, not a centre
    "深化湘港科技合作",
])
def test_generic_mentions_are_not_names(names, text):
    assert names(text) == []


def test_two_bodies_written_together_are_split(names):
    assert names("自治区党委办公厅自治区人民政府办公厅关于印发通知") == ["自治区党委办公厅", "自治区人民政府办公厅"]


def test_a_nested_name_keeps_its_parent_inside(spans):
    [outer] = spans("香港城市大学长沙创新科技中心揭牌")
    assert [i.text for i in outer.inner if i.type != "Region"] == ["香港城市大学"]


def test_a_branch_keeps_its_parent_in_its_name(names):
    assert names("澳门贸易投资促进局武汉代表处今日启用")[-1] == "澳门贸易投资促进局武汉代表处"


def test_ji_joins_two_bodies_where_the_first_is_a_name(names):
    assert names("支持湖南大学及香港大学湖南研究院发展") == ["湖南大学", "香港大学湖南研究院"]


@pytest.mark.parametrize("text, unwanted", [
    ("畅通北大门，加快建设", "北京大学"),
    ("推进北京东路改造", "北京京东世纪贸易有限公司"),
    ("促进经济增长和就业", "长江和记实业有限公司"),
    ("完善员工福利丰富生活", "利丰集团"),
])
def test_a_short_name_straddling_two_words_is_not_a_mention(spans, text, unwanted):
    assert unwanted not in {s.known.canonical for s in spans(text) if s.known}


@pytest.mark.parametrize("text, wanted", [
    ("港大与湖南大学签约", "香港大学"),
    ("支持华为在长沙设立研发中心", "华为技术有限公司"),
    ("参观了护理中心、理大华为网络与计算联合实验室", "华为技术有限公司"),
])
def test_a_short_name_standing_as_a_word_is_a_mention(spans, text, wanted):
    found = {s.known.canonical for s in spans(text) if s.known}
    found |= {i.known.canonical for s in spans(text) for i in s.inner if i.known}
    assert wanted in found


def test_a_county_written_in_full_once_is_that_county_wherever_its_short_name_stands():
    g, gaz = load_grammar(), load_gazetteer()
    places = lambda text: [s.text for s in recognise(text, gaz, g) if s.text == "南沙"]  # noqa: E731
    assert places("南沙区工商联与澳门工商联会签约，为新时代南沙、澳门经贸合作创造商机。") == ["南沙"]
    assert places("为新时代南沙、澳门经贸合作创造商机。") == []
