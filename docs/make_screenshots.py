"""Regenerate the screenshots in docs/ from a built graph (needs Playwright and Chromium).

    python -m kg build ../shared/corpus -g /tmp/v-corpus
    python docs/make_screenshots.py /tmp/v-corpus

The picture of `kg serve` (docs/screenshot-serve.png, on the example corpus) is taken by its
browser test:

    RCKG_SCREENSHOTS=1 python -m pytest -q tests/kg/web/test_explorer.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import kg  # noqa: E402
from exports.headless import open_view  # noqa: E402
from exports.html_view import write_html  # noqa: E402
from kg.network import to_networkx  # noqa: E402
from kg.subgraph import find_node, select  # noqa: E402

DOCS = Path(__file__).resolve().parent


def shoot(html: Path, png: Path, hover=None, size=(1600, 1000)):
    with open_view(html, width=size[0], height=size[1]) as view:
        assert not view.console_errors and not view.outside_requests
        if hover is not None:
            x, y = view.page.evaluate("""(id) => { const n = rckg.network;
                const p = n.canvasToDOM(n.getPosition(id)); const r = n.canvas.frame.getBoundingClientRect();
                return [p.x + r.left, p.y + r.top]; }""", hover)
            view.page.mouse.move(x, y)
            view.page.locator("div.vis-tooltip").wait_for(state="visible")
        view.page.wait_for_timeout(300)
        view.page.screenshot(path=str(png))


def main(graph: str, focus: str = "湖南省商务厅", depth: int = 2):
    g = to_networkx(kg.open_graph(graph))
    out = Path("/tmp")
    shoot(write_html(select(g), out / "rckg-corpus.html"), DOCS / "screenshot-corpus.png", size=(1800, 1150))
    node = find_node(g, focus)
    view = select(g, focus=node, depth=depth)
    page = write_html(view, out / "rckg-focus.html", focus=node,
                      title=f"rckg — {g.nodes[node]['label']} ({depth} steps)")
    shoot(page, DOCS / "screenshot-focus.png", hover=node, size=(1280, 820))


if __name__ == "__main__":
    main(*sys.argv[1:2])
