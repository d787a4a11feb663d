"""Word segmentation: the only module that imports jieba (or its Rust port, rjieba).

Two segmenters share one interface (``tokens()``, ``tagged()``, ``is_common_word()``):

``jieba``
    A private ``jieba.Tokenizer`` (never the global ``jieba.dt``) loaded with the project's lexicons
    as user words, so titles, honors, organization suffixes and place names come out as single words.
``rjieba`` (the default)
    The same dictionary and user words in ``rjieba.Jieba`` (jieba-rs), giving the same words and tags
    as ``jieba``: rjieba finds the dictionary route, and jieba.posseg's HMM for unknown words runs here
    in a faster exact form. About three times faster at ``tokens()`` and ``tagged()`` (CPU time on the
    dev articles and the 26,000 NER sentences, whose output is identical under both).

The dictionary queries the extractor uses (``is_common_word``, ``word_tag``, ``in_dictionary``,
``is_generic_noun``) read the same table in both, jieba's ``dict.txt`` frequencies and tags with the user
words added, so the choice of segmenter never changes what the extractor finds (tests/test_segment.py
checks that the two agree on every user word and on the words and tags of the dev articles).
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

import jieba
import jieba.posseg
import jieba.posseg as _posseg

from kg.errors import ModelError
from kg.types import Token

# jieba logs its dictionary loading at DEBUG on its own handler; keep it quiet.
jieba.setLogLevel(logging.WARNING)

SEGMENTERS = ("jieba", "rjieba")
DEFAULT_SEGMENTER = "rjieba"  # same words and tags as jieba (tests/test_segment.py), about three times faster


class WordSegmenter(Protocol):
    """What the pipeline needs from a segmenter."""

    name: str

    def tokens(self, text: str) -> list[Token]: ...

    def spans(self, text: str) -> list[tuple[str, int, int]]: ...

    def tagged(self, text: str) -> list[Token]: ...

    def is_common_word(self, word: str) -> bool: ...

    def word_tag(self, word: str) -> str: ...

    def in_dictionary(self, word: str) -> bool: ...

    def word_freq(self, word: str) -> int: ...

    def is_generic_noun(self, word: str) -> bool: ...


def _common(freq: int, tag: str) -> bool:
    return freq >= 50 or (freq >= 5 and not tag.startswith("nr"))


def _generic_noun(freq: int, tag: str) -> bool:
    """A frequent dictionary word that is not a proper name (公司, 车间; not 中国科学院, which is nt)."""
    return freq >= 50 and tag[:2] not in ("nt", "nz", "ns", "nr")


class _DictionaryQueries:
    """Dictionary look-ups shared by both segmenters (the extractor uses these; keep them in both)."""

    def _freq_tag(self, word: str) -> tuple[int, str]:
        raise NotImplementedError

    def is_common_word(self, word: str) -> bool:
        """True for a frequent dictionary word that is not tagged as a person name (车间, 智慧)."""
        return _common(*self._freq_tag(word))

    def word_tag(self, word: str) -> str:
        """The dictionary POS tag of ``word`` ('' when the dictionary does not know it)."""
        return self._freq_tag(word)[1]

    def in_dictionary(self, word: str) -> bool:
        """Whether the dictionary (with the user words) knows ``word``."""
        return self._freq_tag(word)[0] > 0

    def word_freq(self, word: str) -> int:
        """The dictionary frequency of ``word`` (0 when unknown)."""
        return self._freq_tag(word)[0]

    def is_generic_noun(self, word: str) -> bool:
        """A frequent word that is not a proper name (公司 yes; 中国科学院, tagged nt, no)."""
        return _generic_noun(*self._freq_tag(word))


class JiebaSegmenter(_DictionaryQueries):
    """Segment text into tokens with character offsets (jieba, pure Python).

    Parameters
    ----------
    user_words:
        ``(word, tag)`` pairs added to this tokenizer only; ``tag`` is a jieba POS tag
        (``nr`` person, ``ns`` place, ``nt`` organization, ``n`` noun...).
    """

    name = "jieba"

    def __init__(self, user_words: Iterable[tuple[str, str]] = ()) -> None:
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.initialize()
        for word, tag in user_words:
            self._tokenizer.add_word(word, freq=None, tag=tag or None)
        self._pos = jieba.posseg.POSTokenizer(self._tokenizer)
        # jieba merges user tags into the tag table on the first cut; do it now, so that
        # is_common_word never depends on whether tagged() has been called yet.
        self._pos.makesure_userdict_loaded()

    def __getstate__(self) -> dict:
        # jieba's tokenizer holds a lock, and its POS tokenizer's __getattr__ recurses while unpickling: keep
        # the tables (dictionary and user words, as loaded) and rebuild the two around them.
        tok = self._tokenizer
        return {"freq": tok.FREQ, "total": tok.total, "dictionary": tok.dictionary, "tags": self._pos.word_tag_tab}

    def __setstate__(self, state: dict) -> None:
        tok = jieba.Tokenizer(state["dictionary"])
        tok.FREQ, tok.total, tok.initialized = state["freq"], state["total"], True
        pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)  # its __init__ reads dict.txt again
        pos.tokenizer, pos.word_tag_tab = tok, state["tags"]
        self._tokenizer, self._pos = tok, pos

    def tokens(self, text: str) -> list[Token]:
        """Words of ``text`` with offsets (no POS tags; the fast path)."""
        return [Token(word, start, end) for word, start, end in self._tokenizer.tokenize(text, HMM=False)]

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """``tokens()`` as plain (word, start, end) tuples, for loops where Token objects cost too much."""
        return list(self._tokenizer.tokenize(text, HMM=False))

    def tagged(self, text: str) -> list[Token]:
        """Words of ``text`` with offsets and jieba POS tags (slower: HMM for unknown words)."""
        out: list[Token] = []
        start = 0
        for pair in self._pos.cut(text):
            end = start + len(pair.word)
            out.append(Token(pair.word, start, end, pair.flag))
            start = end
        return out

    def __call__(self, text: str) -> list[Token]:
        return self.tokens(text)

    def _freq_tag(self, word: str) -> tuple[int, str]:
        return self._tokenizer.FREQ.get(word) or 0, self._pos.word_tag_tab.get(word, "")


_BALANCE_WORD = "\ue000\ue001"


@dataclass(frozen=True)
class _Dictionary:
    """jieba's main dictionary (the one rjieba embeds) as jieba's ``Tokenizer`` holds it."""

    freq: dict[str, int]  # word -> frequency
    tags: dict[str, str]  # word -> POS tag
    prefixes: frozenset[str]  # proper prefixes of words that are not words (jieba stores them with frequency 0)
    total: int


@functools.lru_cache(maxsize=1)
def _jieba_dictionary() -> _Dictionary:
    """Read jieba's ``dict.txt`` once per process."""
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0  # like jieba, a word listed twice counts twice in the total (and its last line wins)
    with jieba.get_module_res(jieba.DEFAULT_DICT_NAME) as f:
        for line in f.read().decode("utf-8").splitlines():
            parts = line.strip().split(" ")
            if len(parts) >= 2:
                freq[parts[0]] = int(parts[1])
                total += int(parts[1])
                if len(parts) >= 3:
                    tags[parts[0]] = parts[2]
    prefixes = frozenset(w[:k] for w in freq for k in range(1, len(w)) if w[:k] not in freq)
    return _Dictionary(freq, tags, prefixes, total)


class RjiebaSegmenter(_DictionaryQueries):
    """The jieba model in Rust (rjieba, jieba-rs): same dictionary, same user words, same output.

    rjieba finds the dictionary route (the costly part) and this class redoes, around it, what
    ``jieba.posseg`` does with a route: user words get jieba's own ``suggest_freq`` frequencies (so
    routes agree), runs of single characters that are not a word go through jieba.posseg's HMM, and tags
    come from the same table. rjieba's own ``tag`` differs (its HMM splits words before tagging them).
    """

    name = "rjieba"

    def __init__(self, user_words: Iterable[tuple[str, str]] = ()) -> None:
        try:
            import rjieba
        except ImportError as e:  # pragma: no cover - rjieba is a pinned dependency
            raise ModelError(f"the rjieba segmenter is not installed ({e}); pip install rjieba==0.2.2 "
                             "or use --segmenter jieba") from e
        self._jieba = rjieba.Jieba()
        self._dict = _jieba_dictionary()
        self._added: list[tuple[str, int, str | None]] = []  # rjieba's add_word calls, in order (for unpickling)
        self._user_freq: dict[str, int] = {}
        self._user_tags: dict[str, str] = {}
        self._user_prefixes: set[str] = set()
        self._total = self._dict.total
        replaced = 0
        for word, tag in user_words:
            freq = self._suggest_freq(word)
            if self._jieba.has_word(word):
                replaced += self._user_freq.get(word, self._dict.freq.get(word, 0))
            self._add(word, freq, tag or None)
            self._user_freq[word] = freq
            self._user_prefixes.update(word[:k] for k in range(1, len(word)))
            self._total += freq
            if tag:
                self._user_tags[word] = tag
        if replaced:
            # jieba adds a re-added word's new frequency to its total without taking the old one out;
            # jieba-rs takes it out. A word no text can contain (private-use characters, which never
            # reach the dictionary) puts the difference back, so both rank routes by the same total.
            self._add(_BALANCE_WORD, replaced, "x")
        self._tag_of = self._tag  # bound once: the hot path calls it per word

    def _add(self, word: str, freq: int, tag: str | None) -> None:
        self._jieba.add_word(word, freq, tag)
        self._added.append((word, freq, tag))

    def __getstate__(self) -> dict:
        # rjieba's tokenizer lives in Rust and does not pickle: it is made again from the same calls
        return {k: v for k, v in self.__dict__.items() if k not in ("_jieba", "_tag_of")}

    def __setstate__(self, state: dict) -> None:
        import rjieba

        self.__dict__.update(state)
        self._jieba = rjieba.Jieba()
        for word, freq, tag in self._added:
            self._jieba.add_word(word, freq, tag)
        self._tag_of = self._tag

    def _stored_freq(self, word: str, default: int) -> int:
        """``jieba.Tokenizer.FREQ.get(word, default)``: prefixes are stored with frequency 0."""
        freq = self._user_freq.get(word)
        if freq is None:
            freq = self._dict.freq.get(word)
        if freq is None:
            return 0 if word in self._dict.prefixes or word in self._user_prefixes else default
        return freq

    def _suggest_freq(self, word: str) -> int:
        """jieba's ``suggest_freq(word)`` (the frequency ``add_word`` gives a user word), step for step."""
        ftotal = float(self._total)
        freq = 1.0
        for seg in self._jieba.cut(word, False):
            freq *= self._stored_freq(seg, 1) / ftotal
        return max(int(freq * self._total) + 1, self._stored_freq(word, 1))

    def _tag(self, word: str, default: str = "x") -> str:
        return self._user_tags.get(word) or self._dict.tags.get(word, default)

    def tokens(self, text: str) -> list[Token]:
        """Words of ``text`` with offsets (no POS tags; the fast path)."""
        return [Token(word, start, end) for word, start, end in self._jieba.tokenize(text, "default", False)]

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """``tokens()`` as plain (word, start, end) tuples, for loops where Token objects cost too much."""
        return self._jieba.tokenize(text, "default", False)

    def tagged(self, text: str) -> list[Token]:
        """Words of ``text`` with offsets and jieba POS tags, as ``jieba.posseg`` gives them."""
        out: list[Token] = []
        start = 0
        for word, flag in self._posseg(text):
            end = start + len(word)
            out.append(Token(word, start, end, flag))
            start = end
        return out

    def __call__(self, text: str) -> list[Token]:
        return self.tokens(text)

    def _freq_tag(self, word: str) -> tuple[int, str]:
        freq = self._user_freq.get(word)
        if freq is None:
            freq = self._dict.freq.get(word, 0)
        return freq, self._tag(word, "")

    # -- jieba.posseg's cut, over rjieba's route ------------------------------------------------
    def _posseg(self, text: str) -> Iterator[tuple[str, str]]:
        for blk in _posseg.re_han_internal.split(text):
            if not blk:
                continue
            if _posseg.re_han_internal.match(blk):
                yield from self._cut_dag(blk)
                continue
            for x in _posseg.re_skip_internal.split(blk):
                if _posseg.re_skip_internal.match(x):
                    yield x, "x"
                    continue
                for xx in x:
                    if _posseg.re_num.match(xx):
                        yield xx, "m"
                    elif _posseg.re_eng.match(x):
                        yield xx, "eng"
                    else:
                        yield xx, "x"

    def _route(self, blk: str) -> Iterator[str]:
        """The dictionary route through ``blk``: rjieba's cut without HMM, its grouping of Latin letters undone."""
        for word in self._jieba.cut(blk, False):
            if len(word) > 1 and word not in self._user_freq and word not in self._dict.freq:
                yield from word  # letters and digits rjieba grouped; jieba.posseg sees single characters
            else:
                yield word

    def _cut_dag(self, blk: str) -> Iterator[tuple[str, str]]:
        buf = ""
        for word in self._route(blk):
            if len(word) == 1:
                buf += word
                continue
            if buf:
                yield from self._flush(buf)
                buf = ""
            yield word, self._tag_of(word)
        if buf:
            yield from self._flush(buf)

    def _flush(self, buf: str) -> Iterator[tuple[str, str]]:
        if len(buf) == 1:
            yield buf, self._tag_of(buf)
        elif not self._freq_tag(buf)[0]:
            yield from _cut_detail(buf)
        else:
            for ch in buf:
                yield ch, self._tag_of(ch)


_MIN_FLOAT = -3.14e100  # jieba's score for a character a state never emits


@functools.lru_cache(maxsize=1)
def _hmm() -> tuple[tuple, dict, dict]:
    """jieba.posseg's HMM tables, indexed for the search below: all states, successors, predecessors."""
    trans = _posseg.trans_P
    states = tuple(trans)
    successors = {x: frozenset(trans[x]) for x in states}
    predecessors: dict = {y: {} for y in states}
    for x, row in trans.items():
        for y, p in row.items():
            predecessors.setdefault(y, {})[x] = p
    return states, successors, predecessors


def _viterbi(obs: str) -> list[tuple[str, str]]:
    """The (B/M/E/S, POS) states of ``obs`` that ``jieba.posseg.viterbi`` finds, about four times faster.

    Same tables, same sums in the same order, same tie-breaking (``max`` over ``(score, state)``); the
    only change is that each state looks only at the states that can precede it, where jieba also scores
    the others at minus infinity, which can never win since every state tried has a finite predecessor.
    """
    all_states, successors, predecessors = _hmm()
    start, emit, table = _posseg.start_P, _posseg.emit_P, _posseg.char_state_tab_P
    ch = obs[0]
    V = {y: start[y] + emit[y].get(ch, _MIN_FLOAT) for y in table.get(ch, all_states)}
    back: list[dict] = []
    for t in range(1, len(obs)):
        ch = obs[t]
        prev = [x for x in V if successors[x]]
        expect = set().union(*(successors[x] for x in prev))
        candidates = expect.intersection(table.get(ch, all_states)) or expect or set(all_states)
        scores, pointers = {}, {}
        for y in candidates:
            em = emit[y].get(ch, _MIN_FLOAT)
            into = predecessors[y]
            scores[y], pointers[y] = max((V[x] + into[x] + em, x) for x in prev if x in into)
        V = scores
        back.append(pointers)
    _, state = max((p, y) for y, p in V.items())
    route = [state] * len(obs)
    for i in range(len(obs) - 1, 0, -1):
        state = back[i - 1][state]
        route[i - 1] = state
    return route


def _cut_detail(text: str) -> Iterator[tuple[str, str]]:
    """jieba.posseg's HMM for a run of characters the dictionary does not join."""
    for blk in _posseg.re_han_detail.split(text):
        if not blk:
            continue
        if _posseg.re_han_detail.match(blk):
            states = _viterbi(blk)
            begin = nexti = 0
            for i, ch in enumerate(blk):
                state, flag = states[i]
                if state == "B":
                    begin = i
                elif state == "E":
                    yield blk[begin:i + 1], flag
                    nexti = i + 1
                elif state == "S":
                    yield ch, flag
                    nexti = i + 1
            if nexti < len(blk):
                yield blk[nexti:], states[nexti][1]
            continue
        for x in _posseg.re_skip_detail.split(blk):
            if x:
                if _posseg.re_num.match(x):
                    yield x, "m"
                elif _posseg.re_eng.match(x):
                    yield x, "eng"
                else:
                    yield x, "x"


Segmenter = JiebaSegmenter  # the original name, kept for callers that construct it directly
SEGMENTER_CLASSES: dict[str, type] = {"jieba": JiebaSegmenter, "rjieba": RjiebaSegmenter}


def make_segmenter(name: str = DEFAULT_SEGMENTER, user_words: Iterable[tuple[str, str]] = ()) -> WordSegmenter:
    """A segmenter by name (one of :data:`SEGMENTERS`).

    >>> make_segmenter("jieba").name
    'jieba'
    """
    if name == "jieba":
        return JiebaSegmenter(user_words)
    if name == "rjieba":
        return RjiebaSegmenter(user_words)
    raise ModelError(f"unknown segmenter {name!r}; choose one of {', '.join(SEGMENTERS)}")


__all__ = ["SEGMENTERS", "SEGMENTER_CLASSES", "DEFAULT_SEGMENTER", "WordSegmenter", "Segmenter", "JiebaSegmenter", "RjiebaSegmenter", "make_segmenter"]
