"""Which sentences report a gathering, and which of them report the same one.

A gathering is reported by a sentence that names it and says when it sat (``Sáng 13/12, Kỳ họp thứ
20, HĐND thành phố Bắc Ninh khóa XXII …``); a gathering named without a day (``báo cáo tóm tắt kết quả
kỳ họp HĐND tỉnh``) is only mentioned, and one with a plan marker (``sẽ tổ chức kỳ họp``) is announced.
Later sentences about the same gathering add its days; a round-up's headings and a programme's dated
entries start a new gathering each.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import InitVar, dataclass, field

from summarizer.language.calendar import DAY, FROM, TIMES_OF_DAY
from summarizer.language.gatherings import PLAN_MARKERS, SITTINGS
from summarizer.language.patterns import any_word

from .document import Document
from .event_dates import Days, dated_later, dates_in, first_date_offset, opens_with_date
from .gathering_words import listing
from .sentences import Sentence
from .sentence_facts import SentenceFacts

_SITTING = any_word(SITTINGS)
_MERGE_DAYS = 3
_PLAN = any_word(PLAN_MARKERS)


def _either_case(word: str) -> str:
    """A word as a pattern that matches it with or without a capital first letter (``[Nn]gày``)."""
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


# A schedule item: a date, then straight to a lower-case verb (``Ngày 21/6, nghe …``), no subject.
_SCHEDULE_ITEM = re.compile(
    rf"\W*(?:(?:{_either_case(FROM)}\s+)?{_either_case(DAY)}\s+)?[\d/\-–. ]+,?\s+(?=[^\W\d_])(?!\w*[A-ZĐ])"
)
# ``- Ngày 7.9: …``, ``• Sáng 12/3: …``: a dated entry of a programme or round-up list.
_AGENDA_ITEM = re.compile(
    rf"\s*[-–•*+]\s*(?:(?:{'|'.join(TIMES_OF_DAY)})\s+)?(?:{DAY}\s+)?"
    r"\d{1,2}(?:\s*[-–,]\s*\d{1,2})?[./-]\d{1,2}(?:[./-]\d{2,4})?\s*:"
)
_FALLBACK_SENTENCES = 6


@dataclass
class Gathering:
    """One reported gathering: its kind, where its gathering word stands, the sentences reporting it
    (the first is its evidence), the days they report, the heading of its section and its session number."""

    kind: str | None
    keyword_at: int
    anchors: list[Sentence]
    dates: InitVar[list[Days]]
    heading: Sentence | None = None
    session_number: int | None = None
    first: dt.date | None = field(init=False, default=None)
    """Its first day (kept as days are added, so that merging stays linear); None while it has none."""
    last: dt.date | None = field(init=False, default=None)
    """Its last day."""

    def __post_init__(self, dates: list[Days]) -> None:
        self.add_days(dates)

    def add_days(self, days: list[Days]) -> None:
        """Days a sentence reports the gathering on."""
        for first, last in days:
            self.first = first if self.first is None else min(self.first, first)
            self.last = last if self.last is None else max(self.last, last)


def find_gatherings(doc: Document, facts: SentenceFacts) -> list[Gathering]:
    """Every gathering the article reports, in order (see the module docstring)."""
    folded = doc.toks.folded
    gatherings: list[Gathering] = []
    previous_caption: Sentence | None = None
    plan_line = -1
    planned = False
    for sentence in doc.sentences:
        if sentence.caption:
            previous_caption = sentence
            continue
        text = folded[sentence.start : sentence.end]
        heading = previous_caption if sentence.first and previous_caption is not None else None
        previous_caption = None
        if sentence.first and _AGENDA_ITEM.match(text):
            # A dated entry of a week's programme or round-up: each of its clauses naming a gathering is
            # one, on the entry's day, whether the week is past or still to come.
            entry_dates = dates_in(doc, sentence, future=True)
            if entry_dates and not _PLAN.search(text):
                for clause in _clauses(sentence, text):
                    found = facts.named(clause.start, clause.end)
                    if found is not None:
                        number = facts.session_number(clause.start, clause.end) if found[0] == "session" else None
                        gatherings.append(Gathering(found[0], clause.start + found[1], [clause], entry_dates, heading, number))
                continue
        dates = dates_in(doc, sentence)
        keyword = facts.gathering(sentence.start, sentence.end)
        if keyword is None:
            if dates and gatherings and _SITTING.search(text):
                gatherings[-1].add_days(dates)
            continue
        kind, offset = keyword
        if listing(text, keyword):
            continue
        if _PLAN.search(text, 0, first_date_offset(doc, sentence, offset)) or (sentence.line == plan_line and _schedule_item(doc, sentence)):
            # ``Ngày 5/6, Thường trực HĐND sẽ ban hành kế hoạch tổ chức kỳ họp``: planned, not reported;
            # the date-led items that follow it in its paragraph belong to the same schedule.
            plan_line = sentence.line
            planned = True
            continue
        if not dates:
            planned = planned or dated_later(doc, sentence)
            continue
        number = facts.session_number(sentence.start, sentence.end) if kind == "session" else None
        current = gatherings[-1] if gatherings else None
        fresh = heading is not None and (opens_with_date(doc, sentence) or _names_kind(facts, heading, kind))
        if current is not None and not fresh and _same(current, kind, number, dates):
            current.anchors.append(sentence)
            current.add_days(dates)
            current.session_number = current.session_number or number
            continue
        gatherings.append(Gathering(kind, sentence.start + offset, [sentence], dates, heading, number))
    if not gatherings and not planned:
        # An article that only announces gatherings reports none.
        fallback = _fallback(doc, facts)
        if fallback is not None:
            gatherings.append(fallback)
    return gatherings


def _schedule_item(doc: Document, sentence: Sentence) -> bool:
    return _SCHEDULE_ITEM.match(doc.text, sentence.start, sentence.end) is not None


def _fallback(doc: Document, facts: SentenceFacts) -> Gathering | None:
    """An article that reports a gathering without saying when: its opening names the gathering (running
    text before headings, which often name the gathering the article only prepares or reports on)."""
    opening = doc.sentences[:_FALLBACK_SENTENCES]
    for sentence in [s for s in opening if not s.caption] + [s for s in opening if s.caption]:
        keyword = facts.named(sentence.start, sentence.end)
        if keyword:
            kind, offset = keyword
            number = facts.session_number(sentence.start, sentence.end) if kind == "session" else None
            return Gathering(kind, sentence.start + offset, [sentence], [], None, number)
    return None


def _names_kind(facts: SentenceFacts, heading: Sentence, kind: str) -> bool:
    keyword = facts.gathering(heading.start, heading.end)
    return keyword is not None and keyword[0] == kind


def _clauses(sentence: Sentence, text: str) -> list[Sentence]:
    """The parts of a sentence between semicolons, as sentences of their own."""
    out = []
    start = 0
    for part in text.split(";"):
        end = start + len(part)
        lead = len(part) - len(part.lstrip())
        if part.strip():
            out.append(Sentence(sentence.start + start + lead, sentence.start + end, sentence.line, False, start == 0))
        start = end + 1
    return out


def _same(current: Gathering, kind: str, number: int | None, dates: list[Days]) -> bool:
    """A later reporting sentence about the gathering already open (same kind, number, nearby days)."""
    if current.kind != kind:
        return False
    if number and current.session_number and number != current.session_number:
        return False
    if current.first is None or current.last is None:
        return True
    window = dt.timedelta(days=_MERGE_DAYS)
    return all(current.first - window <= d[0] and d[1] <= current.last + window for d in dates)
