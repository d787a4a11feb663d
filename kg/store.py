"""The embedded SPARQL store: an Oxigraph database under the export folder (``exports/oxigraph/``).

``kg build`` loads it from ``graph.nt`` right after writing the exports (:func:`build_store`), so
``kg query`` and ``kg serve`` answer from indexes instead of parsing the graph again. The default graph
holds the export; the named graph ``kg:ontology`` (https://example.org/kg/ontology) holds
``ontology/kg.ttl``. A small stamp file records which ``graph.nt`` the store was loaded from, so a
store older than its export is never used by mistake (:func:`is_current`).

The store is built in a temporary folder beside the old one and swapped in by renames, so a reader
never sees a half-loaded store; nothing ever writes into a store that a reader may have open.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

from kg.errors import ExportError, QueryError

STORE_DIR = "oxigraph"
SOURCE_FILE = "graph.nt"
STAMP_FILE = "kg-source.json"
ONTOLOGY_GRAPH = "https://example.org/kg/ontology"

# Files an export folder may hold, in the order they are tried when there is no current store.
DATA_FILES = {"graph.nt": ox.RdfFormat.N_TRIPLES, "graph.ttl": ox.RdfFormat.TURTLE,
              "graph.jsonld": ox.RdfFormat.JSON_LD}
FORMATS_BY_SUFFIX = {".nt": ox.RdfFormat.N_TRIPLES, ".ttl": ox.RdfFormat.TURTLE, ".jsonld": ox.RdfFormat.JSON_LD,
                     ".json": ox.RdfFormat.JSON_LD, ".nq": ox.RdfFormat.N_QUADS, ".trig": ox.RdfFormat.TRIG,
                     ".rdf": ox.RdfFormat.RDF_XML, ".owl": ox.RdfFormat.RDF_XML, ".n3": ox.RdfFormat.N3}


def store_path(export_dir: Path) -> Path:
    """Where the store of an export folder lives."""
    return Path(export_dir) / STORE_DIR


def _fingerprint(source: Path) -> dict[str, int | str]:
    st = source.stat()
    return {"file": source.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def is_current(export_dir: Path) -> bool:
    """True when the folder has a store loaded from the ``graph.nt`` that is there now."""
    export_dir = Path(export_dir)
    try:
        stamp = json.loads((store_path(export_dir) / STAMP_FILE).read_text(encoding="utf-8"))
        return stamp == _fingerprint(export_dir / SOURCE_FILE)
    except (OSError, ValueError):
        return False


def build_store(export_dir: Path, with_ontology: bool = True) -> Path:
    """Load ``export_dir/graph.nt`` (and the vocabulary) into a fresh store and swap it in; returns its path.

    Raises ExportError when the export is missing or the folder cannot be written; the previous store,
    if any, is then left as it was.
    """
    export_dir = Path(export_dir)
    source = export_dir / SOURCE_FILE
    if not source.is_file():
        raise ExportError(f"{source}: not found; run `kg build --out {export_dir}` to write the N-Triples export first")
    staged = new_stage(export_dir)
    try:
        load_stage(staged, source, with_ontology)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return install_store(export_dir, staged)


STALE_STAGE_SECONDS = 3600


def new_stage(export_dir: Path) -> Path:
    """A new hidden folder in ``export_dir`` to load a store into (:func:`load_stage`) before it is swapped
    in (:func:`install_store`). Folders a killed run left, an hour old or more, are removed here.

    ``kg build`` loads the store in this folder while the other exports render, then installs it once
    ``graph.nt`` is in place.
    """
    export_dir = Path(export_dir)
    for stale in export_dir.glob(f".{STORE_DIR}.*.tmp"):
        try:
            if time.time() - stale.stat().st_mtime > STALE_STAGE_SECONDS:
                shutil.rmtree(stale, ignore_errors=True)
        except OSError:
            pass
    try:
        export_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{STORE_DIR}.", suffix=".tmp", dir=export_dir))
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp's 0700 would hide the store from a server run as another user
    except OSError as e:
        raise ExportError(f"{export_dir}: cannot write exports here ({e.strerror}); choose another --out folder") from e
    return tmp


def load_stage(staged: Path, ntriples: Path | bytes, with_ontology: bool = True) -> None:
    """Load N-Triples (a file, or the bytes of one not yet written) and the vocabulary into a new store in
    the empty folder ``staged``; the caller deletes the folder when this fails."""
    what = ntriples if isinstance(ntriples, Path) else "the N-Triples export"
    try:
        store = ox.Store(str(staged))
        if isinstance(ntriples, Path):
            store.bulk_load(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES)
        else:
            store.bulk_load(ntriples, ox.RdfFormat.N_TRIPLES)
        if with_ontology:
            from kg.rdf import vocabulary_path

            store.bulk_load(path=str(vocabulary_path()), format=ox.RdfFormat.TURTLE,
                            to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
        store.flush()
        store.optimize()
        del store  # closes the database before it is moved (nothing else holds it: no full collection needed)
    except (OSError, SyntaxError, ValueError) as e:
        raise ExportError(f"{staged.parent / STORE_DIR}: the Oxigraph store could not be built from {what} ({e}); "
                          "the previous store is unchanged") from e


def ntriples_difference(old: bytes, new: bytes) -> tuple[bytes, bytes]:
    """The lines of N-Triples ``old`` that ``new`` lacks, and those ``new`` adds, each as N-Triples text.

    The exports write every triple as one canonical line, so equal lines are equal triples.

    >>> ntriples_difference(b"<a> <b> <c> .\\n<a> <b> <d> .\\n", b"<a> <b> <d> .\\n<a> <b> <e> .\\n")
    (b'<a> <b> <c> .\\n', b'<a> <b> <e> .\\n')
    """
    old_lines, new_lines = set(old.splitlines()), set(new.splitlines())
    gone, added = sorted(old_lines - new_lines - {b""}), sorted(new_lines - old_lines - {b""})
    return b"".join(line + b"\n" for line in gone), b"".join(line + b"\n" for line in added)


def update_stage(staged: Path, previous: Path, old_ntriples: bytes, new_ntriples: bytes,
                 with_ontology: bool = True) -> None:
    """Make the store in the empty folder ``staged`` a copy of the store ``previous`` (loaded from
    ``old_ntriples``) changed to hold ``new_ntriples``: the triples of the difference are removed and added,
    and the vocabulary's named graph is loaded again. The same triples as :func:`load_stage` at a fraction
    of the cost when little changed; the caller deletes the folder when this fails.

    The copy is a RocksDB checkpoint: hard links to the previous store's files, which RocksDB never changes
    once written, so the previous store stays as it was whatever happens here.
    """
    gone, added = ntriples_difference(old_ntriples, new_ntriples)
    update_stage_by(staged, previous, gone, added, new_ntriples.count(b"\n"), with_ontology)


def update_stage_by(staged: Path, previous: Path, gone: bytes, added: bytes, lines: int,
                    with_ontology: bool = True) -> None:
    """:func:`update_stage` given the difference (:func:`ntriples_difference`) and the number of lines of the
    new N-Triples, for a caller that knows them without comparing the whole texts."""
    try:
        os.rmdir(staged)  # a checkpoint is made into a folder that does not exist yet
        ox.Store.read_only(str(previous)).backup(str(staged))  # closed as soon as this returns
        store = ox.Store(str(staged))
        for triple in ox.parse(gone, format=ox.RdfFormat.N_TRIPLES):
            store.remove(ox.Quad(triple.subject, triple.predicate, triple.object))
        store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in ox.parse(added, format=ox.RdfFormat.N_TRIPLES))
        if with_ontology:
            from kg.rdf import vocabulary_path

            ontology = ox.NamedNode(ONTOLOGY_GRAPH)
            store.clear_graph(ontology)
            store.load(path=str(vocabulary_path()), format=ox.RdfFormat.TURTLE, to_graph=ontology)
        store.flush()
        # A store changed since it was loaded (`kg serve --writable`) would keep the change: load it afresh.
        held = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        count = int(next(iter(held))["n"].value)
        del store, held  # closes the database before it is moved (nothing else holds it: no full collection needed)
        if count != lines:
            raise ValueError(f"it holds {count} triples where graph.nt has {lines}")
    except (OSError, SyntaxError, ValueError) as e:
        raise ExportError(f"{staged.parent / STORE_DIR}: the Oxigraph store could not be updated from the N-Triples "
                          f"export ({e}); the previous store is unchanged") from e


def install_store(export_dir: Path, staged: Path) -> Path:
    """Stamp a store from :func:`stage_store` with the ``graph.nt`` now in ``export_dir`` and swap it in for
    the old one; returns the store's path. The staged folder is gone afterwards, whatever happens."""
    export_dir = Path(export_dir)
    target = store_path(export_dir)
    try:
        (staged / STAMP_FILE).write_text(json.dumps(_fingerprint(export_dir / SOURCE_FILE)), encoding="utf-8")
        _swap(staged, target)
    except OSError as e:
        shutil.rmtree(staged, ignore_errors=True)
        raise ExportError(f"{target}: the new Oxigraph store could not be put in place ({e}); "
                          "the previous store is unchanged") from e
    return target


def _swap(new: Path, target: Path) -> None:
    """Put ``new`` at ``target`` by renames; the old store is moved aside first and deleted last."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{STORE_DIR}.", suffix=".old", dir=target.parent))
        os.rmdir(old)
        os.replace(target, old)
    try:
        os.replace(new, target)
    except OSError:
        if old is not None:
            os.replace(old, target)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def open_store(export_dir: Path) -> ox.Store:
    """The export folder's store, opened read-only. Raises QueryError when it is missing or stale."""
    export_dir = Path(export_dir)
    if not is_current(export_dir):
        raise QueryError(f"{store_path(export_dir)}: no store loaded from the current {SOURCE_FILE}; "
                         f"run `kg build --out {export_dir}` (or `kg query` reads the file into memory)")
    try:
        return ox.Store.read_only(str(store_path(export_dir)))
    except OSError as e:
        raise QueryError(f"{store_path(export_dir)}: cannot open the store ({e}); rebuild it with `kg build`") from e


def load_file(path: Path) -> ox.Store:
    """An in-memory store holding one RDF file (format from its suffix)."""
    path = Path(path)
    fmt = FORMATS_BY_SUFFIX.get(path.suffix.lower())
    if fmt is None:
        raise QueryError(f"{path}: unknown RDF format; use one of {', '.join(sorted(FORMATS_BY_SUFFIX))}")
    store = ox.Store()
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (OSError, SyntaxError, ValueError) as e:
        raise QueryError(f"{path}: cannot be read as RDF ({e})") from e
    return store


def open_export(path: Path) -> tuple[ox.Store, str]:
    """A store for an export folder or an RDF file, and a line saying where the data comes from.

    A folder with a current store is opened read-only (fast); otherwise its ``graph.nt``,
    ``graph.ttl`` or ``graph.jsonld`` is loaded into memory.
    """
    path = Path(path)
    if path.is_dir():
        if is_current(path):
            return open_store(path), f"store {store_path(path)}"
        for name in DATA_FILES:
            if (path / name).is_file():
                return load_file(path / name), f"{path / name} (in memory; `kg build` makes a store)"
        raise QueryError(f"{path}: no export here (graph.nt, graph.ttl or graph.jsonld); run `kg build --out {path}`")
    if path.is_file():
        return load_file(path), f"{path} (in memory)"
    raise QueryError(f"{path}: no such export folder or RDF file; run `kg build` or pass --export PATH")
