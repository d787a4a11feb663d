"""Builds are the same graph whatever the worker count, input order or cache state; rebuilds are incremental."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import pipeline
from kg.cli import cli
from kg.errors import KgError
from kg.ingest import document_id
from kg.pipeline import Progress, build_with_report
from kg.progress import ProgressBar

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_d1f69c5291068c9f.txt"

ARTICLES = {
    "a.txt": "开封市总工会副主席刘晓梅说：“我们将做好服务，让职工满意。”全国劳动模范、郑州煤矿机械集团股份有限公司"
             "高级技师王建国表示，要把技术传给年轻人。",
    "b.txt": "河南省总工会主席张志强在会上指出，要关心一线职工。全国五一劳动奖章获得者、中国一重集团有限公司焊工李会东说："
             "“我要多带徒弟。”",
    "c.txt": "洛阳市总工会副主席刘晓梅表示，将继续推进职工服务。郑州煤矿机械集团股份有限公司高级技师王建国说："
             "“创新没有止境。”",
}


def write_articles(folder: Path, names=tuple(ARTICLES)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
    shutil.copy(SEED, folder / SEED.name)
    return folder


def graph_state(G):
    """Nodes and edges with their data, in the graph's own order (exports iterate in this order)."""
    return list(G.nodes(data=True)), list(G.edges(keys=True, data=True))


def labels(G, type_):
    return sorted(d["label"] for _, d in G.nodes(data=True) if d["type"] == type_)


@pytest.fixture
def small_chunks(monkeypatch):
    """Two or three articles per chunk, so that even this small input goes through the process pool."""
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 100)


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The sequential, uncached build of the seed and the three articles."""
    folder = write_articles(tmp_path_factory.mktemp("ref") / "in")
    report = build_with_report([folder], workers=1)
    return folder, report


def test_reference_build_links_across_articles(reference):
    _, report = reference
    assert report.documents == 4 and report.cached == 0 and report.skipped == []
    G = report.graph
    assert {"王建国", "李会东", "张志强"} <= set(labels(G, "Person"))
    assert labels(G, "Person").count("刘晓梅") == 2  # two people: the same name in unrelated unions
    wang = next(n for n, d in G.nodes(data=True) if d["label"] == "王建国")
    quoted_in = {d["doc"] for _, _, d in G.out_edges(wang, data=True) if d["predicate"] == "quote"}
    assert quoted_in == {document_id(ARTICLES["a.txt"]), document_id(ARTICLES["c.txt"])}


def test_two_workers_build_the_same_graph(reference, small_chunks):
    folder, ref = reference
    report = build_with_report([folder], workers=2)
    assert report.workers == 2
    assert graph_state(report.graph) == graph_state(ref.graph)


def test_a_build_pauses_the_garbage_collector_and_leaves_it_on(reference, small_chunks):
    import gc

    folder, ref = reference
    collecting = []
    report = build_with_report([folder], lambda _: collecting.append(gc.isenabled()), workers=2)
    assert collecting and not any(collecting)  # its records hold no cycles (kg.collector)
    assert gc.isenabled()
    assert graph_state(report.graph) == graph_state(ref.graph)


def test_a_paused_build_frees_what_reading_each_file_leaves(reference, monkeypatch):
    import weakref

    folder, ref = reference

    class Cycle:
        """Garbage only the collector frees, as charset_normalizer leaves when it decodes GBK."""

    left = weakref.WeakSet()
    real = pipeline.read_file

    def leaky_read(path):
        cycle = Cycle()
        cycle.me = cycle
        left.add(cycle)
        return real(path)

    monkeypatch.setattr(pipeline, "read_file", leaky_read)
    uncollected = []
    report = build_with_report([folder], lambda _: uncollected.append(len(left)), workers=1)
    assert max(uncollected) == 1  # only the file just read: each earlier file's was swept
    assert graph_state(report.graph) == graph_state(ref.graph)


def test_input_order_does_not_matter(reference, tmp_path):
    folder, ref = reference
    files = sorted(folder.iterdir())
    report = build_with_report(list(reversed(files)), workers=1)
    assert graph_state(report.graph) == graph_state(ref.graph)


def test_the_exports_are_byte_identical_across_worker_counts_and_cache_states(reference, tmp_path, small_chunks):
    from kg.export import render

    folder, ref = reference
    expected = render(ref.graph, ("turtle", "ntriples"))
    cache = tmp_path / "cache"
    for workers in (2, 1, 2):
        G = build_with_report([folder], workers=workers, cache_dir=cache).graph
        assert render(G, ("turtle", "ntriples")) == expected


def test_a_rebuild_reads_everything_from_the_cache(reference, tmp_path):
    folder, ref = reference
    cache = tmp_path / "cache"
    first = build_with_report([folder], workers=1, cache_dir=cache)
    second = build_with_report([folder], workers=1, cache_dir=cache)
    assert (first.cached, second.cached, second.documents) == (0, 4, 4)
    assert graph_state(second.graph) == graph_state(ref.graph)


def test_adding_an_article_analyzes_only_that_article(tmp_path, monkeypatch):
    folder = write_articles(tmp_path / "in", names=("a.txt", "b.txt"))
    cache = tmp_path / "cache"
    build_with_report([folder], workers=1, cache_dir=cache)
    analyzed = []
    real = pipeline.analyze
    monkeypatch.setattr(pipeline, "analyze", lambda doc, rec=None: analyzed.append(doc.source) or real(doc, rec))
    (folder / "c.txt").write_text(ARTICLES["c.txt"], encoding="utf-8")
    report = build_with_report([folder], workers=1, cache_dir=cache)
    assert analyzed == [str(folder / "c.txt")]
    assert (report.documents, report.cached) == (4, 3)
    assert "洛阳市总工会" in labels(report.graph, "Organization")


def test_a_cached_build_sends_its_first_new_articles_to_a_helper_and_a_big_job_to_the_pool(tmp_path, monkeypatch):
    folder = write_articles(tmp_path / "in", names=("a.txt", "b.txt"))
    cache = tmp_path / "cache"
    build_with_report([folder], workers=2, cache_dir=cache)
    sent = []
    real = pipeline._EarlyMisses.send
    monkeypatch.setattr(pipeline._EarlyMisses, "send", lambda self: sent.extend(self.pending) or real(self))
    (folder / "c.txt").write_text(ARTICLES["c.txt"], encoding="utf-8")
    helped = pipeline.can_fork()  # not while another test's thread runs: then the pool takes every article
    report = build_with_report([folder], workers=2, cache_dir=cache)
    assert [doc.source for doc in sent] == ([str(folder / "c.txt")] if helped else [])
    assert (report.documents, report.cached) == (4, 3)
    assert graph_state(report.graph) == graph_state(build_with_report([folder], workers=1).graph)
    sent.clear()
    monkeypatch.setattr(pipeline, "EARLY_CHARS", 0)  # every new article is a big job's
    (folder / "d.txt").write_text(ARTICLES["c.txt"].replace("洛阳", "开封"), encoding="utf-8")
    report = build_with_report([folder], workers=2, cache_dir=cache)
    assert sent == [] and (report.documents, report.cached) == (5, 4)
    assert graph_state(report.graph) == graph_state(build_with_report([folder], workers=1).graph)


def test_a_rebuild_with_every_article_cached_loads_no_recognizer(reference, tmp_path, monkeypatch):
    folder, ref = reference
    cache = tmp_path / "cache"
    build_with_report([folder], workers=1, cache_dir=cache)
    loaded = []
    real = pipeline.default_recognizer
    monkeypatch.setattr(pipeline, "default_recognizer", lambda *a: loaded.append(a) or real(*a))
    for workers in (1, 2):
        report = build_with_report([folder], workers=workers, cache_dir=cache)
        assert (report.cached, loaded) == (4, [])
        assert graph_state(report.graph) == graph_state(ref.graph)
    (folder / "new.txt").write_text("郑州市总工会主席张三说：“好。”", encoding="utf-8")
    try:
        report = build_with_report([folder], workers=1, cache_dir=cache)
    finally:
        (folder / "new.txt").unlink()
    assert (report.documents, report.cached) == (5, 4) and loaded  # wanted for the one new article


def test_removing_an_article_removes_its_facts_and_the_entities_only_it_named(reference, tmp_path):
    folder = write_articles(tmp_path / "in")
    cache = tmp_path / "cache"
    full = build_with_report([folder], workers=1, cache_dir=cache).graph
    (folder / "c.txt").unlink()
    report = build_with_report([folder], workers=1, cache_dir=cache)
    G = report.graph
    assert report.cached == 3
    assert "洛阳市总工会" in labels(full, "Organization") and "洛阳市总工会" not in labels(G, "Organization")
    assert "洛阳市" not in labels(G, "Place")
    assert labels(G, "Person").count("刘晓梅") == 1
    assert "王建国" in labels(G, "Person")  # still named by a.txt
    assert not any(d["doc"] == document_id(ARTICLES["c.txt"]) for *_, d in G.edges(data=True))
    fresh = build_with_report([folder], workers=1).graph
    assert graph_state(G) == graph_state(fresh)


def test_a_corrupt_cache_entry_is_analyzed_again(reference, tmp_path):
    folder, ref = reference
    cache = tmp_path / "cache"
    build_with_report([folder], workers=1, cache_dir=cache)
    entries = sorted(p for p in cache.rglob("*") if p.is_file())
    assert len(entries) == 4
    entries[0].write_bytes(entries[0].read_bytes()[:40])
    report = build_with_report([folder], workers=1, cache_dir=cache)
    assert report.cached == 3
    assert graph_state(report.graph) == graph_state(ref.graph)
    assert build_with_report([folder], workers=1, cache_dir=cache).cached == 4


def test_a_lexicon_change_changes_the_fingerprint(tmp_path, monkeypatch):
    pipeline._fingerprint.cache_clear()
    original = pipeline.analysis_fingerprint()
    assert pipeline.analysis_fingerprint("jieba") != original  # the default is rjieba
    for name in ("same", "changed"):
        shutil.copytree(ROOT / "ontology", tmp_path / name)
    with (tmp_path / "changed" / "lexicons" / "titles.txt").open("a", encoding="utf-8") as f:
        f.write("\n# one more line\n")
    monkeypatch.setenv("KG_ONTOLOGY", str(tmp_path / "same"))
    assert pipeline.analysis_fingerprint() == original
    monkeypatch.setenv("KG_ONTOLOGY", str(tmp_path / "changed"))
    assert pipeline.analysis_fingerprint() != original


def test_an_unwritable_cache_does_not_fail_the_build(reference, tmp_path):
    folder, ref = reference
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    report = build_with_report([folder], workers=1, cache_dir=blocker / "cache")
    assert graph_state(report.graph) == graph_state(ref.graph)
    assert len(report.cache_errors) == 4


def test_skipped_inputs_and_duplicates_in_a_parallel_build(tmp_path, small_chunks):
    folder = write_articles(tmp_path / "in")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "copy.txt").write_text(ARTICLES["a.txt"], encoding="utf-8")
    report = build_with_report([folder, tmp_path / "missing"], workers=2)
    assert report.documents == 4
    assert sorted(Path(s.path).name for s in report.skipped) == ["empty.txt", "missing"]


def test_progress_reports_every_byte_and_article(reference, small_chunks, tmp_path):
    folder, _ = reference
    seen: list[Progress] = []
    report = build_with_report([folder, tmp_path / "missing"], workers=2, progress=seen.append)
    total = sum(p.stat().st_size for p in folder.iterdir())
    assert seen[0] == Progress("extract", 0, 0, 0, total)
    assert seen[-2:] == [Progress("assemble", 4, 0, total, total), Progress("done", 4, 0, total, total)]
    done = [p.done_bytes for p in seen]
    assert done == sorted(done)
    assert report.documents == 4


def test_workers_must_be_positive_and_segmenters_known(reference):
    folder, _ = reference
    with pytest.raises(KgError, match="at least 1"):
        build_with_report([folder], workers=0)
    with pytest.raises(KgError, match="unknown segmenter"):
        build_with_report([folder], segmenter="nope")


def test_a_worker_with_other_code_is_refused(reference, monkeypatch):
    folder, _ = reference
    real = pipeline._analyze_chunk
    monkeypatch.setattr(pipeline, "_analyze_chunk", lambda task: ("0" * 64, real(task)[1]))
    with pytest.raises(KgError, match="fingerprints differ"):
        build_with_report([folder], workers=1)


def test_rjieba_builds_the_same_graph(reference):
    folder, ref = reference
    report = build_with_report([folder], workers=1, segmenter="rjieba")
    assert graph_state(report.graph) == graph_state(ref.graph)


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_draws_only_on_a_terminal():
    snapshots = [Progress("extract", 0, 0, 0, 1000), Progress("extract", 5, 2, 600, 1000),
                 Progress("assemble", 9, 2, 1000, 1000), Progress("done", 9, 2, 1000, 1000)]
    tty, pipe = _Tty(), io.StringIO()
    for stream in (tty, pipe):
        with ProgressBar(stream) as bar:
            for p in snapshots:
                bar(p)
    assert pipe.getvalue() == ""
    out = tty.getvalue()
    assert "extracting" in out and "linking" in out and "100%" in out
    assert "9 articles (2 cached)" in out and "articles/s" in out


def test_cli_build_uses_and_reports_the_cache(tmp_path):
    folder = write_articles(tmp_path / "in")
    out = tmp_path / "out"
    runner = CliRunner()
    first = runner.invoke(cli, ["build", str(folder), "--out", str(out), "--workers", "2"])
    assert first.exit_code == 0, first.output
    assert "4 articles;" in first.output
    assert (out / ".kg-cache").is_dir()
    turtle = (out / "graph.ttl").read_bytes()
    second = runner.invoke(cli, ["build", str(folder), "--out", str(out)])
    assert "4 articles (4 from cache);" in second.output
    assert (out / "graph.ttl").read_bytes() == turtle
    third = runner.invoke(cli, ["build", str(folder), "--out", str(tmp_path / "o2"), "--no-cache",
                                "--segmenter", "rjieba"])
    assert third.exit_code == 0, third.output
    assert not (tmp_path / "o2" / ".kg-cache").exists()
    assert (tmp_path / "o2" / "graph.ttl").read_bytes() == (out / "graph.ttl").read_bytes()
    custom = runner.invoke(cli, ["build", str(folder), "--out", str(tmp_path / "o3"), "--cache", str(tmp_path / "c")])
    assert custom.exit_code == 0 and (tmp_path / "c").is_dir()
    assert "\r" not in first.output + second.output  # no progress bar when stderr is not a terminal


def test_cli_rejects_bad_options(tmp_path):
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "--workers", "0", "--out", str(tmp_path)]).exit_code == 2
    assert runner.invoke(cli, ["build", "--segmenter", "pkuseg", "--out", str(tmp_path)]).exit_code == 2


def _fresh_recognizers(monkeypatch) -> None:
    monkeypatch.setattr(pipeline, "_RECOGNIZERS", {})  # as in a new process


def test_a_recognizer_snapshot_analyzes_as_a_loaded_recognizer(tmp_path, monkeypatch):
    from kg.ingest import read_file

    docs = read_file(SEED)[0]
    _fresh_recognizers(monkeypatch)
    made = pipeline.default_recognizer("jieba", tmp_path)  # loads, and keeps a snapshot
    _fresh_recognizers(monkeypatch)
    monkeypatch.setattr(pipeline, "_new_recognizer", None)  # a load would fail: the snapshot is used
    snapped = pipeline.default_recognizer("jieba", tmp_path)
    assert snapped is not made and pipeline.default_recognizer("jieba") is snapped
    assert [pipeline.analyze(d, snapped) for d in docs] == [pipeline.analyze(d, made) for d in docs]


def test_a_damaged_recognizer_snapshot_is_ignored_and_made_again(tmp_path, monkeypatch):
    from kg import cache

    _fresh_recognizers(monkeypatch)
    pipeline.default_recognizer("jieba", tmp_path)
    (entry,) = tmp_path.rglob("recognizer-jieba")
    good = entry.read_bytes()
    for bad in (good[:-100], cache.encode("not a recognizer")):
        entry.write_bytes(bad)
        _fresh_recognizers(monkeypatch)
        assert isinstance(pipeline.default_recognizer("jieba", tmp_path).segmenter, pipeline.SEGMENTER_CLASSES["jieba"])
        assert entry.read_bytes() == good
