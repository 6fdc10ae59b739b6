"""Open an HTML view in the local headless Chromium, cut off from the network.

Used by the browser tests, the benchmark (`bench/bench_viz.py`) and the screenshots in
`docs/`, so all three look at the page the same way. Needs Playwright's Python package
(the `test` extra) and a Chromium on the machine (Debian's `/usr/bin/chromium`, or
`$RCKG_CHROMIUM`); nothing is downloaded. Every request that is not `file:` or `data:` is
refused and recorded, so a page that reaches out is caught, not served. For example:

    with open_view("rckg-data/graph.html") as view:   # waits until the layout has settled
        view.page.evaluate("rckg.nodes.length"), view.outside_requests, view.console_errors
        view.page.screenshot(path="graph.png")
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["LAUNCH_ARGS", "chromium_path", "open_view", "View", "canvas_ink"]

LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Share of the canvas's pixels that are not background: 0 for a blank drawing.
_INK = """() => {
  const c = document.querySelector('#canvas canvas');
  const ctx = c.getContext('2d');
  const d = ctx.getImageData(0, 0, c.width, c.height).data;
  let ink = 0;
  for (let i = 0; i < d.length; i += 4) {
    if (d[i + 3] > 0 && (d[i] < 235 || d[i + 1] < 235 || d[i + 2] < 235)) ink++;
  }
  return ink / (c.width * c.height);
}"""


def chromium_path() -> str | None:
    """The Chromium to drive: `$RCKG_CHROMIUM`, else Debian's, else any `chromium` on PATH."""
    for candidate in (os.environ.get("RCKG_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@dataclass
class View:
    page: object
    console_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    allowed: list[str] = field(default_factory=list)     # URL prefixes the page may reach besides files

    def wait_until_stable(self, timeout_ms: float = 120_000):
        """Wait until the layout has settled and physics is off (the page sets `rckg.stable`)."""
        self.page.wait_for_function("window.rckg && window.rckg.stable === true", timeout=timeout_ms)

    def ink(self) -> float:
        return canvas_ink(self.page)


def canvas_ink(page) -> float:
    """Share of the network canvas that is drawn on (not near-white)."""
    return page.evaluate(_INK)


@contextmanager
def open_view(html_path, *, width: int = 1600, height: int = 1000, wait: bool = True,
              timeout_ms: float = 120_000, allow: tuple[str, ...] = ()):
    """Load `html_path` (a file, or an `http://127.0.0.1…` URL) in headless Chromium and yield
    a `View` (page, errors, refused requests). `allow` lists URL prefixes the page may also
    reach, such as the local server that serves it."""
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    if exe is None:
        raise RuntimeError("no Chromium found (install Debian's chromium or set RCKG_CHROMIUM)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exe, args=LAUNCH_ARGS)
        try:
            context = browser.new_context(viewport={"width": width, "height": height},
                                          device_scale_factor=1, service_workers="block")
            view = View(context.new_page(), allowed=list(allow))

            def guard(route):
                url = route.request.url
                if url.startswith(("file:", "data:", "blob:", *view.allowed)):
                    route.continue_()
                else:
                    view.outside_requests.append(url)
                    route.abort()

            context.route("**/*", guard)
            view.page.on("console", lambda m: m.type == "error" and view.console_errors.append(m.text))
            view.page.on("pageerror", lambda e: view.console_errors.append(str(e)))
            local = str(html_path).startswith("http://")
            view.page.goto(str(html_path) if local else Path(html_path).resolve().as_uri())
            if wait:
                view.wait_until_stable(timeout_ms)
            yield view
        finally:
            browser.close()
