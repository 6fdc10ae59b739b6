"""Plain text (`.txt`, `.md`): bytes in whatever encoding Chinese offices save in → str.

UTF-8 (with or without BOM) is tried first because it is both the commonest and the only
encoding that rejects most foreign bytes; UTF-16 is recognised by its BOM (or, without
one, by its zero bytes); GBK/GB18030 is taken when it yields common simplified
characters; anything else goes to charset-normalizer restricted to the encodings Chinese
documents actually use (GB18030, Big5-HKSCS), so a GBK file is never mistaken for Latin-1.
"""
from __future__ import annotations

from pathlib import Path

from extract.readers.errors import UnreadableDocument

__all__ = ["decode", "read_text"]

# GB18030 is a superset of GBK and GB2312; Big5-HKSCS of Big5 (Hong Kong texts need it).
CHINESE_ENCODINGS = ["gb18030", "big5hkscs"]


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: zero bytes (from ASCII and newlines) on one side of each pair only.

    Binary data has zeros on both sides, or decodes to control characters.
    """
    if len(data) < 4 or len(data) % 2:
        return None
    evens, odds = data[0::2].count(0), data[1::2].count(0)
    if min(evens, odds) * 10 > max(evens, odds):
        return None
    try:
        text = data.decode("utf-16-le" if odds > evens else "utf-16-be")
    except UnicodeDecodeError:
        return None
    controls = sum(1 for c in text if c < " " and c not in "\t\n\r\f")
    return text if controls * 100 <= len(text) else None


def decode(data: bytes) -> str:
    """Text from bytes in any encoding a Chinese document comes in.

    >>> decode("湖南大学".encode("gb18030"))
    '湖南大学'
    >>> decode("香港貿易發展局".encode("big5"))
    '香港貿易發展局'
    >>> decode("\\ufeff湖南".encode("utf-8"))
    '湖南'
    >>> decode("湖南大学 and HKU".encode("utf-16"))
    '湖南大学 and HKU'
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16")
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is None:
            raise UnreadableDocument("binary file, not text")
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        text = None
    if text is not None and _looks_simplified(text):
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=CHINESE_ENCODINGS).best()
    if best is None:
        raise UnreadableDocument("not text in any Chinese encoding (binary file?)")
    return str(best)


def _looks_simplified(text: str, sample: int = 20000) -> bool:
    """Nearly every non-ASCII character a common simplified one (GB2312) or CJK punctuation.

    Big5 bytes also decode as GBK, into a mix of rare characters and kana; mainland text
    decoded as GBK is almost all GB2312. Deciding this first keeps short GBK texts (a
    title, two characters) from being taken for Big5, and big files fast.
    """
    wide = [c for c in text[:sample] if ord(c) > 0x7F]
    if not wide:
        return True
    ok = 0
    for c in wide:
        if "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef":
            ok += 1
        elif "\u4e00" <= c <= "\u9fff":
            try:
                c.encode("gb2312")
                ok += 1
            except UnicodeEncodeError:
                pass
    return ok >= 0.9 * len(wide)


def _strict(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        raise UnreadableDocument(f"invalid {codec} at byte {e.start}") from None


def read_text(path: Path) -> str:
    """The text of a plain-text file."""
    return decode(path.read_bytes())
