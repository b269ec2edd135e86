"""Searches confined to where a pattern can match: around the literal every match must hold.

A pattern that opens with a look-behind or an optional part gives the regular-expression engine no literal
to skip ahead to, so a search tries every position of the text. When each match must hold one of a few
literals at a known distance from its start and end, finding the literals with ``str.find`` and trying the
pattern only in a window around each gives the same answer at a fraction of the cost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable


def holds_match(pattern: re.Pattern[str], text: str, anchors: Iterable[str], before: int, after: int) -> bool:
    """Whether ``pattern.search(text)`` finds a match, given that every match holds one of ``anchors`` starting
    at most ``before`` characters after the match starts and ending at most ``after`` characters before the
    match ends, and that no match ends where a window's end would cut off what it looks ahead at (the caller's
    proof). The window reaches one character past the farthest end, so a look-ahead there reads the text."""
    for anchor in anchors:
        at = text.find(anchor)
        while at >= 0:
            if pattern.search(text, max(0, at - before), at + len(anchor) + after + 1) is not None:
                return True
            at = text.find(anchor, at + 1)
    return False



def search_near(pattern: re.Pattern[str], text: str, anchors: Iterable[str], nearest: int, farthest: int) -> re.Match[str] | None:
    """``pattern.search(text)``, given that every match starts ``nearest`` to ``farthest`` characters before one of
    ``anchors``: the pattern is tried at those offsets alone, leftmost first (a match tried at an offset is the
    one a search reaching that offset finds)."""
    starts: set[int] = set()
    for anchor in anchors:
        at = text.find(anchor)
        while at >= 0:
            starts.update(range(max(0, at - farthest), max(0, at - nearest + 1)))
            at = text.find(anchor, at + 1)
    for start in sorted(starts):
        match = pattern.match(text, start)
        if match is not None:
            return match
    return None
