"""Word files (`.docx`): paragraphs and table rows of the body, in document order.

Page headers and footers (letterheads, page numbers) are left out: they repeat on every
page and are not the document's text. A table row becomes one line with its cells
separated by tabs, so a table of projects reads row by row.

Size: libxml2 refuses, by default, any single text node over 10 MB, which turned a long but
valid file into a "damaged" one. Here the limit is stated instead: a file whose XML parts
come to at most `XML_LIMIT` bytes once unzipped is read whole (lxml's `huge_tree`, entities
still never resolved); a larger one, or a zip bomb, is refused before anything is inflated,
with a message naming the limit.
"""
from __future__ import annotations

import zipfile
from contextlib import contextmanager
from pathlib import Path

from extract.readers.errors import UnreadableDocument

__all__ = ["read_docx", "docx_text", "XML_LIMIT"]

XML_LIMIT = 200 * 1024 * 1024    # bytes of XML inside a .docx, unzipped


def docx_text(document) -> str:
    """The body text of a python-docx `Document`, one paragraph or table row per line.

    >>> import docx
    >>> d = docx.Document()
    >>> _ = d.add_heading("湖南大学与香港城市大学合作", level=1)
    >>> t = d.add_table(rows=1, cols=2)
    >>> t.cell(0, 0).text, t.cell(0, 1).text = "湖南大学", "香港城市大学"
    >>> docx_text(d).split("\\n")
    ['湖南大学与香港城市大学合作', '湖南大学\\t香港城市大学']
    """
    lines: list[str] = []
    _blocks(document, lines)
    return "\n".join(line for line in lines if line.strip())


def _blocks(container, lines: list[str]):
    from docx.table import Table

    for block in container.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                cells = []
                for cell in row.cells:
                    if not cells or cell._tc is not cells[-1][0]:  # merged cells repeat
                        cells.append((cell._tc, " ".join(p.text.strip() for p in cell.paragraphs).strip()))
                lines.append("\t".join(text for _, text in cells))
        else:
            lines.append(block.text)


def _xml_size(path: Path) -> int | None:
    """Bytes of XML the archive holds once inflated, as its directory states (None: not a zip)."""
    try:
        with zipfile.ZipFile(path) as z:
            return sum(i.file_size for i in z.infolist() if i.filename.endswith((".xml", ".rels")))
    except (zipfile.BadZipFile, OSError, ValueError):
        return None


@contextmanager
def _huge_text_nodes():
    """python-docx's parser, allowed text nodes over 10 MB (the size is checked before)."""
    from docx.oxml import parser
    from lxml import etree

    huge = etree.XMLParser(remove_blank_text=True, resolve_entities=False, huge_tree=True)
    huge.set_element_class_lookup(parser.element_class_lookup)
    usual, parser.oxml_parser = parser.oxml_parser, huge
    try:
        yield
    finally:
        parser.oxml_parser = usual


def read_docx(path: Path) -> str:
    """The text of a .docx file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    size = _xml_size(path)
    if size is not None and size > XML_LIMIT:
        raise UnreadableDocument(f"too large: {size / 2**20:.0f} MB of XML unzipped, over the "
                                 f"{XML_LIMIT / 2**20:.0f} MB limit for .docx files")
    try:
        with _huge_text_nodes():
            document = docx.Document(str(path))
    except PackageNotFoundError:
        with open(path, "rb") as f:
            magic = f.read(4)
        if magic == b"\xd0\xcf\x11\xe0":
            raise UnreadableDocument("not a Word .docx file but an old .doc; save it as .docx") from None
        if magic == b"PK\x03\x04":
            raise UnreadableDocument("damaged .docx file (incomplete zip archive)") from None
        raise UnreadableDocument("not a Word .docx file") from None
    except KeyError as e:
        raise UnreadableDocument(f"damaged .docx file (missing part {e})") from None
    return docx_text(document)
