"""Hostile inputs: every bad one is named in the report with its reason, every good article reaches the graph,
and the exit status tells a partial build (3) from a clean one (0).

The corpus is written by the tests (conftest.write_hostile_corpus): empty and whitespace-only files,
a PNG and random bytes, invalid UTF-8, GBK, Big5, UTF-16 with a BOM, deeply nested HTML, JSON and
YAML, a JSONL file with malformed lines among good ones, a FIFO, a link to /dev/zero, dangling and
looping links, and file names with spaces, Chinese, quotes, ``<>``, ``#``, ``%``, backslashes, a
newline and an emoji. The 50 MB line, the 10,000 files and the unreadable folder have their own tests.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.ingest import MAX_ARTICLE_CHARS, MAX_FILE_BYTES, document_id, read_file
from kg.pipeline import build_with_report
from reliability_support import (HOSTILE, KG, NAMES, article, documents_and_people, parse_export,
                                 run_kg_unprivileged, unprivileged_prefix)

RDF_EXPORTS = ("graph.ttl", "graph.nt", "graph.jsonld")


def _build(*args: str | Path):
    return CliRunner().invoke(cli, ["build", *map(str, args), "--quiet"], catch_exceptions=False)


@pytest.fixture(scope="module")
def corpus_build(hostile_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("hostile-out")
    result = _build(hostile_corpus.root, "--out", out, "--no-cache")
    return result, out


def test_partial_build_exits_3_and_names_every_bad_input_with_its_reason(hostile_corpus, corpus_build):
    result, _ = corpus_build
    assert result.exit_code == 3, result.output
    for bad in hostile_corpus.bad:
        line = f"skipped {bad.path}: "
        assert line in result.stderr, f"{bad.path} is not reported:\n{result.stderr}"
        reason = result.stderr.split(line, 1)[1].split("\n", 1)[0]
        assert bad.reason in reason, (bad.path, reason)
    assert f"skipped files: {len(hostile_corpus.bad)}" in result.stdout
    # Nothing else was skipped: ignored files (an image, a hidden file) are not reported, good files are not.
    assert result.stderr.count("\nskipped ") + result.stderr.startswith("skipped ") == len(hostile_corpus.bad)


def test_every_good_article_and_what_it_says_lands_in_every_export(hostile_corpus, corpus_build):
    _, out = corpus_build
    expected_docs = {document_id(t) for t in hostile_corpus.texts}
    assert len(expected_docs) == 13
    parsed = {name: parse_export(out / name) for name in RDF_EXPORTS}
    assert parsed["graph.ttl"] == parsed["graph.nt"] == parsed["graph.jsonld"]
    docs, people = documents_and_people(parsed["graph.nt"])
    assert docs == expected_docs
    assert set(hostile_corpus.names) <= people
    assert len(hostile_corpus.names) == 12
    html = (out / "graph.html").read_text(encoding="utf-8")
    for name in hostile_corpus.names:
        assert name in html


def test_hostile_metadata_is_kept_as_literal_text_and_never_enters_an_iri(hostile_corpus, corpus_build):
    _, out = corpus_build
    triples = parse_export(out / "graph.ttl")
    literals = {(t.predicate.value.rsplit("/", 1)[-1], t.object.value) for t in triples
                if not hasattr(t.object, "value") or type(t.object).__name__ == "Literal"}
    assert ("headline", HOSTILE.strip()) in literals
    assert ("author", "作者<script>alert(1)</script>") in literals
    assert ("url", "https://例子.cn/a b?x=\"1\"#frag") in literals
    assert ("url", "javascript:alert(1)") in literals
    assert ("headline", "\ufffd 后面") in literals  # the JSON \ud800 escape
    for t in triples:
        for term in (t.subject, t.predicate, t.object):
            if type(term).__name__ == "NamedNode" and term.value.startswith(KG):
                assert re.fullmatch(r"[A-Za-z0-9_-]+", term.value[len(KG):]), term.value


def test_good_inputs_decode_to_exactly_the_text_written(hostile_corpus):
    for good in hostile_corpus.good:
        docs, _ = read_file(good.path)
        assert [d.text for d in docs] == list(good.texts), good.path
        assert all(d.source == str(good.path) or d.source.startswith(str(good.path) + ":") for d in docs)


def test_metadata_must_be_scalar_and_jsonl_records_survive_line_separators(hostile_corpus):
    docs, skipped = read_file(hostile_corpus.root / "mixed.jsonl")
    assert [d.title for d in docs] == [HOSTILE.strip(), None, "\ufffd 后面"]
    assert [d.date for d in docs] == [None, "2024-05-01", None]
    assert "\u2028" in docs[2].text and "\u0085" in docs[2].text
    assert [s.path.rsplit(":", 1)[1] for s in skipped] == ["2", "5", "7"]
    (expected,) = [g for g in hostile_corpus.good if g.path.name == "alias-bomb.md"]
    bomb, _ = read_file(expected.path)
    assert [(d.title, d.text) for d in bomb] == [(None, expected.texts[0])]


def test_clean_build_exits_0_and_reports_nothing(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i, name in enumerate(NAMES[:3]):
        (src / f"文章 {i}.txt").write_text(article(name, i), encoding="utf-8")
    result = _build(src, "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "skipped" not in result.stderr
    assert "skipped files: 0" in result.stdout
    docs, people = documents_and_people(parse_export(tmp_path / "out" / "graph.nt"))
    assert docs == {document_id(article(n, i)) for i, n in enumerate(NAMES[:3])}
    assert set(NAMES[:3]) <= people


def test_a_path_that_does_not_exist_is_reported_and_the_rest_is_built(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(article(NAMES[0]), encoding="utf-8")
    missing = tmp_path / "不存在" / "nothing here.txt"
    result = _build(good, missing, "--out", tmp_path / "out")
    assert result.exit_code == 3
    assert f"skipped {missing}: no such file or folder" in result.stderr
    assert documents_and_people(parse_export(tmp_path / "out" / "graph.nt"))[0] == {document_id(article(NAMES[0]))}


def test_unsupported_file_type_named_explicitly_is_reported(tmp_path):
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n")
    report = build_with_report([png], workers=1)
    assert [(s.path, s.reason) for s in report.skipped] == [
        (str(png), "unsupported file type '.png'; use one of .txt, .md, .markdown, .html, .htm, .jsonl")]
    assert report.documents == 0


def test_file_names_that_are_not_utf8_are_read_and_reported_printably(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    good = Path(os.fsdecode(bytes(src) + b"/gbk-\xd6\xd0\xce\xc4.txt"))  # 中文 in GBK: not UTF-8
    good.write_text(article(NAMES[1]), encoding="utf-8")
    bad = Path(os.fsdecode(bytes(src) + b"/empty-\xff.txt"))
    bad.write_bytes(b"")
    result = _build(src, "--out", tmp_path / "out")
    assert result.exit_code == 3, result.output
    assert f"skipped {src}/empty-\\xff.txt: the file is empty" in result.stderr
    docs, people = documents_and_people(parse_export(tmp_path / "out" / "graph.nt"))
    assert docs == {document_id(article(NAMES[1]))} and NAMES[1] in people
    (doc,), _ = read_file(good)
    assert doc.source == f"{src}/gbk-\\xd6\\xd0\\xce\\xc4.txt"


@pytest.mark.slow
def test_a_single_50_mb_line_is_reported_as_too_large_without_losing_its_neighbours(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    line = "测" * (50 * 2**20 // 3)  # 50 MiB of UTF-8 on one line
    (src / "one-line.txt").write_text(line, encoding="utf-8")
    good = [article(n, i) for i, n in enumerate(NAMES[:2])]
    records = [json.dumps({"text": good[0]}, ensure_ascii=False), json.dumps({"text": line}, ensure_ascii=False),
               json.dumps({"text": good[1]}, ensure_ascii=False)]
    (src / "big.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    with open(src / "sparse.html", "wb") as f:  # a file larger than MAX_FILE_BYTES, sparse: instant, no disk
        f.truncate(MAX_FILE_BYTES + 1)
    del line, records
    report = build_with_report([src], workers=1)
    chars = 50 * 2**20 // 3
    assert sorted((s.path, s.reason) for s in report.skipped) == [
        (f"{src}/big.jsonl:2", f"the article has {chars:,} characters (with its metadata); at most "
                               f"{MAX_ARTICLE_CHARS:,} are read per article (split it into several articles)"),
        (f"{src}/one-line.txt", f"the article has {chars:,} characters (with its metadata); at most "
                                f"{MAX_ARTICLE_CHARS:,} are read per article (split it into several articles)"),
        (f"{src}/sparse.html", "the file is 64.0 MiB; files over 64 MiB are not read (split it, or put one "
                               "article per line in a .jsonl file)"),
    ]
    assert {n for n, t in report.graph.nodes(data="type") if t == "Document"} == {document_id(t) for t in good}


@pytest.mark.slow
def test_ten_thousand_tiny_files_all_land_in_the_graph(tmp_path):
    src = tmp_path / "many"
    src.mkdir()
    texts = [f"第{i}号：{NAMES[i % len(NAMES)]}说好。" for i in range(10_000)]
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
    for i, text in enumerate(texts):
        fd = os.open(src / f"{i:05d} 篇.txt", flags, 0o644)
        os.write(fd, text.encode("utf-8"))
        os.close(fd)
    report = build_with_report([src], cache_dir=tmp_path / "cache")
    assert report.skipped == []
    assert report.documents == 10_000
    assert {n for n, t in report.graph.nodes(data="type") if t == "Document"} == {document_id(t) for t in texts}


# --- unreadable folders and files ------------------------------------------------------------------

def _unreadable_layout(base: Path) -> dict[str, Path]:
    """A readable folder with one good article, a locked folder, a readable folder with a locked
    sub-folder, and a locked file; returns the paths (locking is the caller's job)."""
    paths = {"good": base / "in" / "good.txt", "locked": base / "in" / "locked",
             "nested": base / "in" / "open" / "closed", "file": base / "in" / "secret.txt"}
    for p in paths.values():
        p.parent.mkdir(parents=True, exist_ok=True)
    paths["good"].write_text(article(NAMES[2]), encoding="utf-8")
    for folder in ("locked", "nested"):
        paths[folder].mkdir()
        (paths[folder] / "hidden-from-us.txt").write_text(article(NAMES[3]), encoding="utf-8")
    paths["file"].write_text(article(NAMES[4]), encoding="utf-8")
    return paths


def _expected_unreadable(paths: dict[str, Path]) -> dict[str, str]:
    return {str(paths["locked"]): "folder cannot be read (Permission denied)",
            str(paths["nested"]): "folder cannot be read (Permission denied)",
            str(paths["file"]): "cannot read (Permission denied); check the path and its permissions",
            str(paths["locked"] / "hidden-from-us.txt"): "cannot be read (Permission denied)"}


def test_unreadable_folders_and_files_are_reported_and_the_rest_is_built(tmp_path, locked):
    """chmod 000 on two folders and a file. As root (CI) permission bits do not stop reads, so there the
    build runs without CAP_DAC_OVERRIDE (setpriv); skipped, with the reason, only if that is impossible."""
    prefix, why = unprivileged_prefix()
    if prefix is None:
        pytest.skip(why)
    paths = _unreadable_layout(tmp_path)
    for p in (paths["locked"], paths["nested"], paths["file"]):
        locked(p, 0)
    result = run_kg_unprivileged(prefix, "build", tmp_path / "in", paths["locked"] / "hidden-from-us.txt",
                                 "--out", tmp_path / "out", "--quiet")
    assert result.returncode == 3, result.stderr
    for path, reason in _expected_unreadable(paths).items():
        assert f"skipped {path}: {reason}" in result.stderr, result.stderr
    docs, people = documents_and_people(parse_export(tmp_path / "out" / "graph.nt"))
    assert docs == {document_id(article(NAMES[2]))}
    assert NAMES[2] in people
