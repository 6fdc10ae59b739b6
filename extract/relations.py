"""Relations between the entities of one sentence: partner, agreement, founded, partOf.

The genre states cooperation in a few shapes, which these rules read:
  "A与B合作开展…"               partner(A, B)
  "与C、D和E等达成战略合作"       partner(actor, C/D/E): the actor is the passage's subject
  "湘港澳合作"                   partner between every two of the regions
  "A与B签订合作协议"             an Agreement with parties A and B
  "A与B合作共建C" / "A设立C"      C founded by A (and B)
Status comes from the clause's own markers (已, 签订了, 成立 vs 推动, 将, 争取), else from
the section the sentence stands in ("前段工作情况" vs "下一步").
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Actor", "sentence_relations", "clause_status", "section_status"]

COOPERATION = re.compile(
    r"合作|签署|签订|签约|共建|共同|联合|对接|交流|携手|协作|互认|结对|共办|合办|战略|伙伴|联手|备忘录|协议|"
    r"联动|协同|往来|会谈|会见|座谈|互访|共享|衔接|一体化|融合|合资|共创|互通|贸易额|进出口")
SIGNING = re.compile(r"(?:签署|签订|签约|达成|缔结)[了]?[^,，。；]*?(?:协议|备忘录|协定|合同|意向书|框架|安排|合约|协议书)")
FOUNDING = re.compile(r"(?:合作共建|共同建设|联合建设|合作建设|共同组建|合作组建|联合组建|共同设立|联合设立|"
                      r"共建|组建|成立|设立|创建|创办|建立|筹建|搭建|引进设立|建设)了?$")
CONNECTORS = re.compile(r"^(?:与|和|同|跟|及|以及|、|，|,)$")
LIST_SEP = re.compile(r"^(?:、|和|及|以及|与|,|，)$")
REALIZED = re.compile(r"已经|已|签订了|签署了|成立了|建立了|达成了?|举办了|开通|建成|揭牌|落户|成功|实现了|了[^解]|"
                      r"正式|先后|累计|分别与.*?签|共签")
PLANNED = re.compile(r"推动|支持|鼓励|加强|将|计划|争取|拟|力争|推进|深化|探索|谋划|加快|促进|希望|期待|进一步|"
                     r"积极|着力|打造|努力|做好|持续|继续|拓展|用好|扩大|提升|加大|完善|健全|深入|务实")
SECTION_PLANNED = re.compile(r"下一步|下阶段|工作打算|今后|未来|主要任务|重点任务|发展目标|工作措施|保障措施|重点工作|思路")
SECTION_REALIZED = re.compile(r"前段|工作情况|进展|成效|发展基础|取得|回顾|基本情况|主要做法|办理情况|已开展")


@dataclass(frozen=True)
class Actor:
    """An entity mention in a sentence, in resolved form."""

    start: int
    end: int
    canonical: str
    type: str
    implicit: bool = False


def clause_status(clause: str, default: str) -> str:
    """'realized' or 'planned' from the clause's own tense and aspect markers.

    >>> clause_status("双方签订了合作协议", "planned")
    'realized'
    >>> clause_status("推动两地高校合作", "realized")
    'planned'
    """
    if REALIZED.search(clause):
        return "realized"
    if PLANNED.search(clause):
        return "planned"
    return default


def section_status(heading: str, current: str) -> str:
    """The default status a heading sets for the sentences under it."""
    if SECTION_PLANNED.search(heading):
        return "planned"
    if SECTION_REALIZED.search(heading):
        return "realized"
    return current


def _coordinated(text: str, actors: list[Actor], i: int, sentence_start: int) -> list[int]:
    """Indices of the actors listed together starting at actors[i] (C、D和E)."""
    out = [i]
    j = i
    while j + 1 < len(actors):
        gap = text[actors[j].end - sentence_start: actors[j + 1].start - sentence_start]
        if not LIST_SEP.match(gap):
            break
        j += 1
        out.append(j)
    return out


def sentence_relations(sentence: str, offset: int, actors: list[Actor], subject: Actor | None):
    """(kind, head, tail, implicit) tuples for one sentence.

    `actors` are the outer mentions in order, with absolute offsets; `subject` is the acting
    body of the passage, used when the sentence leaves its own subject out.
    """
    out = []
    if len(actors) + (subject is not None) < 2:
        return out
    rel = lambda a: sentence[a.end - offset:]
    coop = COOPERATION.search(sentence)
    # Region runs from abbreviations ("湘港澳合作"): adjacent one-char regions.
    run: list[Actor] = []
    for a in actors + [None]:
        if a is not None and a.type == "Region" and a.end - a.start == 1 and (not run or run[-1].end == a.start):
            run.append(a)
            continue
        if len(run) >= 2 and coop:
            for x in range(len(run)):
                for y in range(x + 1, len(run)):
                    out.append(("partner", run[x].canonical, run[y].canonical, False))
        run = [a] if a is not None and a.type == "Region" and a.end - a.start == 1 else []

    if not coop:
        return out
    seen_lists = set()
    for m in re.finditer(r"与|和|同|跟", sentence):
        pos = offset + m.start()
        after = [k for k, a in enumerate(actors) if a.start >= offset + m.end()]
        if not after or actors[after[0]].start != offset + m.end():
            continue
        k0 = after[0]
        if k0 in seen_lists:
            continue
        before = [a for a in actors if a.end <= pos]
        left = None
        if before and before[-1].end == pos:
            left = before[-1]
            # A和B与C: "和" joining the left side, not the partner side.
            if m.group() == "和" and re.search(r"与|同", sentence[m.end():]):
                continue
        elif m.start() == 0 or re.match(r"^(?:.*?)(?:加强|深化|推动|积极|及时|继续|进一步|拓展|扩大|密切|支持)?$",
                                          sentence[:m.start()][-8:] or ""):
            left = subject
            if before and not before[-1].implicit and before[-1].type != "Region" and m.start() > 0:
                left = before[-1]
        if left is None:
            continue
        group = _coordinated(sentence, actors, k0, offset)
        seen_lists.update(group)
        tail_text = sentence[actors[group[-1]].end - offset:]
        if not COOPERATION.search(tail_text) and not COOPERATION.search(sentence[:m.start()]):
            continue
        for k in group:
            right = actors[k]
            if right.canonical != left.canonical:
                out.append(("partner", left.canonical, right.canonical, left.implicit))
        parties = [left] + [actors[k] for k in group]
        signing = SIGNING.search(tail_text)
        if signing:
            out.append(("agreement", tuple(p.canonical for p in parties), signing.group(), left.implicit))
        # Founded: the trigger just before a mention that follows the list.
        rest = [a for a in actors if a.start >= actors[group[-1]].end]
        for new in rest:
            between = sentence[actors[group[-1]].end - offset:new.start - offset]
            if FOUNDING.search(between) and len(between) <= 12:
                for p in parties:
                    out.append(("founded", new.canonical, p.canonical, p.implicit))
                break
    return out
