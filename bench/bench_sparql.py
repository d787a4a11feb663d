"""SPARQL on a graph of a million triples or more: rdflib against the embedded Oxigraph store, in one run.

Usage: ``python bench/bench_sparql.py [--triples 1000000] [--runs 3] [--rdflib-runs 1] [--out DIR] [--serialize]``

The graph is built from real articles: the seed and the dev-set articles (read in place from
/work/shared/eval/corpus) go through the pipeline once; then the graph is repeated with distinct document
ids (``doc-…-r0001``…: each copy a new document node, new fact nodes and evidence, the same entities
mentioned again) until its RDF export has at least ``--triples`` triples. Entities are shared across the
copies, so a person quoted in one article is quoted in hundreds, as on a real news feed.

It prints the time to write the N-Triples export; the time to load it into rdflib (``Graph.parse``) and
into Oxigraph (``Store.bulk_load`` on disk, as ``kg build`` does, and in memory); then for each named
query the median time on each engine, checking that both give the same rows, with the ratio
rdflib / Oxigraph. With ``--serialize`` it also times rdflib's Turtle serializer against the exporter's
(pyoxigraph). It asserts nothing.
"""
from __future__ import annotations

import argparse
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg import query as q  # noqa: E402
from kg import rdf, store  # noqa: E402
from kg.export import write_atomic  # noqa: E402
from kg.pipeline import build, honor_classes  # noqa: E402

CORPUS = ROOT.parent / "shared" / "eval" / "corpus"

# (named query, parameters): the questions of the issue, on entities of the seed article.
QUERIES = [
    ("people-quoted-in-several-articles", {}),
    ("honors", {}),
    ("people-by-honor", {"honor": "劳动模范"}),
    ("organization-members", {"organization": "郑州市总工会"}),
    ("person-profile", {"person": "李会东"}),
    ("quotes", {"person": "马曼"}),
    ("organizations-in-place", {"place": "郑州"}),
    ("co-members", {"person": "马曼", "other": "蔡剑锋"}),
    ("evidence", {"person": "杜跃武"}),
    ("entity", {"name": "郑州高新区"}),
]


def repeat(G: nx.MultiDiGraph, copies: int) -> nx.MultiDiGraph:
    """``G`` plus ``copies`` copies of its documents and facts under new document ids (entities shared)."""
    H = nx.MultiDiGraph(G)
    for n in H.nodes:
        H.nodes[n]["mentions"] = list(H.nodes[n].get("mentions", []))
    docs = [n for n, t in G.nodes(data="type") if t == rdf.DOCUMENT]
    facts = [(u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True) if d.get("doc") is not None]
    mentions = [(n, m) for n, d in G.nodes(data=True) for m in d.get("mentions", [])]
    for i in range(1, copies + 1):
        suffix = f"-r{i:04d}"
        for doc in docs:
            H.add_node(doc + suffix, **G.nodes[doc])
        for n, (doc, start, end) in mentions:
            H.nodes[n]["mentions"].append((doc + suffix, start, end))
        for u, v, k, d in facts:
            target = v + suffix if v in docs else v
            H.add_edge(u, target, key=k + suffix, **{**d, "doc": d["doc"] + suffix})
    return H


def timed(fn, runs: int = 1, warmup: bool = False):
    """(result of the last run, median seconds over ``runs``, after one untimed run if ``warmup``)."""
    times, result = [], None
    if warmup:
        fn()
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return result, statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="at least this many triples (default 1,000,000)")
    ap.add_argument("--runs", type=int, default=5, help="runs per query on Oxigraph (median)")
    ap.add_argument("--rdflib-runs", type=int, default=1, help="runs per query on rdflib (median)")
    ap.add_argument("--out", type=Path, default=None, help="folder for the export and store (default: a temp folder)")
    ap.add_argument("--serialize", action="store_true", help="also time rdflib's Turtle serializer (slow)")
    args = ap.parse_args(argv)

    articles = [ROOT / "seeds", *sorted(CORPUS.glob("*.md"))]
    (base, t_build) = timed(lambda: build(articles))
    classes = honor_classes()
    per_base = len(rdf.statements(base, classes))
    per_copy = len(rdf.statements(repeat(base, 1), classes)) - per_base
    copies = max(0, math.ceil((args.triples - per_base) / per_copy))
    G = repeat(base, copies)
    docs = sum(1 for _, t in G.nodes(data="type") if t == rdf.DOCUMENT)
    print(f"graph: {len(articles)} real articles ({t_build:.1f} s to extract), repeated {copies} times: "
          f"{docs} documents, {G.number_of_nodes()} nodes, {G.number_of_edges()} edges")

    triples, t_statements = timed(lambda: rdf.statements(G, classes))
    nt_text, t_nt = timed(lambda: rdf.serialize_ntriples(triples))
    ttl_text, t_ttl = timed(lambda: rdf.serialize_turtle(triples))
    print(f"export: {len(triples):,} triples; statements {t_statements:.1f} s, N-Triples {t_nt:.1f} s "
          f"({len(nt_text.encode()) / 1e6:.0f} MB), Turtle {t_ttl:.1f} s ({len(ttl_text.encode()) / 1e6:.0f} MB) "
          "with pyoxigraph")

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        out = args.out or Path(tmp)
        write_atomic(out / "graph.nt", nt_text)
        del nt_text

        if args.serialize:
            g_for_ttl = rdf.graph_from(triples)
            _, t_rdflib_ttl = timed(lambda: g_for_ttl.serialize(format="turtle"))
            print(f"Turtle serialization: rdflib {t_rdflib_ttl:.1f} s, pyoxigraph {t_ttl:.1f} s "
                  f"(ratio {t_rdflib_ttl / t_ttl:.0f}x)")
            del g_for_ttl
        del ttl_text, triples

        from rdflib import Graph

        g, t_rdflib_load = timed(lambda: Graph().parse(out / "graph.nt", format="nt"))
        _, t_ox_store = timed(lambda: store.build_store(out))
        import pyoxigraph as ox

        mem = ox.Store()
        _, t_ox_mem = timed(lambda: mem.bulk_load(path=str(out / "graph.nt"), format=ox.RdfFormat.N_TRIPLES))
        disk, t_ox_open = timed(lambda: store.open_store(out))
        print(f"load: rdflib Graph.parse {t_rdflib_load:.1f} s; Oxigraph store on disk (bulk_load + optimize, "
              f"as kg build) {t_ox_store:.1f} s [{t_rdflib_load / t_ox_store:.0f}x], in memory {t_ox_mem:.1f} s "
              f"[{t_rdflib_load / t_ox_mem:.0f}x]; opening the built store read-only {t_ox_open * 1000:.0f} ms")

        named = q.named_queries()
        print(f"\n{'query':36s} {'rows':>6s} {'rdflib s':>10s} {'Oxigraph s':>11s} {'ratio':>8s}")
        ratios = []
        for name, params in QUERIES:
            r_ox, t_ox = timed(lambda: q.run(disk, named[name], params), args.runs, warmup=True)
            r_rl, t_rl = timed(lambda: q.run_rdflib(g, named[name], params), args.rdflib_runs)
            same = r_ox.values() == r_rl.values()
            ratios.append(t_rl / t_ox)
            print(f"{name:36s} {len(r_ox.rows):6d} {t_rl:10.3f} {t_ox:11.4f} {t_rl / t_ox:7.0f}x"
                  + ("" if same else "  ROWS DIFFER"))
        print(f"\nquery ratio rdflib/Oxigraph: median {statistics.median(ratios):.0f}x, "
              f"min {min(ratios):.0f}x, max {max(ratios):.0f}x over {len(ratios)} named queries")
        del disk
    return 0


if __name__ == "__main__":
    sys.exit(main())
