"""The cooperation network kept beside the store, so analytics do not rebuild it per command.

Building the network (`kg.network.to_networkx`) reads every assertion in the store: minutes at
ten thousand documents. `network(store)` does it once per state of the store and keeps the
result in `<graph dir>/network.json`, a plain edge list with each node's and edge's attributes;
`kg stats`, `path`, `rank`, `communities`, `viz` and the pages all go through it.

The cache is keyed by the store's state: a hash of the manifest (which every build and removal
rewrites after changing the store) and of the list of document graphs the store holds (which
catches a store written without its manifest). A key that does not match means the file is
ignored and written again; a directory that cannot be written to only means no cache. JSON,
not pickle: a graph directory may come from someone else, and loading it must not run code.

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> g = network(kg.open_graph(d))
    >>> (Path(d) / CACHE_NAME).exists()
    True
    >>> h = network(kg.open_graph(d))                       # read back, not rebuilt
    >>> sorted(h.nodes(data=True)) == sorted(g.nodes(data=True))
    True
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

__all__ = ["network", "store_state", "CACHE_NAME"]

CACHE_NAME = "network.json"
FORMAT = 1


def store_state(store) -> str | None:
    """A fingerprint of what the store holds, or None for a store without a directory (a server)."""
    directory = getattr(store, "dir", None)
    if directory is None:
        return None
    from kg.manifest import MANIFEST_NAME

    h = hashlib.sha256()
    for path in sorted(Path(directory).glob(MANIFEST_NAME + "*")):
        if not path.name.endswith(".tmp"):
            h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for graph in store.documents():
        h.update(graph.encode() + b"\n")
    return h.hexdigest()


def network(store):
    """The store's network (`kg.network.to_networkx`), from the cache when it matches the store."""
    from kg.network import to_networkx

    state = store_state(store)
    if state is None:
        return to_networkx(store)
    path = Path(store.dir) / CACHE_NAME
    g = _load(path, state)
    if g is None:
        g = to_networkx(store)
        _save(g, path, state)
    return g


def _save(g, path: Path, state: str):
    """Write atomically (aside, then renamed); a read-only directory just goes without."""
    data = {"format": FORMAT, "state": state, "graph": g.graph,
            "nodes": [[n, a] for n, a in g.nodes(data=True)],
            "edges": [[s, o, {k: {**rel, "statuses": sorted(rel["statuses"])}
                              for k, rel in a["relations"].items()}] for s, o, a in g.edges(data=True)]}
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def _load(path: Path, state: str):
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("state") != state:
        return None
    import networkx as nx

    g = nx.Graph(**data["graph"])
    g.add_nodes_from((n, a) for n, a in data["nodes"])
    for s, o, relations in data["edges"]:
        for rel in relations.values():
            rel["statuses"] = set(rel["statuses"])
            rel["evidence"] = [tuple(e) for e in rel["evidence"]]
            if "direction" in rel:
                rel["direction"] = tuple(rel["direction"])
        g.add_edge(s, o, relations=relations)
    return g
