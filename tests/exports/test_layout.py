import math

import networkx as nx

from exports.layout import initial_positions


def test_every_node_gets_its_own_place_and_components_do_not_overlap():
    g = nx.disjoint_union_all([nx.barabasi_albert_graph(300, 1, seed=1), nx.star_graph(5), nx.path_graph(2)])
    pos = initial_positions(g, step=50)
    assert set(pos) == set(g)
    assert len(set(pos.values())) == len(g)
    boxes = []
    for comp in nx.connected_components(g):
        xs, ys = [pos[n][0] for n in comp], [pos[n][1] for n in comp]
        boxes.append((min(xs), max(xs), min(ys), max(ys)))
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[1] < b[0] or b[1] < a[0] or a[3] < b[2] or b[3] < a[2]


def test_neighbours_start_near_each_other():
    g = nx.barabasi_albert_graph(500, 1, seed=2)
    pos = initial_positions(g, step=50)
    lengths = sorted(math.dist(pos[u], pos[v]) for u, v in g.edges)
    spread = max(math.dist(pos[u], pos[v]) for u in (0, 250, 499) for v in g)
    assert lengths[len(lengths) // 2] < spread / 5        # the typical edge is short
