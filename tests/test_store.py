"""kg/store.py: updating the last build's store by the difference of the N-Triples."""
from __future__ import annotations

import re

import networkx as nx
import pyoxigraph as ox
import pytest

from kg import export, store
from kg.errors import ExportError


def _quads(folder) -> list[str]:
    """The store's quads, sorted, blank nodes unnamed (each load of the vocabulary names them anew)."""
    held = ox.Store.read_only(str(store.store_path(folder)))
    return sorted(re.sub(r"_:[0-9a-f]+", "_:b", str(q)) for q in held)


def _smaller(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``G`` without one fact and with another label: a difference both ways."""
    H = G.copy()
    u, v, key = next(iter(sorted(H.edges(keys=True), key=lambda e: e[2])))
    H.remove_edge(u, v, key)
    person = next(n for n, t in sorted(H.nodes(data="type")) if t == "Person")
    H.nodes[person]["label"] += "（改）"
    return H


def test_difference_of_ntriples_lines():
    old, new = b"<a> <b> <c> .\n<a> <b> <d> .\n", b"<a> <b> <d> .\n<a> <b> <e> .\n"
    assert store.ntriples_difference(old, new) == (b"<a> <b> <c> .\n", b"<a> <b> <e> .\n")
    assert store.ntriples_difference(old, old) == (b"", b"")


def test_an_updated_store_holds_the_triples_of_a_fresh_one(seed_graph, tmp_path, monkeypatch):
    memo, fresh, updated = tmp_path / "memo", tmp_path / "fresh", tmp_path / "updated"
    export.write_exports(seed_graph, updated, ("ntriples",), with_store=True, memo=memo)
    before = store.store_path(updated).stat().st_ino
    H = _smaller(seed_graph)
    with monkeypatch.context() as m:
        m.setattr(store, "load_stage", None)  # updated, not loaded
        export.write_exports(H, updated, ("ntriples",), with_store=True, memo=memo)
    export.write_exports(H, fresh, ("ntriples",), with_store=True)
    assert store.is_current(updated) and store.store_path(updated).stat().st_ino != before
    assert _quads(updated) == _quads(fresh)
    assert len(_quads(updated)) == len((fresh / "graph.nt").read_bytes().splitlines()) + len(
        [q for q in _quads(fresh) if store.ONTOLOGY_GRAPH in q])


def test_a_store_changed_since_its_build_is_loaded_afresh(seed_graph, tmp_path):
    memo, out = tmp_path / "memo", tmp_path / "out"
    export.write_exports(seed_graph, out, ("ntriples",), with_store=True, memo=memo)
    extra = ox.Quad(ox.NamedNode("https://example.org/kg/x"), ox.NamedNode("https://example.org/kg/y"), ox.Literal("z"))
    writable = ox.Store(str(store.store_path(out)))  # as `kg serve --writable` would
    writable.add(extra)
    writable.flush()
    del writable
    assert store.is_current(out)
    export.write_exports(seed_graph, out, ("ntriples",), with_store=True, memo=memo)
    assert str(extra) not in _quads(out)


def test_a_failed_update_leaves_the_previous_store_and_raises(seed_graph, tmp_path):
    memo, out = tmp_path / "memo", tmp_path / "out"
    export.write_exports(seed_graph, out, ("ntriples",), with_store=True, memo=memo)
    before = _quads(out)
    staged = store.new_stage(out)
    with pytest.raises(ExportError, match="could not be updated from the N-Triples export .*the previous store is unchanged"):
        store.update_stage(staged, store.store_path(out), (out / "graph.nt").read_bytes(), b"<a> <b> not rdf .\n")
    assert _quads(out) == before
