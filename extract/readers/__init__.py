"""Reading document files into text, one reader module per format, chosen by suffix.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> _ = open(p, "wb").write("湖南大学".encode("gb18030"))
    >>> read_document(p)
    '湖南大学'

A reader returns the document's text with one block (paragraph, heading, table row) per
line, so the boilerplate filter and the sentence splitter see the structure. A file no
reader handles raises `UnsupportedDocument` (the build skips it); a file a reader handles
but cannot read raises `UnreadableDocument` (the build counts it as failed). Either way
the message is one line saying why. Adding a format is adding a module and one line in
`READERS`; reader modules are imported only when a file of their kind turns up.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

from extract.readers.discovery import PathProblem, walk as iter_documents
from extract.readers.errors import UnreadableDocument, UnsupportedDocument

__all__ = ["UnreadableDocument", "UnsupportedDocument", "read_document", "iter_documents", "PathProblem", "reader_for",
           "READERS", "SUPPORTED_SUFFIXES"]

# suffix → "module:function" taking a Path and returning text.
READERS = {
    ".txt": "extract.readers.plain:read_text",
    ".md": "extract.readers.plain:read_text",
    ".html": "extract.readers.webpage:read_html",
    ".htm": "extract.readers.webpage:read_html",
    ".docx": "extract.readers.word:read_docx",
    ".pdf": "extract.readers.pdf:read_pdf",
}
SUPPORTED_SUFFIXES = tuple(READERS)


def reader_for(path: str | Path) -> Callable[[Path], str]:
    """The reader function for a file, by its suffix.

    >>> reader_for("a.HTM").__name__
    'read_html'
    >>> reader_for("budget.xlsx")
    Traceback (most recent call last):
    ...
    extract.readers.errors.UnsupportedDocument: unsupported file type .xlsx
    """
    suffix = Path(path).suffix.lower()
    target = READERS.get(suffix)
    if target is None:
        raise UnsupportedDocument(f"unsupported file type {suffix or '(no suffix)'}")
    module, func = target.split(":")
    return getattr(importlib.import_module(module), func)


def read_document(path: str | Path) -> str:
    """The text of a document file; `UnreadableDocument` with the reason if there is none."""
    path = Path(path)
    reader = reader_for(path)
    try:
        text = reader(path)
    except UnreadableDocument:
        raise
    except OSError as e:
        raise UnreadableDocument(e.strerror or str(e)) from None
    except Exception as e:  # a reader library's own error on a damaged file: one line, not a traceback
        reason = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise UnreadableDocument(f"damaged {path.suffix.lower()[1:]} file ({reason[:160]})") from None
    if not text.strip():
        raise UnreadableDocument("empty document (no text)")
    return text
