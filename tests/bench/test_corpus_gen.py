import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from collections import Counter  # noqa: E402

from corpus_gen import make_document, name_pool, write_corpus  # noqa: E402


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


def test_zipf_shape_has_no_body_in_every_document_and_hub_shape_does():
    texts = [make_document(i, seed=3)[1] for i in range(100)]
    hub = [make_document(i, seed=3, shape="hub")[1] for i in range(100)]
    top = max(sum(name in t for t in texts) for name in ["香港贸易发展局", "香港大学", "香港中华总商会"])
    assert 0 < top < 20                         # a few percent of the documents, not all
    assert sum("香港大学" in t for t in hub) > 75
    counts = Counter(n for t in texts for n in name_pool()[0][1000:3000] if n in t)
    assert sum(c == 1 for c in counts.values()) > 50      # a long tail of bodies named once
