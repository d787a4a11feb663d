"""Mention recognizer: a character CRF (python-crfsuite) over n-gram, lexicon and word-segmentation features.

The shipped model ``kg/models/ner.zip`` bundles the CRFsuite weights with the lexicon snapshot the model was
trained with, so the features seen at run time are exactly those seen in training. ``scripts/train_ner.py``
rebuilds it byte for byte from the training files.

Labels: ``PER`` (person), ``ORG`` (organization), ``LOC`` (place), ``TITLE`` (role title such as 总经理).
"""
from __future__ import annotations

import functools
import io
import json
import re
import zipfile
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from kg.errors import ModelError
from kg.segment import WordSegmenter, make_segmenter

LABELS = ("PER", "ORG", "LOC", "TITLE")
MODEL_PATH = Path(__file__).resolve().parent / "models" / "ner.zip"
FORMAT_VERSION = 1

# Lexicon classes (bit flags of a lexicon entry).
LEX_PER, LEX_ORG, LEX_LOC, LEX_TITLE, LEX_WORD, LEX_ORGSUF, LEX_TITLEMOD, LEX_SURNAME = 1, 2, 4, 8, 16, 32, 64, 128
LEX_TPER, LEX_TORG, LEX_TLOC, LEX_TTITLE = 256, 512, 1024, 2048  # mentions seen in the training files
LEX_CLASSES: tuple[tuple[int, str], ...] = (
    (LEX_PER, "P"), (LEX_ORG, "O"), (LEX_LOC, "L"), (LEX_TITLE, "T"),
    (LEX_WORD, "W"), (LEX_ORGSUF, "S"), (LEX_TITLEMOD, "M"), (LEX_SURNAME, "N"),
    (LEX_TPER, "p"), (LEX_TORG, "o"), (LEX_TLOC, "l"), (LEX_TTITLE, "t"),
)
LEX_CODES = {code: bit for bit, code in LEX_CLASSES}
_CLASS_ORDER = {code: i for i, (_bit, code) in enumerate(LEX_CLASSES)}

SENTENCE_ENDS = frozenset("。！？；!?;\n\r…")
# A family name alone that stands for the person (陈某, 朱老, 郑先生, 江总书记, 李大娘), as news and the training
# files write and tag it; not 某些/某地, 老师/老家, and no preposition that is also a family name (对某, 于某).
_FAMILY_NAME_ALONE = re.compile("某(?![些种个项地处部单位公司厂村县市省年月日天时])|老(?![师家乡板百大实人年汉伴兵将总区街屋宅])"
                                "|先生|女士|小姐|总书记|主席|总理|大娘|大爷|大妈|大姐|大哥")
_PREPOSITION_SURNAMES = frozenset("于向和与将从对把被给在以为由及同跟")
MAX_SENTENCE = 400  # longer stretches are cut at a comma (or hard) to bound one CRF call

# Full-width ASCII -> half-width, digits -> '0' (feature strings only; offsets never change).
_NORM = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}
_NORM[0x3000] = 0x20
_NORM.update({cp: ord("0") for cp in range(ord("0"), ord("9") + 1)})
_NORM.update({cp: ord("0") for cp in range(0xFF10, 0xFF1A)})
_NORM_TABLE = str.maketrans(_NORM)


@dataclass(frozen=True, slots=True)
class NerSpan:
    """A recognized mention: ``text[start:end]`` has type ``label`` (one of :data:`LABELS`)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Words with class bit flags (matched in one pass) and per-character feature codes.

    ``chars`` maps a character to its codes: ``s`` surname, ``g1..g3`` given-name character (stronger is
    higher), ``t1..t2`` transliteration character (阿, 斯, 尔 ...).
    """

    words: Mapping[str, int]
    prefixes: frozenset[str]
    chars: Mapping[str, tuple[str, ...]]
    max_len: int

    @classmethod
    def build(cls, words: Mapping[str, int], chars: Mapping[str, Iterable[str]]) -> Lexicon:
        """Index ``words`` (word -> bit flags) for matching."""
        words = {w: b for w, b in words.items() if len(w) >= 2 and b}
        prefixes = frozenset(w[:k] for w in words for k in range(2, len(w) + 1))
        chars = {c: tuple(sorted(codes)) for c, codes in chars.items() if codes}
        return cls(words, prefixes, chars, max((len(w) for w in words), default=2))

    @property
    def surnames(self) -> frozenset[str]:
        """Single-character surnames."""
        return frozenset(c for c, codes in self.chars.items() if "s" in codes)

    def dumps(self) -> str:
        """Serialize as a ``[chars]`` section (``char<TAB>codes``) and a ``[words]`` section, sorted."""
        lines = ["[chars]"]
        lines += [f"{c}\t{' '.join(self.chars[c])}" for c in sorted(self.chars)]
        lines.append("[words]")
        for w in sorted(self.words):
            b = self.words[w]
            lines.append(f"{w}\t{''.join(code for bit, code in LEX_CLASSES if b & bit)}")
        return "\n".join(lines) + "\n"

    @classmethod
    def loads(cls, text: str) -> Lexicon:
        """Inverse of :meth:`dumps`."""
        words: dict[str, int] = {}
        chars: dict[str, list[str]] = {}
        section = ""
        for line in text.splitlines():
            if line in ("[chars]", "[words]"):
                section = line
                continue
            key, _, codes = line.partition("\t")
            if section == "[chars]":
                chars[key] = codes.split()
            elif section == "[words]":
                words[key] = sum(LEX_CODES[c] for c in codes)
            else:
                raise ValueError(f"lexicon line outside a section: {line[:40]!r}")
        return cls.build(words, chars)


def char_class(ch: str) -> str:
    """Coarse class of one (normalized) character: digit, latin, han, punctuation/other."""
    if ch == "0":
        return "d"
    if ch.isascii():
        return "a" if ch.isalpha() else "p"
    if "\u4e00" <= ch <= "\u9fff":
        return "h"
    return "o"


# bits -> (code, '<' + code, '>' + code) for every class set in bits
_CODES: dict[int, tuple[tuple[str, str, str], ...]] = {
    bits: tuple((code, "<" + code, ">" + code) for bit, code in LEX_CLASSES if bits & bit)
    for bits in range(1 << len(LEX_CLASSES))
}


def lexicon_features(text: str, lex: Lexicon) -> list[list[str]]:
    """Per-character lexicon features from one pass over all lexicon matches.

    For each class, the longest match covering a character gives its position code (B/M/E plus the length,
    capped at 5); a match of a class ending just before (``<``) or starting just after (``>``) is context.
    """
    n = len(text)
    feats: list[list[str]] = [[] for _ in range(n)]
    words, prefixes, max_len, codes = lex.words, lex.prefixes, lex.max_len, _CODES
    cover: dict[str, list[tuple[int, int] | None]] = {}  # class code -> longest match covering each position
    for i in range(n - 1):
        for j in range(i + 2, min(n, i + max_len) + 1):
            w = text[i:j]
            if w not in prefixes:
                break
            bits = words.get(w)
            if not bits:
                continue
            length = j - i
            for code, before, after in codes[bits]:
                arr = cover.get(code)
                if arr is None:
                    arr = cover[code] = [None] * n
                for k in range(i, j):
                    cur = arr[k]
                    if cur is None or cur[1] - cur[0] < length:
                        arr[k] = (i, j)
                if j < n:
                    feats[j].append(before)
                if i > 0:
                    feats[i - 1].append(after)
    for code in sorted(cover, key=_CLASS_ORDER.__getitem__):
        arr = cover[code]
        for k, m in enumerate(arr):
            if m is None:
                continue
            s, e = m
            pos = "B" if k == s else "E" if k == e - 1 else "M"
            feats[k].append(code + pos + str(min(e - s, 5)))
    return feats


@functools.lru_cache(maxsize=64)
def _word_positions(size: int) -> tuple[str, ...]:
    """``uB3``-style codes for each character of a word of ``size`` characters (length capped at 4)."""
    length = str(min(size, 4))
    return tuple("u" + ("S" if size == 1 else "B" if k == 0 else "E" if k == size - 1 else "M") + length
                 for k in range(size))


def word_features(text: str, segmenter: WordSegmenter) -> list[list[str]]:
    """Per-character features from a dictionary segmentation of ``text`` (jieba's dictionary, no HMM).

    A name the dictionary does not know falls apart into single characters, so for each character:
    its position in its word and the word's length (``uB3``), the word's dictionary tag (``yns``), the
    length of the run of single-character words it sits in and its place there (``r3B``), and the
    words before and after its word (``x``/``z``, multi-character words only: context beyond the
    character window, such as 总理 before a name or 说 after it).
    """
    spans = segmenter.spans(text)
    feats: list[list[str]] = [[] for _ in range(len(text))]
    words = [w for w, _, _ in spans]
    long_word = [len(w) >= 2 for w in words]
    single_han = [len(w) == 1 and "\u4e00" <= w <= "\u9fff" for w in words]
    tag_of = segmenter.word_tag
    m = len(words)

    def context(t: int, common: list[str]) -> list[str]:
        if t > 0 and long_word[t - 1]:
            common.append("x" + words[t - 1])
        if t + 1 < m and long_word[t + 1]:
            common.append("z" + words[t + 1])
        return common

    t = 0
    while t < m:
        if single_han[t]:  # a run of single Han characters, each a word
            end = t
            while end < m and single_han[end]:
                end += 1
            size = end - t
            r = "r" + str(min(size, 4))
            run = [r + "S"] if size == 1 else [r + "B", *[r + "M"] * (size - 2), r + "E"]
            for k in range(t, end):
                feats[spans[k][1]] = ["uS1", *context(k, [run[k - t]])]
            t = end
            continue
        w, start, _ = spans[t]
        common = context(t, ["y" + (tag_of(w) or "?")] if long_word[t] else [])
        for k, code in enumerate(_word_positions(len(w))):
            feats[start + k] = [code, *common]
        t += 1
    return feats


_CLASS_OF: dict[str, str] = {}  # char_class per character, filled as characters are met


def sentence_features(text: str, lex: Lexicon, words: list[list[str]] | None = None) -> list[list[str]]:
    """CRFsuite attribute strings for every character of one sentence (``words``: :func:`word_features`).

    Built column-wise over shifted copies of the padded sentence (the hot loop of tagging); the order of
    attributes within a character does not matter to the CRF.
    """
    norm = text.translate(_NORM_TABLE)
    n = len(norm)
    p = "\x02\x02" + norm + "\x03\x03"
    class_of = _CLASS_OF
    classes = []
    for c in norm:
        k = class_of.get(c)
        if k is None:
            k = class_of[c] = char_class(c)
        classes.append(k)
    cp = "^" + "".join(classes) + "$"
    # a, b, c, d, e: the characters at offsets -2..+2 of each position
    out = [["a" + a, "b" + b, "c" + c, "d" + d, "e" + e, "f" + b + c, "g" + c + d, "h" + a + b, "i" + d + e,
            "k" + cp[i:i + 3], "j" + b + c + d, "m" + b + d]
           for i, (a, b, c, d, e) in enumerate(zip(p, p[1:], p[2:], p[3:], p[4:]))]
    chars = lex.chars
    empty: tuple[str, ...] = ()
    codes = [chars.get(c, empty) for c in norm]
    given: list[str] | None = None  # the given-name code of each character, '-' for none (built on demand)
    for i, f in enumerate(codes):
        if not f:
            continue
        out[i].extend(f)
        if "s" in f:  # a surname: the given-name codes of the next two characters, seen from each of the three
            if given is None:
                given = [next((x for x in g if x[0] == "g"), "-") for g in codes] + ["-", "-"]
            out[i].append("S" + given[i + 1] + given[i + 2])
            if i + 1 < n:
                out[i + 1].append("S1" + given[i + 1])
            if i + 2 < n:
                out[i + 2].append("S2" + given[i + 1] + given[i + 2])
    for f, extra in zip(out, lexicon_features(text, lex)):
        if extra:
            f.extend(extra)
    if words is not None:
        for f, extra in zip(out, words):
            f.extend(extra)
    return out


def split_sentences(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence: cut after 。！？；\\n and similar, and long runs at commas."""
    start = 0
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch in SENTENCE_ENDS:
            j = i + 1
            while j < n and (text[j] in SENTENCE_ENDS or text[j] in "”’」』）)"):
                j += 1
            yield start, j
            start = i = j
            continue
        if i - start >= MAX_SENTENCE and ch in "，,、 ":
            yield start, i + 1
            start = i + 1
        elif i - start >= 2 * MAX_SENTENCE:
            yield start, i
            start = i
        i += 1
    if start < n:
        yield start, n


def tags_to_spans(tags: Iterable[str], offset: int = 0) -> list[NerSpan]:
    """Decode BIOES tags (``B-PER``, ``I-PER``, ``E-PER``, ``S-PER``, ``O``) into spans, leniently."""
    out: list[NerSpan] = []
    start, typ = -1, ""
    i = -1
    for i, tag in enumerate(tags):
        if tag == "O":
            if start >= 0:
                out.append(NerSpan(offset + start, offset + i, typ))
                start = -1
            continue
        prefix, t = tag[0], tag[2:]
        if prefix == "B" or prefix == "S" or start < 0 or t != typ:
            if start >= 0:
                out.append(NerSpan(offset + start, offset + i, typ))
            start, typ = i, t
        if prefix in "SE":
            out.append(NerSpan(offset + start, offset + i + 1, typ))
            start = -1
    if start >= 0:
        out.append(NerSpan(offset + start, offset + i + 1, typ))
    return out


_LEAD_JUNK = frozenset("）)」』】〕》”’，,、。：:；;！!？?·•—-…　 \t")
_TRAIL_JUNK = frozenset("（(「『【〔《“‘，,、。：:；;！!？?·•—-…　 \t")


def tidy_span(text: str, span: NerSpan) -> NerSpan | None:
    """Trim punctuation a mention cannot start or end with; close an open 《 that the next character closes.

    Returns None when nothing is left.
    """
    s, e = span.start, span.end
    while s < e and text[s] in _LEAD_JUNK:
        s += 1
    while e > s and text[e - 1] in _TRAIL_JUNK:
        e -= 1
    if s >= e:
        return None
    if e < len(text) and text[e] == "》" and text.rfind("《", s, e) > text.rfind("》", s, e):
        e += 1
    return span if (s, e) == (span.start, span.end) else NerSpan(s, e, span.label)


def spans_to_tags(n: int, spans: Iterable[NerSpan], scheme: str = "BIOES") -> list[str]:
    """BIOES (or BIO) tags for a sentence of ``n`` characters (overlapping spans: the earlier one wins)."""
    tags = ["O"] * n
    bioes = scheme == "BIOES"
    for s in sorted(spans, key=lambda x: (x.start, -(x.end - x.start))):
        if s.start < 0 or s.end > n or s.end <= s.start or any(t != "O" for t in tags[s.start:s.end]):
            continue
        if s.end - s.start == 1:
            tags[s.start] = ("S-" if bioes else "B-") + s.label
        else:
            tags[s.start] = "B-" + s.label
            for k in range(s.start + 1, s.end - 1):
                tags[k] = "I-" + s.label
            tags[s.end - 1] = ("E-" if bioes else "I-") + s.label
    return tags


class Recognizer:
    """Tags PER/ORG/LOC/TITLE mentions in whole articles; offsets index the original text.

    Instances hold CRFsuite taggers, which are not thread safe: use one instance per thread.
    """

    def __init__(self, models: Mapping[str, bytes], lexicon: Lexicon, meta: Mapping[str, object]):
        import pycrfsuite

        self.lexicon = lexicon
        self._surnames = lexicon.surnames
        self.meta = dict(meta)
        self._buffers = dict(models)  # open_inmemory keeps pointers into these bytes
        self._items = pycrfsuite.ItemSequence
        # Word features come from a plain dictionary segmentation; rjieba and jieba give the same words
        # (tests/test_segment.py), so the faster one is used.
        self._segmenter = word_segmenter() if self.meta.get("word_features") else None
        self._taggers = self._open_taggers()

    def _open_taggers(self) -> list:
        """(labels the part can produce, its CRFsuite tagger) for every model part."""
        import pycrfsuite

        parts = self.meta.get("parts", {})
        taggers = []
        for name in sorted(self._buffers):
            tagger = pycrfsuite.Tagger()
            try:
                tagger.open_inmemory(self._buffers[name])
            except Exception as e:  # noqa: BLE001 - crfsuite raises bare ValueError/IOError
                raise ModelError(f"NER model part {name!r} is not a CRFsuite model ({e}); rerun scripts/train_ner.py") from e
            corpora = parts.get(name, {}).get("corpora", {})
            labels = frozenset(label for keep in corpora.values() for label in keep) or frozenset(LABELS)
            taggers.append((labels, tagger))
        return taggers

    def __getstate__(self) -> dict:
        # CRFsuite taggers do not pickle: they are opened again from the model bytes
        return {k: v for k, v in self.__dict__.items() if k not in ("_taggers", "_items")}

    def __setstate__(self, state: dict) -> None:
        import pycrfsuite

        self.__dict__.update(state)
        self._items = pycrfsuite.ItemSequence
        self._taggers = self._open_taggers()

    @classmethod
    def load(cls, path: Path | str | None = None) -> Recognizer:
        """Load a model bundle (default: the shipped ``kg/models/ner.zip``)."""
        path = Path(path) if path is not None else MODEL_PATH
        try:
            data = path.read_bytes()
        except OSError as e:
            raise ModelError(
                f"{path}: NER model file is missing or unreadable ({e.strerror or e}); "
                "reinstall the package or rebuild it with scripts/train_ner.py"
            ) from e
        return cls.from_bytes(data, str(path))

    @classmethod
    def from_bytes(cls, data: bytes, where: str = "<bytes>") -> Recognizer:
        """Load a model bundle from memory."""
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as z:
                meta = json.loads(z.read("meta.json").decode("utf-8"))
                lexicon = Lexicon.loads(z.read("lexicon.tsv").decode("utf-8"))
                models = {name: z.read(f"{name}.crfsuite") for name in meta["models"]}
        except (zipfile.BadZipFile, KeyError, ValueError, UnicodeDecodeError) as e:
            raise ModelError(
                f"{where}: NER model bundle is broken ({type(e).__name__}: {e}); "
                "reinstall the package or rebuild it with scripts/train_ner.py"
            ) from e
        if meta.get("format") != FORMAT_VERSION:
            raise ModelError(
                f"{where}: NER model format {meta.get('format')!r}, this code reads {FORMAT_VERSION}; "
                "rebuild it with scripts/train_ner.py"
            )
        return cls(models, lexicon, meta)

    def tag_sentence(self, text: str, offset: int = 0, words: list[list[str]] | None = None,
                     labels: Collection[str] | None = None) -> list[NerSpan]:
        """Mentions in one sentence (no splitting), shifted by ``offset``.

        ``words``: the sentence's :func:`word_features` when the caller has them (else computed here).
        ``labels``: only these types (model parts that cannot produce any of them are not run).
        """
        if not text.strip():
            return []
        if words is None and self._segmenter is not None:
            words = word_features(text, self._segmenter)
        xseq = self._items(sentence_features(text, self.lexicon, words))
        spans: list[NerSpan] = []
        for part_labels, tagger in self._taggers:
            if labels is not None and part_labels.isdisjoint(labels):
                continue
            for span in tags_to_spans(tagger.tag(xseq)):
                span = tidy_span(text, span)
                if span is not None and (labels is None or span.label in labels):
                    spans.append(NerSpan(span.start + offset, span.end + offset, span.label))
        return spans

    def __call__(self, text: str, labels: Collection[str] | None = None) -> list[NerSpan]:
        """Mentions in ``text`` (any length), sorted by position; ``labels`` limits the types."""
        out: list[NerSpan] = []
        words = word_features(text, self._segmenter) if self._segmenter is not None else None
        for s, e in split_sentences(text):
            out.extend(self.tag_sentence(text[s:e], s, words[s:e] if words is not None else None, labels))
        if labels is None or "PER" in labels:
            out = family_names_alone(text, out, self._surnames)
        out.sort(key=lambda x: (x.start, x.end, x.label))
        return out


def family_names_alone(text: str, spans: list[NerSpan], surnames: Collection[str]) -> list[NerSpan]:
    """``spans`` plus a family name that stands alone for a person (陈某, 朱老, 江总书记), and 陈某 cut to 陈."""
    covered = set()
    out = []
    for span in spans:
        if span.label == "PER" and span.end - span.start == 2 and text[span.end - 1] == "某" and text[span.start] in surnames:
            span = NerSpan(span.start, span.start + 1, "PER")
        out.append(span)
        covered.update(range(span.start, span.end))
    for m in _FAMILY_NAME_ALONE.finditer(text, 1):
        i = m.start() - 1
        ch = text[i]
        if ch not in surnames or i in covered:
            continue
        prev = text[i - 1] if i > 0 else ""
        if ch in _PREPOSITION_SURNAMES and "\u4e00" <= prev <= "\u9fff":
            continue  # 对某, 于某: a preposition, not a family name
        if "\u4e00" <= prev <= "\u9fff" and prev not in "老小" and not m.group(0).startswith("某"):
            continue  # (the character before may be part of a longer name; after 老, 小 and before 某 it is not)
        out.append(NerSpan(i, i + 1, "PER"))
    return out


@functools.lru_cache(maxsize=1)
def word_segmenter() -> WordSegmenter:
    """The segmenter behind :func:`word_features`: jieba's dictionary alone, no user words."""
    try:
        return make_segmenter("rjieba")
    except ModelError:  # pragma: no cover - rjieba is a pinned dependency
        return make_segmenter("jieba")


@functools.lru_cache(maxsize=1)
def default_recognizer() -> Recognizer:
    """The shipped recognizer, loaded once per process."""
    return Recognizer.load()


def recognize(text: str) -> list[NerSpan]:
    """Mentions in ``text`` using the shipped model."""
    return default_recognizer()(text)
