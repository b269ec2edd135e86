"""Part-day reports (LABELING.md, "Part-day reports" and "Opening-only reports"): which part of a gathering a
sentence dates, and the length the article states for it.

A sentence that goes on with a gathering (``Sáng 11/7, tiếp tục chương trình Kỳ họp thứ 21``) or reports one of
its middle sittings (``phiên chất vấn``) dates a middle day: alone, it gives the gathering no day. One that
reports its closing (``bế mạc kỳ họp vào sáng ngày 11/7``) dates its last day: alone, the first stays unknown.
A stated length (``sau 1,5 ngày làm việc``, ``diễn ra trong 02 ngày``) sets the other end of a gathering known
by one day.
"""

from __future__ import annotations

import math
import re
from enum import Enum, auto

from summarizer.language.calendar import DAY, WORKING_DAY
from summarizer.language.gatherings import CLOSING, CONTINUING, LENGTH_LEADS, MIDDLE_SITTINGS, OPENING
from summarizer.language.numerals import ORDINAL, leading_ordinal
from summarizer.language.patterns import any_word, spaced

from .document import Document
from .sentences import Sentence

class Part(Enum):
    """Which part of its gathering a reporting sentence dates."""

    WHOLE = auto()
    MIDDLE = auto()
    CLOSE = auto()


WHOLE, MIDDLE, CLOSE = Part.WHOLE, Part.MIDDLE, Part.CLOSE
_CONTINUING = any_word(CONTINUING)
_MIDDLE = any_word(MIDDLE_SITTINGS)
_CLOSING = any_word(CLOSING)
_OPENING = any_word(OPENING)
_WORKING_DAY = re.compile(rf"{spaced(WORKING_DAY)}\s+{ORDINAL}")
# ``sau 1,5 ngày làm việc``, ``trong 02 ngày``, ``trong hai ngày``: the number before ``ngày``, read after the
# word that leads it (found first, as a word).
_LENGTH_LEAD = any_word(LENGTH_LEADS)
_LENGTH = re.compile(rf"\s+(\d+(?:[,.]\d+)?|[^\W\d_]+)\s+{DAY}(?![^\W\d_])")
_LONGEST = 10


def part(doc: Document, sentence: Sentence, keyword_at: int) -> Part:
    """Which part of its gathering a reporting sentence dates: the whole (its days as they are), a middle day or
    its closing."""
    folded = doc.toks.folded
    if _CLOSING.search(folded, sentence.start, sentence.end) and not _OPENING.search(folded, sentence.start, sentence.end):
        return CLOSE
    if _WORKING_DAY.search(folded, sentence.start, sentence.end):
        return WHOLE  # ``ngày làm việc thứ 3``: the day's place in the gathering is said
    if _CONTINUING.search(folded, sentence.start, keyword_at) or _MIDDLE.search(folded, sentence.start, sentence.end):
        return MIDDLE
    return WHOLE


def stated_length(doc: Document, sentences: list[Sentence]) -> int | None:
    """The number of days the sentences say the gathering lasts (``sau 1,5 ngày làm việc`` → 2)."""
    folded = doc.toks.folded
    for sentence in sentences:
        m = None
        for lead in _LENGTH_LEAD.finditer(folded, sentence.start, sentence.end):
            m = _LENGTH.match(folded, lead.end(), sentence.end)
            if m is not None:
                break
        if m is None:
            continue
        raw = m.group(1).replace(",", ".")
        try:
            days = math.ceil(float(raw))
        except ValueError:
            parsed = leading_ordinal(doc.text[m.start(1) : m.end(1)])
            days = parsed[0] if parsed else 0
        if 1 < days <= _LONGEST:
            return days
    return None
