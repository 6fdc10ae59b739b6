"""How a sentence of the genre is built, as the relation rules read it: lists of bodies
(C、D和E), clauses, the preposition "with" (与/同/跟) and the bodies on each side of it, the
lists joined without it.

These readings are shared by several rules (the bodies joined by 与 are partners, and the
pair signs an agreement, and founds what follows), so each is worked out once per sentence
(`per_sentence`) and every rule reads the same one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import wraps

from extract.lexicons import alternation, words
from extract.rules.sentence import Actor, Sentence
from extract.zh_names import load_grammar

COOPERATION = re.compile(alternation("cooperation_words", "in_clause"))
_AGREEMENT = alternation("agreement_nouns", "agreement_noun")
SIGNING = re.compile(alternation("signing_verbs", "signs") + "了?[^,，。；:：]*?" + alternation("agreement_nouns", "object_of_signing"))
AGREEMENT_NOUN = re.compile(f"(?:战略)?(?:合作)?(?:框架)?{_AGREEMENT}")
_FOUNDING_VERBS = alternation("founding_verbs", "founds_what_follows", "strong")
_FOUNDING_WEAK_VERBS = alternation("founding_verbs", "founds_what_follows", "weak")
FOUNDING = re.compile(f"{_FOUNDING_VERBS}了?的?$")
# 建设/打造 found something new only when it is not a body the gazetteer already knows
FOUNDING_WEAK = re.compile(f"{_FOUNDING_WEAK_VERBS}了?的?(?:全省|全市|全区|一批|一个|一套)?$")
# 合作建设“X”: X is what the partners found, not a partner
FOUNDS_WHAT_FOLLOWS = re.compile(f"(?:{_FOUNDING_VERBS}了?的?|{_FOUNDING_WEAK_VERBS}了?的?(?:全省|全市|全区|一批|一个|一套)?)$")
NOT_PARTNER = re.compile("^[^，,。；]{0,12}?" + alternation("comparison_words"))
LIST_SEP = re.compile(r"^(?:\([A-Za-z0-9&. ]{1,12}\))?(?:、|和|及|以及|与|,|，|或)$")
# the words that may stand between a body and its verb: 分别, 已, 今日, 于6月15日, 2023年
ADVERBS = re.compile("^(?:" + "|".join(words("adverbs")) + r"|[,，、\s])*$")
_COOPERATING = alternation("cooperation_words", "after_place_run")
# "湘港澳合作", "赣港经贸合作活动": a run of places that cooperate, unlike "港澳台地区"
RUN_COOPERATION = re.compile("^[^，,。；、]{0,6}?" + _COOPERATING)
# 湘港在金融、科技等领域深度合作: where they cooperate stands between the places and the verb
RUN_WHERE = re.compile("^在[^，,。；]{0,16}?" + alternation("cooperation_words", "after_where"))
# "A、B合作", "推动A、B在…领域合作": the listed bodies act together
JOINT = re.compile(f"^等?{alternation('both_sides', 'act_together')}?(?:{'|'.join(words('together_words'))}|"
                   f"(?:在[^，,。；]{{0,12}}?)?{alternation('cooperation_fields')}?"
                   f"{alternation('cooperation_words', 'of_a_list')})")
# 长沙、岳阳、郴州三大片区联动: the count and the shared head after a list
COUNTED = re.compile(f"^(?:等)?[两三四五六七八九十百0-9多数几]+(?:大|个|家|所|方)?{alternation('counted_heads')}?")
# the verb right before a list whose members are its objects: 对接A和B, 走访了A、B; co-agents
# come right after 联合: 联合A、B举办
OBJECT_VERB = re.compile(f"{alternation('object_verbs', 'role', 'co_agents_follow')}$|"
                         f"{alternation('object_verbs', 'role', 'objects_follow')}了?[^，,。；、]{{0,4}}$")
NO_VERB_LEAD = re.compile("^(?:" + "|".join(words("sentence_openers", "no_verb_before_subject"))
                          + r"|[、,，\s【】\[\]()])*$")
CIRCUMSTANCE = re.compile(f"^在[^。；]{{0,40}}?{alternation('circumstance_words')}下[，,]?$")
# 由X陪同，参观了A、B / 在X陪同下参观: the host shows its own places, and the host is the partner
ACCOMPANIED_VISIT = re.compile(f"(?:在|由)[^。；]{{0,40}}?{alternation('accompanying_words')}[^。；]{{0,6}}?"
                               f"{alternation('site_visit_verbs')}")
GOVERNING = re.compile(alternation("governing_verbs") + "[^，,。；]{0,6}$")
SVO = re.compile(f"^{alternation('partner_verbs', 'role', 'adverb')}*{alternation('partner_verbs', 'role', 'verb')}了?$")
_CJK_ONLY = re.compile(r"^[\u4e00-\u9fff]+$")
# 与到访的A会面, 与来湘考察的B座谈: the partner is described as the visitor
_VISITING = re.compile(r"^(?:正在|前来)?(?:到访|来访|来[\u4e00-\u9fff]{1,2}(?:考察|访问|调研|交流)?|访[港澳湘黔])的$")
_UNKNOWN_FIRST = re.compile(r"^[\u4e00-\u9fff]{1,6}(?:和|、|及|以及)$")
# "与X的合作协议": an agreement with X, named without a verb
AGREEMENT_WITH = re.compile(f"^的(?:战略)?(?:合作)?(?:框架)?{alternation('agreement_nouns', 'after_with_de')}")
VISIT = re.compile("^[^。；]{0,200}?(" + "|".join(words("visiting_verbs", "travels_to")) + ")(.)"
                   + alternation("visit_purposes"))
# "…一行访问了C", "拜访C": the visitors and the body they call on
CALL_ON = re.compile("^[^。；]{0,60}?" + alternation("visiting_verbs", "calls_on") + r"了?(?=\S)")
_AND_SIGNED = re.compile("[，,](?:并|还|双方|随后|同时)(?=" + "|".join(words("signing_verbs", "signs_next_clause")) + ")")
# "X访问湖北，与Y签署": the place or body just visited is not who signs
_VISITED = re.compile(alternation("visiting_verbs", "has_visited") + "了?$")
# a title and a person's name between two bodies of a list: A副会长李国华、B
_TITLES = alternation("person_titles")
# a title may be one of several held by the same person: 区委常委、统战部长阮晓红
_PERSON_GAP = re.compile(rf"^(?:(?:[\u4e00-\u9fff]{{0,8}}{_TITLES}、)*[\u4e00-\u9fff]{{0,8}}{_TITLES}"
                         r"[\u4e00-\u9fff·.．]{2,8}|[\u4e00-\u9fff]{2,3}(?:先生|女士))(?:、|和|及|与|以及|,|，)$")
# the preposition "with": 与, 同, 跟, and 和 after a verb of cooperating (加强和X的往来)
_WITH = re.compile("与|同|跟|(?<=" + "|".join(words("with_verbs")) + ")和")
_CLAUSE_END = re.compile(r"[，,；;。]|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_GOES_ON = re.compile("^" + alternation("continuation_words"))


def per_sentence(reading):
    """Work a reading out once per sentence, however many rules ask for it."""
    key = reading.__qualname__

    @wraps(reading)
    def once(s: Sentence):
        if key not in s.cache:
            s.cache[key] = reading(s)
        return s.cache[key]
    return once


def listed(sentence: str, offset: int, a: Actor, b: Actor) -> bool:
    """Whether b follows a in a list: C、D和E, or abbreviations run together (港澳)."""
    gap = sentence[a.end - offset:b.start - offset]
    if not gap:
        return a.type == b.type == "Region" and a.end - a.start == 1 and b.end - b.start == 1
    return bool(LIST_SEP.match(gap) or (a.type != "Region" and _PERSON_GAP.match(gap)))


def after_locative(sentence, offset, actors, k) -> bool:
    """Whether actors[k] is where something happens: 在长沙, 在贵州贵阳市 (places written
    together count as one)."""
    while k > 0 and actors[k].type == actors[k - 1].type == "Region" and actors[k - 1].end == actors[k].start:
        k -= 1
    return sentence[max(0, actors[k].start - offset - 1):][:1] in ("在", "于", "到", "赴")


def group_after(sentence, offset, actors, k):
    """actors[k] and those listed after it (C、D和E)."""
    out = [k]
    while out[-1] + 1 < len(actors):
        a, b = actors[out[-1]], actors[out[-1] + 1]
        if not listed(sentence, offset, a, b):
            break
        out.append(out[-1] + 1)
    return out


def group_before(sentence, offset, actors, k):
    """actors[k] and those listed before it (C、D和E, read right to left)."""
    out = [k]
    while out[0] - 1 >= 0:
        a, b = actors[out[0] - 1], actors[out[0]]
        if not listed(sentence, offset, a, b):
            break
        out.insert(0, out[0] - 1)
    return out


def clause_span(sentence: str, a: int, b: int) -> tuple[int, int]:
    """From the start of the clause holding `a` to the end of the clause holding `b`.

    A space between two ideographs ends a clause too: headlines put two clauses side by side
    (两校签署合作备忘录 双方携手促进合作).

    >>> clause_span("甲与乙合作，丙与丁交流", 7, 9)
    (6, 11)
    """
    m = _CLAUSE_END.search(sentence, max(b, 0))
    return clause_start(sentence, max(a, 0)), m.start() if m else len(sentence)


def clause_start(sentence: str, pos: int) -> int:
    cut = max([sentence.rfind(c, 0, pos) for c in "，,：:"] +
              [m.end() - 1 for m in _CLAUSE_END.finditer(sentence, 0, pos) if m.group().isspace()])
    return cut + 1


def ends_phrase(sentence: str, pos: int) -> bool:
    """Whether the object noun phrase ends at `pos` (punctuation, a list word, a verb)."""
    nxt = sentence[pos:pos + 2]
    return not nxt or not re.match(r"[\u4e00-\u9fff(（]", nxt) or nxt[0] in "和与及等并以、暨" \
        or load_grammar().has_boundary(nxt)


@per_sentence
def sentence_subject(s: Sentence) -> Actor | None:
    """The body that opens the sentence, if it acts (not the issuer of X关于…的通知)."""
    if not s.actors:
        return None
    first = s.actors[0]
    if first.start - s.offset <= 3 and not first.implicit and not s.text.startswith("关于", first.end - s.offset):
        return first
    return None


@per_sentence
def founding_subject(s: Sentence) -> Actor | None:
    """The sentence's subject, unless a verb governs it (支持X…, 推动X建设, 办好X)."""
    subject = sentence_subject(s)
    if subject is not None and NO_VERB_LEAD.match(s.text[:subject.start - s.offset]):
        return subject
    return None


@dataclass(frozen=True)
class WithLink:
    """The bodies on each side of one 与/同/跟: `left` acts with each of `right`. `clause` is
    the stretch from the left side to the end of the right side's clause; `signed` runs on over
    a following "，并签署…" clause, and `tail` is its text after the right side."""

    left: tuple[Actor, ...]
    right: tuple[Actor, ...]
    clause: tuple[int, int]
    signed: tuple[int, int]
    tail: str


@dataclass(frozen=True)
class WithReading:
    links: tuple[WithLink, ...]
    used: frozenset          # indices of the actors in a link
    pair: tuple[Actor, ...]  # the last pair named, whom a 双方 after it means


@per_sentence
def with_links(s: Sentence) -> WithReading:
    """Every "A与B" of the sentence, its left side found where the sentence leaves it out:
    the body opening the clause, the left side of the clause before ("…，并与Y签署"), the
    sentence's subject, else the passage's."""
    sentence, offset, actors, subject = s.text, s.offset, list(s.actors), s.subject
    subject_here = sentence_subject(s)
    links = []
    used: set[int] = set()
    last_left: list[Actor] = []
    last_pair: list[Actor] = list(s.pair)
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
        right = group_after(sentence, offset, actors, after[0])
        # the left side: the actors just before the connector (adverbs may stand between)
        before = [k for k, a in enumerate(actors) if a.end - offset <= m.start()]
        left_actors: list[Actor] = []
        locative = before and after_locative(sentence, offset, actors, group_before(sentence, offset, actors, before[-1])[0])
        visited = before and _VISITED.search(sentence[max(0, actors[group_before(sentence, offset, actors, before[-1])[0]]
                                                            .start - offset - 6):actors[before[-1]].start - offset])
        if before and not locative and not (visited and re.search(r"[，,]", sentence[actors[before[-1]].end - offset:m.start()])) \
                and ADVERBS.match(COUNTED.sub("", sentence[actors[before[-1]].end - offset:m.start()], 1)):
            left_actors = [actors[k] for k in group_before(sentence, offset, actors, before[-1])]
        else:
            cs = clause_start(sentence, m.start())
            pre = sentence[max(cs, actors[before[-1]].end - offset if before else 0):m.start()]
            if len(pre) >= 2 and _CJK_ONLY.match(pre) and not ADVERBS.match(pre) and not load_grammar().has_boundary(pre):
                continue   # 网络光互联与先进计算系统联合实验室: a 与 inside a name
            in_clause = [actors[k] for k in before if actors[k].start - offset >= cs]
            if in_clause and in_clause[0].start - offset - cs <= 3:
                left_actors = [in_clause[0]]
            elif last_left and _GOES_ON.match(sentence[cs:m.start()]):
                left_actors = last_left  # "…，并与Y签署": the same subject goes on
            elif subject_here is not None and subject_here.end - offset <= m.start():
                left_actors = [subject_here]
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
        span = clause_span(sentence, anchor, rights[-1].end - offset)
        tail = sentence[rights[-1].end - offset:span[1]]
        more = _AND_SIGNED.match(sentence, span[1])
        signed_span = span
        if more:
            # "与X座谈交流，并签署了《…》": the same pair signs in the next clause
            signed_span = (span[0], clause_span(sentence, more.end(), more.end())[1])
            tail = sentence[rights[-1].end - offset:signed_span[1]]
        links.append(WithLink(tuple(left_actors), tuple(rights), span, signed_span, tail))
    return WithReading(tuple(links), frozenset(used), tuple(last_pair))


@dataclass(frozen=True)
class ListReading:
    """A list of bodies joined without 与 (C、D和E) and what the clause makes of it:
    `shape` is "visit" (they visit or call on `other`), "joint" (they act together),
    "object" (they are the objects of `other`'s verb) or None."""

    members: tuple[Actor, ...]
    shape: str | None
    other: Actor | None
    clause: tuple[int, int] | None
    tail: str


@per_sentence
def lists(s: Sentence) -> tuple[ListReading, ...]:
    """Lists joined by 、/和 without 与 (those in a "with" link are read there): co-agents open
    the clause, co-objects follow a verb, visitors go to a host."""
    sentence, offset, actors, subject = s.text, s.offset, list(s.actors), s.subject
    subject_here = sentence_subject(s)
    used = with_links(s).used
    out = []
    k = 0
    while k < len(actors):
        group = group_after(sentence, offset, actors, k)
        k = group[-1] + 1
        if used.intersection(group):
            continue
        members = [actors[i] for i in group]
        cs = clause_start(sentence, members[0].start - offset)
        lead = sentence[cs:members[0].start - offset]
        near = sentence[max(cs, members[0].start - offset - 8):members[0].start - offset]
        tail = sentence[members[-1].end - offset:]
        opens = NO_VERB_LEAD.match(lead) is not None   # the list is the clause's subject
        visit = VISIT.search(tail)
        reading = ListReading(tuple(members), None, None, None, tail)
        if visit and opens:
            # "C、D等…来黔交流访问": each visitor with the place visited
            host = next((a for a in actors if a.start - offset == members[-1].end - offset + visit.start(2)), None)
            if host is not None:
                out.append(ListReading(tuple(members), "visit", host,
                                       clause_span(sentence, members[0].start - offset, host.end - offset), tail))
                continue
        call = CALL_ON.search(tail)
        if call and opens:
            host = next((a for a in actors if a.start - offset == members[-1].end - offset + call.end()), None)
            if host is not None and host not in members:
                out.append(ListReading(tuple(members), "call", host,
                                       clause_span(sentence, members[0].start - offset, host.end - offset), tail))
                continue
        run_of_abbreviations = all(a.type == "Region" and a.end - a.start == 1 for a in members)
        if len(members) >= 2 and not run_of_abbreviations and (NO_VERB_LEAD.match(lead) or GOVERNING.search(near)
                                                                 or lead.endswith("由")) \
                and (JOINT.match(tail) or JOINT.match(COUNTED.sub("", tail, 1))):
            reading = ListReading(tuple(members), "joint", None,
                                  clause_span(sentence, members[0].start - offset, members[-1].end - offset + 8), tail)
        elif lead and COOPERATION.search(lead + tail[:12]) and OBJECT_VERB.search(near) \
                and not FOUNDS_WHAT_FOLLOWS.search(near.rstrip("“\"「『《(")):
            same_clause = subject_here is not None and (
                subject_here.start - offset >= cs
                # 代表团在X的陪同下，参观了A、B: the phrase between says how, not who
                or CIRCUMSTANCE.match(sentence[subject_here.end - offset:cs]) is not None)
            agent = subject_here if same_clause and subject_here.start < members[0].start else None
            # "…表示，湖南将积极对接A": the body that opens the clause
            agent = agent or next((a for a in actors if cs <= a.start - offset <= cs + 2 and a.end <= members[0].start
                                   and a not in members and not sentence.startswith("关于", a.end - offset)),
                                  None) or subject
            if ACCOMPANIED_VISIT.search(sentence, 0, members[0].start - offset):
                agent = None
            if agent is not None:
                reading = ListReading(tuple(members), "object", agent,
                                      clause_span(sentence, members[0].start - offset, members[-1].end - offset), tail)
        out.append(reading)
    return tuple(out)
