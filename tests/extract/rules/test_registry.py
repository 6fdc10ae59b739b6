"""The registry: every rule declared in order, each candidate carrying its rule's name."""
import pytest

from extract.lexicons import words
from ontology.schema import RELATION_KINDS
from extract.rules import read_sentence, registered, rule_order

from tests.extract.rules.conftest import sentence


def test_the_declared_order_runs_every_registered_rule_once():
    assert sorted(rule_order()) == sorted(registered())
    assert len(set(rule_order())) == len(rule_order())


def test_every_rule_emits_a_relation_kind_and_names_a_version():
    for name, rule in registered().items():
        assert rule.emits in RELATION_KINDS, name
        assert name.startswith("rc.") and name.rsplit(".", 1)[1].startswith("v"), name


def test_candidates_carry_the_rule_that_read_them():
    s = sentence("甲大学与乙大学签订了合作协议", "甲大学", "乙大学")
    rules = {(c.kind, c.rule) for c in read_sentence(s)}
    assert rules == {("partner", "rc.partner_by_with.v1"), ("party", "rc.agreement_by_with.v1")}


def test_an_unknown_rule_is_named_in_the_error():
    with pytest.raises(KeyError, match="rc.no_such_rule.v1"):
        list(read_sentence(sentence("甲"), ["rc.no_such_rule.v1"]))


def test_the_pipeline_runs_a_chosen_list_of_rules():
    import spacy

    from extract.pipeline import CharTokenizer
    nlp = spacy.blank("zh")
    nlp.tokenizer = CharTokenizer(nlp.vocab)
    nlp.add_pipe("rc_context")
    nlp.add_pipe("rc_entities")
    nlp.add_pipe("rc_relations", config={"rules": ["rc.partner_by_with.v1"]})
    doc = nlp("湖南大学与香港城市大学签订了合作协议。")
    assert {(r.kind, r.rule) for r in doc._.relations} == {("partner", "rc.partner_by_with.v1")}


def test_every_lexicon_a_rule_declares_is_a_table_with_a_header():
    from ontology import LEXICON_DIR
    for name, rule in registered().items():
        for lexicon in rule.lexicons:
            path = LEXICON_DIR / f"{lexicon}.tsv"
            assert path.exists(), f"{name} declares {lexicon}"
            assert words(lexicon), f"{lexicon}.tsv is empty"


def test_a_rule_reads_the_taggers_words_of_its_sentence_in_simplified_form(nlp):
    from spacy.language import Language

    from extract.rules import _REGISTRY, relation_rule
    from extract.rules.sentence import Candidate

    if "rc_tagger" not in nlp.pipe_names:
        pytest.skip("no tagger in the default pipeline")
    seen = []

    @relation_rule("rc.test_words.v1", emits="partner")
    def record(s):
        seen.append([(w.text, w.pos) for w in s.words])
        return [Candidate("partner", "甲", "乙")]

    try:
        reader = nlp.get_pipe("rc_relations").__class__(Language(), "r", ["rc.test_words.v1"])
        doc = nlp("湖南大學與香港城市大學簽訂協議。第二句。")
        reader(doc)
    finally:
        _REGISTRY.pop("rc.test_words.v1")
    assert ("与", "p") in seen[0] and all(w[0] != "第二句" for w in seen[0])
    assert [r.rule for r in doc._.relations] == ["rc.test_words.v1"] * 2
