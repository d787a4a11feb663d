"""``kg push``: load an export into any SPARQL 1.1 Graph Store Protocol endpoint.

Fuseki (``http://host:3030/DATASET/data``), GraphDB (``http://host:7200/repositories/REPO/rdf-graphs/service``),
Virtuoso (``http://host:8890/sparql-graph-crud``) and Oxigraph (``http://host:7878/store``) all accept it.
``PUT`` replaces the target graph (the default graph, or ``graph=IRI``), ``POST`` adds to it. The body is
the export's sorted N-Triples (or Turtle) streamed from disk, so large exports need no extra memory.
"""
from __future__ import annotations

import base64
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ExportError

MEDIA_TYPES = {".nt": "application/n-triples", ".ttl": "text/turtle", ".jsonld": "application/ld+json"}


@dataclass(frozen=True)
class Pushed:
    """One upload: what was sent where, and the endpoint's answer."""

    source: Path
    url: str
    method: str
    status: int
    size: int


def graph_store_url(endpoint: str, graph: str | None = None) -> str:
    """The Graph Store Protocol URL for the default graph or a named graph.

    >>> graph_store_url("http://localhost:7878/store")
    'http://localhost:7878/store?default'
    >>> graph_store_url("http://localhost:3030/kg/data", "https://example.org/kg/ontology")
    'http://localhost:3030/kg/data?graph=https%3A%2F%2Fexample.org%2Fkg%2Fontology'
    """
    parts = urllib.parse.urlsplit(endpoint)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ExportError(f"{endpoint}: not an http(s) URL; give the endpoint's Graph Store Protocol URL, "
                          "e.g. http://localhost:7878/store")
    query = "default" if graph is None else urllib.parse.urlencode({"graph": graph})
    return endpoint + ("&" if parts.query else "?") + query


def source_file(path: Path) -> Path:
    """The file to upload for an export folder (``graph.nt``, else ``graph.ttl``) or an RDF file."""
    path = Path(path)
    if path.is_dir():
        for name in ("graph.nt", "graph.ttl"):
            if (path / name).is_file():
                return path / name
        raise ExportError(f"{path}: no graph.nt or graph.ttl here; run `kg build --out {path}` first")
    if path.is_file():
        if path.suffix.lower() not in MEDIA_TYPES:
            raise ExportError(f"{path}: cannot tell its RDF format; use a .nt, .ttl or .jsonld file")
        return path
    raise ExportError(f"{path}: no such export folder or file")


def push_file(path: Path, endpoint: str, graph: str | None = None, append: bool = False,
              user: str | None = None, password: str | None = None, timeout: float = 300.0) -> Pushed:
    """Upload one RDF file to a Graph Store Protocol endpoint (PUT replaces the graph, POST appends)."""
    path = Path(path)
    url = graph_store_url(endpoint, graph)
    method = "POST" if append else "PUT"
    size = path.stat().st_size
    headers = {"Content-Type": MEDIA_TYPES[path.suffix.lower()], "Content-Length": str(size)}
    if user is not None:
        token = base64.b64encode(f"{user}:{password or ''}".encode("utf-8")).decode("ascii")
        headers["Authorization"] = f"Basic {token}"
    try:
        with path.open("rb") as body:
            request = urllib.request.Request(url, data=body, method=method, headers=headers)
            with urllib.request.urlopen(request, timeout=timeout) as response:
                status = response.status
    except urllib.error.HTTPError as e:
        detail = e.read(300).decode("utf-8", "replace").strip()
        raise ExportError(f"{url}: the endpoint refused the {method} with HTTP {e.code} {e.reason}"
                          f"{': ' + detail if detail else ''}; check the URL (its Graph Store Protocol "
                          "service), that it is writable, and the credentials") from e
    except (urllib.error.URLError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise ExportError(f"{url}: cannot reach the endpoint ({reason}); is it running?") from e
    return Pushed(path, url, method, status, size)


def push(export: Path, endpoint: str, graph: str | None = None, append: bool = False,
         with_ontology: bool = False, user: str | None = None, password: str | None = None) -> list[Pushed]:
    """Load an export (folder or file) into ``endpoint``; with ``with_ontology`` also ``ontology/kg.ttl``
    into the named graph ``https://example.org/kg/ontology``."""
    done = [push_file(source_file(export), endpoint, graph, append, user, password)]
    if with_ontology:
        from kg.rdf import vocabulary_path
        from kg.store import ONTOLOGY_GRAPH

        done.append(push_file(vocabulary_path(), endpoint, ONTOLOGY_GRAPH, False, user, password))
    return done
