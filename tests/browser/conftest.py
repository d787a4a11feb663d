"""Real headless Chromium (Debian's /usr/bin/chromium) driven by Playwright, for the explorer page.

Outside CI the browser tests are skipped, with the reason, when Chromium or Playwright is missing;
in CI (``CI=true``) they fail instead. Run ``bash scripts/install-test-deps.sh`` to install Chromium
and the CJK font, and never ``playwright install``: the tests use the system browser only.
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path(os.environ.get("KG_CHROMIUM", "/usr/bin/chromium"))  # KG_CHROMIUM: another Chromium to drive
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
VIEWPORT = {"width": 1400, "height": 900}
SETTLE_TIMEOUT_MS = 90_000


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory):
    """One Chromium with a fresh profile (--user-data-dir) for the session."""
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing; run `bash scripts/install-test-deps.sh` to install Debian's chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is missing; run `pip install -e '.[test]'`")
    pw = sync_playwright().start()
    try:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")), executable_path=str(CHROMIUM), args=CHROMIUM_ARGS,
            headless=True, viewport=VIEWPORT, locale="zh-CN")
    except Exception:
        pw.stop()
        raise
    yield context
    context.close()
    pw.stop()


@dataclass
class Opened:
    """A page opened from a file, with everything it did."""

    page: object
    url: str
    folder: Path
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        """No console error, uncaught exception or dialog, and no request but the page file itself."""
        assert self.console_errors == []
        assert self.page_errors == []
        assert self.dialogs == []
        assert [u for u in self.requests if u != self.url and not u.startswith("data:")] == []

    def screenshot(self, name: str) -> Path:
        path = self.folder / f"{name}.png"
        self.page.screenshot(path=str(path))
        assert path.stat().st_size > 10_000
        return path

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def hover_tooltip(self, node_id: str) -> str:
        """Rest the mouse on a node until vis-network shows its tooltip; the tooltip's text.

        A real pointer moves many times; the tests move it a few times, a pixel apart, in case
        vis-network missed one event while it was still redrawing.
        """
        tooltip = self.page.locator("div.vis-tooltip")
        for attempt in range(5):
            x, y = self.node_point(node_id)
            self.page.mouse.move(x + attempt % 2, y + attempt // 2, steps=2)
            try:
                tooltip.wait_for(state="visible", timeout=2000)
                return tooltip.inner_text()
            except Exception:  # noqa: BLE001 - playwright's TimeoutError; try again
                continue
        raise AssertionError(f"no tooltip appeared over node {node_id}")

    def node_point(self, node_id: str) -> tuple[float, float]:
        """Where a node is drawn, in page coordinates."""
        x, y = self.js("""id => {
            const net = kgExplorer.network, p = net.canvasToDOM(net.getPositions([id])[id]);
            const r = document.querySelector('#kg-graph canvas').getBoundingClientRect();
            return [r.left + p.x, r.top + p.y];
        }""", node_id)
        return x, y


@pytest.fixture
def open_page(browser_context, tmp_path):
    """Write HTML to a file under the test's temporary folder, open it, and wait until the layout settles."""
    pages = []

    def _open(html: str, name: str = "page") -> Opened:
        path = tmp_path / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        page = browser_context.new_page()
        pages.append(page)
        opened = Opened(page=page, url=path.as_uri(), folder=tmp_path)
        page.on("console", lambda m: opened.console_errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: opened.page_errors.append(str(e)))
        page.on("request", lambda r: opened.requests.append(r.url))

        def on_dialog(dialog):
            opened.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(opened.url)
        page.wait_for_selector("html[data-settled]", state="attached", timeout=SETTLE_TIMEOUT_MS)
        return opened

    yield _open
    for page in pages:
        page.close()


@pytest.fixture(scope="session")
def synthetic_graph():
    """The bench's news-like graph generator (bench/bench_viz.py): ``synthetic_graph(n_nodes, seed)``."""
    spec = importlib.util.spec_from_file_location("bench_viz", ROOT / "bench" / "bench_viz.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.synthetic_graph
