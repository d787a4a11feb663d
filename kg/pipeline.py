"""The one place that knows the order of the stages: ingest → segment → extract → relate → link → graph."""
from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from kg import lexicon
from kg.extract import DocumentMentions, Recognizer, extract_mentions
from kg.graph import add_locations, build_graph
from kg.ingest import Skipped, read_documents
from kg.link import entity_id, link, place_canonical
from kg.relate import find_relations, organization_places
from kg.segment import Segmenter
from kg.types import HONOR, ORGANIZATION, PLACE, Document, Relation

EXTRACTOR_VERSION = "1"


@dataclass
class BuildReport:
    """What a build read, skipped and produced."""

    documents: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    graph: nx.MultiDiGraph | None = None


@functools.lru_cache(maxsize=1)
def default_recognizer() -> Recognizer:
    """The recognizer over the shipped lexicons and model (loaded once per process)."""
    lex = lexicon.load()
    words = [(t, "n") for t in lex.titles] + [(h, "nz") for h in lex.honors if len(h) <= 12]
    words += [(s, "n") for s in lex.org_suffixes if len(s) >= 2]
    segmenter = Segmenter(words)
    tagger = None
    try:
        from kg import ner

        tagger = ner.default_tagger()
    except Exception:  # noqa: BLE001 - the statistical tagger is optional until its model ships
        tagger = None
    return Recognizer(lex, segmenter, tagger)


def analyze(doc: Document, rec: Recognizer | None = None) -> tuple[Document, DocumentMentions, list[Relation]]:
    """Extract the mentions and facts of one document (pure; safe to run in a worker process)."""
    rec = rec or default_recognizer()
    dm = extract_mentions(doc, rec)
    return doc, dm, find_relations(doc, dm, rec)


def assemble(analyses: Iterable[tuple[Document, DocumentMentions, list[Relation]]],
             rec: Recognizer | None = None) -> nx.MultiDiGraph:
    """Link analyzed documents and build the graph."""
    rec = rec or default_recognizer()
    lex = rec.lex
    entities, linked = link(list(analyses), lex, rec)
    places: dict[str, tuple[str, str | None]] = {}
    for eid, e in entities.items():
        if e.label == PLACE:
            parent = lex.places[e.name].parent if e.name in lex.places else _zone_parent(e.name, lex)
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


def _zone_parent(name: str, lex: lexicon.Lexicons) -> str | None:
    for short in sorted(lex.place_alias, key=len, reverse=True):
        if name.startswith(short) and place_canonical(name, lex) == name and name != short:
            return lex.place_alias[short]
    return None


def honor_classes() -> dict[str, tuple[str, str]]:
    return dict(lexicon.load().honors)


def build_with_report(paths: Iterable[Path | str], progress: Callable[[int, int], None] | None = None) -> BuildReport:
    """Read, extract and link every article under ``paths``; report skipped inputs."""
    report = BuildReport()
    docs: dict[str, Document] = {}
    for item in read_documents([Path(p) for p in paths]):
        if isinstance(item, Skipped):
            report.skipped.append(item)
        else:
            docs.setdefault(item.id, item)
    rec = default_recognizer()
    analyses = []
    ordered = sorted(docs.values(), key=lambda d: d.id)
    for n, doc in enumerate(ordered, 1):
        analyses.append(analyze(doc, rec))
        if progress:
            progress(n, len(ordered))
    report.documents = len(ordered)
    report.graph = assemble(analyses, rec)
    return report


def build(paths: Iterable[Path | str]) -> nx.MultiDiGraph:
    """Build the knowledge graph from article files and folders.

    >>> G = build([])
    >>> G.number_of_nodes()
    0
    """
    report = build_with_report(paths)
    assert report.graph is not None
    return report.graph


__all__ = ["build", "build_with_report", "analyze", "assemble", "BuildReport", "EXTRACTOR_VERSION", "HONOR"]
