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

import gc
import json
import os
import shutil
import tempfile
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
    target = store_path(export_dir)
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{STORE_DIR}.", suffix=".tmp", dir=export_dir))
    except OSError as e:
        raise ExportError(f"{export_dir}: cannot create the store here ({e.strerror}); choose another --out folder") from e
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o777 & ~umask)  # mkdtemp's 0700 would hide the store from a server run as another user
        store = ox.Store(str(tmp))
        store.bulk_load(path=str(source), format=ox.RdfFormat.N_TRIPLES)
        if with_ontology:
            from kg.rdf import vocabulary_path

            store.bulk_load(path=str(vocabulary_path()), format=ox.RdfFormat.TURTLE,
                            to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
        store.flush()
        store.optimize()
        del store
        gc.collect()  # closes the database before it is moved
        (tmp / STAMP_FILE).write_text(json.dumps(_fingerprint(source)), encoding="utf-8")
        _swap(tmp, target)
    except (OSError, SyntaxError, ValueError) as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise ExportError(f"{target}: the Oxigraph store could not be built from {source} ({e}); "
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
