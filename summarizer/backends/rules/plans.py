"""Planned gatherings: a sentence that announces, convenes or schedules one (``sẽ tổ chức kỳ họp``, ``dự kiến
diễn ra``, ``triệu tập``), and the days it will sit.

A planned gathering is an event when the article gives the days it will sit (LABELING.md, "Planned
gatherings"): the dates written after its gathering word, and those written before it from which only its
holder and a verb of holding lead to it (``Chiều ngày 05/02/2024, HĐND tỉnh sẽ tổ chức kỳ họp``). A date
from which a preparation leads to it dates the preparation (``Ngày 6/9, Thường trực sẽ ban hành kế hoạch tổ
chức kỳ họp``); a window (``trong khoảng từ ngày 28/6 đến 06/7``), a deadline or a cited document's date
dates nothing. ``đã triệu tập đại biểu dự kỳ họp`` reports a session that sat. A plan moved (``dự kiến … vào
ngày 09/5; tuy nhiên … điều chỉnh thời gian … sang ngày 08/5``) sits on the days it was moved to.
"""

from __future__ import annotations

import re

from summarizer.language.dates import DateMention
from summarizer.language.gatherings import PAST_MARKERS, PLAN_MARKERS, PREPARATION, RESCHEDULED_TO, RESCHEDULING
from summarizer.language.patterns import any_word

from .document import Document
from .event_dates import SentenceDays, first_date_offset, read_days
from .sentences import Sentence

_PLAN = any_word(PLAN_MARKERS)
_PAST = re.compile(rf"(?:{'|'.join(sorted(PAST_MARKERS))})\s+$")
_PREPARATION = any_word(PREPARATION)
_PAST_REACH = 8
_RESCHEDULING = any_word(RESCHEDULING)
_RESCHEDULED_TO = any_word((RESCHEDULED_TO,))


def plans(doc: Document, sentence: Sentence, offset: int) -> bool:
    """A plan marker (not one said in the past, ``đã triệu tập``) stands before the sentence's first date
    that follows its gathering word at ``offset`` (relative to the sentence)."""
    folded = doc.toks.folded
    end = sentence.start + first_date_offset(doc, sentence, offset)
    for m in _PLAN.finditer(folded, sentence.start, end):
        if not _PAST.search(folded, max(sentence.start, m.start() - _PAST_REACH), m.start()):
            return True
    return False


def sitting_days(doc: Document, sentence: Sentence, keyword_at: int) -> SentenceDays:
    """The days a planned gathering named at ``keyword_at`` will sit (see the module docstring)."""
    folded = doc.toks.folded
    moved_at = _moved_at(doc, sentence)

    def sits(mention: DateMention) -> bool:
        if mention.window or mention.end <= moved_at:
            return False
        return mention.start > keyword_at or _PREPARATION.search(folded, mention.end, keyword_at) is None

    return read_days(doc, sentence, future=True, keep=sits)


def _moved_at(doc: Document, sentence: Sentence) -> int:
    """Where a verb of moving the plan stands when ``sang`` and a date follow it (``điều chỉnh thời gian …
    sang ngày 08/5``): the dates before it were planned and replaced. -1 when the sentence moves nothing."""
    folded = doc.toks.folded
    moved = _RESCHEDULING.search(folded, sentence.start, sentence.end)
    to = _RESCHEDULED_TO.search(folded, moved.end(), sentence.end) if moved else None
    if moved is None or to is None or not doc.dates_from(to.end(), sentence.end):
        return -1
    return moved.start()


def prepared(doc: Document, start: int, keyword_at: int) -> bool:
    """A preparation stands between ``start`` and the gathering word at ``keyword_at`` (``- Ngày 6/9: ban
    hành kế hoạch tổ chức kỳ họp``): what is dated there is the preparation, not the gathering."""
    return _PREPARATION.search(doc.toks.folded, start, keyword_at) is not None
