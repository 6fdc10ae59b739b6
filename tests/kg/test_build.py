from pathlib import Path

import pytest
import rdflib
from click.testing import CliRunner
from rdflib.compare import isomorphic

import kg
from kg.cli import main
from ontology import SHAPES_TTL


def _graph(d: Path) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(d / "graph.ttl", format="turtle")
    return g


def test_example_build_writes_graph_with_ontology_and_evidence(example_graph):
    g = _graph(example_graph)
    rc = rdflib.Namespace("https://w3id.org/rckg/ontology#")
    assert (rc.partnerOf, rdflib.RDF.type, rdflib.OWL.SymmetricProperty) in g
    docs = set(g.subjects(rdflib.RDF.type, rc.Document))
    assert len(docs) == 3
    # every assertion names its document, sentence and a valid status
    assertions = set(g.subjects(rdflib.RDF.type, rc.Assertion))
    assert assertions
    for a in assertions:
        assert g.value(a, rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) in docs
        assert str(g.value(a, rc.status)) in {"planned", "realized"}
        assert g.value(a, rc.sentence) is not None


def test_traditional_document_gets_simplified_key_and_traditional_alias(example_graph):
    g = _graph(example_graph)
    node = rdflib.URIRef("https://w3id.org/rckg/id/香港贸易发展局")
    skos = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
    pref = {str(o) for o in g.objects(node, skos.prefLabel)}
    alts = {(str(o), o.language.lower()) for o in g.objects(node, skos.altLabel)}
    assert pref == {"香港贸易发展局"}
    assert ("香港貿易發展局", "zh-hant") in alts


def test_build_twice_is_isomorphic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    kg.build(graph=a)
    kg.build(graph=b)
    kg.build(graph=b)  # and rebuilding in place changes nothing
    assert isomorphic(_graph(a), _graph(b))


def test_graph_passes_shacl(example_graph):
    pyshacl = pytest.importorskip("pyshacl")
    shapes = rdflib.Graph().parse(SHAPES_TTL)
    conforms, _, text = pyshacl.validate(_graph(example_graph), shacl_graph=shapes, inference="none")
    assert conforms, text


def test_unreadable_file_is_reported_and_build_goes_on(tmp_path):
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "good.txt").write_text("湖南大学与香港大学签订了合作协议。", encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (corpus / "budget.xlsx").write_bytes(b"PK\x03\x04")
    result = CliRunner().invoke(main, ["build", str(corpus), "-g", str(tmp_path / "g")])
    assert result.exit_code == 1
    assert "failed" in result.output and "broken.txt: binary" in result.output
    assert "skipped" in result.output and "budget.xlsx: unsupported file type .xlsx" in result.output
    assert "1 read, 0 unchanged, 1 skipped, 1 failed" in result.output
    g = _graph(tmp_path / "g")
    assert rdflib.URIRef("https://w3id.org/rckg/id/香港大学") in set(g.subjects())


def test_skipped_files_alone_do_not_fail_the_build(tmp_path):
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "good.txt").write_text("湖南大学与香港大学签订了合作协议。", encoding="utf-8")
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = CliRunner().invoke(main, ["build", str(corpus), "-g", str(tmp_path / "g")])
    assert result.exit_code == 0, result.output
    assert "1 read, 0 unchanged, 1 skipped, 0 failed" in result.output


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "trig"])
def test_export_formats_parse_back(example_graph, tmp_path, fmt):
    out = tmp_path / f"g.{fmt}"
    result = CliRunner().invoke(main, ["export", "--format", fmt, "-o", str(out), "-g", str(example_graph)])
    assert result.exit_code == 0, result.output
    rdf_format = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "trig": "trig"}[fmt]
    if fmt == "trig":
        ds = rdflib.Dataset()
        ds.parse(out, format="trig")
        assert len(list(ds.graphs())) >= 4  # ontology + one graph per document
    else:
        assert len(rdflib.Graph().parse(out, format=rdf_format)) > 100


def test_a_build_killed_after_committing_leaves_exports_marked_stale(tmp_path):
    """The store changed but graph.ttl was not rewritten: the next build must rewrite it."""
    from kg.build import StoreWriter, changed_documents, discover, extract_record, pipeline_fingerprint, BuildReport
    from kg.manifest import Manifest

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("湖南大学与香港大学签订了合作协议。", encoding="utf-8")
    out = tmp_path / "g"
    kg.build([docs], out)
    (docs / "b.txt").write_text("中南大学与香港理工大学签订了合作协议。", encoding="utf-8")
    # a build that dies after its commit, before finish()
    manifest = Manifest.load(out)
    writer = StoreWriter(out, manifest, pipeline_fingerprint())
    for doc in changed_documents(discover([docs]), manifest, pipeline_fingerprint(), BuildReport(out), None):
        writer.commit(doc, extract_record(doc.doc_id, doc.text, source=doc.path.name, sha256=doc.sha256))
    writer.save_manifest()
    del writer
    assert "香港理工大学" not in (out / "graph.ttl").read_text(encoding="utf-8")
    kg.build([docs], out)   # nothing left to extract, but the exports are stale
    assert "香港理工大学" in (out / "graph.ttl").read_text(encoding="utf-8")


def test_odd_file_names_are_built_beside_the_others(tmp_path):
    """Control characters and bytes that are not UTF-8 in names: documents like any other."""
    import os

    corpus = tmp_path / "docs"
    corpus.mkdir()
    for name in (b"good.txt", b"ctl\x01name.txt", b"bad\xffbyte.txt"):
        with open(os.path.join(os.fsencode(corpus), name), "wb") as f:
            f.write("湖南大学与香港大学签订了合作协议。".encode())
    result = CliRunner().invoke(main, ["build", str(corpus), "-g", str(tmp_path / "g")])
    assert result.exit_code == 0, result.output
    assert "3 read, 0 unchanged, 0 skipped, 0 failed" in result.output
    graphs = {str(c) for c in _graph(tmp_path / "g").subjects()}
    assert "https://w3id.org/rckg/id/doc/ctl%2501name" in graphs
    assert "https://w3id.org/rckg/id/doc/bad%25FFbyte" in graphs
    again = CliRunner().invoke(main, ["build", str(corpus), "-g", str(tmp_path / "g")])
    assert "0 read, 3 unchanged" in again.output     # the manifest kept the odd names exactly


def test_an_unwritable_graph_directory_is_one_line(tmp_path):
    (tmp_path / "file").write_text("in the way")
    result = CliRunner().invoke(main, ["build", "-g", str(tmp_path / "file" / "g")])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == f"Error: {tmp_path / 'file' / 'g'}: cannot write the graph here (not a directory)"
    assert not isinstance(result.exception, NotADirectoryError)


def test_unreadable_folders_and_dangling_links_fail_the_build_by_name(tmp_path, monkeypatch):
    import os

    corpus = tmp_path / "docs"
    (corpus / "locked").mkdir(parents=True)
    (corpus / "good.txt").write_text("湖南大学与香港大学签订了合作协议。", encoding="utf-8")
    os.symlink("gone.txt", corpus / "link.txt")
    scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda p: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                        if str(p).endswith("locked") else scandir(p))
    result = CliRunner().invoke(main, ["build", str(corpus), "-g", str(tmp_path / "g")])
    assert result.exit_code == 1
    assert f"failed {corpus / 'locked'}: folder not read: permission denied" in result.output
    assert f"failed {corpus / 'link.txt'}: dangling symlink (to gone.txt)" in result.output
    assert "1 read, 0 unchanged, 0 skipped, 2 failed" in result.output


def test_a_document_with_runaway_stretches_says_so_on_its_line(tmp_path):
    corpus = tmp_path / "docs"
    corpus.mkdir()
    (corpus / "list.txt").write_text("湖南省与" + "、".join(["湖南大学", "香港大学", "中南大学"] * 200) + "等单位签订协议。",
                                     encoding="utf-8")
    (corpus / "plain.txt").write_text("湖南大学与香港大学签订了合作协议。", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(corpus), "-g", str(tmp_path / "g")])
    assert result.exit_code == 0, result.output
    assert (f"read {corpus / 'list.txt'}: 1 stretch of over 400 characters without a sentence end cut into "
            "shorter pieces") in result.output
    assert "plain.txt" not in result.output


def test_switching_the_tagger_extracts_again(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("湖南大学与香港城市大学签订了合作协议。", encoding="utf-8")
    out = tmp_path / "g"
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(docs), "-g", str(out), "--tagger", "none"]).exit_code == 0
    assert len(kg.build([docs], out, tagger="none").unchanged) == 1
    assert len(kg.build([docs], out, tagger="lac").read) == 1       # the tagger is part of the pipeline
    assert runner.invoke(main, ["build", str(docs), "-g", str(out), "--tagger", "thulac"]).exit_code == 2


def test_graph_ttl_and_html_above_the_size_limit_only_when_asked(tmp_path, monkeypatch):
    import sys

    kb = sys.modules["kg.build"]      # `kg.build` the attribute is the function

    monkeypatch.setattr(kb, "EXPORTS_MAX_DOCUMENTS", 1)      # the example corpus is "big" now
    d = tmp_path / "g"
    report = kb.build(graph=d)
    assert not report.exports and not (d / "graph.ttl").exists() and not (d / "graph.html").exists()
    report = kb.build(graph=d, exports="always")
    assert report.exports and (d / "graph.ttl").exists() and (d / "graph.html").exists()
    res = CliRunner().invoke(main, ["build", "-g", str(d), "--exports", "never"])
    assert res.exit_code == 0 and (d / "graph.ttl").exists()    # nothing changed: still up to date
