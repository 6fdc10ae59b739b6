import pytest

from extract.boilerplate import content_spans, furniture_kind

FURNITURE = [
    ("湘ICP备05004818号-1", "registration"),
    ("粤公网安备 44010402000001号", "registration"),
    ("网站标识码：4300000063", "registration"),
    ("版权所有：湖南省人民政府办公厅", "copyright"),
    ("主办单位：湖南省商务厅  承办单位：湖南省商务厅信息中心", "copyright"),
    ("Copyright © 2024 Hong Kong Trade Development Council. All Rights Reserved.", "copyright"),
    ("联系电话：0731-82212345", "contact"),
    ("地址：长沙市岳麓区麓山南路2号  邮编：410082", "contact"),
    ("E-mail: info@example.org", "contact"),
    ("扫一扫在手机打开当前页", "share"),
    ("分享到：微信 微博 QQ空间", "share"),
    ("关注微信公众号", "share"),
    ("【字体：大 中 小】", "page tools"),
    ("[打印本页] [关闭窗口]", "page tools"),
    ("打印 关闭", "page tools"),
    ("当前位置：首页 > 政务公开 > 通知公告", "navigation"),
    ("首页 > 新闻中心", "navigation"),
    ("跳至主要内容", "navigation"),
    ("上一篇：湖南大学召开工作会议", "navigation"),
    ("浏览次数：1024", "counter"),
    ("湖南省教育厅 发布时间：2024-05-10", "byline"),
    ("来源：湖南日报  作者：李明  责任编辑：王芳", "byline"),
    ("索引号：000014349/2021-00057", "byline"),
    ("湖南省人民政府门户网站", "site header"),
    ("欢迎访问香港城市大学网站", "site header"),
    ("- 3 -", "page number"),
    ("— 12 —", "page number"),
    ("第 3 页 共 10 页", "page number"),
]

CONTENT = [
    "湖南大学与香港城市大学签订了合作协议。",
    "香港贸易发展局与湖南省商务厅将在会展服务领域深化合作。",
    "一、主要任务",
    "(二)支持岳阳片区与香港贸易发展局共同举办投资贸易洽谈周。",
    "双方同意建立定期联络机制，每年轮流举办工作会议。",
    "2023年11月20日",
    "湖南省人民政府办公厅关于印发《湖南省对接粤港澳大湾区实施方案》的通知",
]


@pytest.mark.parametrize("line,kind", FURNITURE)
def test_furniture_is_recognised_with_its_kind(line, kind):
    from extract.normalise import normalise, simplified

    assert furniture_kind(simplified(normalise(line))) == kind


@pytest.mark.parametrize("line", CONTENT)
def test_content_lines_are_kept(line):
    assert furniture_kind(line) is None


def test_long_lines_are_content_even_with_a_furniture_word():
    line = "会议强调，要加强湘港合作，" * 10 + "联系电话等方式保持沟通。"
    assert furniture_kind(line) is None


def test_traditional_furniture_is_caught_on_the_simplified_twin():
    from extract.normalise import normalise, simplified

    assert furniture_kind(simplified(normalise("發布時間：2023-11-20"))) == "byline"


def test_content_spans_keep_offsets_of_the_lines_kept():
    text = "当前位置:首页 > 新闻\n湖南大学与香港大学合作。\n\n扫一扫\n中南大学与香港理工大学共建中心。"
    spans = list(content_spans(text))
    assert [text[s:e] for s, e in spans] == ["湖南大学与香港大学合作。", "中南大学与香港理工大学共建中心。"]
