"""Reading documents from disk into text; a file that cannot be read says why in one line."""
from __future__ import annotations

from pathlib import Path

__all__ = ["UnreadableDocument", "read_document", "iter_documents", "SUPPORTED_SUFFIXES"]

SUPPORTED_SUFFIXES = (".txt", ".md")


class UnreadableDocument(Exception):
    """A document that cannot be turned into text; the message is the reason."""


def _decode(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "utf_8"]).best()
    if best is None:
        raise UnreadableDocument("not text in any Chinese encoding (binary file?)")
    return str(best)


def read_document(path: str | Path) -> str:
    """The text of a document file.

    >>> import tempfile, os
    >>> p = os.path.join(tempfile.mkdtemp(), "a.txt")
    >>> _ = open(p, "wb").write("湖南大学".encode("gb18030"))
    >>> read_document(p)
    '湖南大学'
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UnreadableDocument(e.strerror or str(e)) from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise UnreadableDocument("binary file, not text")
    text = _decode(data)
    if not text.strip():
        raise UnreadableDocument("empty document")
    return text


def iter_documents(paths):
    """Document files under the given files and folders, in a stable order."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                              and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            yield p
