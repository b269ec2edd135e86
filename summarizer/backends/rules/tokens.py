"""Syllable tokens with offsets: the unit every rule of the backend walks over.

The text is folded once (length-preserving), so each token carries its matching key without a
per-token normalisation call; the rules stay linear in the article's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate, repeat
from typing import NamedTuple

from summarizer.text.normalize import clean_spaces, fold

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|['’]")
_SPLIT = re.compile(f"({_TOKEN.pattern})")


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


_KEYS: dict[str, str] = {}
_KEYS_MAX = 200_000


def _key(piece: str) -> str:
    """The folded form of a word or a gap, remembered: articles reuse a small vocabulary."""
    key = _KEYS.get(piece)
    if key is None:
        if len(_KEYS) >= _KEYS_MAX:
            _KEYS.clear()
        key = _KEYS[piece] = fold(piece)
    return key


class Tokens:
    """The tokens of one text, with the gaps between them and a lookup by character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Words never contain spaces, so splitting the space-cleaned text gives the original words and
        # gaps that are already in folded form (a gap has no letters to fold).
        parts = _SPLIT.split(clean_spaces(text))  # gap, word, gap, word, …, gap
        offsets = [0, *accumulate(map(len, parts))]
        words = parts[1::2]
        gaps = parts[0::2]
        starts = offsets[1::2]
        ends = offsets[2::2]
        keys = [_key(w) for w in words]
        parts[1::2] = keys
        self.folded = "".join(parts)
        self.items: list[Token] = list(map(tuple.__new__, repeat(Token), zip(starts, ends, words, keys)))
        self.starts = starts
        self.n = len(words)
        self.key_list = keys
        self.cap_list = [w[0].isupper() for w in words]
        self.name_list = [c and _name_shaped(w) for c, w in zip(self.cap_list, words)]
        # Whether each token follows the previous one after plain spaces only (same phrase, same line).
        self.spaced_list = [False, *[g == " " or (g != "" and not g.strip(" \t\u00a0")) for g in gaps[1:-1]]][
            : len(words)
        ]

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> Token:
        return self.items[index]

    def gap(self, index: int) -> str:
        """The text between token ``index - 1`` and token ``index`` (the text before the first token)."""
        if index <= 0:
            return self.text[: self.items[0].start] if self.items else self.text
        if index >= len(self.items):
            return self.text[self.items[-1].end :]
        return self.text[self.items[index - 1].end : self.items[index].start]

    def spaced(self, index: int) -> bool:
        """Token ``index`` follows the previous one after plain spaces only (same phrase, same line)."""
        return 0 < index < len(self.items) and self.spaced_list[index]

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
        if self.key_list[index : index + n] != list(phrase):
            return False
        return n == 1 or all(self.spaced_list[index + 1 : index + n])

    def span_text(self, start: int, end: int) -> str:
        """The original text from token ``start`` to the end of token ``end - 1``."""
        return self.text[self.items[start].start : self.items[end - 1].end]
