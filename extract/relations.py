"""Relations between the entities of one sentence: partner, agreement, founded.

The genre states cooperation in a few shapes, which these rules read:
  "A与B合作开展…", "A分别与B、C签订…"   partner(A, B), partner(A, C)
  "C、D和E等与我省开展交流"           partner(C, 我省), partner(D, 我省) ...
  "加强与C、D合作"                    partner(actor, C/D): the actor is the passage's subject
  "A和B共同举办…" (A, B open the clause) partner(A, B)
  "对接A和B" (A, B are objects)        partner(actor, A), partner(actor, B)
  "湘港澳合作"                        partner between every two of the regions
  "A与B签订合作协议"                  an agreement whose parties are A and B
  "A与B合作共建C", "设立C"             C founded by A and B (or by the actor)
Status comes from the clause's own markers (已, 签订了, 成立 vs 将, 争取, 推动), read
against the default of the section the sentence stands in ("前段工作情况" vs "下一步").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.zh_names import load_grammar

__all__ = ["Actor", "sentence_relations", "clause_status", "section_status"]

COOPERATION = re.compile(
    r"合作|签署|签订|签约|共建|共同|联合|对接|交流|携手|协作|互认|结对|共办|合办|战略|伙伴|联手|备忘录|协议|"
    r"联动|协同|往来|会谈|会见|会晤|座谈|互访|共享|衔接|一体化|融合|合资|共创|互通|贸易额|进出口|参与|融入|"
    r"举办|承办|主办|协办|联系|沟通|互动|帮扶|协助|支援|援建|结成|缔结|友好|姊妹|姐妹|投资|引进|落户|入驻|"
    r"建立|组建|成立|设立|共商|共谋|共推|共促|对话|磋商|洽谈|拜访|走访|访问|考察|接待|出席")
SIGNING = re.compile(r"(?:签署|签订|签约|达成|缔结|续签|共签)了?[^,，。；:：]*?"
                     r"(?:协议书|协议|备忘录|协定|合同|意向书|框架|安排|合约|约定|共识|倡议书)")
AGREEMENT_NOUN = re.compile(r"(?:战略)?(?:合作)?(?:框架)?(?:协议书|协议|备忘录|协定|合同|意向书|安排|合约)")
FOUNDING = re.compile(r"(?:合作共建|共同建设|联合建设|合作建设|共同组建|合作组建|联合组建|共同设立|联合设立|"
                      r"共同成立|联合成立|合作成立|引进设立|探索组建|推动组建|共建|组建|成立|设立|创建|创办|"
                      r"筹建|建立|开设|挂牌|揭牌成立)了?的?$")
# 建设/打造 found something new only when it is not a body the gazetteer already knows
FOUNDING_WEAK = re.compile(r"(?:规划和建设|规划建设|加快建设|建设|打造|搭建|共建共享)了?的?"
                           r"(?:全省|全市|全区|一批|一个|一套)?$")
NOT_PARTNER = re.compile(r"^[^，,。；]{0,12}?(?:相比|相较|比较|不同|一样|相同|之比|持平)")
LIST_SEP = re.compile(r"^(?:\([A-Za-z0-9&. ]{1,12}\))?(?:、|和|及|以及|与|,|，|或)$")
ADVERBS = re.compile(r"^(?:分别|共同|积极|已经|已|还|也|将|正式|先后|均|都|率先|首次|再次|主动|持续|继续|"
                     r"进一步|深入|不断|多次|一起|一道|联合|携手|双方|等(?:[省市县区州地]|城市|地区|单位|机构|高校|企业|部门)?|"
                     # when: 今日, 昨天上午, 于6月15日, 2023年
                     r"今日|昨日|今天|昨天|日前|近日|近期|当天|当日|同日|上午|下午|晚上|今年|去年|此前|随后|此次|本次|"
                     r"于|在|[0-9一二三四五六七八九十〇]+[年月日号]|[,，、\s])*$")
FUTURE = re.compile(r"将|计划|拟|争取|力争|希望|冀望|期望|期盼|盼望|期待|下一步|未来|今后|有望|预计|筹划|谋划|意向(?!书)|建议|提出")
PAST = re.compile(r"已经|已|签订了|签署了|成立了|建立了|达成了?|举办了|开通了?|建成|揭牌|落户|成功|实现了|先后|累计|"
                  r"截至|[^为]了[，,。；、]|了$|了[^解]|正式|于\d{4}年|\d{4}年\d{1,2}月")
COMPLETED = re.compile(r"签署|签订|签约|揭牌|举办|举行|召开|开幕|启动|会见|会晤|访问|到访|出席")
WEAK_PLANNED = re.compile(r"推动|支持|鼓励|加强|推进|深化|促进|加快|探索|进一步|积极|着力|打造|努力|做好|持续|继续|"
                          r"拓展|用好|扩大|提升|加大|完善|健全|深入|务实|引导|争创|创建|培育")
SECTION_PLANNED = re.compile(r"下一步|下阶段|工作打算|今后|未来|主要任务|重点任务|发展目标|工作措施|保障措施|重点工作|"
                             r"工作思路|总体要求|基本原则|目标任务|建议|对策|展望|计划")
SECTION_REALIZED = re.compile(r"前段|工作情况|进展|成效|发展基础|取得|回顾|基本情况|主要做法|办理情况|已开展|工作开展|"
                              r"主要成绩|成果|现状")
# "湘港澳合作", "赣港经贸合作活动": a run of places that cooperate, unlike "港澳台地区"
RUN_COOPERATION = re.compile(r"^[^，,。；、]{0,6}?(?:合作|交流|协作|联动|协同|共建|对接|经贸|互联|互通|一体化|融合|往来)")
# 湘港在金融、科技等领域深度合作: where they cooperate stands between the places and the verb
_RUN_WHERE = re.compile(r"^在[^，,。；]{0,16}?(?:合作|交流|协作|联动|协同|对接|融合)")
# "A、B合作", "推动A、B在…领域合作": the listed bodies act together
_JOINT = re.compile(r"^等?(?:两地|双方|三地|四地|各方|三方|四方|多方|两校|三校|两院|两家|三家)?(?:共同|联合|携手|一起|签署|签订|"
                    r"(?:在[^，,。；]{0,12}?)?(?:经贸|经济|科技|教育|文化|产业|旅游|金融|人才|深度|务实|全面|战略)?"
                    r"(?:合作|交流|协作|联动|协同))")
# 长沙、岳阳、郴州三大片区联动: the count and the shared head after a list
_COUNTED = re.compile(r"^(?:等)?[两三四五六七八九十0-9]+(?:大|个|家|所)?(?:片区|园区|城市|高校|商会|机构|单位|企业|部门|地区|地)?")
# the verb right before a list whose members are its objects: 对接A和B, 走访了A、B
_OBJECT_VERB = re.compile(r"(?:联合|联同|会同|携手)$|"   # co-agents come right after: 联合A、B举办
                          r"(?:对接|合作|交流|融入|参与|协作|联动|会见|会晤|会谈|走访|拜访|拜会|访问|考察|协助|帮助|助力)了?"
                          r"[^，,。；、]{0,4}$")
_NO_VERB_LEAD = re.compile(r"^(?:[一二三四五六七八九十]+是|同时|此外|其中|并|由|而|[0-9]{4}\s*以来|近年来|[、,，\s【】\[\]()])*$")
_GOVERNING = re.compile(r"(?:推动|促进|加强|深化|支持|鼓励|为|助力|实现)[^，,。；]{0,6}$")
_SVO = re.compile(r"^(?:重点|着力|积极|主动|全面|深度|率先|已|将|继续|进一步|更好地?|加快|大力|要|也|还|正在?)*"
                  r"(?:对接|融入|携手|牵手|联手|结对|结盟|对口支援|"
                  r"帮扶|支援|拜访|会见|会晤|走访|访问)了?$")
_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
# 与到访的A会面, 与来湘考察的B座谈: the partner is described as the visitor
_VISITING = re.compile(r"^(?:正在|前来)?(?:到访|来访|来[\u4e00-\u9fff]{1,2}(?:考察|访问|调研|交流)?|访[港澳湘黔])的$")
_UNKNOWN_FIRST = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:和|、|及|以及)$")
# "与X的合作协议": an agreement with X, named without a verb
_AGREEMENT_WITH = re.compile(r"^的(?:战略)?(?:合作)?(?:框架)?(?:协议书|协议|备忘录|协定|合同|合约)")
_VISIT = re.compile(r"^[^。；]{0,200}?(来|赴|访|到访|前往|来到)(.)(?:交流|访问|考察|调研|参观|洽谈|合作|学习|研修)")
# "…一行访问了C", "拜访C": the visitors and the body they call on
_CALL_ON = re.compile(r"^[^。；]{0,60}?(?:访问|拜访|拜会|走访|到访|考察|会见|会晤)了?(?=\S)")
_AND_SIGNED = re.compile(r"[，,](?:并|还|双方|随后|同时)(?=签署|签订|签约|缔结|共同签署)")
# "X访问湖北，与Y签署": the place or body just visited is not who signs
_VISITED = re.compile(r"(?:访问|拜访|拜会|走访|到访|考察|抵达|来到|前往|赴|到)了?$")
# a title and a person's name between two bodies of a list: A副会长李国华、B
_TITLES = r"(?:长|主任|主席|书记|特首|行政长官|理事|顾问|委员|常委|教授|院士|总裁|经理|董事|秘书|官|调研员|研究员|专员|干事)"
# a title may be one of several held by the same person: 区委常委、统战部长阮晓红
_PERSON_GAP = re.compile(rf"^(?:(?:[\u4e00-\u9fff]{{0,8}}{_TITLES}、)*[\u4e00-\u9fff]{{0,8}}{_TITLES}"
                         r"[\u4e00-\u9fff·.．]{2,8}|[\u4e00-\u9fff]{2,3}(?:先生|女士))(?:、|和|及|与|以及|,|，)$")


# the preposition "with": 与, 同, 跟, and 和 after a verb of cooperating (加强和X的往来)
_WITH = re.compile(r"与|同|跟|(?<=加强|深化|推动|推进|促进|扩大|密切|开展|保持|建立)和")


@dataclass(frozen=True)
class Actor:
    """An entity mention in a sentence, in resolved form (offsets absolute)."""

    start: int
    end: int
    canonical: str
    type: str
    implicit: bool = False
    known: bool = False


# 为两地合作创造商机: a clause of purpose says what is meant to come
_PURPOSE = re.compile(r"^\s*为了?(?!主|重点|核心|依托|载体|抓手|契机|引领|导向|目标|基础|支撑|牵引)[\u4e00-\u9fff＿]{2,}")


def clause_status(clause: str, default: str | None) -> str:
    """'realized' or 'planned' from the clause's markers, else the section's default.

    >>> clause_status("双方签订了合作协议", "planned")
    'realized'
    >>> clause_status("双方将签订合作协议", "realized")
    'planned'
    >>> clause_status("推动两地高校合作", None)
    'planned'
    >>> clause_status("推动两地高校合作", "realized")
    'realized'
    >>> clause_status("为两地经贸合作创造更大的商机", "realized")
    'planned'
    """
    if FUTURE.search(clause) or _PURPOSE.match(clause):
        return "planned"
    if PAST.search(clause):
        return "realized"
    if default:
        return default
    if COMPLETED.search(clause) and not WEAK_PLANNED.search(clause):
        return "realized"   # a report of an event: 两校签署合作备忘录
    return "planned" if WEAK_PLANNED.search(clause) else "realized"


def section_status(heading: str, current: str | None) -> str | None:
    """The default status a heading sets for the sentences under it."""
    if SECTION_PLANNED.search(heading):
        return "planned"
    if SECTION_REALIZED.search(heading):
        return "realized"
    return current


def _listed(sentence, offset, a: Actor, b: Actor) -> bool:
    """Whether b follows a in a list: C、D和E, or abbreviations run together (港澳)."""
    gap = sentence[a.end - offset:b.start - offset]
    if not gap:
        return a.type == b.type == "Region" and a.end - a.start == 1 and b.end - b.start == 1
    return bool(LIST_SEP.match(gap) or (a.type != "Region" and _PERSON_GAP.match(gap)))


def _after_locative(sentence, offset, actors, k) -> bool:
    """Whether actors[k] is where something happens: 在长沙, 在贵州贵阳市 (places written
    together count as one)."""
    while k > 0 and actors[k].type == actors[k - 1].type == "Region" and actors[k - 1].end == actors[k].start:
        k -= 1
    return sentence[max(0, actors[k].start - offset - 1):][:1] in ("在", "于", "到", "赴")


def _group_after(sentence, offset, actors, k):
    """actors[k] and those listed after it (C、D和E)."""
    out = [k]
    while out[-1] + 1 < len(actors):
        a, b = actors[out[-1]], actors[out[-1] + 1]
        if not _listed(sentence, offset, a, b):
            break
        out.append(out[-1] + 1)
    return out


def _group_before(sentence, offset, actors, k):
    """actors[k] and those listed before it (C、D和E, read right to left)."""
    out = [k]
    while out[0] - 1 >= 0:
        a, b = actors[out[0] - 1], actors[out[0]]
        if not _listed(sentence, offset, a, b):
            break
        out.insert(0, out[0] - 1)
    return out


_CLAUSE_END = re.compile(r"[，,；;。]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def _clause_span(sentence: str, a: int, b: int) -> tuple[int, int]:
    """From the start of the clause holding `a` to the end of the clause holding `b`.

    A space between two ideographs ends a clause too: headlines put two clauses side by side
    (两校签署合作备忘录 双方携手促进合作)."""
    m = _CLAUSE_END.search(sentence, max(b, 0))
    return _clause_start(sentence, max(a, 0)), m.start() if m else len(sentence)


def _clause_start(sentence: str, pos: int) -> int:
    cut = max([sentence.rfind(c, 0, pos) for c in "，,：:"] +
              [m.end() - 1 for m in _CLAUSE_END.finditer(sentence, 0, pos) if m.group().isspace()])
    return cut + 1


def sentence_relations(sentence: str, offset: int, actors: list[Actor], subject: Actor | None,
                       pair: list[Actor] | None = None):
    """(kind, head, tail, implicit, span) tuples for one sentence.

    `actors` are the outer mentions in order; `subject` is the acting body of the passage,
    used where the sentence leaves its own subject out. For "agreement" the head is the
    tuple of parties and the tail the agreement noun; for "founded" the head is the new body.
    `span` is the stretch of the sentence (clause start to clause end) whose markers give
    the relation's status. `pair` is the pair of bodies the sentence before named as
    partners, whom a 双方 with no pair of its own sentence means.

    >>> A = lambda s, e, n, t="University": Actor(s, e, n, t)
    >>> s = "湖南大学与香港大学签订了合作协议"
    >>> rels = sentence_relations(s, 0, [A(0, 4, "湖南大学"), A(5, 9, "香港大学")], None)
    >>> [(k, h, t) for k, h, t, _, _ in rels]
    [('partner', '湖南大学', '香港大学'), ('agreement', ('湖南大学', '香港大学'), '合作协议')]
    """
    out = []
    # Region runs from abbreviations ("湘港澳合作"): adjacent one-character regions.
    run: list[Actor] = []
    for a in actors + [None]:
        if a is not None and a.type == "Region" and a.end - a.start == 1 and (
                not run or run[-1].end == a.start or
                (a.start == run[-1].end + 1 and sentence[run[-1].end - offset] == "、")):
            run.append(a)
            continue
        before_run = sentence[max(0, run[0].start - offset - 1):run[0].start - offset] if run else ""
        after_run = sentence[run[-1].end - offset:run[-1].end - offset + 20] if run else ""
        if len(run) >= 2 and (RUN_COOPERATION.match(after_run[:8]) or _RUN_WHERE.match(after_run)) \
                and before_run not in ("与", "同", "跟", "和", "及", "、"):
            # 湘港澳合作: the first named (the writer's side) with each of the others
            for y in range(1, len(run)):
                out.append(("partner", run[0].canonical, run[y].canonical, False,
                            _clause_span(sentence, run[0].start - offset, run[-1].end - offset)))
        run = [a] if a is not None and a.type == "Region" and a.end - a.start == 1 else []

    if not actors:
        return out
    first = actors[0]
    sentence_subject = first if first.start - offset <= 3 and not first.implicit else None
    if sentence_subject is not None and sentence.startswith("关于", first.end - offset):
        sentence_subject = None   # X关于印发…的通知: the issuer of a notice, not an actor in its subject
    # …but it founds nothing when a verb governs it (支持X…, 推动X建设, 办好X)
    founding_subject = sentence_subject if sentence_subject is not None \
        and _NO_VERB_LEAD.match(sentence[:first.start - offset]) else None
    used: set[int] = set()
    last_left: list[Actor] = []
    last_pair: list[Actor] = list(pair or [])
    for m in _WITH.finditer(sentence):
        after = [k for k, a in enumerate(actors) if a.start - offset >= m.end()]
        if not after:
            continue
        gap = sentence[m.end():actors[after[0]].start - offset].strip()
        # "与团市委和X": a body the recogniser does not know may open the list
        if gap and not _UNKNOWN_FIRST.match(gap) and not _VISITING.match(gap):
            continue
        if NOT_PARTNER.match(sentence[actors[after[0]].end - offset:]):
            continue
        right = _group_after(sentence, offset, actors, after[0])
        # the left side: the actors just before the connector (adverbs may stand between)
        before = [k for k, a in enumerate(actors) if a.end - offset <= m.start()]
        left_actors: list[Actor] = []
        locative = before and _after_locative(sentence, offset, actors, _group_before(sentence, offset, actors, before[-1])[0])
        visited = before and _VISITED.search(sentence[max(0, actors[_group_before(sentence, offset, actors, before[-1])[0]]
                                                             .start - offset - 6):actors[before[-1]].start - offset])
        if before and not locative and not (visited and re.search(r"[，,]", sentence[actors[before[-1]].end - offset:m.start()])) \
                and ADVERBS.match(_COUNTED.sub("", sentence[actors[before[-1]].end - offset:m.start()], 1)):
            left_actors = [actors[k] for k in _group_before(sentence, offset, actors, before[-1])]
        else:
            cs = _clause_start(sentence, m.start())
            pre = sentence[max(cs, actors[before[-1]].end - offset if before else 0):m.start()]
            if len(pre) >= 2 and _CJK_ONLY.match(pre) and not ADVERBS.match(pre) and not load_grammar().has_boundary(pre):
                continue   # 网络光互联与先进计算系统联合实验室: a 与 inside a name
            in_clause = [actors[k] for k in before if actors[k].start - offset >= cs]
            if in_clause and in_clause[0].start - offset - cs <= 3:
                left_actors = [in_clause[0]]
            elif last_left and re.match(r"^(?:并|还|也|又|同时|以及|此外|另)", sentence[cs:m.start()]):
                left_actors = last_left  # "…，并与Y签署": the same subject goes on
            elif sentence_subject is not None and sentence_subject.end - offset <= m.start():
                left_actors = [sentence_subject]
            elif subject is not None:
                left_actors = [subject]
        if not left_actors:
            continue
        last_left = left_actors
        last_pair = left_actors + [actors[k] for k in right]
        used.update(right)
        used.update(k for k, a in enumerate(actors) if a in left_actors)
        rights = [actors[k] for k in right]
        anchor = min([a.start - offset for a in left_actors if not a.implicit and a.start >= offset] + [m.start()])
        span = _clause_span(sentence, anchor, rights[-1].end - offset)
        for left in left_actors:
            for r in rights:
                if r.canonical != left.canonical:
                    out.append(("partner", left.canonical, r.canonical, left.implicit or r.implicit, span))
        tail = sentence[rights[-1].end - offset:span[1]]
        more = _AND_SIGNED.match(sentence, span[1])
        signed_span = span
        if more:
            # "与X座谈交流，并签署了《…》": the same pair signs in the next clause
            signed_span = (span[0], _clause_span(sentence, more.end(), more.end())[1])
            tail = sentence[rights[-1].end - offset:signed_span[1]]
        signing = SIGNING.search(tail) or _AGREEMENT_WITH.match(tail)
        if signing and len(left_actors) == 1:
            noun = AGREEMENT_NOUN.search(signing.group())
            noun = noun.group() if noun else "协议"
            # "分别签署" is one agreement with each partner, not one among all of them
            groups = [[r] for r in rights] if "分别" in sentence else [rights]
            for g in groups:
                parties = tuple(dict.fromkeys(a.canonical for a in left_actors + g))
                out.append(("agreement", parties, noun, left_actors[0].implicit, signed_span))
        out.extend(_founded(sentence, offset, actors, rights[-1].end, left_actors + rights))

    out.extend(_coordinated(sentence, offset, actors, subject, sentence_subject, used))
    out.extend(_joint_handling(sentence, offset, actors))
    # "A对接B", "A携手B": a cooperation verb between two bodies
    for i in range(len(actors) - 1):
        a, b = actors[i], actors[i + 1]
        if i in used and i + 1 in used:
            continue
        if _SVO.match(sentence[a.end - offset:b.start - offset]) and a.canonical != b.canonical:
            out.append(("partner", a.canonical, b.canonical, False,
                        _clause_span(sentence, a.start - offset, b.end - offset)))
    founded = {h for k, h, *_ in out if k == "founded"}
    for c in actors:
        if c.canonical in founded or c.type == "Region" or c.implicit:
            continue
        between = sentence[max(0, c.start - offset - 12):c.start - offset].rstrip("“\"「『《(")
        # 推进“人工智能计算中心”建设: a quoted new project, then the word for building it
        project = not c.known and sentence[c.start - offset - 1:c.start - offset] in ("“", "「") \
            and _BUILT_AFTER.match(sentence, c.end - offset)
        if not (FOUNDING.search(between) or (not c.known and FOUNDING_WEAK.search(between)) or project):
            continue
        if not project and not _ends_phrase(sentence, c.end - offset):
            continue   # 建立湖南自贸试验区招商引资项目库: what is founded is the 项目库, not the zone
        # the founder: the body that opens the clause, else the sentence's, else the passage's
        cs = _clause_start(sentence, c.start - offset)
        opener = next((a for a in actors if cs <= a.start - offset <= cs + 3 and a.end <= c.start
                       and a.type not in ("Region", "Platform", "Agreement")), None)
        founder = opener or (founding_subject if founding_subject and founding_subject.end <= c.start else subject)
        if opener is None and last_pair and _BOTH_SIDES.search(sentence[cs:c.start - offset]):
            # "A与B签署协议，双方将共同成立C": C founded by A and by B
            for f in last_pair:
                if f.canonical != c.canonical:
                    out.append(("founded", c.canonical, f.canonical, f.implicit,
                                _clause_span(sentence, c.start - offset - 12, c.end - offset)))
            continue
        if founder is not None and founder.canonical != c.canonical:
            out.append(("founded", c.canonical, founder.canonical, founder.implicit,
                        _clause_span(sentence, c.start - offset - 12, c.end - offset)))
    return out


def _ends_phrase(sentence: str, pos: int) -> bool:
    """Whether the object noun phrase ends at `pos` (punctuation, a list word, a verb)."""
    nxt = sentence[pos:pos + 2]
    return not nxt or not re.match(r"[\u4e00-\u9fff(（]", nxt) or nxt[0] in "和与及等并以、暨" \
        or load_grammar().has_boundary(nxt)


def _founded(sentence, offset, actors, after, founders):
    """C founded by each founder, where a founding verb stands just before C: after a 与 list
    only the next body in the same clause counts ("A与B合作共建C")."""
    out = []
    stop = min([sentence.find(c, after - offset) for c in "，,；;。" if sentence.find(c, after - offset) != -1]
               + [len(sentence)])
    for c in actors:
        if c.start < after or c.type == "Region" or c.implicit or c.start - offset > stop:
            continue
        between = sentence[max(after, c.start - 12) - offset:c.start - offset].rstrip("“\"「『《(")
        if FOUNDING.search(between) and _ends_phrase(sentence, c.end - offset):
            for f in founders:
                if f.canonical != c.canonical:
                    out.append(("founded", c.canonical, f.canonical, f.implicit,
                                _clause_span(sentence, max(after, c.start - 12) - offset, c.end - offset)))
        break
    return out


_LEAD_UNIT = re.compile(r"^(?:负责)?主办")
_CO_UNITS = re.compile(r"^(?:为|作为|是)?(?:会办|协办|配合|参办|承办|联合主办|共同主办)(?:单位|部门)?")


def _joint_handling(sentence, offset, actors):
    """"由我办主办，A、B为会办单位": the body that leads a task and each that shares it (the
    usual way a reply to a proposal names who handled it)."""
    out = []
    if "主办" not in sentence:
        return out
    lead = next((a for a in actors if _LEAD_UNIT.match(sentence[a.end - offset:])), None)
    if lead is None:
        return out
    k = 0
    while k < len(actors):
        group = _group_after(sentence, offset, actors, k)
        k = group[-1] + 1
        members = [actors[i] for i in group]
        if _CO_UNITS.match(sentence[members[-1].end - offset:]):
            span = _clause_span(sentence, lead.start - offset, members[-1].end - offset)
            for mbr in members:
                if mbr.canonical != lead.canonical:
                    out.append(("partner", lead.canonical, mbr.canonical, lead.implicit or mbr.implicit, span))
    return out


_BUILT_AFTER = re.compile(r"[”」]的?(?:建设|筹建|建成|落地|组建)")
_BOTH_SIDES = re.compile(r"双方|两校|两地|两家|三方|两院|两会")
# 合作建设“X”: X is what the partners found, not a partner
_FOUNDS_WHAT_FOLLOWS = re.compile(f"(?:{FOUNDING.pattern[:-1]}|{FOUNDING_WEAK.pattern[:-1]})$")


def _coordinated(sentence, offset, actors, subject, sentence_subject, used=frozenset()):
    """Lists joined by 、/和 without 与: co-agents open the clause, co-objects follow a verb."""
    out = []
    k = 0
    while k < len(actors):
        group = _group_after(sentence, offset, actors, k)
        k = group[-1] + 1
        if used.intersection(group):
            continue
        members = [actors[i] for i in group]
        cs = _clause_start(sentence, members[0].start - offset)
        lead = sentence[cs:members[0].start - offset]
        near = sentence[max(cs, members[0].start - offset - 8):members[0].start - offset]
        tail = sentence[members[-1].end - offset:]
        opens = _NO_VERB_LEAD.match(lead) is not None   # the list is the clause's subject
        visit = _VISIT.search(tail)
        if visit and opens:
            # "C、D等…来黔交流访问": each visitor with the place visited
            host = next((a for a in actors if a.start - offset == members[-1].end - offset + visit.start(2)), None)
            if host is not None:
                for mbr in members:
                    out.append(("partner", mbr.canonical, host.canonical, False,
                                _clause_span(sentence, members[0].start - offset, host.end - offset)))
                continue
        call = _CALL_ON.search(tail)
        if call and opens:
            host = next((a for a in actors if a.start - offset == members[-1].end - offset + call.end()), None)
            if host is not None and host not in members:
                for mbr in members:
                    if mbr.canonical != host.canonical:
                        out.append(("partner", mbr.canonical, host.canonical, False,
                                    _clause_span(sentence, members[0].start - offset, host.end - offset)))
                continue
        run_of_abbreviations = all(a.type == "Region" and a.end - a.start == 1 for a in members)
        if len(members) >= 2 and not run_of_abbreviations and (_NO_VERB_LEAD.match(lead) or _GOVERNING.search(near)
                                                                 or lead.endswith("由")) \
                and (_JOINT.match(tail) or _JOINT.match(_COUNTED.sub("", tail, 1))):
            span = _clause_span(sentence, members[0].start - offset, members[-1].end - offset + 8)
            for x in range(len(members)):
                for y in range(x + 1, len(members)):
                    out.append(("partner", members[x].canonical, members[y].canonical, False, span))
            signing = SIGNING.search(tail[:40])
            if signing:
                noun = AGREEMENT_NOUN.search(signing.group())
                out.append(("agreement", tuple(dict.fromkeys(a.canonical for a in members)),
                            noun.group() if noun else "协议", False, span))
        elif lead and COOPERATION.search(lead + tail[:12]) and _OBJECT_VERB.search(near) \
                and not _FOUNDS_WHAT_FOLLOWS.search(near.rstrip("“\"「『《(")):
            same_clause = sentence_subject is not None and sentence_subject.start - offset >= cs
            agent = sentence_subject if same_clause and sentence_subject.start < members[0].start else None
            # "…表示，湖南将积极对接A": the body that opens the clause
            agent = agent or next((a for a in actors if cs <= a.start - offset <= cs + 2 and a.end <= members[0].start
                                   and a not in members and not sentence.startswith("关于", a.end - offset)),
                                  None) or subject
            if agent is None:
                continue
            for mbr in members:
                if mbr.canonical != agent.canonical:
                    out.append(("partner", agent.canonical, mbr.canonical, agent.implicit,
                                _clause_span(sentence, members[0].start - offset, members[-1].end - offset)))
    return out
