"""How long the HTML view of a big network takes to write, and to settle in a browser.

A synthetic network shaped like ours: a heavy-tailed main component (preferential attachment:
a few hub agencies and zones with many partners) plus many two-to-five-node islands, entity
types in the proportions the corpus shows, agreements joined to their parties, 40 % of relations
only planned, one or two evidence sentences per edge (made-up text).

The network is drawn as `kg viz` draws a whole network (agreements as links, above 300
entities an overview with a note); `--raw` draws every node as given. `--graph DIR` takes a
built graph directory (e.g. of `bench/corpus_gen.py`'s corpus) instead of the synthetic one.
Besides the times it reports the on-screen label size of the ten best-connected entities at
the first view (readable: 13 px or more).

Run from the repository root (needs Playwright and Chromium, like the browser tests):

    python bench/bench_viz.py                  # 5,000 nodes, drawn as kg viz draws them
    python bench/bench_viz.py --nodes 20000 --overview community
    python bench/bench_viz.py --graph /tmp/g1000 --screenshot /tmp/big.png
    python bench/bench_viz.py --nodes 2000 --raw --repeat 3
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from exports.headless import open_view  # noqa: E402
from exports.html_view import whole_network, write_html  # noqa: E402
from exports.overview import MAX_NODES, agreements_as_edges  # noqa: E402

TYPES = [("GovernmentAgency", 35), ("Platform", 18), ("DevelopmentZone", 11), ("FreeTradeZone", 7),
         ("University", 7), ("Enterprise", 7), ("ResearchInstitute", 6), ("ChamberOfCommerce", 4),
         ("Organization", 2), ("Agreement", 3)]
REGIONS = ["湖南省", "香港", "澳门", "广东省", "贵州省", "长沙市", "深圳市", None, None, None]
STEMS = "湘港粤澳黔长株潭岳衡郴深珠穗"
SUFFIX = {"GovernmentAgency": "商务局", "Platform": "合作平台", "DevelopmentZone": "经济开发区",
          "FreeTradeZone": "自贸片区", "University": "大学", "Enterprise": "科技有限公司",
          "ResearchInstitute": "研究院", "ChamberOfCommerce": "商会", "Organization": "联合会",
          "Agreement": "合作协议"}


def synthetic_network(n: int = 5000, seed: int = 7) -> nx.Graph:
    """A network of `n` entities shaped like `kg.network.to_networkx`'s output."""
    rng = random.Random(seed)
    main = int(n * 0.8)
    shape = nx.barabasi_albert_graph(main, 1, seed=seed)
    # extra links between well-connected nodes: hubs cooperate with each other too
    degree = dict(shape.degree)
    weighted = [v for v, d in degree.items() for _ in range(d)]
    for _ in range(main // 10):
        u, v = rng.choice(weighted), rng.choice(weighted)
        if u != v:
            shape.add_edge(u, v)
    nxt = main
    while nxt < n:
        size = min(rng.randint(2, 5), n - nxt)
        island = list(range(nxt, nxt + size))
        shape.add_nodes_from(island)
        for i in island[1:]:
            shape.add_edge(island[0] if rng.random() < 0.7 else rng.choice(island[:island.index(i)]), i)
        nxt += size
    names, weights = zip(*TYPES)
    g = nx.Graph()
    for v in shape:
        t = rng.choices(names, weights)[0]
        label = "".join(rng.choice(STEMS) for _ in range(2)) + f"{v}号" + SUFFIX[t]
        g.add_node(f"e{v}", label=label, type=t, region=rng.choice(REGIONS), aliases=[],
                   docs=[f"doc-{rng.randrange(400):03d}" for _ in range(rng.randint(1, 3))])
    for u, v in shape.edges:
        a, b = f"e{u}", f"e{v}"
        if "Agreement" in (g.nodes[a]["type"], g.nodes[b]["type"]):
            kind = "party"
        else:
            kind = rng.choices(["partner", "founded", "partOf"], [80, 8, 12])[0]
        status = "planned" if rng.random() < 0.4 else "realized"
        evidence = [(f"doc-{rng.randrange(400):03d}", f"{g.nodes[a]['label']}与{g.nodes[b]['label']}"
                     f"{'将' if status == 'planned' else '已'}开展合作(第{i + 1}句)。", status)
                    for i in range(rng.randint(1, 2))]
        rel = {"statuses": {status}, "evidence": evidence}
        if kind != "partner":
            rel["direction"] = (a, b)
        g.add_edge(a, b, relations={kind: rel})
    return g


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--nodes", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--screenshot", type=Path)
    ap.add_argument("--graph", type=Path, help="A built graph directory instead of the synthetic network.")
    ap.add_argument("--raw", action="store_true", help="Draw every node (no agreements-as-links, no overview).")
    ap.add_argument("--max-nodes", type=int, default=MAX_NODES)
    ap.add_argument("--overview", choices=["degree", "community"], default="degree")
    args = ap.parse_args(argv)
    t = time.perf_counter()
    if args.graph:
        import kg
        from kg.network import to_networkx

        g = to_networkx(kg.open_graph(args.graph))
        print(f"network of {args.graph}: {time.perf_counter() - t:.1f} s to read")
    else:
        g = synthetic_network(args.nodes)
    print(f"network: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
          f"{sum(1 for _, t in g.nodes(data='type') if t == 'Agreement')} agreements, "
          f"max degree {max(d for _, d in g.degree)}")
    note = None
    if not args.raw:
        t = time.perf_counter()
        g, note = whole_network(agreements_as_edges(g), max_nodes=args.max_nodes, by=args.overview)
        print(f"drawn: {g.number_of_nodes()} nodes, {g.number_of_edges()} links "
              f"(agreements as links, overview: {time.perf_counter() - t:.2f} s)\nnote: {note}")
    hubs = sorted(g, key=lambda n: (-g.degree(n), str(n)))[:10]
    writes, loads, settles, walls, label_px = [], [], [], [], []
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "graph.html"
        for _ in range(args.repeat):
            t = time.perf_counter()
            write_html(g, path, note=note)
            writes.append(time.perf_counter() - t)
        size = path.stat().st_size
        for i in range(args.repeat):
            t = time.perf_counter()
            with open_view(path, timeout_ms=600_000) as view:
                walls.append(time.perf_counter() - t)
                built, settled = view.page.evaluate("[rckg.builtMs, rckg.stabilisedMs]")
                loads.append(built / 1000)
                settles.append(settled / 1000)
                label_px.append(min(view.page.evaluate(f"{hubs!r}.map(id => rckg.labelPx(id))")))
                assert not view.outside_requests and not view.console_errors, (view.outside_requests,
                                                                              view.console_errors)
                if args.screenshot and i == 0:
                    view.page.screenshot(path=str(args.screenshot))
    med = statistics.median
    print(f"write HTML ({size / 1e6:.1f} MB):           {med(writes):6.2f} s")
    print(f"page script to network drawn:    {med(loads):6.2f} s")
    print(f"page script to layout settled:   {med(settles):6.2f} s (physics then off)")
    print(f"browser launch + load + settle:  {med(walls):6.2f} s (wall clock)")
    print(f"smallest label of the 10 hubs at first view: {med(label_px):.1f} px on screen")


if __name__ == "__main__":
    main()
