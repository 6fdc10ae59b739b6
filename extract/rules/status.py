"""Whether what a sentence states was done ('realized') or is to be done ('planned').

One place for every rule: the clause's own markers (已, 签订了, 成立 vs 将, 争取, 推动) are
read against the default of the section the sentence stands in ("前段工作情况" vs
"下一步"), which itself starts from what the document is (a plan, a report).
"""
from __future__ import annotations

import re

from extract.lexicons import alternation, words
from extract.rules.sentence import Candidate, Sentence
from ontology import LEXICON_DIR
from ontology.tsv import rows

__all__ = ["clause_status", "section_status", "document_status", "is_plan", "is_report",
           "sentence_default", "candidate_status"]

def _markers(status: str, column: str) -> str:
    return "|".join(row["pattern"] for row in rows(LEXICON_DIR / "tense_markers.tsv")
                    if row["status"] == status and row[column] == "yes")


FUTURE = re.compile(_markers("planned", "in_a_clause"))
PAST = re.compile(_markers("realized", "in_a_clause"))
COMPLETED = re.compile("|".join(words("event_verbs")))
WEAK_PLANNED = re.compile("|".join(words("planning_verbs")))
SECTION_PLANNED = re.compile("|".join(words("section_headings", "status", "planned")))
SECTION_REALIZED = re.compile("|".join(words("section_headings", "status", "realized")))
# 为两地合作创造商机: a clause of purpose says what is meant to come (not 为主, 为重点 …)
_PURPOSE = re.compile(r"^\s*为了?(?!" + "|".join(words("not_purpose")) + r")[\u4e00-\u9fff＿]{2,}")
_PLAN_TITLE = re.compile(alternation("document_titles", "plan") + "$")
_REPORT_TITLE = re.compile("|".join(words("document_titles", "report")))
# 未来，本局将…，协助A…: a time that opens the sentence sets its default
_FUTURE_OPENING = re.compile(r"^\s*(?:" + _markers("planned", "opening_a_sentence") + ")[,，]")
_PLAN_IN_TITLE = re.compile("《[^《》]{2,80}?" + alternation("document_titles", "plan_in_quotes") + "》")


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
    return bool(_PLAN_TITLE.search(title))


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
