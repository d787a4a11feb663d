"""Word segmentation: the only module that imports jieba.

A private ``jieba.Tokenizer`` (never the global ``jieba.dt``) is loaded with the project's lexicons
as user words, so titles, honors, organization suffixes and place names come out as single words.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable

import jieba
import jieba.posseg

from kg.types import Token

# jieba logs its dictionary loading at DEBUG on its own handler; keep it quiet.
jieba.setLogLevel(logging.WARNING)


class Segmenter:
    """Segment text into tokens with character offsets.

    Parameters
    ----------
    user_words:
        ``(word, tag)`` pairs added to this tokenizer only; ``tag`` is a jieba POS tag
        (``nr`` person, ``ns`` place, ``nt`` organization, ``n`` noun...).
    """

    def __init__(self, user_words: Iterable[tuple[str, str]] = ()) -> None:
        self._tokenizer = jieba.Tokenizer()
        self._tokenizer.initialize()
        for word, tag in user_words:
            self._tokenizer.add_word(word, freq=None, tag=tag or None)
        self._pos = jieba.posseg.POSTokenizer(self._tokenizer)

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

    def is_common_word(self, word: str) -> bool:
        """True for a frequent dictionary word that is not tagged as a person name (车间, 智慧)."""
        freq = self._tokenizer.FREQ.get(word) or 0
        tag = self._pos.word_tag_tab.get(word, "")
        return freq >= 50 or (freq >= 5 and not tag.startswith("nr"))
