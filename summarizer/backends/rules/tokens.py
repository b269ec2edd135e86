"""Syllable tokens with offsets: the unit every rule of the backend walks over.

The text is folded once (length-preserving), so each token carries its matching key without a
per-token normalisation call; the rules stay linear in the article's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from summarizer.text.normalize import fold

_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*|['’]")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str

    @property
    def cap(self) -> bool:
        """Starts with a capital: a proper noun, an abbreviation or a sentence start."""
        return self.text[0].isupper()

    @property
    def name_like(self) -> bool:
        """Shaped like a syllable of a name: a capital then lower-case letters (``Pâng``, ``Kdăm``)."""
        t = self.text
        return t[0].isupper() and (len(t) == 1 or t[1:].islower() or t[1] in "'’") and not t.isdigit()


class Tokens:
    """The tokens of one text, with the gaps between them and a lookup by character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        folded = self.folded
        self.items: list[Token] = [
            Token(m.start(), m.end(), m.group(), folded[m.start() : m.end()]) for m in _TOKEN.finditer(text)
        ]
        self.starts = [t.start for t in self.items]

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
        gap = self.gap(index)
        return 0 < index < len(self.items) and bool(gap) and gap.strip(" \t\u00a0") == ""

    def at(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect_left(self.starts, offset)

    def keys(self, start: int, end: int) -> tuple[str, ...]:
        return tuple(t.key for t in self.items[start:end])

    def match(self, index: int, phrase: tuple[str, ...]) -> bool:
        """Tokens from ``index`` on spell ``phrase`` (folded keys), on one line."""
        n = len(phrase)
        if index + n > len(self.items):
            return False
        for k in range(n):
            if self.items[index + k].key != phrase[k] or (k and not self.spaced(index + k)):
                return False
        return True

    def span_text(self, start: int, end: int) -> str:
        """The original text from token ``start`` to the end of token ``end - 1``."""
        return self.text[self.items[start].start : self.items[end - 1].end]
