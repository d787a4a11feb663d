"""The one place that knows the order of the stages: ingest → segment → extract → relate → link → graph."""
from __future__ import annotations

import contextlib
import functools
import itertools
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg import collector, lexicon
from kg.extract import DocumentMentions, Recognizer, extract_mentions
from kg.graph import add_locations, build_graph
from kg.cache import AnalysisCache, document_key, fingerprint
from kg.errors import InputError, KgError
from kg.ingest import Skipped, find_files, read_file
from kg.link import Linking, Resolution, entity_id, place_canonical, resolve_document
from kg.relate import find_relations, organization_places
from kg.parallel import Helper, can_fork, chunked, cpu_count, map_dask, map_unordered
from kg.segment import DEFAULT_SEGMENTER, SEGMENTER_CLASSES, SEGMENTERS, make_segmenter
from kg.types import HONOR, ORGANIZATION, PLACE, Document, Relation

EXTRACTOR_VERSION = "1"


Analysis = tuple[Document, DocumentMentions, list[Relation]]
# An analysis with what linking can learn from its document alone (computed where the analysis is).
ResolvedAnalysis = tuple[Document, DocumentMentions, list[Relation], Resolution]
# What a worker sends back for one document: its id instead of the document itself.
_WorkerResult = tuple[str, DocumentMentions, list[Relation], Resolution]


@dataclass
class BuildReport:
    """What a build read, skipped and produced.

    ``cached`` of the ``documents`` came from the analysis cache; ``timings`` holds the seconds spent
    reading and extracting (``extract``) and linking and building the graph (``assemble``).
    """

    documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    graph: nx.MultiDiGraph | None = None
    cached: int = 0
    workers: int = 1
    timings: dict[str, float] = field(default_factory=dict)
    cache_errors: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Progress:
    """A snapshot of a running build, for progress bars.

    ``stage`` is ``extract`` (reading and analyzing articles), ``assemble`` (linking) or ``done``.
    ``done_bytes``/``total_bytes`` measure the input files, so they give an ETA before every article is read.
    """

    stage: str
    articles: int
    cached: int
    done_bytes: int
    total_bytes: int


_RECOGNIZERS: dict[str, Recognizer] = {}  # this process's, by segmenter (workers forked after loading share it)


def default_recognizer(segmenter: str = DEFAULT_SEGMENTER, snapshots: Path | str | None = None) -> Recognizer:
    """The recognizer over the shipped lexicons and model (loaded once per process and segmenter).

    ``snapshots``: a cache folder (the build's) where the loaded recognizer is kept, pickled, under the
    analysis fingerprint: unpickling it takes half the time of reading jieba's and the model's dictionaries
    again. A snapshot that is missing, corrupt or of other code or lexicons is ignored (and made again).
    """
    rec = _RECOGNIZERS.get(segmenter)
    if rec is None:
        rec = _RECOGNIZERS[segmenter] = _snapshot_or_new(segmenter, snapshots)
    return rec


def _new_recognizer(segmenter: str) -> Recognizer:
    lex = lexicon.load()
    words = [(t, "n") for t in lex.titles] + [(h, "nz") for h in lex.honors if len(h) <= 12]
    words += [(s, "n") for s in lex.org_suffixes if len(s) >= 2]
    words_segmenter = make_segmenter(segmenter, words)
    return Recognizer(lex, words_segmenter, person_tagger())


def _snapshot_or_new(segmenter: str, snapshots: Path | str | None) -> Recognizer:
    if snapshots is None:
        return _new_recognizer(segmenter)
    cache = AnalysisCache(snapshots, analysis_fingerprint(segmenter))
    key = f"recognizer-{segmenter}"
    held = cache.get(key)
    if isinstance(held, Recognizer) and isinstance(held.segmenter, SEGMENTER_CLASSES[segmenter]):
        return held
    rec = _new_recognizer(segmenter)
    cache.put(key, rec)
    return rec


class PersonTagger:
    """The shipped statistical recognizer, for person names only: ``text -> [(start, end, "PER")]``.

    People are where rules alone miss most (a name with no title or speech verb beside it); the
    rules find organizations and places with better boundaries than the model (measured with
    bench/score_dev.py), so the model's ORG and LOC spans are not used here. A class, not a closure,
    so that a recognizer pickles (:func:`default_recognizer`'s snapshots).
    """

    def __init__(self, model: object) -> None:
        self.model = model

    def __call__(self, text: str) -> list[tuple[int, int, str]]:
        return [(s.start, s.end, s.label) for s in self.model(text, labels=("PER",))]


def person_tagger() -> PersonTagger:
    """The shipped model as a :class:`PersonTagger`."""
    from kg import ner

    # CRFsuite taggers must not be shared between threads (Dask runs tasks on threads): one per thread.
    return PersonTagger(ner.default_recognizer() if threading.current_thread() is threading.main_thread()
                        else ner.Recognizer.load())


def analyze(doc: Document, rec: Recognizer | None = None) -> tuple[Document, DocumentMentions, list[Relation]]:
    """Extract the mentions and facts of one document (pure; safe to run in a worker process)."""
    rec = rec or default_recognizer()
    dm = extract_mentions(doc, rec)
    return doc, dm, find_relations(doc, dm, rec)


def assemble(analyses: Iterable[Analysis | ResolvedAnalysis], rec: Recognizer | None = None) -> nx.MultiDiGraph:
    """Link analyzed documents (with their resolutions, when they have them) and build the graph.

    Only analyses without a resolution need the recognizer (loaded here if not given); the rest, the lexicons.
    """
    analyses = list(analyses)
    if rec is None and any(len(item) < 4 for item in analyses):
        rec = default_recognizer()
    linking = Linking(rec.lex if rec is not None else lexicon.load(), rec)
    linking.add(analyses)
    return _graph(linking)


def _graph(linking: Linking) -> nx.MultiDiGraph:
    """The graph of every document a :class:`kg.link.Linking` was given."""
    lex = linking.lex
    entities, linked = linking.result()
    places: dict[str, tuple[str, str | None]] = {}
    shorts = _longest_first(lex)
    for eid, e in entities.items():
        if e.label == PLACE:
            parent = lex.places[e.name].parent if e.name in lex.places else _zone_parent(e.name, lex, shorts)
            places[eid] = (e.name, parent)
    G = build_graph(entities, linked, places)
    located = {}
    for eid, e in entities.items():
        if e.label == ORGANIZATION:
            place = organization_places(e.name, lex)
            if place:
                located[eid] = entity_id(PLACE, place)
    add_locations(G, located)
    return G


def _longest_first(lex: lexicon.Lexicons) -> list[str]:
    """The short names of places, longest first (sorted once per graph, not once per zone)."""
    return sorted(lex.place_alias, key=len, reverse=True)


def _zone_parent(name: str, lex: lexicon.Lexicons, shorts: list[str]) -> str | None:
    for short in shorts:
        if name.startswith(short) and place_canonical(name, lex) == name and name != short:
            return lex.place_alias[short]
    return None


def honor_classes() -> dict[str, tuple[str, str]]:
    return dict(lexicon.load().honors)


# Work is sent to workers in chunks of about this many characters (about a quarter second of work);
# an input that fits in one chunk is analyzed in this process, with no pool to start.
CHUNK_CHARS = 48_000
CHUNK_DOCS = 256
# Modules whose code cannot change what analyze() returns (everything else is in the cache fingerprint).
_AFTER_ANALYSIS = frozenset({"__init__", "__main__", "cache", "cli", "collector", "errors", "export", "graph",
                             "ingest", "nereval", "parallel", "progress", "push", "query", "rdf", "server", "store",
                             "viz"})


def analysis_fingerprint(segmenter: str = DEFAULT_SEGMENTER) -> str:
    """A hash of everything besides the article that analyze() depends on.

    The extractor version, the segmenter and its dictionary version, the lexicon files, the model files
    and the extraction code: a cache entry made under another fingerprint is never used.
    """
    return _fingerprint(segmenter, str(lexicon.ontology_dir()))


@functools.lru_cache(maxsize=4)
def _fingerprint(segmenter: str, ontology: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    package = Path(__file__).resolve().parent
    files = sorted(p for p in package.glob("*.py") if p.stem not in _AFTER_ANALYSIS)
    files += sorted(p for p in (package / "models").glob("*") if p.is_file())
    files += sorted(p for p in (Path(ontology) / "lexicons").glob("*") if p.is_file())
    parts = [f"extractor={EXTRACTOR_VERSION}", f"segmenter={segmenter}", f"python={sys.version_info[:2]}"]
    for dist in ("jieba", "rjieba", "python-crfsuite"):
        try:
            parts.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            parts.append(f"{dist}=none")
    return fingerprint(parts, files)


def _init_worker(segmenter: str, snapshots: Path | str | None = None) -> None:
    """Load the recognizer once per worker process (a no-op when the worker was forked after loading it);
    ``snapshots``: the cache folder whose snapshot of it to load (see :func:`default_recognizer`)."""
    default_recognizer(segmenter, snapshots)


def _analyze_chunk(task: tuple[str, list[Document]]) -> tuple[str, list[_WorkerResult]]:
    """What a worker runs: analyze a chunk of documents and resolve each one's mentions (the per-document
    part of linking, so it runs in parallel and is cached); return the worker's fingerprint with the results.

    Results carry the document id instead of the document, so article text crosses between processes once.
    """
    segmenter, docs = task
    rec = _recognizer_for_this_thread(segmenter)
    out = []
    for doc in docs:
        _, dm, relations = analyze(doc, rec)
        out.append((doc.id, dm, relations, resolve_document(doc, dm, rec.lex, rec)))
    return analysis_fingerprint(segmenter), out


_THREAD_RECOGNIZERS = threading.local()


def _recognizer_for_this_thread(segmenter: str) -> Recognizer:
    """The process's recognizer on the main thread; a thread's own elsewhere (Dask workers run tasks on
    threads, and the NER tagger's CRFsuite taggers must not be shared between threads)."""
    if threading.current_thread() is threading.main_thread():
        return default_recognizer(segmenter)
    own = _THREAD_RECOGNIZERS.__dict__
    if segmenter not in own:
        own[segmenter] = _new_recognizer(segmenter)
    return own[segmenter]


def default_workers(requested: int | None) -> int:
    """``requested`` if given, else every CPU this process may use."""
    if requested is not None:
        if requested < 1:
            raise KgError(f"--workers must be at least 1, got {requested}")
        return requested
    return cpu_count()


class _Tracker:
    """Counts finished articles and input bytes and reports them to a progress callback."""

    def __init__(self, callback: Callable[[Progress], None] | None, total_bytes: int) -> None:
        self.callback = callback
        self.total_bytes = total_bytes
        self.done_bytes = 0
        self.articles = 0
        self.cached = 0

    def advance(self, nbytes: int, articles: int = 0, cached: int = 0, stage: str = "extract") -> None:
        self.done_bytes += nbytes
        self.articles += articles
        self.cached += cached
        self.emit(stage)

    def emit(self, stage: str) -> None:
        if self.callback is not None:
            self.callback(Progress(stage, self.articles, self.cached, min(self.done_bytes, self.total_bytes),
                                   self.total_bytes))


def _file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def build_with_report(paths: Iterable[Path | str], progress: Callable[[Progress], None] | None = None, *,
                      workers: int | None = None, segmenter: str = DEFAULT_SEGMENTER,
                      cache_dir: Path | str | None = None, scheduler: str | None = None) -> BuildReport:
    """Read, extract and link every article under ``paths``; report skipped inputs.

    Parameters
    ----------
    paths:
        Article files and folders.
    progress:
        Called with a :class:`Progress` snapshot as articles finish.
    workers:
        Worker processes for extraction (default: one per CPU). Input that fits in one chunk of work
        is analyzed in this process.
    segmenter:
        ``jieba`` or ``rjieba`` (see :mod:`kg.segment`).
    cache_dir:
        Keep per-article analyses here and reuse them (see :mod:`kg.cache`); None for no cache.
    scheduler:
        ``tcp://HOST:PORT`` of a Dask scheduler: extraction runs on its workers instead of local processes.

    The graph is the same whatever the worker count, scheduler, input order or cache state: analyses are
    sorted by document id before linking.
    """
    # A build loads and links hundreds of thousands of records: with the collector paused (kg.collector).
    # Not beside a Dask client, whose event loop thread makes garbage cycles of its own all along.
    with collector.paused() if scheduler is None else contextlib.nullcontext():
        return _build(paths, progress, workers, segmenter, cache_dir, scheduler)


def _build(paths: Iterable[Path | str], progress: Callable[[Progress], None] | None, workers: int | None,
           segmenter: str, cache_dir: Path | str | None, scheduler: str | None) -> BuildReport:
    if segmenter not in SEGMENTERS:
        raise KgError(f"unknown segmenter {segmenter!r}; choose one of {', '.join(SEGMENTERS)}")
    n_workers = default_workers(workers)
    started = time.perf_counter()
    rec: Recognizer | None = None  # loaded at the first article the cache does not have (none: not at all)
    report = BuildReport(workers=n_workers if scheduler is None else 0)
    files, report.skipped = find_files([Path(p) for p in paths])
    sizes = [_file_size(p) for p in files]
    tracker = _Tracker(progress, sum(sizes))
    tracker.emit("extract")
    fp = analysis_fingerprint(segmenter)
    cache = AnalysisCache(cache_dir, fp) if cache_dir is not None else None

    docs: dict[str, Document] = {}
    weights: dict[str, int] = {}
    keys: dict[str, str] = {}
    analyses: dict[str, ResolvedAnalysis] = {}
    # The first articles a cached build lacks go to a helper process, which loads the recognizer and analyzes
    # them while this process reads the rest from the cache (a rebuild after adding an article or two).
    early = (_EarlyMisses(segmenter, cache_dir) if cache is not None and scheduler is None and n_workers > 1
             and can_fork() else None)

    def misses() -> Iterator[Document]:
        """Read the inputs file by file; yield the documents the cache does not have (and the helper does not
        take)."""
        nonlocal rec
        for path, size in zip(files, sizes):
            collector.sweep()  # the cycles the last file's decoding left: nothing else frees them while paused
            try:
                found, bad = read_file(path)
            except InputError as e:
                report.skipped.append(Skipped(str(path), str(e).removeprefix(str(path) + ": ")))
                tracker.advance(size)
                continue
            report.skipped.extend(bad)
            total_chars = sum(len(d.text) for d in found) or 1
            left = size
            for n, doc in enumerate(found):
                share = left if n == len(found) - 1 else size * len(doc.text) // total_chars
                left -= share
                if doc.id in docs:  # the same article twice: the first copy counts
                    tracker.advance(share)
                    continue
                docs[doc.id] = doc
                weights[doc.id] = share
                if cache is not None:
                    keys[doc.id] = key = document_key(doc)
                    hit = cache.get(key)
                    if _valid_entry(hit):
                        analyses[doc.id] = (doc, *hit)
                        tracker.advance(share, articles=1, cached=1)
                        continue
                if early is not None and early.take(doc):
                    continue
                if rec is None and scheduler is None:
                    rec = default_recognizer(segmenter, cache_dir)  # before any pool forks, so workers inherit it
                yield doc
            if early is not None:
                early.send()  # the file's misses go to work at once, not when a chunk is full
            if not found:
                tracker.advance(left)

    tasks = ((segmenter, chunk) for chunk in chunked(misses(), lambda d: len(d.text), CHUNK_CHARS, CHUNK_DOCS))
    if scheduler is not None:
        results = map_dask(_analyze_chunk, tasks, scheduler)
    else:
        results = map_unordered(_analyze_chunk, tasks, n_workers, initializer=_init_worker, initargs=(segmenter,))
    linking: Linking | None = None

    def helper_results() -> Iterator[tuple[str, list[_WorkerResult]]]:
        """What the helper returns; while it works, the articles here are linked (most of a rebuild's linking)."""
        nonlocal linking
        if early is None or not early.busy():
            return
        linking = Linking(rec.lex if rec is not None else lexicon.load(), rec)
        linking.add(analyses[i] for i in sorted(analyses))
        linking.link_now()
        yield from early.results()

    try:
        for worker_fp, chunk in itertools.chain(results, helper_results()):
            if worker_fp != fp:
                raise KgError(f"{scheduler or 'a worker'}: a worker runs different extraction code, lexicons or models "
                              "than this process (fingerprints differ); install the same kg version on every worker")
            for doc_id, dm, relations, resolution in chunk:
                doc = docs[doc_id]
                analyses[doc_id] = (doc, dm, relations, resolution)
                if cache is not None:
                    cache.put(keys[doc_id], (dm, relations, resolution))
                tracker.advance(weights[doc_id], articles=1)
    finally:
        if early is not None:
            early.close()
    extracted = time.perf_counter()
    report.documents = len(analyses)
    report.cached = tracker.cached
    if cache is not None:
        report.cache_errors = list(cache.stats.write_errors)
    tracker.emit("assemble")
    if linking is None:
        report.graph = assemble([analyses[i] for i in sorted(analyses)], rec)
    else:  # the rest: the helper's articles, and those whose people's keys they change
        linking.add(analyses[i] for i in sorted(analyses.keys() - linking.resolved.keys()))
        report.graph = _graph(linking)
    report.timings = {"extract": extracted - started, "assemble": time.perf_counter() - extracted}
    tracker.emit("done")
    return report


class _EarlyMisses:
    """The first documents a cached build lacks, up to :data:`EARLY_CHARS` characters, sent file by file to a
    helper process (:class:`kg.parallel.Helper`) that loads the recognizer from its snapshot and analyzes them
    while this process reads on; more than that is a big job, for the pool of every worker."""

    def __init__(self, segmenter: str, snapshots: Path | str | None) -> None:
        self.segmenter, self.snapshots = segmenter, snapshots
        self.chars = 0
        self.pending: list[Document] = []
        self.helper: Helper | None = None

    def take(self, doc: Document) -> bool:
        """Whether the helper takes ``doc`` (it does until it has :data:`EARLY_CHARS` characters)."""
        if self.chars + len(doc.text) > EARLY_CHARS:
            return False
        self.chars += len(doc.text)
        self.pending.append(doc)
        return True

    def send(self) -> None:
        """Send the documents taken since the last call to the helper, started at the first."""
        if not self.pending:
            return
        if self.helper is None:
            self.helper = Helper(_analyze_chunk, _init_worker, (self.segmenter, self.snapshots))
        self.helper.submit((self.segmenter, self.pending))
        self.pending = []

    def busy(self) -> bool:
        """Whether the helper has (or is about to get) work."""
        return self.helper is not None or bool(self.pending)

    def results(self) -> Iterator[tuple[str, list[_WorkerResult]]]:
        """What the helper returns, chunk by chunk."""
        self.send()
        if self.helper is not None:
            yield from self.helper.results()

    def close(self) -> None:
        """Stop the helper (at once, when the build failed before its work was collected)."""
        if self.helper is not None:
            self.helper.close()


EARLY_CHARS = 2 * CHUNK_CHARS  # about a second of work: what a rebuild after adding a few articles analyzes


def _valid_entry(value: object) -> bool:
    return (isinstance(value, tuple) and len(value) == 3 and isinstance(value[0], DocumentMentions)
            and isinstance(value[1], list) and isinstance(value[2], Resolution))


def build(paths: Iterable[Path | str], **options) -> nx.MultiDiGraph:
    """Build the knowledge graph from article files and folders (options as for :func:`build_with_report`).

    >>> G = build([])
    >>> G.number_of_nodes()
    0
    """
    report = build_with_report(paths, **options)
    assert report.graph is not None
    return report.graph


__all__ = ["build", "build_with_report", "analyze", "assemble", "analysis_fingerprint", "BuildReport", "Progress",
           "EXTRACTOR_VERSION", "HONOR"]
