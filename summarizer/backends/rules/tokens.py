"""Syllable tokens with offsets: the unit every rule of the backend walks over.

The text is folded once (length-preserving), so each token carries its matching key without a
per-token normalisation call; the rules stay linear in the article's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate, compress
from operator import itemgetter
from typing import NamedTuple

from summarizer.language.names import name_shaped
from summarizer.text.normalize import clean_spaces, fold

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|['’]")
_SPLIT = re.compile(f"({_TOKEN.pattern})")
# The same split for a text without apostrophes or underscores (most articles), where a word is a run of \w.
_SPLIT_PLAIN = re.compile(r"(\w+)")
_NOT_PLAIN = ("'", "’", "_")


class Token(NamedTuple):
    start: int
    end: int
    text: str
    key: str

    @property
    def cap(self) -> bool:
        """Starts with a capital: a proper noun, an abbreviation or a sentence start."""
        return self.text[0].isupper()


# Articles reuse a small vocabulary: each word's key and shape, and each gap's kind, are worked out once
# and kept in dicts read through ``map`` (a C-level lookup per token, no Python call once a word is known).
_CACHE = 200_000


class _WordInfo(dict[str, tuple[str, bool, bool]]):
    """A word's (matching key, capitalised, name-shaped capital)."""

    def __missing__(self, word: str) -> tuple[str, bool, bool]:
        if len(self) >= _CACHE:
            self.clear()
        capital = word[0].isupper()
        info = self[word] = (fold(word), capital, name_shaped(word))
        return info


class _GapKind(dict[str, bool]):
    """Only spaces between two words: they belong to one phrase on one line."""

    def __missing__(self, gap: str) -> bool:
        if len(self) >= _CACHE:
            self.clear()
        plain = self[gap] = gap == " " or (gap != "" and not gap.strip(" \t\u00a0"))
        return plain


_WORDS = _WordInfo()
_KEY, _CAPITAL, _NAME = itemgetter(0), itemgetter(1), itemgetter(2)
_GAPS = _GapKind()


class Tokens:
    """The tokens of one text, with the gaps between them and a lookup by character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Words never contain spaces, so splitting the space-cleaned text gives the original words and
        # gaps that are already in folded form (a gap has no letters to fold).
        cleaned = clean_spaces(text)
        plain = not any(mark in cleaned for mark in _NOT_PLAIN)
        parts = (_SPLIT_PLAIN if plain else _SPLIT).split(cleaned)  # gap, word, gap, word, …, gap
        offsets = list(accumulate(map(len, parts)))  # where each part ends
        words = parts[1::2]
        gaps = parts[0::2]
        starts = offsets[0:-1:2]
        ends = offsets[1::2]
        infos = list(map(_WORDS.__getitem__, words))
        keys = list(map(_KEY, infos))
        parts[1::2] = keys
        self.folded = "".join(parts)
        # Columns rather than one object per token: the rules read one attribute at a time.
        self.words = words
        self.starts = starts
        self.ends = ends
        self.n = len(words)
        self.key_list = keys
        self.cap_list = list(map(_CAPITAL, infos))
        self.name_list = list(map(_NAME, infos))
        # Whether each token follows the previous one after plain spaces only (same phrase, same line).
        self.spaced_list = [False, *map(_GAPS.__getitem__, gaps[1:-1])][: len(words)]
        self._indices: dict[frozenset[str], list[int]] = {}
        self.last_run = (0, 0)
        """The run of name-shaped tokens last walked (``names.capital_run_end``), as (start, end)."""
        self.last_run_titles: tuple[int, int, list[int]] = (0, 0, [])
        """Where titles start in the run last searched for one (``officials._glued_title``): from, end, starts."""

    def indices(self, words: frozenset[str]) -> list[int]:
        """Indices of the tokens whose key is one of ``words``, in order (worked out once per set): a rule
        that looks for a few words jumps between them instead of testing every token."""
        found = self._indices.get(words)
        if found is None:
            found = self._indices[words] = list(compress(range(self.n), map(words.__contains__, self.key_list)))
        return found

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


_END = ""
"""The key under which a node of a ``PhraseTrie`` holds the phrase that ends there (no token key is empty)."""


class PhraseTrie:
    """A table of phrases (tuples of folded syllables) as a prefix tree over token keys: the longest phrase
    at a token is found by following one branch per token, not by trying every phrase in turn."""

    def __init__(self, phrases: Iterable[tuple[str, ...]]) -> None:
        self.root: dict[str, dict] = {}
        for phrase in phrases:
            node = self.root
            for word in phrase:
                node = node.setdefault(word, {})
            node[_END] = phrase
        self.first_words = frozenset(self.root)

    def longest(self, toks: Tokens, index: int, *, joined: bool = True) -> int:
        """Length of the longest phrase starting at token ``index`` (0 when none does); with ``joined``,
        its tokens must follow one another after plain spaces (one phrase on one line)."""
        if index >= toks.n:
            return 0
        node = self.root.get(toks.key_list[index])
        if node is None:
            return 0
        keys, spaced = toks.key_list, toks.spaced_list
        best = 1 if _END in node else 0
        k = index + 1
        while k < toks.n and (spaced[k] or not joined):
            node = node.get(keys[k])
            if node is None:
                break
            k += 1
            if _END in node:
                best = k - index
        return best
