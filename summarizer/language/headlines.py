"""The headline of a plain-text article: its first line of words, when that line reads as a headline.

A text file carries no title, but portals copied as text usually open with one: a short line that
starts with a capital letter and ends without a full stop (``Khai mạc kỳ họp thứ 11 HĐND thành phố Bắc
Kạn khóa VI, nhiệm kỳ 2016 -2021``). Lines of fewer than four words before it (a date, a time, a
byline) are passed over; the first longer line is the only candidate, so a lead paragraph is never
taken for a headline, and an article that opens with its lead has none.
"""

from __future__ import annotations

import re

MIN_WORDS = 4
MAX_WORDS = 40
MAX_CHARS = 200
# Bullets and dashes a portal may put before a headline (``• Mường Lay họp …``).
_LEAD_MARKS = " \t•·*-–—"
# A clock time marks a date line or a byline (``11:19 | 09/12/2025``), never a headline.
_CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
_WORD = re.compile(r"[^\W\d_]+")
# Ends a sentence or announces what follows: a paragraph, not a headline.
_CLOSING = (".", ":", ",", ";")


def _words(line: str) -> list[str]:
    return _WORD.findall(line)


def reads_as_headline(line: str) -> bool:
    """A short line of words opening with a capital letter, with no clock time and no closing full stop."""
    line = line.strip(_LEAD_MARKS)
    words = _words(line)
    return (
        bool(line)
        and line[0].isalpha()
        and line[0].isupper()
        and MIN_WORDS <= len(words) <= MAX_WORDS
        and len(line) <= MAX_CHARS
        and not line.endswith(_CLOSING)
        and _CLOCK.search(line) is None
    )


def text_headline(text: str) -> str | None:
    """The first line of at least four words, stripped of bullets, when it reads as a headline and
    more text follows it; None otherwise. ``text`` is best the article with portal cruft blanked."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        if len(_words(line)) < MIN_WORDS:
            continue
        rest = any(_words(later) for later in lines[index + 1 :])
        return line.strip(_LEAD_MARKS) if rest and reads_as_headline(line) else None
    return None
