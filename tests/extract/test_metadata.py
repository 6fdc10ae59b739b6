import pytest

from extract.metadata import find_metadata
from extract.normalise import normalise

OFFICIAL = """湖南省人民政府办公厅
湘政办发〔2021〕57号
湖南省人民政府办公厅关于推进湘港高校合作的意见
各市州人民政府，省政府各厅委、各直属机构：
根据国发〔2019〕12号文件精神，支持湖南大学与香港城市大学深化合作。
湖南省人民政府办公厅
2021年6月8日
"""

WEB_PAGE = """湖南省人民政府门户网站
当前位置：首页 > 政务公开
香港贸易发展局与湖南省商务厅签署合作备忘录
湖南省商务厅 发布时间：2023-11-20 10:30
【字体：大 中 小】
香港贸易发展局今日与湖南省商务厅签署了合作备忘录。
"""

REPLY = """关于省政协十三届一次会议第0123号提案的答复
吴委员：
您提出的关于加强湘港合作的提案收悉，现答复如下。
感谢您对我们工作的关心和支持。
湖南省教育厅
二〇二三年七月五日
"""


def test_official_document_header_and_signature():
    m = find_metadata(normalise(OFFICIAL))
    assert m.number == "湘政办发〔2021〕57号"  # the document's own, not the one cited in the body
    assert m.title == "湖南省人民政府办公厅关于推进湘港高校合作的意见"
    assert m.issuer == "湖南省人民政府办公厅"
    assert m.date == "2021-06-08"


def test_web_page_title_and_publication_date_skip_the_site_furniture():
    m = find_metadata(normalise(WEB_PAGE))
    assert m.title == "香港贸易发展局与湖南省商务厅签署合作备忘录"
    assert m.date == "2023-11-20"
    assert m.number is None


def test_reply_letter_signed_with_a_chinese_numeral_date():
    m = find_metadata(normalise(REPLY))
    assert m.title == "关于省政协十三届一次会议第0123号提案的答复"
    assert m.issuer == "湖南省教育厅"
    assert m.date == "2023-07-05"


@pytest.mark.parametrize("text", ["", "\n\n\n", "2021年13月40日", "湘政办发[2021]号", "。" * 10000])
def test_nothing_stated_nothing_found(text):
    m = find_metadata(text)
    assert m.number is None and m.date is None


def test_metadata_reaches_the_document_record(nlp):
    from extract import extract_document

    rec = extract_document(nlp, OFFICIAL, "official")
    assert (rec.number, rec.date) == ("湘政办发〔2021〕57号", "2021-06-08")
    assert rec.title.startswith("湖南省人民政府办公厅关于")


def test_labels_times_and_group_names_are_not_titles():
    text = "跳至主要内容\n日期: 2024年04月28日\n28/04/2024 - 10:55\n湖南省湘港合作课题组\n湘港高校合作的现状与建议\n正文。"
    m = find_metadata(normalise(text))
    assert m.title == "湘港高校合作的现状与建议"
    assert m.date == "2024-04-28"


# Friction 4: dates in every usual form, wherever the genre puts them.
@pytest.mark.parametrize("text, date", [
    ("贵州省外事办公室\n" + "正文。\n" * 30 + "2023年6月28日印发\n共印5份", "2023-06-28"),   # short text, many lines
    ("省长会见香港客商\n\n29.05.2015  12:22\n\n江西团在港推介。", "2015-05-29"),
    ("04/05/2024 - 10:55:34\n你现在的位置: 首页\n本局武汉代表处正式启动", "2024-05-04"),
    ("深港合作项目签约\n来源: 深圳特区报   发布时间: 2021-01-27\n正文。", "2021-01-27"),
    ("穗港合作会议召开\n二〇二三年六月二十八日\n正文。", "2023-06-28"),
    ("中总访问团考察佛山\n\n2019-06-04\n\n正文。", "2019-06-04"),
    ("经批准,2023年1月31日至2月1日,福建省贸促会代表团访问澳门。\n正文。", "2023-01-31"),
])
def test_dates_in_every_usual_form(text, date):
    assert find_metadata(normalise(text)).date == date


@pytest.mark.parametrize("text", ["10月14日,研究院在香港揭牌。", "(2020—2025年)规划", "版本 3.1.2"])
def test_no_full_date_no_date(text):
    assert find_metadata(normalise(text)).date is None


def test_a_title_wrapped_over_three_lines_is_joined():
    text = "广东省人民政府关于政协第十三届全国委员会\n第四次会议第3481号(统战政协类\n081号)提案答复的函\n粤府函〔2021〕182号\n正文。"
    assert find_metadata(normalise(text)).title == "广东省人民政府关于政协第十三届全国委员会第四次会议第3481号(统战政协类081号)提案答复的函"


def test_a_news_item_without_a_title_line_is_named_by_its_lead():
    text = "□ 文/本刊记者 王明\n4日下午,湘港投资贸易活动周在香港会展中心隆重开幕。全国政协副主席出席。"
    assert find_metadata(normalise(text)).title == "4日下午,湘港投资贸易活动周在香港会展中心隆重开幕"
