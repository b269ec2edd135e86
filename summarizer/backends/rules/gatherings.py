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
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator, Sequence
from dataclasses import InitVar, dataclass, field

from summarizer.language.calendar import DAY, FROM, TIMES_OF_DAY, UNTIL
from summarizer.language.function_words import AND
from summarizer.language.dates import DateMention
from summarizer.language.gatherings import HOLDING_VERBS, SITTINGS, TIME_FIELD, TIME_FIELD_LEADS
from summarizer.language.numerals import ROMAN_TERM_LETTERS
from summarizer.language.patterns import any_word, spaced

from .document import Document
from .event_dates import Days, SentenceDays, dates_in, opens_with_date, read_days
from .gathering_words import GatheringWord, listing
from .part_days import CLOSE, MIDDLE, WHOLE, Part, part
from .plans import plans, prepared, sitting_days
from .schedules import item_sentence, schedule_days
from .sentences import Sentence
from .sentence_facts import SentenceFacts

_SITTING = any_word(SITTINGS)
_MERGE_DAYS = 3
_HOLDING = any_word(HOLDING_VERBS)
_WORD = re.compile(r"[^\W\d_]+")
_HEADING_WORDS = 2


def _either_case(word: str) -> str:
    """A word as a pattern that matches it with or without a capital first letter (``[Nn]gày``)."""
    return f"[{word[0].upper()}{word[0]}]{word[1:]}"


# A schedule item: a date, then straight to a lower-case verb (``Ngày 21/6, nghe …``), no subject.
_SCHEDULE_ITEM = re.compile(
    rf"\W*(?:(?:{_either_case(FROM)}\s+)?{_either_case(DAY)}\s+)?[\d/\-–. ]+,?\s+(?=[^\W\d_])(?!\w*[A-ZĐ])"
)
# ``- Ngày 7.9: …``, ``• Sáng 12/3: …``, ``- Ngày 15 và 16.10, …``: a dated entry of a programme or round-up list.
_TIME_FIELD = re.compile(rf"[\s\-–•*]*(?:[{''.join(sorted(ROMAN_TERM_LETTERS))}]+\.|\d+\.)?\s*(?:{'|'.join(TIME_FIELD_LEADS)})?\s*{spaced(TIME_FIELD)}(?![^\W\d_])")
_AGENDA_ITEM = re.compile(
    rf"\s*[-–•*+]\s*(?:(?:{'|'.join(TIMES_OF_DAY)})\s+)?(?:{DAY}\s+)?"
    rf"\d{{1,2}}(?:\s*(?:[-–,]|{AND}|{'|'.join(UNTIL)})\s*\d{{1,2}})?[./-]\d{{1,2}}(?:[./-]\d{{2,4}})?\s*[:,]"
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
    planned: bool = False
    """Announced, convened or scheduled, with the days it will sit; not yet reported."""
    listed: bool = False
    """An item of a schedule (whose place is the schedule's when its own names none)."""
    first: dt.date | None = field(init=False, default=None)
    """Its first day (kept as days are added, so that merging stays linear); None while it has none."""
    last: dt.date | None = field(init=False, default=None)
    """Its last day."""
    pending: list[DateMention] = field(init=False, default_factory=list)
    """Its date mentions whose year the article does not give (a first session takes its term's)."""
    middle: list[Days] = field(init=False, default_factory=list)
    """Days of its middle sittings (they date it only within days known otherwise)."""
    closing: list[Days] = field(init=False, default_factory=list)
    """Days of its closing (its last day; alone, the first stays unknown)."""

    def __post_init__(self, dates: list[Days]) -> None:
        self.add_days(dates)

    def add_days(self, days: list[Days]) -> None:
        """Days a sentence reports the gathering on."""
        for first, last in days:
            self.first = first if self.first is None else min(self.first, first)
            self.last = last if self.last is None else max(self.last, last)

    def add(self, read: SentenceDays, part: Part = WHOLE) -> None:
        """What a sentence's dates say of the gathering (as the ``part`` of it the sentence reports): its days,
        or mentions still without a year."""
        if part == MIDDLE:
            self.middle.extend(read.days)
        elif part == CLOSE:
            self.closing.extend(read.days)
        else:
            self.add_days(read.days)
            if not read.days:
                self.pending.extend(read.pending)

    def span(self, length: int | None) -> tuple[dt.date | None, dt.date | None]:
        """Its first and last day from what its sentences reported (``length``: the days the article says it
        lasts): a closing alone gives its last day, middle days only widen days known otherwise."""
        first, last = self.first, self.last
        closed = max((d[1] for d in self.closing), default=None)
        if first is None:
            if closed is None:
                return None, None
            return (closed - dt.timedelta(days=length - 1) if length else None), closed
        last = max(d for d in (last, closed, *(d[1] for d in self.middle)) if d is not None)
        if length and first == last:
            if closed is not None and closed == last:
                first = last - dt.timedelta(days=length - 1)
            else:
                last = first + dt.timedelta(days=length - 1)
        return first, last


def find_gatherings(doc: Document, facts: SentenceFacts) -> list[Gathering]:
    """Every gathering the article reports, in order (see the module docstring)."""
    days = schedule_days(doc)
    if days:
        return _scheduled(doc, facts, days)
    folded = doc.toks.folded
    gatherings = Reported()
    previous_caption: Sentence | None = None
    plan_line = -1
    planned = False
    # The last gathering named without days, until a sentence gives them (``thời gian …``) or another is dated.
    undated: tuple[str, int, Sentence, Sentence | None, int | None] | None = None
    for sentence in doc.sentences:
        if sentence.caption:
            previous_caption = sentence
            continue
        text = folded[sentence.start : sentence.end]
        heading = previous_caption if sentence.first and previous_caption is not None and _worded(doc, previous_caption) else None
        previous_caption = None
        if sentence.first and _AGENDA_ITEM.match(text):
            # A dated entry of a week's programme or round-up: each of its clauses naming a gathering is
            # one, on the entry's day, whether the week is past or still to come.
            entry_dates = dates_in(doc, sentence, future=True)
            if entry_dates:
                for clause in _clauses(sentence, text):
                    found = facts.named(clause.start, clause.end) or _activity(doc, clause)
                    if found is None or prepared(doc, clause.start, clause.start + found[1]):
                        continue
                    number = facts.session_number(clause.start, clause.end) if found[0] == "session" else None
                    gatherings.append(Gathering(found[0], clause.start + found[1], [clause], entry_dates, heading, number))
                continue
        keyword = facts.gathering(sentence.start, sentence.end)
        if keyword is None and undated is not None and _TIME_FIELD.match(text):
            # ``… tổ chức tiếp xúc cử tri trước kỳ họp …`` then ``Theo đó, thời gian tiếp xúc từ ngày 7 đến 25-10``
            # (or a notice's ``I. Thời gian và địa điểm: …``): the days of the gathering just named.
            timed = read_days(doc, sentence, future=True)
            if timed.dated:
                kind, offset, named, named_heading, named_number = undated
                later = timed.later
                _report(gatherings, Gathering(kind, named.start + offset, [named], [], named_heading, named_number, later), timed)
                undated = None
                continue
        if keyword is None:
            if gatherings and _SITTING.search(text):
                # ``Toàn cảnh phiên chất vấn sáng 11/7``: a sitting of the gathering open, on the day it dates.
                gatherings[-1].add(read_days(doc, sentence), part(doc, sentence, sentence.start))
                gatherings.dated(gatherings[-1])
            continue
        kind, offset = keyword
        if listing(text, keyword):
            continue
        number = facts.session_number(sentence.start, sentence.end) if kind == "session" else None
        read = read_days(doc, sentence)
        if read.later or plans(doc, sentence, offset) or (sentence.line == plan_line and _schedule_item(doc, sentence)):
            # Announced, convened or scheduled: an event with the days it will sit, when the article gives
            # them; the date-led items that follow a plan in its paragraph belong to the same schedule.
            plan_line = sentence.line
            sitting = sitting_days(doc, sentence, sentence.start + offset)
            if not sitting.dated:
                planned = True
                continue
            _report(gatherings, Gathering(kind, sentence.start + offset, [sentence], [], heading, number, True), sitting)
            continue
        if not read.dated:
            undated = (kind, offset, sentence, heading, number)
            continue
        undated = None
        fresh = heading is not None and (opens_with_date(doc, sentence) or _names_kind(facts, heading, kind))
        found = Gathering(kind, sentence.start + offset, [sentence], [], heading, number)
        _report(gatherings, found, read, fresh=fresh, part=part(doc, sentence, sentence.start + offset))
    if not gatherings and not planned:
        # An article that only announces gatherings reports none.
        fallback = _fallback(doc, facts)
        if fallback is not None:
            gatherings.append(fallback)
    return list(gatherings)


def _report(
    gatherings: Reported, found: Gathering, read: SentenceDays, *, fresh: bool = False, part: Part = WHOLE
) -> None:
    """A sentence reports ``found`` (the ``part`` of it that it dates): the gathering it goes on reporting takes
    its days, else it opens a new one."""
    same = None if fresh else gatherings.reported_before(found, read.days)
    if same is None:
        found.add(read, part)
        gatherings.append(found)
        return
    same.anchors.append(found.anchors[0])
    same.add(read, part)
    gatherings.dated(same)
    if not same.session_number:
        if found.session_number:
            gatherings.numbered(same, found.session_number)
        else:
            same.session_number = found.session_number


class Reported(list[Gathering]):
    """The gatherings reported so far, in order, indexed so that the one a sentence goes on reporting is sought
    among those that can be it, never by a scan of them all: by kind and session number (no other number), and
    by the days they cover (the day a sentence's dates start on lies within ``_MERGE_DAYS`` of a gathering's
    days, which only ever widen), whichever holds fewer.

    Only ``append``, ``numbered`` and ``dated`` may change it (``dated`` after any gathering's days change)."""

    def __init__(self) -> None:
        super().__init__()
        self._kinds: dict[str | None, list[_Entry]] = {}
        self._unnumbered: dict[str | None, list[_Entry]] = {}
        self._by_number: dict[tuple[str | None, int], list[_Entry]] = {}
        self._undated: dict[str | None, list[_Entry]] = {}
        self._wide: dict[str | None, list[_Entry]] = {}
        self._on_day: dict[tuple[str | None, int], list[_Entry]] = {}
        self._entries: dict[int, _Entry] = {}
        self._indexed: dict[int, tuple[int, int] | None] = {}
        """Per gathering (by id), the days (ordinals) it is indexed under; None while it has no days."""
        self._last_reported = -1
        """Position of the last gathering not planned (-1 while there is none)."""
        self._by_day = False
        """Whether the index by day is kept (from the first search with more than ``_SCAN_MAX`` candidates)."""

    def append(self, gathering: Gathering) -> None:
        position = len(self)
        super().append(gathering)
        entry = (position, gathering)
        self._entries[id(gathering)] = entry
        self._kinds.setdefault(gathering.kind, []).append(entry)
        if gathering.session_number:
            self._by_number.setdefault((gathering.kind, gathering.session_number), []).append(entry)
        else:
            self._unnumbered.setdefault(gathering.kind, []).append(entry)
        if not gathering.planned:
            self._last_reported = position
        if self._by_day:
            self._index_days(entry)

    def _index_days(self, entry: _Entry) -> None:
        gathering = entry[1]
        self._indexed[id(gathering)] = None
        self._undated.setdefault(gathering.kind, []).append(entry)
        self.dated(gathering)

    def numbered(self, gathering: Gathering, number: int) -> None:
        """A gathering without a number takes ``number``."""
        entry = self._entries[id(gathering)]
        _remove(self._unnumbered[gathering.kind], entry)
        gathering.session_number = number
        _insert(self._by_number.setdefault((gathering.kind, number), []), entry)

    def dated(self, gathering: Gathering) -> None:
        """Index a gathering's days again after they changed (they only widen)."""
        if not self._by_day or gathering.first is None or gathering.last is None:
            return
        key = id(gathering)
        entry = self._entries[key]
        low = gathering.first.toordinal() - _MERGE_DAYS
        high = gathering.last.toordinal() + _MERGE_DAYS
        indexed = self._indexed[key]
        if indexed is None:
            _remove(self._undated[gathering.kind], entry)
        elif indexed[1] - indexed[0] > _WIDE_DAYS or indexed == (low, high):
            return
        self._indexed[key] = (low, high)
        if high - low > _WIDE_DAYS:
            _insert(self._wide.setdefault(gathering.kind, []), entry)
            return
        for day in range(low, high + 1):
            if indexed is None or not indexed[0] <= day <= indexed[1]:
                _insert(self._on_day.setdefault((gathering.kind, day), []), entry)

    def reported_before(self, found: Gathering, days: list[Days]) -> Gathering | None:
        """The gathering a sentence goes on reporting: the last one when it is the same; else, past the planned
        gatherings after it, the last one reported; a plan may also go on with any earlier gathering of its kind.

        (As a scan back from the last gathering: the first that is the same, stopping after the first not
        planned unless ``found`` is planned.)"""
        floor = 0 if found.planned else max(self._last_reported, 0)
        kind, number = found.kind, found.session_number
        if number:
            numbered = self._by_number.get((kind, number), ())
            unnumbered = self._unnumbered.get(kind, ())
            count = len(numbered) + len(unnumbered)
        else:
            count = len(self._kinds.get(kind, ()))
        if count > _SCAN_MAX and not self._by_day:
            self._by_day = True
            for entry in self._entries.values():
                self._index_days(entry)
        if self._by_day and days and all(first <= last for first, last in days):
            day = min(first for first, _ in days).toordinal()
            sources = (self._on_day.get((kind, day), ()), self._wide.get(kind, ()), self._undated.get(kind, ()))
            if len(sources[0]) + len(sources[1]) < count:
                # (Any gathering without days is the same: the latest is found at once.)
                # A gathering the sentence goes on reporting has days around the day its dates start on.
                found_at = [_latest(source, floor, kind, number, days) for source in sources]
                return max((e for e in found_at if e is not None), key=_position, default=(0, None))[1]
        if number:
            candidates: Iterator[_Entry] = _merged_back(numbered, unnumbered)
        else:
            candidates = reversed(self._kinds.get(kind, ()))
        for position, g in candidates:
            if position < floor:
                return None
            if _same(g, kind, number, days):
                return g
        return None


_Entry = tuple[int, Gathering]
_SCAN_MAX = 16
"""Candidates scanned at most before the gatherings are indexed by day too (real articles report a few)."""
_WIDE_DAYS = 62
"""A gathering whose days (with the margin) span more than this is kept apart from the index by day."""


def _position(entry: _Entry) -> int:
    return entry[0]


def _insert(entries: list[_Entry], entry: _Entry) -> None:
    """Insert an entry into a list in order of position (positions are unique: no gatherings are compared)."""
    if not entries or entries[-1][0] < entry[0]:
        entries.append(entry)
    else:
        insort(entries, entry)


def _remove(entries: list[_Entry], entry: _Entry) -> None:
    """Remove an entry from a list in order of position."""
    del entries[bisect_left(entries, (entry[0],))]


def _latest(entries: Sequence[_Entry], floor: int, kind: str | None, number: int | None, days: list[Days]) -> _Entry | None:
    """The last of entries in order, at ``floor`` or after, that is the same gathering."""
    for index in range(len(entries) - 1, -1, -1):
        entry = entries[index]
        if entry[0] < floor:
            return None
        if _same(entry[1], kind, number, days):
            return entry
    return None


def _merged_back(first: Sequence[_Entry], second: Sequence[_Entry]) -> Iterator[_Entry]:
    """Two lists of positioned gatherings, each in order, merged from the last position back."""
    i, j = len(first) - 1, len(second) - 1
    while i >= 0 and j >= 0:
        if first[i][0] > second[j][0]:
            yield first[i]
            i -= 1
        else:
            yield second[j]
            j -= 1
    while i >= 0:
        yield first[i]
        i -= 1
    while j >= 0:
        yield second[j]
        j -= 1


def _scheduled(doc: Document, facts: SentenceFacts, days: list[tuple[int, list[Days]]]) -> list[Gathering]:
    """The gatherings of a schedule: each item under a day line that names one, on that day."""
    starts = [start for start, _ in days]
    sentences = doc.sentences_from(starts[0], len(doc.text))
    out: list[Gathering] = []
    for index, sentence in enumerate(sentences):
        day = bisect_right(starts, sentence.start) - 1
        if starts[day] == sentence.start:
            continue  # the day line itself
        item = item_sentence(doc, sentence, sentences[index + 1] if index + 1 < len(sentences) else None)
        found = facts.named(item.start, item.end)
        if found is None or prepared(doc, item.start, item.start + found[1]):
            continue
        number = facts.session_number(item.start, item.end) if found[0] == "session" else None
        out.append(Gathering(found[0], item.start + found[1], [item], days[day][1], None, number, listed=True))
    return out


def _worded(doc: Document, caption: Sentence) -> bool:
    """A caption that says something, not a date or time line (``08:28, 11/07/2024``): a heading."""
    return len(_WORD.findall(doc.text, caption.start, caption.end)) >= _HEADING_WORDS


def _activity(doc: Document, clause: Sentence) -> GatheringWord | None:
    """A round-up entry's activity named without a gathering word (``UBND tỉnh tổ chức biểu dương, tôn vinh
    …``, ``Tỉnh đoàn tổ chức chương trình …``): a gathering of kind ``other``, found at its verb of holding."""
    m = _HOLDING.search(doc.toks.folded, clause.start, clause.end)
    return ("other", m.start() - clause.start) if m else None


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
