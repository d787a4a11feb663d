"""The command line: help for every command, and what `kg build` writes and returns."""
from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def _commands(group: click.Group, prefix=()):
    for name, command in sorted(group.commands.items()):
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from _commands(command, (*prefix, name))


@pytest.mark.parametrize(("path", "command"), list(_commands(cli)), ids=lambda x: " ".join(x) if isinstance(x, tuple) else "")
def test_every_command_has_help(path, command):
    assert command.help and command.help.strip()
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Usage:" in result.output


def test_build_writes_exports_and_a_summary(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "graph.ttl").is_file()
    assert (tmp_path / "graph.html").is_file()
    assert "1 articles" in result.output
    assert "9 Person" in result.output


def test_build_writes_only_the_formats_asked_for(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "--out", str(tmp_path), "--no-cache",
                                      "--formats", "turtle,gexf"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.gexf", "graph.ttl"]


def test_build_rejects_an_unknown_format(tmp_path):
    result = CliRunner().invoke(cli, ["build", str(ROOT / "seeds"), "--out", str(tmp_path), "--formats", "ttl"])
    assert result.exit_code == 2
    assert "unknown format ttl" in result.output
    assert not tmp_path.exists() or not any(tmp_path.iterdir())


def test_a_build_that_reads_no_article_leaves_earlier_exports_alone(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("earlier", encoding="utf-8")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    for source in (tmp_path / "missing", tmp_path / "in"):
        result = CliRunner().invoke(cli, ["build", str(source), "--out", str(out)])
        assert result.exit_code == 1
        assert f"no article could be read from {source}" in result.output
        assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]
        assert (out / "graph.ttl").read_text(encoding="utf-8") == "earlier"


def test_build_reports_skipped_files_in_its_exit_status(tmp_path):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text("开封市总工会副主席刘晓梅：我们将做好服务，让职工满意。", encoding="utf-8")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    assert result.exit_code == 3
    assert "empty.txt" in result.output
    assert "skipped files: 1" in result.output
    assert "刘晓梅" in (tmp_path / "out" / "graph.ttl").read_text(encoding="utf-8")
