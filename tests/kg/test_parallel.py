import pickle

import rdflib
from rdflib.compare import isomorphic

import kg
from kg.build import EXAMPLE_CORPUS
from kg.parallel import extract_all, extract_one


def _graph(d):
    return rdflib.Graph().parse(d / "graph.ttl", format="turtle")


def _corpus(tmp_path, n=12):
    """The example documents, several times over under different names: enough to share out."""
    docs = tmp_path / "docs"
    docs.mkdir()
    texts = sorted(EXAMPLE_CORPUS.glob("*.txt"))
    for i in range(n):
        src = texts[i % len(texts)]
        (docs / f"{i:02d}-{src.name}").write_bytes(src.read_bytes())
    return docs


def test_parallel_build_equals_serial_build(tmp_path):
    docs = _corpus(tmp_path)
    serial = kg.build([docs], tmp_path / "serial", jobs=1)
    parallel = kg.build([docs], tmp_path / "parallel", jobs=2)
    assert serial.read == parallel.read and len(serial.read) == 12
    assert (serial.entities, serial.relations) == (parallel.entities, parallel.relations)
    assert isomorphic(_graph(tmp_path / "serial"), _graph(tmp_path / "parallel"))


def test_records_come_back_in_input_order_and_pickle():
    texts = ["湖南大学与香港大学合作。", "中南大学与澳门大学合作。", "湘潭大学与香港城市大学签订了合作协议。"]
    docs = [(f"d{i}", f"d{i}.txt", texts[i % 3]) for i in range(20)]
    out = list(extract_all(docs, jobs=2))
    assert [doc_id for doc_id, _ in out] == [d[0] for d in docs]
    for (doc_id, rec), (_, source, text) in zip(out, docs):
        assert rec.doc_id == doc_id and rec.source == source
        assert rec == extract_one(doc_id, source, text)
        assert pickle.loads(pickle.dumps(rec)) == rec


def test_unreadable_document_is_reported_with_parallel_workers(tmp_path):
    docs = _corpus(tmp_path, 4)
    (docs / "broken.txt").write_bytes(b"\x00\x01PK" * 50)
    seen = []
    report = kg.build([docs], tmp_path / "g", jobs=2,
                      on_document=lambda p, outcome, reason: seen.append((p.name, outcome)))
    assert [name for name, outcome in seen if outcome == "failed"] == ["broken.txt"]
    assert len(report.read) == 4 and not report.ok
