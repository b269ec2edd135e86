"""Regular expressions built from the vocabulary tables, for scanning folded text in one pass.

``any_word`` finds any entry of a table as whole words; ``alternation`` writes phrases into a pattern
in the order given, a run of spaces between syllables matching any whitespace.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator


# After a word's first character: the character before that one is no letter (or there is none).
_NOT_AFTER_LETTER = r"(?<![^\W\d_].)"


def any_word(words: Iterable[str], *, tail: str = "") -> re.Pattern[str] | Vocabulary:
    """A pattern for any of ``words`` (folded phrases) as whole words, longest first.

    Each branch of the prefix tree opens with its first letter and only then looks behind it for a letter
    that would make it part of a longer word: the engine skips every position whose character starts
    no word at all without trying the lookbehind (same matches as testing the boundary first). A table
    whose words open with few syllables is scanned syllable by syllable instead (see ``Vocabulary``).
    """
    words = set(words)
    tree = _tree(words)
    branches = [re.escape(char) + _NOT_AFTER_LETTER + _emit(tree[char]) for char in sorted(tree)]
    pattern = re.compile("(?:" + "|".join(branches) + rf")(?![^\W\d_]){tail}")
    firsts = {word.split()[0] for word in words}
    return Vocabulary(pattern, firsts) if len(firsts) <= _FEW_FIRST_SYLLABLES else pattern


_FEW_FIRST_SYLLABLES = 8
_INDEXED_LENGTH = 2000
"""Texts at least this long (an article, not a sentence) are searched through their first syllables."""


class Vocabulary:
    """A vocabulary pattern that finds its words by first finding their first syllables, each a literal the
    engine searches for quickly (``chủ`` of ``chủ trì``, ``chủ tọa``), and matching the whole pattern only
    where one stands. Where the syllables stand in a text is worked out once for the text last searched,
    so that a rule asking sentence by sentence pays for one scan of the article. Same matches as the
    pattern's own ``finditer``, ``search`` and ``match``."""

    def __init__(self, pattern: re.Pattern[str], first_syllables: Iterable[str]) -> None:
        self.pattern = pattern
        self._syllables = [re.compile(re.escape(s) + rf"(?<![^\W\d_]{re.escape(s)})") for s in sorted(first_syllables)]
        self._last: tuple[str, list[int]] = ("", [])

    def _starts(self, string: str) -> list[int] | None:
        """Where a first syllable starts a word in ``string`` (a word can start nowhere else); None for a text
        too short to be worth indexing (a phrase or a sentence), which is scanned as it is."""
        last = self._last
        if last[0] is string:
            return last[1]
        if len(string) < _INDEXED_LENGTH:
            return None
        starts = sorted(m.start() for syllable in self._syllables for m in syllable.finditer(string))
        self._last = (string, starts)
        return starts

    def _matches(self, string: str, starts: list[int], pos: int, endpos: int, first: bool) -> list[re.Match[str]]:
        found: list[re.Match[str]] = []
        end = pos
        for index in range(bisect_left(starts, pos), len(starts)):
            start = starts[index]
            if start >= endpos:
                break
            if start < end:
                continue
            match = self.pattern.match(string, start, endpos)
            if match is not None:
                found.append(match)
                if first:
                    break
                end = match.end()
        return found

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        endpos = len(string) if endpos is None else endpos
        starts = self._starts(string)
        if starts is None:
            return self.pattern.finditer(string, pos, endpos)
        return iter(self._matches(string, starts, pos, endpos, first=False))

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        endpos = len(string) if endpos is None else endpos
        starts = self._starts(string)
        if starts is None:
            return self.pattern.search(string, pos, endpos)
        found = self._matches(string, starts, pos, endpos, first=True)
        return found[0] if found else None

    def match(self, string: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return self.pattern.match(string, pos, len(string) if endpos is None else endpos)


def _tree(words: Iterable[str]) -> dict[str, dict]:
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return tree


def _emit(node: dict[str, dict]) -> str:
    """The words below ``node`` as one prefix tree (``h(?:ọp|ội nghị)``): the engine follows one branch per
    letter instead of trying every word in turn. A word that ends where a longer one goes on makes the rest
    optional and greedy, so the longest word that ends at a word boundary wins, as with longest-first."""
    branches = [(r"\s+" if char == " " else re.escape(char)) + _emit(node[char]) for char in sorted(node) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def spaced(phrase: str) -> str:
    """A phrase as a pattern: its syllables escaped, any whitespace between them (``kỳ\\s+họp``)."""
    return r"\s+".join(re.escape(syllable) for syllable in phrase.split())


def alternation(phrases: Iterable[str]) -> str:
    """Phrases as one group, tried in the order given: ``(?:hđnd|hội\\s+đồng\\s+nhân\\s+dân)``."""
    return "(?:" + "|".join(spaced(p) for p in phrases) + ")"
