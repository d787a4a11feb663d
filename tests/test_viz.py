"""The HTML explorer page as text: offline, escaped, deterministic; focus and layout (no browser here)."""
from __future__ import annotations

import base64
import doctest
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from kg import viz
from kg.cli import cli
from kg.errors import KgError

ROOT = Path(__file__).resolve().parents[1]


class _Page(HTMLParser):
    """Every tag with its attributes, and the raw text of each <script> and <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.raw: list[tuple[str, dict[str, str | None], str]] = []
        self._open: tuple[str, dict] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs))
            self.raw.append((tag, dict(attrs), ""))

    def handle_data(self, data):
        if self._open is not None:
            tag, attrs, text = self.raw[-1]
            self.raw[-1] = (tag, attrs, text + data)

    def handle_endtag(self, tag):
        if self._open is not None and tag == self._open[0]:
            self._open = None


def parse(page: str) -> _Page:
    p = _Page()
    p.feed(page)
    p.close()
    return p


def page_json(page: str) -> dict:
    blobs = [text for tag, attrs, text in parse(page).raw if attrs.get("type") == "application/json"]
    assert len(blobs) == 1
    return json.loads(blobs[0])


# ---- script_json -------------------------------------------------------------------------------

@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
                    max_leaves=20))
def test_script_json_round_trips_and_cannot_end_the_script(value):
    text = viz.script_json(value)
    assert json.loads(text) == value
    assert not set(text) & {"<", ">", "&", "\u2028", "\u2029"}


def test_script_json_escapes_exactly_the_dangerous_characters():
    assert viz.script_json(["</script>&\u2028\u2029é"]) == '["\\u003c/script\\u003e\\u0026\\u2028\\u2029é"]'


# ---- the page ----------------------------------------------------------------------------------

def test_page_is_self_contained_and_requests_nothing(seed_graph):
    page = viz.html(seed_graph, title="种子")
    parsed = parse(page)
    names = [t for t, _ in parsed.tags]
    assert "link" not in names and "img" not in names and "iframe" not in names
    for tag, attrs in parsed.tags:
        assert not {"src", "href", "srcset", "action", "formaction"} & set(attrs), (tag, attrs)
    scripts = [(attrs, text) for tag, attrs, text in parsed.raw if tag == "script"]
    styles = [text for tag, _, text in parsed.raw if tag == "style"]
    assert [a.get("type") for a, _ in scripts] == ["application/json", None, None]
    assert len(styles) == 2
    assert "sourceMappingURL" not in page
    # vis-network comes from the installed pyvis wheel, inlined byte for byte (minus its source-map line)
    from importlib import resources
    vis = (resources.files("pyvis") / "lib/vis-9.1.2/vis-network.min.js").read_text(encoding="utf-8")
    assert scripts[1][1].strip() == vis.split("\n//# sourceMappingURL")[0].strip()


def test_csp_forbids_requests_and_allows_only_the_inline_scripts_and_styles(seed_graph):
    page = viz.html(seed_graph)
    parsed = parse(page)
    metas = [a for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(metas) == 1
    policy = dict(part.strip().split(" ", 1) for part in metas[0]["content"].split(";"))

    def hashes(kind: str) -> set[str]:
        return {"'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
                for tag, attrs, text in parsed.raw if tag == kind and attrs.get("type") is None}

    assert policy["default-src"] == "'none'"
    assert set(policy["script-src"].split()) == hashes("script")
    assert set(policy["style-src"].split()) == hashes("style")
    assert policy["img-src"] == "data:" and policy["base-uri"] == "'none'"
    # the policy comes before any script or style, so it covers them all
    order = [t if t != "meta" else a.get("http-equiv") for t, a in parsed.tags]
    assert order.index("Content-Security-Policy") < min(order.index("style"), order.index("script"))


def test_same_graph_gives_byte_identical_page(seed_graph):
    shuffled = nx.MultiDiGraph()
    shuffled.add_nodes_from(reversed(list(seed_graph.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(seed_graph.edges(keys=True, data=True))))
    assert viz.html(seed_graph, title="t") == viz.html(shuffled, title="t")


def test_hostile_text_goes_in_only_as_escaped_data(hostile_graph, hostile_text):
    bad = hostile_text
    page = viz.html(hostile_graph, title=bad)
    parsed = parse(page)
    assert [t for t, _ in parsed.tags].count("script") == 3
    assert "img" not in [t for t, _ in parsed.tags]
    blob = next(text for tag, attrs, text in parsed.raw if attrs.get("type") == "application/json")
    assert not set(blob) & {"<", ">", "&", "\u2028", "\u2029"}
    data = page_json(page)
    assert data["title"] == bad
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["person-1"]["label"] == "李<img src=x onerror=alert(4)>东"
    assert nodes["person-1"]["aliases"] == sorted([bad, "𠮷野"])
    assert nodes["org-1"]["label"] == f"{bad}工会"
    assert nodes["doc-1"]["title"] == bad and nodes["doc-1"]["url"] == "javascript:alert(3)"
    edges = {e["id"]: e for e in data["edges"]}
    assert edges["membership-1"]["role"] == bad
    assert edges["quote-1"]["text"] == bad
    # the <title> and <h1> hold the title escaped as HTML text
    assert page.count("<title>&lt;/script&gt;&lt;script&gt;alert(1)") == 1
    assert page.count('<h1 id="kg-title">&lt;/script&gt;&lt;script&gt;alert(1)') == 1


def test_explorer_script_never_writes_html():
    js = (ROOT / "kg" / "templates" / "explorer.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/", "", js, flags=re.S)
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function",
                 "setAttribute(\"on", "srcdoc"):
        assert sink not in code, sink


def test_marks_are_code_point_offsets_into_the_sentence(hostile_graph):
    edge = next(e for e in viz.page_data(hostile_graph)["edges"] if e["id"] == "membership-1")
    sentence = edge["sentence"]
    assert [sentence[a:b] for a, b in edge["marks"]] == [hostile_graph.nodes["org-1"]["label"],
                                                          hostile_graph.nodes["person-1"]["label"]]
    first = edge["marks"][0][0]
    assert len(sentence[:first].encode("utf-16-le")) // 2 == first + 1  # 𠮷 takes two UTF-16 units


def test_marks_come_only_from_the_edge_s_own_article(hostile_graph):
    G = hostile_graph
    person = G.nodes["person-1"]
    (doc, start, end), = person["mentions"]
    person["mentions"] = [("doc-2", start - 1, end), (doc, start, end), ("doc-2", start, end)]  # another article
    edge = next(e for e in viz.page_data(G)["edges"] if e["id"] == "membership-1")
    assert [edge["sentence"][a:b] for a, b in edge["marks"]] == [G.nodes["org-1"]["label"], person["label"]]


def test_page_data_gives_types_sizes_labels_and_articles(seed_graph):
    data = viz.page_data(seed_graph)
    assert {t["type"] for t in data["types"]} == {"Person", "Organization", "Place", "Honor", "Document"}
    assert len({(t["color"], t["shape"]) for t in data["types"]}) == 5
    assert [n["id"] for n in data["nodes"]] == sorted(seed_graph)
    for n in data["nodes"]:
        assert n["degree"] == seed_graph.degree(n["id"])
        assert n["label"] == seed_graph.nodes[n["id"]]["label"]
        assert "x" not in n
    docs = viz.DOCUMENT
    doc_ids = {n for n, t in seed_graph.nodes(data="type") if t == docs}
    for n in data["nodes"]:
        mentioned = {m[0] for m in seed_graph.nodes[n["id"]]["mentions"]}
        assert mentioned <= set(n["docs"]) <= doc_ids
    assert data["physics"] is True and data["focus"] is None
    assert len(data["edges"]) == seed_graph.number_of_edges()


def test_fonts_name_cjk_fonts_of_windows_macos_and_linux():
    css = (ROOT / "kg" / "templates" / "explorer.css").read_text(encoding="utf-8")
    assert css.count(viz.FONTS) == 2
    for font in ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei"):
        assert f'"{font}"' in viz.FONTS


def test_big_graphs_get_a_python_layout_and_start_without_physics():
    G = nx.MultiDiGraph()
    for i in range(viz.PHYSICS_MAX_NODES + 1):
        G.add_node(f"n{i:04d}", type="Person", label=f"人{i}", aliases=[], mentions=[])
        if i:
            G.add_edge(f"n{i - 1:04d}", f"n{i:04d}", key=f"e{i}", predicate="membership", role=None, text=None,
                       doc=None, start=None, end=None, sentence=None)
    data = page_json(viz.html(G))
    assert data["physics"] is False
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in data["nodes"])


# ---- layout ------------------------------------------------------------------------------------

def test_layout_is_deterministic_and_keeps_clusters_together():
    G = nx.MultiDiGraph()
    a = [f"a{i}" for i in range(20)]
    b = [f"b{i}" for i in range(20)]
    for group in (a, b):
        for i, u in enumerate(group):
            for v in group[i + 1:]:
                G.add_edge(u, v)
    G.add_edge("a0", "b0")
    G.add_node("lonely")
    pos = viz.layout(G)
    assert pos == viz.layout(G)
    assert set(pos) == set(G)

    def mean_distance(us, vs):
        ds = [((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** .5 for u in us for v in vs if u != v]
        return sum(ds) / len(ds)

    assert mean_distance(a, a) < mean_distance(a, b) / 2
    assert mean_distance(b, b) < mean_distance(a, b) / 2
    assert pos["lonely"][1] > max(y for n, (x, y) in pos.items() if n != "lonely")


@pytest.mark.parametrize("seed", range(6))
def test_close_pairs_are_every_pair_within_the_cutoff_whether_cells_are_in_a_table_or_searched(seed, monkeypatch):
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 400))
    pos = rng.random((n, 2)) * 40 - 20
    pos[: n // 4] = pos[0]  # some points on top of each other
    if seed % 2:
        pos[-1] = (1e6, -1e6)  # one far away: a grid too big for a table
    table = viz._close_pairs(pos, 1.5)
    monkeypatch.setattr(viz, "_TABLE_CELLS_PER_POINT", -10**9)  # always search
    searched = viz._close_pairs(pos, 1.5)
    assert all(np.array_equal(a, b) for a, b in zip(table, searched))  # the same pairs in the same order
    brute = {(i, j) for i in range(n) for j in range(i + 1, n) if ((pos[i] - pos[j]) ** 2).sum() < 1.5 ** 2}
    assert {(min(i, j), max(i, j)) for i, j in zip(*table)} == brute and len(table[0]) == len(brute)


def test_edges_get_unique_ids_even_without_fact_keys():
    G = nx.MultiDiGraph([("a", "b"), ("a", "b"), ("b", "c")])  # networkx's own keys: 0, 1, 0
    for n in G:
        G.nodes[n].update(type="Person", label=n, aliases=[], mentions=[])
    edges = viz.page_data(G)["edges"]
    assert [e["id"] for e in edges] == ["a|b|0", "b|c|0", "1"]
    assert [e["parallel"] for e in edges] == [0, 0, 1]


def test_leaves_are_folded_into_the_one_neighbour_that_has_others():
    # 0-1-2 a path, 3 hangs off 1, 4-5 a pair (neither folds into the other)
    parents = viz._leaf_parents(6, [(0, 1), (1, 2), (1, 3), (4, 5)])
    assert parents.tolist() == [1, -1, 1, 1, -1, -1]


def test_the_force_layout_reads_only_which_nodes_are_joined():
    G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("b", "d"), ("c", "d")])
    H = nx.MultiDiGraph([("d", "c"), ("a", "b"), ("b", "c"), ("b", "d"), ("b", "d")])  # same pairs, other degrees
    H.nodes["a"]["label"] = "甲"
    assert viz.structure(G) == viz.structure(H) == (["a", "b", "c", "d"], [(0, 1), (1, 2), (1, 3), (2, 3)])
    linked, pairs = viz.structure(G)
    assert viz.force_key(linked, pairs) == viz.force_key(*viz.structure(H))
    seen = []

    def force(linked, pairs):
        seen.append((linked, pairs))
        return viz.force_positions(linked, pairs)

    assert viz.layout(G, force_with=force) == viz.layout(G)
    assert seen == [(linked, pairs)]


def test_layout_of_tiny_graphs():
    assert viz.layout(nx.MultiDiGraph()) == {}
    G = nx.MultiDiGraph()
    G.add_node("x")
    assert viz.layout(G) == {"x": (0, 0)}


# ---- focus -------------------------------------------------------------------------------------

@pytest.fixture
def chain() -> nx.MultiDiGraph:
    G = nx.MultiDiGraph()
    for n, label, aliases in (("p1", "李会东", ["老李"]), ("o1", "恒天重工", []), ("pl1", "郑州市", ["郑州"]),
                              ("pl2", "河南省", []), ("p2", "王五", []), ("p3", "王五", [])):
        G.add_node(n, type="Person", label=label, aliases=aliases, mentions=[])
    G.add_edge("p1", "o1", key="m1")
    G.add_edge("p1", "o1", key="m2")
    G.add_edge("o1", "pl1", key="l1")
    G.add_edge("pl1", "pl2", key="c1")
    G.add_edge("p2", "pl2", key="x")
    return G


@pytest.mark.parametrize("name, depth, expected", [
    ("李会东", 0, {"p1"}),
    ("李会东", 1, {"p1", "o1"}),
    ("老李", 2, {"p1", "o1", "pl1"}),
    ("p1", 3, {"p1", "o1", "pl1", "pl2"}),
    ("郑州", 1, {"pl1", "o1", "pl2"}),
    ("河南省", 1, {"pl2", "pl1", "p2"}),
])
def test_focus_keeps_nodes_within_depth_in_either_direction(chain, name, depth, expected):
    sub = viz.focus(chain, name, depth)
    assert set(sub) == expected
    assert sub.graph["focus"] in expected
    assert set(sub.edges(keys=True)) == {(u, v, k) for u, v, k in chain.edges(keys=True) if u in expected and v in expected}
    assert sub is not chain and chain.number_of_nodes() == 6


def test_focus_says_what_to_do_about_unknown_or_ambiguous_names(chain):
    with pytest.raises(KgError, match=r"no entity is named '李'.*names containing it: 李会东"):
        viz.focus(chain, "李")
    with pytest.raises(KgError, match=r"'王五' names 2 entities: p2 \(Person\), p3 \(Person\)"):
        viz.focus(chain, "王五")
    with pytest.raises(KgError, match="--depth must be 0 or more"):
        viz.focus(chain, "p1", -1)


def test_focus_page_is_marked_with_its_centre(chain):
    data = page_json(viz.html(viz.focus(chain, "李会东", 1)))
    assert data["focus"] == "p1" and len(data["nodes"]) == 2


# ---- command line and module docs --------------------------------------------------------------

def test_cli_viz_writes_the_focus_page(tmp_path, seed_graph):
    out = tmp_path / "focus.html"
    result = CliRunner().invoke(cli, ["viz", str(ROOT / "seeds"), "--focus", "李会东", "--depth", "1", "--out", str(out)])
    assert result.exit_code == 0, result.output
    expected = viz.focus(seed_graph, "李会东", 1)
    data = page_json(out.read_text(encoding="utf-8"))
    assert [n["id"] for n in data["nodes"]] == sorted(expected)
    assert data["title"] == "李会东（1 度邻域）"
    assert f"wrote {out} ({expected.number_of_nodes()} nodes, {expected.number_of_edges()} edges)" in result.output


def test_cli_viz_reports_an_unknown_name_and_depth_without_focus(tmp_path):
    result = CliRunner().invoke(cli, ["viz", str(ROOT / "seeds"), "--focus", "不存在的人", "--out", str(tmp_path / "f.html")])
    assert result.exit_code == 1 and "no entity is named '不存在的人'" in result.output
    assert not (tmp_path / "f.html").exists()
    result = CliRunner().invoke(cli, ["viz", "--depth", "2"])
    assert result.exit_code == 2 and "--depth needs --focus NAME" in result.output


def test_module_examples_run():
    assert doctest.testmod(viz).failed == 0
