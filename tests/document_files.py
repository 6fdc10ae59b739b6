"""Document files in every format and encoding we read, made from our own short texts.

Nothing here is downloaded or needs a font: the .docx is written with python-docx and the
PDF by hand (a text layer with a ToUnicode map, which is all a text extractor reads).
"""
from __future__ import annotations

import zlib
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data" / "ingest"


def make_pdf(lines: list[str]) -> bytes:
    """A one-page PDF whose text layer holds `lines` (BMP characters), one per line."""
    chars = sorted({c for line in lines for c in line})
    content = ["BT", "/F1 11 Tf", "40 800 Td", "15 TL"]
    for line in lines:
        content.append("<" + "".join(f"{ord(c):04X}" for c in line) + "> Tj T*")
    content.append("ET")
    stream = zlib.compress("\n".join(content).encode("ascii"))
    cmap_lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                  "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                  "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
                  "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    for i in range(0, len(chars), 100):
        block = chars[i:i + 100]
        cmap_lines.append(f"{len(block)} beginbfchar")
        cmap_lines += [f"<{ord(c):04X}> <{ord(c):04X}>" for c in block]
        cmap_lines.append("endbfchar")
    cmap_lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    cmap = "\n".join(cmap_lines).encode("ascii")
    font = "/NotoSansCJKsc-Regular"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        f"<< /Type /Font /Subtype /Type0 /BaseFont {font} /Encoding /Identity-H /DescendantFonts [6 0 R] "
        f"/ToUnicode 7 0 R >>".encode(),
        f"<< /Type /Font /Subtype /CIDFontType2 /BaseFont {font} /CIDSystemInfo << /Registry (Adobe) "
        f"/Ordering (Identity) /Supplement 0 >> /DW 1000 /FontDescriptor 8 0 R >>".encode(),
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
        f"<< /Type /FontDescriptor /FontName {font} /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 "
        f"/Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>".encode(),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def make_docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None):
    import docx

    d = docx.Document()
    d.add_heading(paragraphs[0], level=1)
    for p in paragraphs[1:]:
        d.add_paragraph(p)
    if table:
        t = d.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, cell in enumerate(row):
                t.cell(i, j).text = cell
    d.sections[0].footer.paragraphs[0].text = "香港大学 第 1 页"   # page furniture: must not be read
    d.save(str(path))


def make_html(lines: list[str], charset: str = "gb2312") -> bytes:
    nav = "".join(f'<li><a href="/{i}">{name}</a></li>' for i, name in
                  enumerate(["首页", "香港大学", "政务公开", "互动交流"]))
    body = "".join(f"<p>{line}</p>" for line in lines[1:])
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">
<title>{lines[0]}_湖南省人民政府门户网站</title><script>var site = "香港中文大学";</script>
<style>p {{ margin: 0 }}</style></head>
<body><div class="top-nav"><ul>{nav}</ul></div>
<div class="crumbs">当前位置：<a href="/">首页</a> &gt; <a href="/x">政务公开</a></div>
<div class="article"><h1>{lines[0]}</h1>{body}
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div></div>
<div id="footer">版权所有：湖南省人民政府办公厅 湘ICP备05004818号 主办单位：香港中文大学</div>
</body></html>"""
    return page.encode("gb18030" if charset.lower() in ("gb2312", "gbk", "gb18030") else charset)


def write_corpus(dest: Path) -> dict[str, str]:
    """Every format and encoding, into `dest`; returns {file name: what it is}."""
    dest.mkdir(parents=True, exist_ok=True)
    universities = (DATA / "universities.txt").read_text(encoding="utf-8")
    trade = (DATA / "trade.txt").read_text(encoding="utf-8")
    page = (DATA / "page-body.txt").read_text(encoding="utf-8").splitlines()
    files = {
        "universities-utf8.txt": (universities.encode("utf-8"), "UTF-8"),
        "universities-bom.md": (b"\xef\xbb\xbf" + universities.encode("utf-8"), "UTF-8 with BOM"),
        "universities-gbk.txt": (universities.encode("gb18030"), "GBK"),
        "universities-utf16.txt": (universities.encode("utf-16"), "UTF-16"),
        "trade-big5.txt": (trade.encode("big5"), "Big5"),
        "forum.html": (make_html(page), "HTML in GBK"),
        "trade.pdf": (make_pdf([line for line in trade.splitlines() if line]), "PDF"),
        "budget.xlsx": (b"PK\x03\x04 not ours", "unsupported"),
        "scan.pdf": (b"%PDF-1.4\n%%EOF\n", "damaged PDF"),
    }
    for name, (data, _) in files.items():
        (dest / name).write_bytes(data)
    make_docx(dest / "universities.docx", [p for p in universities.splitlines() if p.strip()],
              table=[["单位", "合作单位"], ["湖南大学", "香港城市大学"]])
    kinds = {name: kind for name, (_, kind) in files.items()}
    kinds["universities.docx"] = "Word"
    return kinds
