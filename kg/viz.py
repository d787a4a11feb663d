"""The graph as an HTML page (pyvis). The explorer issue replaces this first view."""
from __future__ import annotations



import networkx as nx

from kg.graph import DOCUMENT

COLORS = {"Person": "#e15759", "Organization": "#4e79a7", "Place": "#59a14f", "Honor": "#f28e2b", DOCUMENT: "#9c9c9c"}
SHAPES = {"Person": "dot", "Organization": "square", "Place": "triangle", "Honor": "star", DOCUMENT: "box"}


def html(G: nx.MultiDiGraph, title: str = "kg") -> str:
    """A self-contained pyvis page for ``G`` (deterministic)."""
    from pyvis.network import Network

    net = Network(height="800px", width="100%", directed=True, cdn_resources="in_line")
    for node, d in sorted(G.nodes(data=True)):
        net.add_node(node, label=d["label"], title=" / ".join([d["label"], *d.get("aliases", [])]),
                     color=COLORS.get(d["type"], "#cccccc"), shape=SHAPES.get(d["type"], "dot"))
    for u, v, k, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[2]):
        net.add_edge(u, v, label=d.get("role") or d["predicate"], title=d.get("sentence") or d["predicate"])
    page = net.generate_html(notebook=False)

    return page
