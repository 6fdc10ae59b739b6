"""A grammar for Chinese organisation names: [region] + core + suffix head.

Names are found from their right edge: a suffix head (大学, 研究院, 商会, 厅, 有限公司,
自由贸易试验区, 博览会 ...) says where a name ends and what it is, and the name extends
leftwards over name characters until a boundary. Function words (与, 和, 的 ...) are hard
boundaries; verbs (推动, 支持, 共建 ...) are soft ones, because names contain verbs too
(香港贸易发展局, 湘南湘西承接产业转移示范区). A weak head (平台, 中心, 局, 委 ...) names something
specific only behind a proper prefix — a region, a known organisation, 中国/国家 — so where
the cut leaves a bare weak name, the name reaches back to the nearest proper prefix.
The tables live in `ontology/lexicons/`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable

from extract.lexicons import alternation, words
from ontology import LEXICON_DIR
from ontology.tsv import rows

__all__ = ["NameCandidate", "NameGrammar", "load_grammar"]

_NAME_CHARS = r"\u3400-\u9fffA-Za-z0-9()·&\-—“”「」+"
_CJK = re.compile(r"[\u3400-\u9fff]")
_ENUM = re.compile(r"^(?:\(?[一二三四五六七八九十0-9]+\)|[一二三四五六七八九十]+、|[0-9]+[.、])")
_ORDINAL = re.compile(r"^(?:[0-9]{2,4}年)?(?:第[0-9一二三四五六七八九十百]+[届次期])")
_LEADING_PARTICLE = re.compile(r"^(?:经|由|据|按|向|对)(?=省|市|国|中|自治区|党)")
_LEADING_NUMBER = re.compile(r"^(?:[0-9]+(?:年|个|家|所|项|大|届|月|日)?|[一二三四五六七八九十百千]+(?:个|家|所|项|大|届))")
MAX_NAME = 32
# A head followed by one of these characters is the first half of a word, not the end of a
# name: 办法, 布局 → 局面, 处理, 部分, 委托 ...
_RIGHT_BLOCK = {"办": "法理事好公学案", "处": "理置于在分罚事", "局": "面势限长部", "部": "分署门件长队位落属",
                "委": "托员屈派", "厅": "长", "署": "名理", "院": "长士", "会": "议长员谈见计",
                "区": "域别块", "中心": "城任", "平台": "上", "联盟": "国", "基金": "会",
                "港": "澳口资股人区城元府务商企台", "展": "开示览望现会销厅期位出", "节": "约能点奏目日假庆省",
                "通道": "费", "基地": "建", "服务网": "络", "信息网": "络", "馆": "长员藏", "大学": "生城", "学院": "生派", "政府": "间"}
# A firm's short name (湖南顶立科技, 湖南电广传媒) ends in an industry word that also begins
# ordinary phrases (科技创新, 资本市场): it counts only where the phrase ends with it.
_BARE_BRAND_HEADS = {"科技", "传媒", "资本", "控股", "重工"}
_AFTER_BRAND = set("与和及等、为的在将已于同跟并共")
# ... nor one whose head follows one of these: 粤港, 赴港, 深港 are places, not ports.
_LEFT_BLOCK = {"港": set("粤湘港澳黔桂闽赣川渝琼滇鄂豫皖苏浙沪京津冀晋蒙辽吉黑鲁陕甘青宁新藏台深珠穗莞佛中赴在来驻访抵离返回香两三周会"),
               "展": set("发进拓扩伸施开延会"), "节": set("环季调细关礼情章春")}
_BRANCH_HEADS = frozenset(words("unit_heads", "branch_of_an_agency"))
# Inside a name these words mean a class of things, not one thing: 香港各大学, 国内其他自贸试验区.
_GENERIC_INNER = re.compile(r"各|其他|其它|有关|相关|老工业|两级|三级|国内|省内|区内|市内|境内|境外|一批|若干|大中小|大中|单位|县市区|市县|"
                            r"一(?!带一路)[^一，,]{1,2}一|"
                            r"[一二三四五六七八九十两0-9]+(?:市|省|县|区|地|方|大|家|个|所|类)")
# A place and one of these heads alone is a class (香港学校, 湖南企业), unlike 湖南大学.
_CLASS_HEADS = {"科技", "传媒", "资本", "控股", "重工", "学校", "园区", "平台", "公司", "集团", "企业", "基金", "中心",
                "银行", "机构", "港", "展", "节", "基地", "通道", "商城", "展馆", "大会", "论坛", "峰会", "大赛", "协会", "联盟", "海关"}
# 布局, 格局 ... end in a head character but name nothing.
_NOT_NAMES = ("布局", "格局", "大局", "全局", "结局", "开局", "变局", "出局", "新局", "当局", "骗局", "政局", "时局",
              "难处", "好处", "用处", "之处", "相处", "共处", "此处", "到处", "各处", "出处", "住处", "危机处",
              "干部", "全部", "内部", "外部", "局部", "东部", "西部", "南部", "北部", "中部", "总部", "本部",
              "创办", "举办", "承办", "主办", "协办", "督办", "会办", "交办", "开办", "兴办", "合办", "领办",
              "代办", "帮办", "包办", "申办", "联办", "快办", "网办", "通办", "好办", "一次办", "马上办",
              "签署", "部署", "常委", "不局", "邮局", "棋局", "赌局",
              "节活动", "会活动", "展活动", "周活动", "赛活动")


_SCOPE = re.compile(r"^(?:全省|全市|全区|全国|一批|一个|一套|若干)")
_CJK_RUN = re.compile(r"^[\u4e00-\u9fff]+$")
_FOUNDING_END = re.compile(alternation("founding_verbs", "ends_a_name_chunk") + "了?$")


@dataclass(frozen=True)
class NameCandidate:
    start: int
    end: int
    text: str
    type: str
    head: str
    strong: bool


def _read_tsv(name):
    return list(rows(LEXICON_DIR / name))


class NameGrammar:
    """Suffix heads and boundary words, compiled once.

    >>> g = load_grammar()
    >>> text = "推动郴州片区与广东工业大学合作共建郴佛智能制造研究院"
    >>> [c.text for c in g.candidates(text, proper=lambda name: name.startswith(("郴州", "广东")))]
    ['郴州片区', '广东工业大学', '郴佛智能制造研究院']
    """

    def __init__(self, suffixes: dict[str, tuple[str, bool]], hard: set[str], verbs: set[str], soft: set[str],
                 generic: set[str]):
        self.suffixes = suffixes
        self.generic = generic
        heads = sorted(suffixes, key=len, reverse=True)
        self._head_re = re.compile("|".join(map(re.escape, heads)))
        self._run_re = re.compile(f"[{_NAME_CHARS}]+")
        self._soft_re = re.compile("|".join(map(re.escape, sorted(soft, key=len, reverse=True))))
        self._roles = {**{w: "soft" for w in soft}, **{w: "verb" for w in verbs}, **{w: "hard" for w in hard}}
        self._any_re = re.compile("|".join(map(re.escape, sorted(self._roles, key=len, reverse=True))))
        self._generic_start = tuple(sorted(generic, key=len, reverse=True))

    def type_of(self, name: str) -> tuple[str, str, bool] | None:
        """(type, head, strong) for a name ending in a known suffix head, else None."""
        for n in range(min(len(name), 8), 0, -1):
            head = name[-n:]
            if head in self.suffixes:
                typ, strong = self.suffixes[head]
                return typ, head, strong
        return None

    def candidates(self, text: str, offset: int = 0, proper: Callable[[str], bool] | None = None,
                   protected: frozenset[int] = frozenset()):
        """Names in `text` (simplified); offsets shifted by `offset`.

        `proper(name)` says whether a name starts with a proper prefix; `protected` holds
        absolute positions inside known names, where no boundary word may cut.
        """
        proper = proper or (lambda name: False)
        out = []
        for run in self._run_re.finditer(text):
            out.extend(self._in_run(run.group(), run.start() + offset, proper, protected))
        return out

    def _cuts(self, regex, run, lo, hi, base, protected):
        """(end, word) of each boundary word in run[lo:hi], longest word first at each place
        (对接 is one soft word, not the hard 对 and a stray 接)."""
        cuts = []
        for m in regex.finditer(run, lo, hi):
            if not any(base + i in protected for i in range(m.start(), m.end())):
                cuts.append((m.end(), m.group()))
        return cuts

    def _in_run(self, run: str, base: int, proper, protected):
        found = []
        for m in self._head_re.finditer(run):
            end = m.end()
            # the longest head that ends here (自由贸易试验区 over 试验区)
            typed = self.type_of(run[max(0, end - 8):end])
            if typed is None:
                continue
            typ, head, strong = typed
            nxt = run[end:end + 1]
            if nxt and nxt in _RIGHT_BLOCK.get(head, _RIGHT_BLOCK["中心"] if head.endswith("中心") else ""):
                continue   # 研发中心|城市 as 中心|城市
            if head in _BARE_BRAND_HEADS and nxt and _CJK.match(nxt) and nxt not in _AFTER_BRAND:
                continue   # 湖南顶立科技与…: a firm's short name ends the phrase; 湖南科技创新 is no name
            prv = run[end - len(head) - 1: end - len(head)]
            if prv and (prv in _LEFT_BLOCK.get(head, ()) or prv in "“「"):
                continue   # …or the head opens a quoted name: “港洽周”
            if run.endswith(_NOT_NAMES, 0, end):
                continue
            start = self._left_edge(run, base, end, head, strong, proper, protected)
            if start is None:
                continue
            if run[start - 1:start] == "及":
                start = self._across_ji(run, start, base, protected)
            elif run[start - 1:start] == "与":
                start = self._across_yu(run, start, base, protected, proper)
            name = run[start:end]
            # two bodies issuing together, written without a break: 省委办公厅省政府办公厅,
            # 省委省政府 (but 促进局武汉代表处 is one body: a branch names its parent)
            if typ == "GovernmentAgency" and head not in _BRANCH_HEADS:
                for m2 in self._head_re.finditer(name, 0, len(name) - len(head)):
                    rest = name[m2.end():]
                    if self.suffixes.get(m2.group(), ("",))[0] == "GovernmentAgency" and \
                            (rest.startswith(("省", "市", "自治区")) or proper(rest)) and self._acceptable(rest, head):
                        start += m2.end()
                        name = run[start:end]
                        break
            if name.count("(") > name.count(")"):
                if self.type_of(name[:name.rfind("(")]) is not None:
                    continue   # 香港生产力促进局(生产力局): a name and its short form, not one name
                if run[end:end + 1] == ")":
                    end += 1
                    name = run[start:end]
                else:
                    cut = name.rfind("(") + 1
                    start, name = start + cut, name[cut:]
                    if not self._acceptable(name, head):
                        continue
            found.append(NameCandidate(base + start, base + end, name, typ, head, strong))
        return found

    def _across_ji(self, run: str, start: int, base: int, protected) -> int:
        """成立先进结构材料及增材制造…中心, 建设智慧商务大数据及业务统一平台: what a founding verb
        takes may join two subjects with 及 inside one name. The name reaches back over 及 when
        the stretch before it names nothing itself and a founding verb (and at most a scope
        word such as 全省) stands before that."""
        ji = start - 1
        cuts = [c for c, w in self._cuts(self._any_re, run, max(0, ji - 16), ji, base, protected)
                if self._roles[w] in ("hard", "verb")]
        if not cuts:
            return start
        left = max(cuts)
        chunk = run[left:ji]
        lead = _SCOPE.match(chunk)
        if lead:
            left, chunk = left + lead.end(), chunk[lead.end():]
        verb = run[:left - (lead.end() if lead else 0)]
        if not (2 <= len(chunk) <= 10 and _CJK_RUN.match(chunk) and _FOUNDING_END.search(verb)
                and not self._head_re.search(chunk)):
            return start
        return left

    def _across_yu(self, run: str, start: int, base: int, protected, proper) -> int:
        """理大华为网络光互联与先进计算系统联合实验室: a lab named for two fields joined by 与 opens
        with the bodies that run it. The name reaches back over 与 when the stretch before it
        opens with a known body or place and holds no head of its own (unlike 湖南大学与…)."""
        yu = start - 1
        if yu < 4 or proper(run[start:start + 12]):
            return start   # 在贵州贵阳市与香港贸发局会面: what follows 与 is a name of its own
        cuts = [c for c, w in self._cuts(self._any_re, run, max(0, yu - 16), yu, base, protected)
                if self._roles[w] in ("hard", "verb")]
        left = max(cuts) if cuts else max(0, yu - 16)
        left = self._trim(run, left, yu)
        chunk = run[left:yu]
        if not (4 <= len(chunk) <= 14 and _CJK_RUN.match(chunk) and proper(chunk)
                and not self._head_re.search(chunk)):
            return start
        return left

    def _left_edge(self, run, base, end, head, strong, proper, protected) -> int | None:
        """Where the name ending at `end` starts, or None where no name ends there.

        Hard boundaries and verbs fix the farthest the name may reach; soft words
        (合作, 发展, 创新 ...) are places it may start. The leftmost start that opens with a
        proper prefix wins (北京·香港经济合作研讨洽谈会); failing that, a strong head takes
        the nearest acceptable start (郴佛智能制造研究院) and a weak head names nothing.
        """
        lo = max(0, end - MAX_NAME)
        hs = end - len(head)
        cuts = self._cuts(self._any_re, run, lo, hs, base, protected)
        floors = [c for c, w in cuts if self._roles[w] in ("hard", "verb")]
        floor = max(floors) if floors else lo
        # a cut may not split another head (先行|区国际商事仲裁院)
        inside = {i for m in self._head_re.finditer(run, floor, hs) for i in range(m.start() + 1, m.end())}
        softs = sorted(c for c, w in cuts if self._roles[w] == "soft" and c > floor and c not in inside)
        starts = []
        for s in [floor] + softs:
            s = self._trim(run, s, end)
            if s < hs and self._acceptable(run[s:end], head) and \
                    (not self._soft_re.match(run, s) or proper(run[s:end])):
                starts.append(s)
        for s in starts:
            if proper(run[s:end]):
                return s
        if strong and starts:
            return starts[-1]
        return None

    def _trim(self, run: str, start: int, end: int) -> int:
        """Drop what may open a stretch but not a name: numbering, ordinals, stray brackets
        and quotes that close before they open."""
        while True:
            before = start
            prefix = run[start:end]
            close = max(prefix.rfind("”"), prefix.rfind("」"))
            if close != -1 and prefix[:close].count("“") + prefix[:close].count("「") == 0:
                start += close + 1
            elif prefix[:1] in ("“", "「") and prefix.count("”") + prefix.count("」") == 0:
                start += 1
            else:
                for regex in (_ENUM, _ORDINAL, _LEADING_NUMBER, _LEADING_PARTICLE):
                    m = regex.match(prefix)
                    if m and m.end() < len(prefix):
                        start += m.end()
                        break
                else:
                    if (prefix[:1] in (")", "-", "—", "·", "+") or prefix[:1].isdigit()) and len(prefix) > 1:
                        start += 1
                    elif prefix.startswith("(") and ")" not in prefix:
                        start += 1
            if start == before:
                return start

    def _acceptable(self, name: str, head: str) -> bool:
        core = name[: len(name) - len(head)]
        if core in ("省", "自治区") and self.suffixes[head][0] == "GovernmentAgency" and len(head) >= 2:
            return True  # 省政协, 省发展改革委: the document's own province
        if len(_CJK.findall(core)) + sum(c.isalpha() for c in core if c.isascii()) < 2:
            return False
        if core[:1] in ("市", "县", "区") and len(re.sub(r"\([^)]*\)", "", core)) <= 2:
            return False   # 县党委, 市政府, 县(区)人民政府: any county's, not one body
        if name.startswith(self._generic_start) or core in self.generic or _GENERIC_INNER.search(core):
            return False
        return True

    def is_boundary(self, word: str) -> bool:
        """Whether a word is one of the boundary words (verbs, function words, soft words)."""
        return word in self._roles

    def has_boundary(self, text: str) -> bool:
        """Whether a stretch holds a verb or function word (else it reads as part of a name)."""
        return self._any_re.search(text) is not None

    def blocked(self, name: str, head: str) -> bool:
        """A word, not a name, ends here: 跨省通办, 格局."""
        return name.endswith(_NOT_NAMES)

    def is_generic(self, name: str, head: str) -> bool:
        return not self._acceptable(name, head)

    def is_class(self, name: str, head: str, place_length: int) -> bool:
        """A place followed by a class head and nothing else: 香港学校, 贵州企业; the governments
        of a group of countries: 非洲国家政府."""
        if head.endswith("政府") and name[:len(name) - len(head)].endswith(("国家", "各国", "诸国")):
            return True
        return head in _CLASS_HEADS and place_length >= len(name) - len(head) - 1


@lru_cache(maxsize=1)
def load_grammar() -> NameGrammar:
    suffixes = {r["suffix"]: (r["type"], r["strength"] == "strong") for r in _read_tsv("org_suffixes.tsv")}
    bounds = _read_tsv("name_boundaries.tsv")
    words = {role: {r["word"] for r in bounds if r["role"] == role} for role in ("hard", "verb", "soft", "generic")}
    return NameGrammar(suffixes, words["hard"], words["verb"], words["soft"], words["generic"])
