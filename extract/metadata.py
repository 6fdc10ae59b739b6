"""A document's own metadata where its text states it: title, issuing body, number, date.

Official documents put these in fixed places: the number (湘政办发〔2021〕57号) and the
title in the first lines, the issuing body in the title ("X关于…的通知") or above the date
at the end, the date alone on a line at the end (or, on a web page, after 发布时间:). We
look only there — the first and last few lines — so a document number cited in the body
("根据国发〔2019〕12号文件") is not taken for the document's own, and a 50 MB text costs
no more than a short one.

Works on normalised text (`extract.normalise`), where 〔〕 have become [ ] and （） ( );
numbers are given back in their official form with 〔〕.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from extract.records import DocumentRecord

__all__ = ["DocumentMetadata", "find_metadata", "fill_metadata", "parse_date"]

HEAD_CHARS, HEAD_LINES = 4000, 20
TAIL_CHARS, TAIL_LINES = 2000, 12

_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0, "O": 0, "Ο": 0}
# The forms dates come in: 2023年6月28日, 2023-06-28 (2023/6/28, 2023.06.28), 二〇二三年六月二十八日,
# and day first as Hong Kong, Macau and European sites write them: 29.05.2015, 04/05/2024.
_YMD = r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]|[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})(?!\d))"
_DMY = r"(?<![\d.])(?P<d3>\d{1,2})[./](?P<m3>\d{1,2})[./](?P<y3>(?:19|20)\d{2})(?!\d)"
_CN_DATE = (r"(?P<cy>[〇○零一二三四五六七八九O]{4})\s*年\s*(?P<cm>[一二三四五六七八九十]{1,3})\s*月"
            r"\s*(?P<cd>[一二三四五六七八九十]{1,3})\s*[日号]")
_DATE = re.compile(f"{_YMD}|{_DMY}|{_CN_DATE}")
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,12})\s*[\[(]\s*((?:19|20)\d{2})\s*[\])]\s*第?\s*(\d{1,5})\s*号")
_SIGNED_LABEL = re.compile(r"(?:成文日期|发文日期|印发日期|签发日期|签署日期)\s*[:：]")
_PUBLISHED_LABEL = re.compile(r"(?:发布时间|发布日期|發布時間|發布日期|日期|时间)\s*[:：]")
_NUMBER_LABEL = re.compile(r"(?:发文字号|文号|發文字號)\s*[:：]")
_ISSUER_LABEL = re.compile(r"(?:发文机关|发布机构|发文单位|发布单位|發文機關)\s*[:：]\s*([^\s:：,，;；]{2,40})")
_ORG_END = ("人民政府", "政府", "办公厅", "办公室", "厅", "局", "委员会", "委", "部", "署", "院", "会", "大学",
            "学院", "中心", "公司", "集团", "协会", "商会", "总会", "办", "组", "處", "廳", "會", "辦", "組")
_GENRE_END = re.compile(r"(?:通知|意见|方案|规划|办法|函|复函|批复|报告|通报|决定|公告|通告|备忘录|协议|纲要|计划|措施|"
                        r"细则|规定|条例|指引|指南|意見|規劃|辦法|報告|通報|決定|備忘錄|協議|計劃)[)\]」》]*$")
_SENTENCE_END = tuple("。！？；!?;，,、")
_LABELLED = re.compile(r"^[^\s:：]{1,8}\s*[:：]")          # "日期: …", "来源：…"
_CJK = re.compile(r"[\u4e00-\u9fff]")
# Lines that open a page but are no title: bylines, share widgets, version switches, banners.
_NOT_TITLE = re.compile(r"^[□■◆●]|^\s*文\s*/|^\S{0,8}[记記]者\s|[点點][赞讚]\s*\(|打[赏賞]|简体版|簡體版|英文版|寄给朋友|[评評][论論]列表")
_DECORATION = re.compile(r"[—\-–=*#\s]+")
LEAD_TITLE_CHARS = 40


@dataclass(frozen=True)
class DocumentMetadata:
    title: str | None = None
    issuer: str | None = None
    number: str | None = None
    date: str | None = None


def parse_date(text: str) -> str | None:
    """The first date in `text` as ISO yyyy-mm-dd, if it is a real date.

    >>> parse_date("2023年11月20日"), parse_date("发布时间:2024-05-10 09:30")
    ('2023-11-20', '2024-05-10')
    >>> parse_date("二〇二一年五月十二日"), parse_date("2021年2月30日")
    ('2021-05-12', None)
    >>> parse_date("29.05.2015  12:22"), parse_date("04/05/2024 - 10:55:34"), parse_date("05/13/2024")
    ('2015-05-29', '2024-05-04', '2024-05-13')
    """
    for m in _DATE.finditer(text):
        if (d := _date_of(m)) is not None:
            return d
    return None


def _date_of(m: re.Match) -> str | None:
    g = m.groupdict()
    try:
        if g["y"]:
            y, mo, d = int(g["y"]), int(g["m"] or g["m2"]), int(g["d"] or g["d2"])
        elif g["y3"]:
            y, d, mo = int(g["y3"]), int(g["d3"]), int(g["m3"])
            if mo > 12 >= d:        # 05/13/2024: the American order, month first
                d, mo = mo, d
        else:
            y = int("".join(str(_CN_DIGITS[c]) for c in g["cy"]))
            mo, d = _cn_number(g["cm"]), _cn_number(g["cd"])
        return datetime.date(y, mo, d).isoformat()
    except (ValueError, KeyError):
        return None


def _cn_number(s: str) -> int:
    """一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31."""
    if "十" not in s:
        return _CN_DIGITS[s]
    tens, _, units = s.partition("十")
    return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)


def _lines(text: str, limit: int) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()][:limit]


def _is_date_line(line: str) -> bool:
    """A line that is a date and little else: "2021年6月8日", "29.05.2015  12:22", "2023年6月28日印发"."""
    m = _DATE.search(line)
    if not m:
        return False
    rest = _TIME.sub("", line[:m.start()] + line[m.end():])
    return len(re.sub(r"[\s\-|:：()（）]", "", rest)) <= 2


def _is_org_line(line: str) -> bool:
    return 2 < len(line) <= 30 and line.endswith(_ORG_END) and not any(c in line for c in "。，,;；:：")


def _number(head: list[str]) -> str | None:
    for line in head:
        m = _NUMBER.search(line)
        if m and (len(line) <= 40 or _NUMBER_LABEL.search(line)):
            prefix = re.sub(r"^(?:发文字号|文号)", "", m.group(1))
            return f"{prefix}〔{m.group(2)}〕{m.group(3)}号"
    return None


def _date(head: list[str], tail: list[str]) -> str | None:
    for line in head + tail:
        if _SIGNED_LABEL.search(line) and (d := parse_date(line)):
            return d
    for line in reversed(tail):
        if _is_date_line(line) and (d := parse_date(line)):
            return d
    for line in head:
        if (_is_date_line(line) or _PUBLISHED_LABEL.search(line)) and (d := parse_date(line)):
            return d
    # A news item dates itself in its first lines ("date 2025-11-24 …", "2023年1月31日至2月1日,…
    # 代表团访问澳门"); the first full date there is the nearest the text comes to its own.
    for line in head:
        if d := parse_date(line):
            return d
    return None


def _not_title(line: str) -> bool:
    from extract.boilerplate import is_boilerplate

    return bool(is_boilerplate(line) or _is_date_line(line) or (_NUMBER.search(line) and len(line) <= 40)
                or _LABELLED.match(line) or _NOT_TITLE.search(line)
                or len(_CJK.findall(_DECORATION.sub("", line))) < 4)


def _title(head: list[str]) -> str | None:
    candidates = []
    for i, line in enumerate(head):
        if _not_title(line) or len(line) < 5 or len(line) > 80 or line.endswith(_SENTENCE_END):
            continue
        if _is_org_line(line) and not _GENRE_END.search(line) and "关于" not in line and "關於" not in line:
            continue  # the issuing body on its own line above the title
        # A title wrapped over two or three lines: "…关于印发《…》" / "的通知", or "…关于政协…" /
        # "第四次会议第3481号(…" / "081号)提案答复的函".
        for nxt in head[i + 1:i + 3]:
            if _GENRE_END.search(line) and not nxt.startswith("的"):
                break
            if len(nxt) > 30 or nxt.endswith(_SENTENCE_END) or _LABELLED.match(nxt):
                break
            joined = line + nxt
            if _GENRE_END.search(nxt) or ("关于" in line or "關於" in line) and len(joined) <= 80:
                line = joined
            else:
                break
        candidates.append(line)
    for line in candidates:
        if "关于" in line or "關於" in line or _GENRE_END.search(line):
            return line
    if candidates:
        return candidates[0]
    return _lead_title(head)


def _lead_title(head: list[str]) -> str | None:
    """No title line: the first clause of the first line of text stands in for one.

    News items that start straight with their lead ("4日下午,由省委、省政府举办的…开幕。")
    still get a name people can read in a list, instead of a file name.
    """
    for line in head:
        if _not_title(line):
            continue
        clause = re.split(r"[。！？!?;；]", line, maxsplit=1)[0].strip()
        if len(_CJK.findall(clause)) >= 4:
            return clause if len(clause) <= LEAD_TITLE_CHARS else clause[:LEAD_TITLE_CHARS - 1] + "…"
    return None


def _issuer(head: list[str], tail: list[str], title: str | None) -> str | None:
    for line in head + tail:
        if m := _ISSUER_LABEL.search(line):
            return m.group(1)
    if title:
        m = re.match(r"(.{2,40}?)(?:关于|關於)", title)
        if m:
            first = re.split(r"[\s、]+", m.group(1).strip())[0]
            if first.endswith(_ORG_END):
                return first
    for i in range(len(tail) - 1, 0, -1):
        if _is_date_line(tail[i]) and _is_org_line(tail[i - 1]):
            return tail[i - 1]
    for line in head[:5]:
        if _is_org_line(line) and not _GENRE_END.search(line):
            return line
    return None


def find_metadata(text: str) -> DocumentMetadata:
    """Title, issuing body, document number and date, where the text gives them.

    >>> text = '''湘政办发[2021]57号
    ... 湖南省人民政府办公厅关于印发《湖南省深化湘港合作实施方案》
    ... 的通知
    ... 各市州人民政府，省政府各厅委、各直属机构:
    ... 现将《湖南省深化湘港合作实施方案》印发给你们，请认真贯彻执行。
    ... 湖南省人民政府办公厅
    ... 2021年6月8日'''
    >>> m = find_metadata(text)
    >>> m.number, m.date, m.issuer
    ('湘政办发〔2021〕57号', '2021-06-08', '湖南省人民政府办公厅')
    >>> m.title
    '湖南省人民政府办公厅关于印发《湖南省深化湘港合作实施方案》的通知'
    >>> find_metadata("湖南大学与香港城市大学签订合作协议。")      # no title line: the lead's first clause
    DocumentMetadata(title='湖南大学与香港城市大学签订合作协议', issuer=None, number=None, date=None)
    """
    head = _lines(text[:HEAD_CHARS], HEAD_LINES)
    tail = _lines(text[-TAIL_CHARS:], 10 ** 6)[-TAIL_LINES:]
    title = _title(head)
    return DocumentMetadata(title=title, issuer=_issuer(head, tail, title), number=_number(head),
                            date=_date(head, tail))


def fill_metadata(rec: DocumentRecord, text: str) -> DocumentRecord:
    """Set the record's title, number and date from the text, and its author if it has none.

    The author stays an entity of the document: it is filled only when the issuing body is
    one of the entities the extractor found (the pipeline's own author detection comes first).

    >>> from extract.records import Entity
    >>> rec = DocumentRecord("d", "d.txt", "0" * 64)
    >>> rec.entities["湖南省教育厅"] = Entity("湖南省教育厅", "GovernmentAgency")
    >>> _ = fill_metadata(rec, "湖南省教育厅关于湘港高校合作的通报\\n正文。\\n湖南省教育厅\\n2024年5月10日")
    >>> rec.title, rec.author, rec.date
    ('湖南省教育厅关于湘港高校合作的通报', '湖南省教育厅', '2024-05-10')
    """
    from extract.normalise import to_simplified_name

    meta = find_metadata(text)
    rec.title = rec.title or meta.title
    rec.number = rec.number or meta.number
    rec.date = rec.date or meta.date
    if rec.author is None and meta.issuer:
        key = to_simplified_name(meta.issuer)
        if key in rec.entities:
            rec.author = key
    return rec
