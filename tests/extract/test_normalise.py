from extract.boilerplate import content_spans, is_boilerplate
from extract.normalise import normalise, simplified, to_simplified_name
from extract.sentences import split_sentences


def test_simplified_keeps_length_so_offsets_hold():
    text = "香港貿易發展局與湖南省商務廳簽署備忘錄"
    out = simplified(text)
    assert len(out) == len(text) and out.startswith("香港贸易发展局与湖南省商务厅")


def test_normalise_unifies_brackets_and_widths():
    assert normalise("中国（湖南）自由贸易试验区\u200b，ＡＢＣ") == "中国(湖南)自由贸易试验区,ABC"


def test_name_key_drops_quotes_and_spaces():
    assert to_simplified_name("「 澳門中華總商會 」") == "澳门中华总商会"


def test_boilerplate_lines():
    assert is_boilerplate("版权所有：某某网站 湘ICP备12345678号-1")
    assert is_boilerplate("分享到：微信 微博")
    assert not is_boilerplate("推动湖南大学与香港城市大学开展合作。")
    text = "正文一句。\n【字体：大 中 小】打印本页\n正文二句。"
    assert [text[a:b] for a, b in content_spans(text)] == ["正文一句。", "正文二句。"]


def test_sentences_split_on_stops_and_semicolons():
    text = "一是甲与乙合作；二是丙与丁签约。\n标题"
    assert [text[a:b] for a, b in split_sentences(text)] == ["一是甲与乙合作；", "二是丙与丁签约。", "标题"]
