"""Regular expressions built from the vocabulary tables, for scanning folded text in one pass.

``any_word`` finds any entry of a table as whole words; ``alternation`` writes phrases into a pattern
in the order given, a run of spaces between syllables matching any whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def any_word(words: Iterable[str], *, tail: str = "") -> re.Pattern[str]:
    """A pattern for any of ``words`` (folded phrases) as whole words, longest first.

    A lookahead on the first letters comes first, so the scan skips most positions without testing the
    word-boundary lookbehind.
    """
    ordered = sorted(set(words), key=len, reverse=True)
    firsts = "".join(sorted({re.escape(w[0]) for w in ordered}))
    return re.compile(rf"(?=[{firsts}])(?<![^\W\d_])(?:{_trie(ordered)})(?![^\W\d_]){tail}")


def _trie(words: Iterable[str]) -> str:
    """The words as one prefix tree (``h(?:ọp|ội nghị)``): the engine follows one branch per letter
    instead of trying every word in turn. A word that ends where a longer one goes on makes the rest
    optional and greedy, so the longest word that ends at a word boundary wins, as with longest-first."""
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + emit(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


def spaced(phrase: str) -> str:
    """A phrase as a pattern: its syllables escaped, any whitespace between them (``kỳ\\s+họp``)."""
    return r"\s+".join(re.escape(syllable) for syllable in phrase.split())


def alternation(phrases: Iterable[str]) -> str:
    """Phrases as one group, tried in the order given: ``(?:hđnd|hội\\s+đồng\\s+nhân\\s+dân)``."""
    return "(?:" + "|".join(spaced(p) for p in phrases) + ")"
