"""Recognition: where the text names an entity, and of which type.

Three sources of spans, on the simplified twin of the text:
gazetteer hits (known names and aliases), the suffix grammar (unknown names), and runs of
one-character province abbreviations ("湘港澳合作" names three regions). Overlaps are
settled by preferring the longer span; spans inside a longer one are kept as `inner`
because they tell the resolver about parents (香港城市大学 in 香港城市大学长沙创新科技中心).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from extract.gazetteer import Gazetteer, Known
from extract.lexicons import alternation, words
from extract.zh_names import NameGrammar

__all__ = ["Span", "recognise"]

SELF_REFERENCES = re.compile(r"(?:我|本)(?:厅|局|办|委|会|署|校|院|所|部|处|中心|公司|集团)")
_SAR_SELF = {"本澳": "澳门", "本港": "香港"}
# 该会, 该局: the body of that kind the text named last (resolved by the pipeline, which sees
# the mentions in order); not 该会议, 该会长
ANAPHORS = re.compile(r"该(会|局|校|院|所|中心|公司|集团|厅|办|委|署)(?![议长员场展上期计谈晤见])")
# 区委统战部, 区政协, 市商务局, 团市委: a body of the district or city the text is about; the
# pipeline names the place (DocContext.localities) and drops them where the text names none
LOCAL_NAMES = re.compile(r"(团)?([市区县])(委(?:统战部|组织部|宣传部|办公室)?|政协|人大常委会|人大|政府(?:办公室)?|工商联|"
                         r"(?![场域民级内外属])[\u4e00-\u9fff]{1,4}?局)(?!长)")
_LOCAL_LEFT = set("与和及同、，,；：:在由经对向跟并暨")
_OWN_PROVINCE = re.compile(r"(?:我|本)(?:省|市|区|州|县|澳|港)")
# A title in 《》 or quotes that ends in an agreement noun names an agreement; one that ends in
# 方案/规划/意见 names a policy document, which the graph does not hold.
_TITLE = re.compile(r"[《“「『\"]([^《》“”「」『』\"\n]{2,80})[》”」』\"]")
_AGREEMENT_TITLE = re.compile(alternation("agreement_nouns", "ends_a_title") + "$")
_POLICY_TITLE = re.compile(alternation("document_titles", "policy") + "$")
# slogans in quotes: 一核两极多平台, 为国家试制度、为地方谋发展
_SLOGAN = re.compile(r"[、，,；]|[一二两三四五六七八九十多][^一二两三四五六七八九十多]{0,3}[一二两三四五六七八九十多]|\+$")
_TRAVEL = re.compile(r"(来|赴|访|抵|驻|返|回|离|来到|前往|到访)(.)(?=[\u3400-\u9fff])")
# abbreviations that are also everyday words (新, 青, 宁 ...): only in runs like 湘港澳
_AMBIGUOUS_ABBR = set("新青宁吉台蒙黑云甘陕晋冀鲁苏皖豫鄂赣闽川贵")
_COMBO_FOLLOW = ("口岸", "合作", "两地", "双方", "三地", "四地", "经贸", "交流", "协作", "地区", "产业", "高铁", "通道",
                 "澳", "服贸", "科技", "教育", "青年", "文化", "旅游", "贸易", "金融", "联动", "协同",
                 "深度", "共建", "联合", "互联", "物流", "铁海", "非", "海外")


# 与港澳在数字贸易等领域深度合作: places run together after "with", and the clause goes on to
# say they cooperate
_WITH_CHARS = set("与同跟和及")
_COOPERATING = alternation("cooperation_words", "ahead_of_places")
_COOPERATION_SOON = re.compile(rf"[^，,。；;：:、\n]{{0,6}}?{_COOPERATING}")
_COOPERATION_AHEAD = re.compile(rf"[^，,。；;：:\n]{{0,20}}?{_COOPERATING}")


@dataclass
class Span:
    start: int
    end: int
    text: str           # simplified surface form
    type: str
    source: str         # "gazetteer" | "grammar" | "abbr" | "self" | "own-region"
    known: Known | None = None
    head: str | None = None
    inner: list["Span"] = field(default_factory=list)


# A county-level name is often two characters that also occur inside ordinary words
# (投资中 → 资中, 畅通城乡 → 通城): it counts only where it stands as a place.
_PLACE_AFTER = set("县市区旗州、，,。；;和与及等)(的地在到至—-")
_PLACE_BEFORE = set("、，,。；;和与及在到至赴(市省州—-")


_ADMIN_SUFFIX = set("县市区旗")
_LIST_AFTER = set("、")


def _gazetteer_spans(text: str, gaz: Gazetteer, lo: int, hi: int, grammar: NameGrammar | None = None):
    traps = [(lo + s, lo + e) for s, e in gaz.trap_matches(text[lo:hi])]
    found = list(gaz.matches(text[lo:hi]))
    # a short name right after another name stands as a word too: 理大华为…实验室
    name_ends = {lo + e for s, e, known in found if e - s >= 2}
    # a county the text also writes as one (南沙区, 南沙区工商联) is that county wherever its short
    # name stands (新时代南沙、澳门经贸合作)
    attested = {known.canonical for s, e, known in found if known.type == "Region" and known.level == "county"
                and (e - s > 2 or text[lo + e:lo + e + 1] in _ADMIN_SUFFIX)}
    for s, e, known in found:
        s, e = lo + s, lo + e
        if known.type == "Region" and known.level == "county" and e - s <= 2 and known.canonical not in attested:
            after = text[e:e + 1]
            before = text[s - 1:s] if s > lo else "\n"
            listed = after in _LIST_AFTER and (before in _PLACE_BEFORE or before in _LIST_AFTER
                                               or not re.match(r"[\u4e00-\u9fff]", text[s - 2:s] if s >= 2 else ""))
            if after not in _ADMIN_SUFFIX and not listed and not (
                    (not after or after in _PLACE_AFTER or after.isspace())
                    and (before in _PLACE_BEFORE or before.isspace() or gaz.region_prefix(text[max(lo, s - 4):e]))):
                continue
        if traps and any(ts <= s and e <= te for ts, te in traps):
            continue
        if known.type != "Region" and e - s == 2 and grammar is not None and s not in name_ends \
                and not _stands_alone(text, s, e, lo, grammar):
            continue   # 北大 in 畅通北大门, 京东 in 北京东路, 长和 in 增长和就业
        yield Span(s, e, text[s:e], known.type, "gazetteer", known=known)


_QUOTED_LEAD = re.compile(r"“[^“”\n]{2,30}”(?=[\u4e00-\u9fff])|「[^「」\n]{2,30}」(?=[\u4e00-\u9fff])")
_QUOTED_OPENER = re.compile(r"“[^“”\n]{2,30}、[^“”\n]{2,30}”(?=[\u4e00-\u9fff])")
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_BEFORE_NAME = set("与和及同、，,等在由对向跟并将已的为是让请经赴从、:：“「《(")
_AFTER_SHORT_NAME = re.compile(r"(?:校长|校董|校友|学生|教授|团队|主席|会长|总裁|集团|公司|旗下|在|与|和|及|等|的|、|将|已|于|为|是|同)")


def _stands_alone(text: str, s: int, e: int, lo: int, grammar: NameGrammar) -> bool:
    """Whether a two-character short name (港大, 华为) stands as a word: a boundary word or a
    mark on one side. Inside running text the same two characters often straddle two words."""
    prev = text[s - 1:s] if s > lo else ""
    if not prev or not _CJK_CHAR.match(prev) or prev in _BEFORE_NAME:
        return True
    if any(grammar.is_boundary(text[max(lo, s - n):s]) for n in (2, 3, 4)):
        return True
    nxt = text[e:e + 1]
    if not nxt or not _CJK_CHAR.match(nxt) or _AFTER_SHORT_NAME.match(text, e):
        return True
    return any(grammar.is_boundary(text[e:e + n]) for n in (2, 3, 4))


def _abbr_spans(text: str, gaz: Gazetteer, lo: int, hi: int):
    if not gaz.province_abbr:
        return
    abbr = {**gaz.combo_abbr, **gaz.province_abbr}
    chars = "".join(sorted(abbr))
    # 湘港澳合作, and with the list mark: 吉、澳双方合作
    cls = f"[{re.escape(chars)}]"
    for m in re.finditer(f"{cls}(?:{cls}{{1,4}}|(?:、{cls}){{1,4}})", text[lo:hi]):
        after = text[lo + m.end(): lo + m.end() + 2]
        # after "with" (与港澳在…合作), or before where they cooperate (湘港在金融等领域深度合作)
        partner_of_with = (text[lo + m.start() - 1:lo + m.start()] in _WITH_CHARS or after.startswith("在")) and \
            _COOPERATION_AHEAD.match(text, lo + m.end(), hi)
        # 湘台优势产业合作: a province with Hong Kong, Macau or Taiwan, cooperating a few words on
        # (粤港澳…, 港澳… open the fixed names of the Bay Area and of the SARs)
        partner_of_with = partner_of_with or (any(ch in "港澳台" for ch in m.group())
                                              and not m.group().startswith(("粤港澳", "港澳"))
                                              and _COOPERATION_SOON.match(text, lo + m.end(), hi))
        if not after.startswith(_COMBO_FOLLOW) and not partner_of_with:
            continue
        if not any(ch in gaz.province_abbr for ch in m.group()):
            continue
        for i, ch in enumerate(m.group()):
            if ch == "、":
                continue
            province = abbr[ch]
            known = gaz.by_canonical.get(province) or Known(province, "Region", province, level="province")
            yield Span(lo + m.start() + i, lo + m.start() + i + 1, ch, "Region", "abbr", known=known)


# 长沙、岳阳、郴州三大片区: one head shared by the listed places, each a known area
_DISTRIBUTED = re.compile(r"([\u4e00-\u9fff]{2,4}(?:、[\u4e00-\u9fff]{2,4}){1,7})(?:等)?[两三四五六七八九十0-9]+(?:大|个)?"
                          r"(片区|综合保税区|综保区|高新区|经开区|港区|园区)")


def _distributed_heads(text: str, gaz: Gazetteer, lo: int, hi: int):
    for m in _DISTRIBUTED.finditer(text, lo, hi):
        head, pos = m.group(2), m.start(1)
        places = m.group(1).split("、")
        # the first chunk may hold the words before the list (推动长沙): its known tail is the place
        first = next((places[0][i:] for i in range(len(places[0]) - 1) if places[0][i:] + head in gaz.names),
                     places[0])
        pos += len(places[0]) - len(first)
        places[0] = first
        for place in places:
            known = gaz.names.get(place + head)
            if known is not None and known.type != "Region":
                yield Span(pos, pos + len(place), place, known.type, "gazetteer", known=known)
            pos += len(place) + 1


_PROPER_STARTS = ("中国", "中共", "国家", "全国", "中央", "国务院", "共青团")
# 中非, 中欧, 中葡 ...: China and a partner, the usual opening of a bilateral body's name.
_BILATERAL = re.compile(r"^中[非欧美日韩俄德法英葡阿东拉新巴意澳加印泰越老柬缅马菲蒙哈乌]")


_FACILITY_HEADS = ("口岸", "港", "通道", "机场", "海关", "市场", "地区")


def _set_up_inside(name: str, gaz: Gazetteer) -> int | None:
    """Where a name that opens with a known body or zone goes on with the verb 设 (set up):
    the name of what is set up starts after it. Not 设计, 设施, 设备 …"""
    for n in range(min(len(name) - 2, 24), 1, -1):
        known = gaz.names.get(name[:n])
        if known is not None and known.type != "Region" and name[n] == "设" and name[n + 1] not in "计施备想置定":
            return n + 1
    return None


def _abbreviations_only(core: str, head: str, gaz: Gazetteer) -> bool:
    """浙沪 in 浙沪口岸: places run together, the facility is theirs, not a name's (unlike the
    named meeting 川澳合作会议)."""
    return head in _FACILITY_HEADS and 2 <= len(core) <= 4 and \
        all(ch in gaz.province_abbr or ch in gaz.combo_abbr for ch in core)


def proper_prefix(gaz: Gazetteer, name: str) -> bool:
    """Whether a name opens with something specific: a place, a known body, 中国/国家 ...

    >>> from extract.gazetteer import Gazetteer, Known
    >>> g = Gazetteer(); g.add("长沙", Known("长沙", "Region", "湖南", level="city"))
    >>> proper_prefix(g, "长沙创新科技中心"), proper_prefix(g, "科技中心")
    (True, False)
    """
    if name.startswith(gaz.weak_openers):
        return False
    if name.startswith(_PROPER_STARTS) or _BILATERAL.match(name) or name[0] in "“「":
        return True
    if (name[0] in "省市县" and len(name) > 2) or name.startswith("自治区"):
        return True
    if name[0] in "厅局署" and len(name) > 3:
        return True  # 厅服贸处: a unit of the author's own department
    if name[0].isascii() and name[0].isalpha():
        return True
    abbr = gaz.province_abbr.keys() | gaz.combo_abbr.keys()
    if name[0] in abbr and len(name) > 1 and (name[1] in abbr or name[1] in "东南西北中"):
        return True   # 湘港, 粤澳; 湘南, 粤西: parts of a province named by its abbreviation
    if name.startswith(gaz.proper_openers):
        return True
    for n in range(min(len(name) - 1, 16), 1, -1):
        if name[:n] in gaz.names:
            return True
    return False


_OWN_UNIT_HEADS = words("unit_heads", "own_unit")


def _own_unit(text: str, pos: int, hi: int, gaz: Gazetteer) -> int | None:
    """Where a unit named after the writer ends: 本局武汉代表处, 我会驻京办事处."""
    if text.startswith("驻", pos):
        pos += 1
    place = gaz.region_prefix(text[pos:min(hi, pos + 12)])
    if place is None:
        return None
    pos += place[1]
    head = next((h for h in _OWN_UNIT_HEADS if text.startswith(h, pos)), None)
    return pos + len(head) if head else None


def gaz_proper(gaz: Gazetteer):
    """`proper_prefix` for one gazetteer, remembered: the grammar asks about the same stretches
    of text many times over."""
    cached = getattr(gaz, "_proper_cache", None)
    if cached is None:
        cached = gaz._proper_cache = {}

    def proper(name: str) -> bool:
        hit = cached.get(name)
        if hit is None:
            if len(cached) > 200_000:
                cached.clear()
            hit = cached[name] = proper_prefix(gaz, name)
        return hit
    return proper


def _pick(spans):
    """Longest-first, non-overlapping; a loser inside a winner becomes its inner span."""
    spans = sorted(spans, key=lambda s: (-(s.end - s.start), s.source != "gazetteer", s.start))
    starts: list[int] = []          # the chosen spans never overlap: kept sorted by start
    chosen: list[Span] = []
    for sp in spans:
        i = bisect.bisect_right(starts, sp.start)
        before = chosen[i - 1] if i else None
        after = chosen[i] if i < len(chosen) else None
        if before is not None and before.start <= sp.start and sp.end <= before.end:
            # 香港城市大学 opens 香港城市大学长沙创新科技中心 and is its parent; 澳大 inside
            # 粤港澳大湾区 is an accident of spelling
            # (理大华为…实验室: a second known body right after the first runs it too)
            if sp.start == before.start or sp.source == "abbr" or (sp.source == "gazetteer" and sp.end - sp.start >= 3) \
                    or (sp.source == "gazetteer" and any(i.end == sp.start and i.start == before.start
                                                         and i.type != "Region" for i in before.inner)):
                before.inner.append(sp)
            continue
        if (before is not None and sp.start < before.end) or (after is not None and after.start < sp.end):
            continue
        starts.insert(i, sp.start)
        chosen.insert(i, sp)
    return chosen


def recognise(text: str, gaz: Gazetteer, grammar: NameGrammar, lo: int = 0, hi: int | None = None,
              proposed: list[Span] = (), words=()):
    """Entity spans in text[lo:hi] (text is the simplified twin).

    `proposed` are the tagger's names the grammar accepted (extract.proposals): where they
    cross a name the rules found, or cover exactly the same characters, the rules' reading stands.
    `words` are the tagger's words (start, end, text, pos): a grammar name that reaches left over
    a verb, a preposition or a pronoun (促成X公司, 我们与X集团), or ends in a verb (X地处), is cut to
    the words that name.

    >>> from extract.gazetteer import load_gazetteer
    >>> from extract.zh_names import load_grammar
    >>> [s.text for s in recognise("与广东工业大学合作", load_gazetteer(), load_grammar())]
    ['广东工业大学']
    """
    hi = len(text) if hi is None else hi
    spans = list(_gazetteer_spans(text, gaz, lo, hi, grammar))
    protected = {i for s in spans if s.known.type != "Region" for i in range(s.start + 1, s.end)}
    protected.update(i for s, e in gaz.agency_words(text[lo:hi]) for i in range(lo + s + 1, lo + e))
    # no boundary word cuts a quoted phrase that opens a name: “把握新机遇”创新科技圆桌会
    protected.update(i for m in _QUOTED_LEAD.finditer(text, lo, hi) for i in range(m.start() + 1, m.end()))
    protected = frozenset(protected)
    # “把握新机遇、开拓新商机”圆桌会: a quoted slogan that opens a name keeps its list mark
    window = _QUOTED_OPENER.sub(lambda m: m.group().replace("、", "·"), text[lo:hi])
    for c in grammar.candidates(window, lo, proper=gaz_proper(gaz),
                                protected=protected):
        if "·" in c.text and "、" in text[c.start:c.end]:
            c = replace(c, text=text[c.start:c.end])
        place = gaz.region_prefix(c.text)
        if place is not None and grammar.is_class(c.text, c.head, place[1]):
            continue
        if c.text in gaz.designations or _abbreviations_only(c.text[: len(c.text) - len(c.head)], c.head, gaz):
            continue
        known = gaz.names.get(c.text[: len(c.text) - len(c.head)])
        if not c.strong and known is not None and known.type not in ("Region",):
            continue   # 中国—东盟博览会平台: a known body and a generic word, not a new name
        cut = _set_up_inside(c.text, gaz)
        if cut:
            # 在珠澳跨工区珠海园区设拉美国家商品综合交易中心: what is set up in a known place
            rest = c.text[cut:]
            if len(rest) > len(c.head) + 1 and (c.strong or proper_prefix(gaz, rest)):
                spans.append(Span(c.start + cut, c.end, rest, c.type, "grammar", head=c.head))
            continue
        spans.append(Span(c.start, c.end, c.text, c.type, "grammar", head=c.head))
    abbr = list(_abbr_spans(text, gaz, lo, hi))
    if abbr:
        # "贵港教育交流" is 贵州 and 香港, not the city of 贵港: a run of abbreviations that
        # reads as a cooperation pair beats a place name spelt with the same characters.
        covered = {i for a in abbr for i in range(a.start, a.end)}
        spans = [s for s in spans if not (s.type == "Region" and s.source == "gazetteer"
                                          and all(i in covered for i in range(s.start, s.end)))]
        spans.extend(abbr)
    for m in _TITLE.finditer(text, lo, hi):
        inner_start, inner_end = m.start(1), m.end(1)
        title = m.group(1)
        if _AGREEMENT_TITLE.search(title) and not _POLICY_TITLE.search(title):
            spans.append(Span(inner_start, inner_end, title, "Agreement", "title"))
        elif m.group(0)[0] != "《" and not _POLICY_TITLE.search(title):
            # a quoted name that ends in a head: “南沙工商考察活动” (verbs inside do not cut)
            typed = grammar.type_of(title)
            if typed is not None and len(title) > len(typed[1]) + 1 and len(title) <= 24 \
                    and not _SLOGAN.search(title) and not grammar.is_generic(title, typed[1]) \
                    and not grammar.blocked(title, typed[1]) and (typed[2] or proper_prefix(gaz, title)
                                                                  or _quoted_project(text, m, typed[1])):
                spans.append(Span(inner_start, inner_end, title, typed[0], "grammar", head=typed[1]))
    for m in SELF_REFERENCES.finditer(text, lo, hi):
        own = Span(m.start(), m.end(), m.group(), "GovernmentAgency", "self")
        unit = _own_unit(text, m.end(), hi, gaz)
        if unit:
            spans.append(Span(m.start(), unit, text[m.start():unit], "GovernmentAgency", "self-unit", inner=[own]))
        else:
            spans.append(own)
    if gaz.province_abbr:
        for m in _TRAVEL.finditer(text, lo, hi):
            ch = m.group(2)
            if ch in gaz.province_abbr and ch not in _AMBIGUOUS_ABBR:
                province = gaz.province_abbr[ch]
                known = gaz.by_canonical.get(province) or Known(province, "Region", province, level="province")
                spans.append(Span(m.start(2), m.end(2), ch, "Region", "abbr", known=known))
    for m in LOCAL_NAMES.finditer(text, lo, hi):
        before = text[m.start() - 1:m.start()] if m.start() > lo else ""
        if re.match(r"[\u4e00-\u9fff]", before) and before not in _LOCAL_LEFT:
            continue    # 城市政府, 南沙区委 (the grammar's): not a relative name
        spans.append(Span(m.start(), m.end(), m.group(), "ChamberOfCommerce" if m.group(3) == "工商联" else
                          "Organization" if m.group(1) else "GovernmentAgency", "local"))
    for m in ANAPHORS.finditer(text, lo, hi):
        spans.append(Span(m.start(), m.end(), m.group(), "GovernmentAgency", "anaphor", head=m.group(1)))
    for m in _OWN_PROVINCE.finditer(text, lo, hi):
        sar = _SAR_SELF.get(m.group())
        if sar and gaz.by_canonical.get(sar):
            # 本澳, 本港: Macau's and Hong Kong's own way of saying "here"
            spans.append(Span(m.start(), m.end(), m.group(), "Region", "abbr", known=gaz.by_canonical[sar]))
        else:
            spans.append(Span(m.start(), m.end(), m.group(), "Region", "own-region"))
    # 特区政府, 中联办 …: names of a SAR's bodies that say which SAR only in context
    for s, e in gaz.sar_alias_matches(text[lo:hi]):
        spans.append(Span(lo + s, lo + e, text[lo + s:lo + e], gaz.sar_aliases[text[lo + s:lo + e]][1], "context"))
    distributed = list(_distributed_heads(text, gaz, lo, hi))
    if distributed:
        taken = {(d.start, d.end) for d in distributed}
        spans = [s for s in spans if (s.start, s.end) not in taken] + distributed
    if words:
        spans = [f for f in (_fit_to_words(sp, text, words, grammar, gaz) for sp in spans) if f is not None]
    # A grammar span that exactly covers a gazetteer name is the gazetteer's.
    exact = {(s.start, s.end) for s in spans if s.source == "gazetteer"}
    spans = [s for s in spans if not (s.source == "grammar" and (s.start, s.end) in exact)]
    if proposed:
        spans.extend(_admitted(proposed, spans))
    units = list(_unit_spans(text, spans, grammar, gaz, lo, hi))
    if units:
        # a bare department the gazetteer knows (港澳事务办公室) is, before a title, that body's unit
        at = {(u.start, u.end) for u in units}
        spans = [s for s in spans if (s.start, s.end) not in at] + units
    picked = _merge_departments(_pick(spans), gaz)
    followers = list(_list_followers(text, picked, grammar, hi))
    if followers:
        picked = _pick(picked + followers)
    return [_with_place_suffix(text, sp, gaz, hi) for sp in picked]


# parts of speech (LAC's tags) that never stand inside a name's core: a pronoun, an auxiliary
# (的), a separator; a preposition only right after a whole name or a pronoun (江岸区与X集团,
# 我们与X集团); never a conjunction, since names hold 及/和 themselves (创新科技及工业局)
_NOT_IN_NAME = frozenset(("r", "u", "xc"))
_JOINING = frozenset(("p",))
_NAME_WORDS = frozenset(("ORG", "LOC", "r"))
_SEPARATORS = frozenset("、，,。；;：:！!？?")
_VERB = frozenset(("v", "vd"))
# the tagger runs a name on over the 与 after it (武汉市江夏区与|长风集团): its joining words
_RUN_ON = words("tagger_edges", "role", "joining")


def _fit_to_words(sp: Span, text: str, words, grammar: NameGrammar, gaz: Gazetteer) -> Span | None:
    """A grammar span moved onto the tagger's word boundaries where they disagree (see recognise)."""
    if sp.source != "grammar" or sp.head is None:
        return sp
    inside = list(_words_between(words, sp.start, sp.end))
    if not inside:
        return sp
    start, end = sp.start, sp.end
    last = inside[-1]
    if last.pos in _VERB and last.start < end - len(sp.head) and last.start > start:
        # the head is the tail of a verb (X地处), where what stands before it is a name itself
        typed = grammar.type_of(text[start:last.start])
        if typed is not None and not grammar.is_generic(text[start:last.start], typed[1]):
            end = last.start
            inside = [w for w in inside if w.end <= end]
    core_end = end - len(sp.head)
    quoted = _quoted_ranges(text, sp.start, core_end)
    cut, before = False, None
    for w in inside:
        if any(a <= w.start < b for a, b in quoted):
            before = w
            continue        # “把握新机遇、开拓新商机”圆桌会: a quote's words are the name's
        if w.end > core_end or w.start < start:
            before = w
            continue
        # 促成X公司: a verb that opens the span, or follows a word that cut it, is no name's
        if w.pos in _NOT_IN_NAME or (w.pos == "w" and w.text in _SEPARATORS) \
                or (w.pos in _JOINING and before is not None and before.pos in _NAME_WORDS) \
                or (w.pos in ("ORG", "LOC") and w.text.endswith(_RUN_ON) and len(w.text) > 2) \
                or (w.pos in _VERB and len(w.text) >= 2 and (w.start == start or cut)):
            start, cut = w.end, True
        else:
            cut = False
        before = w
    if (start, end) == (sp.start, sp.end):
        return sp
    name = text[start:end]
    typed = grammar.type_of(name)
    if typed is None or len(name) <= len(typed[1]) or grammar.is_generic(name, typed[1]) \
            or (not typed[2] and not gaz_proper(gaz)(name)):
        return None
    return replace(sp, start=start, end=end, text=name, type=typed[0], head=typed[1])


def _quoted_ranges(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    return [m.span() for m in _QUOTED_ANY.finditer(text, lo, hi)]


_QUOTED_ANY = re.compile(r"“[^“”\n]*”|「[^「」\n]*」|《[^《》\n]*》|\([^()\n]*\)")


def _words_between(words, start: int, end: int):
    """The words that overlap [start, end) (words sorted by start)."""
    i = bisect.bisect_right(words, start, key=lambda w: w.end)
    while i < len(words) and words[i].start < end:
        yield words[i]
        i += 1


# 云南省人民政府副秘书长某、港澳事务办公室一级巡视员某、投资促进局局长某: a unit named bare before
# its head's title, in a list of officials, is a unit of the body the list named in full before it
_TITLE_AT = re.compile(alternation("office_titles"))
_UNIT_OPENERS = ("、", "，", ",", "：", ":", "；", ";", "。", "（", "(", "包括", "以及", "和", "与", "\n", " ")
# a university's units, which may be named by their head alone (研究生院院长)
SCHOOL_UNITS = ("学院", "学系", "研究生院", "学部", "书院", "系")
_UNIT_RUN = re.compile(r"[\u4e00-\u9fff]{3,20}")


def _unit_spans(text: str, spans: list[Span], grammar: NameGrammar, gaz: Gazetteer, lo: int, hi: int):
    taken = sorted((s.start, s.end) for s in spans)
    starts = [a for a, _ in taken]
    for run in _UNIT_RUN.finditer(text, lo, hi):
        s = run.start()
        while s < run.end() - 2:
            found = _unit_at(text, s, run.end(), grammar, gaz) if s == lo or text.endswith(_UNIT_OPENERS, lo, s) \
                else None
            if found is None:
                s += 1
                continue
            e, typed = found
            i = bisect.bisect_left(starts, e)
            if not any(b > s and ((a, b) != (s, e) or text[a:b] not in gaz.agency_heads)
                       for a, b in taken[max(0, i - 4):i]):
                yield Span(s, e, text[s:e], typed[0], "unit", head=typed[1])
            s = e


def _unit_at(text: str, s: int, end: int, grammar: NameGrammar, gaz: Gazetteer):
    """(end, type) of a bare unit starting at s and followed by an official's title."""
    for e in range(s + 2, min(end, s + 13)):
        if not _TITLE_AT.match(text, e):
            continue
        unit = text[s:e]
        typed = grammar.type_of(unit)
        if typed is None or typed[0] == "Region" or gaz.region_prefix(unit) is not None or unit[0] in "省市区县":
            continue    # 省港澳办, 市商务局: relative names, which the resolver places
        if unit in gaz.agency_heads or unit == typed[1] and unit.endswith(SCHOOL_UNITS) \
                or not (len(unit) <= len(typed[1]) or unit in gaz.names
                                            # 商务及经济发展局, 建筑学及土木工程学系: 及 joins a unit's fields
                                            or grammar.has_boundary(unit[:-len(typed[1])].replace("及", ""))
                                            or grammar.is_generic(unit, typed[1])):
            return e, typed
    return None


def _admitted(proposed: list[Span], spans: list[Span]):
    """The proposals that neither cross nor repeat a name the rules found; one that wholly
    holds rule names (重庆市人民政府 in 重庆市人民政府港澳事务办公室) must end in a head."""
    ranges = sorted((s.start, s.end) for s in spans)
    starts = [a for a, _ in ranges]
    for p in proposed:
        i = bisect.bisect_left(starts, p.end)
        inside = False
        ok = True
        for a, b in ranges[max(0, bisect.bisect_left(starts, p.start) - 8):i]:
            if b <= p.start or a >= p.end:
                continue
            if (a, b) == (p.start, p.end) or not (p.start <= a and b <= p.end):
                ok = False
                break
            inside = True
        if ok and not (inside and p.head is None):
            yield p


_GOVERNMENT_END = ("人民政府", "政府")


def _merge_departments(spans: list[Span], gaz: Gazetteer) -> list[Span]:
    """重庆市人民政府港澳事务办公室: a government and one of the standard departments written right
    after it are one name, the department's (the government is its inner span, its parent); a city
    and one of its districts (武汉市江岸区) are the district."""
    out: list[Span] = []
    for sp in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.end == sp.start and _city_and_district(prev, sp):
            # 武汉市江岸区: a district written after its own city is that district, named in full
            out[-1] = Span(prev.start, sp.end, prev.text + sp.text, "Region", "gazetteer", known=sp.known,
                           inner=[prev] + prev.inner + sp.inner)
            continue
        if prev is not None and prev.end == sp.start and prev.type == "GovernmentAgency" and sp.type == "GovernmentAgency" \
                and prev.text.endswith(_GOVERNMENT_END) and _department(sp.text, gaz):
            out[-1] = Span(prev.start, sp.end, prev.text + sp.text, "GovernmentAgency", "grammar", head=sp.head or sp.text,
                           inner=[prev] + prev.inner + sp.inner)
            continue
        out.append(sp)
    return out


def _city_and_district(city: Span, district: Span) -> bool:
    a, b = city.known, district.known
    return a is not None and b is not None and a.type == b.type == "Region" and a.level == "city" \
        and b.level == "county" and b.parent == a.canonical


def _department(name: str, gaz: Gazetteer) -> bool:
    """A standard department's name (港澳事务办公室, 台港澳事务办公室, 外事办), not a body of its own."""
    return name in gaz.agency_heads or any(name.endswith(h) and len(name) - len(h) <= 2
                                           for h in gaz.agency_heads if len(h) >= 4)


_FOLLOWER = re.compile(r"、([\u4e00-\u9fff]{3,16}?)(?=[、，,。；;]|等|和|及|$)")


def _list_followers(text: str, spans: list[Span], grammar: NameGrammar, hi: int):
    """前海深港国际法务区、国际高端智库集聚区等: a list item after a name, ending in a head of the same
    kind, is a name too, though no place or known body opens it."""
    taken = {(s.start, s.end) for s in spans}
    starts = {s.start for s in spans}
    for sp in spans:
        if sp.type in ("Region", "Agreement") or sp.source not in ("gazetteer", "grammar"):
            continue
        m = _FOLLOWER.match(text, sp.end, hi)
        if m is None or m.start(1) in starts:
            continue
        name = m.group(1)
        typed = grammar.type_of(name)
        # a core of four characters or more: 大数据产业园, 高层论坛 name a kind of thing
        if typed is None or typed[0] != sp.type or len(name) < len(typed[1]) + 4 or grammar.has_boundary(name) \
                or grammar.is_generic(name, typed[1]) or (m.start(1), m.end(1)) in taken:
            continue
        yield Span(m.start(1), m.end(1), name, typed[0], "grammar", head=typed[1])


def _quoted_project(text: str, m: re.Match, head: str) -> bool:
    """推进“人工智能计算中心”建设: a quoted name that is being built is one, whatever its head
    (not a slogan such as “互联网+口岸”)."""
    return len(m.group(1)) >= len(head) + 4 and "+" not in m.group(1) \
        and text.startswith(("建设", "筹建", "建成", "落地", "的建设"), m.end())


def _with_place_suffix(text: str, sp: Span, gaz: Gazetteer, hi: int) -> Span:
    """中欧班列(长沙), 海峡两岸产业合作区(湖南): a place in brackets after a name makes a local
    entity of its own."""
    if sp.type == "Region" or text[sp.end:sp.end + 1] != "(":
        return sp
    close = text.find(")", sp.end, min(hi, sp.end + 8))
    if close == -1:
        return sp
    place = gaz.names.get(text[sp.end + 1:close])
    if place is None or place.type != "Region":
        return sp
    return Span(sp.start, close + 1, text[sp.start:close + 1], sp.type, "grammar", head=sp.head, inner=sp.inner)
