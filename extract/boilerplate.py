"""Web-page furniture that is not part of the document: left out of extraction.

Scraped policy pages carry site headers, "发布时间", share buttons, ICP numbers, contact
lines and QR-code prompts. A line that is furniture is masked, not deleted, so offsets
into the document stay valid.
"""
from __future__ import annotations

import re

__all__ = ["is_boilerplate", "content_spans"]

_PATTERNS = [
    r"ICP[备证]?\s*[0-9]+", r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼港澳]ICP",
    r"公网安备", r"网站标识码", r"版权所有", r"Copyright|©|\(c\)\s*\d{4}", r"主办单位[:：]", r"承办单位[:：]",
    r"技术支持[:：]", r"(?:指导|建设|维护|管理)(?:建设)?单位[:：]", r"联系电话|联系方式|服务热线|电话[:：]\s*[0-9(（]|传真[:：]|邮编[:：]|电子邮箱|E-?mail",
    r"扫一扫|二维码|分享到|【\s*字体|字号[:：]|打印本页|关闭窗口|收藏本页|返回顶部|\[打印\]|\[关闭\]",
    r"您当前(?:的)?位置|当前位置[:：]|首页\s*[>›»]", r"浏览次数|阅读量|点击数|访问量",
    r"^\s*(?:发布时间|来源|作者|编辑|责任编辑|信息来源)[:：]", r"Skip to (?:main )?content",
    r"^\s*(?:上一篇|下一篇|相关链接|相关阅读|友情链接)", r"网站地图|无障碍|适老化",
]
_FURNITURE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
MAX_FURNITURE_LINE = 120


def is_boilerplate(line: str) -> bool:
    """A short line that matches one of the furniture patterns.

    >>> is_boilerplate("湘ICP备12345678号")
    True
    >>> is_boilerplate("推动湖南大学与香港大学合作。")
    False
    """
    return len(line) <= MAX_FURNITURE_LINE and bool(_FURNITURE.search(line))


def content_spans(text: str):
    """(start, end) of each line that is content, in order."""
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip() and not is_boilerplate(line):
            yield pos, end
        pos = end + 1
