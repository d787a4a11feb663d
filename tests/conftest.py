"""Shared fixtures: paths to the shared evaluation data and small handmade articles."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def recognizer():
    from kg.pipeline import default_recognizer

    return default_recognizer()


@pytest.fixture(scope="session")
def seed_graph():
    from kg.pipeline import build

    return build([SEEDS])


@pytest.fixture(scope="session")
def hostile_text() -> str:
    """Text that would run script or break out of its context if a page put it in as HTML."""
    return "</script><script>alert(1)</script><img src=x onerror=alert(2)>\"'\\<!--\u2028\u2029&amp;"


@pytest.fixture
def hostile_graph(hostile_text):
    """A graph (kg/graph.py schema) whose every article-derived string is an attack; 𠮷 (outside the BMP)
    precedes the mentions in the evidence sentence, so code-point and UTF-16 offsets differ."""
    import networkx as nx

    bad = hostile_text
    org, person = f"{bad}工会", "李<img src=x onerror=alert(4)>东"
    sentence = f"𠮷{org}主席{person}说：“{bad}”"
    at = 10
    G = nx.MultiDiGraph()
    G.add_node("doc-1", type="Document", label=bad, aliases=[], mentions=[], title=bad, date=bad, author=bad,
               url="javascript:alert(3)", source=bad, length=200)
    G.add_node("person-1", type="Person", label=person, aliases=[bad, "𠮷野"],
               mentions=[("doc-1", at + 1 + len(org) + 2, at + 1 + len(org) + 2 + len(person))])
    G.add_node("org-1", type="Organization", label=org, aliases=[], mentions=[("doc-1", at + 1, at + 1 + len(org))])
    G.add_edge("person-1", "org-1", key="membership-1", predicate="membership", role=bad, text=None,
               doc="doc-1", start=at, end=at + len(sentence), sentence=sentence)
    G.add_edge("person-1", "doc-1", key="quote-1", predicate="quote", role=None, text=bad, doc="doc-1",
               start=at, end=at + len(sentence), sentence=sentence)
    return G


# --- RDF exports, the Oxigraph store (tests/test_rdf.py, test_export.py, test_query.py, test_shapes.py,
# test_server.py) ------------------------------------------------------------------------------------------

RDF_FORMATS = ("turtle", "ntriples", "jsonld", "graphml", "gexf")


@pytest.fixture(scope="session")
def seed_export(seed_graph, tmp_path_factory):
    """The seed graph's exports (every format but HTML) and its Oxigraph store, in a session folder."""
    from kg.export import write_exports
    from kg.store import build_store

    out = tmp_path_factory.mktemp("seed-export")
    write_exports(seed_graph, out, RDF_FORMATS)
    build_store(out)
    return out


@pytest.fixture(scope="session")
def dev_graph():
    """The graph of the seed and the dev-set articles (read in place from /work/shared/eval/corpus)."""
    from kg.pipeline import build

    corpus = sorted((EVAL / "corpus").glob("*.md"))
    if not corpus:
        pytest.skip(f"{EVAL / 'corpus'}: dev-set articles not available")
    return build([SEEDS, *corpus])
