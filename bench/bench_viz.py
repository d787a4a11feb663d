"""How long the HTML explorer takes to settle in headless Chromium: a 5,000-node page against the seed page.

Usage: ``python bench/bench_viz.py [--nodes 5000] [--runs 3] [--browser-physics 1500] [--chromium /usr/bin/chromium]``

The page marks ``<html data-settled>`` once its layout is frozen and drawn (physics stabilized for small
graphs; first frame for graphs whose layout was computed in Python). The bench opens each page from a
file in real headless Chromium and prints, for the seed page (baseline) and for a synthetic news-like
graph of ``--nodes`` nodes: the Python render time, the page size, the settle time the page reports
(``performance.now()`` at settle) and the wall time from navigation to settle, with the ratio of the
big page's settle time to the seed's. It asserts nothing; the tests check that the big page loads.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国建华志强海燕春梅东昌连生会东跃武云飞剑锋曼明燕"
_ORG_STEMS = "郑州 开封 洛阳 新乡 安阳 许昌 南阳 信阳 周口 商丘 驻马店 焦作 平顶山 三门峡 鹤壁 漯河 濮阳 济源".split()
_ORG_KINDS = "总工会 机械厂 电力公司 科技有限公司 职业技术学校 人民医院 建设集团 纺织厂 钢铁公司 供电公司 创新工作室 实训中心".split()
_ROLES = "工会主席 副主席 班组长 办公室主任 总经理 车间主任 高级技师 党委书记 实训讲师 技术员".split()
_HONORS = "全国劳动模范 全国五一劳动奖章 河南五一劳动奖章 中原大工匠 郑州市劳动模范 全国技术能手 三八红旗手 青年岗位能手".split()


def synthetic_graph(n_nodes: int = 5000, seed: int = 1) -> nx.MultiDiGraph:
    """A news-like graph with exactly ``n_nodes`` nodes, following the schema of kg/graph.py.

    Articles quote people, who hold posts in organizations and receive honors; organizations lie in
    places. Entities are reused across articles with a skewed frequency, so a few become hubs.
    """
    rng = random.Random(seed)
    n_docs = max(1, n_nodes // 20)
    n_places = max(1, n_nodes * 12 // 100)
    n_honors = max(1, n_nodes * 5 // 100)
    n_orgs = max(1, n_nodes * 30 // 100)
    n_people = n_nodes - n_docs - n_places - n_honors - n_orgs
    G = nx.MultiDiGraph()

    def unique(make, taken: set[str]) -> str:
        for attempt in range(1000):
            name = make(attempt)
            if name not in taken:
                taken.add(name)
                return name
        raise RuntimeError("could not make a unique name")

    taken: set[str] = set()
    places = [f"place-{i:05d}" for i in range(n_places)]
    for i, p in enumerate(places):
        name = unique(lambda a: (_ORG_STEMS[i % len(_ORG_STEMS)] + rng.choice("东西南北中新老") + rng.choice("区县镇乡")
                                 + (str(a) if a else "")), taken)
        G.add_node(p, type="Place", label=name, aliases=[], mentions=[])
    honors = [f"honor-{i:05d}" for i in range(n_honors)]
    for i, h in enumerate(honors):
        G.add_node(h, type="Honor", label=unique(lambda a: _HONORS[i % len(_HONORS)] + f"（{i // len(_HONORS) + a}）", taken),
                   aliases=[], mentions=[])
    orgs = [f"org-{i:05d}" for i in range(n_orgs)]
    for o in orgs:
        G.add_node(o, type="Organization", label=unique(lambda a: rng.choice(_ORG_STEMS) + rng.choice("市区县")
                                                        + rng.choice(_ORG_KINDS) + (str(a) if a else ""), taken),
                   aliases=[], mentions=[])
    people = [f"person-{i:05d}" for i in range(n_people)]
    for p in people:
        G.add_node(p, type="Person", label=unique(lambda a: rng.choice(_SURNAMES) + rng.choice(_GIVEN)
                                                  + (rng.choice(_GIVEN) if a or rng.random() < .6 else ""), taken),
                   aliases=[], mentions=[])
    docs = [f"doc-{i:05d}" for i in range(n_docs)]
    for i, p in enumerate(places[1:], 1):
        G.add_edge(p, places[rng.randrange(0, min(i, 20))], key=f"contained_in_place-{p}", predicate="contained_in_place",
                   role=None, text=None, doc=None, start=None, end=None, sentence=None)
    for o in orgs:
        place = places[min(int(rng.paretovariate(1.2)) - 1, n_places - 1)]
        G.add_edge(o, place, key=f"located_in-{o}", predicate="located_in", role=None, text=None, doc=None,
                   start=None, end=None, sentence=None)
    person_docs = {p: docs[i % n_docs] for i, p in enumerate(people)}
    by_doc: dict[str, list[str]] = {d: [] for d in docs}
    for p, d in person_docs.items():
        by_doc[d].append(p)
    for d_index, d in enumerate(docs):
        text = ""

        def mention(node: str, at: int) -> None:
            G.nodes[node]["mentions"].append((d, at, at + len(G.nodes[node]["label"])))

        for n_fact, p in enumerate(by_doc[d]):
            org = orgs[min(int(rng.paretovariate(0.9)) - 1, n_orgs - 1) if rng.random() < .3 else rng.randrange(n_orgs)]
            role = rng.choice(_ROLES)
            org_label, person_label = G.nodes[org]["label"], G.nodes[p]["label"]
            quote = f"我们要弘扬劳模精神，第{n_fact + 1}次攻关取得了新进展。"
            sentence = f"{org_label}{role}{person_label}说：{quote}"
            start = len(text)
            mention(org, start)
            mention(p, start + len(org_label) + len(role))
            text += sentence
            end = len(text)
            common = dict(doc=d, start=start, end=end, sentence=sentence)
            G.add_edge(p, org, key=f"membership-{p}-{d}", predicate="membership", role=role, text=None, **common)
            G.add_edge(p, d, key=f"quote-{p}-{d}", predicate="quote", role=None, text=quote, **common)
            if rng.random() < 0.25:
                honor = honors[min(int(rng.paretovariate(1.0)) - 1, n_honors - 1)]
                honor_label = G.nodes[honor]["label"]
                start = len(text)
                sentence = f"{honor_label}获得者{person_label}表示，深受鼓舞。"
                mention(honor, start)
                mention(p, start + len(honor_label) + 3)
                text += sentence
                G.add_edge(p, honor, key=f"award-{p}-{d}", predicate="award", role=None, text=None, doc=d,
                           start=start, end=len(text), sentence=sentence)
        G.add_node(d, type="Document", label=f"第{d_index + 1}篇：劳模工匠座谈会报道", aliases=[], mentions=[],
                   title=f"第{d_index + 1}篇：劳模工匠座谈会报道", date=f"2024-{d_index % 12 + 1:02d}-{d_index % 28 + 1:02d}",
                   author=None, url=None, source=f"synthetic/{d}.txt", length=len(text))
    return G


def _measure(context, path: Path, timeout_ms: float) -> tuple[float, float]:
    page = context.new_page()
    try:
        t0 = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_selector("html[data-settled]", state="attached", timeout=timeout_ms)
        wall = time.perf_counter() - t0
        settle = float(page.evaluate("window.kgExplorer.settleMs")) / 1000
        return settle, wall
    finally:
        page.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--browser-physics", type=int, default=0, metavar="N",
                        help="also time a synthetic N-node page laid out by vis-network physics in the browser "
                             "(what the page would do without the Python layout; slow: 1,500 nodes take ~45 s)")
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from kg import viz
    from kg.pipeline import build

    root = Path(__file__).resolve().parents[1]
    pages = []
    plan = [("seed", lambda: build([root / "seeds"]), viz.PHYSICS_MAX_NODES),
            (f"synthetic {args.nodes}", lambda: synthetic_graph(args.nodes), viz.PHYSICS_MAX_NODES)]
    if args.browser_physics:
        plan.append((f"physics {args.browser_physics}", lambda: synthetic_graph(args.browser_physics), 10**9))
    with tempfile.TemporaryDirectory() as tmp:
        for name, make, physics_max in plan:
            G = make()
            viz_limit, viz.PHYSICS_MAX_NODES = viz.PHYSICS_MAX_NODES, physics_max
            try:
                t0 = time.perf_counter()
                text = viz.html(G, title=name)
                render = time.perf_counter() - t0
            finally:
                viz.PHYSICS_MAX_NODES = viz_limit
            path = Path(tmp) / f"{name.split()[0]}.html"
            path.write_text(text, encoding="utf-8")
            pages.append((name, G, path, render, len(text.encode("utf-8"))))
        results = {}
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(f"{tmp}/profile", executable_path=args.chromium,
                                                            args=CHROMIUM_ARGS, headless=True,
                                                            viewport={"width": 1400, "height": 900})
            try:
                for name, G, path, render, size in pages:
                    runs = [_measure(context, path, 600_000) for _ in range(1 if name.startswith("physics") else args.runs)]
                    settle = statistics.median(r[0] for r in runs)
                    wall = statistics.median(r[1] for r in runs)
                    results[name] = settle
                    print(f"{name:>16}: {G.number_of_nodes():5d} nodes {G.number_of_edges():5d} edges  "
                          f"python render {render:6.2f} s  page {size / 1e6:5.2f} MB  "
                          f"settle {settle:6.2f} s  (wall {wall:6.2f} s; median of {len(runs)})")
            finally:
                context.close()
    base, big = results["seed"], results[f"synthetic {args.nodes}"]
    print(f"settle ratio synthetic/seed: {big / base:.1f}x")
    if args.browser_physics:
        print(f"settle ratio browser-physics {args.browser_physics}/seed: "
              f"{results[f'physics {args.browser_physics}'] / base:.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
