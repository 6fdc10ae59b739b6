"""A few hundred hostile files and paths through a whole build: every one named, none fatal."""
import json

import pyoxigraph as ox
from click.testing import CliRunner

from kg.cli import main
from kg.filenames import printable
from tests.fuzz_corpus import make_corpus, unlock


def test_hostile_corpus_builds_and_names_every_path(tmp_path):
    expected = make_corpus(tmp_path / "docs", n=300)
    out = tmp_path / "g"
    try:
        result = CliRunner().invoke(main, ["build", str(tmp_path / "docs"), "-g", str(out)])
    finally:
        unlock(tmp_path / "docs")
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert result.exit_code == 1          # the empty file and the dangling link failed
    lines = result.output.splitlines()
    said = {}
    for line in lines:
        outcome, _, rest = line.partition(" ")
        if outcome in ("read", "skipped", "failed") or line.startswith("["):
            if line.startswith("["):
                outcome, _, rest = line.split("] ", 1)[1].partition(" ")
            said[rest.split(": ")[0] if outcome != "read" else rest] = outcome
    for path, outcome in expected.items():
        shown = printable(path)
        assert shown in said, f"{shown} not named"
        assert outcome == "any" or said[shown] == outcome, (shown, said[shown], outcome)
    # the store and the manifest hold every document read, under ids and IRIs that parse
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8", errors="surrogateescape"))
    assert len(manifest["documents"]) == sum(1 for o in said.values() if o == "read")
    store = ox.Store.read_only(str(out / "store"))
    graphs = {g.value for g in store.named_graphs()}
    for doc_id in manifest["documents"]:
        assert doc_id.isprintable() and " " not in doc_id
    assert len(graphs) >= len(manifest["documents"])
    assert len(list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))) > 0
