"""The HTML view: as text (self-contained, escaped, styled by type, relation and status), through
`kg viz`, `kg build` and `kg export`, and in a real headless Chromium with no network."""
import json
import re

import networkx as nx
import pytest
from click.testing import CliRunner

from exports import export
from exports.html_view import FONT_STACK, PLANNED_DASHES, RELATION_STYLES, TYPE_STYLES, render, write_html
from kg.cli import main

HOSTILE = '<img src="http://example.com/x.png" onerror="alert(1)">'


def hostile_graph() -> nx.Graph:
    """Names and sentences that would break a page that forgot to escape them."""
    g = nx.Graph()
    g.add_node("u", label="湖南大学", type="University", region="湖南省", docs=["doc-1"], aliases=[])
    g.add_node("x", label="坏</script>名" + HOSTILE, type="Enterprise", region=None, docs=[HOSTILE],
               aliases=[])
    g.add_node("z", label="某园区", type="SomethingNew", region=None, docs=[], aliases=[])
    g.add_edge("u", "x", relations={"partner": {"statuses": {"planned"},
                                                "evidence": [("doc-1", "两者将合作" + HOSTILE, "planned")]}})
    g.add_edge("x", "z", relations={"founded": {"statuses": {"realized"}, "direction": ("z", "x"),
                                                "evidence": [("doc-1", "x 设立了 z。", "realized")]}})
    return g


def page_data(page: str):
    nodes = json.loads(re.search(r"var rawNodes = (.*);\n", page).group(1))
    edges = json.loads(re.search(r"var rawEdges = (.*);\n", page).group(1))
    return {n["id"]: n for n in nodes}, edges


def test_page_is_self_contained():
    page = render(hostile_graph())
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "<script src" not in page
    assert "bootstrap" not in page.lower()
    assert len(page) > 400_000  # vis-network and tom-select are inside


def test_names_and_evidence_are_escaped_and_round_trip():
    page = render(hostile_graph())
    assert "</script>名" not in page and HOSTILE not in page
    nodes, edges = page_data(page)
    assert nodes["x"]["names"] == "坏</script>名" + HOSTILE           # searchable as written
    assert nodes["x"]["label"].startswith("坏</script>名<img")        # drawn as text, cut short
    assert "<img" not in nodes["x"]["title"] and "&lt;img" in nodes["x"]["title"]
    (partner,) = [e for e in edges if e["relation"] == "partner"]
    assert "两者将合作&lt;img src=&quot;http://example.com" in partner["title"]
    assert "doc-1" in partner["title"]


def test_styles_by_type_relation_and_status():
    nodes, edges = page_data(render(hostile_graph()))
    assert nodes["u"]["color"]["background"] == TYPE_STYLES["University"][0]
    assert nodes["z"]["color"]["background"] != TYPE_STYLES["University"][0]   # unknown type: grey
    by_kind = {e["relation"]: e for e in edges}
    assert by_kind["partner"]["dashes"] == PLANNED_DASHES and by_kind["partner"]["arrows"] == ""
    founded = by_kind["founded"]
    assert founded["dashes"] is False and founded["arrows"] == "to"
    assert (founded["from"], founded["to"]) == ("x", "z")                   # founder → new body
    assert founded["color"] == RELATION_STYLES["founded"][0]


def test_size_by_degree_and_cjk_font():
    page = render(hostile_graph())
    nodes, _ = page_data(page)
    assert nodes["x"]["value"] == 2 and nodes["u"]["value"] == 1
    assert FONT_STACK in page and '"Noto Sans CJK SC"' in FONT_STACK
    with pytest.raises(ValueError):
        render(hostile_graph(), size_by="mass")


def test_legend_lists_types_present():
    page = render(hostile_graph())
    legend = page.split('id="legend"')[1]
    assert "University 大学" in legend and "SomethingNew" in legend and "Agreement" not in legend
    assert "planned only" in legend


def test_build_writes_graph_html_beside_graph_ttl(example_graph):
    page = (example_graph / "graph.html").read_text(encoding="utf-8")
    nodes, edges = page_data(page)
    assert "https://w3id.org/rckg/id/香港贸易发展局" in nodes and edges
    assert all(any(e["from"] == n or e["to"] == n for e in edges) for n in nodes)  # no isolated


def test_html_is_a_registered_export(example_graph, tmp_path):
    import kg
    from kg.network import to_networkx

    export(kg.open_graph(example_graph), "html", tmp_path / "g.html", network=to_networkx)
    assert page_data((tmp_path / "g.html").read_text(encoding="utf-8"))[0]


def test_viz_command_focus_by_traditional_name(example_graph, tmp_path):
    out = tmp_path / "focus.html"
    result = CliRunner().invoke(main, ["viz", "-g", str(example_graph), "-o", str(out),
                                       "--focus", "香港貿易發展局", "--depth", "1"])
    assert result.exit_code == 0, result.output
    nodes, edges = page_data(out.read_text(encoding="utf-8"))
    hub = "https://w3id.org/rckg/id/香港贸易发展局"
    assert hub in nodes and len(nodes) > 1
    assert nodes[hub]["borderWidth"] > max(n["borderWidth"] for i, n in nodes.items() if i != hub)
    linked = {e["from"] for e in edges if e["to"] == hub} | {e["to"] for e in edges if e["from"] == hub}
    assert set(nodes) == linked | {hub}                                     # one step out, no further
    assert f"{len(nodes)} entities, {len(edges)} links" in result.output


@pytest.mark.parametrize("args, message", [
    (["--focus", "不存在的机构"], "no entity named"),
    (["--types", "Airport"], "types here"),
    (["--status", "done"], "unknown status"),
])
def test_viz_command_errors_are_one_clear_line(example_graph, tmp_path, args, message):
    result = CliRunner().invoke(main, ["viz", "-g", str(example_graph), "-o", str(tmp_path / "x.html"), *args])
    assert result.exit_code == 1 and message in result.output
    assert "Traceback" not in result.output


def test_viz_command_filters(example_graph, tmp_path):
    out = tmp_path / "u.html"
    result = CliRunner().invoke(main, ["viz", "-g", str(example_graph), "-o", str(out),
                                       "--types", "University", "--status", "planned,realized"])
    assert result.exit_code == 0, result.output
    nodes, _ = page_data(out.read_text(encoding="utf-8"))
    assert nodes and {n["kind"] for n in nodes.values()} == {"University"}


def test_viz_draws_agreements_as_edges_unless_asked(example_graph, tmp_path):
    """Friction 2: agreements are links between their parties by default, nodes on request."""
    out = tmp_path / "a.html"
    assert CliRunner().invoke(main, ["viz", "-g", str(example_graph), "-o", str(out)]).exit_code == 0
    nodes, edges = page_data(out.read_text(encoding="utf-8"))
    assert "Agreement" not in {n["kind"] for n in nodes.values()}
    assert any(e["relation"] == "agreement" for e in edges)
    r = CliRunner().invoke(main, ["viz", "-g", str(example_graph), "-o", str(out), "--agreements", "nodes"])
    assert r.exit_code == 0
    nodes, _ = page_data(out.read_text(encoding="utf-8"))
    assert "Agreement" in {n["kind"] for n in nodes.values()}


def test_viz_since_until(example_graph, tmp_path):
    import kg
    from kg.documents import documents

    docs = documents(kg.open_graph(example_graph))
    latest = max(d["date"] for d in docs.values() if d["date"])
    out = tmp_path / "s.html"
    r = CliRunner().invoke(main, ["viz", "-g", str(example_graph), "-o", str(out), "--since", latest])
    assert r.exit_code == 0, r.output
    nodes, edges = page_data(out.read_text(encoding="utf-8"))
    newest = {d for d, v in docs.items() if v["date"] == latest}
    tips = " ".join([n["title"] for n in nodes.values()] + [e["title"] for e in edges])
    older = [v["title"] for d, v in docs.items() if d not in newest]
    assert nodes and not any(t in tips for t in older) and any(docs[d]["title"] in tips for d in newest)


def test_tooltips_name_documents_by_title_and_date(example_graph):
    """Friction 4: no hash ids where a title is known."""
    import kg
    from kg.network import to_networkx

    g = to_networkx(kg.open_graph(example_graph))
    nodes, edges = page_data(render(g))
    d = g.graph["documents"]["hktdc-hunan-mou"]
    tips = " ".join([n["title"] for n in nodes.values()] + [e["title"] for e in edges])
    assert f"{d['title']} ({d['date']})" in tips and "hktdc-hunan-mou" not in tips


# In a real browser ----------------------------------------------------------------------------

HKTDC = "https://w3id.org/rckg/id/香港贸易发展局"


@pytest.fixture(scope="module")
def browser_view(example_graph, tmp_path_factory):
    """The example network plus the hostile graph, loaded once in headless Chromium."""
    pytest.importorskip("playwright", reason="Playwright's Python package is not installed (the test extra)")
    from exports.headless import chromium_path, open_view

    if chromium_path() is None:
        pytest.skip("no Chromium browser here (/usr/bin/chromium or $RCKG_CHROMIUM); Debian: apt-get install chromium")
    import kg
    from kg.network import to_networkx
    from kg.subgraph import select

    g = nx.compose(select(to_networkx(kg.open_graph(example_graph))), hostile_graph())
    path = write_html(g, tmp_path_factory.mktemp("view") / "graph.html")
    with open_view(path, width=1200, height=800, timeout_ms=180_000) as view:
        yield g, view


def test_page_loads_offline_without_errors_and_settles(browser_view):
    g, view = browser_view
    page = view.page
    assert view.console_errors == []
    assert view.outside_requests == []        # the hostile <img> in a name would have fetched
    assert page.evaluate("rckg.nodes.length") == g.number_of_nodes()
    assert page.evaluate("rckg.edges.length") == g.number_of_edges()
    assert page.evaluate("rckg.network.physics.options.enabled") is False
    before = page.evaluate("rckg.network.getPositions()")
    page.wait_for_timeout(300)
    assert page.evaluate("rckg.network.getPositions()") == before   # settled: nothing moves


def test_canvas_is_drawn(browser_view):
    _, view = browser_view
    assert view.ink() > 0.003


def _hover(page, point_js: str) -> str:
    """Move the mouse onto a canvas point (JS expression in canvas coordinates); the tooltip's text."""
    page.mouse.move(5, 5)
    page.wait_for_timeout(200)
    x, y = page.evaluate(f"""() => {{ const n = rckg.network; const p = n.canvasToDOM({point_js});
        const r = n.canvas.frame.getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }}""")
    page.mouse.move(x, y)
    tip = page.locator("div.vis-tooltip")
    tip.wait_for(state="visible", timeout=20_000)
    text = tip.inner_text()
    page.mouse.move(5, 5)
    return text


def test_hover_shows_node_type_and_documents_as_text(browser_view):
    text = _hover(browser_view[1].page, "n.getPosition('x')")
    assert "Enterprise" in text and '<img src="http://example.com' in text   # markup shown, not run


def test_hover_shows_edge_evidence_and_document(browser_view):
    page = browser_view[1].page
    edge = page.evaluate("rckg.edges.get({filter: e => e.relation === 'partner' && e.from === 'u'})[0].id")
    text = _hover(page, f"n.body.edges[{edge}].edgeType.getPoint(0.5)")
    assert "两者将合作" in text and "doc-1" in text and "planned" in text
    assert "<b>" not in text and "&lt;" not in text                    # our markup is rendered ...
    assert '两者将合作<img src="http://example.com' in text               # ... and the sentence's shown


def _choose(page, select: str, text: str):
    """Type into one of the page's tom-select boxes and take the first option it offers."""
    page.click(f"#{select}-ts-control")
    page.keyboard.type(text)
    page.locator(f"#{select}-ts-dropdown .option").first.wait_for(timeout=20_000)
    page.keyboard.press("Enter")


def test_search_finds_a_named_node_and_lights_its_neighbourhood(browser_view):
    g, view = browser_view
    page = view.page
    _choose(page, "search", "香港贸易发展局")
    page.wait_for_function(f"rckg.network.getSelectedNodes()[0] === {HKTDC!r}", timeout=20_000)
    far = next(n for n in g if n != HKTDC and not g.has_edge(n, HKTDC))
    assert "rgba" in str(page.evaluate(f"rckg.nodes.get({far!r}).color"))      # dimmed
    near = next(iter(g[HKTDC]))
    assert isinstance(page.evaluate(f"rckg.nodes.get({near!r}).color"), dict)   # its own colours


def test_type_filter_hides_other_types(browser_view):
    g, view = browser_view
    page = view.page
    page.click("#reset")
    _choose(page, "type-filter", "University")
    others = sum(1 for _, t in g.nodes(data="type") if t != "University")
    page.wait_for_function(f"rckg.nodes.get({{filter: n => n.hidden}}).length === {others}", timeout=20_000)
    shown = g.number_of_nodes() - others
    assert page.inner_text("#count").startswith(f"{shown} entities")
    page.click("#reset")
    assert page.evaluate("rckg.nodes.get({filter: n => n.hidden}).length") == 0


def test_region_filter_means_either_side(browser_view):
    """Friction 3: choosing 湖南 keeps Hunan's entities and their partners wherever they are."""
    g, view = browser_view
    page = view.page
    page.click("#reset")
    _choose(page, "region-filter", "湖南")
    inside = {n for n, a in g.nodes(data=True) if "湖南" in (a.get("within") or [])}
    expected = inside | {m for n in inside for m in g[n]}
    page.wait_for_function(f"rckg.nodes.get({{filter: n => !n.hidden}}).length === {len(expected)}", timeout=20_000)
    assert set(page.evaluate("rckg.nodes.get({filter: n => !n.hidden}).map(n => n.id)")) == expected
    assert "https://w3id.org/rckg/id/香港大学" in expected                     # a Hong Kong partner of Hunan
    outsiders = {(u, v) for u, v in g.edges() if u not in inside and v not in inside}
    shown = {tuple(e) for e in page.evaluate("rckg.edges.get({filter: e => !e.hidden}).map(e => [e.from, e.to])")}
    assert shown and not any((u, v) in outsiders or (v, u) in outsiders for u, v in shown)
    page.click("#reset")


@pytest.mark.parametrize("typed", ["香港理工大學", "香港 理工大學", "湖南省商務廳"])
def test_search_takes_traditional_spelling(browser_view, typed):
    """Friction 5: the page's search folds 繁→简 (no document wrote 香港理工大學)."""
    g, view = browser_view
    page = view.page
    page.click("#reset")
    _choose(page, "search", typed)
    want = {"香港理工大學": "香港理工大学", "香港 理工大學": "香港理工大学", "湖南省商務廳": "湖南省商务厅"}[typed]
    page.wait_for_function(f"rckg.network.getSelectedNodes()[0] === 'https://w3id.org/rckg/id/{want}'",
                           timeout=20_000)
    page.click("#reset")


def test_big_network_overview_settles_with_readable_labels_and_a_note(browser_view, tmp_path):
    """Friction 2: a network of 3,000 entities is drawn as its 300 best-connected, labels of the
    hubs readable at the first view (13 px or more on screen), with a note of what is hidden."""
    from exports.html_view import whole_network

    shape = nx.barabasi_albert_graph(3000, 2, seed=3)
    g = nx.Graph()
    g.add_nodes_from((f"n{v}", {"label": f"机构{v}", "type": "GovernmentAgency", "docs": []}) for v in shape)
    g.add_edges_from((f"n{u}", f"n{v}", {"relations": {"partner": {"statuses": {"realized"}, "evidence": []}}})
                     for u, v in shape.edges)
    view_graph, note = whole_network(g)
    _, view = browser_view
    view.page.goto(write_html(view_graph, tmp_path / "overview.html", note=note).as_uri())
    view.wait_until_stable(120_000)
    page = view.page
    assert page.evaluate("rckg.nodes.length") == 300
    assert "Showing the 300 best-connected of 3,000 entities" in page.inner_text("#note")
    hubs = sorted(view_graph, key=lambda n: -view_graph.degree(n))[:10]
    px = page.evaluate(f"{hubs!r}.map(id => rckg.labelPx(id))")
    assert min(px) >= 12.9, px
    assert view.ink() > 0.003


def test_two_thousand_nodes_settle_and_stop_moving(browser_view, tmp_path):
    """A hub-and-spoke network of 2,000 nodes lays out, then physics is off and nothing moves.

    Last in the file: it takes the shared browser page to another file.
    """
    shape = nx.barabasi_albert_graph(2000, 1, seed=3)
    g = nx.Graph()
    g.add_nodes_from((f"n{v}", {"label": f"机构{v}", "type": "GovernmentAgency", "docs": []}) for v in shape)
    g.add_edges_from((f"n{u}", f"n{v}", {"relations": {"partner": {"statuses": {"realized"}, "evidence": []}}})
                     for u, v in shape.edges)
    _, view = browser_view
    view.page.goto(write_html(g, tmp_path / "big.html").as_uri())
    view.wait_until_stable(300_000)
    assert view.console_errors == [] and view.outside_requests == []
    assert view.page.evaluate("rckg.nodes.length") == 2000
    assert view.page.evaluate("rckg.network.physics.options.enabled") is False
    before = view.page.evaluate("rckg.network.getPositions(['n0', 'n1', 'n1999'])")
    view.page.wait_for_timeout(500)
    assert view.page.evaluate("rckg.network.getPositions(['n0', 'n1', 'n1999'])") == before
    assert view.ink() > 0.003
