"""Shared fixtures: built graphs are expensive, so each is built once per session."""
from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"
CORPUS_EXTRA = SHARED / "corpus-extra"
GOLD = SHARED / "eval" / "gold"
GOLD_EXTRA = SHARED / "eval" / "gold-extra"
SCORER = SHARED / "eval" / "score.py"


@pytest.fixture(scope="session")
def nlp():
    import extract

    return extract.load()


@pytest.fixture(scope="session")
def example_graph(tmp_path_factory):
    """The bundled example corpus, built once."""
    import kg

    d = tmp_path_factory.mktemp("example-graph")
    report = kg.build(graph=d)
    assert report.ok
    return d


def need_shared():
    if not (CORPUS.is_dir() and SCORER.is_file()):
        pytest.skip("../shared (corpus, gold and referee) is not beside this checkout")
