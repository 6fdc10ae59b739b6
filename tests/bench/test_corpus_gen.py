import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from corpus_gen import make_document, write_corpus  # noqa: E402


def test_documents_are_deterministic_sized_and_a_prefix_of_larger_corpora(tmp_path):
    small, large = write_corpus(tmp_path / "s", 3, seed=5), write_corpus(tmp_path / "l", 6, seed=5)
    for p in small.glob("*.txt"):
        assert p.read_bytes() == (large / p.name).read_bytes()
    sizes = [len(make_document(i, seed=5)[1].encode("utf-8")) for i in range(20)]
    assert all(9_000 < s < 11_000 for s in sizes)
    assert make_document(0, seed=5) != make_document(0, seed=6)


def test_generated_documents_yield_cooperation(nlp):
    import extract

    relations = [r for i in range(4) for r in extract.extract_document(nlp, make_document(i)[1], "g").relations]
    assert {"partner", "party", "founded"} <= {r.kind for r in relations}
    assert {"realized", "planned"} <= {r.status for r in relations}
