"""What the whole-network picture draws: agreements as links, and at scale an overview.

At 1,000 documents the network has thousands of agreement nodes fanning over everything and
no label can be read. Two pure steps make the picture readable:

- `agreements_as_edges`: an agreement becomes links between its parties (the relation
  `agreement`, carrying the agreement's name and evidence), not a node;
- `overview`: above `max_nodes` entities, either the best-connected entities are drawn
  (`by="degree"`), or each community of closely cooperating entities becomes one node
  (`by="community"`); `Overview.note` says what is left out.

Both take and return graphs shaped like `kg.network.to_networkx`'s and leave their input alone.

    >>> import networkx as nx
    >>> g = nx.Graph()
    >>> for n, t in [("a", "University"), ("b", "University"), ("x", "Agreement")]:
    ...     g.add_node(n, label=n.upper(), type=t, docs=["d"])
    >>> for p in "ab":
    ...     g.add_edge("x", p, relations={"party": {"statuses": {"realized"}, "evidence": [("d", "A与B签约。", "realized")]}})
    >>> h = agreements_as_edges(g)
    >>> list(h.nodes), h.edges["a", "b"]["relations"]["agreement"]["via"]
    (['a', 'b'], ['X'])
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import networkx as nx

__all__ = ["agreements_as_edges", "overview", "Overview", "MAX_NODES", "COMMUNITY_SEED"]

MAX_NODES = 300          # entities one picture can show with its labels read
LINKS_PER_NODE = 3       # an overview draws at most this many links per entity: hubs are all
                         # linked to each other, and thousands of lines among 300 nodes hide them
COMMUNITY_SEED = 20240601


def agreements_as_edges(g: nx.Graph) -> nx.Graph:
    """Each agreement as `agreement` links between every two of its parties, instead of a node.

    The link keeps the agreement's name (`via`), its statuses and the evidence of its
    parties; an agreement with one known party leaves no link.
    """
    agreements = [n for n, t in g.nodes(data="type") if t == "Agreement"]
    out = g.copy()
    out.remove_nodes_from(agreements)
    own = set()
    for a in agreements:
        parties = {}
        for p in g.neighbors(a):
            rel = g.edges[a, p]["relations"].get("party")
            if rel is not None and g.nodes[p].get("type") != "Agreement":
                parties[p] = rel
        for p, q in combinations(sorted(parties, key=str), 2):
            if not out.has_edge(p, q):
                out.add_edge(p, q, relations={})
            elif (p, q) not in own:     # g.copy() shares the relations dict: ours from now on
                out.edges[p, q]["relations"] = dict(out.edges[p, q]["relations"])
            own.add((p, q))
            rel = out.edges[p, q]["relations"].setdefault("agreement", {"statuses": set(), "evidence": [], "via": []})
            rel["via"].append(g.nodes[a].get("label", str(a)))
            for side in (parties[p], parties[q]):
                rel["statuses"] |= set(side["statuses"])
                rel["evidence"] += [ev for ev in side["evidence"] if ev not in rel["evidence"]]
    return out


@dataclass
class Overview:
    graph: nx.Graph
    total_nodes: int
    total_edges: int
    by: str | None = None

    @property
    def note(self) -> str | None:
        """What the picture leaves out, in one sentence (None when everything is drawn)."""
        if self.by is None:
            return None
        shown, hidden = self.graph.number_of_nodes(), self.total_nodes
        if self.by == "degree":
            return (f"Showing the {shown:,} best-connected of {hidden:,} entities "
                    f"({hidden - shown:,} entities and {self.total_edges - self.graph.number_of_edges():,} links "
                    f"hidden). 显示连接最多的 {shown:,} 个实体。Narrow with --focus, --types, --regions, "
                    f"--since, or raise --max-nodes.")
        return (f"{hidden:,} entities in {shown:,} communities: each node is a group of closely cooperating "
                f"entities, named by its most connected members; links count the partnerships between groups. "
                f"每个节点是一个合作群体。")


def overview(g: nx.Graph, max_nodes: int = MAX_NODES, by: str = "degree") -> Overview:
    """The picture of `g` with at most `max_nodes` nodes.

    >>> g = nx.star_graph(5)
    >>> for n in g: g.nodes[n].update(label=f"n{n}", type="University")
    >>> o = overview(g, max_nodes=3)
    >>> sorted(o.graph), o.graph.nodes[0]["hidden_links"], o.note.split(" (")[0]
    ([0, 1, 2], 3, 'Showing the 3 best-connected of 6 entities')
    >>> overview(g, max_nodes=10).note is None
    True
    """
    total_nodes, total_edges = g.number_of_nodes(), g.number_of_edges()
    if total_nodes <= max_nodes:
        return Overview(g, total_nodes, total_edges)
    if by == "degree":
        return Overview(_top_by_degree(g, max_nodes), total_nodes, total_edges, "degree")
    if by == "community":
        return Overview(_communities(g, max_nodes), total_nodes, total_edges, "community")
    raise ValueError(f"unknown overview {by!r}; degree or community")


def _weight(attrs: dict) -> int:
    return sum(len(r["evidence"]) for r in attrs["relations"].values()) or 1


def _top_by_degree(g: nx.Graph, k: int) -> nx.Graph:
    """The `k` best-connected entities, and of the links among them the strongest: a maximum
    spanning forest (by pieces of evidence) so what is connected stays so, then the heaviest
    others, up to LINKS_PER_NODE links per entity."""
    label = lambda n: str(g.nodes[n].get("label", n))
    keep = sorted(g, key=lambda n: (-g.degree(n), label(n)))[:k]
    out = g.subgraph(keep).copy()
    budget = LINKS_PER_NODE * len(keep)
    if out.number_of_edges() > budget:
        for u, v, a in out.edges(data=True):
            a["_w"] = _weight(a)
        forest = {frozenset(e) for e in nx.maximum_spanning_edges(out, weight="_w", data=False)}
        rest = sorted((e for e in out.edges(data="_w") if frozenset(e[:2]) not in forest),
                      key=lambda e: (-e[2], sorted(map(str, e[:2]))))
        chosen = forest | {frozenset(e[:2]) for e in rest[:max(0, budget - len(forest))]}
        out.remove_edges_from([e for e in list(out.edges) if frozenset(e) not in chosen])
        for _, _, a in out.edges(data=True):
            a.pop("_w", None)
    for n in out:
        out.nodes[n]["hidden_links"] = g.degree(n) - out.degree(n)
    return out


def _communities(g: nx.Graph, k: int) -> nx.Graph:
    """One node per Louvain community (the `k` largest), links between groups counted."""
    groups = nx.community.louvain_communities(g, seed=COMMUNITY_SEED) if g.number_of_edges() else [{n} for n in g]
    label = lambda n: str(g.nodes[n].get("label", n))
    groups = sorted(groups, key=lambda c: (-len(c), min(map(label, c))))[:k]
    out = nx.Graph(**g.graph)
    where = {}
    for i, members in enumerate(groups):
        sub = g.subgraph(members)
        central = sorted(members, key=lambda n: (-sub.degree(n), -g.degree(n), label(n)))
        name = " · ".join(label(n) for n in central[:3]) + (f" (+{len(members) - 3})" if len(members) > 3 else "")
        node = f"community:{i + 1}"
        out.add_node(node, label=name, type="Community", aliases=[label(n) for n in central[:50]],
                     region=None, docs=[], members=len(members))
        for n in members:
            where[n] = node
    for u, v in g.edges():
        a, b = where.get(u), where.get(v)
        if a is None or b is None or a == b:
            continue
        if not out.has_edge(a, b):
            out.add_edge(a, b, relations={"links": {"statuses": set(), "evidence": [], "count": 0}})
        rel = out.edges[a, b]["relations"]["links"]
        rel["count"] += 1
        for r in g.edges[u, v]["relations"].values():
            rel["statuses"] |= set(r["statuses"])
    return out
