"""Writing exports: every file goes to a temporary file first and replaces the old one only when complete."""
from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import networkx as nx

from kg import rdf, viz
from kg.errors import ExportError


def write_atomic(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and an atomic rename."""
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise ExportError(f"{path.parent}: cannot write exports here ({e.strerror}); choose another --out folder") from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise ExportError(f"{path}: could not be written ({e.strerror}); the previous file is unchanged") from e


def render_turtle(G: nx.MultiDiGraph) -> str:
    from kg.pipeline import honor_classes

    return rdf.turtle(G, honor_classes())


EXPORTERS: dict[str, tuple[str, Callable[[nx.MultiDiGraph], str]]] = {
    "turtle": ("graph.ttl", render_turtle),
    "html": ("graph.html", viz.html),
}


def write_exports(G: nx.MultiDiGraph, out: Path, formats: tuple[str, ...] = ("turtle", "html")) -> list[Path]:
    """Render every format first, then write them; a failure leaves all earlier files in place."""
    rendered = []
    for name in formats:
        if name not in EXPORTERS:
            raise ExportError(f"unknown export format {name!r}; choose from {', '.join(sorted(EXPORTERS))}")
        filename, render = EXPORTERS[name]
        rendered.append((Path(out) / filename, render(G)))
    for path, data in rendered:
        write_atomic(path, data)
    return [p for p, _ in rendered]
