"""ontology/shapes.ttl: every export passes the SHACL shapes (pyshacl), and a broken one fails."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, SKOS

from kg import rdf
from kg.rdf import KG, OA, SDO

NON_NEGATIVE_INTEGER = URIRef("http://www.w3.org/2001/XMLSchema#nonNegativeInteger")


@pytest.fixture(scope="module")
def seed_ttl(seed_export) -> str:
    return (seed_export / "graph.ttl").read_text(encoding="utf-8")


def _graph(text: str) -> Graph:
    return Graph().parse(data=text, format="turtle")


def test_the_seed_export_conforms(seed_export):
    result = rdf.validate(Graph().parse(seed_export / "graph.ttl", format="turtle"))
    assert result.conforms, result.report


def test_the_dev_set_export_conforms(dev_graph):
    from kg.pipeline import honor_classes

    result = rdf.validate(rdf.to_rdf(dev_graph, honor_classes()))
    assert result.conforms, result.report


def test_the_hostile_graph_conforms(hostile_graph):
    result = rdf.validate(rdf.to_rdf(hostile_graph))
    assert result.conforms, result.report


def _first(g: Graph, cls: URIRef) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def _drop_member(g):
    m = _first(g, ORG.Membership)
    g.remove((m, ORG.member, None))


def _second_member(g):
    m = _first(g, ORG.Membership)
    g.add((m, ORG.member, _first(g, SDO.Person)))
    g.add((m, ORG.member, sorted(g.subjects(RDF.type, SDO.Person))[1]))


def _no_source(g):
    q = _first(g, SDO.Quotation)
    g.remove((q, PROV.wasDerivedFrom, None))


def _award_without_triple(g):
    a = _first(g, KG.AwardStatement)
    g.remove((g.value(a, KG.recipient), SDO.award, g.value(a, KG.honor)))


def _backwards_offsets(g):
    s = _first(g, OA.TextPositionSelector)
    g.set((s, OA.start, Literal(9999, datatype=NON_NEGATIVE_INTEGER)))


def _typo_predicate(g):
    m = _first(g, ORG.Membership)
    g.add((m, URIRef("http://www.w3.org/ns/org#rol"), _first(g, ORG.Role)))


def _english_label(g):
    g.add((_first(g, SDO.Person), RDFS.label, Literal("Li Huidong", lang="en")))


def _evidence_from_another_document(g):
    m = _first(g, ORG.Membership)
    target = g.value(g.value(m, KG.evidence), OA.hasTarget)
    other = URIRef(rdf.KG_BASE + "doc-other")
    g.add((other, RDF.type, SDO.NewsArticle))
    g.set((target, OA.hasSource, other))


def _unknown_level(g):
    h = _first(g, KG.Honor)
    g.set((h, KG.level, URIRef(rdf.KG_BASE + "Galactic")))


def _honor_outside_the_scheme(g):
    g.remove((_first(g, KG.Honor), SKOS.inScheme, None))


def _annotation_without_body(g):
    g.remove((_first(g, OA.Annotation), OA.hasBody, None))


BREAKAGES = {
    "membership without member": (_drop_member, "a membership has exactly one member"),
    "membership with two members": (_second_member, "a membership has exactly one member"),
    "quote without source": (_no_source, "a fact names at least one source document"),
    "award statement without its triple": (_award_without_triple, "an award statement has its plain triple"),
    "offsets backwards": (_backwards_offsets, "LessThanConstraintComponent"),
    "predicate typo": (_typo_predicate, "ClosedConstraintComponent"),
    "label in English": (_english_label, "needs exactly one rdfs:label in Chinese"),
    "evidence from another document": (_evidence_from_another_document, "the evidence must quote a document the fact is derived from"),
    "unknown honor level": (_unknown_level, "ClassConstraintComponent"),
    "honor outside the scheme": (_honor_outside_the_scheme, "HasValueConstraintComponent"),
    "annotation without body": (_annotation_without_body, "MinCountConstraintComponent"),
}


@pytest.mark.parametrize("name", sorted(BREAKAGES))
def test_a_broken_export_fails(seed_ttl, name):
    breakage, expected = BREAKAGES[name]
    g = _graph(seed_ttl)
    breakage(g)
    result = rdf.validate(g)
    assert not result.conforms
    assert expected in result.report
