"""The explorer page that ``kg build`` writes for the hostile corpus, in real headless Chromium.

tests/browser/test_explorer.py covers hostile text put into graphs by hand; this test takes the page
the command line wrote for the hostile corpus (file names with ``<>``, quotes, a newline and an
emoji, JSONL titles and authors with markup, a ``javascript:`` URL) and checks that it stays inert:
no dialog, no script error, no request, no element made from article text, and every document's
title, source and author shown literally.

Playwright's sync API runs one event loop per process and tests/browser keeps its own open for the
whole session, so the browser is driven from a child process here.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from reliability_support import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = pytest.mark.browser

# argv: page file, profile folder, JSON list of node ids. Prints JSON: events and each node's panel.
DRIVER = r"""
import json, sys
from playwright.sync_api import sync_playwright
page_file, profile, nodes = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
args = json.loads(sys.argv[4])
events, panels = [], {}
with sync_playwright() as pw:
    context = pw.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium", args=args,
                                                    headless=True)
    page = context.new_page()
    url = "file://" + page_file
    page.on("dialog", lambda d: (events.append("dialog " + d.message), d.dismiss()))
    page.on("pageerror", lambda e: events.append("error " + str(e)))
    page.on("console", lambda m: events.append("console " + m.text) if m.type == "error" else None)
    page.on("request", lambda r: events.append("request " + r.url)
            if r.url != url and not r.url.startswith("data:") else None)
    page.goto(url)
    page.wait_for_selector("html[data-settled]", state="attached", timeout=90000)
    for node in nodes:
        page.evaluate("id => kgExplorer.select(id)", node)
        panels[node] = {"title": page.locator("#kg-panel-title").text_content(),
                        "fields": page.locator("#kg-panel .kg-field").all_text_contents()}
    elements = page.evaluate("document.querySelectorAll('img, iframe, object, embed, a[href^=javascript]').length")
    scripts = page.evaluate("document.scripts.length")
    context.close()
print(json.dumps({"events": events, "panels": panels, "elements": elements, "scripts": scripts}))
"""


def _unavailable(reason: str) -> None:
    if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
        pytest.fail(f"browser tests must run in CI: {reason}")
    pytest.skip(reason)


def test_the_hostile_corpus_page_is_inert_and_shows_every_text_literally(hostile_corpus, tmp_path):
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing; run `bash scripts/install-test-deps.sh`")
    try:
        import playwright  # noqa: F401
    except ImportError:
        _unavailable("the playwright package is missing; run `pip install -e '.[test]'`")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(hostile_corpus.root), "--out", str(out), "--quiet", "--no-cache"])
    assert result.exit_code == 3, result.output
    from kg.pipeline import build

    G = build([g.path for g in hostile_corpus.good])
    docs = {n: d for n, d in G.nodes(data=True) if d["type"] == "Document"}
    assert len(docs) == len(hostile_corpus.texts)

    run = subprocess.run([sys.executable, "-c", DRIVER, str(out / "graph.html"), str(tmp_path / "profile"),
                          json.dumps(sorted(docs)), json.dumps(ARGS)], capture_output=True, text=True, cwd=ROOT,
                         timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    seen = json.loads(run.stdout)
    assert seen["events"] == []
    assert seen["elements"] == 0 and seen["scripts"] == 3
    for node, d in docs.items():
        panel = seen["panels"][node]
        assert panel["title"] == d["label"]
        assert f"来源：{d['source']}" in panel["fields"]
        if d.get("author"):
            assert f"作者：{d['author']}" in panel["fields"]
