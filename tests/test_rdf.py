"""kg/rdf.py: the RDF statements of a graph, the vocabulary they use, and their provenance."""
from __future__ import annotations

import doctest
import gc
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, SKOS

from kg import rdf
from kg.ingest import read_documents
from kg.rdf import KG, OA, SDO

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
EVAL = ROOT.parent / "shared" / "eval"
KG_NS = rdf.KG_BASE


@pytest.fixture(scope="module")
def vocabulary() -> Graph:
    return Graph().parse(rdf.vocabulary_path(), format="turtle")


@pytest.fixture(scope="module")
def seed_rdf(seed_graph) -> Graph:
    from kg.pipeline import honor_classes

    return rdf.to_rdf(seed_graph, honor_classes())


def _label(g: Graph, node) -> str:
    return str(g.value(node, RDFS.label) or g.value(node, SKOS.prefLabel))


# --- the vocabulary -------------------------------------------------------------------------------

def test_kg_namespace_mirrors_the_vocabulary(vocabulary):
    declared = {str(s)[len(KG_NS):] for s in vocabulary.subjects() if isinstance(s, URIRef) and str(s).startswith(KG_NS)}
    assert declared == set(KG.__annotations__)


def test_every_kg_term_has_a_chinese_and_an_english_label(vocabulary):
    for term in KG.__annotations__:
        langs = {lit.language for lit in vocabulary.objects(KG[term], RDFS.label)}
        assert langs == {"zh", "en"}, term


def test_the_vocabulary_is_aligned_to_standard_terms(vocabulary):
    alignment = {(s, p, o) for s, p, o in vocabulary
                 if p in (RDFS.subClassOf, RDFS.subPropertyOf, OWL.inverseOf) and isinstance(o, URIRef)
                 and str(s).startswith(KG_NS)}
    assert alignment == {
        (KG.Honor, RDFS.subClassOf, SKOS.Concept),
        (KG.HonorClass, RDFS.subClassOf, SKOS.Concept),
        (KG.HonorLevel, RDFS.subClassOf, SKOS.Concept),
        (KG.AwardStatement, RDFS.subClassOf, PROV.Entity),
        (KG.mentionedIn, RDFS.subPropertyOf, DCTERMS.isReferencedBy),
        (KG.mentionedIn, OWL.inverseOf, SDO.mentions),
        (KG.evidence, OWL.inverseOf, OA.hasBody),
    }


def test_levels_agree_with_the_vocabulary(vocabulary):
    for notation, (concept, name) in rdf.LEVELS.items():
        assert (concept, RDF.type, KG.HonorLevel) in vocabulary
        assert (concept, SKOS.notation, Literal(notation)) in vocabulary
        assert (concept, SKOS.prefLabel, Literal(name, lang="zh")) in vocabulary


def test_every_kg_term_an_export_uses_is_declared(vocabulary, seed_rdf):
    used = {t for triple in seed_rdf for t in (triple[1], triple[2])
            if isinstance(t, URIRef) and str(t).startswith(KG_NS) and "-" not in str(t)[len(KG_NS):]}
    assert used == {KG.Honor, KG.HonorClass, KG.HonorLevel, KG.AwardStatement, KG.mentionedIn, KG.evidence,
                    KG.recipient, KG.honor, KG.level, KG.honors, KG.National, KG.Provincial, KG.Municipal}
    for term in used:
        assert (term, RDFS.label, None) in vocabulary, term


def test_document_constant_matches_the_graph_module():
    from kg.graph import DOCUMENT

    assert rdf.DOCUMENT == DOCUMENT


# --- honors as a SKOS scheme ---------------------------------------------------------------------

def test_honors_have_their_class_and_level(seed_rdf):
    """The issue's examples: 全国劳动模范 → 劳动模范 (national), 河南五一劳动奖章 → 五一劳动奖章 (provincial)."""
    rows = set()
    for honor in seed_rdf.subjects(RDF.type, KG.Honor):
        broader = seed_rdf.value(honor, SKOS.broader)
        rows.add((_label(seed_rdf, honor), _label(seed_rdf, broader), seed_rdf.value(honor, KG.level)))
        assert (honor, SKOS.inScheme, KG.honors) in seed_rdf
        assert (broader, RDF.type, KG.HonorClass) in seed_rdf
        assert (broader, SKOS.topConceptOf, KG.honors) in seed_rdf
    assert rows == {
        ("全国劳动模范", "劳动模范", KG.National),
        ("郑州市劳动模范", "劳动模范", KG.Municipal),
        ("河南五一劳动奖章", "五一劳动奖章", KG.Provincial),
        ("中原大工匠", "工匠", KG.Provincial),
        ("党的二十大代表", "代表", KG.National),
    }


def test_a_class_that_is_itself_an_honor_links_to_that_honor():
    G = nx.MultiDiGraph()
    G.add_node("honor-a", type="Honor", label="全国五一劳动奖章", aliases=[], mentions=[])
    G.add_node("honor-b", type="Honor", label="五一劳动奖章", aliases=[], mentions=[])
    classes = {"全国五一劳动奖章": ("五一劳动奖章", "national"), "五一劳动奖章": ("五一劳动奖章", "national")}
    g = rdf.to_rdf(G, classes)
    assert set(g.objects(rdf.iri("honor-a"), SKOS.broader)) == {rdf.iri("honor-b")}
    assert (rdf.iri("honor-b"), SKOS.topConceptOf, KG.honors) in g
    assert set(g.subjects(RDF.type, KG.HonorClass)) == set()


# --- provenance -----------------------------------------------------------------------------------

def _texts(paths) -> dict[str, str]:
    return {d.id: d.text for d in read_documents(paths) if hasattr(d, "text")}


@pytest.mark.parametrize("which", ["seed", "dev"])
def test_every_fact_is_traced_to_its_words(which, request):
    """Membership, award and quote: source document, evidence annotation, offsets, and the exact sentence."""
    from kg.pipeline import honor_classes

    G = request.getfixturevalue("seed_graph" if which == "seed" else "dev_graph")
    g = rdf.to_rdf(G, honor_classes())
    texts = _texts([SEEDS, *sorted((EVAL / "corpus").glob("*.md"))] if which == "dev" else [SEEDS])
    facts = [f for cls in (ORG.Membership, KG.AwardStatement, SDO.Quotation) for f in g.subjects(RDF.type, cls)]
    assert len(facts) == sum(1 for *_, d in G.edges(data=True) if d["predicate"] in ("membership", "award", "quote"))
    for fact in facts:
        doc = g.value(fact, PROV.wasDerivedFrom)
        ev = g.value(fact, KG.evidence)
        assert (ev, RDF.type, OA.Annotation) in g and (ev, OA.hasBody, fact) in g
        target = g.value(ev, OA.hasTarget)
        assert g.value(target, OA.hasSource) == doc
        selectors = {g.value(s, RDF.type): s for s in g.objects(target, OA.hasSelector)}
        start = g.value(selectors[OA.TextPositionSelector], OA.start).toPython()
        end = g.value(selectors[OA.TextPositionSelector], OA.end).toPython()
        exact = g.value(selectors[OA.TextQuoteSelector], OA.exact)
        assert texts[str(doc)[len(KG_NS):]][start:end] == str(exact)


def test_an_award_is_a_plain_triple_and_a_statement_with_evidence(seed_rdf):
    statements = list(seed_rdf.subjects(RDF.type, KG.AwardStatement))
    plain = set(seed_rdf.subject_objects(SDO.award))
    assert len(statements) == len(plain) == 5
    assert {(seed_rdf.value(a, KG.recipient), seed_rdf.value(a, KG.honor)) for a in statements} == plain


def test_the_seed_statements_in_numbers(seed_graph):
    from kg.pipeline import honor_classes

    triples = rdf.statements(seed_graph, honor_classes())
    kinds = {}
    for t in triples:
        if t.predicate.value == str(RDF.type):
            kinds[t.object.value] = kinds.get(t.object.value, 0) + 1
    facts = {k: sum(1 for *_, d in seed_graph.edges(data=True) if d["predicate"] == k)
             for k in ("membership", "award", "quote")}
    assert kinds[str(ORG.Membership)] == facts["membership"]
    assert kinds[str(KG.AwardStatement)] == facts["award"]
    assert kinds[str(SDO.Quotation)] == facts["quote"]
    assert kinds[str(OA.Annotation)] == sum(facts.values())
    assert kinds[str(SDO.NewsArticle)] == 1


# --- determinism and serializations ------------------------------------------------------------------

def _reversed_copy(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    H = nx.MultiDiGraph()
    for n, d in reversed(list(G.nodes(data=True))):
        H.add_node(n, **d)
    for u, v, k, d in reversed(list(G.edges(keys=True, data=True))):
        H.add_edge(u, v, key=k, **d)
    return H


def test_same_graph_same_bytes_whatever_the_insertion_order(seed_graph):
    assert rdf.turtle(seed_graph) == rdf.turtle(_reversed_copy(seed_graph))
    assert rdf.ntriples(seed_graph) == rdf.ntriples(_reversed_copy(seed_graph))
    assert rdf.jsonld(seed_graph) == rdf.jsonld(_reversed_copy(seed_graph))


def test_statements_are_sorted_and_unique(seed_graph):
    triples = rdf.statements(seed_graph)
    assert len(set(triples)) == len(triples)
    assert [str(t) for t in triples] == [str(t) for t in sorted(triples, key=rdf._sort_key)]


# Text that N-Triples must escape, and neighbours whose order changes once escaped (\" and \\ sort after !).
TRICKY = ['他说："好"', "a\\b", "一\n二\r三\t四", "\x00\x01\x08\x0b\x0c\x1f\x7f", "\ufffe\uffff\u2028\u2029\ufeff",
          "𠮷野家", 'a"', "a!", "a#", "a\\", "a]", "a\u4e00"]


@pytest.fixture
def tricky_graph() -> nx.MultiDiGraph:
    """A graph with that text in every kind of literal: labels, aliases, headline, date, URL, role, quote, sentence."""
    G = nx.MultiDiGraph()
    G.add_node("doc-1", type="Document", label="t", aliases=[], mentions=[], title=TRICKY[0], date='2024"\n',
               author="a\\b", url="http://example.org/?q=\"a\"\t")
    G.add_node("person-1", type="Person", label="李\t东", aliases=TRICKY, mentions=[("doc-1", 0, 2)])
    G.add_node("org-1", type="Organization", label='"工会"\\', aliases=TRICKY[::-1], mentions=[("doc-1", 3, 5)])
    G.add_edge("person-1", "org-1", key="membership-1", predicate="membership", role='主席"\r', text=None,
               doc="doc-1", start=0, end=9, sentence="\n".join(TRICKY))
    G.add_edge("person-1", "doc-1", key="quote-1", predicate="quote", role=None, text="\\".join(TRICKY), doc="doc-1",
               start=0, end=9, sentence="𠮷\x00𠮷")
    return G


@pytest.mark.parametrize("graph_fixture", ["tricky_graph", "hostile_graph", "seed_graph"])
def test_exports_written_from_rows_are_pyoxigraphs_text(graph_fixture, request):
    G = request.getfixturevalue(graph_fixture)
    triples = rdf.statements(G)
    assert [str(t) for t in triples] == [str(t) for t in sorted(triples, key=rdf._sort_key)]
    assert rdf.ntriples(G) == rdf.serialize_ntriples(triples)
    assert rdf.turtle(G) == rdf.serialize_turtle(triples)
    assert rdf.jsonld(G) == rdf.serialize_jsonld(triples)


@pytest.mark.parametrize("graph_fixture", ["tricky_graph", "hostile_graph", "seed_graph"])
def test_the_exports_split_into_one_block_per_subject(graph_fixture, request):
    groups = rdf.subject_rows(request.getfixturevalue(graph_fixture))
    rows = [row for group in groups for row in group]
    assert len({group[0][0] for group in groups}) == len(groups) and all(len({r[0] for r in g}) == 1 for g in groups)
    nt = rdf.ntriples_from_rows(rows)
    head, blocks = rdf.turtle_blocks(nt, len(groups))
    assert len(blocks) == len(groups) and (head + b"".join(blocks)).decode() == rdf.turtle_from_ntriples(nt)
    assert rdf.turtle_blocks(nt, len(groups) + 1) is None
    lines = rdf.jsonld_lines(groups)
    assert rdf.JSONLD_HEAD + ",\n".join(lines) + rdf.JSONLD_TAIL == rdf.jsonld_from_rows(rows)


def test_literals_are_escaped_as_pyoxigraph_escapes_them():
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert rdf._nt_string(every) == str(ox.Literal(every))
    for ch in map(chr, [*range(0x80), 0xFFFE, 0xFFFF, 0x20000]):
        assert rdf._nt_string(ch) == str(ox.Literal(ch)), hex(ord(ch))


def test_a_lone_surrogate_is_refused_as_pyoxigraph_refuses_it():
    G = nx.MultiDiGraph()
    G.add_node("person-1", type="Person", label="李\ud800", aliases=[], mentions=[])
    with pytest.raises(ValueError):
        ox.Literal("李\ud800", language="zh")
    with pytest.raises(ValueError, match="surrogate"):
        rdf.statement_rows(G)
    assert gc.isenabled()  # the collector, paused while rows are built, runs again


def test_the_collector_stays_off_when_it_was_off(seed_graph):
    gc.disable()
    try:
        rdf.statement_rows(seed_graph)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_doctests():
    assert doctest.testmod(rdf).failed == 0


def _as_set(triples) -> set[tuple]:
    return {(str(s), str(p), o.n3() if hasattr(o, "n3") else str(o)) for s, p, o in triples}


@pytest.mark.parametrize("graph_fixture", ["seed_graph", "hostile_graph"])
def test_every_serialization_says_the_same(graph_fixture, request):
    G = request.getfixturevalue(graph_fixture)
    expected = rdf.to_rdf(G)
    for fmt, text in (("turtle", rdf.turtle(G)), ("nt", rdf.ntriples(G)), ("json-ld", rdf.jsonld(G))):
        parsed = Graph().parse(data=text, format=fmt)
        assert _as_set(parsed) == _as_set(expected), fmt
    for fmt, text in ((ox.RdfFormat.TURTLE, rdf.turtle(G)), (ox.RdfFormat.JSON_LD, rdf.jsonld(G))):
        parsed = {(str(q.subject), str(q.predicate), str(q.object)) for q in ox.parse(text.encode(), format=fmt)}
        assert parsed == {(str(t.subject), str(t.predicate), str(t.object)) for t in rdf.statements(G)}


def test_article_text_never_makes_an_iri(hostile_graph):
    for t in rdf.statements(hostile_graph):
        for term in (t.subject, t.predicate, t.object):
            if isinstance(term, ox.NamedNode):
                assert term.value.isascii() and "<" not in term.value and " " not in term.value
            elif t.predicate.value in (str(RDFS.label), str(SKOS.altLabel), str(SDO.text), str(OA.exact),
                                       str(SDO.headline), str(SDO.author)):
                assert term.language == "zh"


def test_date_is_typed_only_when_it_is_an_iso_date():
    G = nx.MultiDiGraph()
    G.add_node("doc-1", type="Document", label="t", aliases=[], mentions=[], title=None, date="2025-04-30")
    G.add_node("doc-2", type="Document", label="t", aliases=[], mentions=[], title=None, date="2025年4月30日")
    g = rdf.to_rdf(G)
    assert g.value(rdf.iri("doc-1"), SDO.datePublished).datatype == URIRef("http://www.w3.org/2001/XMLSchema#date")
    assert g.value(rdf.iri("doc-2"), SDO.datePublished).datatype is None


def test_validate_reports_conformance(seed_rdf):
    assert rdf.validate(seed_rdf).conforms

