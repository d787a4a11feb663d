"""Word segmentation: the only module that imports jieba (or its Rust port, rjieba).

Two segmenters share one interface (``tokens()``, ``tagged()``, ``is_common_word()``):

``jieba``
    A private ``jieba.Tokenizer`` (never the global ``jieba.dt``) loaded with the project's lexicons
    as user words, so titles, honors, organization suffixes and place names come out as single words.
``rjieba``
    The same dictionary and user words in ``rjieba.Jieba`` (jieba-rs): the same segmentation model,
    tens of times faster at ``tokens()``/``tagged()``.

``is_common_word`` is what the extractor uses. Both segmenters answer it from the same table, jieba's
``dict.txt`` frequencies and tags with the user words added, so the choice of segmenter never changes
which names the extractor accepts (tests/test_segment.py checks the two agree on every user word).
"""
from __future__ import annotations

import functools
import logging
from collections.abc import Iterable
from typing import Protocol

import jieba
import jieba.posseg

from kg.errors import ModelError
from kg.types import Token

# jieba logs its dictionary loading at DEBUG on its own handler; keep it quiet.
jieba.setLogLevel(logging.WARNING)

SEGMENTERS = ("jieba", "rjieba")
DEFAULT_SEGMENTER = "jieba"


class WordSegmenter(Protocol):
    """What the pipeline needs from a segmenter."""

    name: str

    def tokens(self, text: str) -> list[Token]: ...

    def tagged(self, text: str) -> list[Token]: ...

    def is_common_word(self, word: str) -> bool: ...

    def word_tag(self, word: str) -> str: ...

    def in_dictionary(self, word: str) -> bool: ...

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

    def tokens(self, text: str) -> list[Token]:
        """Words of ``text`` with offsets (no POS tags; the fast path)."""
        return [Token(word, start, end) for word, start, end in self._tokenizer.tokenize(text, HMM=False)]

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


@functools.lru_cache(maxsize=1)
def _jieba_dictionary() -> tuple[dict[str, int], dict[str, str]]:
    """Frequencies and POS tags of jieba's main dictionary (the one rjieba embeds), read once per process."""
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    with jieba.get_module_res(jieba.DEFAULT_DICT_NAME) as f:
        for line in f.read().decode("utf-8").splitlines():
            parts = line.split(" ")
            if len(parts) >= 2:
                freq[parts[0]] = int(parts[1])
                if len(parts) >= 3:
                    tags[parts[0]] = parts[2]
    return freq, tags


class RjiebaSegmenter(_DictionaryQueries):
    """The jieba model in Rust (rjieba, jieba-rs): same dictionary, same user words, same interface.

    Frequencies of user words come from ``rjieba``'s own ``add_word`` (jieba's ``suggest_freq`` rule);
    the rest from jieba's ``dict.txt``.
    """

    name = "rjieba"

    def __init__(self, user_words: Iterable[tuple[str, str]] = ()) -> None:
        try:
            import rjieba
        except ImportError as e:  # pragma: no cover - rjieba is a pinned dependency
            raise ModelError(f"the rjieba segmenter is not installed ({e}); pip install rjieba==0.2.2 "
                             "or use --segmenter jieba") from e
        self._jieba = rjieba.Jieba()
        self._freq, self._tags = _jieba_dictionary()
        self._user_freq: dict[str, int] = {}
        self._user_tags: dict[str, str] = {}
        for word, tag in user_words:
            self._user_freq[word] = self._jieba.add_word(word, None, tag or None)
            if tag:
                self._user_tags[word] = tag

    def tokens(self, text: str) -> list[Token]:
        """Words of ``text`` with offsets (no POS tags; the fast path)."""
        return [Token(word, start, end) for word, start, end in self._jieba.tokenize(text, "default", False)]

    def tagged(self, text: str) -> list[Token]:
        """Words of ``text`` with offsets and jieba POS tags (HMM for unknown words)."""
        out: list[Token] = []
        start = 0
        for word, flag in self._jieba.tag(text, True):
            end = start + len(word)
            out.append(Token(word, start, end, flag))
            start = end
        return out

    def __call__(self, text: str) -> list[Token]:
        return self.tokens(text)

    def _freq_tag(self, word: str) -> tuple[int, str]:
        freq = self._user_freq.get(word)
        if freq is None:
            freq = self._freq.get(word, 0)
        return freq or 0, self._user_tags.get(word) or self._tags.get(word, "")


Segmenter = JiebaSegmenter  # the original name, kept for callers that construct it directly


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


__all__ = ["SEGMENTERS", "DEFAULT_SEGMENTER", "WordSegmenter", "Segmenter", "JiebaSegmenter", "RjiebaSegmenter", "make_segmenter"]
