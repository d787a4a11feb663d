"""Build throughput, parallel speed-up, peak memory and incremental rebuilds on a corpus of 20 MB or more.

Usage: ``python bench/bench_build.py [--mb 20] [--workers 2] [--repeat 1] [--keep DIR]``
(../shared must sit beside the repo)

The corpus is made in a temporary folder from the dev articles (``eval/corpus/*.md``), the seed, and the
sentences of the public NER sets (``eval/ner/*.jsonl|bio|bmes``) grouped into articles of about 1,500
characters; it is repeated, each copy marked so every article has its own id, until it reaches ``--mb``
megabytes. Every figure is a ratio against a baseline measured in this run, in this process setup:

1. end to end (read, extract, link, write every export) against bare ``jieba.posseg`` over the same texts,
   both on ``--workers`` processes with the same chunks (target: at least 0.8);
2. the pipeline with ``--segmenter rjieba`` against the jieba pipeline (target: 10x);
3. the speed-up from 1 to ``--workers`` processes, end to end and for the extraction stage (target: 1.7);
4. peak memory of the build, this process and its workers together (target: at most 2 GiB);
5. a rebuild after adding one article, with the cache, as a fraction of the full build (target: 5%), writing
   every export as `kg build` does by default, and writing only the RDF exports (``--formats turtle,ntriples``).
   As in `kg build`, the cache folder also holds the recognizer's snapshot and the export memo (the HTML
   layout; the last graph and its RDF blocks, so only changed subjects are rendered), and the store of the last
   build is updated rather than loaded again (``write_exports(memo=...)``); a new article is analyzed by a
   helper process while the rest is read from the cache.

Every measurement runs in a fresh process (as ``kg build`` does) on a snapshot of kg/ and ontology/ taken
at the start, so edits to the working tree during the run change nothing. Other programs running on the
machine skew wall-clock ratios; the bench also prints CPU-time figures, which they do not skew, and the
load average it saw. It asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import resource
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
ARTICLE_CHARS = 1500
JSONL_PER_FILE = 400

class MemorySampler:
    """Peak memory of a process and its children (workers), sampled every half second from a thread.

    Memory is the proportional set size (PSS: each shared page split among the processes that share it),
    so workers forked from a parent that loaded the recognizer are not counted once per process. Reading
    it walks the page tables (about 10 ms per 600 MB), so sampling more often would take CPU from the build.
    """

    def __init__(self, pid: int) -> None:
        import psutil

        self.root = psutil.Process(pid)
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _sample(self) -> int:
        import psutil

        total = 0
        try:
            procs = [self.root, *self.root.children(recursive=True)]
        except psutil.Error:
            return 0
        for proc in procs:
            try:
                total += proc.memory_full_info().pss
            except psutil.Error:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(0.5)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


# ----------------------------------------------------------------------------------------------- corpus


def ner_sentences() -> Iterator[str]:
    """Sentences of the public NER sets, in file order."""
    ner = EVAL / "ner"
    for path in sorted(ner.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)["text"]
    for path in sorted([*ner.glob("*.bio"), *ner.glob("*.bmes")]):
        chars: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if not parts:
                if chars:
                    yield "".join(chars)
                chars = []
            elif len(parts) >= 2:
                chars.append(parts[0])
        if chars:
            yield "".join(chars)


def sentence_articles() -> list[list[str]]:
    """The NER sentences grouped into articles of about ARTICLE_CHARS characters."""
    articles, current, size = [], [], 0
    for s in ner_sentences():
        current.append(s)
        size += len(s)
        if size >= ARTICLE_CHARS:
            articles.append(current)
            current, size = [], 0
    if current:
        articles.append(current)
    return articles


def real_articles() -> list[tuple[str, str | None, str]]:
    """(title, date, text) of the dev articles and the seed, as kg reads them."""
    from kg.ingest import read_file

    out = []
    for path in [*sorted((EVAL / "corpus").glob("*.md")), *sorted((ROOT / "seeds").glob("*.txt"))]:
        docs, _ = read_file(path)
        out += [(d.title or path.stem, d.date, d.text) for d in docs]
    return out


def _md(title: str, date: str | None, body: str) -> str:
    head = [f"title: {json.dumps(title, ensure_ascii=False)}"] + ([f"date: {date}"] if date else [])
    return "---\n" + "\n".join(head) + "\n---\n" + body


def make_corpus(folder: Path, target_bytes: int) -> int:
    """Write copies of the real articles (.md) and the sentence articles (.jsonl) until ``target_bytes``."""
    folder.mkdir(parents=True, exist_ok=True)
    real, sent = real_articles(), sentence_articles()
    written, copy = 0, 0
    while written < target_bytes:
        batch = folder / f"copy{copy:03d}"
        batch.mkdir()
        for n, (title, date, text) in enumerate(real):
            data = _md(f"{title}（第{copy}份）", date, f"{text}\n\n（第{copy}份）\n").encode("utf-8")
            (batch / f"article{n:02d}.md").write_bytes(data)
            written += len(data)
        for start in range(0, len(sent), JSONL_PER_FILE):
            lines = []
            for n, sentences in enumerate(sent[start:start + JSONL_PER_FILE], start):
                text = f"第{copy}辑第{n}篇\n" + "\n".join(sentences)
                lines.append(json.dumps({"title": f"第{copy}辑第{n}篇", "date": "2025-05-01", "text": text},
                                        ensure_ascii=False))
            data = ("\n".join(lines) + "\n").encode("utf-8")
            (batch / f"sentences{start // JSONL_PER_FILE:03d}.jsonl").write_bytes(data)
            written += len(data)
            if written >= target_bytes:
                break
        copy += 1
    return written


def new_article(folder: Path, n: int = 0) -> Path:
    """One article that is in no copy yet (two dev articles joined, marked as new; ``n`` picks which)."""
    text = "\n\n".join(t for _, _, t in real_articles()[n:n + 2]) + f"\n\n（新增{n}）\n"
    path = folder / "added" / f"new_article{n}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_md("新增的文章", "2025-05-02", text), encoding="utf-8")
    return path


# ------------------------------------------------------------------------------------------- measurements
# Each measurement runs in a fresh process, as `kg build` would: it loads its own recognizer (or tokenizer),
# forks its own workers, and its memory is its own.

_POSSEG = []


def _posseg_init() -> None:
    if not _POSSEG:
        import logging

        import jieba
        import jieba.posseg

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.posseg.POSTokenizer(jieba.Tokenizer())
        tok.lcut("预热")
        _POSSEG.append(tok)


def _posseg_chunk(texts: list[str]) -> int:
    _posseg_init()
    tok = _POSSEG[0]
    return sum(len(tok.lcut(t)) for t in texts)


def child_posseg(corpus: Path, workers: int) -> dict:
    """Bare jieba.posseg over the corpus texts on ``workers`` processes, in the pipeline's chunks."""
    from kg.ingest import Skipped, read_documents
    from kg.parallel import chunked, map_unordered
    from kg.pipeline import CHUNK_CHARS, CHUNK_DOCS

    texts = list({d.id: d.text for d in read_documents([corpus]) if not isinstance(d, Skipped)}.values())
    start = time.perf_counter()
    _posseg_init()  # loaded before the pool forks, as the pipeline loads its recognizer
    loaded = time.perf_counter()
    cpu0 = _cpu()
    for _ in map_unordered(_posseg_chunk, chunked(texts, len, CHUNK_CHARS, CHUNK_DOCS), workers):
        pass
    end = time.perf_counter()
    return {"total": end - start, "load": loaded - start, "chars": sum(map(len, texts)), "articles": len(texts),
            "cpu": _cpu() - cpu0}


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def child_build(corpus: Path, out: Path, workers: int, segmenter: str, cache: str | None,
                formats: list[str] | None = None) -> dict:
    """What `kg build` does (build, then write the exports and the Oxigraph store), timed by stage."""
    from kg import link
    from kg.export import write_exports
    from kg.pipeline import build_with_report

    cpu0 = _cpu()
    start = time.perf_counter()
    report = build_with_report([corpus], workers=workers, segmenter=segmenter, cache_dir=cache)
    built = time.perf_counter()
    from kg.export import DEFAULT_FORMATS

    formats = tuple(formats or DEFAULT_FORMATS)
    write_exports(report.graph, out, formats, workers=workers, with_store=True, memo=None if cache is None else Path(cache))
    exported = time.perf_counter()
    G = report.graph
    result = {"extract": report.timings["extract"], "assemble": built - start - report.timings["extract"],
              "export": exported - built, "articles": report.documents,
              "cached": report.cached, "nodes": G.number_of_nodes(), "edges": G.number_of_edges(),
              "cpu": _cpu() - cpu0, "kg": str(Path(link.__file__).parent)}
    result["total"] = result["extract"] + result["assemble"] + result["export"]
    if os.environ.get("KG_BENCH_EXPORTS"):
        from kg.export import EXPORTERS, render

        result["formats"] = {}
        for name in EXPORTERS:
            t = time.perf_counter()
            render(G, (name,))
            result["formats"][name] = time.perf_counter() - t
    return result


SNAPSHOT: Path | None = None  # the copy of kg/ and ontology/ every measurement runs


def snapshot(base: Path) -> Path:
    """Copy kg/ and ontology/ once, so every measurement runs the same code and lexicons even while the
    working tree changes (and so the cache fingerprint holds between the incremental builds)."""
    target = base / "snapshot"
    if target.exists():
        shutil.rmtree(target)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "kg", target / "kg", ignore=ignore)
    shutil.copytree(ROOT / "ontology", target / "ontology", ignore=ignore)
    return target


REPEAT = 1


def measure(label: str, mode: str, **kwargs) -> dict:
    """Run one measurement in a fresh process (``--repeat`` times, keeping the fastest); print a line."""
    runs = [_measure_once(mode, dict(kwargs)) for _ in range(REPEAT if "cache" not in kwargs else 1)]
    result = min(runs, key=lambda r: r["total"])
    result["peak"] = max(r["peak"] for r in runs)
    line = f"  {label:<36} {result['total']:8.1f} s, {result['cpu']:7.1f} CPU-s"
    if mode == "build":
        line += (f"  (extract {result['extract']:.1f}, link {result['assemble']:.1f}, export "
                 f"{result['export']:.1f}); {result['articles']} articles, "
                 f"{result['cached']} cached; {result['nodes']} nodes, {result['edges']} edges")
    else:
        line += f"  ({result['chars'] / result['total']:,.0f} chars/s; tokenizer load {result['load']:.1f} s)"
    print(line + f"; peak {result['peak'] / 2**20:,.0f} MiB", flush=True)
    return result


def _measure_once(mode: str, kwargs: dict) -> dict:
    env = {**os.environ, **kwargs.pop("env", {})}
    if SNAPSHOT is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(SNAPSHOT), *filter(None, [env.get("PYTHONPATH")])])
        env.pop("KG_ONTOLOGY", None)
    proc = subprocess.Popen([sys.executable, __file__, "--child", json.dumps({"mode": mode, **kwargs})],
                            stdout=subprocess.PIPE, text=True, env=env)
    sampler = MemorySampler(proc.pid)
    out, _ = proc.communicate()
    peak = sampler.stop()
    if proc.returncode != 0:
        raise SystemExit(f"{mode} {kwargs}: the measurement failed (exit {proc.returncode})")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak"] = peak
    return result


def verdict(ok: bool) -> str:
    return "meets target" if ok else "MISSES target"


def child(spec: dict) -> int:
    mode = spec.pop("mode")
    if mode == "posseg":
        result = child_posseg(Path(spec["corpus"]), spec["workers"])
    else:
        result = child_build(Path(spec["corpus"]), Path(spec["out"]), spec["workers"], spec["segmenter"],
                             spec.get("cache"), spec.get("formats"))
    print(json.dumps(result))
    return 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="corpus size in megabytes (default 20)")
    parser.add_argument("--workers", type=int, default=2, help="worker processes for the parallel runs (default 2)")
    parser.add_argument("--keep", type=Path, default=None, help="build the corpus here and keep it")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each uncached measurement this many times and keep the fastest (default 1)")
    parser.add_argument("--speedup-only", action="store_true",
                        help="measure only figures 1 and 3 (bare jieba.posseg and the jieba pipeline on 1 and "
                             "--workers processes); with --repeat, for a machine that other programs share")
    parser.add_argument("--child", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return child(json.loads(args.child))

    tmp = tempfile.TemporaryDirectory(prefix="kg-bench-")
    base = args.keep or Path(tmp.name)
    corpus = base / "corpus"
    if not corpus.exists():
        make_corpus(corpus, int(args.mb * 1_000_000))
    global SNAPSHOT, REPEAT
    SNAPSHOT = snapshot(base)
    REPEAT = max(1, args.repeat)
    files = [p for p in corpus.rglob("*") if p.is_file()]
    size = sum(p.stat().st_size for p in files)
    W = args.workers
    print(f"corpus: {size / 1e6:.1f} MB in {len(files)} files; {os.cpu_count()} CPUs; "
          f"load average before: {os.getloadavg()[0]:.2f}", flush=True)

    common = {"corpus": str(corpus)}
    print("baseline: bare jieba.posseg over the same texts", flush=True)
    posseg = {w: measure(f"jieba.posseg, {w} process(es)", "posseg", workers=w, **common) for w in sorted({1, W})}
    chars = posseg[W]["chars"]
    print(f"  ({posseg[W]['articles']} articles, {chars:,} characters)")
    print("pipeline: read, extract, link, write every export (no cache)", flush=True)
    one = measure("jieba, 1 process", "build", workers=1, segmenter="jieba", out=str(base / "o1"), **common)
    par = measure(f"jieba, {W} processes", "build", workers=W, segmenter="jieba", out=str(base / "oW"),
                  env={"KG_BENCH_EXPORTS": "1"}, **common)
    if args.speedup_only:
        r3, r3x = one["total"] / par["total"], one["extract"] / par["extract"]
        print(f"1. end to end vs bare jieba.posseg, {W} processes: {posseg[W]['total'] / par['total']:.2f} "
              f"[{posseg[W]['cpu'] / par['cpu']:.2f} by CPU time]")
        print(f"3. speed-up 1 -> {W} processes: end to end {r3:.2f}x, extraction stage {r3x:.2f}x; bare "
              f"jieba.posseg {posseg[1]['total'] / posseg[W]['total']:.2f}x; load average {os.getloadavg()[0]:.2f}")
        tmp.cleanup()
        return 0
    fast = measure(f"rjieba, {W} processes", "build", workers=W, segmenter="rjieba", out=str(base / "oR"), **common)
    print("incremental: separate builds sharing a cache", flush=True)
    cached = {"workers": W, "segmenter": "jieba", "out": str(base / "oC"), "cache": str(base / "cache"), **common}
    cold = measure(f"jieba, {W} processes, empty cache", "build", **cached)
    warm = measure("same input, full cache", "build", **cached)
    added = new_article(corpus)
    incr = measure("one article added", "build", **cached)
    added.unlink()
    removed = measure("that article removed again", "build", **cached)
    rdf_only = {**cached, "formats": ["turtle", "ntriples"]}
    measure("RDF exports only, full cache", "build", **rdf_only)
    added2 = new_article(corpus, 2)
    incr_rdf = measure("another article added, RDF exports only", "build", **rdf_only)
    added2.unlink()

    print()
    print(f"load average after: {os.getloadavg()[0]:.2f}; every build ran the snapshot in {par['kg']}")
    print(f"export time by format, each rendered alone from the {par['nodes']}-node graph: "
          + ", ".join(f"{k} {v:.1f} s" for k, v in par["formats"].items()))
    print()
    print("RESULTS (wall-clock figures; CPU-time figures, which other programs on the machine do not skew, "
          "in brackets)")

    def rate(r: dict) -> str:
        return f"{chars / r['total']:,.0f} chars/s [{chars / r['cpu']:,.0f} per CPU-s]"

    r1, r1c = posseg[W]["total"] / par["total"], posseg[W]["cpu"] / par["cpu"]
    print(f"1. end to end, jieba, {W} processes: {rate(par)}; bare jieba.posseg, {W} processes: {rate(posseg[W])}; "
          f"ratio {r1:.2f} [{r1c:.2f}] (target >= 0.80: {verdict(r1 >= 0.8)} [{verdict(r1c >= 0.8)}]). Linking "
          f"and export take {100 * (par['assemble'] + par['export']) / par['total']:.0f}% of the build's wall time")
    r1f, r1fc = posseg[W]["total"] / fast["total"], posseg[W]["cpu"] / fast["cpu"]
    print(f"   with rjieba (kg build's default segmenter): {rate(fast)}; ratio {r1f:.2f} [{r1fc:.2f}] "
          f"(target >= 0.80: {verdict(r1f >= 0.8)} [{verdict(r1fc >= 0.8)}])")
    r2, r2c = par["total"] / fast["total"], par["cpu"] / fast["cpu"]
    print(f"2. rjieba pipeline, {W} processes: {rate(fast)} = {r2:.2f}x [{r2c:.2f}x] the jieba pipeline "
          f"(target >= 10x: {verdict(r2 >= 10)} [{verdict(r2c >= 10)}]); same graph: "
          f"{(fast['nodes'], fast['edges']) == (par['nodes'], par['edges'])}")
    r3, r3x = one["total"] / par["total"], one["extract"] / par["extract"]
    print(f"3. speed-up 1 -> {W} processes: end to end {r3:.2f}x, extraction stage {r3x:.2f}x (target >= 1.7: "
          f"{verdict(r3 >= 1.7)} end to end, {verdict(r3x >= 1.7)} for extraction); CPU time {W} vs 1 process "
          f"{par['cpu'] / one['cpu']:.2f}x (1.00 = no parallel overhead); bare jieba.posseg here: "
          f"{posseg[1]['total'] / posseg[W]['total']:.2f}x")
    peak = max(r["peak"] for r in (one, par, fast, cold, warm, incr, removed))
    print(f"4. peak memory of a build and its workers (PSS): {peak / 2**20:,.0f} MiB at most; jieba {W} processes "
          f"{par['peak'] / 2**20:,.0f} MiB, 1 process {one['peak'] / 2**20:,.0f} MiB (target <= 2048 MiB: "
          f"{verdict(peak <= 2**31)})")
    r5, r5c = incr["total"] / par["total"], incr["cpu"] / par["cpu"]
    print(f"5. rebuild after adding one article: {incr['total']:.1f} s = {100 * r5:.1f}% [{100 * r5c:.1f}%] of the "
          f"full build ({par['total']:.1f} s) (target <= 5%: {verdict(r5 <= 0.05)} [{verdict(r5c <= 0.05)}]). Of it: "
          f"read + cache + extract {incr['extract']:.1f} s ({incr['cached']} of {incr['articles']} articles from the "
          f"cache), link {incr['assemble']:.1f} s, export "
          f"{incr['export']:.1f} s. Filling the cache cost {100 * (cold['cpu'] / par['cpu'] - 1):+.1f}% CPU over an "
          f"uncached build; a rebuild with nothing changed took {warm['total']:.1f} s, one after removing the "
          f"article again {removed['total']:.1f} s (its graph: {removed['nodes']} nodes, {removed['edges']} edges, "
          f"as before it was added: {(removed['nodes'], removed['edges']) == (warm['nodes'], warm['edges'])})")
    r5r = incr_rdf["total"] / par["total"]
    print(f"   with `--formats turtle,ntriples` (the RDF exports and the store, no GraphML/GEXF/HTML): "
          f"{incr_rdf['total']:.1f} s = {100 * r5r:.1f}% [{100 * incr_rdf['cpu'] / par['cpu']:.1f}%] of the full "
          f"build (extract {incr_rdf['extract']:.1f}, link {incr_rdf['assemble']:.1f}, export {incr_rdf['export']:.1f})")
    tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
