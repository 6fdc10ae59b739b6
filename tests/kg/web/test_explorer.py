"""The explorer page in a real headless Chromium, served by uvicorn on 127.0.0.1: search in
simplified and traditional spelling, the neighbourhood drawn, a click expands, the side
panel shows evidence with a link to the document, filters redraw and re-fit, downloads are
what is on screen, and the query page runs the cookbook. Nothing outside the local server
is reached. The suite's last step photographs the explorer for the README."""
import os
import shutil
import socket
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
import pytest

CITYU = "https://w3id.org/rckg/id/香港城市大学"
HKTDC = "https://w3id.org/rckg/id/香港贸易发展局"
BUREAU = "https://w3id.org/rckg/id/湖南省商务厅"
YUEYANG = "https://w3id.org/rckg/id/中国(湖南)自由贸易试验区岳阳片区"
FTZ = "https://w3id.org/rckg/id/中国(湖南)自由贸易试验区"
CHENZHOU = "https://w3id.org/rckg/id/中国(湖南)自由贸易试验区郴州片区"
DOCS = Path(__file__).resolve().parents[3] / "docs"


@contextmanager
def running(graph):
    """uvicorn serving `graph` on a free loopback port, in a thread, for the duration of the block."""
    import uvicorn

    from kg.web import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(graph), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not srv.started:
            assert time.monotonic() < deadline and thread.is_alive(), "uvicorn did not start"
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module")
def server(example_graph):
    with running(example_graph) as url:
        yield url


@pytest.fixture(scope="module")
def view(server):
    pytest.importorskip("playwright", reason="Playwright's Python package is not installed (the test extra)")
    from exports.headless import chromium_path, open_view

    if chromium_path() is None:
        pytest.skip("no Chromium browser here (/usr/bin/chromium or $RCKG_CHROMIUM); Debian: apt-get install chromium")
    with open_view(server + "/", width=1500, height=900, wait=False, allow=(server + "/",)) as v:
        v.page.wait_for_function("window.rckg && rckg.ready === true", timeout=30_000)
        yield v


def search(page, typed: str, expected: str):
    """Type into the search box, take the first suggestion, wait until it is drawn and described."""
    page.fill("#search", "")
    page.type("#search", typed)
    first = page.locator("#suggestions li[data-iri]").first
    first.wait_for(timeout=20_000)
    assert first.get_attribute("data-iri") == expected
    page.keyboard.press("Enter")
    settled(page, expected)


def settled(page, iri: str):
    page.wait_for_function("(iri) => rckg.card && rckg.card.iri === iri && rckg.busy === 0 && rckg.stable",
                           arg=iri, timeout=30_000)


def screen_position(page, node: str):
    return page.evaluate("""(id) => { const n = rckg.network; const p = n.canvasToDOM(n.getPosition(id));
        const r = n.canvas.frame.getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }""", node)


def all_in_view(page) -> bool:
    return page.evaluate("""() => { const n = rckg.network, r = n.canvas.frame.getBoundingClientRect();
        return rckg.nodes.getIds().every((id) => { const p = n.canvasToDOM(n.getPosition(id));
            return p.x >= 0 && p.y >= 0 && p.x <= r.width && p.y <= r.height; }); }""")


def test_page_loads_offline_with_its_filters(view):
    page = view.page
    assert view.console_errors == [] and view.outside_requests == []
    types = page.eval_on_selector_all("#f-types input", "els => els.map(e => e.value)")
    assert {"University", "Region", "GovernmentAgency"} <= set(types)
    regions = page.eval_on_selector_all("#f-region option", "els => els.map(e => e.value)")
    assert {"湖南", "香港"} <= set(regions)


@pytest.mark.parametrize("typed", ["香港城市大學", "香港城市大学"])
def test_search_in_either_spelling_draws_the_neighbourhood_and_the_panel(view, typed):
    page = view.page
    search(page, typed, CITYU)
    assert page.inner_text("#p-name") == "香港城市大学"
    drawn = page.evaluate("rckg.nodes.getIds()")
    assert CITYU in drawn and len(drawn) >= 2 and page.evaluate("rckg.edges.length") >= 1
    assert page.evaluate("rckg.labelPx") >= 12          # labels readable at the first view
    assert all_in_view(page)
    assert view.console_errors == []


def test_side_panel_shows_partners_with_evidence_and_a_link_to_the_document(view, server):
    page = view.page
    search(page, "香港貿易發展局", HKTDC)
    rows = page.locator("#partners tbody tr")
    assert rows.count() == page.evaluate("rckg.partners.length") > 0
    first = page.evaluate("rckg.shownRows[0]")
    cell = rows.first.inner_text()
    assert first["partner"] in cell and first["sentence"] in cell and first["status"] in cell
    link = rows.first.locator("a.doc")
    assert (first["title"] or first["doc"]) in link.inner_text()
    href = link.get_attribute("href")
    assert href.startswith("/doc/")
    doc = page.context.new_page()
    try:
        doc.goto(server + href)
        assert doc.inner_text("mark.hit") == first["sentence"]
        assert doc.inner_text("h1") == (first["title"] or first["doc"])
    finally:
        doc.close()


def test_a_link_can_name_the_entity_to_start_from(view, server):
    page = view.page.context.new_page()
    try:
        page.goto(server + "/?entity=" + "香港城市大學")
        settled(page, CITYU)
        assert page.inner_text("#p-name") == "香港城市大学"
    finally:
        page.close()


def test_clicking_a_node_expands_it(view):
    page = view.page
    search(page, "香港贸易发展局", HKTDC)
    before = set(page.evaluate("rckg.nodes.getIds()"))
    assert YUEYANG in before and FTZ not in before
    x, y = screen_position(page, YUEYANG)
    page.mouse.click(x, y)
    settled(page, YUEYANG)
    after = set(page.evaluate("rckg.nodes.getIds()"))
    assert before | {FTZ} <= after                           # the zone's neighbours joined
    assert page.evaluate("[...rckg.expanded]") == [HKTDC, YUEYANG]
    assert page.inner_text("#p-name") == "中国(湖南)自由贸易试验区岳阳片区"
    assert all_in_view(page)


def test_filters_status_and_region_of_either_side_redraw_and_refit(view):
    page = view.page
    search(page, "香港贸易发展局", HKTDC)
    page.click("#f-reset")
    page.select_option("#f-status", "planned")
    page.wait_for_function("rckg.stable && rckg.edges.get().every(e => e.dashes)", timeout=20_000)
    planned_rows = page.evaluate("rckg.shownRows.map(r => r.status)")
    assert planned_rows and set(planned_rows) == {"planned"}
    page.select_option("#f-status", "")
    page.select_option("#f-region", "湖南")
    page.wait_for_function("rckg.stable", timeout=20_000)
    drawn = page.evaluate("rckg.edges.get().map(e => [e.from, e.to])")
    places = page.evaluate("Object.fromEntries([...rckg.graph.nodes.values()].map(n => [n.id, n.places]))")
    assert drawn and all("湖南" in places[a] or "湖南" in places[b] for a, b in drawn)
    assert HKTDC in page.evaluate("rckg.nodes.getIds()")    # a Hong Kong body with Hunan partners stays
    assert all_in_view(page)
    page.check("#f-hide-regions")
    page.wait_for_function("rckg.stable", timeout=20_000)
    assert "Region" not in page.evaluate("rckg.nodes.getIds().map(id => rckg.graph.nodes.get(id).type)")
    page.click("#f-reset")
    page.wait_for_function("rckg.stable", timeout=20_000)


def test_downloads_are_what_is_on_screen(view, tmp_path):
    page = view.page
    search(page, "香港贸易发展局", HKTDC)

    def download(button):
        with page.expect_download(timeout=20_000) as d:
            page.click(button)
        return Path(d.value.path()).read_bytes(), d.value.suggested_filename

    data, name = download("#dl-csv")
    assert name == "香港贸易发展局-partners.csv" and data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert all(r["sentence"] in text for r in page.evaluate("rckg.shownRows"))
    png, _ = download("#dl-png")
    assert png.startswith(b"\x89PNG")
    ttl, _ = download("#dl-ttl")
    subjects = {t.subject.value for t in ox.parse(ttl, format=ox.RdfFormat.TURTLE)}
    assert set(page.evaluate("rckg.nodes.getIds()")) <= subjects
    xlsx, name = download("#dl-xlsx")
    assert name.endswith(".xlsx") and xlsx.startswith(b"PK")


def test_query_page_runs_a_cookbook_query(view, server):
    page = view.page.context.new_page()
    try:
        page.goto(server + "/query")
        page.wait_for_function("window.rckgQuery && rckgQuery.ready", timeout=20_000)
        page.click("#q-partners-of")
        page.wait_for_function("rckgQuery.done > 0", timeout=20_000)
        assert page.inner_text("#error") == ""
        assert "长沙理工大学" in page.inner_text("#results")
        page.fill("#sparql", "DELETE WHERE { ?s ?p ?o }")
        page.click("#run")
        page.wait_for_function("rckgQuery.done > 1", timeout=20_000)
        assert "read-only" in page.inner_text("#error")
    finally:
        page.close()
    assert view.outside_requests == []


def test_type_and_date_filters(view):
    page = view.page
    search(page, "香港贸易发展局", HKTDC)
    page.click("#f-reset")
    page.uncheck("#f-types input[value=Agreement]")
    page.wait_for_function("rckg.stable", timeout=20_000)
    types = page.evaluate("rckg.nodes.getIds().map(id => rckg.graph.nodes.get(id).type)")
    assert types and "Agreement" not in types
    dates = sorted({r["date"] for r in page.evaluate("rckg.partners") if r["date"]})
    assert len(dates) > 1                                     # the example has partners of two dates
    page.fill("#f-since", dates[-1])
    page.dispatch_event("#f-since", "change")
    page.wait_for_function("rckg.stable", timeout=20_000)
    shown = page.evaluate("rckg.shownRows")
    assert shown and all(r["date"] >= dates[-1] for r in shown)
    evidence = page.evaluate("rckg.edges.getIds().flatMap(id => rckg.graph.edges.get(id).relations)"
                             ".flatMap(r => r.evidence).map(ev => ev.date)")
    assert any(d and d >= dates[-1] for d in evidence)
    page.click("#f-reset")
    page.wait_for_function("rckg.stable", timeout=20_000)


def shoot(page, png: Path, start: str, expand: list[str]):
    """Search `start`, click the nodes labelled `expand` one after the other, photograph the page."""
    page.click("#f-reset")
    iri = page.evaluate("(q) => fetch('/api/search?q=' + encodeURIComponent(q)).then(r => r.json())"
                        ".then(h => h[0].iri)", start)
    search(page, start, iri)
    for label in expand:
        node = page.evaluate("(l) => [...rckg.graph.nodes.values()].find(n => n.label === l).id", label)
        x, y = screen_position(page, node)
        page.mouse.click(x, y)
        settled(page, node)
    page.mouse.move(5, 5)
    page.evaluate("document.querySelectorAll('div.vis-tooltip').forEach(t => t.style.visibility = 'hidden')")
    page.screenshot(path=str(png))


def test_screenshot_of_the_explorer(view, tmp_path):
    """The README's picture of `kg serve`, on the example corpus (texts written for this
    project, so the evidence on screen may be published). Written to docs/ only when
    RCKG_SCREENSHOTS is set, so a test run leaves the work tree as it was."""
    png = tmp_path / "screenshot-serve.png"
    shoot(view.page, png, "中國(湖南)自由貿易試驗區", ["中国(湖南)自由贸易试验区郴州片区",
                                                       "中国(湖南)自由贸易试验区岳阳片区"])
    assert view.ink() > 0.003 and png.stat().st_size > 20_000
    assert view.console_errors == [] and view.outside_requests == []
    if os.environ.get("RCKG_SCREENSHOTS"):
        shutil.copyfile(png, DOCS / "screenshot-serve.png")
