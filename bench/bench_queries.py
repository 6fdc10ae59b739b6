"""Benchmark `kg partners` and `kg path` on a synthetic store of over a million triples.

    python bench/bench_queries.py                       # builds /tmp/rckg-bench-queries once
    python bench/bench_queries.py --rebuild --docs 6000 # a bigger store

The store is made by `bench/synthetic.py` (DocumentRecords of the real shape, through
`kg.graph.document_quads`, bulk-loaded). Prints a Markdown table for docs/performance.md
and writes the figures as JSON beside the store.
"""
from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from kg.analytics import paths  # noqa: E402
from kg.graph import document_quads  # noqa: E402
from kg.iris import entity_iri  # noqa: E402
from kg.network import to_networkx  # noqa: E402
from kg.queries import find_entity, partners  # noqa: E402
from kg.store import GraphStore  # noqa: E402
from synthetic import make_documents, make_entities, regions_document  # noqa: E402

HUBS = ["香港城市大学", "湖南大学", "香港贸易发展局"]


def build(directory: Path, n_docs: int, n_entities: int) -> dict:
    t = time.perf_counter()
    store = GraphStore(directory)
    store.load_ontology()
    entities = make_entities(n_entities)
    batch = document_quads(regions_document())
    for rec in make_documents(n_docs, entities):
        batch.extend(document_quads(rec))
        if len(batch) > 200_000:
            store.store.bulk_extend(batch)
            batch = []
    store.store.bulk_extend(batch)
    store.flush()
    store.store.optimize()
    meta = {"docs": n_docs, "entities": n_entities, "build_s": round(time.perf_counter() - t, 1)}
    (directory / "bench-meta.json").write_text(json.dumps(meta))
    return meta


def say(*args):
    print(*args, file=sys.stderr, flush=True)


def timed(fn, repeat: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    return times, result


def summary(ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return f"median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms"


def cli(directory: Path, *args, repeat: int = 3) -> list[float]:
    out = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kg", *args, "-g", str(directory), "--format", "csv"],
                       cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        out.append((time.perf_counter() - t) * 1000)
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/rckg-bench-queries"))
    ap.add_argument("--docs", type=int, default=7000)
    ap.add_argument("--entities", type=int, default=40000)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--sample", type=int, default=100, help="random entities whose partners are timed")
    args = ap.parse_args(argv)

    if args.rebuild and args.dir.exists():
        import shutil
        shutil.rmtree(args.dir)
    meta = json.loads((args.dir / "bench-meta.json").read_text()) if (args.dir / "bench-meta.json").exists() \
        else build(args.dir, args.docs, args.entities)

    store = GraphStore(args.dir, read_only=True)
    quads = len(store.store)
    triples = next(iter(store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }")))["n"].value
    res = {**meta, "quads": quads, "distinct_triples": int(triples)}
    say("store:", res)

    # kg partners, in process on an open store: first the hubs, then a random sample.
    # Entities drawn uniformly from those the documents name: the typical question.
    rng = random.Random(7)
    named = sorted({n for rec in make_documents(meta["docs"], make_entities(meta["entities"]))
                    for n, e in rec.entities.items() if e.type not in ("Region", "Agreement")})
    sample = rng.sample(named, args.sample)
    res["entities_named"] = len(named)
    for name in HUBS + sample[:5]:          # warm the caches as a running process would
        partners(store, name)
    hub_ms, hub_rows = [], {}
    for name in HUBS:
        ms, rows = timed(lambda: partners(store, name), 10)
        hub_ms += ms
        hub_rows[name] = len(rows)
    sample_ms = []
    for name in sample:
        ms, _ = timed(lambda: partners(store, name), 3)
        sample_ms += ms
    lookup_ms, _ = timed(lambda: find_entity(store, "香港城市大學"), 20)
    res["partners_hub"] = summary(hub_ms)
    res["partners_hub_rows"] = hub_rows
    res["partners_sample"] = summary(sample_ms)
    res["find_entity"] = summary(lookup_ms)
    say("partners:", res)
    res["partners_cli"] = summary(cli(args.dir, "partners", "香港城市大学"))

    # kg path: building the network once, then shortest chains between random pairs.
    net_ms, g = timed(lambda: to_networkx(store), 2)
    res["network"] = f"{statistics.median(net_ms) / 1000:.1f} s ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)"
    say("network:", res["network"])
    pairs = [(entity_iri(a), entity_iri(b)) for a, b in zip(sample[::2], sample[1::2])]
    path_ms, found = [], 0
    for a, b in pairs:
        ms, chains = timed(lambda: paths(g, a, b), 1)
        path_ms += ms
        found += bool(chains)
    res["path_on_network"] = summary(path_ms) + f" ({found}/{len(pairs)} pairs joined)"
    res["path_cli"] = summary(cli(args.dir, "path", "湖南大学", "香港理工大学", repeat=2))

    (args.dir / "bench-results.json").write_text(json.dumps(res, ensure_ascii=False, indent=2))
    print(json.dumps(res, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
