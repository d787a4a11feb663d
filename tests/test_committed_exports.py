"""The exports committed in exports/ are exactly what a fresh build of seeds/ writes."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parents[1]
EXPORTS = ROOT / "exports"
FILES = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "graph.gexf", "graph.html")


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)  # `make build` runs `kg build seeds` here; the page shows each article's path as given
        result = CliRunner().invoke(cli, ["build", "seeds", "--out", str(out), "--no-cache", "--quiet"])
    assert result.exit_code == 0, result.output
    return out


@pytest.mark.parametrize("name", FILES)
def test_fresh_build_reproduces_the_committed_export(fresh, name):
    committed = EXPORTS / name
    assert committed.is_file(), f"{committed} is missing: run `make build` and commit exports/"
    assert (fresh / name).read_bytes() == committed.read_bytes(), (
        f"{name} differs from a fresh build of seeds/: run `make build` and commit exports/")
