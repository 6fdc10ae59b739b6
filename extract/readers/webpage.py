"""Web pages (`.html`): the main text, without the site's navigation, footers and scripts.

Policy pages are scraped from government portals whose article is a few paragraphs in a
frame of menus, breadcrumbs, "related links" lists and footers. We parse with the stdlib
parser (no dependency, tolerant of broken markup), drop the elements that are never
content (script, style, nav, header, footer, aside, forms …), drop blocks whose text is
mostly links (menus and link lists), and write one line per block. What furniture is
left in the text (发布时间, share buttons, ICP numbers) is for `extract.boilerplate`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from extract.readers.plain import decode

__all__ = ["html_text", "read_html"]

_DROP = {"script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "select",
         "button", "iframe", "svg", "canvas", "object", "embed", "head", "menu", "dialog"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr"}
_BLOCK = {"p", "div", "section", "article", "main", "ul", "ol", "li", "dl", "dt", "dd", "table", "tbody",
          "thead", "tfoot", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
          "center", "figure", "figcaption", "address", "body", "html", "caption", "br", "hr"}
# class/id words that portals use for furniture (nav bars, breadcrumbs, share widgets …).
_FURNITURE_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|footer|sidebar|share|bdsharebuttonbox|"
    r"copyright|toolbar|topbar|login|search|related|pager|pagination|skip)(?:$|[\s_-])", re.IGNORECASE)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.IGNORECASE)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "big5hkscs"}
LINK_DENSITY = 0.5


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list = field(default_factory=list)   # _Node or str


class _TreeBuilder(HTMLParser):
    """A forgiving DOM: unknown end tags are ignored, unclosed ones closed by their parent's end."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = _Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def _text_and_links(node: _Node) -> tuple[int, int, int]:
    """(characters of text, characters inside links, number of links) under a node."""
    total = linked = links = 0
    for child in node.children:
        if isinstance(child, str):
            n = len(child.strip())
            total += n
        elif child.tag not in _DROP:
            t, lk, n = _text_and_links(child)
            total += t
            if child.tag == "a":
                linked += t
                links += 1
            else:
                linked += lk
                links += n
    return total, linked, links


def _is_furniture(node: _Node, in_article: bool) -> bool:
    if node.tag in ("header", "footer") and in_article:
        return False  # an article's own header holds its title
    if node.tag in _DROP:
        return True
    if node.attrs.get("role") in ("navigation", "banner", "contentinfo", "search"):
        return True
    if "hidden" in node.attrs or re.search(r"display\s*:\s*none", node.attrs.get("style", "")):
        return True
    marks = " ".join((node.attrs.get("class", ""), node.attrs.get("id", "")))
    if marks.strip() and _FURNITURE_ATTR.search(marks):
        return True
    if node.tag in _BLOCK and node.tag not in ("body", "html"):
        total, linked, links = _text_and_links(node)
        # a menu or a list of links: most of its text is link text, and there are several links
        if links >= 3 and total and linked / total > LINK_DENSITY:
            return True
    return False


def _emit(node: _Node, out: list[str], in_article: bool = False):
    for child in node.children:
        if isinstance(child, str):
            out.append(child)
            continue
        if _is_furniture(child, in_article):
            continue
        block = child.tag in _BLOCK
        if block:
            out.append("\n")
        if child.tag in ("td", "th"):
            out.append("\t")
        _emit(child, out, in_article or child.tag in ("article", "main"))
        if block:
            out.append("\n")


def html_text(html: str) -> str:
    """The main text of a page, one block per line.

    >>> page = '''<html><head><title>t</title><script>var x=1;</script></head><body>
    ... <div class="nav"><a href="/">首页</a><a href="/a">机构</a><a href="/b">政务公开</a></div>
    ... <div class="article"><h1>湖南大学与香港城市大学签署合作协议</h1>
    ... <p>湖南大学与香港城市大学签署了合作协议。</p></div>
    ... <footer>版权所有 湖南省人民政府</footer></body></html>'''
    >>> print(html_text(page))
    湖南大学与香港城市大学签署合作协议
    湖南大学与香港城市大学签署了合作协议。
    """
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    out: list[str] = []
    _emit(builder.root, out)
    lines = (re.sub(r"[ \t\r\f\v\u00a0\u3000]+", " ", line).strip() for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def _decode_page(data: bytes) -> str:
    """Bytes → str, trusting a `<meta charset>` that decodes cleanly, else guessing."""
    m = _CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii", "replace").lower()
        codec = _ALIASES.get(name, name)
        try:
            return data.decode(codec)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode(data)


def read_html(path: Path) -> str:
    """The main text of an HTML file."""
    return html_text(_decode_page(path.read_bytes()))
