"""Web-page furniture that is not part of the document: left out of extraction.

Scraped policy pages carry site headers, "发布时间", share buttons, ICP numbers, contact
lines and QR-code prompts; PDFs carry page numbers. A line that is furniture is masked,
not deleted, so offsets into the document stay valid. The filter runs on the simplified
twin of the text, so the patterns are written in simplified characters only.

Each kind of furniture is one named pattern, so a test (or a puzzled reader) can ask
which rule took a line out: `furniture_kind`.
"""
from __future__ import annotations

import re

__all__ = ["is_boilerplate", "furniture_kind", "content_spans", "MAX_FURNITURE_LINE"]

_LABEL = r"\s*[:：]"
_KINDS = {
    # 湘ICP备12345678号, 京ICP证030173号, 湘公网安备 43010502000001号, 网站标识码4300000063
    "registration": [r"ICP\s*[备证]?\s*[0-9]", r"ICP[备证]", r"公网安备", r"网站标识码", r"网安备\d"],
    "copyright": [r"版权所有", r"Copyright|©|\(c\)\s*\d{4}", r"All Rights Reserved", r"(?:主办|承办|协办|运维)单位" + _LABEL,
                  r"技术支持" + _LABEL, r"(?:指导|建设|维护|管理)(?:建设)?单位" + _LABEL, r"建议使用.{0,20}浏览器", r"分辨率.{0,10}浏览"],
    "contact": [r"联系电话|联系方式|联系人" + _LABEL + r"|服务热线|咨询电话|投诉电话",
                r"(?:电话|传真|邮编|邮政编码|地址|电子邮箱|邮箱)" + _LABEL,
                r"E-?mail" + _LABEL + r"?", r"\b0\d{2,3}-\d{7,8}\b.{0,20}$"],
    "share": [r"扫一扫|扫码|二维码|微信公众号|关注我们|手机版|移动版|分享到|一键分享|^\s*分享\s*$",
              r"微信\s*微博|微博\s*微信|QQ空间"],
    "page tools": [r"[\[【(]\s*字[体号]|字[体号]" + _LABEL, r"[\[【(]?\s*大\s*中\s*小\s*[\]】)]?\s*$",
                   r"打印本页|关闭窗口|收藏本页|返回顶部|\[\s*(?:打印|关闭|返回)\s*\]|【\s*(?:打印|关闭|返回)\s*】",
                   r"^\s*(?:打印|关闭|返回|收藏|纠错)(?:\s+(?:打印|关闭|返回|收藏|纠错))+\s*$",
                   r"设为首页|加入收藏|无障碍|适老化|长者模式|网站地图|^\s*(?:登录|注册|English|繁体|简体|繁體)\s*$"],
    "navigation": [r"您当前(?:的)?位置|当前位置" + _LABEL + r"|首页\s*[>›»/]|^\s*首页\s*$", r"Skip to (?:main )?content|跳[至到转](?:到)?主要内容",
                   r"^\s*(?:上一篇|下一篇|相关链接|相关阅读|相关文章|相关新闻|友情链接|热点推荐)"],
    "counter": [r"浏览次数|阅读量|阅读次数|点击数|点击量|访问量|访问次数|浏览量"],
    # "湖南省教育厅 发布时间:2024-05-10", "来源：湖南日报", the gov.cn metadata table
    "byline": [r"(?:发布时间|发布日期|更新时间|来源|作者|编辑|责任编辑|信息来源|文章来源|供稿|审核|校对|索引号|"
               r"主题分类|公开方式|公开范围|发文机关|成文日期|发文字号|文号|有效性)" + _LABEL],
    "site header": [r"^.{0,24}(?:门户网站|政府网|官方网站|官网)\s*$", r"^\s*欢迎(?:访问|光临)"],
    # PDF page furniture: "- 3 -", "— 3 —", "第 3 页 共 10 页", "3/10"
    "page number": [r"^\s*[-—–]?\s*\d{1,4}\s*[-—–]?\s*$", r"^\s*第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?\s*$",
                    r"^\s*\d{1,4}\s*/\s*\d{1,4}\s*$"],
}
_FURNITURE = re.compile("|".join(f"(?P<k{i}>{'|'.join(f'(?:{p})' for p in ps)})" for i, ps in enumerate(_KINDS.values())),
                        re.IGNORECASE)
_NAMES = list(_KINDS)
MAX_FURNITURE_LINE = 120


def furniture_kind(line: str) -> str | None:
    """Which kind of furniture a line is, or None for content.

    >>> furniture_kind("湘ICP备12345678号")
    'registration'
    >>> furniture_kind("湖南省教育厅 发布时间:2024-05-10")
    'byline'
    >>> furniture_kind("- 3 -")
    'page number'
    >>> furniture_kind("推动湖南大学与香港大学合作。") is None
    True
    """
    if len(line) > MAX_FURNITURE_LINE:
        return None
    m = _FURNITURE.search(line)
    if m is None:
        return None
    return _NAMES[int(m.lastgroup[1:])]


def is_boilerplate(line: str) -> bool:
    """A short line that matches one of the furniture patterns.

    >>> is_boilerplate("湘ICP备12345678号")
    True
    >>> is_boilerplate("推动湖南大学与香港大学合作。")
    False
    """
    return furniture_kind(line) is not None


def content_spans(text: str):
    """(start, end) of each line that is content, in order.

    >>> text = "当前位置:首页 > 政务公开\\n湖南大学与香港大学合作。\\n扫一扫在手机打开当前页"
    >>> [text[s:e] for s, e in content_spans(text)]
    ['湖南大学与香港大学合作。']
    """
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip() and not is_boilerplate(line):
            yield pos, end
        pos = end + 1
