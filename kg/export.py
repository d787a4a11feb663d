"""Writing exports: every file goes to a temporary file first and replaces the old one only when complete.

Formats are chosen by name from one table, :data:`EXPORTERS`. Every renderer is pure (graph in, text or
bytes out) and deterministic: the same graph gives byte-identical files. The RDF formats (Turtle,
N-Triples, JSON-LD) serialize the same sorted statements (:func:`kg.rdf.statement_rows`), computed once
per export; GraphML and GEXF are the property graph itself, for Gephi, yEd and networkx.

With a memo (a build's cache folder, :func:`open_memo`), an export reuses the last one's work where its
inputs are the same: the HTML layout (:func:`_layout`), each RDF subject's block of text
(:class:`RdfBlocks`) and each node's and edge's block of GraphML and GEXF (:class:`PropertyBlocks`); the
bytes are those of an export without one.
"""
from __future__ import annotations

import array
import functools
import hashlib
import os
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import networkx as nx

from kg import collector, rdf, store, viz
from kg.cache import AnalysisCache, fingerprint
from kg.errors import ExportError
from kg.parallel import has_native_threads, map_unordered


STALE_TEMP_SECONDS = 3600
T = TypeVar("T")


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and an atomic rename."""
    write_all_atomic({Path(path): data})


def _write_temp(path: Path, data: str | bytes) -> str:
    """Write ``data`` to a new hidden temporary file beside ``path``; return its name."""
    tmp = _new_temp(path)
    _fill_temp(path, tmp, data)
    return tmp


def _new_temp(path: Path) -> str:
    """A new, empty hidden temporary file beside ``path``, with the mode ``path`` has or would get."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise ExportError(f"{path.parent}: cannot write exports here ({e.strerror}); choose another --out folder") from e
    try:
        os.fchmod(fd, _file_mode(path))
    except OSError as e:
        _remove(tmp)
        raise ExportError(f"{path}: could not be written ({e.strerror}); the previous file is unchanged") from e
    finally:
        os.close(fd)
    return tmp


def _fill_temp(path: Path, tmp: str, data: str | bytes) -> None:
    """Write ``data`` into the temporary file ``tmp`` (from :func:`_new_temp`) and flush it to disk.

    The file is opened without being created: one that the build removed after giving up stays removed.
    """
    try:
        with open(os.open(tmp, os.O_WRONLY | os.O_CLOEXEC), "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
    except OSError as e:
        _remove(tmp)
        raise ExportError(f"{path}: could not be written ({e.strerror}); the previous file is unchanged") from e


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def write_all_atomic(files: dict[Path, str | bytes]) -> None:
    """Write several files so that none is replaced unless all were written in full.

    Every file goes to a temporary file first; only when all are on disk are they renamed into
    place, so a full disk or a kill mid-way leaves the previous generation of every file.
    Temporary files left by an earlier killed run are removed.
    """
    temps: dict[Path, str] = {}
    try:
        for path, data in files.items():
            temps[Path(path)] = _write_temp(Path(path), data)
    except ExportError:
        _remove_all(temps)
        raise
    _replace_all(temps)


def _remove_all(temps: dict[Path, str]) -> None:
    for tmp in temps.values():
        _remove(tmp)


def _replace_all(temps: dict[Path, str]) -> None:
    """Rename complete temporary files into place, ``{path: temporary file}`` in order, then remove the
    temporary files an earlier killed run left. When a rename fails, the rest are removed, not renamed."""
    for path, tmp in temps.items():
        try:
            os.replace(tmp, path)
        except OSError as e:
            _remove_all(temps)
            raise ExportError(f"{path}: could not be replaced ({e.strerror}); files not yet replaced are unchanged") from e
    # temporary files of a killed run (old enough not to belong to a build running now)
    for folder in {Path(p).parent for p in temps}:
        for stale in folder.glob(".graph.*.tmp"):
            try:
                if time.time() - stale.stat().st_mtime > STALE_TEMP_SECONDS:
                    _remove(str(stale))
            except OSError:
                pass


def _file_mode(path: Path) -> int:
    """The mode the replaced file had, else the usual mode for a new file (mkstemp's 0600 is too tight)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@dataclass(frozen=True)
class ExportInput:
    """What renderers read: the graph, and its RDF statements (:func:`kg.rdf.subject_rows`) and their
    N-Triples text, each computed on first use (Turtle is written from the N-Triples); the memo of earlier
    exports' work (:func:`memoized`), if there is one, and the folder of the last export it describes."""

    graph: nx.MultiDiGraph
    memo: AnalysisCache | None = None
    previous: Path | None = None
    formats: tuple[str, ...] = ()  # what the export writes

    @functools.cached_property
    def subjects(self) -> list[list[rdf.Row]]:
        from kg.pipeline import honor_classes

        return rdf.subject_rows(self.graph, honor_classes())

    @functools.cached_property
    def rows(self) -> list[rdf.Row]:
        return [row for group in self.subjects for row in group]

    @functools.cached_property
    def ntriples(self) -> str | bytes:
        return self.blocks.render("ntriples") if self.blocks is not None else rdf.ntriples_from_rows(self.rows)

    @functools.cached_property
    def blocks(self) -> RdfBlocks | None:
        from kg.pipeline import honor_classes

        return None if self.memo is None else RdfBlocks(self.graph, honor_classes(), self.memo, self.previous,
                                                        self.formats)

    @functools.cached_property
    def property_rows(self) -> PropertyRows:
        return property_rows(self.graph)

    def property_file(self, name: str) -> str | bytes:
        """GraphML or GEXF (``name``): by difference from the last export's file and the RDF memo entry (which
        holds the last graph) when there is a memo and the job renders RDF formats (and saves that entry after
        this), else whole."""
        if not RDF_FORMATS.intersection(_JOB) or self.blocks is None:
            return PROPERTY_WRITERS[name](self.property_rows)
        return self.blocks.property_blocks.render(name)


# --- the RDF formats subject by subject, reusing the last export's blocks -------------------------------

_BLOCKS_ENTRY = "rdf-blocks"
_SEPARATORS = {"ntriples": b"", "turtle": b"", "jsonld": b",\n"}  # between two subjects' blocks
_ABSENT = object()


class RdfBlocks:
    """The RDF exports as one block of text per subject; a subject whose statements cannot have changed since
    the last export keeps its block from the last export's file, the others are rendered.

    The memo entry (:meth:`save`) holds the graph of the last export, the subjects each of its nodes and
    edges gave statements to (:func:`kg.rdf.source_rows`), its subjects in order, and for each file written
    its SHA-256 and where each subject's block starts in it. The nodes and edges whose attributes (or whose
    target's) differ from the last graph's are rendered again with every other node or edge that gives
    statements to the same subjects; every other subject's statements are the same as last time. When a file
    to write is not the one the memo describes (another export, an edit, a failed build), or the entry is
    corrupt or of another shape, everything is rendered: the bytes are the same either way.
    """

    def __init__(self, G: nx.MultiDiGraph, honor_classes: dict[str, tuple[str, str]], memo: AnalysisCache,
                 previous: Path | None, formats: tuple[str, ...]) -> None:
        self.G, self.honor_classes, self.memo = G, honor_classes, memo
        self.written: dict[str, tuple[bytes, array.array]] = {}  # filename -> (its SHA-256, block starts)
        self.held: dict[str, tuple[bytes, array.array]] = {}  # filename -> (last file, its block starts)
        self.previous = previous
        entry = self._entry(previous, [name for name in formats if name in RDF_FORMATS])
        self.entry = entry
        self.changed: tuple[set[str], set[tuple[str, str, str]]] | None = None  # since the entry's graph
        if entry is None:
            by_subject, touched = rdf.source_rows(G, honor_classes, G.nodes, G.edges(keys=True))
            self.subjects = sorted(by_subject)
            self.reused: list[int | None] = [None] * len(self.subjects)
            self.rows = {i: sorted(by_subject[s]) for i, s in enumerate(self.subjects)}
            self.old_subjects: list[str] = []
            self.sources = _SourceIndex.of(touched, self.subjects)
            return
        self._update(entry)

    def _entry(self, previous: Path | None, names: list[str]) -> dict | None:
        """The memo entry, when it is sound and describes the last file of every format in ``names`` (then
        kept in :attr:`held`)."""
        entry = self.memo.get(_BLOCKS_ENTRY)
        if not (isinstance(entry, dict)
                and entry.keys() == {"honor_classes", "graph", "sources", "subjects", "files", "property"}
                and entry["honor_classes"] == self.honor_classes and isinstance(entry["graph"], nx.MultiDiGraph)
                and isinstance(entry["sources"], _SourceIndex) and isinstance(entry["subjects"], list)
                and entry["sources"].fits(len(entry["subjects"])) and isinstance(entry["files"], dict)
                and previous is not None):
            return None
        for name in names:
            filename = EXPORTERS[name].filename
            digest, starts = entry["files"].get(filename, (None, None))
            if not isinstance(starts, array.array) or len(starts) != len(entry["subjects"]) + 1:
                return None
            try:
                data = (previous / filename).read_bytes()
            except OSError:
                return None
            if hashlib.sha256(data).digest() != digest:
                return None
            self.held[filename] = (data, starts)
        return entry

    def _update(self, entry: dict) -> None:
        """Plan the blocks from the last export's: which subjects to render, from which nodes and edges."""
        import numpy as np

        G, old = self.G, entry["sources"]
        self.old_subjects = entry["subjects"]
        dirty_nodes, dirty_edges = self.changed = _changed_sources(G, entry["graph"])
        by_subject, touched = rdf.source_rows(G, self.honor_classes, sorted(n for n in dirty_nodes if n in G),
                                              sorted(e for e in dirty_edges if G.has_edge(*e)))
        position = {source: i for i, source in enumerate(old.sources)}
        dirty = np.zeros(len(old.sources), dtype=bool)
        dirty[[position[source] for source in dirty_nodes | dirty_edges if source in position]] = True
        hit = np.zeros(len(self.old_subjects), dtype=bool)
        hit[old.subjects_of(dirty)] = True
        old_at = {subject: j for j, subject in enumerate(self.old_subjects)}
        hit[[old_at[subject] for subject in by_subject if subject in old_at]] = True
        affected = set(by_subject).union(self.old_subjects[j] for j in np.flatnonzero(hit))
        # every other node and edge that gives statements to an affected subject, for the rest of its statements
        others = old.touching(hit) & ~dirty
        more, more_touched = rdf.source_rows(G, self.honor_classes,
                                             [old.sources[i] for i in np.flatnonzero(others) if isinstance(old.sources[i], str)],
                                             [old.sources[i] for i in np.flatnonzero(others) if not isinstance(old.sources[i], str)])
        for subject, rows in more.items():
            if subject in affected:
                by_subject.setdefault(subject, set()).update(rows)
        kept = [subject for subject in self.old_subjects if subject not in affected]
        self.subjects = sorted([*kept, *(subject for subject in affected if by_subject.get(subject))])
        self.reused = [None if subject in affected else old_at[subject] for subject in self.subjects]
        self.rows = {i: sorted(by_subject[subject]) for i, subject in enumerate(self.subjects) if subject in affected}
        self.sources = old.renumbered(~(dirty | others), self.old_subjects, self.subjects).extended(
            {**touched, **more_touched}, self.subjects)

    @functools.cached_property
    def nt(self) -> dict[int, bytes]:
        """The N-Triples block of every subject rendered anew, by index."""
        return {i: rdf.ntriples_from_rows(rows).encode("utf-8") for i, rows in self.rows.items()}

    def render(self, name: str) -> bytes:
        """The file of RDF format ``name`` (``ntriples``, ``turtle`` or ``jsonld``)."""
        filename, sep = EXPORTERS[name].filename, _SEPARATORS[name]
        held, starts = self.held.get(filename, (b"", array.array("Q")))
        parts = self._render_blocks(name, held, starts)
        if parts is None:  # Turtle that does not split into blocks: the whole text, and no memo of it
            return rdf.turtle_from_ntriples(self.render("ntriples")).encode("utf-8")
        head, fresh, tail = parts
        view = memoryview(held)
        blocks: list[bytes | memoryview] = [fresh[i] if j is None else view[starts[j]:starts[j + 1] - len(sep)]
                                            for i, j in enumerate(self.reused)]
        data = head + sep.join(blocks) + tail
        at, where = len(head), array.array("Q")
        for block in blocks:
            where.append(at)
            at += len(block) + len(sep)
        where.append(at)
        self.written[filename] = (hashlib.sha256(data).digest(), where)
        return data

    def _render_blocks(self, name: str, held: bytes, starts: array.array) -> tuple[bytes, dict[int, bytes], bytes] | None:
        """The head, the blocks of the subjects rendered anew (by index) and the tail of format ``name``."""
        if name == "ntriples":
            return b"", self.nt, b""
        if name == "jsonld":
            lines = rdf.jsonld_lines(self.rows.values())
            return (rdf.JSONLD_HEAD.encode("utf-8"), {i: line.encode("utf-8") for i, line in zip(self.rows, lines)},
                    rdf.JSONLD_TAIL.encode("utf-8"))
        if not self.subjects:
            return b"", {}, b""  # no statement: an empty file, without even the prefixes
        if not self.rows:  # every block from the last file: its prefix lines too
            return held[:starts[0]], {}, b""
        split = rdf.turtle_blocks(b"".join(self.nt.values()), len(self.rows))
        return None if split is None else (split[0], dict(zip(self.rows, split[1])), b"")

    def difference(self, ntriples: bytes) -> tuple[bytes, bytes, int] | None:
        """The lines of the last export's ``graph.nt`` that ``ntriples`` (this one's) lacks, those it adds, and
        its number of lines; None when that file is not the one the memo describes."""
        filename = EXPORTERS["ntriples"].filename
        if filename not in self.held:
            return None
        held, starts = self.held[filename]
        kept = {j for j in self.reused if j is not None}
        gone = b"".join(held[starts[j]:starts[j + 1]] for j in range(len(self.old_subjects)) if j not in kept)
        return (*store.ntriples_difference(gone, b"".join(self.nt.values())), ntriples.count(b"\n"))

    @functools.cached_property
    def property_blocks(self) -> PropertyBlocks:
        """GraphML and GEXF by difference from the last export's (see :class:`PropertyBlocks`)."""
        return PropertyBlocks(self.G, self.entry, self.changed, self.previous)

    def save(self) -> None:
        """Keep this export's graph, sources, subjects and files (their SHA-256 and block starts) for the next,
        and what :class:`PropertyBlocks` wrote."""
        written = vars(self).get("property_blocks")
        self.memo.put(_BLOCKS_ENTRY, {"honor_classes": self.honor_classes, "graph": self.G, "sources": self.sources,
                                      "subjects": self.subjects, "files": dict(self.written),
                                      "property": written.record() if written is not None else None})


@dataclass(frozen=True)
class _SourceIndex:
    """The subjects each node or edge (a source, see :func:`kg.rdf.source_rows`) gave statements to, as
    indices into the sorted subjects: source ``i`` gave to ``touch[start[i]:start[i + 1]]`` (arrays, which
    the memo reads and writes fast)."""

    sources: list
    touch: array.array  # subject indices ("I")
    start: array.array  # len(sources) + 1 offsets into touch ("Q")

    @classmethod
    def of(cls, touched: dict[object, set[str]], subjects: list[str]) -> _SourceIndex:
        return cls([], array.array("I"), array.array("Q", [0])).extended(touched, subjects)

    def fits(self, subjects: int) -> bool:
        """Whether the arrays are sound for ``subjects`` subjects."""
        return (len(self.start) == len(self.sources) + 1 and self.start[0] == 0 and self.start[-1] == len(self.touch)
                and (not self.touch or max(self.touch) < subjects))

    def subjects_of(self, which):
        """The subject indices the sources marked in the boolean array ``which`` gave to."""
        import numpy as np

        start, touch = np.frombuffer(self.start, dtype=np.uint64).astype(np.intp), np.frombuffer(self.touch, dtype=np.uint32)
        return touch[np.repeat(which, np.diff(start))]

    def touching(self, hit):
        """A boolean array: which sources gave to a subject marked in the boolean array ``hit``."""
        import numpy as np

        start, touch = np.frombuffer(self.start, dtype=np.uint64).astype(np.intp), np.frombuffer(self.touch, dtype=np.uint32)
        hits = np.concatenate([[0], np.cumsum(hit[touch])])
        return hits[start[1:]] > hits[start[:-1]]

    def renumbered(self, keep, old_subjects: list[str], subjects: list[str]) -> _SourceIndex:
        """The sources marked in ``keep`` only, with the subject indices of ``subjects`` (every subject they
        gave to is among them)."""
        import numpy as np

        at = {subject: i for i, subject in enumerate(subjects)}
        remap = np.array([at.get(subject, 0) for subject in old_subjects], dtype=np.uint32)
        start = np.frombuffer(self.start, dtype=np.uint64).astype(np.intp)
        lengths = np.diff(start)[keep]
        touch = remap[self.subjects_of(keep)]
        return _SourceIndex([source for source, k in zip(self.sources, keep) if k], array.array("I", touch.tobytes()),
                            array.array("Q", np.concatenate([[0], np.cumsum(lengths)]).astype(np.uint64).tobytes()))

    def extended(self, touched: dict[object, set[str]], subjects: list[str]) -> _SourceIndex:
        """These sources and those of ``touched`` (source -> the subjects it gave to)."""
        at = {subject: i for i, subject in enumerate(subjects)} if touched else {}
        sources, touch, start = list(self.sources), array.array("I", self.touch), array.array("Q", self.start)
        for source, given in touched.items():
            sources.append(source)
            touch.extend(sorted(at[subject] for subject in given))
            start.append(len(touch))
        return _SourceIndex(sources, touch, start)


class PropertyBlocks:
    """GraphML and GEXF as one block of text per node and per edge, between a head (which declares the
    attributes some row uses) and a tail; a node or edge unchanged since the last export (not among
    :func:`_changed_sources`) keeps its block from the last export's file when the head is the same.

    ``entry`` is the RDF memo entry (:class:`RdfBlocks`), whose ``property`` item describes the last GraphML and
    GEXF files: the nodes and edges in file order, how many rows hold each attribute, and each file's SHA-256
    and block starts. A file that is not the one described, or another head, is rendered whole: the bytes are
    the same either way.
    """

    def __init__(self, G: nx.MultiDiGraph, entry: dict | None,
                 changed: tuple[set[str], set[tuple[str, str, str]]] | None, previous: Path | None) -> None:
        self.G = G
        self.nodes = sorted(G)
        self.edges = [(key, u, v) for u, v, key in sorted(G.edges(keys=True), key=lambda e: e[2])]
        self.written: dict[str, tuple[bytes, array.array]] = {}
        self.old = _property_entry(entry.get("property") if entry is not None else None, previous)
        self.old_graph = entry["graph"] if entry is not None else None
        self.changed = changed
        self.rows: dict[object, tuple] = {}  # item -> its row, for the items rendered anew
        if self.old is None or changed is None:
            self.counts = self._count(self.nodes, self.edges)
            return
        dirty_nodes, dirty_edges = changed
        old_rows = [_node_row(n, self.old_graph.nodes[n]) for n in dirty_nodes if n in self.old_graph]
        old_rows += [_edge_row(u, v, k, self.old_graph.edges[u, v, k]) for u, v, k in dirty_edges
                     if self.old_graph.has_edge(u, v, k)]
        node_counts, edge_counts = (dict(c) for c in self.old["counts"])
        for counts, rows, sign in ((node_counts, [r for r in old_rows if len(r) == 2], -1),
                                   (edge_counts, [r for r in old_rows if len(r) == 4], -1)):
            for row in rows:
                for name in row[-1]:
                    counts[name] = counts.get(name, 0) + sign
        for n in dirty_nodes:
            if n in G:
                row = self.rows[n] = _node_row(n, G.nodes[n])
                for name in row[-1]:
                    node_counts[name] = node_counts.get(name, 0) + 1
        for u, v, k in dirty_edges:
            if G.has_edge(u, v, k):
                row = self.rows[(k, u, v)] = _edge_row(u, v, k, G.edges[u, v, k])
                for name in row[-1]:
                    edge_counts[name] = edge_counts.get(name, 0) + 1
        self.counts = (node_counts, edge_counts)

    def _count(self, nodes: list[str], edges: list[tuple[str, str, str]]) -> tuple[dict[str, int], dict[str, int]]:
        """Rows of every node and edge (kept for rendering) and how many hold each attribute."""
        counts: tuple[dict[str, int], dict[str, int]] = ({}, {})
        G = self.G
        for n in nodes:
            row = self.rows[n] = _node_row(n, G.nodes[n])
            for name in row[-1]:
                counts[0][name] = counts[0].get(name, 0) + 1
        for k, u, v in edges:
            row = self.rows[(k, u, v)] = _edge_row(u, v, k, G.edges[u, v, k])
            for name in row[-1]:
                counts[1][name] = counts[1].get(name, 0) + 1
        return counts

    def _used(self, counts: tuple[dict[str, int], dict[str, int]]) -> tuple[list[str], list[str]]:
        return ([name for name in NODE_ATTRIBUTES if counts[0].get(name, 0) > 0],
                [name for name in EDGE_ATTRIBUTES if counts[1].get(name, 0) > 0])

    def render(self, name: str) -> bytes:
        """The file of ``name`` (``graphml`` or ``gexf``)."""
        filename = EXPORTERS[name].filename
        used = self._used(self.counts)
        head, node_block, middle, edge_block, tail = _XML_WRITERS[name](*used)
        held = self.old["files"].get(filename) if self.old is not None and self.changed is not None else None
        if held is not None and self._used(self.old["counts"]) != used:
            held = None  # another head: other attribute ids in every block
        if held is None and len(self.rows) < len(self.nodes) + len(self.edges):
            self._count(self.nodes, self.edges)  # every row, for a whole file
        data, starts = held if held is not None else (b"", array.array("Q"))
        view, gap = memoryview(data), len(middle.encode("utf-8"))
        old_nodes = len(self.old["nodes"]) if held is not None else 0
        at_node = {n: i for i, n in enumerate(self.old["nodes"])} if held is not None else {}
        at_edge = {e: i + old_nodes for i, e in enumerate(self.old["edges"])} if held is not None else {}

        def old_block(i: int) -> memoryview:  # the last node's block ends where the middle starts
            return view[starts[i]:starts[i + 1] - (gap if i == old_nodes - 1 else 0)]

        rows = self.rows
        node_blocks: list[bytes | memoryview] = []
        for n in self.nodes:
            row = rows.get(n)
            i = at_node.get(n) if row is None else None
            node_blocks.append(old_block(i) if i is not None else node_block(*row).encode("utf-8"))
        edge_blocks: list[bytes | memoryview] = []
        for e in self.edges:
            row = rows.get(e)
            i = at_edge.get(e) if row is None else None
            edge_blocks.append(old_block(i) if i is not None else edge_block(*row).encode("utf-8"))
        head_bytes, middle_bytes = head.encode("utf-8"), middle.encode("utf-8")
        out = b"".join([head_bytes, *node_blocks, middle_bytes, *edge_blocks, tail.encode("utf-8")])
        where, at = array.array("Q"), len(head_bytes)
        for block in node_blocks:
            where.append(at)
            at += len(block)
        at += len(middle_bytes)
        for block in edge_blocks:
            where.append(at)
            at += len(block)
        where.append(at)
        self.written[filename] = (hashlib.sha256(out).digest(), where)
        return out

    def record(self) -> dict:
        """What the memo keeps of the files written, for the next export."""
        return {"nodes": self.nodes, "edges": self.edges, "counts": self.counts, "files": dict(self.written)}


def _property_entry(held: object, previous: Path | None) -> dict | None:
    """The ``property`` item of the RDF memo entry, with each file it describes read from ``previous`` (kept
    only when its SHA-256 is the one recorded); None when it is of another shape."""
    if not (isinstance(held, dict) and held.keys() == {"nodes", "edges", "counts", "files"}
            and isinstance(held["nodes"], list) and isinstance(held["edges"], list)
            and isinstance(held["counts"], tuple) and len(held["counts"]) == 2
            and all(isinstance(c, dict) for c in held["counts"]) and isinstance(held["files"], dict)
            and previous is not None):
        return None
    files = {}
    for filename, described in held["files"].items():
        if not (isinstance(described, tuple) and len(described) == 2 and isinstance(described[1], array.array)
                and len(described[1]) == len(held["nodes"]) + len(held["edges"]) + 1):
            continue
        try:
            data = (previous / filename).read_bytes()
        except OSError:
            continue
        if hashlib.sha256(data).digest() == described[0]:
            files[filename] = (data, described[1])
    return {**held, "files": files}


def _changed_sources(G: nx.MultiDiGraph, old: nx.MultiDiGraph) -> tuple[set[str], set[tuple[str, str, str]]]:
    """The nodes and edges (``(u, v, key)``) of ``G`` or ``old`` whose statements may differ between the two:
    those added, removed or with other attributes; the edges of a node of another type (an edge's statements
    read its target's type, and nothing else of its ends); and every honor, when the honors' labels name other
    nodes (:func:`kg.rdf.honor_ids_of`)."""
    # networkx's own dicts (node -> attributes, node -> successor -> key -> attributes), compared in C: the
    # neighbourhoods an article left alone, most of them, compare equal as a whole
    new_nodes, old_nodes, new_succ, old_succ = G._node, old._node, G._succ, old._succ
    nodes = {n for n, d in new_nodes.items() if old_nodes.get(n, _ABSENT) != d} | (old_nodes.keys() - new_nodes.keys())
    edges: set[tuple[str, str, str]] = set()
    for u in new_succ.keys() | old_succ.keys():
        after, before = new_succ.get(u, {}), old_succ.get(u, {})
        if after == before:
            continue
        for v in after.keys() | before.keys():
            keys_after, keys_before = after.get(v, {}), before.get(v, {})
            if keys_after != keys_before:
                edges.update((u, v, k) for k in keys_after.keys() | keys_before.keys()
                             if keys_after.get(k, _ABSENT) != keys_before.get(k, _ABSENT))
    if rdf.honor_ids_of(G) != rdf.honor_ids_of(old):
        nodes |= {n for graph in (G, old) for n, t in graph.nodes(data="type") if t == "Honor"}
    retyped = {n for n in nodes if n in G and n in old and G.nodes[n].get("type") != old.nodes[n].get("type")}
    for graph in (G, old):
        for n in retyped:
            edges.update(graph.in_edges(n, keys=True))
            edges.update(graph.out_edges(n, keys=True))
    return nodes, edges


@dataclass(frozen=True)
class Exporter:
    """One export format: the file it writes, how to render it, and a line of help."""

    filename: str
    render: Callable[[ExportInput], str | bytes]
    description: str


# --- property-graph formats (GraphML, GEXF) ---------------------------------------------------------

# The attributes a node or edge may have in the property graph, in the order they are written; the
# integer ones are typed ``long``, the rest ``string``.
NODE_ATTRIBUTES = ("label", "type", "iri", "aliases", "mentions", "title", "date", "author", "url", "length")
EDGE_ATTRIBUTES = ("label", "predicate", "role", "text", "doc", "char_start", "char_end", "sentence")
_INTEGER_ATTRIBUTES = frozenset({"mentions", "length", "char_start", "char_end"})
_EDGE_RENAMED = {"start": "char_start", "end": "char_end"}  # GEXF reserves start and end for time


def property_rows(G: nx.MultiDiGraph) -> tuple[list[tuple[str, dict]], list[tuple[str, str, str, dict]]]:
    """The nodes ``(id, attributes)`` and edges ``(key, source, target, attributes)`` of the property graph,
    sorted, with only scalar attributes, as GraphML and GEXF can hold them.

    Nodes keep ``label`` and ``type`` and gain ``iri`` (the node's IRI in the RDF exports); ``aliases``
    become one ``|``-separated string and ``mentions`` their count. Edges keep their key as id and
    their attributes, with ``start``/``end`` renamed ``char_start``/``char_end`` and ``label`` set to the
    role or predicate. Missing values are left out. Characters XML 1.0 cannot hold (control characters
    such as ``\\x00`` or ``\\x0b``, U+FFFE/U+FFFF, lone surrogates) become U+FFFD, one for one, so the XML
    parses and offsets still count right.
    """
    nodes = [_node_row(node, d) for node, d in sorted(G.nodes(data=True))]
    edges = [_edge_row(u, v, key, d) for u, v, key, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[2])]
    return nodes, edges


def _node_row(node: str, d: dict) -> tuple[str, dict]:
    """One node's row of :func:`property_rows`."""
    attrs: dict[str, object] = {"label": d["label"], "type": d["type"], "iri": str(rdf.iri(node))}
    if d.get("aliases"):
        attrs["aliases"] = "|".join(d["aliases"])
    attrs["mentions"] = len(d.get("mentions", []))
    for k in ("title", "date", "author", "url", "length"):
        if d.get(k) is not None:
            attrs[k] = d[k]
    return _xml_text(node), {k: _xml_text(v) for k, v in attrs.items()}


def _edge_row(u: str, v: str, key: str, d: dict) -> tuple[str, str, str, dict]:
    """One edge's row of :func:`property_rows`."""
    attrs = {"label": d.get("role") or d["predicate"]}
    for k in ("predicate", "role", "text", "doc", "start", "end", "sentence"):
        if d.get(k) is not None:
            attrs[_EDGE_RENAMED.get(k, k)] = d[k]
    return _xml_text(key), _xml_text(u), _xml_text(v), {k: _xml_text(x) for k, x in attrs.items()}


def property_graph(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``G`` as the property graph the GraphML and GEXF files hold (see :func:`property_rows`).

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", type="Person", label="李", aliases=["小李"], mentions=[("d", 0, 1)])
    >>> dict(property_graph(G).nodes["p"])
    {'label': '李', 'type': 'Person', 'iri': 'https://example.org/kg/p', 'aliases': '小李', 'mentions': 1}
    """
    nodes, edges = property_rows(G)
    H = nx.MultiDiGraph()
    H.add_nodes_from(nodes)
    for key, u, v, attrs in edges:
        H.add_edge(u, v, key=key, **attrs)
    return H


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Escapes for attribute values and text alike; tabs and line breaks as references, so parsers keep them.
# No escape holds a character escaped after it ("&" comes first), so replacing one after another escapes each once.
_XML_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("\t", "&#9;"), ("\n", "&#10;"),
                ("\r", "&#13;"))


def _xml_text(value: object) -> object:
    """A string with the characters XML 1.0 cannot hold replaced by U+FFFD; other values unchanged.

    >>> _xml_text("a\\x00b\\x0bc\\uffff"), _xml_text(3)
    ('a\ufffdb\ufffdc\ufffd', 3)
    """
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _xml(value: object) -> str:
    """``value`` (already passed through :func:`_xml_text`) escaped for an XML attribute value or text.

    >>> _xml('a&b<"c">\\t')
    'a&amp;b&lt;&quot;c&quot;&gt;&#9;'
    """
    text = str(value)
    for char, escape in _XML_ESCAPES:  # str.replace, not str.translate: three times faster
        text = text.replace(char, escape)
    return text


def _used(rows: list[tuple], names: tuple[str, ...]) -> list[str]:
    """The attribute names, of ``names``, that some row's attributes (its last item) hold, in that order."""
    seen = set().union(*(row[-1].keys() for row in rows)) if rows else set()
    return [name for name in names if name in seen]


def _attribute_type(name: str) -> str:
    return "long" if name in _INTEGER_ATTRIBUTES else "string"


_XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>\n"


PropertyRows = tuple[list[tuple[str, dict]], list[tuple[str, str, str, dict]]]


def graphml(G: nx.MultiDiGraph) -> str:
    """The graph as GraphML (edge ids are the stable fact keys; key ids are ``n_`` or ``e_`` + the name)."""
    return graphml_from_rows(property_rows(G))


def graphml_from_rows(rows: PropertyRows) -> str:
    """:func:`graphml` from the graph's :func:`property_rows`."""
    return _xml_from_rows("graphml", rows)


def gexf(G: nx.MultiDiGraph) -> str:
    """The graph as static GEXF 1.2 for Gephi: labels as the ``label`` of nodes and edges, the other
    attributes as attribute values, edge ids the stable fact keys; no date, so the bytes depend on the
    graph only."""
    return gexf_from_rows(property_rows(G))


def gexf_from_rows(rows: PropertyRows) -> str:
    """:func:`gexf` from the graph's :func:`property_rows`."""
    return _xml_from_rows("gexf", rows)


def _xml_from_rows(name: str, rows: PropertyRows) -> str:
    nodes, edges = rows
    head, node_block, middle, edge_block, tail = _XML_WRITERS[name](_used(nodes, NODE_ATTRIBUTES),
                                                                   _used(edges, EDGE_ATTRIBUTES))
    return "".join([head, *(node_block(*row) for row in nodes), middle, *(edge_block(*row) for row in edges), tail])


XmlWriter = tuple[str, Callable[..., str], str, Callable[..., str], str]


def _graphml_writer(node_names: list[str], edge_names: list[str]) -> XmlWriter:
    """GraphML's head, a node's block, what comes between the nodes and the edges, an edge's block and the
    tail, for rows that use the attributes ``node_names`` and ``edge_names``."""
    head = [_XML_DECLARATION,
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
            'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n']
    for kind, names in (("node", node_names), ("edge", edge_names)):
        for name in names:
            head.append(f'  <key id="{kind[0]}_{name}" for="{kind}" attr.name="{name}" '
                        f'attr.type="{_attribute_type(name)}" />\n')
    head.append('  <graph edgedefault="directed">\n')

    def node_block(node: str, attrs: dict) -> str:
        return "".join([f'    <node id="{_xml(node)}">\n',
                        *(f'      <data key="n_{k}">{_xml(v)}</data>\n' for k, v in attrs.items()), "    </node>\n"])

    def edge_block(key: str, u: str, v: str, attrs: dict) -> str:
        return "".join([f'    <edge id="{_xml(key)}" source="{_xml(u)}" target="{_xml(v)}">\n',
                        *(f'      <data key="e_{k}">{_xml(x)}</data>\n' for k, x in attrs.items()), "    </edge>\n"])

    return "".join(head), node_block, "", edge_block, "  </graph>\n</graphml>\n"


def _gexf_writer(node_names: list[str], edge_names: list[str]) -> XmlWriter:
    """GEXF's parts, as :func:`_graphml_writer` gives GraphML's."""
    head = [_XML_DECLARATION,
            '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
            'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2">\n',
            "  <meta>\n    <creator>kg</creator>\n  </meta>\n",
            '  <graph defaultedgetype="directed" mode="static">\n']
    ids: dict[str, dict[str, int]] = {}
    for kind, names in (("node", node_names), ("edge", edge_names)):
        used = [name for name in names if name != "label"]
        ids[kind] = {name: len(ids.get("node", {})) + i for i, name in enumerate(used)}
        if used:
            head.append(f'    <attributes class="{kind}" mode="static">\n')
            head.extend(f'      <attribute id="{i}" title="{name}" type="{_attribute_type(name)}" />\n'
                        for name, i in ids[kind].items())
            head.append("    </attributes>\n")
    head.append("    <nodes>\n")

    def attvalues(kind: str, attrs: dict) -> list[str]:
        values = [f'          <attvalue for="{ids[kind][k]}" value="{_xml(v)}" />\n'
                  for k, v in attrs.items() if k != "label"]
        return ["        <attvalues>\n", *values, "        </attvalues>\n"] if values else []

    def node_block(node: str, attrs: dict) -> str:
        return "".join([f'      <node id="{_xml(node)}" label="{_xml(attrs["label"])}">\n', *attvalues("node", attrs),
                        "      </node>\n"])

    def edge_block(key: str, u: str, v: str, attrs: dict) -> str:
        return "".join([f'      <edge id="{_xml(key)}" source="{_xml(u)}" target="{_xml(v)}" label="{_xml(attrs["label"])}">\n',
                        *attvalues("edge", attrs), "      </edge>\n"])

    return ("".join(head), node_block, "    </nodes>\n    <edges>\n", edge_block,
            "    </edges>\n  </graph>\n</gexf>\n")


_XML_WRITERS: dict[str, Callable[[list[str], list[str]], XmlWriter]] = {"graphml": _graphml_writer, "gexf": _gexf_writer}
PROPERTY_WRITERS: dict[str, Callable[[PropertyRows], str]] = {"graphml": graphml_from_rows, "gexf": gexf_from_rows}


# --- work kept for the next export (the memo) ----------------------------------------------------------

MEMO_DIRNAME = "exports"  # in the build's cache folder


def memo_fingerprint() -> str:
    """A hash of the code that renders the exports and of the libraries whose arithmetic or text they follow:
    a memo entry made under another fingerprint is never looked up."""
    from importlib.metadata import PackageNotFoundError, version

    package = Path(__file__).resolve().parent
    files = [package / name for name in ("export.py", "graph.py", "rdf.py", "viz.py")]
    files += sorted(p for p in (package / "templates").glob("*") if p.is_file())
    parts = [f"python={sys.version_info[:3]}"]
    for dist in ("numpy", "networkx", "pyoxigraph", "pyvis"):
        try:
            parts.append(f"{dist}={version(dist)}")
        except PackageNotFoundError:
            parts.append(f"{dist}=none")
    return fingerprint(parts, files)


def open_memo(folder: Path | None) -> AnalysisCache | None:
    """The export memo in a build's cache folder (None: no memo)."""
    return None if folder is None else AnalysisCache(Path(folder) / MEMO_DIRNAME, memo_fingerprint())


def memoized(memo: AnalysisCache | None, name: str, key: str, compute: Callable[[], T],
             valid: Callable[[object], bool]) -> T:
    """``compute()``, or the value the memo holds under ``name`` when it was computed for the same ``key``
    (a hash of everything the value depends on) and passes ``valid``; the memo then holds this value.

    One value is kept per name, the last export's. An entry that is corrupt (checksummed, see
    :mod:`kg.cache`), made for another key or of the wrong shape is ignored and replaced.
    """
    if memo is not None:
        held = memo.get(name)
        if isinstance(held, tuple) and len(held) == 2 and held[0] == key and valid(held[1]):
            return held[1]
    value = compute()
    if memo is not None:
        memo.put(name, (key, value))  # a memo that cannot be written costs the next export time, nothing else
    return value


def _layout(memo: AnalysisCache | None, G: nx.MultiDiGraph) -> dict[str, tuple[int, int]]:
    """:func:`kg.viz.layout` of ``G``, memoized by :func:`kg.viz.layout_key`; when that misses, its force-directed
    part is memoized apart, by :func:`kg.viz.force_key` (an article that only adds edges between nodes already
    joined changes the sizes of nodes, not which are joined)."""
    def force(linked: list[str], pairs: list[tuple[int, int]]):
        return memoized(memo, "layout-force", viz.force_key(linked, pairs), lambda: viz.force_positions(linked, pairs),
                        lambda held: getattr(held, "shape", None) == (len(linked), 2) and held.dtype == "float64")

    return memoized(memo, "layout", viz.layout_key(G), lambda: viz.layout(G, force_with=force),
                    lambda held: isinstance(held, dict) and held.keys() == G.nodes.keys())


def _html(x: ExportInput) -> str:
    return viz.html(x.graph, layout_with=functools.partial(_layout, x.memo))


EXPORTERS: dict[str, Exporter] = {
    "turtle": Exporter("graph.ttl", lambda x: x.blocks.render("turtle") if x.blocks is not None
                       else rdf.turtle_from_ntriples(x.ntriples), "RDF as Turtle"),
    "ntriples": Exporter("graph.nt", lambda x: x.ntriples,
                         "RDF as sorted N-Triples (what the Oxigraph store and `kg push` load)"),
    "jsonld": Exporter("graph.jsonld", lambda x: x.blocks.render("jsonld") if x.blocks is not None
                       else rdf.jsonld_from_rows(x.rows), "RDF as compact JSON-LD"),
    "graphml": Exporter("graph.graphml", lambda x: x.property_file("graphml"), "property graph as GraphML"),
    "gexf": Exporter("graph.gexf", lambda x: x.property_file("gexf"), "property graph as GEXF, for Gephi"),
    "html": Exporter("graph.html", _html, "offline HTML explorer"),
}

DEFAULT_FORMATS: tuple[str, ...] = tuple(EXPORTERS)


RDF_FORMATS = frozenset({"turtle", "ntriples", "jsonld"})  # rendered together: they share the statements
PROPERTY_FORMATS = frozenset({"graphml", "gexf"})  # rendered together: they share the property rows

# Relative rendering cost, measured on a 12,000-node graph; the dearest jobs go to the workers first.
_COST = {"html": 3.0, "graphml": 1.2, "gexf": 0.7, "property": 0.3, "rdf": 1.5, "turtle": 0.2, "ntriples": 0.2,
         "jsonld": 1.0, "store": 1.5}


def render_jobs(formats: tuple[str, ...], with_store: bool = False, by_difference: bool = False) -> list[tuple[str, ...]]:
    """``formats`` grouped into jobs for parallel rendering, dearest first: the RDF formats form one job
    (their statements are computed once; ``with_store``: it also loads the store), GraphML and GEXF another
    (the property rows, once), every other format is a job of its own. ``by_difference``: GraphML and GEXF
    are rendered by difference from the last export's, which reads the RDF memo entry: they join the RDF job,
    after its formats.

    >>> render_jobs(("turtle", "gexf", "ntriples", "html", "graphml"))
    [('html',), ('gexf', 'graphml'), ('turtle', 'ntriples')]
    >>> render_jobs(("turtle", "gexf", "ntriples", "html", "graphml"), by_difference=True)
    [('turtle', 'ntriples', 'gexf', 'graphml'), ('html',)]
    """
    rdf_job = tuple(name for name in formats if name in RDF_FORMATS)
    property_job = tuple(name for name in formats if name in PROPERTY_FORMATS)
    if by_difference and rdf_job and property_job:
        rdf_job, property_job = rdf_job + property_job, ()
    shared = RDF_FORMATS | PROPERTY_FORMATS
    jobs = [(name,) for name in formats if name not in shared] + [job for job in (rdf_job, property_job) if job]
    extra = {rdf_job: _COST["rdf"] + (_COST["store"] if with_store and "ntriples" in rdf_job else 0),
             property_job: _COST["property"]}
    cost = {job: sum(_COST.get(name, 1.0) for name in job) + extra.get(job, 0) for job in jobs}
    return sorted(jobs, key=lambda job: -cost[job])


PARALLEL_MIN_EDGES = 2000  # smaller graphs render in well under a second: not worth starting processes
_SHARED: ExportInput | None = None  # the graph a forked render worker inherits (too big to send)
_STAGE_IN: Path | None = None  # the folder the job rendering N-Triples loads the Oxigraph store into (None: no store)
_TEMPS: dict[str, tuple[Path, str]] | None = None  # filename -> (export path, its temporary file) to write into
_PREVIOUS: tuple[Path, Path] | None = None  # the last build's store and the graph.nt it holds, to update (None: load)
_JOB: tuple[str, ...] = ()  # the formats of the job rendering now


@collector.paused()  # renderers and the memo make millions of objects and no garbage cycles (kg.collector)
def _render_job(names: tuple[str, ...]) -> dict[str, str | bytes]:
    """Render ``names`` (and load the store, if asked); with temporary files to fill, write each format
    into its own there and return only what was not written."""
    x = _SHARED
    assert x is not None
    global _JOB
    _JOB = names
    try:
        rendered = {EXPORTERS[name].filename: EXPORTERS[name].render(x) for name in names}
    finally:
        _JOB = ()
    blocks = vars(x).get("blocks") if RDF_FORMATS.intersection(names) else None  # made for an RDF format and a memo
    if _STAGE_IN is not None and "ntriples" in names:
        nt = rendered[EXPORTERS["ntriples"].filename]
        _load_store(_STAGE_IN, nt, _PREVIOUS, blocks.difference(nt) if blocks is not None and _PREVIOUS is not None
                    else None)
    if blocks is not None:
        blocks.save()
    if _TEMPS is not None:
        # written here, beside the other jobs, rather than sent back to the parent to write one by one
        for filename in list(rendered):
            _fill_temp(*_TEMPS[filename], rendered.pop(filename))
    return rendered


def _load_store(staged: Path, ntriples: str | bytes | Path, previous: tuple[Path, Path] | None = None,
                difference: tuple[bytes, bytes, int] | None = None) -> None:
    """Fill the store in ``staged`` with ``ntriples``: by updating ``previous`` (the last build's store and its
    ``graph.nt``) when given and sound, else by loading them all. ``difference``: the lines gone from that
    ``graph.nt``, those added, and the new line count (:meth:`RdfBlocks.difference`), when known."""
    data = ntriples.encode("utf-8") if isinstance(ntriples, str) else ntriples
    if previous is not None:
        try:
            if difference is not None:
                store.update_stage_by(staged, previous[0], *difference)
            else:
                old = previous[1].read_bytes()
                store.update_stage(staged, previous[0], old, data if isinstance(data, bytes) else data.read_bytes())
            return
        except (ExportError, OSError):  # a store that cannot be updated is loaded afresh, as without a memo
            shutil.rmtree(staged, ignore_errors=True)
            staged.mkdir()
    store.load_stage(staged, data)


def _previous_store(out: Path) -> tuple[Path, Path] | None:
    """The store in ``out`` and the ``graph.nt`` it was loaded from, when they belong together."""
    return (store.store_path(out), out / store.SOURCE_FILE) if store.is_current(out) else None


def _check_formats(formats: tuple[str, ...]) -> None:
    unknown = [name for name in formats if name not in EXPORTERS]
    if unknown:
        raise ExportError(f"unknown export format {unknown[0]!r}; choose from {', '.join(sorted(EXPORTERS))}")


def render(G: nx.MultiDiGraph, formats: tuple[str, ...] = DEFAULT_FORMATS, workers: int = 1) -> dict[str, str | bytes]:
    """Render ``formats`` of ``G`` in memory: ``{filename: content}``, in the order of ``formats``.

    With ``workers`` > 1 the formats are rendered side by side in forked processes (where the
    platform forks; elsewhere here); the bytes are the same either way. Raises ExportError for an
    unknown name.
    """
    _check_formats(formats)
    rendered = _render(G, formats, workers, None, None)
    return {EXPORTERS[name].filename: rendered[EXPORTERS[name].filename] for name in formats}


def _render(G: nx.MultiDiGraph, formats: tuple[str, ...], workers: int, stage_in: Path | None,
            temps: dict[Path, str] | None, previous: tuple[Path, Path] | None = None,
            memo: AnalysisCache | None = None) -> dict[str, str | bytes]:
    """Render ``formats`` in jobs side by side; with ``stage_in`` (a folder from :func:`kg.store.new_stage`)
    the job that renders N-Triples also loads them into a store there; with ``temps`` (``{path: temporary
    file}``, from :func:`_new_temp`) the jobs write the formats into those files; with ``previous`` (see
    :func:`_load_store`) the store is updated rather than loaded; ``memo`` is the export memo
    (:func:`open_memo`) renderers may reuse work from. Returns what was not written:
    ``{filename: content}``."""
    global _SHARED, _STAGE_IN, _TEMPS, _PREVIOUS
    # A process that has opened a store runs RocksDB's threads; a forked worker must not use RocksDB then.
    store_in_job = stage_in is not None and not has_native_threads()
    named = {path.name: (path, tmp) for path, tmp in temps.items()} if temps is not None else None
    last = next(iter(temps)).parent if temps else None  # the export folder, whose files the memo describes
    # GraphML and GEXF by difference where the last export wrote them (else whole, as a job of their own)
    by_difference = memo is not None and last is not None and all(
        (last / EXPORTERS[name].filename).is_file() for name in formats if name in PROPERTY_FORMATS)
    jobs = render_jobs(formats, with_store=store_in_job, by_difference=by_difference)
    if G.number_of_edges() < PARALLEL_MIN_EDGES:
        workers = 1
    _SHARED, _STAGE_IN, _TEMPS, _PREVIOUS = ExportInput(G, memo, last, formats), stage_in if store_in_job else None, named, previous
    rendered: dict[str, str | bytes] = {}
    try:
        for part in map_unordered(_render_job, jobs, min(workers, len(jobs)), fork_only=True):
            rendered.update(part)
    finally:
        _SHARED = _STAGE_IN = _TEMPS = _PREVIOUS = None
    if stage_in is not None and not store_in_job:
        nt = EXPORTERS["ntriples"].filename
        _load_store(stage_in, rendered[nt] if named is None else Path(named[nt][1]), previous)
    return rendered


def write_exports(G: nx.MultiDiGraph, out: Path, formats: tuple[str, ...] = DEFAULT_FORMATS,
                  workers: int = 1, with_store: bool = False, memo: Path | None = None) -> list[Path]:
    """Render every format into a temporary file (``workers`` processes side by side), then rename them all
    into place; a failure leaves all earlier files in place. Returns the paths written.

    ``with_store``: also load the Oxigraph store (:mod:`kg.store`) from the N-Triples, when that format is
    written; it is loaded while the other formats render and swapped in after the files.
    ``memo``: a folder where this export may keep work for the next one and reuse the last one's (the build's
    cache folder); the store of the last build is then updated by the difference of the N-Triples instead of
    loaded again. The files and the store's triples are the same with or without it.
    """
    out = Path(out)
    _check_formats(formats)  # before a store folder is made
    staged = store.new_stage(out) if with_store and "ntriples" in formats else None
    previous = _previous_store(out) if memo is not None and staged is not None else None
    temps: dict[Path, str] = {}
    try:
        for name in formats:
            path = out / EXPORTERS[name].filename
            temps[path] = _new_temp(path)
        _render(G, formats, workers, staged, temps, previous, open_memo(memo))
        _replace_all(temps)
    except BaseException:
        _remove_all(temps)  # a job still running finds its file gone and stops
        if staged is not None:
            shutil.rmtree(staged, ignore_errors=True)
        raise
    written = list(temps)
    if staged is not None:
        written.append(store.install_store(out, staged))
    return written
