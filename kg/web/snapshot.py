"""The graph as the server sees it: one read-only snapshot of the store, replaced when a
build (or `kg remove`) in another process changes the graph directory.

Oxigraph's read-only mode opens RocksDB without its lock, so a build can write the same
store meanwhile; a read-only handle sees the store as it was when opened. The manifest
is rewritten after every document a build commits, so its size and time tell when a
newer snapshot is worth opening. What is derived from a snapshot (the network, the name
index, the documents' titles and dates) is computed on first use and dies with it.
"""
from __future__ import annotations

import os
import threading
import time
from functools import cached_property
from pathlib import Path

import networkx as nx

from extract.normalise import to_simplified_name
from kg.documents import documents
from kg.manifest import MANIFEST_NAME, Manifest
from kg.netcache import network as cached_network
from kg.store import GraphStore

__all__ = ["Snapshot", "LiveGraph", "search_names"]

class Snapshot:
    """One read-only view of a graph directory and what is derived from it."""

    def __init__(self, directory: Path, version):
        self.dir, self.version = Path(directory), version
        self.store = GraphStore(directory, read_only=True)
        self.opened = time.monotonic()
        self._network: nx.Graph | None = None
        self._lock = threading.Lock()

    @property
    def network(self) -> nx.Graph:
        """The whole network (`kg.netcache.network`), built once however many requests ask at once."""
        if self._network is None:
            with self._lock:
                if self._network is None:
                    self._network = cached_network(self.store)
        return self._network

    @cached_property
    def by_label(self) -> dict[str, str]:
        """Preferred label → IRI (`kg.queries` answers with labels; the page needs IRIs)."""
        out: dict[str, str] = {}
        for n, label in self.network.nodes(data="label"):
            out.setdefault(label, n)
        return out

    @cached_property
    def names(self) -> list[tuple[str, str, str]]:
        """(simplified name, as written, IRI) for every label and alias: the type-ahead's index."""
        out = []
        for n, attrs in self.network.nodes(data=True):
            for name in dict.fromkeys([attrs["label"], *attrs.get("aliases", ())]):
                out.append((to_simplified_name(name), name, n))
        return out

    @cached_property
    def documents(self) -> dict[str, dict]:
        """Document id → {title, date} (`kg.documents.documents`)."""
        return documents(self.store)

    def manifest(self) -> Manifest:
        return Manifest.load(self.dir)


def search_names(snapshot: Snapshot, query: str, limit: int = 20) -> list[dict]:
    """Entities whose name or alias contains `query` (简 or 繁, case and spaces ignored).

    Exact names first, then names that start with the query, then the rest; within each,
    the better-connected entity first.
    """
    key = to_simplified_name(query).casefold()
    if not key:
        return []
    g = snapshot.network
    best: dict[str, tuple] = {}
    for simple, written, iri in snapshot.names:
        folded = simple.casefold()
        if key not in folded:
            continue
        rank = (0 if folded == key else 1 if folded.startswith(key) else 2, -g.degree(iri),
                written.strip() != query.strip(), len(simple))     # the spelling typed is the one shown
        if iri not in best or rank < best[iri][0]:
            best[iri] = (rank, written)
    out = []
    for iri, (rank, written) in sorted(best.items(), key=lambda kv: (kv[1][0], kv[0]))[:limit]:
        a = g.nodes[iri]
        out.append({"iri": iri, "label": a["label"], "match": written, "type": a.get("type"),
                    "region": a.get("region"), "degree": g.degree(iri)})
    return out


class LiveGraph:
    """The current snapshot of a graph directory, replaced when the directory changes.

    A newer snapshot is prepared in a background thread (opened, and its network built,
    which takes a while on big graphs) and replaces the old one only when it is ready:
    meanwhile requests are answered from the old one, never kept waiting by a build in
    another terminal.

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> live = LiveGraph(d)
    >>> live.current() is live.current()
    True
    """

    def __init__(self, directory: str | os.PathLike, min_age: float = 1.0):
        self.dir = Path(directory)
        # A build rewrites the manifest after every document: while it runs, a snapshot is
        # kept at least `min_age` seconds before a newer one is prepared.
        self.min_age = min_age
        self._snapshot: Snapshot | None = None
        self._preparing: object = None          # the version being prepared, if any
        self._lock = threading.Lock()

    def _version(self):
        try:
            st = (self.dir / MANIFEST_NAME).stat()
            return st.st_mtime_ns, st.st_size, st.st_ino
        except FileNotFoundError:
            return None

    def current(self) -> Snapshot:
        """The newest ready snapshot. The first is opened here (its network is built on
        first use, or by `warm`); later ones are prepared in the background."""
        snap = self._snapshot
        if snap is None:
            with self._lock:
                if self._snapshot is None:
                    self._snapshot = Snapshot(self.dir, self._version())
                return self._snapshot
        if time.monotonic() - snap.opened < self.min_age:
            return snap
        version = self._version()
        if version != snap.version:
            with self._lock:
                if self._preparing is None:
                    self._preparing = version
                    threading.Thread(target=self._prepare, args=(version,), daemon=True,
                                     name="rckg-snapshot").start()
        return snap

    def warm(self) -> None:
        """Build the current snapshot's network in the background, before the first request needs it."""
        snap = self.current()
        threading.Thread(target=lambda: snap.network, daemon=True, name="rckg-warm").start()

    def _prepare(self, version) -> None:
        try:
            new = Snapshot(self.dir, version)
            new.network, new.documents, new.names      # built here, not in a request
            self._snapshot = new
        except (OSError, RuntimeError, ValueError):
            pass                                     # mid-write: the next request tries again
        finally:
            self._preparing = None
