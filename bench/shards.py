"""`kg build --jobs 2` against its two halves, `kg extract` + `kg load`, here and on Dask.

    python bench/shards.py --docs 100          # from the repository root

Three runs on the same synthetic documents, side by side, each on a fresh directory: the
build with two worker processes; `extract_shards` with two local processes then
`load_shards`; and the same on a Dask `LocalCluster` of two single-threaded worker processes
(started before the clock, as a cluster would be). Reports wall and CPU seconds (this process
and its children) and the ratio of each to the build. Appends to bench/results.jsonl.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpus_gen import write_corpus  # noqa: E402


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def timed(fn):
    t, c = time.perf_counter(), _cpu()
    fn()
    return time.perf_counter() - t, _cpu() - c


def main():
    import kg
    from kg.shards import extract_shards, load_shards

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=100)
    ap.add_argument("--tagger", default="none")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "rckg-bench-shards")
    args = ap.parse_args()
    corpus = write_corpus(args.work / f"corpus-{args.docs}", args.docs)
    out = {}

    def fresh(name):
        shutil.rmtree(args.work / name, ignore_errors=True)
        return args.work / name

    out["build --jobs 2"] = timed(lambda: kg.build([corpus], fresh("g-build"), jobs=2, tagger=args.tagger,
                                                   exports="never"))
    out["extract --jobs 2 + load"] = timed(lambda: (
        extract_shards([corpus], fresh("s-local"), jobs=2, tagger=args.tagger),
        load_shards(args.work / "s-local", fresh("g-local"), exports="never")))
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        out["extract --engine dask (2 workers) + load"] = timed(lambda: (
            extract_shards([corpus], fresh("s-dask"), engine="dask", scheduler=client, tagger=args.tagger),
            load_shards(args.work / "s-dask", fresh("g-dask"), exports="never")))
    base = out["build --jobs 2"][0]
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    load = os.getloadavg()[0]
    print(f"{args.docs} documents, tagger {args.tagger}, load average {load:.1f}")
    with open(HERE / "results.jsonl", "a", encoding="utf-8") as fh:
        for name, (wall, cpu) in out.items():
            print(f"| {name} | {wall:.1f} s | {cpu:.1f} s | ×{wall / base:.2f} |")
            fh.write(json.dumps({"bench": "shards", "run": name, "docs": args.docs, "wall_s": wall,
                                 "cpu_s": cpu, "ratio": wall / base, "load_avg": load, "when": when}) + "\n")


if __name__ == "__main__":
    main()
