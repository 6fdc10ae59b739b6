"""Building from real-world files: every format, incremental rebuilds, removal, the writer lock."""
import importlib
import os
import shutil

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

import kg
import kg.parallel
import kg.store
from tests.document_files import write_corpus
from kg.cli import main
from kg.lock import writer_lock
from kg.manifest import Manifest
from kg.remove import remove

build_module = importlib.import_module("kg.build")  # (kg.build is also the function)

RC = rdflib.Namespace("https://w3id.org/rckg/ontology#")
ID = "https://w3id.org/rckg/id/"
UNIVERSITIES = {"湖南大学", "香港城市大学", "中南大学", "香港理工大学"}
EXPECTED = {
    "universities-utf8": UNIVERSITIES, "universities-bom": UNIVERSITIES, "universities-gbk": UNIVERSITIES,
    "universities-utf16": UNIVERSITIES, "universities": UNIVERSITIES,
    "trade-big5": {"香港贸易发展局", "湖南省商务厅", "香港城市大学"},
    "trade": {"香港贸易发展局", "湖南省商务厅", "香港城市大学"},
    "forum": {"湖南大学", "香港贸易发展局"},
}


def _graph(d) -> rdflib.Graph:
    return rdflib.Graph().parse(d / "graph.ttl", format="turtle")


def _mentioned(g: rdflib.Graph, doc_id: str) -> set[str]:
    doc = rdflib.URIRef(ID + "doc/" + doc_id)
    return {str(e)[len(ID):] for e in g.subjects(RC.mentionedIn, doc)}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    write_corpus(d)
    return d


@pytest.fixture(scope="module")
def built(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("graph")
    report = kg.build([corpus], out)
    return out, report


def test_every_format_and_encoding_builds_the_expected_entities(built):
    out, report = built
    assert sorted(os.path.basename(p) for p, _ in report.skipped) == ["budget.xlsx"]
    assert sorted(os.path.basename(p) for p, _ in report.failed) == ["scan.pdf"]
    assert len(report.read) == len(EXPECTED)
    g = _graph(out)
    for doc_id, entities in EXPECTED.items():
        assert entities <= _mentioned(g, doc_id), doc_id
    # navigation, scripts and footers of the web page are not read
    assert not {"香港大学", "香港中文大学"} & _mentioned(g, "forum")


def test_document_metadata_lands_on_the_document_node(built):
    g = _graph(built[0])
    doc = rdflib.URIRef(ID + "doc/universities-gbk")
    assert str(g.value(doc, RC.documentNumber)) == "湘教通〔2024〕15号"
    assert str(g.value(doc, rdflib.URIRef("http://purl.org/dc/terms/date"))) == "2024-03-18"
    assert str(g.value(doc, rdflib.RDFS.label)) == "湖南省教育厅关于湘港高校交流合作情况的通报"
    assert g.value(doc, RC.author) == rdflib.URIRef(ID + "湖南省教育厅")


def test_cli_names_skipped_and_failed_files_and_exits_non_zero(corpus, tmp_path):
    result = CliRunner().invoke(main, ["build", str(corpus), "-g", str(tmp_path / "g")])
    assert result.exit_code == 1
    assert "skipped " in result.output and "budget.xlsx: unsupported file type .xlsx" in result.output
    assert "failed " in result.output and "scan.pdf: damaged PDF" in result.output
    assert f"{len(EXPECTED)} read, 0 unchanged, 1 skipped, 1 failed" in result.output


def test_incremental_build_extracts_only_what_changed(corpus, tmp_path, monkeypatch):
    docs, out = tmp_path / "docs", tmp_path / "g"
    shutil.copytree(corpus, docs)
    (docs / "scan.pdf").unlink()
    first = kg.build([docs], out)
    assert len(first.read) == len(EXPECTED)

    def no_pipeline():
        raise AssertionError("the pipeline was loaded for an unchanged corpus")

    monkeypatch.setattr(kg.parallel, "_load_pipeline", no_pipeline)
    again = kg.build([docs], out)
    assert again.read == [] and len(again.unchanged) == len(EXPECTED)
    monkeypatch.undo()

    # one document changes: it alone is extracted, and what it no longer says is gone
    (docs / "universities-utf8.txt").write_text(
        "湖南省教育厅关于湘港高校合作的补充通报\n\n中南大学与香港理工大学签订了合作协议。\n", encoding="utf-8")
    (docs / "new.txt").write_text("湖南师范大学与香港教育大学签署了合作备忘录。\n", encoding="utf-8")
    third = kg.build([docs], out)
    assert sorted(os.path.basename(p) for p in third.read) == ["new.txt", "universities-utf8.txt"]
    g = _graph(out)
    assert "湖南大学" not in _mentioned(g, "universities-utf8")
    assert {"中南大学", "香港理工大学"} <= _mentioned(g, "universities-utf8")
    assert "湖南大学" in _mentioned(g, "universities-gbk")   # other documents untouched
    assert {"湖南师范大学", "香港教育大学"} <= _mentioned(g, "new")

    # a new pipeline (extractor, gazetteer or ontology changed) redoes everything
    monkeypatch.setattr(build_module, "pipeline_fingerprint", lambda tagger="lac": "9.9+changed")
    assert len(kg.build([docs], out).read) == len(EXPECTED) + 1


def test_incremental_and_fresh_builds_give_isomorphic_graphs(corpus, tmp_path):
    files = sorted(p for p in corpus.iterdir() if p.name != "scan.pdf")
    kg.build(files[:3], tmp_path / "inc")
    kg.build(files, tmp_path / "inc")
    kg.build(files, tmp_path / "fresh")
    kg.build(files, tmp_path / "fresh")
    assert isomorphic(_graph(tmp_path / "inc"), _graph(tmp_path / "fresh"))


def test_remove_takes_out_a_document_and_keeps_entities_others_mention(corpus, tmp_path):
    out = tmp_path / "g"
    files = [corpus / n for n in ("trade-big5.txt", "trade.pdf", "forum.html")]
    kg.build(files, out)
    hktdc = rdflib.URIRef(ID + "香港贸易发展局")
    trade_big5 = rdflib.URIRef(ID + "doc/trade-big5")

    result = CliRunner().invoke(main, ["remove", "trade-big5", "-g", str(out)])
    assert result.exit_code == 0, result.output
    g = _graph(out)
    assert (None, None, trade_big5) not in g and (trade_big5, None, None) not in g
    assert (hktdc, rdflib.RDF.type, RC.GovernmentAgency) in g       # still said by trade and forum
    assert "trade-big5" not in Manifest.load(out).documents

    # by file path too; once no document mentions it, the entity is gone
    remove([str(corpus / "trade.pdf"), "forum"], out)
    g = _graph(out)
    assert (hktdc, None, None) not in g
    assert len(kg.open_graph(out).documents()) == 0
    assert (None, rdflib.RDF.type, rdflib.OWL.SymmetricProperty) in g  # the ontology stays

    result = CliRunner().invoke(main, ["remove", "no-such-doc", "-g", str(out)])
    assert result.exit_code == 1 and "no document 'no-such-doc'" in result.output


def test_concurrent_build_is_refused_naming_directory_and_holder(tmp_path):
    out = tmp_path / "g"
    with writer_lock(out):
        result = CliRunner().invoke(main, ["build", "-g", str(out)])
    assert result.exit_code == 1
    assert str(out) in result.output and f"PID {os.getpid()}" in result.output
    assert not (out / "store").exists()
    # the lock is released: the next build goes through
    assert CliRunner().invoke(main, ["build", "-g", str(out)]).exit_code == 0


def test_documents_too_big_for_one_transaction_are_written_in_batches(corpus, tmp_path, monkeypatch):
    files = [corpus / "universities-utf8.txt", corpus / "trade.pdf"]
    kg.build(files, tmp_path / "one")
    monkeypatch.setattr(build_module, "ATOMIC_QUADS", 10)
    monkeypatch.setattr(kg.store.GraphStore.replace_graph_in_batches, "__defaults__", (7,))
    kg.build(files, tmp_path / "batched")
    assert isomorphic(_graph(tmp_path / "one"), _graph(tmp_path / "batched"))
    assert sorted(Manifest.load(tmp_path / "batched").documents) == ["trade", "universities-utf8"]
