import pytest

from tests.document_files import make_html, make_pdf, write_corpus
from extract.readers import UnreadableDocument, UnsupportedDocument, read_document
from extract.readers.plain import decode

TEXT = "湖南大学与香港城市大学签订了合作协议。\n香港贸易发展局与湖南省商务厅签署合作备忘录。\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("formats")
    write_corpus(d)
    return d


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk", "utf-16", "utf-16-le", "utf-16-be"])
def test_simplified_text_in_any_encoding(tmp_path, encoding):
    p = tmp_path / "a.txt"
    p.write_bytes(TEXT.encode(encoding))
    assert read_document(p) == TEXT


@pytest.mark.parametrize("encoding", ["big5", "big5hkscs", "utf-8", "utf-16"])
def test_traditional_text_in_any_encoding(tmp_path, encoding):
    text = "香港貿易發展局與湖南省商務廳簽署合作備忘錄，雙方將深化會展合作。\n"
    p = tmp_path / "a.md"
    p.write_bytes(text.encode(encoding))
    assert read_document(p) == text


def test_short_gbk_title_is_not_taken_for_big5():
    assert decode("港大".encode("gbk")) == "港大"
    assert decode("香港城市大學".encode("big5")) == "香港城市大學"


def test_all_formats_of_one_text_read_the_same_sentences(corpus):
    sentence = "湖南大学与香港城市大学签订了联合培养博士研究生合作协议，首批学生已于今年秋季入学。"
    for name in ["universities-utf8.txt", "universities-bom.md", "universities-gbk.txt",
                 "universities-utf16.txt", "universities.docx"]:
        assert sentence in read_document(corpus / name).splitlines(), name


def test_docx_reads_tables_but_not_page_footers(corpus):
    text = read_document(corpus / "universities.docx")
    assert "湖南大学\t香港城市大学" in text.splitlines()
    assert "香港大学" not in text


def test_html_keeps_the_article_and_drops_navigation_scripts_and_footer(corpus):
    lines = read_document(corpus / "forum.html").splitlines()
    assert lines[0] == "湖南大学与香港贸易发展局合作举办青年创业论坛"
    assert "湖南大学与香港贸易发展局联合举办了湘港青年创业论坛，双方商定每年轮流主办。" in lines
    text = "\n".join(lines)
    for furniture in ["香港大学", "香港中文大学", "政务公开", "湘ICP备", "var site", "微博"]:
        assert furniture not in text


def test_html_charset_declared_or_guessed(tmp_path):
    page = make_html(["湖南大学合作", "湖南大学与香港城市大学签订了合作协议。"], charset="utf-8")
    p = tmp_path / "a.htm"
    p.write_bytes(page.replace(b"charset=utf-8", b""))
    assert "湖南大学与香港城市大学签订了合作协议。" in read_document(p)


def test_pdf_text_layer_with_wrapped_lines_joined(tmp_path):
    p = tmp_path / "a.pdf"
    p.write_bytes(make_pdf(["湖南大学与香港城市大学签订了合作协议，双方将在人工智能和新材", "料领域开展联合研究。",
                            "香港贸易发展局与湖南省商务厅签署合作备忘录。"]))
    lines = read_document(p).splitlines()
    assert "湖南大学与香港城市大学签订了合作协议，双方将在人工智能和新材料领域开展联合研究。" in lines
    assert "香港贸易发展局与湖南省商务厅签署合作备忘录。" in lines


@pytest.mark.parametrize("name,data,reason", [
    ("a.pdf", b"%PDF-1.4\n%%EOF\n", "damaged PDF"),
    ("a.pdf", make_pdf([]), "no text layer"),
    ("a.docx", b"PK\x03\x04 truncated", "damaged .docx"),
    ("a.docx", b"\xd0\xcf\x11\xe0 an old .doc renamed", "not a Word .docx"),
    ("a.txt", b"\x00\x01\x02\x03" * 50, "binary"),
    ("a.txt", b"   \n\n", "empty"),
])
def test_unreadable_files_fail_with_one_line_reason(tmp_path, name, data, reason):
    p = tmp_path / name
    p.write_bytes(data)
    with pytest.raises(UnreadableDocument) as e:
        read_document(p)
    assert not isinstance(e.value, UnsupportedDocument)
    assert reason in str(e.value) and "\n" not in str(e.value)


def test_unsupported_type_is_its_own_reason(tmp_path):
    p = tmp_path / "a.xlsx"
    p.write_bytes(b"PK")
    with pytest.raises(UnsupportedDocument, match=r"unsupported file type \.xlsx"):
        read_document(p)


def test_docx_with_a_text_node_over_10_mb_is_read(tmp_path):
    """libxml2's default limit (10 MB per text node) made a valid file look damaged."""
    import docx

    d = docx.Document()
    d.add_paragraph("湖南大学与香港城市大学签订了合作协议" * 200_000)    # 3.6 M characters, 10.8 MB
    d.add_paragraph("双方将共建联合实验室。")
    d.save(tmp_path / "long.docx")
    lines = read_document(tmp_path / "long.docx").split("\n")
    assert len(lines[0]) == 3_600_000 and lines[1] == "双方将共建联合实验室。"


def test_docx_over_the_size_limit_is_refused_naming_the_limit(tmp_path, monkeypatch):
    import docx

    from extract.readers import word

    d = docx.Document()
    d.add_paragraph("湖南大学" * 200_000)
    d.save(tmp_path / "big.docx")
    monkeypatch.setattr(word, "XML_LIMIT", 2 * 2**20)
    with pytest.raises(UnreadableDocument, match=r"^too large: 3 MB of XML unzipped, over the 2 MB limit for .docx files$"):
        read_document(tmp_path / "big.docx")


@pytest.mark.parametrize("doctype, entity", [
    ('<!DOCTYPE w:document [<!ENTITY a "湖南大学湖南大学"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
     '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">'
     '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">'
     '<!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]>', "&h;"),
    ('<!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/hostname">]>', "&x;"),
])
def test_docx_entities_are_never_expanded_even_with_huge_text_nodes_allowed(tmp_path, doctype, entity):
    import zipfile

    import docx

    d = docx.Document()
    d.add_paragraph("湖南大学与香港大学合作。PLACEHOLDER")
    d.save(tmp_path / "plain.docx")
    with zipfile.ZipFile(tmp_path / "plain.docx") as src, zipfile.ZipFile(tmp_path / "evil.docx", "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                head, body = data.decode().split("?>", 1)
                data = (head + "?>" + doctype + body.replace("PLACEHOLDER", entity)).encode()
            dst.writestr(item, data)
    try:
        text = read_document(tmp_path / "evil.docx")
    except UnreadableDocument:
        return
    assert len(text) < 100 and "湖南大学湖南大学" not in text
    assert open("/etc/hostname").read().strip() not in text.replace("湖南大学与香港大学合作。", "")
