"""Rules for delegations: who travels with whom, and whom they meet.

  "甲代表团访问乙。代表团成员还包括A、B、C"   each member with the host (乙)

The genre names a delegation's host in one sentence and its members in the next, so the
member rule reads the host from the pair the sentence before named (`Sentence.pair`) or,
failing that, the body the passage is about.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from extract.lexicons import alternation
from extract.rules import relation_rule
from extract.rules.sentence import Candidate, Sentence

# 代表团成员还包括：A、B; 访问团团员尚有A
_MEMBERS = re.compile(f"{alternation('delegation_words', 'role', 'group')}(?:一行)?的?"
                      f"{alternation('delegation_words', 'role', 'member')}[^，,。；]{{0,3}}?"
                      f"{alternation('delegation_words', 'role', 'include')}[：:]?")


@relation_rule("rc.partner_by_delegation_members.v1", emits="partner", lexicons=("delegation_words",))
def partner_by_delegation_members(s: Sentence) -> Iterator[Candidate]:
    """代表团成员还包括A、B: members of a visiting delegation are partners of the host it meets
    (implicit: the sentence does not name the host)."""
    m = _MEMBERS.search(s.text)
    if m is None:
        return
    start = s.offset + m.end()
    members = [a for a in s.actors if a.start >= start and a.type != "Region"]
    group = {a.canonical for a in s.actors if a.start < start}       # the delegation's own body
    if not members:
        return
    hosts = [a for a in s.pair if a.canonical not in group] if len(s.pair) == 2 else []
    if len(hosts) != 1:
        hosts = [s.subject] if s.subject is not None and s.subject.canonical not in group else []
    if len(hosts) != 1:
        return
    host = hosts[0]
    for a in members:
        if a.canonical != host.canonical and a.canonical not in group:
            yield Candidate("partner", a.canonical, host.canonical, implicit=True,
                            clause=(m.start(), len(s.text)))
