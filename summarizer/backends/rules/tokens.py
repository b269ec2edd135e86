"""Syllable tokens with offsets: the unit every rule of the backend walks over.

The text is folded once (length-preserving), so each token carries its matching key without a
per-token normalisation call; the rules stay linear in the article's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from collections.abc import Iterable
from itertools import accumulate
from typing import NamedTuple

from summarizer.text.normalize import clean_spaces, fold

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|['’]")
_SPLIT = re.compile(f"({_TOKEN.pattern})")
# The same split where the text has no underscore (the only word character that is no letter or digit):
# ``\w`` is matched far faster than the class that excludes ``_``.
_SPLIT_FAST = re.compile(r"(\w+(?:['’]\w+)*|['’])")


def _name_shaped(word: str) -> bool:
    """After its capital, a syllable of a name is lower-case (``Pâng``, ``Kdăm``, ``H'Bla``), unlike ``HĐND``."""
    return len(word) == 1 or word[1:].islower() or word[1] in "'’"


class Token(NamedTuple):
    start: int
    end: int
    text: str
    key: str

    @property
    def cap(self) -> bool:
        """Starts with a capital: a proper noun, an abbreviation or a sentence start."""
        return self.text[0].isupper()


def any_word(words: Iterable[str], *, tail: str = "") -> re.Pattern[str]:
    """A pattern for any of ``words`` (folded phrases) as whole words, longest first.

    A lookahead on the first letters comes first, so the scan skips most positions without testing the
    word-boundary lookbehind.
    """
    ordered = sorted(set(words), key=len, reverse=True)
    firsts = "".join(sorted({re.escape(w[0]) for w in ordered}))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return re.compile(rf"(?=[{firsts}])(?<![^\W\d_])(?:{body})(?![^\W\d_]){tail}")


# Articles reuse a small vocabulary: each word's key and shape, and each gap's kind, are worked out once
# (C-level caches, looked up through ``map`` with no Python call per token).
_CACHE = 200_000
_key = lru_cache(maxsize=_CACHE)(fold)


@lru_cache(maxsize=_CACHE)
def _capital(word: str) -> bool:
    return word[0].isupper()


@lru_cache(maxsize=_CACHE)
def _name_word(word: str) -> bool:
    return word[0].isupper() and _name_shaped(word)


@lru_cache(maxsize=4096)
def _plain_gap(gap: str) -> bool:
    """Only spaces between two words: they belong to one phrase on one line."""
    return gap == " " or (gap != "" and not gap.strip(" \t\u00a0"))


class Tokens:
    """The tokens of one text, with the gaps between them and a lookup by character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Words never contain spaces, so splitting the space-cleaned text gives the original words and
        # gaps that are already in folded form (a gap has no letters to fold).
        cleaned = clean_spaces(text)
        parts = (_SPLIT if "_" in cleaned else _SPLIT_FAST).split(cleaned)  # gap, word, gap, word, …, gap
        offsets = [0, *accumulate(map(len, parts))]
        words = parts[1::2]
        gaps = parts[0::2]
        starts = offsets[1::2]
        ends = offsets[2::2]
        keys = list(map(_key, words))
        parts[1::2] = keys
        self.folded = "".join(parts)
        # Columns rather than one object per token: the rules read one attribute at a time.
        self.words = words
        self.starts = starts
        self.ends = ends
        self.n = len(words)
        self.key_list = keys
        self.cap_list = list(map(_capital, words))
        self.name_list = list(map(_name_word, words))
        # Whether each token follows the previous one after plain spaces only (same phrase, same line).
        self.spaced_list = [False, *map(_plain_gap, gaps[1:-1])][: len(words)]

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, index: int) -> Token:
        if index < 0:
            index += self.n
        if not 0 <= index < self.n:
            raise IndexError(index)
        return Token(self.starts[index], self.ends[index], self.words[index], self.key_list[index])

    def gap(self, index: int) -> str:
        """The text between token ``index - 1`` and token ``index`` (the text before the first token)."""
        if index <= 0:
            return self.text[: self.starts[0]] if self.n else self.text
        if index >= self.n:
            return self.text[self.ends[-1] :]
        return self.text[self.ends[index - 1] : self.starts[index]]

    def spaced(self, index: int) -> bool:
        """Token ``index`` follows the previous one after plain spaces only (same phrase, same line)."""
        return 0 < index < self.n and self.spaced_list[index]

    def at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def keys(self, start: int, end: int) -> tuple[str, ...]:
        return tuple(self.key_list[start:end])

    def phrase(self, start: int, end: int) -> str:
        """The folded words from ``start`` to ``end`` joined by single spaces."""
        return " ".join(self.key_list[start:end])

    def joined(self, start: int, end: int) -> bool:
        """Tokens ``start`` to ``end`` follow one another after plain spaces (one phrase)."""
        return all(self.spaced_list[start + 1 : end])

    def match(self, index: int, phrase: tuple[str, ...]) -> bool:
        """Tokens from ``index`` on spell ``phrase`` (folded keys), on one line."""
        n = len(phrase)
        if index >= self.n or self.key_list[index] != phrase[0]:
            return False
        if n > 1 and tuple(self.key_list[index : index + n]) != phrase:
            return False
        return n == 1 or all(self.spaced_list[index + 1 : index + n])

    def span_text(self, start: int, end: int) -> str:
        """The original text from token ``start`` to the end of token ``end - 1``."""
        return self.text[self.starts[start] : self.ends[end - 1]]
