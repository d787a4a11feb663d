"""kg/query.py and kg/store.py: named queries on the seed graph, safe parameters, result formats, the store.

The expected rows below are the seed article's facts as extraction finds them today: when extraction
changes, refresh them from `kg query NAME -e DIR -p ... --format tsv` (every test here that names a person,
an organization or a count pins extraction output).
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg import query as q
from kg import store
from kg.errors import QueryError

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
K = "https://example.org/kg/"
DOC = "习近平总书记给中国一重产业工人代表回信"
LI_SENTENCE = ("党的二十大代表、全国劳动模范、恒天重工股份有限公司加工事业部专项组班组长李会东说，"
               "在阅读了习近平总书记给一重产业工人代表的回信之后，内心满是难以抑制的激动。")
MA_QUOTE = ("建议加大对高技能人才先进典型的宣传力度，展示优秀技术工人的风采，提升技术工人职业荣誉感、成就感、获得感，"
            "开展劳模工匠走访慰问、及时帮扶救助等工作，让劳模工匠受尊重、享礼遇，营造尊重劳动、尊重创造、尊重高技能人才的浓厚氛围。")


@pytest.fixture(scope="module")
def seed_store(seed_export):
    data, where = store.open_export(seed_export)
    assert where == f"store {seed_export / 'oxigraph'}"
    return data


@pytest.fixture(scope="module")
def seed_rdflib(seed_export) -> Graph:
    return Graph().parse(seed_export / "graph.nt", format="nt")


def rows(data, query_name: str, /, **params: str) -> list[tuple]:
    return q.run(data, q.named_queries()[query_name], params).values()


# --- the named queries ------------------------------------------------------------------------

def test_there_are_the_named_queries_the_issue_asks_for():
    named = q.named_queries()
    assert sorted(named) == ["co-members", "entity", "evidence", "honors", "organization-members",
                             "organizations-in-place", "people-by-honor", "people-quoted-in-several-articles",
                             "person-profile", "quotes"]
    for name, nq in named.items():
        assert nq.description, name
        for p in nq.params:
            assert p.help and f"?{p.name}" in nq.text, (name, p.name)


EXPECTED = {
    ("people-by-honor", (("honor", "劳动模范"),)): [
        ("劳动模范", "彭云飞", "郑州市劳动模范", "市级"),
        ("劳动模范", "李会东", "全国劳动模范", "全国"),
    ],
    ("people-by-honor", (("honor", "全国劳动模范"),)): [
        ("全国劳动模范", "李会东", "全国劳动模范", "全国"),
    ],
    ("people-by-honor", (("honor", "五一劳动奖章"),)): [
        ("五一劳动奖章", "杜跃武", "河南五一劳动奖章", "省级"),
    ],
    ("organization-members", (("organization", "郑州市总工会"),)): [
        ("郑州市总工会", "牛东昌", "兼职副主席", "郑州市总工会"),
    ],
    ("organization-members", (("organization", "启元电力工程有限公司"),)): [  # an affiliation without a post
        ("启元电力工程有限公司", "彭云飞", None, "启元电力工程有限公司"),
    ],
    ("organization-members", (("organization", "高新区工会"),)): [  # an alias finds the organization
        ("高新区工会", "谢连生", "主席", "郑州高新区工会"),
    ],
    ("person-profile", (("person", "牛东昌"),)): [
        ("牛东昌", "honor", "中原大工匠", None, "省级"),
        ("牛东昌", "post", "兼职副主席", "郑州市总工会", None),
        ("牛东昌", "post", "实训讲师", "郑州市宇通集团", None),
    ],
    ("person-profile", (("person", "李会东"),)): [
        ("李会东", "honor", "党的二十大代表", None, "全国"),
        ("李会东", "honor", "全国劳动模范", None, "全国"),
        ("李会东", "post", "班组长", "恒天重工股份有限公司", None),
    ],
    ("quotes", (("person", "马曼"),)): [
        ("马曼", MA_QUOTE, "马曼：" + MA_QUOTE, DOC, "1031", "1145"),
    ],
    ("organizations-in-place", (("place", "郑州"),)): [
        ("郑州", "中原区总工会", "中原区"),
        ("郑州", "郑州市创新工作室", "郑州市"),
        ("郑州", "郑州市宇通集团", "郑州市"),
        ("郑州", "郑州市宇通集团实训中心", "郑州市"),
        ("郑州", "郑州市总工会", "郑州市"),
        ("郑州", "郑州讯飞光电科技有限公司", "郑州市"),
        ("郑州", "郑州经开区人大工委", "郑州经开区"),
        ("郑州", "郑州高新区工会", "郑州高新区"),
    ],
    ("organizations-in-place", (("place", "郑州高新区"),)): [
        ("郑州高新区", "郑州高新区工会", "郑州高新区"),
    ],
    ("people-quoted-in-several-articles", ()): [],
    ("co-members", (("other", "蔡剑锋"), ("person", "马曼"))): [
        ("马曼", "蔡剑锋", "中原区总工会", "办公室主任", "副主席"),
    ],
    ("co-members", (("person", "马曼"),)): [
        ("马曼", "蔡剑锋", "中原区总工会", "办公室主任", "副主席"),
    ],
    ("co-members", (("person", "李会东"),)): [],
    ("evidence", (("person", "李会东"),)): [
        ("李会东", "award", "党的二十大代表", DOC, None, "1440", "1518", LI_SENTENCE),
        ("李会东", "award", "全国劳动模范", DOC, None, "1440", "1518", LI_SENTENCE),
        ("李会东", "membership", "恒天重工股份有限公司 班组长", DOC, None, "1440", "1518", LI_SENTENCE),
        ("李会东", "quote", LI_SENTENCE[LI_SENTENCE.index("在阅读"):] + "作为一名奋战在产业一线的技术工人，我深知自身肩负的重任，"
         "定会全力以赴地发挥劳模工匠所应有的带头示范效能。以劳模创新工作室为坚实的依托，积极引领工作室中的成员们向着技术的高峰奋勇攻坚，"
         "努力攻克那些制约发展的核心技术瓶颈，用自己的经验和智慧启发、培育更多的青年职工，引导他们努力学习知识，精心钻研技术。"
         "从而持续提升服务企业的能力与水准，在机械制造振兴以及制造业高品质发展的征程上，以饱满的热情和昂扬的斗志，"
         "踊跃地贡献出新的更大的力量。", DOC, None, "1476", "1733",
         "李会东说，在阅读了习近平总书记给一重产业工人代表的回信之后，内心满是难以抑制的激动。作为一名奋战在产业一线的技术工人，"
         "我深知自身肩负的重任，定会全力以赴地发挥劳模工匠所应有的带头示范效能。以劳模创新工作室为坚实的依托，"
         "积极引领工作室中的成员们向着技术的高峰奋勇攻坚，努力攻克那些制约发展的核心技术瓶颈，用自己的经验和智慧启发、"
         "培育更多的青年职工，引导他们努力学习知识，精心钻研技术。从而持续提升服务企业的能力与水准，"
         "在机械制造振兴以及制造业高品质发展的征程上，以饱满的热情和昂扬的斗志，踊跃地贡献出新的更大的力量。"),
    ],
    ("honors", ()): [
        ("五一劳动奖章", "河南五一劳动奖章", "省级", "1"),
        ("代表", "党的二十大代表", "全国", "1"),
        ("劳动模范", "全国劳动模范", "全国", "1"),
        ("劳动模范", "郑州市劳动模范", "市级", "1"),
        ("工匠", "中原大工匠", "省级", "1"),
    ],
}


@pytest.mark.parametrize("name,params", list(EXPECTED), ids=lambda x: x if isinstance(x, str) else "")
def test_named_query_rows_on_the_seed(seed_store, name, params):
    assert rows(seed_store, name, **dict(params)) == EXPECTED[(name, params)]


def test_entity_lists_everything_known_about_one_entity(seed_store):
    got = [tuple(None if v is None else q.compact(v) for v in row) for row in rows(seed_store, "entity", name="高新区")]
    place = "kg:place-9c84db111747"
    assert got == [
        ("高新区", place, "in", "schema:location", "kg:org-e2b967704629", "郑州高新区工会"),
        ("高新区", place, "out", "rdf:type", "schema:Place", None),
        ("高新区", place, "out", "rdfs:label", "郑州高新区", None),
        ("高新区", place, "out", "skos:altLabel", "高新区", None),
        ("高新区", place, "out", "kg:mentionedIn", "kg:doc-0528baa6821b", None),
        ("高新区", place, "out", "schema:containedInPlace", "kg:place-358e421a18f9", "郑州市"),
    ]


def test_quotes_without_a_person_lists_every_speaker(seed_store):
    speakers = [row[0] for row in rows(seed_store, "quotes")]
    assert speakers == ["彭云飞", "李会东", "杜跃武", "牛东昌", "耿明燕", "蔡剑锋", "谢连生", "马曼"]


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory):
    """The seed article and a copy with one more line: two documents that quote the same people."""
    from kg.export import write_exports
    from kg.pipeline import build

    folder = tmp_path_factory.mktemp("two-articles")
    seed = next(SEEDS.glob("*.txt"))
    shutil.copy(seed, folder / "a.txt")
    (folder / "b.txt").write_text(seed.read_text(encoding="utf-8") + "\n（完）\n", encoding="utf-8")
    out = folder / "export"
    write_exports(build([folder / "a.txt", folder / "b.txt"]), out, ("ntriples",))
    store.build_store(out)
    return store.open_store(out)


def test_people_quoted_in_several_articles(two_articles):
    assert rows(two_articles, "people-quoted-in-several-articles") == [
        (name, "2", "2") for name in ["彭云飞", "李会东", "杜跃武", "牛东昌", "耿明燕", "蔡剑锋", "谢连生", "马曼"]]


def _all_params():
    for name, params in EXPECTED:
        yield name, dict(params)
    yield "entity", {"name": "高新区"}
    yield "quotes", {}


def test_rdflib_gives_the_same_rows_as_oxigraph(seed_store, seed_rdflib):
    named = q.named_queries()
    for name, params in _all_params():
        assert q.run_rdflib(seed_rdflib, named[name], params).values() == q.run(seed_store, named[name], params).values(), name


# --- parameters are bound as RDF terms ------------------------------------------------------------------

@pytest.mark.parametrize("value", [
    '劳动模范"@zh } UNION { ?p ?x ?person',
    "劳动模范'} ; DROP ALL ; SELECT * {",
    "\\\" . } # ",
    "劳动模范\n}",
])
def test_a_parameter_cannot_change_the_query(seed_store, seed_rdflib, value):
    nq = q.named_queries()["people-by-honor"]
    assert q.run(seed_store, nq, {"honor": value}).values() == []
    assert q.run_rdflib(seed_rdflib, nq, {"honor": value}).values() == []


def test_parameter_kinds_make_rdf_terms():
    assert str(q.term_for(q.Param("a", "label"), '说"你好"')) == '"说\\"你好\\""@zh'
    assert str(q.term_for(q.Param("a", "string"), "x")) == '"x"'
    assert str(q.term_for(q.Param("a", "integer"), "12")) == '"12"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert str(q.term_for(q.Param("a", "iri"), "kg:person-1")) == f"<{K}person-1>"
    assert str(q.term_for(q.Param("a", "iri"), "https://example.org/x")) == "<https://example.org/x>"
    with pytest.raises(QueryError, match="parameter a: '1; DROP' is not an integer"):
        q.term_for(q.Param("a", "integer"), "1; DROP")
    with pytest.raises(QueryError, match="is not an IRI"):
        q.term_for(q.Param("a", "iri"), "not an iri>")


def test_unknown_and_missing_parameters_are_errors(seed_store):
    nq = q.named_queries()["people-by-honor"]
    with pytest.raises(QueryError, match="people-by-honor: unknown parameter 'person'; it takes honor"):
        q.run(seed_store, nq, {"honor": "x", "person": "y"})
    with pytest.raises(QueryError, match="people-by-honor: missing parameter 'honor'; give it with -p honor=VALUE"):
        q.run(seed_store, nq, {})


def test_a_query_string_declares_its_parameters_in_its_header(seed_store):
    text = "# param: name label\nSELECT ?name ?p WHERE { ?p rdfs:label ?name }"
    assert q.run(seed_store, q.resolve(text), {"name": "马曼"}).values() == [("马曼", f"{K}person-8c016bb775d2")]


def test_header_with_a_bad_kind_is_an_error():
    with pytest.raises(QueryError, match=r"q:1: parameter 'x' has kind 'date'; use one of label, string, integer, iri"):
        q.parse_query("# param: x date\nSELECT ?x {}", "q")


# --- resolving and running -----------------------------------------------------------------------

def test_resolve_a_name_a_file_or_text(tmp_path):
    assert q.resolve("honors").name == "honors"
    path = tmp_path / "mine.rq"
    path.write_text("# description: mine\nASK {}", encoding="utf-8")
    assert (q.resolve(str(path)).name, q.resolve(str(path)).description) == ("mine", "mine")
    assert q.resolve("ASK { ?s ?p ?o }").text == "ASK { ?s ?p ?o }"
    with pytest.raises(QueryError, match="no named query 'honours'; choose from co-members, entity"):
        q.resolve("honours")


def test_ask_construct_and_bad_queries(seed_store):
    assert q.run(seed_store, q.resolve("ASK { ?p a schema:Person }")).boolean is True
    result = q.run(seed_store, q.resolve("CONSTRUCT { ?p rdfs:label ?n } WHERE { ?p a schema:Person ; rdfs:label ?n "
                                         "FILTER (?n = '马曼'@zh) }"))
    assert q.format_result(result) == f'<{K}person-8c016bb775d2> <http://www.w3.org/2000/01/rdf-schema#label> "马曼"@zh .\n'
    with pytest.raises(QueryError, match="query: "):
        q.run(seed_store, q.resolve("SELECT ?x WHERE { ?x"))
    with pytest.raises(QueryError, match="query: "):
        q.run(seed_store, q.resolve("DELETE WHERE { ?s ?p ?o }"))


# --- result formats -----------------------------------------------------------------------------

SMALL = q.Result(("person", "n", "iri"), (
    (q.Term("literal", "马曼", "zh"), q.Term("literal", "2", None, "http://www.w3.org/2001/XMLSchema#integer"),
     q.Term("iri", K + "person-1")),
    (q.Term("literal", 'a "b", c', None, "http://www.w3.org/2001/XMLSchema#string"), None, q.Term("bnode", "b0")),
))


def test_table_format():
    assert q.format_result(SMALL) == (
        'person    n  iri\n'
        '--------  -  -----------\n'
        '马曼      2  kg:person-1\n'
        'a "b", c     _:b0\n'
        '(2 rows)\n')


def test_table_clips_wide_cells():
    long = q.Result(("t",), ((q.Term("literal", "字" * 50, "zh"),),))
    assert q.format_table(long, max_width=10).splitlines()[2] == "字字字字…"
    assert q.format_table(long, max_width=0).splitlines()[2] == "字" * 50


def test_csv_format():
    assert q.format_result(SMALL, "csv") == f'person,n,iri\r\n马曼,2,{K}person-1\r\n"a ""b"", c",,_:b0\r\n'


def test_tsv_format():
    assert q.format_result(SMALL, "tsv") == (
        "?person\t?n\t?iri\n"
        f'"马曼"@zh\t"2"^^<http://www.w3.org/2001/XMLSchema#integer>\t<{K}person-1>\n'
        '"a \\"b\\", c"\t\t_:b0\n')


def test_json_format():
    assert json.loads(q.format_result(SMALL, "json")) == {
        "head": {"vars": ["person", "n", "iri"]},
        "results": {"bindings": [
            {"person": {"type": "literal", "value": "马曼", "xml:lang": "zh"},
             "n": {"type": "literal", "value": "2", "datatype": "http://www.w3.org/2001/XMLSchema#integer"},
             "iri": {"type": "uri", "value": K + "person-1"}},
            {"person": {"type": "literal", "value": 'a "b", c'}, "iri": {"type": "bnode", "value": "b0"}},
        ]}}


def test_boolean_formats():
    yes = q.Result(boolean=True)
    assert [q.format_result(yes, f) for f in q.FORMATS] == [
        "yes\n", "boolean\r\ntrue\r\n", "?boolean\ntrue\n", '{"head": {}, "boolean": true}\n']


# --- the store ----------------------------------------------------------------------------------

def test_store_is_current_until_the_export_changes(seed_graph, tmp_path):
    from kg.export import write_exports

    write_exports(seed_graph, tmp_path, ("ntriples", "turtle"))
    assert not store.is_current(tmp_path)
    with pytest.raises(QueryError, match="no store loaded from the current graph.nt; run `kg build"):
        store.open_store(tmp_path)
    data, where = store.open_export(tmp_path)
    assert where == f"{tmp_path / 'graph.nt'} (in memory; `kg build` makes a store)"
    assert rows(data, "people-by-honor", honor="全国劳动模范") == [("全国劳动模范", "李会东", "全国劳动模范", "全国")]

    store.build_store(tmp_path)
    assert store.is_current(tmp_path)
    first = store.open_store(tmp_path)
    assert len(first) == len((tmp_path / "graph.nt").read_text(encoding="utf-8").splitlines()) + len(
        Graph().parse(ROOT / "ontology" / "kg.ttl"))

    store.build_store(tmp_path)  # a rebuild swaps in a new store; a reader of the old one keeps working
    assert rows(first, "honors")[0][0] == "五一劳动奖章"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nt", "graph.ttl", "oxigraph"]

    os.utime(tmp_path / "graph.nt", ns=(0, 0))
    assert not store.is_current(tmp_path)


def test_the_vocabulary_is_in_its_own_named_graph(seed_store):
    result = q.run(seed_store, q.resolve(
        "SELECT ?label WHERE { GRAPH <https://example.org/kg/ontology> { kg:Honor rdfs:label ?label } } ORDER BY ?label"))
    assert result.values() == [("honor",), ("荣誉称号",)]
    assert q.run(seed_store, q.resolve("ASK { kg:Honor rdfs:label ?label }")).boolean is False


def test_open_export_of_a_file_and_of_nothing(seed_export, tmp_path):
    data, where = store.open_export(seed_export / "graph.jsonld")
    assert where.endswith("graph.jsonld (in memory)")
    assert rows(data, "co-members", person="马曼", other="蔡剑锋") == EXPECTED[("co-members", (("other", "蔡剑锋"), ("person", "马曼")))]
    with pytest.raises(QueryError, match="no export here"):
        store.open_export(tmp_path)
    with pytest.raises(QueryError, match="no such export folder or RDF file"):
        store.open_export(tmp_path / "missing")
    (tmp_path / "x.csv").write_text("a,b\n", encoding="utf-8")
    with pytest.raises(QueryError, match="unknown RDF format"):
        store.open_export(tmp_path / "x.csv")


def test_build_store_without_an_export_is_an_export_error(tmp_path):
    from kg.errors import ExportError

    with pytest.raises(ExportError, match="graph.nt: not found; run `kg build --out"):
        store.build_store(tmp_path)


# --- the command line -----------------------------------------------------------------------------

def _kg(*args: str):
    from kg.cli import cli

    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_runs_a_named_query(seed_export):
    result = _kg("query", "people-by-honor", "-e", str(seed_export), "-p", "honor=劳动模范")
    assert result.exit_code == 0
    assert result.output == ("honor     person  award           level\n"
                             "--------  ------  --------------  -----\n"
                             "劳动模范  彭云飞  郑州市劳动模范  市级\n"
                             "劳动模范  李会东  全国劳动模范    全国\n"
                             "(2 rows)\n")


def test_cli_formats_and_files(seed_export, tmp_path):
    result = _kg("query", "honors", "-e", str(seed_export / "graph.ttl"), "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == ["class,honor,level,holders", "五一劳动奖章,河南五一劳动奖章,省级,1"]
    rq = tmp_path / "count.rq"
    rq.write_text("SELECT (COUNT(*) AS ?people) WHERE { ?p a schema:Person }", encoding="utf-8")
    assert _kg("query", str(rq), "-e", str(seed_export), "-f", "tsv").output == '?people\n"9"^^<http://www.w3.org/2001/XMLSchema#integer>\n'


def test_cli_lists_queries_and_reports_errors(seed_export):
    listing = _kg("query", "--list").output
    assert listing.splitlines()[0] == "co-members -p person=… [-p other=…]"
    assert "people-by-honor -p honor=…" in listing
    bad = _kg("query", "people-by-honor", "-e", str(seed_export), "-p", "honour=劳动模范")
    assert bad.exit_code == 1
    assert bad.output == "Error: people-by-honor: unknown parameter 'honour'; it takes honor " \
                         "(declare one with `# param: NAME label|string|integer|iri`)\n"
    assert _kg("query", "-e", str(seed_export)).exit_code == 2
    assert "write it as NAME=VALUE" in _kg("query", "honors", "-e", str(seed_export), "-p", "x").output
