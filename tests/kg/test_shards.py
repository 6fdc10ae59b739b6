"""kg extract / kg load: the two halves of a build give the graph `kg build` gives."""
import json

import pytest
from click.testing import CliRunner

import kg
from kg.build import EXAMPLE_CORPUS
from kg.cli import main
from kg.shards import SHARD_MANIFEST, extract_shards, load_shards


def _quads(directory):
    return {str(q) for q in kg.open_graph(directory).store.quads_for_pattern(None, None, None, None)}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("built")
    assert kg.build([EXAMPLE_CORPUS], d, tagger="none").ok
    return d


def test_dask_local_cluster_with_two_workers_gives_the_built_graph(built, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        report = extract_shards([EXAMPLE_CORPUS], tmp_path / "shards", engine="dask", scheduler=client, tagger="none")
    assert report.ok and len(report.written) == len(kg.open_graph(built).documents())
    loaded = load_shards(tmp_path / "shards", tmp_path / "g")
    assert loaded.ok
    assert _quads(tmp_path / "g") == _quads(built)        # no blank nodes: isomorphic is equal


def test_cli_extract_then_load_and_a_later_build_has_nothing_to_do(built, tmp_path):
    shards, g = tmp_path / "shards", tmp_path / "g"
    res = CliRunner().invoke(main, ["extract", str(EXAMPLE_CORPUS), "--out", str(shards), "--tagger", "none"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in (shards / SHARD_MANIFEST).read_text(encoding="utf-8").splitlines()]
    assert all((shards / x["shard"]).exists() and x["quads"] > 0 for x in lines)
    res = CliRunner().invoke(main, ["load", str(shards), "-g", str(g)])
    assert res.exit_code == 0, res.output
    assert _quads(g) == _quads(built)
    again = kg.build([EXAMPLE_CORPUS], g, tagger="none")
    assert again.read == [] and len(again.unchanged) == len(lines)


def test_a_failing_document_is_reported_and_the_rest_are_extracted(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("湖南大学与香港大学签订了合作协议。", encoding="utf-8")
    (docs / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    report = extract_shards([docs], tmp_path / "shards", tagger="none")
    assert report.written == ["good"] and [p for p, _ in report.failed] == [str(docs / "bad.txt")]


def test_a_missing_shard_is_one_failure_not_the_end(tmp_path):
    shards = tmp_path / "shards"
    extract_shards([EXAMPLE_CORPUS], shards, tagger="none")
    first = json.loads((shards / SHARD_MANIFEST).read_text(encoding="utf-8").splitlines()[0])
    (shards / first["shard"]).unlink()
    report = load_shards(shards, tmp_path / "g")
    assert len(report.failed) == 1 and first["shard"] in report.failed[0][1] and report.read
