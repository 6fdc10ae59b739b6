"""Resolution: from a span of text to the entity it names, in the context of its document.

The same entity is written many ways: 香港贸发局 / 香港贸易发展局, 省科技厅 (in a Hunan text:
湖南省科学技术厅), 我厅 (the document's author), 长沙片区 (中国(湖南)自由贸易试验区长沙片区).
Each span gets one canonical simplified name, which is the entity's key everywhere.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extract.gazetteer import Gazetteer
from extract.recognise import Span

__all__ = ["DocContext", "Resolved", "resolve_span", "name_region"]

_SAR_GOVERNMENT = re.compile(r"^(香港|澳门)(?:特别行政区政府|特区政府|特别行政区|特区)(?=.)")
REGION_SUFFIXES = ("特别行政区", "壮族自治区", "回族自治区", "维吾尔自治区", "自治区", "自治州", "省", "市", "县", "区")


@dataclass
class DocContext:
    """What a document says about itself: who wrote it and which province it speaks for."""

    author: str | None = None
    author_type: str | None = None
    province: str | None = None
    # An author the text calls only 本局/我会: its key is scoped to this text (two pages that
    # each say 本局 need not be one bureau) and `author_label` is what the text calls it.
    author_label: str | None = None
    # the district, city and county a local text is about ({"区": "南沙区"}), for 区委, 市商务局
    localities: dict[str, str] = field(default_factory=dict)


def scoped_name(ctx: DocContext, name: str) -> str:
    """The key of a body named only relative to an unnamed author (本局武汉代表处)."""
    return f"{name}〔{ctx.author.rsplit('〔', 1)[1]}" if ctx.author_label else name


@dataclass
class Resolved:
    canonical: str
    type: str
    region: str | None
    parent: str | None = None
    implicit: bool = False
    level: str | None = None
    known: bool = False     # a gazetteer entity: it exists before the text speaks of it
    label: str | None = None       # the name to show where the key is not one (scoped names)
    proxy: bool = False            # a person named for the body they act for: not a mention of it
    assumed_region: bool = False   # the region is the document's province, not the name's


def _province_form(gaz: Gazetteer, province: str) -> str:
    return gaz.province_full.get(province, province)


def _expand_department(gaz: Gazetteer, rest: str) -> tuple[str, str]:
    """Short department name → full (科技厅 → 科学技术厅); unknown heads stay as written."""
    if rest in gaz.agency_heads:
        return gaz.agency_heads[rest]
    for n in range(len(rest) - 1, 0, -1):
        head = rest[:n]
        if head in gaz.agency_heads:
            full, typ = gaz.agency_heads[head]
            return full + rest[n:], typ
    return rest, "GovernmentAgency"


def _provincial(gaz: Gazetteer, province_full: str, rest: str) -> tuple[str, str]:
    """省委组织部 → 中共湖南省委组织部; 省科技厅 → 湖南省科学技术厅;
    自治区党委办公厅 → 中共广西壮族自治区委员会办公厅."""
    if rest.startswith("党委"):
        return "中共" + province_full + "委员会" + rest[2:], "GovernmentAgency"
    if rest.startswith("委") and not rest.startswith("委员会"):
        return "中共" + province_full + rest, "GovernmentAgency"
    full, typ = _expand_department(gaz, rest)
    return province_full + full, typ


def _local(span: Span, gaz: Gazetteer, ctx: DocContext) -> Resolved | None:
    """区委统战部 in a text about 南沙区 is 南沙区委统战部 (a part of 南沙区委); 团市委 is
    共青团深圳市委员会. Nothing where the text is about no such place."""
    text = span.text
    youth = text.startswith("团")
    level = text[1] if youth else text[0]
    place = ctx.localities.get(level)
    if place is None:
        return None
    rest = text[2:] if youth else text[1:]
    region = name_region(gaz, place)
    if youth:
        return Resolved("共青团" + place + "委员会", span.type, region)
    parent = place + "委" if rest.startswith("委") and len(rest) > 1 else None
    return Resolved(place + rest, span.type, region, parent=parent)


def resolve_span(span: Span, gaz: Gazetteer, ctx: DocContext) -> Resolved | None:
    """The entity a span names, or None where it names nothing specific."""
    text = span.text
    if span.source == "self":
        if ctx.author:
            return Resolved(ctx.author, ctx.author_type or "GovernmentAgency",
                            ctx.province, implicit=True, label=ctx.author_label)
        return None
    if span.source == "local":
        return _local(span, gaz, ctx)
    if span.source == "self-unit":
        # 本局武汉代表处: a unit of the author, named after it
        if not ctx.author:
            return None
        rest = text[len(span.inner[0].text):]
        if ctx.author_label:
            label = ctx.author_label + rest
            return Resolved(scoped_name(ctx, label), span.type, name_region(gaz, rest) or ctx.province,
                            parent=ctx.author, label=label)
        return Resolved(ctx.author + rest, span.type, name_region(gaz, rest) or ctx.province, parent=ctx.author)
    if span.source == "own-region":
        if ctx.province:
            return Resolved(ctx.province, "Region", ctx.province, implicit=True, level="province")
        return None
    if span.known is not None:
        k = span.known
        return Resolved(k.canonical, k.type, k.region, k.parent, level=k.level, known=True)
    variant = _SAR_GOVERNMENT.sub(r"\1", span.text)
    if variant != span.text and variant in gaz.names and gaz.names[variant].type != "Region":
        # 香港特区政府投资推广署 is 香港投资推广署: the government's name adds nothing
        k = gaz.names[variant]
        return Resolved(k.canonical, k.type, k.region, k.parent, level=k.level, known=True)

    pre = gaz.region_prefix(text)
    if pre is not None and pre[0].level in ("province", "city"):
        k = gaz.names.get(text[pre[1]:])
        if k is not None and k.type != "Region" and k.region == pre[0].region:
            # 澳门中葡平台 is 中葡平台: a known body's own place written before its name
            return Resolved(k.canonical, k.type, k.region, k.parent, level=k.level, known=True)

    typ = span.type
    # 省/自治区 + department: the document's own province.
    own = 3 if text.startswith("自治区") else 1 if text[0] == "省" else 0
    if own and ctx.province and len(text) > own + 1:
        name, typ2 = _provincial(gaz, _province_form(gaz, ctx.province), text[own:])
        return Resolved(name, typ2 if typ == "GovernmentAgency" else typ, ctx.province)
    # 厅服贸处: a unit of the author's own body.
    if ctx.author and ctx.author_type == "GovernmentAgency" and len(text) > 2 \
            and ctx.author.endswith(text[0]) and text[0] in "厅局办委署":
        return Resolved(ctx.author + text[1:], "GovernmentAgency", ctx.province, parent=ctx.author)

    region = None
    canonical = text
    pre = gaz.region_prefix(text)
    if pre is not None:
        known, n = pre
        region = known.region if known.level != "macro" else None
        rest = text[n:]
        if typ == "GovernmentAgency" and known.level == "province" and known.canonical not in ("香港", "澳门"):
            # 湖南科技厅 / 湖南省科技厅 / 湖南省科学技术厅 are one body: the province's full
            # form and the department's full name.
            province_full = _province_form(gaz, known.canonical)
            if rest[:1] in ("省", "市"):
                rest = rest[1:]
            if rest.startswith("委") and not rest.startswith("委员会"):
                canonical = "中共" + province_full + rest
            else:
                full, _ = _expand_department(gaz, rest)
                if full != rest or text[n:n + 1] in ("省", "市"):
                    canonical = province_full + full
    inside = name_region(gaz, text)
    if inside:
        region = inside
    elif region is None and typ != "Region" and ctx.province and not text.startswith(_NATIONAL):
        return Resolved(canonical, typ, ctx.province, assumed_region=True)
    return Resolved(canonical, typ, region)


_NATIONAL = ("中国", "国家", "中共中央", "全国", "中央", "国务院")


def name_region(gaz: Gazetteer, name: str) -> str | None:
    """The province a name places itself in: the last place it names (中国国际贸易促进委员会
    江西省分会 → 江西; 香港理工大学晋江技术创新研究院 → 福建), else the region of a known body it
    opens with (前海深港国际金融城 → 广东).

    >>> from extract.gazetteer import load_gazetteer
    >>> name_region(load_gazetteer(), "中国国际贸易促进委员会江西省分会")
    '江西'
    """
    last, opener, country = None, None, None
    kept: list[tuple[int, int]] = []
    for s, e, known in sorted(gaz.matches(name), key=lambda m: (m[0], m[0] - m[1])):
        if any(a < e and s < b for a, b in kept):
            continue   # 美国 inside 拉美国家: a place only where no other place holds it
        kept.append((s, e))
        if known.type == "Region":
            if known.level == "macro" or (known.level == "county" and e - s <= 2 and name[e:e + 1] not in "县市区"):
                continue
            if known.level == "country":
                country = country or known.region
            elif last is None or s >= last[0]:
                last = (s, known.region)
        elif s == 0 and known.region and e < len(name):
            opener = opener or known.region
    if last:
        return last[1]
    return opener or (country if country and country != "中国" else None)

