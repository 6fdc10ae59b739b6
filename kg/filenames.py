"""File names as the build shows and keys them, whatever bytes the file system holds.

A Linux file name is bytes: it may hold control characters or bytes that are not UTF-8
(Python carries those as lone surrogates). Neither may reach a terminal, a JSON manifest,
an RDF literal or an IRI as they are, so names are turned into text once, here.
"""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

__all__ = ["printable", "safe_id"]

_ODD = re.compile(r"[\udc80-\udcff]|[^\S ]|[\x00-\x1f\x7f-\x9f]")


def _escape(ch: str) -> str:
    if "\udc80" <= ch <= "\udcff":           # a byte that is not UTF-8 (surrogateescape)
        return f"\\x{ord(ch) - 0xDC00:02x}"
    return ch.encode("unicode_escape").decode("ascii")


def printable(path) -> str:
    r"""The path as one line of valid text: odd bytes and control characters escaped.

    >>> printable(Path("a/b\x01c.txt")), printable(os.fsdecode(b"bad\xff.txt"))
    ('a/b\\x01c.txt', 'bad\\xff.txt')
    >>> printable("湖南 大学.txt")
    '湖南 大学.txt'
    """
    return _ODD.sub(lambda m: _escape(m.group()), str(path))


def safe_id(name: str) -> str:
    r"""A document id from a file's stem: stable, one line, valid text, no blanks.

    Ordinary names are kept as they are (whitespace runs become `_`); an odd byte
    becomes `%XX` and a control or format character its UTF-8 bytes as `%XX`, so two
    different names stay two different ids.

    >>> safe_id("湖南 大学"), safe_id("a\x01b"), safe_id(os.fsdecode(b"bad\xff"))
    ('湖南_大学', 'a%01b', 'bad%FF')
    """
    def fix(ch: str) -> str:
        if "\udc80" <= ch <= "\udcff":
            return f"%{ord(ch) - 0xDC00:02X}"
        if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co"):
            return "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
        return ch
    name = re.sub(r"\s+", "_", name)
    return "".join(map(fix, name))
