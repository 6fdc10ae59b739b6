"""Word files (`.docx`): paragraphs and table rows of the body, in document order.

Page headers and footers (letterheads, page numbers) are left out: they repeat on every
page and are not the document's text. A table row becomes one line with its cells
separated by tabs, so a table of projects reads row by row.
"""
from __future__ import annotations

from pathlib import Path

from extract.readers.errors import UnreadableDocument

__all__ = ["read_docx", "docx_text"]


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


def read_docx(path: Path) -> str:
    """The text of a .docx file."""
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
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
