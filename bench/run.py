"""Build-and-scale benchmark: generate a corpus, build it with N workers, measure, print a table.

    python bench/run.py --docs 1000 --jobs 1 2        # from the repository root

For each worker count: wall time of `kg build --jobs N` (a fresh graph directory, in a
subprocess), throughput (KB/s and documents/s of input text), peak memory (the sum of the
resident sets of the build's process tree, sampled every 50 ms, and the writer's own peak),
the time spent writing graph.ttl, store and graph.ttl size on disk. Once per corpus:
start-up (a fresh interpreter importing the extractor and loading the pipeline), extraction
speed of one worker after start-up, and query latencies on the built store: `kg partners`'
first page and whole answer (`kg.queries.partners_page`, what the command runs) and a shortest
path (`kg.network.to_networkx` + `networkx.shortest_path`). `bench/commands.py` times the
commands themselves, as fresh processes, against a baseline checkout. Results are also appended to `bench/results.jsonl`.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

try:
    import psutil  # not a dependency of rckg: `pip install psutil` for the process-tree figure
except ImportError:
    psutil = None

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from corpus_gen import write_corpus  # noqa: E402

HUB, TYPICAL = "香港大学", "吉首大学"

# Run in a fresh interpreter: the build as `kg build` runs it, with graph.ttl's writing timed.
_BUILD = """
import json, sys, time, resource
t0 = time.perf_counter()
import kg.store
from kg.build import build
t_import = time.perf_counter() - t0
write = kg.store.GraphStore.write
timing = {}
def timed_write(self, *a, **k):
    t = time.perf_counter(); write(self, *a, **k); timing["write_ttl"] = time.perf_counter() - t
kg.store.GraphStore.write = timed_write
t = time.perf_counter()
report = build([sys.argv[1]], sys.argv[2], jobs=int(sys.argv[3]))
timing.update(build=time.perf_counter() - t, import_=t_import, read=len(report.read),
              entities=report.entities, relations=report.relations,
              writer_max_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
print(json.dumps(timing))
"""

_STARTUP = """
import time; t = time.perf_counter()
import extract; nlp = extract.load(); nlp("湖南大学与香港大学合作。")
print(time.perf_counter() - t)
"""


def _du(path: Path) -> int:
    if not path.exists():            # graph.ttl is not written above 2,000 documents
        return 0
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else path.stat().st_size


def _tree_rss(proc) -> int:
    total = 0
    for p in [proc] + proc.children(recursive=True):
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_build(corpus: Path, out: Path, jobs: int) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _BUILD, str(corpus), str(out), str(jobs)], cwd=ROOT,
                            stdout=subprocess.PIPE, text=True)
    ps, peak = (psutil.Process(proc.pid) if psutil else None), 0
    while proc.poll() is None:
        peak = max(peak, _tree_rss(ps)) if ps else 0
        time.sleep(0.05)
    wall = time.perf_counter() - t
    result = json.loads(proc.stdout.read())
    result.update(wall=wall, tree_peak_rss_mb=peak / 2**20 if ps else float("nan"), store_mb=_du(out / "store") / 2**20,
                  ttl_mb=_du(out / "graph.ttl") / 2**20)
    return result


def startup(repeat: int = 5) -> float:
    return statistics.median(float(subprocess.run([sys.executable, "-c", _STARTUP], cwd=ROOT, check=True,
                                                  capture_output=True, text=True).stdout) for _ in range(repeat))


def extraction_speed(corpus: Path, limit: int = 300) -> dict:
    """One worker's throughput after start-up, on up to `limit` documents."""
    import extract

    nlp = extract.load()
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))[:limit]]
    t = time.perf_counter()
    for i, text in enumerate(texts):
        extract.extract_document(nlp, text, str(i))
    dt = time.perf_counter() - t
    size = sum(len(x.encode("utf-8")) for x in texts)
    return {"docs": len(texts), "mb_per_s": size / dt / 1e6, "docs_per_s": len(texts) / dt}


def parallel_extraction(corpus: Path, jobs: int, limit: int = 600) -> float:
    """MB/s of `kg.parallel.extract_all` alone (no store), pool start-up included."""
    from kg.parallel import extract_all

    docs = [(p.stem, p.name, p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))[:limit]]
    t = time.perf_counter()
    for _ in extract_all(docs, jobs):
        pass
    return sum(len(d[2].encode("utf-8")) for d in docs) / (time.perf_counter() - t) / 1e6


def query_latency(graph: Path, repeat: int = 20) -> dict:
    import networkx as nx

    import kg
    from kg.network import to_networkx
    from kg.queries import find_entity, partners_page

    store = kg.open_graph(graph)

    def median_ms(run):
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            rows = run()
            times.append(time.perf_counter() - t)
        return statistics.median(times) * 1e3, len(rows)

    out = {}
    # the functions `kg partners` runs: the first page of 20 (with the size of the whole
    # answer) and the whole answer, with its sentences
    for name, label in (("hub", HUB), ("typical", TYPICAL)):
        x = find_entity(store, label)
        out[f"partners_{name}_ms"], out[f"partners_{name}_rows"] = median_ms(
            lambda: partners_page(store, x, limit=20).rows)
        out[f"evidence_{name}_ms"], out[f"evidence_{name}_rows"] = median_ms(lambda: partners_page(store, x).rows)
    t = time.perf_counter()
    g = to_networkx(store)
    t_nx = time.perf_counter() - t
    a, b = "https://w3id.org/rckg/id/湖南大学", "https://w3id.org/rckg/id/澳门大学"
    path_times = []
    for _ in range(repeat):
        t = time.perf_counter()
        nx.shortest_path(g, a, b)
        path_times.append(time.perf_counter() - t)
    return {**out, "to_networkx_s": t_nx, "path_ms": statistics.median(path_times) * 1e3,
            "nodes": g.number_of_nodes(), "edges": g.number_of_edges()}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--work", default=os.path.join(tempfile.gettempdir(), "rckg-bench"),
                    help="Where corpora and graphs go (corpora are kept and reused).")
    ap.add_argument("--no-queries", action="store_true")
    args = ap.parse_args()
    work = Path(args.work)
    rows = []
    start = startup()
    print(f"start-up (import + pipeline load, fresh interpreter, median of 5): {start:.2f} s", flush=True)
    for n in args.docs:
        corpus = write_corpus(work / f"corpus-{args.seed}-{n}", n, args.seed)
        size = sum(p.stat().st_size for p in corpus.glob("*.txt"))
        speed = extraction_speed(corpus)
        print(f"{n} docs, {size / 1e6:.1f} MB: one worker extracts {speed['mb_per_s']:.2f} MB/s "
              f"({speed['docs_per_s']:.0f} docs/s) after start-up", flush=True)
        for jobs in args.jobs:
            print(f"extraction alone with {jobs} worker(s), first 600 docs: "
                  f"{parallel_extraction(corpus, jobs):.2f} MB/s", flush=True)
        for jobs in args.jobs:
            r = run_build(corpus, work / f"graph-{n}-{jobs}", jobs)
            r.update(docs=n, jobs=jobs, corpus_mb=size / 1e6, kb_per_s=size / 1e3 / r["wall"],
                     docs_per_s=n / r["wall"], startup_s=start, extract_mb_per_s=speed["mb_per_s"],
                     load_avg=os.getloadavg()[0], when=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()))
            if not args.no_queries and jobs == args.jobs[-1]:
                r.update(query_latency(work / f"graph-{n}-{jobs}"))
            rows.append(r)
            print(json.dumps(r), flush=True)
            with open(HERE / "results.jsonl", "a", encoding="utf-8") as fh:
                fh.write(json.dumps(r) + "\n")
    print()
    print("| docs | MB | jobs | wall s | KB/s | docs/s | graph.ttl write s | peak RSS tree MB | writer RSS MB "
          "| store MB | graph.ttl MB | first page ms (hub/typical) | whole answer ms (hub/typical) | to_networkx s "
          "| path ms |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        q = lambda k, f="{:.1f}": f.format(r[k]) if k in r else "–"
        print(f"| {r['docs']} | {r['corpus_mb']:.1f} | {r['jobs']} | {r['wall']:.1f} | {r['kb_per_s']:.0f} "
              f"| {r['docs_per_s']:.1f} | {r.get('write_ttl', float('nan')):.1f} | {r['tree_peak_rss_mb']:.0f} "
              f"| {r['writer_max_rss_mb']:.0f} | {r['store_mb']:.0f} | {r['ttl_mb']:.0f} "
              f"| {q('partners_hub_ms')} / {q('partners_typical_ms')} "
              f"| {q('evidence_hub_ms')} / {q('evidence_typical_ms')} | {q('to_networkx_s')} "
              f"| {q('path_ms', '{:.2f}')} |")


if __name__ == "__main__":
    main()
