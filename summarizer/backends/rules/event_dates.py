"""The days a sentence reports a gathering on: its date mentions that are neither deadlines nor dates of
cited documents, resolved against the article's date, and moved back to the gathering's opening when
the sentence reports a later working day of it."""

from __future__ import annotations

import datetime as dt
import re

from summarizer.language.calendar import WORKING_DAY
from summarizer.language.function_words import COPULA
from summarizer.language.numerals import ORDINAL, leading_ordinal
from summarizer.language.patterns import spaced
from summarizer.language.dates import DateMention

from .document import Document
from .sentences import Sentence

Days = tuple[dt.date, dt.date]

# ``Sáng 01/12, (là) ngày làm việc thứ 2 của kỳ họp``
_WORKING_DAY = re.compile(rf"\s*,?\s*(?:{COPULA}\s+)?{spaced(WORKING_DAY)}\s+{ORDINAL}\s+")
_WORKING_DAYS_MAX = 10
_OPENING = 25
"""Characters at a sentence's start within which a date opens it."""


def dates_in(doc: Document, sentence: Sentence, *, future: bool = False) -> list[Days]:
    """The days each date mention of ``sentence`` reports, in order; none at all when one of them lies
    after the article's date (unless ``future``: a programme of days still to come)."""
    out = []
    for mention in doc.dates_from(sentence.start, sentence.end):
        if mention.end > sentence.end or mention.deadline or mention.cited:
            continue
        if not future and after_publication(doc, mention):
            return []  # ``Ngày 20/3, HĐND tỉnh tổ chức kỳ họp …`` in an article of 12/3: announced, not reported
        resolved = doc.resolve_date(mention, "past")
        if resolved:
            out.append(_from_first_working_day(doc, mention.end, resolved))
    return out


def _from_first_working_day(doc: Document, after: int, days: Days) -> Days:
    """``Sáng 01/12, ngày làm việc thứ 2 của kỳ họp``: the gathering opened the day before."""
    m = _WORKING_DAY.match(doc.toks.folded, after)
    parsed = leading_ordinal(doc.text[m.end() : m.end() + 12]) if m else None
    if parsed is None or not 1 < parsed[0] <= _WORKING_DAYS_MAX:
        return days
    return days[0] - dt.timedelta(days=parsed[0] - 1), days[1]


def dated_later(doc: Document, sentence: Sentence) -> bool:
    """The sentence gives a day after the article's date."""
    return any(after_publication(doc, m) for m in doc.dates_from(sentence.start, sentence.end))


def after_publication(doc: Document, mention: DateMention) -> bool:
    """The day falls after the article's date (a day's grace for time zones): a gathering still to come."""
    if doc.published is None:
        return False
    nearest = mention.resolve(doc.published, "nearest")
    return nearest is not None and nearest[0] > doc.published + dt.timedelta(days=1)


def first_date_offset(doc: Document, sentence: Sentence, offset: int) -> int:
    """Where the sentence's first date at or after ``offset`` (relative to the sentence) starts, relative
    to the sentence; ``offset`` when there is none."""
    found = doc.dates_from(sentence.start + offset, sentence.end)
    return found[0].start - sentence.start if found else offset


def opens_with_date(doc: Document, sentence: Sentence) -> bool:
    """A date stands within the sentence's first 25 characters."""
    return bool(doc.dates_from(sentence.start, sentence.start + _OPENING))
