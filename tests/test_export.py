"""kg/export.py: the exporter table, atomic writes, and the formats it writes."""
from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from rdflib import Graph

from kg import export, rdf, store
from kg.errors import ExportError

RDF_FORMATS = ("turtle", "ntriples", "jsonld", "graphml", "gexf")


def test_exporters_are_chosen_by_name_from_one_table():
    assert {name: e.filename for name, e in export.EXPORTERS.items()} == {
        "turtle": "graph.ttl", "ntriples": "graph.nt", "jsonld": "graph.jsonld",
        "graphml": "graph.graphml", "gexf": "graph.gexf", "html": "graph.html"}
    assert export.DEFAULT_FORMATS == tuple(export.EXPORTERS)
    assert all(e.description for e in export.EXPORTERS.values())


def test_unknown_format_is_refused_before_anything_is_written(seed_graph, tmp_path):
    with pytest.raises(ExportError, match="unknown export format 'rdfxml'; choose from gexf, graphml, html"):
        export.write_exports(seed_graph, tmp_path, ("turtle", "rdfxml"))
    assert list(tmp_path.iterdir()) == []


def test_a_failing_renderer_leaves_earlier_exports_in_place(seed_graph, tmp_path, monkeypatch):
    export.write_exports(seed_graph, tmp_path, ("turtle",))
    before = (tmp_path / "graph.ttl").read_bytes()

    def broken(_):
        raise ExportError("boom")

    monkeypatch.setitem(export.EXPORTERS, "gexf", export.Exporter("graph.gexf", broken, "broken"))
    with pytest.raises(ExportError, match="boom"):
        export.write_exports(nx.MultiDiGraph(), tmp_path, ("turtle", "gexf"))
    assert (tmp_path / "graph.ttl").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.ttl"]


@pytest.mark.parametrize("memo", [False, True])
def test_rdf_statements_are_computed_once_per_export(seed_graph, tmp_path, monkeypatch, memo):
    calls = []
    for name in ("subject_rows", "source_rows"):  # without a memo, with one (and nothing to reuse)
        monkeypatch.setattr(rdf, name, lambda *a, real=getattr(rdf, name): calls.append(1) or real(*a))
    export.write_exports(seed_graph, tmp_path / "out", ("turtle", "ntriples", "jsonld"),
                         memo=tmp_path / "memo" if memo else None)
    assert len(calls) == 1


def test_the_same_graph_gives_byte_identical_files(seed_graph, seed_export, tmp_path):
    written = export.write_exports(seed_graph, tmp_path, RDF_FORMATS)
    assert [p.name for p in written] == ["graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "graph.gexf"]
    for path in written:
        assert path.read_bytes() == (seed_export / path.name).read_bytes(), path.name


def test_render_jobs_keep_the_rdf_and_the_property_graph_formats_together_dearest_first():
    assert export.render_jobs(export.DEFAULT_FORMATS) == [
        ("html",), ("turtle", "ntriples", "jsonld"), ("graphml", "gexf")]
    assert export.render_jobs(export.DEFAULT_FORMATS, with_store=True) == [  # loading the store joins the RDF job
        ("turtle", "ntriples", "jsonld"), ("html",), ("graphml", "gexf")]
    assert export.render_jobs(("gexf",)) == [("gexf",)]


# Run in a fresh process: forking is only safe (and kg only forks) while a single thread runs, and
# earlier tests may leave threads behind in this one.
_SIDE_BY_SIDE = """
import os, sys
from pathlib import Path
from kg import export, parallel, rdf, store
from kg.errors import ExportError
from kg.pipeline import build

assert parallel.can_fork()
export.PARALLEL_MIN_EDGES = 0
# a format that says which process rendered it (workers inherit the table by fork)
export.EXPORTERS["pid"] = export.Exporter("pid.txt", lambda _: str(os.getpid()), "pid")
G = build([sys.argv[1]])
formats = export.DEFAULT_FORMATS + ("pid",)
alone = export.render(G, formats, workers=1)
side_by_side = export.render(G, formats, workers=2)
print("pids", alone.pop("pid.txt") == str(os.getpid()) != side_by_side.pop("pid.txt"))
print("order", list(side_by_side) == list(alone) == [e.filename for e in export.EXPORTERS.values()][:-1])
print("bytes", side_by_side == alone)

# each worker writes its own files (the parent only renames them)
pid_out = Path(sys.argv[3])
export.write_exports(G, pid_out, ("turtle", "pid"), workers=2)
print("written", sorted(p.name for p in pid_out.iterdir()) == ["graph.ttl", "pid.txt"]
      and (pid_out / "pid.txt").read_text() != str(os.getpid()))

out = Path(sys.argv[2])
formats = ("turtle", "ntriples", "gexf")
written = export.write_exports(G, out, formats, workers=2, with_store=True)
print("store", written[-1] == store.store_path(out) and store.is_current(out)
      and len(store.open_store(out)) == len(store.load_file(out / "graph.nt")) + len(store.load_file(rdf.vocabulary_path())))

def snapshot():
    return sorted((str(p.relative_to(out)), p.read_bytes()) for p in out.rglob("*") if p.is_file())

before = snapshot()
def broken(_):
    raise ExportError("boom in a worker")
real_gexf = export.EXPORTERS["gexf"]
export.EXPORTERS["gexf"] = export.Exporter("graph.gexf", broken, "broken")
try:
    export.write_exports(G, out, formats, workers=2, with_store=True)
    print("raised False")
except ExportError as e:
    print("raised", str(e) == "boom in a worker")
print("kept", snapshot() == before)

# This process now runs RocksDB's threads (it opened the store): the store is loaded here, not in a worker.
export.EXPORTERS["gexf"] = real_gexf
assert parallel.has_native_threads()
files = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
export.write_exports(G, out, formats, workers=2, with_store=True)
print("again", store.is_current(out) and {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == files
      and len(store.open_store(out)) == len(store.load_file(out / "graph.nt")) + len(store.load_file(rdf.vocabulary_path())))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="parallel rendering forks, on Linux")
def test_two_workers_render_the_same_bytes_and_a_failing_worker_loses_nothing(tmp_path):
    seeds = Path(__file__).resolve().parents[1] / "seeds"
    run = subprocess.run([sys.executable, "-c", _SIDE_BY_SIDE, str(seeds), str(tmp_path / "out"),
                          str(tmp_path / "pid")], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split("\n")[:-1] == ["pids True", "order True", "bytes True", "written True", "store True",
                                           "raised True", "kept True", "again True"]


def test_a_temporary_file_the_build_gave_up_on_is_not_made_again(tmp_path):
    path = tmp_path / "graph.ttl"
    tmp = export._new_temp(path)
    os.unlink(tmp)  # what write_exports does to every temporary file when a job fails
    with pytest.raises(ExportError, match=f"{path}: could not be written \\(No such file or directory\\); "
                                          "the previous file is unchanged"):
        export._fill_temp(path, tmp, "<a> <b> <c> .\n")
    assert list(tmp_path.iterdir()) == []


def test_files_get_the_usual_mode_not_mkstemps(seed_export):
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE((seed_export / "graph.ttl").stat().st_mode) == 0o666 & ~umask


def test_rdf_files_hold_the_same_triples(seed_graph, seed_export):
    expected = {str(t) for t in rdf.statements(seed_graph, _honor_classes())}
    for name, fmt in (("graph.ttl", ox.RdfFormat.TURTLE), ("graph.nt", ox.RdfFormat.N_TRIPLES),
                      ("graph.jsonld", ox.RdfFormat.JSON_LD)):
        got = {str(ox.Triple(q.subject, q.predicate, q.object)) for q in ox.parse(path=str(seed_export / name), format=fmt)}
        assert got == expected, name
    assert len(Graph().parse(seed_export / "graph.jsonld", format="json-ld")) == len(expected)


def test_ntriples_are_sorted_lines(seed_export):
    lines = (seed_export / "graph.nt").read_text(encoding="utf-8").splitlines()
    subjects = [line.split(" ", 1)[0] for line in lines]
    assert subjects == sorted(subjects)


def _honor_classes():
    from kg.pipeline import honor_classes

    return honor_classes()


@pytest.mark.parametrize("name,read", [("graph.graphml", nx.read_graphml), ("graph.gexf", nx.read_gexf)])
def test_property_graph_files_read_back(seed_graph, seed_export, name, read):
    H = read(seed_export / name)
    assert H.number_of_nodes() == seed_graph.number_of_nodes()
    assert H.number_of_edges() == seed_graph.number_of_edges()
    person = next(n for n, d in seed_graph.nodes(data=True) if d["label"] == "李会东")
    attrs = H.nodes[person]
    assert (attrs["label"], attrs["type"], attrs["iri"]) == ("李会东", "Person", f"https://example.org/kg/{person}")
    roles = {d.get("role") for _, _, d in H.out_edges(person, data=True) if d.get("predicate") == "membership"}
    assert roles == {d["role"] for _, _, d in seed_graph.out_edges(person, data=True) if d["predicate"] == "membership"}


def test_gexf_is_static_and_undated(seed_export):
    text = (seed_export / "graph.gexf").read_text(encoding="utf-8")
    assert "lastmodifieddate" not in text
    assert 'mode="static"' in text and 'mode="dynamic"' not in text


def test_property_graph_flattens_lists_and_renames_gexf_time_attributes(hostile_graph):
    H = export.property_graph(hostile_graph)
    assert H.nodes["person-1"]["aliases"] == "|".join(hostile_graph.nodes["person-1"]["aliases"])
    assert H.nodes["person-1"]["mentions"] == 1
    edge = H.edges["person-1", "org-1", "membership-1"]
    assert (edge["char_start"], edge["char_end"]) == (10, hostile_graph.edges["person-1", "org-1", "membership-1"]["end"])
    assert "start" not in edge and "end" not in edge
    assert all(v is not None for _, d in H.nodes(data=True) for v in d.values())


def test_hostile_text_survives_graphml_and_gexf(hostile_graph, hostile_text):
    for text, read in ((export.graphml(hostile_graph), nx.parse_graphml),
                       (export.gexf(hostile_graph), lambda s: nx.read_gexf(io.BytesIO(s.encode())))):
        H = read(text)
        assert H.nodes["doc-1"]["label"] == hostile_text


# --- incremental builds: the memo of the last export ----------------------------------------------

EXPORT_FILES = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "graph.gexf", "graph.html")
PEOPLE = ["王建国", "李红梅", "张卫东", "刘志强", "陈秀英", "杨国华", "赵丽娟", "黄海涛"]


def _article(folder: Path, n: int) -> None:
    name, other = PEOPLE[n % len(PEOPLE)], PEOPLE[(n + 3) % len(PEOPLE)]
    (folder / f"a{n:02d}.txt").write_text(
        f"第{n}期通讯\n\n郑州市第{n + 1}中学工会主席{name}表示：要做好职工服务工作。\n"
        f"全国劳动模范、河南省总工会副主席{other}说：“把温暖送到一线。”\n", encoding="utf-8")


def _kg_build(src: Path, out: Path, *options: str) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["build", str(src), "--out", str(out), "--quiet", "--segmenter", "jieba",
                                      *options], catch_exceptions=False)
    assert result.exit_code == 0, result.output


def _exports(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in EXPORT_FILES}


def _store_quads(out: Path) -> list[str]:
    import re

    held = ox.Store.read_only(str(store.store_path(out)))
    return sorted(re.sub(r"_:[0-9a-f]+", "_:b", str(q)) for q in held)  # each load names blank nodes anew


@pytest.fixture
def laid_out(monkeypatch):
    """Small graphs get the Python layout (as big ones do) and are rendered in this process."""
    from kg import viz

    monkeypatch.setattr(viz, "PHYSICS_MAX_NODES", 10)


def test_an_incremental_build_writes_the_bytes_of_a_fresh_one(tmp_path, laid_out):
    src, out, fresh = tmp_path / "in", tmp_path / "out", tmp_path / "fresh"
    src.mkdir()
    (src / "seed.txt").write_bytes(next((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt")).read_bytes())
    for n in range(4):
        _article(src, n)
    _kg_build(src, out)
    for change in (lambda: _article(src, 4), lambda: (src / "a01.txt").unlink()):  # an article added, one removed
        change()
        _kg_build(src, out)
        _kg_build(src, fresh, "--no-cache")
        assert _exports(out) == _exports(fresh)
        assert _store_quads(out) == _store_quads(fresh)


def test_a_rebuild_of_the_same_graph_reuses_the_layout(tmp_path, laid_out, monkeypatch):
    from kg import viz

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for n in range(3):
        _article(src, n)
    _kg_build(src, out)
    before = _exports(out)
    monkeypatch.setattr(viz, "layout", None)  # a call would fail
    _kg_build(src, out)
    assert _exports(out) == before


def test_a_graph_with_the_same_pairs_of_nodes_reuses_the_force_layout(seed_graph, tmp_path, laid_out, monkeypatch):
    from kg import viz

    memo, out, fresh = tmp_path / "memo", tmp_path / "out", tmp_path / "fresh"
    export.write_exports(seed_graph, out, ("html",), memo=memo)
    G = seed_graph.copy()
    u, v, d = next((u, v, d) for u, v, d in G.edges(data=True) if u != v)
    G.add_edge(u, v, key="another-fact", **{**d, "role": "另一职务"})  # sizes change, the pairs do not
    assert viz.layout_key(G) != viz.layout_key(seed_graph)
    export.write_exports(G, fresh, ("html",))
    monkeypatch.setattr(viz, "force_positions", None)  # a call would fail
    export.write_exports(G, out, ("html",), memo=memo)
    assert (out / "graph.html").read_bytes() == (fresh / "graph.html").read_bytes()


def _with_changes(G: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``G`` with one fact gone, one node renamed and one fact added: some subjects' blocks change."""
    H = G.copy()
    u, v, key = next((u, v, k) for u, v, k, d in H.edges(keys=True, data=True) if d["predicate"] == "membership")
    H.remove_edge(u, v, key=key)
    node = next(n for n, t in H.nodes(data="type") if t == "Person")
    H.nodes[node]["label"] = "改名的人"
    H.add_edge(node, v, key="membership-new", predicate="membership", role="新职务", text=None, doc=None,
               start=None, end=None, sentence=None)
    return H


def test_rdf_exports_reuse_the_last_files_blocks_and_give_the_fresh_bytes(seed_graph, tmp_path, monkeypatch):
    memo, out, fresh = tmp_path / "memo", tmp_path / "out", tmp_path / "fresh"
    formats = ("turtle", "ntriples", "jsonld")
    export.write_exports(seed_graph, out, formats, with_store=True, memo=memo)
    H = _with_changes(seed_graph)
    export.write_exports(H, fresh, formats, with_store=True)
    rendered = []
    real = rdf.jsonld_lines
    monkeypatch.setattr(rdf, "jsonld_lines", lambda groups: rendered.extend(groups := list(groups)) or real(groups))
    export.write_exports(H, out, formats, with_store=True, memo=memo)
    for name in ("graph.ttl", "graph.nt", "graph.jsonld"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert _store_quads(out) == _store_quads(fresh)
    assert 0 < len(rendered) < len(rdf.subject_rows(H)) / 4  # only the changed subjects were rendered


def _random_edit(G: nx.MultiDiGraph, rng) -> None:
    """One edit of the kinds a rebuild makes: facts added or dropped, entities renamed, named in other articles,
    dropped, or honors relabelled (which changes which honor a broader class links to)."""
    nodes, edges = sorted(G), sorted(G.edges(keys=True))
    kind = rng.choice(["add fact", "drop fact", "rename", "mentions", "drop node", "honor", "retype"])
    if kind == "add fact" or not edges:
        u, v = rng.choice(nodes), rng.choice(nodes)
        G.add_edge(u, v, key=f"membership-r{rng.random():.6f}", predicate="membership", role=rng.choice(["主席", "新职务", None]),
                   text=None, doc=None, start=None, end=None, sentence=None)
    elif kind == "drop fact":
        G.remove_edge(*rng.choice(edges))
    elif kind == "rename":
        G.nodes[rng.choice(nodes)]["label"] = f"改名{rng.randrange(3)}"
    elif kind == "mentions":
        node = rng.choice(nodes)
        G.nodes[node]["mentions"] = [*G.nodes[node].get("mentions", []), (rng.choice(nodes), 0, 1)]
    elif kind == "drop node":
        G.remove_node(rng.choice(nodes))
    elif kind == "honor":
        honors = [n for n in nodes if G.nodes[n]["type"] == "Honor"]
        if honors:
            G.nodes[rng.choice(honors)]["label"] = rng.choice(["劳动模范", "全国劳动模范", "五一劳动奖章"])
    else:
        node = rng.choice(nodes)
        G.nodes[node]["type"] = rng.choice(["Organization", "Document", "Person"])
        if G.nodes[node]["type"] == "Document":
            G.nodes[node].update(title="标题", date="2024-01-02")


@pytest.mark.parametrize("seed", range(8))
def test_rdf_exports_after_random_edits_are_the_fresh_bytes(seed_graph, tmp_path, seed, monkeypatch):
    import random

    rng = random.Random(seed)
    memo, out, fresh = tmp_path / "memo", tmp_path / "out", tmp_path / "fresh"
    formats = ("turtle", "ntriples", "jsonld", "graphml", "gexf")
    updates = []
    real = export.RdfBlocks._update
    monkeypatch.setattr(export.RdfBlocks, "_update", lambda self, entry: updates.append(1) or real(self, entry))
    G = seed_graph.copy()
    export.write_exports(G, out, formats, with_store=True, memo=memo)
    for n in range(4):
        for _ in range(rng.randrange(1, 4)):
            _random_edit(G, rng)
        export.write_exports(G, out, formats, with_store=True, memo=memo)
        export.write_exports(G, fresh, formats, with_store=True)
        for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "graph.gexf"):
            assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
        assert _store_quads(out) == _store_quads(fresh)
        assert len(updates) == n + 1  # from the last export's blocks, not all rendered again


def test_graphml_and_gexf_reuse_the_last_files_blocks_and_give_the_fresh_bytes(seed_graph, tmp_path, monkeypatch):
    memo, out, fresh = tmp_path / "memo", tmp_path / "out", tmp_path / "fresh"
    formats = ("ntriples", "graphml", "gexf")
    for _ in range(2):  # the first export writes the files; the second, their blocks, in the RDF job
        export.write_exports(seed_graph, out, formats, memo=memo)
    H = _with_changes(seed_graph)
    export.write_exports(H, fresh, formats)
    rows = []
    real = export._node_row
    monkeypatch.setattr(export, "_node_row", lambda node, d: rows.append(node) or real(node, d))
    export.write_exports(H, out, formats, memo=memo)
    for name in ("graph.graphml", "graph.gexf"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    renamed = next(n for n, d in H.nodes(data=True) if d["label"] == "改名的人")
    assert sorted(set(rows)) == [renamed]  # the other nodes' blocks come from the last files


def test_graphml_and_gexf_with_another_head_are_rendered_whole(seed_graph, tmp_path):
    memo, out, fresh = tmp_path / "memo", tmp_path / "out", tmp_path / "fresh"
    formats = ("ntriples", "graphml", "gexf")
    export.write_exports(seed_graph, out, formats, memo=memo)
    H = seed_graph.copy()
    H.nodes[next(iter(H))]["author"] = "作者"  # an attribute no node held: the files declare one more
    export.write_exports(H, fresh, formats)
    export.write_exports(H, out, formats, memo=memo)
    for name in ("graph.graphml", "graph.gexf"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name


@pytest.mark.parametrize("damage", ["edit a file", "remove a file", "corrupt the entry"])
def test_rdf_blocks_of_files_the_memo_does_not_describe_are_rendered_again(seed_graph, tmp_path, damage):
    from kg import cache

    memo, out, fresh = tmp_path / "memo", tmp_path / "out", tmp_path / "fresh"
    formats = ("turtle", "ntriples", "jsonld", "graphml", "gexf")
    export.write_exports(seed_graph, out, formats, with_store=True, memo=memo)
    if damage == "edit a file":
        for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "graph.gexf"):
            data = bytearray((out / name).read_bytes())
            data[-5] ^= 0x01
            (out / name).write_bytes(bytes(data))
    elif damage == "remove a file":
        (out / "graph.jsonld").unlink()
    else:
        entry = _memo_entry(memo, "rdf-blocks")
        held = cache.decode(entry.read_bytes())
        entry.write_bytes(cache.encode({**held, "subjects": held["subjects"][:-1]}))  # too few for the block starts
    H = _with_changes(seed_graph)
    export.write_exports(H, fresh, formats, with_store=True)
    export.write_exports(H, out, formats, with_store=True, memo=memo)
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "graph.gexf"):
        assert (out / name).read_bytes() == (fresh / name).read_bytes(), name
    assert _store_quads(out) == _store_quads(fresh)


def _memo_entry(memo: Path, name: str) -> Path:
    (entry,) = [p for p in (memo / export.MEMO_DIRNAME).rglob(name)]
    return entry


@pytest.mark.parametrize("damage", ["flip a byte", "another key", "wrong shape"])
def test_a_damaged_or_stale_memo_entry_is_ignored(seed_graph, tmp_path, laid_out, damage):
    from kg import cache

    memo, out = tmp_path / "memo", tmp_path / "out"
    export.write_exports(seed_graph, out, ("html",), memo=memo)
    expected = (out / "graph.html").read_bytes()
    entry = _memo_entry(memo, "layout")
    key, positions = cache.decode(entry.read_bytes())
    moved = {node: (x + 1000, y) for node, (x, y) in positions.items()}
    if damage == "flip a byte":
        data = bytearray(cache.encode((key, moved)))
        data[-3] ^= 0xFF
        entry.write_bytes(bytes(data))
    elif damage == "another key":
        entry.write_bytes(cache.encode(("0" * 64, moved)))
    else:
        entry.write_bytes(cache.encode((key, dict(list(moved.items())[:-1]))))
    export.write_exports(seed_graph, out, ("html",), memo=memo)
    assert (out / "graph.html").read_bytes() == expected
    assert cache.decode(entry.read_bytes()) == (key, positions)  # and the entry is made good
