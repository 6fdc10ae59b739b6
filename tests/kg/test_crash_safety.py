"""A build killed (SIGKILL) at any point leaves the previous store readable and complete."""
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import rdflib
from rdflib.compare import isomorphic

import kg
from tests.document_files import write_corpus
from kg.iris import graph_iri
from kg.manifest import Manifest

REPO = Path(__file__).resolve().parents[2]
RC = "https://w3id.org/rckg/ontology#"
ORGS = ["湖南大学", "中南大学", "湘潭大学", "长沙理工大学", "湖南师范大学", "湖南农业大学"]
PARTNERS = ["香港城市大学", "香港理工大学", "香港浸会大学", "香港教育大学", "香港贸易发展局", "澳门大学"]


def _corpus(d: Path, edition: int = 0) -> Path:
    """Our corpus plus short notes; each edition changes every note, so a build replaces them."""
    if edition == 0:
        write_corpus(d)
        (d / "scan.pdf").unlink()   # a failing file would make every build exit 1
    for i in range(24):
        a, b = ORGS[(i + edition) % len(ORGS)], PARTNERS[(i * 5) % len(PARTNERS)]
        (d / f"note-{i:02d}.txt").write_text(
            f"关于湘港合作的第{i + 1}期工作简报(第{edition}版)\n\n{a}与{b}签订了合作协议，双方将共建联合实验室。\n\n"
            f"{a}还与{PARTNERS[(i + edition) % len(PARTNERS)]}开展了学生交流。\n", encoding="utf-8")
    return d


def _check_consistent(out: Path, why: str):
    """What a reader of the directory may rely on after any crash."""
    manifest = Manifest.load(out)
    if not (out / "store").exists():
        assert not manifest.documents, why
        return
    store = kg.open_graph(out)
    for doc_id in manifest.documents:
        assert store.has_graph(graph_iri(doc_id)), f"{why}: {doc_id} in the manifest but not in the store"
        ask = f"ASK {{ GRAPH <{graph_iri(doc_id)}> {{ ?d a <{RC}Document> ; <{RC}sha256> ?h }} }}"
        assert store.store.query(ask), f"{why}: {doc_id}'s graph is incomplete"
    if manifest.ontology:
        assert store.has_graph("https://w3id.org/rckg/id/graph/ontology"), why
    del store
    if (out / "graph.ttl").exists():
        rdflib.Graph().parse(out / "graph.ttl", format="turtle")


def _build_and_kill(docs: Path, out: Path, after_reads: int, delay: float) -> int:
    """Start `kg build`, kill it after it has committed `after_reads` documents (+ delay)."""
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(docs), "-g", str(out)], cwd=REPO,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    reads = 0
    while reads < after_reads:
        line = proc.stderr.readline()
        if not line:
            break
        reads += "] read " in line
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    proc.stderr.close()
    return reads


def test_killed_builds_leave_a_consistent_store_and_the_next_build_completes_it(tmp_path):
    docs, out = _corpus(tmp_path / "docs"), tmp_path / "g"
    n = sum(1 for p in docs.iterdir() if p.suffix != ".xlsx")   # documents the build reads
    seed = int.from_bytes(os.urandom(4), "little")
    rng = random.Random(seed)
    points = [(0, rng.uniform(0, 1.5))] + [(rng.randrange(1, n + 1), rng.uniform(0, 0.05)) for _ in range(4)]
    for edition, (after, delay) in enumerate(points):
        if edition >= 2:
            _corpus(docs, edition)   # from now on the killed builds replace documents the store has
        _build_and_kill(docs, out, after, delay)
        _check_consistent(out, f"seed {seed}, killed after {after} reads + {delay:.3f}s")
        if after == n:  # killed late: the earlier documents are kept, not redone
            assert Manifest.load(out).documents
    done = subprocess.run([sys.executable, "-m", "kg", "build", str(docs), "-g", str(out)], cwd=REPO,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    _check_consistent(out, f"seed {seed}, after the final build")
    assert len(Manifest.load(out).documents) == n
    fresh = tmp_path / "fresh"
    kg.build([docs], fresh)
    g = lambda d: rdflib.Graph().parse(d / "graph.ttl", format="turtle")
    assert isomorphic(g(out), g(fresh)), f"seed {seed}"


def _session_members(sid: int) -> list[str]:
    """The processes (pid and command) still in session `sid`."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
                cmd = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            if int(fields[3]) == sid and fields[0] != "Z":
                found.append(f"{entry} {cmd[:120]}")
    return found


def test_a_killed_parallel_build_leaves_no_process_behind(tmp_path):
    """SIGKILL the build (the workers' grandparent): its workers, the fork server and the
    resource tracker must all go, and nothing keeps the dead build's stderr open."""
    docs = _corpus(tmp_path / "docs")
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(docs), "-g", str(tmp_path / "g"), "--jobs", "2"],
                            cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while len(_session_members(proc.pid)) < 4 and time.monotonic() < deadline:   # build, server, 2 workers
            time.sleep(0.1)
        assert len(_session_members(proc.pid)) >= 4, "the workers never started"
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while _session_members(proc.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _session_members(proc.pid) == []
        proc.stderr.read()       # EOF: no survivor holds the pipe
    finally:
        for member in _session_members(proc.pid):
            os.kill(int(member.split()[0]), signal.SIGKILL)
        proc.stderr.close()
