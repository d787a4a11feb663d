"""The graph's shape on the seed article: node and edge attributes, and small helpers."""
from __future__ import annotations

from kg.graph import DOCUMENT, facts, nodes_of_type, summary


def test_seed_graph_nodes(seed_graph):
    people = sorted(seed_graph.nodes[n]["label"] for n in nodes_of_type(seed_graph, "Person"))
    assert people == sorted(["习近平", "李会东", "杜跃武", "牛东昌", "耿明燕", "蔡剑锋", "彭云飞", "谢连生", "马曼"])
    docs = nodes_of_type(seed_graph, DOCUMENT)
    assert len(docs) == 1
    assert seed_graph.nodes[docs[0]]["title"] == "习近平总书记给中国一重产业工人代表回信"


def test_every_mention_points_at_its_words(seed_graph):
    text = (__import__("pathlib").Path(__file__).resolve().parents[1] / "seeds" / "000_d1f69c5291068c9f.txt").read_text(encoding="utf-8")
    for node, data in seed_graph.nodes(data=True):
        for _, start, end in data["mentions"]:
            assert text[start:end] in {data["label"], *data["aliases"]}, node


def test_edges_carry_evidence(seed_graph):
    for _, _, data in facts(seed_graph, "membership") + facts(seed_graph, "quote"):
        assert data["doc"].startswith("doc-")
        assert data["sentence"] and data["end"] > data["start"]
    posts = {(seed_graph.nodes[u]["label"], d["role"]) for u, _, d in facts(seed_graph, "membership")}
    assert ("李会东", "班组长") in posts
    assert ("习近平", "总书记") in posts


def test_summary_counts(seed_graph):
    counts = summary(seed_graph)
    assert counts["nodes"]["Person"] == 9
    assert counts["edges"]["quote"] == 8
    assert counts["edges"]["award"] == 5
