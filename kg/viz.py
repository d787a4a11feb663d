"""The graph as one self-contained, offline HTML explorer page.

The page is vis-network (the copy inside the installed ``pyvis`` wheel, inlined) plus the explorer's own
script and style from ``kg/templates``. Everything is inlined: the page makes no network request, and
its Content-Security-Policy forbids any (``default-src 'none'``) and runs only the inline scripts whose
hashes it names. Text from articles goes in only as data: one JSON blob in a
``<script type="application/json">`` block, escaped for that context (:func:`script_json`), read with
``JSON.parse`` and put on screen with ``textContent`` or vis-network's plain-text labels and tooltips.

Small graphs are laid out in the browser by vis-network's physics, which is switched off once the
layout is stable; graphs above :data:`PHYSICS_MAX_NODES` nodes get positions computed here
(:func:`layout`) and start with physics off. The same graph always gives byte-identical HTML.
"""
from __future__ import annotations

import base64
import functools
import hashlib
import json
import math
import operator
import re
from collections import deque
from collections.abc import Callable
from importlib import resources

import networkx as nx

from kg.errors import KgError, ModelError, NotFoundError
from kg.graph import DOCUMENT

# type → (name shown in the page, colour, vis-network shape)
TYPES: dict[str, tuple[str, str, str]] = {
    "Person": ("人物", "#e15759", "dot"),
    "Organization": ("机构", "#4e79a7", "square"),
    "Place": ("地点", "#59a14f", "triangle"),
    "Honor": ("荣誉", "#f28e2b", "star"),
    DOCUMENT: ("文章", "#8c8c8c", "diamond"),
}
COLORS = {t: c for t, (_, c, _) in TYPES.items()}
SHAPES = {t: s for t, (_, _, s) in TYPES.items()}
PREDICATES = {
    "membership": "任职",
    "award": "获得荣誉",
    "quote": "发言",
    "suborganization": "下属于",
    "located_in": "位于",
    "contained_in_place": "隶属于",
}
# CJK fonts of Windows (Microsoft YaHei, SimHei; SimSun-ExtB for rare characters such as 𠮷), macOS
# (PingFang SC, Hiragino Sans GB, Heiti SC) and Linux (Noto Sans CJK SC, Source Han Sans SC, WenQuanYi).
FONTS = ('"Microsoft YaHei", "PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", '
         '"WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "SimHei", "Heiti SC", "SimSun-ExtB", sans-serif')
PHYSICS_MAX_NODES = 150
"""Graphs with more nodes than this get a layout computed in Python and start with physics off."""
LAYOUT_SEED = 7
LAYOUT_ITERATIONS = 75
_REFINE_ITERATIONS = 20  # of the whole graph, after the leaves are put back beside their neighbours
_VIS = "lib/vis-9.1.2"


def script_json(data: object) -> str:
    """JSON for a ``<script>`` element: ``<``, ``>``, ``&``, U+2028 and U+2029 become ``\\uXXXX`` escapes.

    The result cannot close the element or open a comment, and parses to the same value.

    >>> script_json({"a": "</script><!--&\\u2028"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u0026\\\\u2028"}'
    >>> json.loads(script_json(["</script>"])) == ["</script>"]
    True
    """
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    for char, escape in _SCRIPT_ESCAPES:  # str.replace, not str.translate: ten times faster on a big page
        text = text.replace(char, escape)
    return text


# No escape contains a character escaped after it, so replacing one after another escapes each once.
_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                   ("\u2029", "\\u2029"))


def find_entity(G: nx.MultiDiGraph, name: str) -> str:
    """The id of the one node whose id, label or alias is ``name``; raise NotFoundError if none or several.

    >>> G = nx.MultiDiGraph(); G.add_node("p1", type="Person", label="李会东", aliases=["老李"])
    >>> find_entity(G, "老李")
    'p1'
    """
    if name in G:
        return name
    by_label = sorted(n for n, d in G.nodes(data=True) if d.get("label") == name)
    found = by_label or sorted(n for n, d in G.nodes(data=True) if name in (d.get("aliases") or ()))
    if len(found) == 1:
        return found[0]
    if not found:
        close = sorted({d.get("label", n) for n, d in G.nodes(data=True) if name and name in d.get("label", "")})[:10]
        hint = f"; names containing it: {', '.join(close)}" if close else ""
        raise NotFoundError(f"no entity is named {name!r} in the graph{hint}; give a name, alias or id exactly as it appears")
    listed = ", ".join(f"{n} ({G.nodes[n].get('type')})" for n in found)
    raise NotFoundError(f"{name!r} names {len(found)} entities: {listed}; pass one of these ids instead")


def focus(G: nx.MultiDiGraph, name: str, depth: int = 1) -> nx.MultiDiGraph:
    """The neighbourhood of one entity: every node within ``depth`` edges (either direction), and their edges.

    ``name`` is an id, label or alias (see :func:`find_entity`). The result is a copy; node and edge
    attributes are kept, and ``G.graph["focus"]`` names the centre.

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("d", "c")])
    >>> sorted(focus(G, "b", 1))
    ['a', 'b', 'c']
    >>> focus(G, "a", 2).number_of_nodes()
    3
    """
    if depth < 0:
        raise KgError(f"--depth must be 0 or more, got {depth}")
    centre = find_entity(G, name)
    seen = {centre: 0}
    queue = deque([centre])
    while queue:
        node = queue.popleft()
        if seen[node] == depth:
            continue
        for nb in sorted(set(G.successors(node)) | set(G.predecessors(node))):
            if nb not in seen:
                seen[nb] = seen[node] + 1
                queue.append(nb)
    sub = G.subgraph(seen).copy()
    sub.graph["focus"] = centre
    return sub


def layout(G: nx.MultiDiGraph, seed: int = LAYOUT_SEED, iterations: int = LAYOUT_ITERATIONS,
           gravity: float = 1.0, force_with: Callable | None = None) -> dict[str, tuple[int, int]]:
    """Node positions in pixels from a force-directed layout (Fruchterman–Reingold), deterministic in ``seed``.

    The force-directed part (:func:`force_positions`) reads only which nodes are joined to which
    (:func:`structure`): ``force_with(nodes, pairs)`` may supply it (the export passes a memoized one). The
    result is then scaled so that nodes are typically a label's height apart, and overlapping nodes (their
    sizes follow their degree) are pushed apart exactly. Nodes without edges are set out in rows below the rest.

    >>> pos = layout(nx.MultiDiGraph([("a", "b"), ("b", "c")]))
    >>> sorted(pos) == ["a", "b", "c"] and all(isinstance(v, int) for xy in pos.values() for v in xy)
    True
    """
    import numpy as np

    linked, pairs = structure(G)
    pos = (force_with or functools.partial(force_positions, seed=seed, iterations=iterations, gravity=gravity))(
        linked, pairs)
    if len(linked) > 1:  # scale so that the typical gap to the nearest node fits a node and its label
        i, j = _close_pairs(pos, 3.0)
        nearest = np.full(len(linked), 3.0)
        gaps = np.sqrt(((pos[i] - pos[j]) ** 2).sum(1))
        np.minimum.at(nearest, i, gaps)
        np.minimum.at(nearest, j, gaps)
        pos = pos * min(200.0, max(30.0, _NODE_GAP / max(float(np.median(nearest)), 1e-6)))
    degree = dict(G.degree())
    pos = _separate(pos, np.array([node_size(degree[v]) for v in linked], dtype=float))
    pixels = np.rint(pos).astype(np.int64)
    result = {v: (int(pixels[i, 0]), int(pixels[i, 1])) for i, v in enumerate(linked)}
    isolated = sorted(set(G) - set(linked))
    if isolated:  # rows wide enough for a label of about ten characters
        across, down = 160, 70
        left = int(pixels[:, 0].min()) if len(linked) else 0
        width = int(pixels[:, 0].max()) - left if len(linked) else 0
        top = int(pixels[:, 1].max()) + 2 * down if len(linked) else 0
        columns = max(1, width // across, math.isqrt(len(isolated)))
        for i, v in enumerate(isolated):
            result[v] = (left + (i % columns) * across, top + (i // columns) * down)
    return dict(sorted(result.items()))


_NODE_GAP = 45.0  # pixels between a node and its nearest neighbour, typically


def structure(G: nx.MultiDiGraph) -> tuple[list[str], list[tuple[int, int]]]:
    """What the force-directed layout reads: the nodes with an edge to another node (sorted), and the pairs of
    them an edge joins, as sorted index pairs ``(i, j)``, ``i < j``.

    >>> structure(nx.MultiDiGraph([("b", "a"), ("a", "b"), ("c", "c")]))
    (['a', 'b'], [(0, 1)])
    """
    linked = sorted({v for u, v in G.edges() if u != v} | {u for u, v in G.edges() if u != v})
    index = {v: i for i, v in enumerate(linked)}
    pairs = sorted({(min(index[u], index[v]), max(index[u], index[v])) for u, v in G.edges() if u != v})
    return linked, pairs


def force_key(linked: list[str], pairs: list[tuple[int, int]], seed: int = LAYOUT_SEED,
              iterations: int = LAYOUT_ITERATIONS, gravity: float = 1.0) -> str:
    """A hash of everything :func:`force_positions` reads (a :func:`structure` and the parameters): equal keys,
    equal positions (for the same code and numpy).

    >>> force_key(["a", "b"], [(0, 1)]) == force_key(["a", "b"], [(0, 1)]) != force_key(["a", "c"], [(0, 1)])
    True
    """
    what = [seed, iterations, _REFINE_ITERATIONS, gravity, linked, pairs]
    return hashlib.sha256(json.dumps(what, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()


def force_positions(linked: list[str], pairs: list[tuple[int, int]], seed: int = LAYOUT_SEED,
                    iterations: int = LAYOUT_ITERATIONS, gravity: float = 1.0):
    """Positions (an n × 2 array, centred; ideal edge length 1) of the nodes ``linked`` joined by ``pairs``.

    Two levels: the graph without its leaves (nodes with one neighbour, about half of a news graph) is laid
    out first, from random positions, for ``iterations``; each leaf then starts beside its neighbour, and the
    whole graph is refined for a few iterations at a low temperature. Same picture as laying out the whole
    graph from random positions, in a third of the time (most of the cost is per iteration).
    """
    import numpy as np

    n = len(linked)
    parent = _leaf_parents(n, pairs)
    core = np.flatnonzero(parent < 0)
    if len(core) == n or len(core) < 2:
        return _force_layout(n, pairs, seed, iterations, gravity)
    renumber = np.full(n, -1)
    renumber[core] = np.arange(len(core))
    core_pairs = [(int(renumber[i]), int(renumber[j])) for i, j in pairs if parent[i] < 0 and parent[j] < 0]
    pos = np.zeros((n, 2))
    pos[core] = _force_layout(len(core), core_pairs, seed, iterations, gravity)
    leaves = np.flatnonzero(parent >= 0)
    # around each neighbour, its leaves evenly spaced on a circle, turned by a fixed angle per neighbour
    order = np.argsort(parent[leaves], kind="stable")
    leaves = leaves[order]
    owners = parent[leaves]
    first = np.searchsorted(owners, owners)
    count = np.bincount(owners, minlength=n)[owners]
    angle = 2 * np.pi * (np.arange(len(leaves)) - first) / count + owners * 2.399963
    pos[leaves] = pos[owners] + 0.8 * np.stack([np.cos(angle), np.sin(angle)], 1)
    return _force_layout(n, pairs, seed, _REFINE_ITERATIONS, gravity, start=pos, temperature=0.02)


def _leaf_parents(n: int, pairs: list[tuple[int, int]]):
    """For each node, its one neighbour when it has only one and that neighbour has others (else -1)."""
    import numpy as np

    if not pairs:
        return np.full(n, -1)
    ends = np.array(pairs, dtype=np.intp)
    degree = np.bincount(ends.ravel(), minlength=n)
    parent = np.full(n, -1)
    for a, b in ((0, 1), (1, 0)):
        leaf = (degree[ends[:, a]] == 1) & (degree[ends[:, b]] > 1)
        parent[ends[leaf, a]] = ends[leaf, b]
    return parent


def layout_key(G: nx.MultiDiGraph, seed: int = LAYOUT_SEED, iterations: int = LAYOUT_ITERATIONS,
               gravity: float = 1.0) -> str:
    """A hash of everything :func:`layout` reads: the nodes, the pairs of nodes joined by an edge, each node's
    degree (its size), and the parameters. Equal keys, equal layouts (for the same code and numpy).

    >>> a, b = nx.MultiDiGraph([("a", "b")]), nx.MultiDiGraph([("a", "b")])
    >>> b.nodes["a"]["label"] = "甲"  # the layout reads no attribute
    >>> layout_key(a) == layout_key(b), layout_key(a) == layout_key(nx.MultiDiGraph([("a", "b"), ("a", "b")]))
    (True, False)
    """
    degree = G.degree()
    pairs = sorted({(min(u, v), max(u, v)) for u, v in G.edges() if u != v})
    what = [seed, iterations, _REFINE_ITERATIONS, gravity, [(n, degree[n]) for n in sorted(G)], pairs]
    return hashlib.sha256(json.dumps(what, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()


def node_size(degree: int) -> float:
    """The radius in pixels the page draws a node with (the page's ``nodeSize`` computes the same).

    >>> node_size(0), node_size(1), round(node_size(7), 2), node_size(10_000)
    (9.0, 15.0, 27.0, 46.0)
    """
    return min(46.0, 9.0 + 6.0 * math.log2(1 + degree))


def _close_pairs(pos, cutoff: float):
    """Index arrays (i, j), i != j, each pair once, of the points within ``cutoff`` of each other.

    A spatial hash with cells of side ``cutoff``: only points in neighbouring cells are compared.
    """
    import numpy as np

    n = len(pos)
    grid = np.floor(pos / cutoff).astype(np.int64)
    grid -= grid.min(0) - 1
    width = int(grid[:, 1].max()) + 3
    key = grid[:, 0] * width + grid[:, 1]
    order = np.argsort(key, kind="stable")
    cell = _cell_lookup(key, order, (int(grid[:, 0].max()) + 3) * width)
    firsts, seconds = [], []
    for dx, dy in ((0, 0), (1, -1), (1, 0), (1, 1), (0, 1)):  # half the neighbourhood: each pair once
        c, first = cell(key + dx * width + dy)
        i = np.repeat(np.arange(n), c)
        j = order[np.repeat(first, c) + np.arange(int(c.sum())) - np.repeat(np.cumsum(c) - c, c)]
        keep = i < j if (dx, dy) == (0, 0) else np.ones(len(i), dtype=bool)
        firsts.append(i[keep])
        seconds.append(j[keep])
    i, j = np.concatenate(firsts), np.concatenate(seconds)
    d = pos[i] - pos[j]
    near = (d * d).sum(1) < cutoff * cutoff
    return i[near], j[near]


_TABLE_CELLS_PER_POINT = 8  # grids up to this many cells a point (and 4,096 more) get a table; layouts need 1-4


def _cell_lookup(key, order, cells: int):
    """A function from cell keys to (how many points the cells hold, where those start in ``order``), for a
    grid of ``cells`` cells whose points have keys ``key`` (sorted by ``order``): a table of every cell
    while the grid is small, else a binary search among the cells that hold points. Either gives the same
    counts, and the same starts for every cell that holds points."""
    import numpy as np

    if cells <= _TABLE_CELLS_PER_POINT * len(key) + 4096:
        count = np.bincount(key, minlength=cells)
        start = np.cumsum(count) - count
        return lambda wanted: (count[wanted], start[wanted])
    held, start, count = np.unique(key[order], return_index=True, return_counts=True)

    def search(wanted):
        at = np.minimum(np.searchsorted(held, wanted), len(held) - 1)
        found = held[at] == wanted
        return np.where(found, count[at], 0), np.where(found, start[at], 0)

    return search


def _separate(pos, radius, pad: float = 14.0, rounds: int = 40):
    """Push apart nodes (pixel positions) whose discs, grown by ``pad``, overlap; deterministic."""
    import numpy as np

    n = len(pos)
    if n < 2:
        return pos
    pos = pos.copy()
    spread = np.arange(n, dtype=float) * 2.399963  # fixed directions for coincident nodes (golden angle)
    for _ in range(rounds):
        i, j = _close_pairs(pos, 2 * float(radius.max()) + pad)
        d = pos[i] - pos[j]
        dist = np.sqrt((d * d).sum(1))
        overlap = radius[i] + radius[j] + pad - dist
        hit = overlap > 0
        if not hit.any():
            break
        i, j, d, dist, overlap = i[hit], j[hit], d[hit], dist[hit], overlap[hit]
        unit = np.where((dist < 1e-6)[:, None], np.stack([np.cos(spread[i]), np.sin(spread[i])], 1),
                        d / np.maximum(dist, 1e-6)[:, None])
        push = unit * (overlap / 4)[:, None]
        for c in (0, 1):
            pos[:, c] += np.bincount(i, weights=push[:, c], minlength=n) - np.bincount(j, weights=push[:, c], minlength=n)
    return pos


def _force_layout(n: int, pairs: list[tuple[int, int]], seed: int, iterations: int, gravity: float,
                  start=None, temperature: float = 0.1):
    """Positions (n × 2 array, centred) for nodes 0..n-1 joined by ``pairs``; ideal edge length 1.

    From ``start`` (else random positions in a square of side sqrt(n)); the largest move of an iteration
    starts at ``temperature`` times that side and cools linearly.

    Repulsion between all nodes is computed on a grid with FFTs (a particle-mesh method), attraction along
    edges exactly, and a linear pull towards the centre keeps separate components together; the cost per
    iteration is about linear in nodes and edges.
    """
    import numpy as np

    if n <= 1:
        return np.zeros((n, 2))
    src = np.array([p[0] for p in pairs], dtype=np.intp)
    dst = np.array([p[1] for p in pairs], dtype=np.intp)
    side = math.sqrt(n)
    pos = np.random.default_rng(seed).random((n, 2)) * side if start is None else np.array(start, dtype=float)
    m = int(min(256, max(32, 2 ** math.ceil(math.log2(2 * math.sqrt(n))))))  # grid cells per side
    w = 2 * m  # the FFT grid is padded to twice the size so that the convolution does not wrap round
    offsets = np.arange(w, dtype=float)
    offsets[m:] -= w
    ax, ay = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = ax * ax + ay * ay
    r2[0, 0] = 1.0
    kernels = []
    for k in (ax / r2, ay / r2):  # repulsion 1/d along the unit vector, in grid units, one axis each
        k[0, 0] = 0
        k[m, :] = 0
        k[:, m] = 0
        kernels.append(np.fft.rfft2(k))  # the density is real: real FFTs, half the work of complex ones
    t0 = side * temperature
    for it in range(iterations):
        lo, hi = pos.min(0), pos.max(0)
        h = float(max(hi[0] - lo[0], hi[1] - lo[1], 1.0)) / (m - 3)  # grid spacing
        g = (pos - (lo - h)) / h
        cell = np.floor(g).astype(np.intp)
        fx, fy = (g - cell).T
        base = cell[:, 0] * w + cell[:, 1]
        corners = ((0, (1 - fx) * (1 - fy)), (w, fx * (1 - fy)), (1, (1 - fx) * fy), (w + 1, fx * fy))
        rho = np.zeros(w * w)  # cloud-in-cell density
        for offset, wt in corners:
            rho += np.bincount(base + offset, weights=wt, minlength=w * w)
        rho_hat = np.fft.rfft2(rho.reshape(w, w))
        disp = np.empty((n, 2))
        for c, kernel_hat in enumerate(kernels):
            field = np.fft.irfft2(rho_hat * kernel_hat, s=(w, w)).reshape(-1)
            disp[:, c] = sum(field[base + offset] * wt for offset, wt in corners) / h
        # the mesh cannot resolve points closer than a few cells: add exact repulsion 1/d there, fading out
        cutoff = 3 * h
        i, j = _close_pairs(pos, cutoff)
        d = pos[i] - pos[j]
        dist2 = np.maximum((d * d).sum(1), 1e-6)
        near = d * ((1 - np.sqrt(dist2) / cutoff) ** 2 / dist2)[:, None]
        for c in (0, 1):
            disp[:, c] += np.bincount(i, weights=near[:, c], minlength=n) - np.bincount(j, weights=near[:, c], minlength=n)
        if len(pairs):
            d = pos[src] - pos[dst]
            pull = d * np.sqrt((d * d).sum(1))[:, None]  # attraction d² along the edge
            for c in (0, 1):
                disp[:, c] += np.bincount(dst, weights=pull[:, c], minlength=n)
                disp[:, c] -= np.bincount(src, weights=pull[:, c], minlength=n)
        disp += (pos.mean(0) - pos) * gravity
        length = np.sqrt((disp * disp).sum(1)) + 1e-9
        step = t0 * (1 - it / iterations) + 0.01  # temperature: the largest move, cooling linearly
        pos += disp / length[:, None] * np.minimum(length, step)[:, None]
    return pos - pos.mean(0)


def page_data(G: nx.MultiDiGraph, title: str = "kg", positions: dict[str, tuple[int, int]] | None = None) -> dict:
    """Everything the page shows, as plain JSON-ready values (pure; ordered for byte-identical output)."""
    docs = {n: d for n, d in G.nodes(data=True) if d.get("type") == DOCUMENT}
    first = operator.itemgetter(0)  # a mention's document; mapped in C (nodes have hundreds of thousands)
    node_docs: dict[str, set[str]] = {n: set(map(first, d.get("mentions") or ())) for n, d in G.nodes(data=True)}
    for u, v, d in G.edges(data=True):
        if d.get("doc"):
            node_docs[u].add(d["doc"])
            node_docs[v].add(d["doc"])
    degree = dict(G.degree())
    nodes = []
    for n in sorted(G):
        d = G.nodes[n]
        item = {"id": n, "type": d.get("type"), "label": d.get("label") or n, "aliases": list(d.get("aliases") or []),
                "degree": degree[n], "docs": sorted(x for x in node_docs[n] if x in docs and x != n)}
        if d.get("type") == DOCUMENT:
            item.update({f: d.get(f) for f in ("title", "date", "author", "url", "source")})
        if positions is not None:
            item["x"], item["y"] = positions[n]
        nodes.append(item)
    edges = []
    mentions = _mentions_by_document(G)
    seen_pairs: dict[tuple[str, str], int] = {}
    key_count: dict[str, int] = {}
    for _, _, key in G.edges(keys=True):
        key_count[str(key)] = key_count.get(str(key), 0) + 1
    for u, v, key, d in sorted(G.edges(keys=True, data=True), key=lambda e: (str(e[2]), e[0], e[1])):
        pair = (min(u, v), max(u, v))
        seen_pairs[pair] = seen_pairs.get(pair, 0) + 1
        edge_id = str(key) if key_count[str(key)] == 1 else f"{u}|{v}|{key}"  # fact ids are unique; others may not be
        edges.append({"id": edge_id, "from": u, "to": v, "predicate": d.get("predicate"), "role": d.get("role"),
                      "text": d.get("text"), "doc": d.get("doc"), "sentence": d.get("sentence"),
                      "marks": _marks(mentions, (u, v), d), "parallel": seen_pairs[pair] - 1})
    return {
        "title": title,
        "types": [{"type": t, "name": name, "color": color, "shape": shape} for t, (name, color, shape) in TYPES.items()],
        "predicates": PREDICATES,
        "fonts": FONTS,
        "nodes": nodes,
        "edges": edges,
        "physics": positions is None,
        "focus": G.graph.get("focus") if G.graph.get("focus") in G else None,
    }


def _mentions_by_document(G: nx.MultiDiGraph) -> dict[str, dict[str, list[tuple[int, int]]]]:
    """Each node's mentions as ``{document: [(start, end), ...]}``, so an edge looks only at its own
    document's (a person named in hundreds of articles has hundreds of edges). Only the documents of the
    node's own edges are kept: a place named in thousands of articles has edges from a few."""
    wanted: dict[str, set[str]] = {node: set() for node in G}
    for u, v, doc in G.edges(data="doc"):
        if doc is not None:
            wanted[u].add(doc)
            wanted[v].add(doc)
    index: dict[str, dict[str, list[tuple[int, int]]]] = {}
    for node, mentions in G.nodes(data="mentions"):
        by_doc = index[node] = {}
        docs = wanted[node]
        for m_doc, m_start, m_end in [m for m in mentions or () if m[0] in docs] if docs else ():
            by_doc.setdefault(m_doc, []).append((m_start, m_end))
    return index


def _marks(mentions: dict[str, dict[str, list[tuple[int, int]]]], ends: tuple[str, str], d: dict) -> list[list[int]]:
    """Code-point spans, relative to the evidence sentence, of the two entities' mentions inside it
    (``mentions`` from :func:`_mentions_by_document`)."""
    doc, start, end = d.get("doc"), d.get("start"), d.get("end")
    if not d.get("sentence") or doc is None or start is None or end is None:
        return []
    spans = set()
    for node in ends:
        for m_start, m_end in mentions[node].get(doc, ()):
            if start <= m_start < m_end <= end:
                spans.add((m_start - start, m_end - start))
    return [list(s) for s in sorted(spans)]


def html(G: nx.MultiDiGraph, title: str = "kg",
         layout_with: Callable[[nx.MultiDiGraph], dict[str, tuple[int, int]]] | None = None) -> str:
    """The explorer page for ``G`` as one self-contained HTML string (deterministic).

    ``layout_with`` computes the positions of a graph too big for the browser's physics (default
    :func:`layout`; the export passes a memoized one).

    >>> page = html(nx.MultiDiGraph(), title="<b>空</b>")
    >>> page.count("&lt;b&gt;空&lt;/b&gt;"), page.count("\\\\u003cb\\\\u003e空"), page.count("<b>空")
    (2, 1, 0)
    """
    positions = None if G.number_of_nodes() <= PHYSICS_MAX_NODES else (layout_with or layout)(G)
    data = script_json(page_data(G, title, positions))
    assets = _assets()
    scripts = [assets["vis.js"], assets["explorer.js"]]
    styles = [assets["vis.css"], assets["explorer.css"]]
    csp = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_csp_hash(s) for s in scripts),
        "style-src " + " ".join(_csp_hash(s) for s in styles),
        "img-src data:",
        "font-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    return _template().render(title=title, csp=csp, data=data, scripts=scripts, styles=styles,
                              types=[(t, name, color, shape) for t, (name, color, shape) in TYPES.items()])


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _raw_text(text: str, element: str, where: str) -> str:
    """Check that ``text`` can sit inside ``<element>`` as raw text without ending it early."""
    if re.search(rf"</{element}|<!--", text, re.I):
        raise ModelError(f"{where}: contains '</{element}' or '<!--' and cannot be inlined; reinstall kg and pyvis")
    return text


@functools.lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """vis-network from the installed pyvis wheel and the explorer's own script and style, as text."""
    try:
        vis = resources.files("pyvis") / _VIS
        vis_js = (vis / "vis-network.min.js").read_text(encoding="utf-8")
        vis_css = (vis / "vis-network.css").read_text(encoding="utf-8")
        own = resources.files("kg") / "templates"
        explorer_js = (own / "explorer.js").read_text(encoding="utf-8")
        explorer_css = (own / "explorer.css").read_text(encoding="utf-8")
    except (OSError, ModuleNotFoundError) as e:
        raise ModelError(f"the HTML explorer's scripts are missing ({e}); reinstall kg and pyvis==0.3.2") from e
    # A source map comment would only make developer tools fetch a file that is not there.
    vis_js = re.sub(r"\n//# sourceMappingURL=\S+\s*$", "\n", vis_js)
    return {
        "vis.js": _raw_text(vis_js, "script", f"pyvis/{_VIS}/vis-network.min.js"),
        "vis.css": _raw_text(vis_css, "style", f"pyvis/{_VIS}/vis-network.css"),
        "explorer.js": _raw_text(explorer_js, "script", "kg/templates/explorer.js"),
        "explorer.css": _raw_text(explorer_css, "style", "kg/templates/explorer.css"),
    }


@functools.lru_cache(maxsize=1)
def _template():
    import jinja2

    env = jinja2.Environment(loader=jinja2.PackageLoader("kg", "templates"), autoescape=True,
                             undefined=jinja2.StrictUndefined, keep_trailing_newline=True)
    return env.get_template("explorer.html.j2")
