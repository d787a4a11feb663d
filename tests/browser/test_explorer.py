"""The explorer page in real headless Chromium: offline, complete, interactive, and inert to hostile text."""
from __future__ import annotations

import networkx as nx
import pytest

from kg import viz

pytestmark = pytest.mark.browser


def vis_nodes(opened) -> dict[str, dict]:
    """The nodes vis-network holds: id → {label, hidden}."""
    return opened.js("Object.fromEntries(kgExplorer.nodes.get().map(n => [n.id, {label: n.label, hidden: !!n.hidden}]))")


def panel_facts(opened) -> dict[str, dict]:
    """The facts listed in the side panel: edge id → texts of the head, evidence, marks and source."""
    return opened.js("""Object.fromEntries([...document.querySelectorAll('#kg-panel li.kg-fact')].map(li => [li.dataset.edge, {
        head: li.querySelector('.kg-fact-head').textContent,
        evidence: li.querySelector('.kg-evidence') ? li.querySelector('.kg-evidence').textContent : null,
        marks: [...li.querySelectorAll('.kg-evidence mark')].map(m => m.textContent),
        source: li.querySelector('.kg-source') ? li.querySelector('.kg-source').textContent : null,
    }]))""")


def node_of(G, label: str) -> str:
    (node,) = [n for n, d in G.nodes(data=True) if d["label"] == label]
    return node


def test_seed_page_loads_offline_and_shows_every_entity(open_page, seed_graph):
    opened = open_page(viz.html(seed_graph, title="种子文章"), "seed")
    opened.assert_clean()
    assert opened.requests == [opened.url]
    shown = vis_nodes(opened)
    assert set(shown) == set(seed_graph)
    assert not any(n["hidden"] for n in shown.values())
    assert set(opened.js("Object.keys(kgExplorer.network.getPositions())")) == set(seed_graph)
    assert opened.js("kgExplorer.edges.length") == seed_graph.number_of_edges()
    for node, d in seed_graph.nodes(data=True):
        assert shown[node]["label"] == (d["label"] if len(d["label"]) <= 16 else d["label"][:15] + "…")
    assert opened.page.title() == "种子文章 · kg"
    counts = opened.js("Object.fromEntries([...document.querySelectorAll('[data-count]')].map(s => [s.dataset.count, s.textContent]))")
    by_type: dict[str, int] = {}
    for _, t in seed_graph.nodes(data="type"):
        by_type[t] = by_type.get(t, 0) + 1
    assert counts == {t: str(by_type.get(t, 0)) for t in viz.TYPES}
    opened.screenshot("seed")


def test_search_finds_li_huidong_and_the_panel_shows_his_posts_with_evidence(open_page, seed_graph):
    opened = open_page(viz.html(seed_graph), "search")
    page = opened.page
    page.fill("#kg-search", "会东")
    results = page.locator("#kg-results button .kg-result-label").all_text_contents()
    assert "李会东" in results
    page.fill("#kg-search", "李会东")
    assert page.locator("#kg-results button .kg-result-label").first.text_content() == "李会东"
    page.press("#kg-search", "Enter")
    assert page.locator("#kg-panel-title").text_content() == "李会东"
    li = node_of(seed_graph, "李会东")
    facts = panel_facts(opened)
    posts = [(k, v, d) for u, v, k, d in seed_graph.edges(li, keys=True, data=True) if d["predicate"] == "membership"]
    assert posts, "the seed article gives 李会东 a post"
    titles = {n: d["title"] for n, d in seed_graph.nodes(data=True) if d["type"] == "Document"}
    for key, org, d in posts:
        fact = facts[key]
        assert d["role"] in fact["head"] and seed_graph.nodes[org]["label"] in fact["head"]
        assert fact["evidence"] == d["sentence"]
        assert "李会东" in fact["marks"]
        assert fact["source"] == f"出处：《{titles[d['doc']]}》"
    assert set(facts) == {k for u, v, k in seed_graph.edges(li, keys=True)} | {k for u, v, k in seed_graph.in_edges(li, keys=True)}
    # the neighbours stay lit, everything else is dimmed
    dim = set(opened.js("kgExplorer.nodes.get().filter(n => n.color && n.color.background === '#eeeeee').map(n => n.id)"))
    neighbours = {li} | set(seed_graph.successors(li)) | set(seed_graph.predecessors(li))
    assert dim == set(seed_graph) - neighbours
    opened.screenshot("search-li-huidong")
    opened.assert_clean()


def test_clicking_a_node_selects_it_and_hovering_shows_aliases(open_page, seed_graph):
    opened = open_page(viz.html(seed_graph), "click")
    with_alias = sorted(n for n, d in seed_graph.nodes(data=True) if d["aliases"] and d["type"] != "Document")
    target = with_alias[0] if with_alias else sorted(seed_graph)[0]
    opened.js("id => kgExplorer.network.focus(id, {scale: 1.5, locked: false})", target)
    text = opened.hover_tooltip(target)
    assert seed_graph.nodes[target]["label"] in text
    if with_alias:
        assert "别名：" + "、".join(seed_graph.nodes[target]["aliases"]) in text
    opened.page.mouse.click(*opened.node_point(target))
    assert opened.page.locator("#kg-panel-title").text_content() == seed_graph.nodes[target]["label"]
    assert opened.js("kgExplorer.network.getSelectedNodes()") == [target]
    opened.assert_clean()


def test_type_and_article_filters(open_page):
    G = nx.MultiDiGraph()
    for doc, title in (("doc-a", "甲文"), ("doc-b", "乙文")):
        G.add_node(doc, type="Document", label=title, title=title, date="2024-10-01", aliases=[], mentions=[])
    for node, type_, docs in (("p-a", "Person", ["doc-a"]), ("p-b", "Person", ["doc-b"]),
                              ("o", "Organization", ["doc-a", "doc-b"]), ("pl", "Place", [])):
        G.add_node(node, type=type_, label=node, aliases=[], mentions=[(d, 0, 1) for d in docs])
    G.add_edge("p-a", "o", key="m-a", predicate="membership", role="主席", text=None, doc="doc-a", start=0, end=3,
               sentence="甲乙丙")
    G.add_edge("o", "pl", key="l", predicate="located_in", role=None, text=None, doc=None, start=None, end=None,
               sentence=None)
    opened = open_page(viz.html(G), "filters")
    page = opened.page

    def hidden() -> set[str]:
        return {n for n, v in vis_nodes(opened).items() if v["hidden"]}

    assert hidden() == set()
    page.uncheck("#kg-legend input[data-type=Person]")
    assert hidden() == {"p-a", "p-b"}
    assert page.locator("#kg-status").text_content() == "4 / 6 个节点 · 2 条关系"
    page.check("#kg-legend input[data-type=Person]")
    page.select_option("#kg-article", "doc-a")
    assert hidden() == {"doc-b", "p-b", "pl"}
    assert page.locator("#kg-article option").all_text_contents() == ["全部文章", "2024-10-01 甲文", "2024-10-01 乙文"]
    # choosing a filtered-out node from search lifts the filters
    page.fill("#kg-search", "p-b")
    page.press("#kg-search", "Enter")
    assert hidden() == set() and page.locator("#kg-article").input_value() == ""
    opened.assert_clean()


def test_layout_freezes_once_settled_and_physics_toggles(open_page, seed_graph):
    opened = open_page(viz.html(seed_graph), "physics")
    page = opened.page
    assert opened.js("kgExplorer.network.physics.options.enabled") is False
    assert page.is_checked("#kg-physics") is False
    before = opened.js("kgExplorer.network.getPositions()")
    page.wait_for_timeout(300)
    assert opened.js("kgExplorer.network.getPositions()") == before
    page.check("#kg-physics")
    assert opened.js("kgExplorer.network.physics.options.enabled") is True
    page.uncheck("#kg-physics")
    assert opened.js("kgExplorer.network.physics.options.enabled") is False
    opened.assert_clean()


@pytest.mark.parametrize("depth", [1, 2])
def test_focus_page_has_the_neighbourhood_and_opens_on_its_centre(open_page, seed_graph, depth):
    centre = node_of(seed_graph, "李会东")
    expected = nx.ego_graph(nx.Graph(seed_graph.to_undirected()), centre, radius=depth)
    opened = open_page(viz.html(viz.focus(seed_graph, "李会东", depth), title=f"李会东 {depth}"), f"focus-{depth}")
    assert set(vis_nodes(opened)) == set(expected)
    assert opened.js("kgExplorer.nodes.length") == expected.number_of_nodes()
    assert opened.page.locator("#kg-panel-title").text_content() == "李会东"
    assert opened.js("kgExplorer.network.getSelectedNodes()") == [centre]
    opened.screenshot(f"focus-depth-{depth}")
    opened.assert_clean()


def test_hostile_graph_text_shows_literally_and_runs_nothing(open_page, hostile_graph, hostile_text):
    bad = hostile_text
    opened = open_page(viz.html(hostile_graph, title=bad), "hostile")
    page = opened.page
    assert page.title() == bad + " · kg"
    assert page.locator("#kg-title").text_content() == bad
    page.fill("#kg-search", "onerror=alert(4)")
    assert page.locator("#kg-results .kg-result-label").all_text_contents() == ["李<img src=x onerror=alert(4)>东"]
    page.press("#kg-search", "Enter")
    person = hostile_graph.nodes["person-1"]
    assert page.locator("#kg-panel-title").text_content() == person["label"]
    assert page.locator("#kg-panel .kg-field").first.text_content() == "别名：" + "、".join(person["aliases"])
    facts = panel_facts(opened)
    sentence = hostile_graph.edges["person-1", "org-1", "membership-1"]["sentence"]
    for key in ("membership-1", "quote-1"):
        assert facts[key]["evidence"] == sentence
        assert facts[key]["source"] == f"出处：《{bad}》 {bad}"
    # marks: the mentions of the fact's two ends, found by code-point offsets after 𠮷 (two UTF-16 units)
    assert facts["membership-1"]["marks"] == [hostile_graph.nodes["org-1"]["label"], person["label"]]
    assert facts["quote-1"]["marks"] == [person["label"]]
    assert bad in facts["membership-1"]["head"]
    page.locator("#kg-panel .kg-link", has_text="工会").first.click()
    assert page.locator("#kg-panel-title").text_content() == hostile_graph.nodes["org-1"]["label"]
    opened.js("kgExplorer.select('doc-1')")
    fields = page.locator("#kg-panel .kg-field").all_text_contents()
    assert fields == [f"标题：{bad}", f"日期：{bad}", f"作者：{bad}", "网址：javascript:alert(3)", f"来源：{bad}"]
    assert page.locator("#kg-article option").nth(1).text_content() == (bad + " " + bad)[:39] + "…"
    # hover the person: the tooltip shows the aliases as text
    opened.js("kgExplorer.network.fit({animation: false})")
    assert "别名：" + "、".join(person["aliases"]) in opened.hover_tooltip("person-1")
    assert opened.js("document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert opened.js("document.scripts.length") == 3
    opened.screenshot("hostile")
    opened.assert_clean()


def test_hostile_article_through_the_pipeline(open_page, tmp_path):
    from kg.pipeline import build

    title = "郑州</script><script>alert('t')</script><img src=x onerror=alert(1)>\"'\\"
    article = tmp_path / "bad.md"
    article.write_text(
        "---\ntitle: " + '"' + title.replace("\\", "\\\\").replace('"', '\\"') + '"\n---\n'
        "郑州市总工会主席张<script>alert(5)</script>表示：“</script><img src=x onerror=alert(6)>要弘扬劳模精神。”\n"
        "郑州高新区工会主席谢连生表示：“<b>\"'\\ 加油</b>，再接再厉。”\n", encoding="utf-8")
    G = build([article])
    (doc,) = [n for n, t in G.nodes(data="type") if t == "Document"]
    assert G.nodes[doc]["title"] == title
    opened = open_page(viz.html(G, title=title), "hostile-article")
    opened.js("id => kgExplorer.select(id)", doc)
    assert opened.page.locator("#kg-panel-title").text_content() == title
    facts = panel_facts(opened)
    for u, v, key, d in G.edges(keys=True, data=True):
        if doc in (u, v) and d.get("sentence"):
            assert facts[key]["evidence"] == d["sentence"]
    shown = vis_nodes(opened)
    assert set(shown) == set(G)
    assert opened.js("document.querySelectorAll('img').length") == 0
    opened.assert_clean()


@pytest.mark.parametrize("size", [0, 1])
def test_empty_and_single_node_pages_settle(open_page, size):
    G = nx.MultiDiGraph()
    if size:
        G.add_node("p", type="Person", label="甲", aliases=[], mentions=[])
    opened = open_page(viz.html(G), f"tiny-{size}")
    assert opened.js("kgExplorer.nodes.length") == size
    assert opened.page.locator("#kg-status").text_content() == f"{size} 个节点 · 0 条关系"
    opened.assert_clean()


def test_five_thousand_node_page_loads_with_a_fixed_layout(open_page, synthetic_graph):
    G = synthetic_graph(5000)
    opened = open_page(viz.html(G, title="5000"), "big")
    assert opened.js("kgExplorer.nodes.length") == 5000
    assert opened.js("kgExplorer.data.physics") is False
    assert opened.js("kgExplorer.network.physics.options.enabled") is False
    assert opened.js("Object.keys(kgExplorer.network.getPositions()).length") == 5000
    first = sorted(G)[0]
    opened.page.fill("#kg-search", G.nodes[first]["label"])
    opened.page.press("#kg-search", "Enter")
    assert opened.page.locator("#kg-panel-title").text_content() == G.nodes[first]["label"]
    opened.screenshot("big")
    opened.assert_clean()
