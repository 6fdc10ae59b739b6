"""Time the commands users run, as they run them: `kg …` in a fresh process, on a built graph.

    python bench/commands.py -g /tmp/g-1000                        # this checkout
    python bench/commands.py -g /tmp/g-1000 --baseline /work/old   # and side by side with another

Every figure is one `python -m kg ARGS` process started from a checkout (import, store open,
query, output to /dev/null): the code path a user's command takes, not a copy of its query.
For each command it reports the median wall time of `--repeat` runs, the process's peak
resident memory (from `wait4`), and, with `--baseline CHECKOUT`, the same command run from
that checkout on the same graph, interleaved run by run so both see the same machine load,
and the ratio. CPU seconds are reported beside wall seconds: on a shared machine the wall
time says as much about the neighbours as about the command. A command that outlives `--timeout` is reported as "> T s". The names asked
about are the graph's busiest entity (the hub) and one named in a handful of documents (typical),
chosen from the graph itself unless given. Results are appended to bench/results.jsonl.

With `--corpus DIR` (the corpus the graph was built from), two rebuilds are timed last:
nothing changed, and one document changed (a sentence appended, then taken out again).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Busiest entity and a typical one (named in 3–6 documents), straight from the store.
_PICK = """
import sys, pyoxigraph as ox
s = ox.Store.read_only(sys.argv[1] + "/store")
q = '''SELECT ?l ?n WHERE {{
  {{ SELECT ?e (COUNT(DISTINCT ?d) AS ?n) WHERE {{ ?e <https://w3id.org/rckg/ontology#mentionedIn> ?d }} GROUP BY ?e }}
  FILTER NOT EXISTS {{ ?e a <https://w3id.org/rckg/ontology#Region> }}
  FILTER NOT EXISTS {{ ?e a <https://w3id.org/rckg/ontology#Agreement> }}
  {{ SELECT DISTINCT ?e ?l WHERE {{ ?e <http://www.w3.org/2004/02/skos/core#prefLabel> ?l }} }}
}} ORDER BY DESC(?n) ?l'''
rows = [(r["l"].value, int(r["n"].value)) for r in s.query(q, use_default_graph_as_union=True)]
typical = next((l for l, n in rows if 3 <= n <= 6), rows[len(rows) // 2][0])
print(rows[0][0], rows[0][1], typical)
"""


def pick_names(graph: Path, python: str) -> tuple[str, int, str]:
    hub, n, typical = subprocess.run([python, "-c", _PICK, str(graph)], capture_output=True, text=True,
                                     check=True).stdout.split()
    return hub, int(n), typical


def run_once(checkout: Path, python: str, args: list[str], timeout: float) -> tuple[float, float, int, float]:
    """(seconds, peak RSS MB, exit status, CPU seconds) of one `python -m kg ARGS` started in `checkout`.

    The CPU time (user + system, from `wait4`) is what the command costs on an idle machine
    with one core free; the wall time is what it took under the machine's load."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    t = time.perf_counter()
    proc = subprocess.Popen([python, "-m", "kg", *args], cwd=checkout, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = t + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return (time.perf_counter() - t, usage.ru_maxrss / 1024, proc.returncode,
                    usage.ru_utime + usage.ru_stime)
        if time.perf_counter() > deadline:
            proc.kill()
            proc.wait()
            return float("inf"), float("nan"), -9, float("nan")
        time.sleep(0.01)


def commands(graph: Path, hub: str, typical: str) -> list[tuple[str, list[str]]]:
    g = ["-g", str(graph)]
    q = ROOT / "queries"
    return [
        ("kg --help", ["--help"]),
        ("partners, typical", ["partners", typical, *g]),
        ("partners, hub", ["partners", hub, *g]),
        ("partners, hub, first page", ["partners", hub, "--limit", "20", *g]),
        ("show, typical", ["show", typical, *g]),
        ("show, hub", ["show", hub, *g]),
        ("stats", ["stats", *g]),
        ("path", ["path", typical, hub, *g]),
        ("rank --by degree", ["rank", "--by", "degree", *g]),
        ("rank --by betweenness", ["rank", "--by", "betweenness", *g]),
        ("communities", ["communities", *g]),
        ("query partners-of.rq, typical", ["query", "--file", str(q / "partners-of.rq"), "--bind",
                                           f"name={typical}", *g]),
        ("query agreements-by-year.rq", ["query", "--file", str(q / "agreements-by-year.rq"), *g]),
        ("query hk-bodies-with-hunan-universities.rq",
         ["query", "--file", str(q / "hk-bodies-with-hunan-universities.rq"), *g]),
        ("query most-mentioned.rq", ["query", "--file", str(q / "most-mentioned.rq"), *g]),
        ("query planned-not-realised.rq", ["query", "--file", str(q / "planned-not-realised.rq"), *g]),
    ]


def accepts(checkout: Path, python: str, args: list[str]) -> bool:
    """Does this checkout's `kg` know these options (an older one has no --limit)?"""
    sub = args[0]
    if sub.startswith("-"):
        return True
    helptext = subprocess.run([python, "-m", "kg", sub, "--help"], cwd=checkout, capture_output=True, text=True,
                              env={**os.environ, "PYTHONPATH": str(checkout)}).stdout
    return all(a in helptext for a in args if a.startswith("--") and a not in ("--help",))


def fmt_s(x: float, timeout: float) -> str:
    return f"> {timeout:.0f} s" if x == float("inf") else (f"{x * 1000:.0f} ms" if x < 1 else f"{x:.2f} s")


def rebuild_times(graph: Path, corpus: Path, python: str, timeout: float, checkout: Path = ROOT,
                  build_args=()) -> dict:
    """Seconds of `kg build CORPUS -g GRAPH` with nothing changed, then with one document changed.

    Run from the checkout that built the graph, with the same options: any other extractor
    would see every document as changed."""
    out = {}
    args = ["build", str(corpus), "-g", str(graph), *build_args]
    run = lambda: run_once(checkout, python, args, timeout)
    out["rebuild, nothing changed"] = run()
    victim = sorted(corpus.glob("*.txt"))[len(list(corpus.glob("*.txt"))) // 2]
    original = victim.read_bytes()
    try:
        victim.write_bytes(original + "\n湖南大学与香港理工大学签订了合作备忘录。\n".encode("utf-8"))
        out["rebuild, 1 document changed"] = run()
    finally:
        victim.write_bytes(original)
    run()        # the graph as it was
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-g", "--graph", type=Path, required=True, help="A built graph directory.")
    ap.add_argument("--baseline", type=Path, help="Another checkout to run the same commands from.")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=120.0, help="Seconds after which a command is stopped.")
    ap.add_argument("--warm-timeout", type=float, default=3600.0, help="Seconds allowed the cold `kg stats`.")
    ap.add_argument("--baseline-repeat", type=int, default=None, help="Runs of each baseline command (default --repeat).")
    ap.add_argument("--hub"), ap.add_argument("--typical")
    ap.add_argument("--only", nargs="*", help="Only the commands whose label starts with one of these.")
    ap.add_argument("--corpus", type=Path, help="The graph's corpus: also time two rebuilds.")
    ap.add_argument("--build-checkout", type=Path, default=ROOT, help="The checkout that built the graph.")
    ap.add_argument("--build-args", default="", help='The options it was built with, e.g. "--tagger none".')
    ap.add_argument("--python", default=sys.executable)
    args = ap.parse_args(argv)

    hub, hub_docs, typical = pick_names(args.graph, args.python)
    hub, typical = args.hub or hub, args.typical or typical
    docs = int(subprocess.run([args.python, "-c", "import sys, pyoxigraph as ox; print(sum(1 for g in "
                               "ox.Store.read_only(sys.argv[1] + '/store').named_graphs() if '/graph/' in g.value))",
                               str(args.graph)], capture_output=True, text=True, check=True).stdout)
    load = os.getloadavg()[0]
    print(f"graph {args.graph}: {docs} documents; hub {hub} (in {hub_docs} documents), typical {typical}; "
          f"load average {load:.1f} on {os.cpu_count()} CPUs", flush=True)
    checkouts = [("this", ROOT)] + ([("baseline", args.baseline.resolve())] if args.baseline else [])
    rows = []
    if not args.only or any("stats".startswith(o) or o.startswith("stats") for o in args.only):
        # The first analytic command after a change builds the network cache: timed once, cold,
        # with a long timeout, so that the runs below time the warm command users run after it.
        s, rss, code, cpu = run_once(ROOT, args.python, ["stats", "-g", str(args.graph)], args.warm_timeout)
        rows.append({"command": "stats, cold (builds the network cache)", "docs": docs, "this_s": s,
                     "this_rss_mb": rss, "this_exit": code, "this_cpu_s": cpu})
        print(f"stats, cold (builds the network cache) | this: {fmt_s(s, args.warm_timeout)} (CPU {cpu:.2f} s), "
              f"{rss:.0f} MB", flush=True)
    for label, cmd in commands(args.graph, hub, typical):
        if args.only and not any(label.startswith(o) for o in args.only):
            continue
        runs = {name: [] for name, _ in checkouts}
        usable = {name: accepts(path, args.python, cmd) for name, path in checkouts}
        for i in range(args.repeat):
            for name, path in checkouts:
                if name == "baseline" and args.baseline_repeat is not None and i >= args.baseline_repeat:
                    continue
                if usable[name] and (not runs[name] or runs[name][-1][0] != float("inf")):
                    runs[name].append(run_once(path, args.python, cmd, args.timeout))
        row = {"command": label, "args": cmd, "docs": docs}
        for name, _ in checkouts:
            if runs[name]:
                row[f"{name}_s"] = statistics.median(r[0] for r in runs[name])
                row[f"{name}_rss_mb"] = max(r[1] for r in runs[name])
                row[f"{name}_cpu_s"] = statistics.median(r[3] for r in runs[name])
                row[f"{name}_exit"] = runs[name][-1][2]
        if "baseline_s" in row and "this_s" in row:
            row["ratio"] = row["this_s"] / row["baseline_s"] if row["baseline_s"] not in (0, float("inf")) else 0
        rows.append(row)
        print(" | ".join([label] + [f"{n}: {fmt_s(row[n + '_s'], args.timeout)} (CPU {row[n + '_cpu_s']:.2f} s), "
                                    f"{row[n + '_rss_mb']:.0f} MB"
                                    + ("" if row[n + "_exit"] == 0 else f" (exit {row[n + '_exit']})")
                                    for n, _ in checkouts if n + "_s" in row]
                                   + ([f"×{row['ratio']:.2f}"] if row.get("ratio") else [])), flush=True)
    if args.corpus:
        for label, (s, rss, code, cpu) in rebuild_times(args.graph, args.corpus, args.python, args.timeout * 10,
                                                         args.build_checkout, args.build_args.split()).items():
            rows.append({"command": label, "docs": docs, "this_s": s, "this_rss_mb": rss, "this_exit": code,
                         "this_cpu_s": cpu})
            print(f"{label} | this: {fmt_s(s, args.timeout * 10)} (CPU {cpu:.2f} s), {rss:.0f} MB", flush=True)
    when = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    with open(HERE / "results.jsonl", "a", encoding="utf-8") as fh:
        for row in rows:
            row.update(bench="commands", graph=str(args.graph), hub=hub, typical=typical, load_avg=load, when=when,
                       **{k: (None if v == float("inf") else v) for k, v in row.items() if k.endswith("_s")})
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
