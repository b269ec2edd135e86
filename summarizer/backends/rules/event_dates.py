"""The days a sentence reports a gathering on: its date mentions that are neither deadlines nor dates of
cited documents, resolved against the article's date, and moved back to the gathering's opening when
the sentence reports a later working day of it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

from summarizer.language.calendar import WORKING_DAY
from summarizer.language.function_words import COPULA
from summarizer.language.gatherings import LONGEST_SITTING_DAYS
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


class SentenceDays(NamedTuple):
    """The days a sentence reports, and what else its dates say."""

    days: list[Days]
    """The days of each date mention whose year is known, in order."""
    pending: list[DateMention]
    """Day-level mentions whose year the article does not give (``Sáng nay 9/6`` with no year anywhere)."""
    later: bool
    """A mention falls after the article's date: a gathering still to come."""

    @property
    def dated(self) -> bool:
        return bool(self.days or self.pending)


def read_days(
    doc: Document, sentence: Sentence, *, future: bool = False, keep: Callable[[DateMention], bool] | None = None
) -> SentenceDays:
    """The days the date mentions of ``sentence`` report (none of a deadline, a cited document or a period
    longer than a gathering sits, nor any ``keep`` refuses); with ``future``, days after the article's date are kept, else a sentence holding one
    reports no day (it announces its gathering)."""
    days: list[Days] = []
    pending: list[DateMention] = []
    later = False
    for mention in doc.dates_from(sentence.start, sentence.end):
        if mention.end > sentence.end or mention.deadline or mention.cited or (keep is not None and not keep(mention)):
            continue
        coming = after_publication(doc, mention)
        if coming:
            later = True
            if not future:
                return SentenceDays([], [], True)
        resolved = doc.resolve_date(mention, "nearest" if coming else "past")
        if resolved and (resolved[1] - resolved[0]).days > LONGEST_SITTING_DAYS:
            continue  # a period, not sitting days
        if resolved:
            days.append(_from_first_working_day(doc, mention.end, resolved))
        else:
            pending.append(mention)
    return SentenceDays(days, pending, later)


def term_days(mentions: list[DateMention], year: int) -> Days | None:
    """The first and last day of year-less mentions placed in ``year`` (a first session in its term's first year)."""
    found = [days for days in (m.resolve(None, year=year) for m in mentions) if days]
    return (min(d[0] for d in found), max(d[1] for d in found)) if found else None


def dates_in(doc: Document, sentence: Sentence, *, future: bool = False) -> list[Days]:
    """The days each date mention of ``sentence`` reports, in order; none at all when one of them lies
    after the article's date (unless ``future``: a programme of days still to come)."""
    return read_days(doc, sentence, future=future).days


def _from_first_working_day(doc: Document, after: int, days: Days) -> Days:
    """``Sáng 01/12, ngày làm việc thứ 2 của kỳ họp``: the gathering opened the day before."""
    m = _WORKING_DAY.match(doc.toks.folded, after)
    parsed = leading_ordinal(doc.text[m.end() : m.end() + 12]) if m else None
    if parsed is None or not 1 < parsed[0] <= _WORKING_DAYS_MAX:
        return days
    return days[0] - dt.timedelta(days=parsed[0] - 1), days[1]


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
