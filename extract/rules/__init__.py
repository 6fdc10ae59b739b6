"""Relation rules: small pure functions registered by name, run in a declared order.

In the manner of spaCy's `registry` and Snorkel's labeling functions, each way the genre
states a relation is one function that sees one `Sentence` and returns `Candidate`s. Its
versioned name travels onto every relation it reads (`Relation.rule`) and into the graph
(`prov:wasGeneratedBy <https://w3id.org/rckg/rule/NAME>`), so a wrong edge leads straight to
the rule that made it.

Adding a rule takes four steps:

1. Write it in the module of the kind it emits (`partner.py`, `agreement.py`, `founded.py`,
   `part_of.py`)::

       @relation_rule("rc.partner_by_tagged_with.v1", emits="partner", lexicons=("cooperation_words",))
       def partner_by_tagged_with(s: Sentence) -> Iterable[Candidate]:
           for w in s.words:            # the tagger's words, with their part of speech
               if w.pos == "p" and w.text == "与":
                   ...
                   yield Candidate("partner", a.canonical, b.canonical, clause=clause_span(s.text, i, j))

   It reads only its `Sentence` (text, masked text, actors, subject, pair, previous sentence,
   section status, the tagger's `words` when a tagger ran) and the readings of
   `extract.rules.clauses` (lists, "with" links, clauses), which are worked out once per sentence.
   Leave `status` unset: the clause's markers give it (`extract.rules.status`).
2. Put its words in a table under `ontology/lexicons/` and compile them with
   `extract.lexicons.alternation`, never inline.
3. Add its name to `ontology/relation_rules.tsv` where it should run: a relation stated twice
   in one sentence keeps the reading of the rule that runs first.
4. Test it in `tests/extract/rules/test_<module>.py` on sentences we write ourselves.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache

from extract.rules.sentence import Actor, Candidate, DocumentFacts, Sentence, Word
from ontology import ONTOLOGY_DIR

__all__ = ["relation_rule", "Rule", "registered", "rule_order", "read_sentence",
           "Sentence", "Candidate", "Actor", "Word", "DocumentFacts"]


@dataclass(frozen=True)
class Rule:
    """A registered rule: its versioned name, the relation kind it emits, the lexicons it reads."""

    name: str
    emits: str
    lexicons: tuple[str, ...]
    read: Callable[[Sentence], Iterable[Candidate]]


_REGISTRY: dict[str, Rule] = {}


def relation_rule(name: str, emits: str, lexicons: Iterable[str] = ()):
    """Register a rule under `name` (``rc.<what>.v<version>``).

    >>> @relation_rule("rc.example_never_run.v1", emits="partner")
    ... def never(s): return []
    >>> registered()["rc.example_never_run.v1"].emits
    'partner'
    >>> _ = _REGISTRY.pop("rc.example_never_run.v1")
    """
    def register(read):
        if name in _REGISTRY:
            raise ValueError(f"relation rule {name!r} is registered twice")
        _REGISTRY[name] = Rule(name, emits, tuple(lexicons), read)
        return read
    return register


def registered() -> dict[str, Rule]:
    """Every registered rule by name."""
    return dict(_REGISTRY)


RULE_ORDER = ONTOLOGY_DIR / "relation_rules.tsv"


@lru_cache(maxsize=1)
def rule_order() -> tuple[str, ...]:
    """The rules the reader runs, in order, from `ontology/relation_rules.tsv`."""
    from ontology.tsv import rows
    return tuple(row["rule"] for row in rows(RULE_ORDER))


def read_sentence(sentence: Sentence, names: Iterable[str] | None = None) -> Iterator[Candidate]:
    """The candidates of each rule named (default: `rule_order()`), in order, each carrying
    the name of the rule that read it.

    >>> s = Sentence("甲大学与乙大学签订了合作协议", 0,
    ...              actors=(Actor(0, 3, "甲大学", "University"), Actor(4, 7, "乙大学", "University")))
    >>> [(c.kind, c.head, c.tail, c.rule) for c in read_sentence(s)]   # doctest: +NORMALIZE_WHITESPACE
    [('partner', '甲大学', '乙大学', 'rc.partner_by_with.v1'),
     ('party', '乙大学与甲大学合作协议', '乙大学', 'rc.agreement_by_with.v1'),
     ('party', '乙大学与甲大学合作协议', '甲大学', 'rc.agreement_by_with.v1')]
    """
    for name in (rule_order() if names is None else names):
        rule = _REGISTRY.get(name)
        if rule is None:
            raise KeyError(f"no relation rule named {name!r} (registered: {', '.join(sorted(_REGISTRY))})")
        for c in rule.read(sentence):
            if c.kind != rule.emits:
                raise ValueError(f"rule {name} declares {rule.emits!r} but read a {c.kind!r}")
            yield replace(c, rule=name)


# the rules register themselves on import
from extract.rules import agreement, delegation, founded, part_of, partner, tagged  # noqa: E402,F401
