"""PDF files: the text layer, with the lines of a paragraph joined again.

A PDF has no paragraphs, only lines placed on a page; a sentence that wraps is two lines.
The extractor reads line by line, so `reflow` joins a line to the next when the line is
about as long as the page's full lines and does not end a sentence. A scanned PDF has no
text layer and fails with that reason (no OCR here).
"""
from __future__ import annotations

import logging
from pathlib import Path

from extract.readers.errors import UnreadableDocument

# pypdf logs every oddity of a damaged file as a warning on stderr; the build reports a
# file that fails in one line of its own, and one that is read was read.
logging.getLogger("pypdf").setLevel(logging.ERROR)

__all__ = ["read_pdf", "reflow"]

MIN_FULL_LINE = 15
_ENDS = tuple("。！？；：!?;:」』”）)")


def reflow(text: str) -> str:
    """Join wrapped lines back into paragraphs.

    A line is wrapped when it is at least 75 % as long as the page's longest line and does
    not end with closing punctuation. (Characters, not points: CJK characters are all
    one em wide, so a full line of Chinese is a nearly constant number of them.)

    >>> page = "湖南大学与香港城市大学签订了合作协议，双方将在人工\\n智能领域开展联合研究。\\n第二段。"
    >>> print(reflow(page))
    湖南大学与香港城市大学签订了合作协议，双方将在人工智能领域开展联合研究。
    第二段。
    """
    lines = [line.rstrip() for line in text.split("\n")]
    full = max(map(len, lines), default=0)
    if full < MIN_FULL_LINE:
        return "\n".join(lines)
    out: list[str] = []
    joining = False
    for line in lines:
        if joining and line.strip():
            out[-1] += line.strip()
        else:
            out.append(line)
        stripped = out[-1].strip()
        joining = bool(line.strip()) and len(line) >= 0.75 * full and not stripped.endswith(_ENDS)
    return "\n".join(out)


def read_pdf(path: Path) -> str:
    """The text layer of a PDF, page by page."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise UnreadableDocument("encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfReadError as e:
        raise UnreadableDocument(f"damaged PDF ({str(e)[:160]})") from None
    if not any(p.strip() for p in pages):
        raise UnreadableDocument("PDF has no text layer (a scan? OCR it first)")
    return "\n\n".join(reflow(p) for p in pages)
