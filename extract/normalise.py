"""Text normalisation: one canonical form of the text, and a simplified twin for matching.

Offsets matter: evidence is cited by character offsets, so `simplified()` keeps the length
of its input and every match on the simplified twin maps back to the same stretch of the
text as written (traditional characters included).
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["normalise", "simplified", "to_simplified_name"]

# lone surrogates too: no encoder accepts them, and a str can only get them from broken input
_INVISIBLE = re.compile("[\u200b-\u200f\u2028\u2029\u2060\ufeff\u00ad\ud800-\udfff]")
_NEWLINES = re.compile(r"\r\n?")
# NFKC leaves these CJK punctuation marks alone; the name grammar wants ASCII brackets.
_BRACKETS = str.maketrans({"【": "[", "】": "]", "〔": "[", "〕": "]", "―": "—", "－": "-", "‧": "·", "•": "·"})


def normalise(text: str) -> str:
    """NFKC, one newline convention, no invisible characters.

    >>> normalise("中国（湖南）自由贸易试验区\\r\\n")
    '中国(湖南)自由贸易试验区\\n'
    """
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    return text.translate(_BRACKETS)


@lru_cache(maxsize=1)
def _converter():
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional → simplified with the same length as the input.

    OpenCC converts by phrases; where a phrase changes length the text is converted
    character by character instead, so offsets stay valid.

    >>> simplified("香港貿易發展局")
    '香港贸易发展局'
    """
    cc = _converter()
    out = cc.convert(text)
    if len(out) == len(text):
        return out
    parts = []
    for line in text.split("\n"):
        conv = cc.convert(line)
        if len(conv) != len(line):
            conv = "".join(c if len(c2 := cc.convert(c)) != 1 else c2 for c in line)
        parts.append(conv)
    return "\n".join(parts)


def to_simplified_name(name: str) -> str:
    """The key form of a name: normalised, simplified, without spaces or quotes.

    >>> to_simplified_name("「中國（湖南）自由貿易試驗區」")
    '中国(湖南)自由贸易试验区'
    """
    s = simplified(normalise(name))
    s = re.sub(r"\s+", "", s)
    return s.strip("\"'“”‘’「」『』《》〈〉")
