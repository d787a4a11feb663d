"""Hostile text and queries, property-based (hypothesis) where the input space is open.

* Arbitrary Unicode through the whole pipeline (analyze → assemble → every export): nothing crashes,
  every mention's offsets point at its own text, every fact's evidence is the text it points at,
  Turtle, N-Triples and JSON-LD each parse back (with rdflib, not the library that wrote them) to
  exactly the triples the graph has, and GraphML and GEXF parse as XML with every node.
* IRIs come from ids, never from text: every IRI the pipeline makes is a vocabulary term or ``kg:``
  plus an ASCII id, whatever the text; hostile metadata stays in literals.
* A named query's parameters cannot change the query: ``" } DROP ALL ; #`` and arbitrary text are
  bound as values, the store is unchanged, and the answer is what the value selects.
"""
from __future__ import annotations

import io
import json
import re
from xml.etree import ElementTree

import networkx as nx
import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import example, given
from hypothesis import strategies as st

from kg import rdf
from kg.export import render
from kg.ingest import document_id
from kg.pipeline import analyze, assemble, default_recognizer, honor_classes
from kg.types import Document
from reliability_support import HOSTILE, HYPOTHESIS, KG, NAMES, article

# Pieces of news-like text, so the generated texts contain names, titles, organizations, honors and
# quotes for the extractor to find, mixed with arbitrary and hostile characters around and inside them.
FRAGMENTS = [*NAMES, "郑州市总工会", "主席", "副主席", "表示", "说", "：", "“", "”", "，", "。", "、", "全国劳动模范",
             "全国五一劳动奖章", "获得者", "洛阳市宏达重工有限公司", "焊接车间主任", "河南省", "中国一重", "工会",
             "习近平总书记", "\n", "\n\n", " ", "\u3000", "<script>alert(1)</script>", "</script>", "\" } DROP ALL ; #",
             "'", '"', "\\", "#", "%41", "%", "<", ">", "&amp;", "\u2028", "\u2029", "\u0085", "\x00", "\x0b", "\x1b",
             "\ufeff", "\u202e", "\u0301", "😀", "👨‍👩‍👧", "\U000e0041", "\uffff", "https://例子.cn/?a=1#b", "_:b0",
             "<https://example.org/kg/person-x>", "@zh", "^^xsd:string", '"""', "'''"]
noise = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), max_size=40).map("".join)
# A news sentence (honor, organization, title, person, speech verb, quote) with noise in every gap.
sentence = st.tuples(noise, st.sampled_from(["", "全国劳动模范、", "全国五一劳动奖章获得者、", "河南省劳动模范、"]),
                     st.sampled_from(["郑州市总工会", "洛阳市宏达重工有限公司", "中国一重", "开封市总工会", ""]),
                     st.sampled_from(["主席", "副主席", "工会主席", "焊接车间主任", ""]), st.sampled_from(NAMES),
                     st.sampled_from(["表示：“", "说：“", "：“", "表示，"]), noise, st.sampled_from(["”", "。", ""]),
                     noise).map("".join)
hostile_text = st.one_of(noise, sentence, st.lists(sentence, min_size=2, max_size=5).map("\n".join))
metadata = st.one_of(st.none(), st.text(max_size=30), st.sampled_from([HOSTILE, "2024-02-31", "2024-05-01",
                                                                        "javascript:alert(1)", "a b<c>\"d\""]))

pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # rdflib's JSON-LD parser

VOCABULARIES = tuple(ns for prefix, ns in rdf.PREFIXES.items() if prefix != "kg")
_ID = re.compile(r"[A-Za-z0-9_-]+")


@pytest.fixture(scope="module")
def rec():
    return default_recognizer()


def _rdflib_triples(triples: list[ox.Triple]) -> set:
    return {tuple(rdf.to_rdflib_term(x) for x in (t.subject, t.predicate, t.object)) for t in triples}


def _check_document(doc: Document, rec) -> nx.MultiDiGraph:
    """Run ``doc`` through the pipeline and check every offset; return its graph."""
    doc_, dm, relations = analyze(doc, rec)
    assert doc_ is doc
    n = len(doc.text)
    for m in dm.mentions:
        assert m.span.doc_id == doc.id
        assert 0 <= m.span.start < m.span.end <= n
        assert doc.text[m.span.start:m.span.end] == m.text
    for f in dm.frames:
        for m in (f.person, *f.honors, *f.affiliations, *(p.org for p in f.posts if p.org is not None)):
            assert doc.text[m.span.start:m.span.end] == m.text
    for r in relations:
        assert r.evidence.doc_id == doc.id and 0 <= r.evidence.start <= r.evidence.end <= n
    G = assemble([(doc, dm, relations)], rec)
    for node, d in G.nodes(data=True):
        for doc_id, start, end in d.get("mentions", []):
            assert doc_id == doc.id and 0 <= start < end <= n
            assert doc.text[start:end] in {d["label"], *d["aliases"]} or d["type"] == "Place", (node, d)
    for u, v, key, d in G.edges(keys=True, data=True):
        if d.get("doc") is not None:
            assert d["sentence"] == doc.text[d["start"]:d["end"]]
    return G


def _check_exports(G: nx.MultiDiGraph) -> None:
    """Every RDF export parses back, with rdflib, to exactly the graph's triples; every IRI is an id's."""
    triples = rdf.statements(G, honor_classes())
    expected = _rdflib_triples(triples)
    out = render(G, ("turtle", "ntriples", "jsonld", "graphml", "gexf"))
    for filename, fmt in (("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")):
        parsed = rdflib.Graph().parse(data=out[filename], format=fmt)
        assert set(parsed) == expected, filename
    # The property-graph exports are XML: they parse too, with every node and fact.
    H = nx.read_graphml(io.BytesIO(out["graph.graphml"].encode("utf-8")), force_multigraph=True)
    assert set(H.nodes) == set(G.nodes) and H.number_of_edges() == G.number_of_edges()
    gexf = ElementTree.fromstring(out["graph.gexf"].encode("utf-8"))
    assert len(gexf.findall(".//{*}node")) == G.number_of_nodes()
    for t in triples:
        for term in (t.subject, t.predicate, t.object):
            if isinstance(term, ox.NamedNode):
                assert term.value.startswith(VOCABULARIES) or (
                    term.value.startswith(KG) and _ID.fullmatch(term.value[len(KG):])), term.value


@HYPOTHESIS
@given(text=hostile_text)
@example(text=article(NAMES[0]))
@example(text="郑州市总工会主席王建国表示：“</script><script>alert(1)</script>\" } DROP ALL ; #”\x00\u2028😀")
@example(text="")
def test_arbitrary_text_through_the_whole_pipeline(rec, text):
    doc = Document(document_id(text), text, source="hostile.txt")
    G = _check_document(doc, rec)
    _check_exports(G)


@HYPOTHESIS
@given(texts=st.lists(hostile_text, min_size=2, max_size=4), title=metadata, author=metadata, date=metadata,
       url=metadata)
def test_several_hostile_articles_with_hostile_metadata_export_and_parse_back(rec, texts, title, author, date, url):
    docs = {}
    for text in texts:
        doc = Document(document_id(text), text, source=f"{title}.txt", title=title, author=author, date=date, url=url)
        docs[doc.id] = doc
    G = assemble([analyze(d, rec) for d in docs.values()], rec)
    assert {n for n, t in G.nodes(data="type") if t == "Document"} == set(docs)
    _check_exports(G)
    literals = {str(t.object.value) for t in rdf.statements(G, honor_classes()) if isinstance(t.object, ox.Literal)}
    for value in (title, author, url):
        if value and value.strip():
            assert value in literals


@HYPOTHESIS
@given(node_id=st.text(min_size=1, max_size=20))
def test_any_text_used_as_an_id_is_percent_encoded_and_the_turtle_parses(node_id):
    """Ids are hashes in the pipeline; a library user's graph may use any text as an id."""
    G = nx.MultiDiGraph()
    G.add_node(node_id, type="Person", label="李", aliases=[], mentions=[])
    triples = rdf.statements(G)
    (subject,) = {t.subject.value for t in triples}
    local = subject[len(KG):]
    assert subject.startswith(KG) and re.fullmatch(r"[A-Za-z0-9._~%-]+", local), subject
    assert rdf.iri(node_id) == rdflib.URIRef(subject)
    parsed = rdflib.Graph().parse(data=render(G, ("turtle",))["graph.ttl"], format="turtle")
    assert set(parsed) == _rdflib_triples(triples)


# --- named queries ------------------------------------------------------------------------------------

INJECTIONS = ['" } DROP ALL ; #', "\" } ; DROP ALL ; SELECT * { ?s ?p ?o } #", "劳动模范\" . } DELETE WHERE { ?s ?p ?o } #",
              "'\"\\\\\" } INSERT DATA { <a:b> <a:c> <a:d> } #", "?honor", "$honor", "\n}\nDROP ALL\n#", "\\u0022 } DROP ALL #"]


@pytest.fixture(scope="module")
def honor_store(rec):
    from kg import query

    text = "全国劳动模范、洛阳市宏达重工有限公司工会主席王建国表示，要把工作做细。"
    G = assemble([analyze(Document(document_id(text), text), rec)], rec)
    store = ox.Store()
    store.extend(ox.Quad(t.subject, t.predicate, t.object) for t in rdf.statements(G, honor_classes()))
    return store, query.resolve("people-by-honor"), query.resolve("entity")


@pytest.mark.parametrize("value", INJECTIONS)
def test_a_query_parameter_cannot_change_the_query(honor_store, value):
    from kg import query

    store, people_by_honor, entity = honor_store
    before = len(store)
    assert query.run(store, people_by_honor, {"honor": "全国劳动模范"}).values() == [
        ("全国劳动模范", "王建国", "全国劳动模范", "全国")]
    for q, param in ((people_by_honor, "honor"), (entity, "name")):
        result = query.run(store, q, {param: value})
        assert result.rows == ()  # the value is looked up as a label; no label is that text
        assert query.run_rdflib(rdf.graph_from(store.quads_for_pattern(None, None, None)), q, {param: value}).rows == ()
    assert len(store) == before


@pytest.mark.parametrize(("kind", "value"), [("iri", "> } DROP ALL ; #"), ("iri", "kg:a b"), ("integer", "1 } DROP ALL #")])
def test_a_parameter_that_is_not_its_kind_is_refused_with_a_clear_error(kind, value):
    from kg import query
    from kg.errors import QueryError

    q = query.parse_query(f"# param: x {kind}\nSELECT ?x WHERE {{ ?x ?p ?o }}", "q")
    with pytest.raises(QueryError, match=f"parameter x: .* is not an? (IRI|integer)"):
        query.run(ox.Store(), q, {"x": value})


@HYPOTHESIS
@given(value=st.text(max_size=40))
@example(value='" } DROP ALL ; #')
def test_any_text_as_a_label_parameter_selects_only_that_label(honor_store, value):
    from kg import query

    store, _, entity = honor_store
    before = len(store)
    rows = query.run(store, entity, {"name": value}).values()
    assert all(row[0] == value for row in rows)
    assert len(store) == before


def test_hostile_page_text_is_escaped_for_its_script_block(rec):
    """The explorer embeds article text as JSON in a <script> block: no text can close it (static check;
    tests/browser/test_explorer.py opens such pages in Chromium)."""
    from kg import viz

    text = "郑州市总工会主席王建国表示：“</script><script>alert(1)</script><!--<script>\u2028”"
    doc = Document(document_id(text), text, title="</script><img src=x onerror=alert(2)>", url="javascript:alert(3)")
    G = assemble([analyze(doc, rec)], rec)
    page = viz.html(G)
    assert "<img src=x" not in page and "<!--<script>" not in page
    blob = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S).group(1)
    assert "<" not in blob and ">" not in blob and "\u2028" not in blob
    data = json.dumps(json.loads(blob), ensure_ascii=False)
    assert "</script><img src=x onerror=alert(2)>" in data and "</script><script>alert(1)</script><!--<script>" in data


@pytest.fixture(scope="module")
def built_export(tmp_path_factory):
    from click.testing import CliRunner

    from kg.cli import cli

    base = tmp_path_factory.mktemp("query")
    (base / "a.txt").write_text("全国劳动模范、洛阳市宏达重工有限公司工会主席王建国表示，要把工作做细。", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", str(base / "a.txt"), "--out", str(base / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    return base / "out"


@pytest.mark.parametrize("value", INJECTIONS)
def test_kg_query_on_the_command_line_binds_the_parameter_as_a_value(built_export, value):
    """The same through `kg query` over a built export folder (its Oxigraph store)."""
    from click.testing import CliRunner

    from kg import store
    from kg.cli import cli

    nt = (built_export / "graph.nt").read_bytes()

    def people_by_honor(honor: str) -> list[str]:
        result = CliRunner().invoke(cli, ["query", "people-by-honor", "-e", str(built_export), "-p", f"honor={honor}",
                                          "-f", "csv"])
        assert result.exit_code == 0, result.output
        return result.stdout.splitlines()

    assert people_by_honor("全国劳动模范") == ["honor,person,award,level", "全国劳动模范,王建国,全国劳动模范,全国"]
    assert people_by_honor(value) == ["honor,person,award,level"]
    assert (built_export / "graph.nt").read_bytes() == nt and store.is_current(built_export)
    assert people_by_honor("全国劳动模范")[1:] == ["全国劳动模范,王建国,全国劳动模范,全国"]
