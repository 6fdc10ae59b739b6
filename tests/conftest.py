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
CORPUS_MORE = SHARED / "corpus-more"
GOLD_MORE = SHARED / "eval" / "gold-more"
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


def _known_records():
    """Three hand-written documents whose answers the query tests know by heart."""
    from extract.records import DocumentRecord, Entity, Evidence, Relation

    def doc(doc_id, date, entities, relations):
        rec = DocumentRecord(doc_id, doc_id + ".txt", "0" * 64, title=doc_id, date=date)
        for name, (typ, aliases) in entities.items():
            rec.entities[name] = Entity(name, typ, set(aliases), mentions=1)
        for kind, head, tail, status, sentence in relations:
            start = 10 * len(rec.relations)
            ev = Evidence(sentence, start, start + len(sentence)) if sentence else None
            rec.relations.append(Relation(kind, head, tail, status, False, ev))
        return rec

    regions = {"湖南省": ("Region", ["湖南"]), "长沙市": ("Region", []), "香港特别行政区": ("Region", ["香港"])}
    d1 = doc("d1", "2023-11-20", {
        **regions,
        "湖南大学": ("University", ["湖大"]),
        "香港城市大学": ("University", ["香港城大", "香港城市大學"]),
        "湖南大学、香港城市大学合作协议": ("Agreement", []),
    }, [
        ("partOf", "长沙市", "湖南省", "realized", "长沙市是湖南省省会。"),
        ("locatedIn", "湖南大学", "长沙市", "realized", None),
        ("locatedIn", "香港城市大学", "香港特别行政区", "realized", None),
        ("partner", "湖南大学", "香港城市大学", "realized", "湖南大学与香港城市大学签订了合作协议。"),
        ("party", "湖南大学、香港城市大学合作协议", "湖南大学", "realized", "湖南大学与香港城市大学签订了合作协议。"),
        ("party", "湖南大学、香港城市大学合作协议", "香港城市大学", "realized", "湖南大学与香港城市大学签订了合作协议。"),
    ])
    d2 = doc("d2", None, {
        **regions,
        "中南大学": ("University", []),
        "香港理工大学": ("University", ["理大"]),
        "香港城市大学": ("University", []),
        "香港城市大学深圳研究院": ("ResearchInstitute", []),
        "湘港联合研究院": ("ResearchInstitute", []),
        "湖南省商务厅": ("GovernmentAgency", []),
        "香港贸易发展局": ("GovernmentAgency", ["香港贸发局", "香港貿易發展局"]),
        "中南大学、香港理工大学合作备忘录": ("Agreement", []),
    }, [
        ("locatedIn", "中南大学", "长沙市", "realized", None),
        ("locatedIn", "湖南省商务厅", "湖南省", "realized", None),
        ("locatedIn", "香港理工大学", "香港特别行政区", "realized", None),
        ("locatedIn", "香港贸易发展局", "香港特别行政区", "realized", None),
        ("locatedIn", "香港城市大学", "香港特别行政区", "realized", None),
        ("partner", "中南大学", "香港理工大学", "planned", "2022年,中南大学与香港理工大学商定共建联合实验室。"),
        ("party", "中南大学、香港理工大学合作备忘录", "中南大学", "planned", "2022年,中南大学与香港理工大学商定签署合作备忘录。"),
        ("party", "中南大学、香港理工大学合作备忘录", "香港理工大学", "planned", "2022年,中南大学与香港理工大学商定签署合作备忘录。"),
        ("founded", "湘港联合研究院", "中南大学", "realized", "中南大学与香港城市大学共建的湘港联合研究院已揭牌。"),
        ("founded", "湘港联合研究院", "香港城市大学", "realized", "中南大学与香港城市大学共建的湘港联合研究院已揭牌。"),
        ("partOf", "香港城市大学深圳研究院", "香港城市大学", "realized", "香港城市大学深圳研究院是香港城市大学的派出机构。"),
        ("partner", "湖南省商务厅", "香港贸易发展局", "realized", "湖南省商务厅与香港贸易发展局签署了合作备忘录。"),
    ])
    d3 = doc("d3", "2024-05-10", {
        **regions,
        "湖南省商务厅": ("GovernmentAgency", []),
        "香港贸易发展局": ("GovernmentAgency", []),
        "湖南师范大学": ("University", []),
        "香港中文大学": ("University", []),
        "岳阳片区": ("FreeTradeZone", []),
    }, [
        ("locatedIn", "湖南师范大学", "长沙市", "realized", None),
        ("locatedIn", "香港中文大学", "香港特别行政区", "realized", None),
        ("locatedIn", "岳阳片区", "湖南省", "realized", None),
        ("partner", "湖南省商务厅", "香港贸易发展局", "planned", "湖南省商务厅将与香港贸易发展局深化合作。"),
        ("partner", "湖南师范大学", "香港中文大学", "planned", "推动湖南师范大学与香港中文大学开展联合研究。"),
        ("partner", "岳阳片区", "香港贸易发展局", "planned", "支持岳阳片区与香港贸易发展局共同举办活动。"),
    ])
    return [d1, d2, d3]


@pytest.fixture(scope="session")
def known_graph(tmp_path_factory):
    """A small graph built from hand-made records (see `_known_records`), answers known."""
    from kg.graph import document_quads
    from kg.iris import graph_iri
    from kg.store import GraphStore

    d = tmp_path_factory.mktemp("known-graph")
    store = GraphStore(d)
    store.load_ontology()
    for rec in _known_records():
        store.replace_document(graph_iri(rec.doc_id), document_quads(rec))
    store.flush()
    del store  # release the RocksDB lock so commands can open it read-only
    return d
