"""Entities and facts as a ``networkx.MultiDiGraph``: the library's central data structure.

Nodes are entities and documents. Node attributes: ``type`` (Person, Organization, Place, Honor,
Document), ``label``, ``aliases`` (sorted list), ``mentions`` (list of ``(doc_id, start, end)``),
plus for documents ``title``, ``date``, ``author``, ``url``, ``source``.

Edges carry ``predicate`` (membership, award, quote, suborganization, located_in,
contained_in_place), ``role`` (the title as written, memberships), ``text`` (quotes), and the
evidence: ``doc`` (document id), ``sentence`` (the evidence text), ``start``/``end`` (character
offsets of the sentence in the document). A membership with no organization and a quote point at
the document that states them.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from operator import itemgetter

import networkx as nx

from kg.link import LinkedDocument
from kg.types import (CONTAINED_IN_PLACE, LOCATED_IN, ORGANIZATION, PLACE, QUOTE, Entity, Relation)

DOCUMENT = "Document"


def edge_key(r: Relation) -> str:
    """A stable key for the fact: the same fact from the same words gets the same key."""
    raw = "\t".join(str(x) for x in (r.kind, r.subject, r.object, r.role, r.text, r.evidence.doc_id,
                                     r.evidence.start, r.evidence.end))
    return f"{r.kind}-" + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:12]


def build_graph(entities: dict[str, Entity], documents: Iterable[LinkedDocument],
                places: dict[str, tuple[str, str | None]] | None = None) -> nx.MultiDiGraph:
    """Assemble the graph from linked documents.

    ``places`` maps a place entity id to (canonical name, parent canonical name) so that
    ``contained_in_place`` edges join places that are both in the graph.
    """
    G = nx.MultiDiGraph()
    docs = sorted(documents, key=lambda d: d.document.id)
    for ld in docs:
        d = ld.document
        G.add_node(d.id, type=DOCUMENT, label=d.title or d.source or d.id, aliases=[], mentions=[],
                   title=d.title, date=d.date, author=d.author, url=d.url, source=d.source, length=len(d.text))
    for eid, e in sorted(entities.items()):
        G.add_node(eid, type=e.label, label=e.name, aliases=sorted(e.aliases), mentions=[])
    for ld in docs:
        for m in ld.mentions:
            if m.entity_id in G:
                G.nodes[m.entity_id]["mentions"].append((ld.document.id, m.span.start, m.span.end))
        text = ld.document.text
        keyed = sorted(((edge_key(r), r) for r in ld.relations), key=itemgetter(0))  # each key hashed once
        for key, r in keyed:
            target = r.object if r.object is not None else ld.document.id
            G.add_edge(r.subject, target, key=key, predicate=r.kind, role=r.role, text=r.text,
                       doc=ld.document.id, start=r.evidence.start, end=r.evidence.end,
                       sentence=text[r.evidence.start:r.evidence.end])
    _add_places(G, places or {})
    return G


def _add_places(G: nx.MultiDiGraph, places: dict[str, tuple[str, str | None]]) -> None:
    by_name = {name: eid for eid, (name, _) in places.items() if eid in G}
    for eid, (name, parent) in sorted(places.items()):
        if eid in G and parent in by_name:
            G.add_edge(eid, by_name[parent], key=f"{CONTAINED_IN_PLACE}-{eid}", predicate=CONTAINED_IN_PLACE,
                       role=None, text=None, doc=None, start=None, end=None, sentence=None)


def add_locations(G: nx.MultiDiGraph, located: dict[str, str]) -> None:
    """Add ``located_in`` edges from organization ids to place ids."""
    for org, place in sorted(located.items()):
        if org in G and place in G:
            G.add_edge(org, place, key=f"{LOCATED_IN}-{org}", predicate=LOCATED_IN, role=None, text=None,
                       doc=None, start=None, end=None, sentence=None)


def nodes_of_type(G: nx.MultiDiGraph, type_: str) -> list[str]:
    """Ids of the nodes of one type, sorted."""
    return sorted(n for n, t in G.nodes(data="type") if t == type_)


def facts(G: nx.MultiDiGraph, predicate: str) -> list[tuple[str, str, dict]]:
    """Edges with one predicate as ``(subject, object, attributes)``, in a stable order."""
    return sorted(((u, v, d) for u, v, k, d in G.edges(keys=True, data=True) if d["predicate"] == predicate),
                  key=lambda t: (t[0], t[1], t[2].get("start") or 0, t[2].get("role") or "", t[2].get("text") or ""))


def summary(G: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """Counts of nodes by type and edges by predicate."""
    nodes: dict[str, int] = {}
    for _, t in G.nodes(data="type"):
        nodes[t] = nodes.get(t, 0) + 1
    edges: dict[str, int] = {}
    for _, _, p in G.edges(data="predicate"):
        edges[p] = edges.get(p, 0) + 1
    return {"nodes": dict(sorted(nodes.items())), "edges": dict(sorted(edges.items()))}


__all__ = ["DOCUMENT", "build_graph", "add_locations", "nodes_of_type", "facts", "summary", "edge_key",
           "ORGANIZATION", "PLACE", "QUOTE"]
