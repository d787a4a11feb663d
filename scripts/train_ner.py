"""Train the shipped mention recognizer ``kg/models/ner.zip`` from the public training files.

Reproducible: fixed data order, fixed L-BFGS iteration counts, no randomness; the zip has fixed timestamps.
Training data (read in place, never copied): ``../shared/eval/ner/`` peoples_daily_1998_dev.bio,
msra_train_sample.bio, cluener_train.jsonl. Test files are never read here.

Usage:
    python scripts/train_ner.py                # write kg/models/ner.zip
    python scripts/train_ner.py --holdout      # train on the training part, score the held-out part (tuning)
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import sys
import tempfile
import time
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from kg import ner  # noqa: E402
from kg.ner import NerSpan  # noqa: E402
from kg.nereval import Sentence, read_file, score, set_types  # noqa: E402

DATA = REPO.parent / "shared" / "eval" / "ner"
LEXICONS = REPO / "ontology" / "lexicons"
TRAIN_FILES = ("peoples_daily_1998_dev.bio", "msra_train_sample.bio", "cluener_train.jsonl")


@dataclass(frozen=True)
class Part:
    """One CRF of the bundle: which labels it learns from which corpora, and its L-BFGS settings."""

    name: str
    corpora: dict[str, tuple[str, ...]]  # corpus -> labels kept from it (others become O)
    c1: float = 0.05
    c2: float = 0.01
    iterations: int = 100
    min_freq: int = 1
    scheme: str = "BIOES"          # or "BIO"
    augment: tuple[str, ...] = ()  # corpora whose features also get a corpus-specific copy (domain adaptation)
    augment_skip: tuple[str, ...] = ()  # feature prefixes (templates) that get no copy, to keep the model small


DEFAULT_PARTS = (
    # PER/ORG/LOC from the People's Daily corpora; CLUENER adds names and organizations, its conventions
    # (long addresses, teams and events as organizations) are absorbed by CLUENER-only feature copies.
    Part("main", {"pd": ("PER", "ORG", "LOC"), "msra": ("PER", "ORG", "LOC"), "cluener": ("PER", "ORG", "LOC")},
         c1=0.1, c2=0.01, iterations=400, augment=("cluener",)),
    # Titles are annotated in CLUENER only (People's Daily leaves them untagged), so they get their own CRF.
    Part("title", {"cluener": ("TITLE",)}, c1=0.05, c2=0.01, iterations=100),
)


def load_corpora() -> dict[str, list[Sentence]]:
    """Read the three training files (fails with a clear message when ../shared is missing)."""
    names = {"pd": TRAIN_FILES[0], "msra": TRAIN_FILES[1], "cluener": TRAIN_FILES[2]}
    return {key: read_file(DATA / fname) for key, fname in names.items()}


BLOCK = 200  # sentences; the files keep articles together, so blocks keep an article's names on one side


def holdout_split(corpora: dict[str, list[Sentence]]) -> tuple[dict[str, list[Sentence]], dict[str, list[Sentence]]]:
    """Deterministic split for tuning: every 5th block of :data:`BLOCK` sentences is held out.

    Whole blocks (not every 5th sentence) so held-out sentences do not share articles, and thus names,
    with the training part, as test files do not.
    """
    train = {k: [s for i, s in enumerate(v) if (i // BLOCK) % 5 != 4] for k, v in corpora.items()}
    held = {k: [s for i, s in enumerate(v) if (i // BLOCK) % 5 == 4] for k, v in corpora.items()}
    return train, held


# ---------------------------------------------------------------- lexicon


def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]


def jieba_dict() -> list[tuple[str, int, str]]:
    """(word, freq, tag) from the jieba package's own dictionary."""
    import jieba

    out = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3:
                out.append((parts[0], int(parts[1]), parts[2]))
    return out


LEXICON_FILES = ("surnames.txt", "places.tsv", "org_suffixes.txt", "titles.txt", "title_modifiers.txt")


@dataclass(frozen=True)
class LexiconConfig:
    """Which lexicon sources feed the features."""

    jieba_words: bool = True       # every jieba dictionary word (segmentation cues)
    jieba_word_min_freq: int = 20  # jieba words rarer than this are left out of the word lexicon
    jieba_names: bool = True       # jieba nr/ns/nt entries as person/place/organization
    jieba_min_freq: int = 4        # jieba entries rarer than this are too noisy to use as names
    ontology: bool = True          # ontology/lexicons/*.txt|tsv written by the lexicon work
    cluener_titles: int = 0        # CLUENER training positions seen this often become title words (0: off)
    name_chars: bool = True        # given-name / transliteration character classes from jieba's names
    entities: str = "cross"        # training mentions as lexicon entries: "cross" (a corpus's sentences see the
                                   # other corpora's mentions in training), "folds" (5-fold jackknife), "" (off)


def build_lexicon(train: dict[str, list[Sentence]], cfg: LexiconConfig = LexiconConfig()) -> tuple[ner.Lexicon, dict]:
    """Lexicon from jieba's dictionary, ontology/lexicons (when present) and CLUENER training titles.

    Returns the lexicon and a record of its sources (with file hashes, so a rebuild can be checked).
    """
    bits: dict[str, int] = {}

    def add(w: str, bit: int) -> None:
        w = w.strip()
        if len(w) >= 2:
            bits[w] = bits.get(w, 0) | bit

    sources: dict[str, str] = {}
    if cfg.jieba_words or cfg.jieba_names:
        import jieba

        for w, freq, tag in jieba_dict():
            if len(w) > 8:
                continue
            if cfg.jieba_words and freq >= cfg.jieba_word_min_freq:
                add(w, ner.LEX_WORD)
            if cfg.jieba_names and freq >= cfg.jieba_min_freq:
                if tag in ("nr", "nrfg", "nrt"):
                    add(w, ner.LEX_PER)
                elif tag == "ns":
                    add(w, ner.LEX_LOC)
                elif tag == "nt":
                    add(w, ner.LEX_ORG)
        sources["jieba/dict.txt"] = f"jieba {jieba.__version__}"

    surnames: set[str] = set()
    if cfg.ontology:
        for fname in LEXICON_FILES:
            path = LEXICONS / fname
            if path.exists():
                sources[f"ontology/lexicons/{fname}"] = hashlib.sha256(path.read_bytes()).hexdigest()
        for line in _read_lines(LEXICONS / "surnames.txt"):
            s = line.split("\t")[0].strip()
            if len(s) == 1:
                surnames.add(s)
            else:
                add(s, ner.LEX_SURNAME)
        for line in _read_lines(LEXICONS / "places.tsv"):
            cols = line.split("\t")
            add(cols[0], ner.LEX_LOC)
            if len(cols) > 1 and cols[1] != cols[0]:
                add(cols[1], ner.LEX_LOC)
        for line in _read_lines(LEXICONS / "org_suffixes.txt"):
            add(line.split("\t")[0], ner.LEX_ORGSUF)
        for line in _read_lines(LEXICONS / "titles.txt"):
            add(line.split("\t")[0], ner.LEX_TITLE)
        for line in _read_lines(LEXICONS / "title_modifiers.txt"):
            add(line.split("\t")[0], ner.LEX_TITLEMOD)
    if not surnames:  # no ontology surname list: first characters of training person names
        firsts = Counter(sent.text[sp.start] for k in ("pd", "msra") for sent in train.get(k, ())
                         for sp in sent.spans if sp.label == "PER" and sp.end - sp.start in (2, 3))
        surnames = {c for c, n in firsts.items() if n >= 3 and "\u4e00" <= c <= "\u9fff"}
        sources["surnames"] = "first characters of training person names"
    if cfg.cluener_titles:
        titles = Counter(sent.text[sp.start:sp.end] for sent in train.get("cluener", ()) for sp in sent.spans
                         if sp.label == "TITLE")
        for t, n in titles.items():
            if n >= cfg.cluener_titles:
                add(t, ner.LEX_TITLE)
        sources["cluener_train positions"] = f"seen >= {cfg.cluener_titles} times"
    chars: dict[str, set[str]] = {c: {"s"} for c in surnames}
    if cfg.name_chars:
        for c, code in name_char_codes(surnames).items():
            chars.setdefault(c, set()).add(code)
    return ner.Lexicon.build(bits, chars), sources


ENTITY_BITS = {"PER": ner.LEX_TPER, "ORG": ner.LEX_TORG, "LOC": ner.LEX_TLOC, "TITLE": ner.LEX_TTITLE}


def entity_words(sentences: Iterable[Sentence]) -> dict[str, int]:
    """Mentions of the training sentences as lexicon entries (their own classes, apart from general lexicons)."""
    out: dict[str, int] = {}
    for sent in sentences:
        for sp in sent.spans:
            w = sent.text[sp.start:sp.end]
            if 2 <= len(w) <= 12:
                out[w] = out.get(w, 0) | ENTITY_BITS[sp.label]
    return out


def with_words(lex: ner.Lexicon, extra: dict[str, int]) -> ner.Lexicon:
    """``lex`` plus ``extra`` entries (bit flags are or-ed)."""
    words = dict(lex.words)
    for w, b in extra.items():
        words[w] = words.get(w, 0) | b
    return ner.Lexicon.build(words, lex.chars)


FOLDS = 5


def fold_of(index: int, folds: int) -> int:
    """The jackknife fold of the ``index``-th sentence of a corpus (whole blocks, so articles stay together)."""
    return (index // BLOCK) % folds


def jackknife_lexicons(lex: ner.Lexicon, corpora: dict[str, list[Sentence]], mode: str) -> dict[tuple[str, int], ner.Lexicon]:
    """The lexicon each training sentence gets its features from: ``lex`` plus mentions it must not see itself.

    ``(corpus, fold)`` -> lexicon. Mode "cross": a corpus's sentences see the mentions of the other corpora only
    (the files are shuffled sentences, so any split of one file shares articles, and names, across its parts;
    test files do not). Mode "folds": 5-fold jackknife within and across corpora.
    Either way training features see entity matches about as often as unseen text would, so the model does not
    learn to trust the entity lexicon blindly.
    """
    out: dict[tuple[str, int], ner.Lexicon] = {}
    if mode == "cross":
        for corpus in corpora:
            others = (s for name, sents in corpora.items() if name != corpus for s in sents)
            out[(corpus, 0)] = with_words(lex, entity_words(others))
    elif mode == "folds":
        for k in range(FOLDS):
            outside = (s for sents in corpora.values() for i, s in enumerate(sents) if fold_of(i, FOLDS) != k)
            fold_lex = with_words(lex, entity_words(outside))
            for corpus in corpora:
                out[(corpus, k)] = fold_lex
    else:
        raise ValueError(f"unknown entity lexicon mode {mode!r}: use 'cross', 'folds' or ''")
    return out


def name_char_codes(surnames: set[str]) -> dict[str, str]:
    """Given-name (g1..g3) and transliteration (t1, t2) characters, from jieba's person-name entries.

    A character's score is how often it appears in names versus in other dictionary words.
    """
    given: Counter[str] = Counter()
    translit: Counter[str] = Counter()
    other: Counter[str] = Counter()
    for w, _freq, tag in jieba_dict():
        if tag in ("nr", "nrfg") and len(w) in (2, 3) and w[0] in surnames:
            given.update(w[1:])
        elif tag == "nrt" or (tag == "nrfg" and w[0] not in surnames):
            translit.update(w)
        else:
            other.update(w)
    codes: dict[str, str] = {}
    for c, n in translit.items():
        r = n / (n + other[c] + 1)
        if n >= 3 and r >= 0.2:
            codes[c] = "t2" if r >= 0.35 else "t1"
    for c, n in given.items():
        r = n / (n + other[c] + 1)
        if n >= 3 and r >= 0.2:
            codes[c] = "g3" if r >= 0.5 else "g2" if r >= 0.35 else "g1"
    return codes


# ---------------------------------------------------------------- training


def part_examples(part: Part, corpora: dict[str, list[Sentence]]) -> Iterable[tuple[str, int, str, list[str]]]:
    """(corpus, index, sentence text, BIOES tags) for one part, keeping only that part's labels per corpus."""
    for corpus, keep in part.corpora.items():
        for index, sent in enumerate(corpora[corpus]):
            spans = [s for s in sent.spans if s.label in keep]
            yield corpus, index, sent.text, ner.spans_to_tags(len(sent.text), spans, part.scheme)


def train_part(part: Part, corpora: dict[str, list[Sentence]], lexicons: dict[tuple[str, int], ner.Lexicon],
               verbose: bool = False, words: bool = True) -> bytes:
    """Train one CRF; sentence i of a corpus gets its features from ``lexicons[corpus, fold]``.

    Returns the CRFsuite model bytes.
    """
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for corpus, index, text, tags in part_examples(part, corpora):
        if not text.strip():
            continue
        folds = FOLDS if (corpus, 1) in lexicons else 1
        wf = ner.word_features(text, ner.word_segmenter()) if words else None
        xseq = ner.sentence_features(text, lexicons[(corpus, fold_of(index, folds))], wf)
        if corpus in part.augment:
            prefix = corpus[0] + "|"
            skip = part.augment_skip
            xseq = [f + [prefix + a for a in f if not a.startswith(skip)] for f in xseq]
        trainer.append(xseq, tags)
    trainer.set_params({
        "c1": part.c1, "c2": part.c2, "max_iterations": part.iterations,
        "feature.minfreq": part.min_freq, "feature.possible_transitions": True,
        "epsilon": 0.0, "delta": 0.0, "period": 1000000,
    })
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "m.crfsuite"
        t0 = time.perf_counter()
        trainer.train(str(out))
        if verbose:
            print(f"  trained {part.name} in {time.perf_counter() - t0:.0f}s, {out.stat().st_size / 1e6:.1f} MB",
                  file=sys.stderr)
        return out.read_bytes()


def bundle(models: dict[str, bytes], lex: ner.Lexicon, meta: dict) -> bytes:
    """Deterministic zip: meta.json, lexicon.tsv and one .crfsuite per part."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        def put(name: str, data: bytes) -> None:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data, compresslevel=9)

        put("meta.json", json.dumps(meta, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8"))
        put("lexicon.tsv", lex.dumps().encode("utf-8"))
        for name in sorted(models):
            put(f"{name}.crfsuite", models[name])
    return buf.getvalue()


def train_bundle(corpora: dict[str, list[Sentence]], parts: Sequence[Part] = DEFAULT_PARTS,
                 lex_cfg: LexiconConfig = LexiconConfig(), verbose: bool = False, words: bool = True) -> bytes:
    """Build the lexicon, train every part, and zip them into one model bundle."""
    lex, sources = build_lexicon(corpora, lex_cfg)
    if lex_cfg.entities:
        lexicons = jackknife_lexicons(lex, corpora, lex_cfg.entities)
        lex = with_words(lex, entity_words(s for sents in corpora.values() for s in sents))
        sources["training mentions"] = f"all three training files (jackknife: {lex_cfg.entities})"
    else:
        lexicons = {(corpus, 0): lex for corpus in corpora}
    models = {p.name: train_part(p, corpora, lexicons, verbose, words) for p in parts}
    meta = {
        "format": ner.FORMAT_VERSION,
        "word_features": words,
        "models": sorted(models),
        "parts": {p.name: {"corpora": {k: list(v) for k, v in p.corpora.items()}, "c1": p.c1, "c2": p.c2,
                           "iterations": p.iterations, "min_freq": p.min_freq,
                           "augment": list(p.augment), "augment_skip": list(p.augment_skip),
                           "scheme": p.scheme} for p in parts},
        "lexicon_sources": sources,
        "lexicon_sha256": hashlib.sha256(lex.dumps().encode("utf-8")).hexdigest(),
        "training_files": {name: hashlib.sha256((DATA / name).read_bytes()).hexdigest() for name in TRAIN_FILES},
    }
    return bundle(models, lex, meta)


def evaluate_holdout(rec: ner.Recognizer, held: dict[str, list[Sentence]]) -> dict[str, dict]:
    out = {}
    for k, sents in held.items():
        types = set_types(sents)
        preds = [rec(s.text) for s in sents]
        out[k] = score(sents, preds, types)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=ner.MODEL_PATH)
    ap.add_argument("--holdout", action="store_true", help="train on 4/5 of each file, print scores on the rest")
    args = ap.parse_args(argv)
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    corpora = load_corpora()
    if args.holdout:
        train, held = holdout_split(corpora)
        rec = ner.Recognizer.from_bytes(train_bundle(train, verbose=True))
        for k, rep in evaluate_holdout(rec, held).items():
            types = " ".join(f"{t}={v['f1']:.3f}" for t, v in rep["types"].items())
            print(f"{k:8} micro={rep['micro']['f1']:.3f} {types}")
        return 0
    data = train_bundle(corpora, verbose=True)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_bytes(data)
    print(f"wrote {args.out} ({len(data) / 1e6:.2f} MB, sha256 {hashlib.sha256(data).hexdigest()[:16]})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
