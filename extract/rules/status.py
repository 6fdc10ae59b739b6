"""Whether what a sentence states was done ('realized') or is to be done ('planned').

One place for every rule: the clause's own markers (已, 签订了, 成立 vs 将, 争取, 推动) are
read against the default of the section the sentence stands in ("前段工作情况" vs
"下一步"), which itself starts from what the document is (a plan, a report).
"""
from __future__ import annotations

import re

from extract.rules.sentence import Candidate, Sentence

__all__ = ["clause_status", "section_status", "document_status", "is_plan", "is_report",
           "sentence_default", "candidate_status"]

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
# 为两地合作创造商机: a clause of purpose says what is meant to come
_PURPOSE = re.compile(r"^\s*为了?(?!主|重点|核心|依托|载体|抓手|契机|引领|导向|目标|基础|支撑|牵引)[\u4e00-\u9fff＿]{2,}")
_PLAN_TITLE = re.compile(r"规划|方案|意见|计划|纲要|措施|办法|行动")
_REPORT_TITLE = re.compile(r"答复|复函|报告|通报|情况|总结")
# 未来，本局将…，协助A…: a time that opens the sentence sets its default
_FUTURE_OPENING = re.compile(r"^\s*(?:未来|今后|下一步|将来|明年|下阶段|接下来)[,，]")
_PLAN_IN_TITLE = re.compile(r"《[^《》]{2,80}?(?:规划|方案|意见|计划|纲要|措施|行动)》")


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
    """The default status a heading sets for the sentences under it.

    >>> section_status("二、下一步工作打算", "realized"), section_status("一、前段工作情况", None)
    ('planned', 'realized')
    """
    if SECTION_PLANNED.search(heading):
        return "planned"
    if SECTION_REALIZED.search(heading):
        return "realized"
    return current


def is_plan(simp: str) -> bool:
    """Whether the document is a plan (规划, 实施方案, 意见 ...), where what it says is to be done.

    The title decides: the document a notice issues (关于印发《…方案》的通知), else the first
    line of text.

    >>> is_plan("关于印发《湖南省对接粤港澳大湾区实施方案》的通知"), is_plan("理大与福州大学签署合作备忘录")
    (True, False)
    >>> is_plan("江西省人民政府办公厅关于印发江西省对接粤港澳大湾区建设行动方案的通知")
    True
    """
    head = simp[:600]
    m = re.search(r"印发[^《\n]{0,20}《([^》]+)》", head) or re.search(r"印发([^《》\n]{4,60}?)的通知", head)
    if m:
        title = re.sub(r"\s+", "", m.group(1))
    else:
        title = next((line.strip() for line in head.split("\n") if line.strip()), "")
    title = re.sub(r"[(（][^)）]*[)）]$", "", title.strip()).strip("》”」 ")
    return bool(re.search(f"(?:{_PLAN_TITLE.pattern})$", title))


def is_report(simp: str) -> bool:
    """Whether the title says the document reports what was done (…情况的报告, 答复): only the
    opening lines, not a 情况 in the running text.

    >>> is_report("关于某某提案的答复\\n正文"), is_report("湖南大学与香港大学合作")
    (True, False)
    """
    lines = [line for line in simp[:400].split("\n") if line.strip()][:3]
    return any(_REPORT_TITLE.search(line) and len(line.strip()) <= 80 for line in lines)


def document_status(simp: str) -> str | None:
    """The default a document sets before any heading: a plan's sentences are planned, a
    report's realized, any other's read from each clause alone."""
    return "planned" if is_plan(simp) else "realized" if is_report(simp) else None


def sentence_default(sentence: Sentence) -> str | None:
    """The section's default, unless a time opening the sentence (未来，明年，) makes it planned."""
    return "planned" if _FUTURE_OPENING.match(sentence.text) else sentence.section_status


def _inside_titles(mentions, names, titles) -> bool:
    """Whether every mention of these names in the sentence stands inside a plan's title."""
    spans = [(m.start, m.end) for m in mentions if m.entity.canonical in names]
    return bool(spans) and all(any(a <= s and e <= b for a, b in titles) for s, e in spans)


def candidate_status(sentence: Sentence, candidate: Candidate) -> str:
    """A candidate's status: its own where it carries one, else its clause's markers read
    against the sentence's default; partners named only inside a plan's 《title》 are the
    plan's, so planned (《江西省对接粤港澳大湾区行动方案》已经…同意)."""
    if candidate.status is not None:
        return candidate.status
    masked = sentence.masked
    clause = masked[candidate.clause[0]:candidate.clause[1]] if candidate.clause else masked
    status = clause_status(clause, sentence_default(sentence))
    if candidate.kind == "partner":
        titles = [(sentence.offset + t.start(), sentence.offset + t.end())
                  for t in _PLAN_IN_TITLE.finditer(sentence.text)]
        if titles and _inside_titles(sentence.mentions, (candidate.head, candidate.tail), titles):
            return "planned"
    return status
