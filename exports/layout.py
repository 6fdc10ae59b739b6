"""Starting positions for the page's physics: untangled before the browser does any work.

From random positions a force layout needs thousands of steps to unfold a network of a few
thousand nodes; from a layout that already has the right shape it needs a few dozen. Our
networks are nearly trees (hubs with many partners, few cycles), so each component is drawn
as a radial tree around its best-connected node, every subtree in a wedge as wide as its
number of leaves, and the components are packed in rows, biggest first. Linear time.

    >>> import networkx as nx
    >>> pos = radial_tree(nx.star_graph(4), 0, step=100)
    >>> pos[0]
    (0.0, 0.0)
    >>> sorted(round((x * x + y * y) ** 0.5) for n, (x, y) in pos.items() if n)
    [100, 100, 100, 100]
"""
from __future__ import annotations

import math

import networkx as nx

__all__ = ["initial_positions", "radial_tree"]


def radial_tree(g: nx.Graph, root, step: float = 100.0) -> dict:
    """Positions of `root`'s component as a radial BFS tree centred on (0, 0).

    >>> [abs(x) for x, y in radial_tree(nx.path_graph(3), 0).values()]
    [0.0, 100.0, 200.0]
    """
    tree = nx.bfs_tree(g, root)
    leaves, depth = {}, {root: 0}
    for v in nx.dfs_postorder_nodes(tree, root):
        leaves[v] = sum(leaves[c] for c in tree.successors(v)) or 1
    for parent, child in nx.bfs_edges(tree, root):
        depth[child] = depth[parent] + 1
    # Each ring is one step further out, or further still if its nodes would be too close.
    per_ring = [0] * (max(depth.values()) + 1)
    for d in depth.values():
        per_ring[d] += 1
    radii = [0.0]
    for count in per_ring[1:]:
        radii.append(max(radii[-1] + step, count * step * 0.35 / (2 * math.pi)))
    pos = {root: (0.0, 0.0)}
    stack = [(root, 0.0, 2 * math.pi)]
    while stack:
        v, start, end = stack.pop()
        children = sorted(tree.successors(v), key=lambda c: (-leaves[c], str(c)))
        total = sum(leaves[c] for c in children)
        angle = start
        for c in children:
            span = (end - start) * leaves[c] / total
            middle, radius = angle + span / 2, radii[depth[c]]
            pos[c] = (round(radius * math.cos(middle), 1) + 0.0, round(radius * math.sin(middle), 1) + 0.0)
            stack.append((c, angle, angle + span))
            angle += span
    return pos


def initial_positions(g: nx.Graph, step: float = 100.0) -> dict:
    """{node: (x, y)} for every node: components as radial trees, packed in rows.

    >>> sorted(initial_positions(nx.Graph([(1, 2), (3, 4)]), step=10).items())
    [(1, (-5.0, -15.0)), (2, (5.0, -15.0)), (3, (-5.0, 15.0)), (4, (5.0, 15.0))]
    """
    placed = []
    # Sorted by size, then by name: the same graph always gets the same picture.
    components = sorted((sorted(c, key=str) for c in nx.connected_components(g)),
                        key=lambda c: (-len(c), str(c[0])))
    for nodes in components:
        root = max(nodes, key=lambda n: (g.degree(n), str(n)))
        local = radial_tree(g.subgraph(nodes), root, step)
        r = max((math.hypot(x, y) for x, y in local.values()), default=0.0) + step / 2
        placed.append((local, r))
    if not placed:
        return {}
    width = max(placed[0][1] * 2, math.sqrt(sum((2 * r) ** 2 for _, r in placed)) * 1.1)
    out, x, y, row_height = {}, 0.0, 0.0, 0.0
    for local, r in placed:
        if x > 0 and x + 2 * r > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (px, py) in local.items():
            out[n] = (x + r + px, y + r + py)
        x += 2 * r
        row_height = max(row_height, 2 * r)
    # Centred on the origin, where the page's central gravity pulls: nothing drifts to one side.
    cx = (min(p[0] for p in out.values()) + max(p[0] for p in out.values())) / 2
    cy = (min(p[1] for p in out.values()) + max(p[1] for p in out.values())) / 2
    return {n: (round(px - cx, 1) + 0.0, round(py - cy, 1) + 0.0) for n, (px, py) in out.items()}
