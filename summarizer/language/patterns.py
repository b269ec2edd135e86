"""Regular expressions built from the vocabulary tables, for scanning folded text in one pass.

``any_word`` finds any entry of a table as whole words; ``alternation`` writes phrases into a pattern
in the order given, a run of spaces between syllables matching any whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


# After a word's first character: the character before that one is no letter (or there is none).
_NOT_AFTER_LETTER = r"(?<![^\W\d_].)"


def any_word(words: Iterable[str], *, tail: str = "") -> re.Pattern[str]:
    """A pattern for any of ``words`` (folded phrases) as whole words, longest first.

    Each branch of the prefix tree opens with its first letter and only then looks behind it for a letter
    that would make it part of a longer word: the engine skips every position whose character starts
    no word at all without trying the lookbehind (same matches as testing the boundary first).
    """
    tree = _tree(words)
    branches = [re.escape(char) + _NOT_AFTER_LETTER + _emit(tree[char]) for char in sorted(tree)]
    return re.compile("(?:" + "|".join(branches) + rf")(?![^\W\d_]){tail}")


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
