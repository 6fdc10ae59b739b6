"""The network cache: read back equal to the network it was made from, never stale."""
import shutil

import kg
from kg.netcache import CACHE_NAME, network
from kg.network import to_networkx
from kg.remove import remove


def _same(g, h):
    assert sorted(g.nodes(data=True)) == sorted(h.nodes(data=True))
    key = lambda e: tuple(sorted(e[:2]))
    for (a, b, x), (c, d, y) in zip(sorted(g.edges(data=True), key=key), sorted(h.edges(data=True), key=key)):
        assert {a, b} == {c, d} and x == y
    assert g.graph == h.graph


def test_cached_network_equals_the_store_s(example_graph, tmp_path):
    d = tmp_path / "g"
    shutil.copytree(example_graph, d)
    built = to_networkx(kg.open_graph(d))
    first = network(kg.open_graph(d))
    assert (d / CACHE_NAME).exists()
    _same(built, first)
    _same(built, network(kg.open_graph(d)))          # from the file


def test_a_changed_store_is_not_answered_from_the_cache(example_graph, tmp_path):
    d = tmp_path / "g"
    shutil.copytree(example_graph, d)
    before = network(kg.open_graph(d))
    doc = "hktdc-hunan-mou"
    assert any(doc in docs for _, docs in before.nodes(data="docs"))
    remove([doc], d)
    after = network(kg.open_graph(d))
    assert not any(doc in docs for _, docs in after.nodes(data="docs"))
    _same(after, to_networkx(kg.open_graph(d)))


def test_a_damaged_cache_is_rebuilt(example_graph, tmp_path):
    d = tmp_path / "g"
    shutil.copytree(example_graph, d)
    (d / CACHE_NAME).write_text("{not json", encoding="utf-8")
    _same(network(kg.open_graph(d)), to_networkx(kg.open_graph(d)))


def test_a_build_leaves_the_network_cached_for_the_commands(example_graph):
    from kg.netcache import _load, store_state

    assert _load(example_graph / CACHE_NAME, store_state(kg.open_graph(example_graph))) is not None
