"""Build the seed and the dev set with the library and print the scorer's figures.

Usage: python bench/score_dev.py [--json] [--segmenter NAME]   (../shared must sit beside the repo)

It also scores ``bench/handmade/``: 204 articles of the dev set's genre written for this project (fictional
people, not from any newspaper) with gold facts annotated by ANNOTATION.md before the extractor ever ran on
them. The extractor was then improved on them, so their figure is a check on the dev figure, not unseen text.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
HANDMADE = ROOT / "bench" / "handmade"


def build_turtle(paths: list[Path], out: Path, segmenter: str) -> None:
    from kg.export import render
    from kg.ingest import Skipped, read_documents
    from kg.pipeline import analyze, assemble, default_recognizer

    rec = default_recognizer(segmenter)
    docs = {d.id: d for d in read_documents(paths) if not isinstance(d, Skipped)}
    graph = assemble([analyze(docs[k], rec) for k in sorted(docs)], rec)
    data = render(graph, ("turtle",))["graph.ttl"]
    out.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def score(ttl: Path, golds: list[Path], extra: list[str]) -> str:
    cmd = [sys.executable, str(EVAL / "score.py"), str(ttl), *map(str, golds), *extra]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="the scorer's JSON instead of its table")
    parser.add_argument("--segmenter", default="rjieba", choices=("jieba", "rjieba"),
                        help="word segmenter (default rjieba, as kg build)")
    args = parser.parse_args(argv)
    extra = ["--json"] if args.json else []
    corpus = sorted((EVAL / "corpus").glob("*.md"))
    with tempfile.TemporaryDirectory() as tmp:
        seed_ttl, dev_ttl = Path(tmp) / "seed.ttl", Path(tmp) / "dev.ttl"
        build_turtle([ROOT / "seeds"], seed_ttl, args.segmenter)
        build_turtle(corpus, dev_ttl, args.segmenter)
        print("== seed")
        print(score(seed_ttl, [EVAL / "gold" / "seed.json"], extra), end="")
        print("== dev (6 articles, one graph)")
        print(score(dev_ttl, [EVAL / "gold" / (p.stem + ".json") for p in corpus], extra), end="")
        handmade = sorted((HANDMADE / "articles").glob("*.md"))
        if handmade:
            handmade_ttl = Path(tmp) / "handmade.ttl"
            build_turtle(handmade, handmade_ttl, args.segmenter)
            print(f"== handmade ({len(handmade)} articles written for this project, one graph)")
            print(score(handmade_ttl, [HANDMADE / "gold" / (p.stem + ".json") for p in handmade], extra), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
