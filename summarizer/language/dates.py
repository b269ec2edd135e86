"""Day-level date mentions in Vietnamese news, with their offsets, and the article's own date.

News writes most dates without a year (``Sáng 13/12``, ``từ 3/2 - 7/2/2025``, ``ngày 12 và sáng ngày
13/12``); the year comes from the article's date header, else from a nearby date that states one.
Slashes also write fractions (``1/3 nhóm nhiệm vụ``, ``16/18 chỉ tiêu``), months (``tháng 5/2020``) and
document numbers (``Nghị quyết số 35/2021/QH15``), so a bare ``d/m`` counts only after a word that
introduces a date (``ngày``, ``sáng``, ``từ``, ``trước`` …) or when it carries a year.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Literal, NamedTuple

from summarizer.language.calendar import (
    AT_TIME,
    DATE_PREPOSITIONS,
    DAY,
    DEADLINE_PHRASES,
    END_OF_DAY,
    FROM,
    ISSUED,
    MONTH,
    NIGHT,
    NUMBER,
    PART_OF_DAY,
    DEICTIC_DAYS,
    PUBLISHED_LABELS,
    QUARTER,
    SUNDAY,
    SUNDAY_SHORT,
    TIMES_OF_DAY,
    TODAY,
    UNTIL,
    WEEKDAY,
    WEEKDAY_NUMBERS,
    WINDOW_PHRASES,
    YEAR,
)
from summarizer.language.function_words import AND
from summarizer.language.anchored import holds_match, search_near
from summarizer.language.patterns import spaced

Prefer = Literal["past", "future", "nearest"]

_D = r"(?P<{}>[0-3]?\d)"
_M = r"(?P<{}>[01]?\d)(?!\d)"
_Y = r"(?P<{}>(?:19|20)\d\d)(?!\d)"
_DASH = r"\s*[-–—]\s*"
# ``Chiều19/5``: a time-of-day word glued to the date by a typing slip still introduces it.
_NOT_BEFORE = r"(?:(?<![\d/.,\w-])" + "".join(f"|(?<={word})" for word in (*TIMES_OF_DAY, DAY)) + ")"
# A year followed by ``/QH15`` or ``-NQ`` on its line belongs to a document number.
_NOT_DOCUMENT = r"(?! ?[/-] ?[^\W\d_])(?!/\d)"


def _dm(prefix: str) -> str:
    return rf"{_D.format(prefix + 'd')}/{_M.format(prefix + 'm')}"


def _opt_year(prefix: str, sep: str = "/") -> str:
    return rf"(?:{sep}{_Y.format(prefix + 'y')})?"


_UNTIL = "|".join(UNTIL)
_TIME_OF_DAY = "|".join(TIMES_OF_DAY)
# Days before the one that carries the month: ``14-15``, ``12 và 13``, ``16 đến ngày 17``, ``14, 15 và 16``.
_EARLIER_DAYS = (
    rf"{_D.format('ad')}(?:\s*,\s*[0-3]?\d)*"
    rf"(?:{_DASH}|\s*,?\s+(?:{AND}|{_UNTIL})\s+(?:(?:{_TIME_OF_DAY})\s+)?(?:{DAY}\s+)?)"
)
_PATTERNS = [
    # 3/2 - 7/2/2025, 6/1/1946-6/1/2026, từ 3/2 đến 7/2/2025, từ ngày 01/12/2025 - ngày 02/12/2025
    ("range", rf"{_dm('a')}{_opt_year('a')}(?:{_DASH}(?:{DAY}\s+)?|\s+(?:{_UNTIL})\s+(?:{DAY}\s+)?){_dm('b')}{_opt_year('b')}"),
    # 14-15/12/2023, 17 – 18/12/2020, 12 và 13/12, các ngày 14, 15 và 16/10
    ("days", rf"{_EARLIER_DAYS}{_dm('b')}{_opt_year('b')}"),
    # ngày 12 và sáng ngày 13/12 (a day, then the day that carries the month)
    ("days", rf"{_D.format('ad')}\s+(?:{AND}|,)\s+(?:{PART_OF_DAY}\s+)?(?:{_TIME_OF_DAY})\s+(?:{DAY}\s+)?{_dm('b')}{_opt_year('b')}"),
    # từ ngày 16 đến ngày 17 tháng 11 năm 2023, ngày 15 và 16 tháng 10
    ("words", rf"{_EARLIER_DAYS}{_D.format('bd')}\s+{MONTH}\s+{_M.format('bm')}(?:\s*(?:{YEAR}|,)\s*{_Y.format('by')})?"),
    # Ngày 15 và 16.10, từ ngày 6 đến 7-11 (the month after a dash or a dot, as some portals write)
    ("dashed", rf"{_EARLIER_DAYS}{_D.format('bd')}[-.]{_M.format('bm')}(?![-/.,]?\d)"),
    # từ 25 - 26.12.2019, 14-15-3-2024 (days before one written with dots or dashes and a year)
    ("days", rf"{_EARLIER_DAYS}{_D.format('bd')}(?P<sep>[-.]){_M.format('bm')}(?P=sep){_Y.format('by')}"),
    # 13/12, 12/03/2024
    ("single", rf"{_dm('a')}{_opt_year('a')}"),
    # 12-3-2024, 12.3.2024 (the year is required, or these are ranges and decimals)
    ("single", rf"{_D.format('ad')}(?P<sep>[-.]){_M.format('am')}(?P=sep){_Y.format('ay')}"),
    # Sáng 15-3, Chiều 12.5 (a dash or a dot between day and month, as some portals write; a time word
    # is required)
    ("dashed", rf"{_D.format('ad')}[-.]{_M.format('am')}(?![-/.,]?\d)"),
    # 14.10-20.10, từ 6.5 đến 8.5 (a span of dotted days)
    ("dashed", rf"{_D.format('ad')}\.{_M.format('am')}(?:{_DASH}|\s+(?:{_UNTIL})\s+(?:{DAY}\s+)?){_D.format('bd')}\.{_M.format('bm')}(?![-/.,]?\d)"),
    # ngày 13 tháng 12 (năm 2024)
    ("words", rf"{_D.format('ad')}\s+{MONTH}\s+{_M.format('am')}(?:\s*(?:{YEAR}|,)\s*{_Y.format('ay')})?"),
]
# One alternation (longest forms first), each form's groups renamed apart: one pass over the text.
_MENTION = re.compile(
    r"(?=\d)"
    + _NOT_BEFORE
    + "(?:"
    + "|".join(f"(?P<k{i}>" + re.sub(r"\(\?P<(\w+)>", rf"(?P<\g<1>{i}>", p).replace("(?P=sep)", f"(?P=sep{i})") + ")"
               for i, (_, p) in enumerate(_PATTERNS))
    + ")"
    + _NOT_DOCUMENT,
    re.IGNORECASE,
)
# For each form (by the name of its group in ``_MENTION``), its kind and its groups' names with their names
# in ``_MENTION`` (``ad`` is ``ad3`` in the fourth form).
_FORMS = {
    f"k{i}": (kind, [(name[: -len(str(i))], name) for name in _MENTION.groupindex if name.endswith(str(i)) and not name.startswith("k")])
    for i, (kind, _) in enumerate(_PATTERNS)
}
_BEFORE = 40
"""Characters before a date that are read to tell what it is."""

def _backwards(words: Iterable[str]) -> str:
    """Words as a pattern for text read backwards: each reversed, any whitespace between its syllables."""
    return "|".join(spaced(word[::-1]) for word in words)


# What stands before a date decides what it is. Each test below reads the 40 characters before the date
# backwards (``before[::-1]``), so that it is one attempt at the date's side instead of one at every
# position of the window; the forward form of each is given in its comment.
#
# A bare d/m is a date after a time of day, ngày/hôm, a preposition of time, a weekday or "(", with ``qua``
# (yesterday) or ``nay`` between them and the date: ``(?:\b(?:ngày|hôm|sáng|…|từ|đến|…|thứ\s+(?:hai|…|bảy|[2-7])|chủ\s+nhật)|\()(?:\s+(?:qua|nay))?\s*,?\s*$``.
_CUE = re.compile(
    rf"\s*,?\s*(?:(?:{_backwards(DEICTIC_DAYS)})\s+)?(?:(?:{_backwards((DAY, TODAY, *TIMES_OF_DAY, *NIGHT, *DATE_PREPOSITIONS))}"
    rf"|(?:{_backwards(WEEKDAY_NUMBERS)}|[2-7])\s+{WEEKDAY[::-1]}|{_backwards((SUNDAY,))})\b|\()",
    re.IGNORECASE,
)
# A day-month with a dash or a dot only after a time word: ``\b(?:ngày|hôm|sáng|chiều|tối|trưa|đêm)(?:\s+(?:qua|nay))?\s*$``.
_TIME_CUE = re.compile(rf"\s*(?:(?:{_backwards(DEICTIC_DAYS)})\s+)?(?:{_backwards((DAY, TODAY, *TIMES_OF_DAY, NIGHT[0]))})\b", re.IGNORECASE)
# ``ngày 13 tháng 12`` only after ``ngày``: ``\bngày\s*$``.
_WORD_CUE = re.compile(rf"\s*(?:{_backwards((DAY,))})\b", re.IGNORECASE)
# After a month, a number or a year word the slash is no date (``tháng 5/2020``): ``\b(?:tháng|số|năm|quý)\s*$``.
_MONTH_BEFORE = re.compile(rf"\s*(?:{_backwards((MONTH, NUMBER, YEAR, QUARTER))})\b", re.IGNORECASE)
# A deadline: ``(?:\btrước|\bchậm\s+nhất(?:\s+là)?|…)\s+(?:(?:ngày|hết\s+ngày)\s+)?$``.
_DEADLINE = re.compile(
    rf"(?:\s+(?:{_backwards((DAY, END_OF_DAY))}))?\s+(?:{_backwards(DEADLINE_PHRASES)})\b",
    re.IGNORECASE,
)
# A window: ``(?:\btrong\s+khoảng|\bkhoảng|…)\s+(?:từ\s+)?(?:ngày\s+)?$``.
_WINDOW = re.compile(
    rf"(?:\s+{_backwards((DAY,))})?(?:\s+{_backwards((FROM,))})?\s+(?:{_backwards(WINDOW_PHRASES)})\b",
    re.IGNORECASE,
)
# A document number (``số 25/2021/NQ-HĐND``, ``Quyết định 12/QĐ-UBND``, ``Chỉ thị số 05-CT/TW``) right
# before ``ngày``: ``(?:\d+/(?:\d{2,4}/)?[A-ZĐ][\w.&-]*|\d+ ?- ?[A-ZĐ][A-ZĐ\d.&/-]*)\s*[,(]?\s*(?:ban\s+hành\s+)?(?:ngày\s*)?$``.
_CITATION = re.compile(
    rf"(?:\s*{_backwards((DAY,))})?(?:\s+{_backwards((ISSUED,))})?\s*[,(]?\s*"
    r"(?:[\w.&-]*[A-ZĐ](?:/\d{2,4})?/\d+|[A-ZĐ\d.&/-]*[A-ZĐ] ?- ?\d+)"
)


class DateMention(NamedTuple):
    """A date or a span of days as written; the year may be unknown until resolved."""

    start: int
    end: int
    text: str
    day: int
    month: int
    year: int | None
    end_day: int
    end_month: int
    end_year: int | None
    deadline: bool = False
    cited: bool = False
    """The date of a cited document (``Nghị quyết số 25/2021/NQ-HĐND ngày 30/12/2021``): it dates the
    document, not what the article reports, and says nothing of the article's year."""
    window: bool = False
    """A window a gathering falls in (``trong khoảng từ ngày 28/6 đến 06/7``), not the days it sits."""

    @property
    def explicit(self) -> bool:
        return self.year is not None or self.end_year is not None

    def resolve(
        self, reference: dt.date | None, prefer: Prefer = "nearest", *, year: int | None = None
    ) -> tuple[dt.date, dt.date] | None:
        """First and last day, years taken from the mention, else placed next to ``reference``, else in
        ``year`` (a year the article states elsewhere)."""
        return _days(self.day, self.month, self.year, self.end_day, self.end_month, self.end_year, reference, prefer, year)


@lru_cache(maxsize=4096)
def _days(
    day: int,
    month: int,
    year: int | None,
    end_day: int,
    end_month: int,
    end_year: int | None,
    reference: dt.date | None,
    prefer: Prefer,
    stated: int | None,
) -> tuple[dt.date, dt.date] | None:
    """``DateMention.resolve`` of a mention of these days (worked out once per calendar question)."""
    last_year = end_year if end_year is not None else year
    if last_year is not None:
        end = _safe_date(last_year, end_month, end_day)
    elif reference is None and stated is not None:
        end = _safe_date(stated, end_month, end_day)
    else:
        end = resolve_day(end_day, end_month, reference, prefer)
    if end is None:
        return None
    if year is not None:
        start = _safe_date(year, month, day)
    else:
        start_year = end.year - 1 if (month, day) > (end_month, end_day) else end.year
        start = _safe_date(start_year, month, day)
    if start is None or start > end:
        return None
    return start, end


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=4096)
def resolve_day(day: int, month: int, reference: dt.date | None, prefer: Prefer = "nearest") -> dt.date | None:
    """The year of a ``day/month`` next to ``reference``: an article of 2025-01-03 means 2024 by ``30/12``.

    ``past`` suits what an article reports (at most a week after it), ``future`` suits deadlines (at
    most a week before it), ``nearest`` anything else.
    """
    if reference is None:
        return None
    candidates = [d for d in (_safe_date(reference.year + k, month, day) for k in (-1, 0, 1)) if d]
    if not candidates:
        return None
    week = dt.timedelta(days=7)
    if prefer == "past":
        eligible = [d for d in candidates if d <= reference + week]
        if eligible:
            return max(eligible)
    elif prefer == "future":
        eligible = [d for d in candidates if d >= reference - week]
        if eligible:
            return min(eligible)
    return min(candidates, key=lambda d: (abs((d - reference).days), d))


def _valid(day: int, month: int) -> bool:
    return 1 <= day <= 31 and 1 <= month <= 12


def find_dates(text: str) -> list[DateMention]:
    """Every day-level date mention in ``text``, in order, with offsets into ``text``."""
    found: list[DateMention] = []
    for match in _MENTION.finditer(text):
        kind, names = _FORMS[match.lastgroup]  # type: ignore[index]
        groups = {name: value for name, group in names if (value := match.group(group)) is not None}
        start = match.start()
        backwards = text[max(0, start - _BEFORE) : start][::-1]
        if _MONTH_BEFORE.match(backwards):
            continue
        day, month = int(groups["ad"]), int(groups.get("am", groups.get("bm", "0")))
        year = int(groups["ay"]) if "ay" in groups else None
        if "bd" in groups:
            # A span: its last day's month (and year) also the first's when only the last carries them.
            end_day, end_month = int(groups["bd"]), int(groups["bm"])
            end_year = int(groups["by"]) if "by" in groups else None
        else:
            end_day, end_month, end_year = day, month, year
        if not (_valid(day, month) and _valid(end_day, end_month)):
            continue
        explicit = year is not None or end_year is not None
        if kind == "words":
            if not (explicit or _WORD_CUE.match(backwards)):
                continue
        elif kind == "dashed":
            if not _TIME_CUE.match(backwards):
                continue
        elif not explicit and not _CUE.match(backwards):
            continue
        found.append(
            DateMention(
                start,
                match.end(),
                match.group(),
                day,
                month,
                year,
                end_day,
                end_month,
                end_year,
                _DEADLINE.match(backwards) is not None,
                _CITATION.match(backwards) is not None,
                _WINDOW.match(backwards) is not None,
            )
        )
    return found


# ``năm 2024``, ``tháng 7/2022``, and a year-month stamp (``2023-12``) such as portals print over an article.
# Each form opens with a literal (a year or month word, or the century), and only then looks behind it: the scan
# passes over every other position at once.
_YEAR = re.compile(
    rf"(?:(?:{YEAR[0]})(?<![^\W\d_].){YEAR[1:]}\s+|(?:{MONTH[0]})(?<![^\W\d_].){MONTH[1:]}\s+[01]?\d\s*/\s*)"
    r"((?:19|20)\d\d)(?!\d)(?!\s*[-–—]\s*\d)"
    r"|((?:19|20)\d\d)(?<![\d/.-]....)-(?:0[1-9]|1[0-2])(?![\d/.-])",
    re.IGNORECASE,
)


def find_years(text: str) -> list[tuple[int, int]]:
    """``năm 2024`` mentions as (offset, year): the years an article states without a full date."""
    return [(m.start(), int(m.group(1) or m.group(2))) for m in _YEAR.finditer(text)]


# A year written on its own (not inside a date, a document number or a span of years).
_SPAN_BEFORE = re.compile(r"\d\s*[-–—]\s*$")
_UNSET = object()
_BARE_YEAR = re.compile(r"(?<![\d/.\-–])(?:19|20)\d\d(?![\d/\-–]|\.\d|\s*[-–—]\s*\d)")


class YearResolver:
    """How one article's dates get their years, each looked up by offset in logarithmic time: the article's
    date header; else the nearest mention that writes its year (a cited document's date aside); else, for a
    date without one, the nearest year the article states (``năm 2024``), or the one year it writes bare.
    Built once per article."""

    def __init__(self, text: str, mentions: Sequence[DateMention], published: dt.date | None) -> None:
        self._text = text
        self._published = published
        dated = [m for m in mentions if m.explicit and not m.cited] if published is None else []
        self._dated_starts = [m.start for m in dated]
        self._dated_days = [m.resolve(None) for m in dated]
        self._years: tuple[list[int], list[int]] | None = None
        self._lone: object = _UNSET

    def reference(self, offset: int) -> dt.date | None:
        """What a year-less date at ``offset`` is read against: the date header, else the nearest dated
        mention (the earlier on a tie)."""
        if self._published is not None:
            return self._published
        if not self._dated_starts:
            return None
        index = _nearest(self._dated_starts, offset, lambda i: 0)
        days = self._dated_days[index] if index is not None else None
        return days[0] if days else None

    def stated_year(self, offset: int) -> int | None:
        """The year stated closest to ``offset`` (the later one on a tie)."""
        if self._years is None:
            found = find_years(self._text)
            self._years = ([start for start, _ in found], [year for _, year in found])
        starts, years = self._years
        if not starts:
            return None
        index = _nearest(starts, offset, lambda i: -years[i])
        return years[index] if index is not None else None

    def _lone_year(self) -> int | None:
        """The one year an article writes bare, when it writes no other (``Khai mạc Festival Chí Linh - Hải
        Dương 2023`` in a week's round-up with no date header): its year-less days are in that year."""
        if self._lone is _UNSET:
            text = self._text
            found = {int(m.group()) for m in _BARE_YEAR.finditer(text) if not _SPAN_BEFORE.search(text, max(0, m.start() - 8), m.start())}
            self._lone = found.pop() if len(found) == 1 else None
        return self._lone  # type: ignore[return-value]

    def resolve(self, mention: DateMention, prefer: Prefer) -> tuple[dt.date, dt.date] | None:
        """A mention's first and last day (see the class docstring for where their year comes from)."""
        reference = self.reference(mention.start)
        year = (self.stated_year(mention.start) or self._lone_year()) if reference is None and not mention.explicit else None
        if self._published is None:
            prefer = "nearest"  # another dated mention is no "now": what it dates may come before or after
        return mention.resolve(reference, prefer, year=year)


def _nearest(starts: list[int], offset: int, tie: Callable[[int], int]) -> int | None:
    """Index of the start closest to ``offset`` in the sorted, distinct ``starts``; on a tie between the one
    before and the one after, the one with the smaller ``tie(index)``, else the earlier."""
    after = bisect_left(starts, offset)
    candidates = [i for i in (after - 1, after) if 0 <= i < len(starts)]
    if not candidates:
        return None
    return min(candidates, key=lambda i: (abs(starts[i] - offset), tie(i), starts[i]))


# --- the article's date header ------------------------------------------------------------------

_ISO_HEADER = re.compile(r"(?<!\d)((?:19|20)\d\d)-([01]\d)-([0-3]\d)(?!\d)")
# A store's ``date 2024-10-02`` prefix opens a line of any length (the article's first sentence may follow it).
_ISO_OPENING = re.compile(r"^[^\w\n]*(?:[^\W\d_]+\s+)?(?=(?:19|20)\d\d-)")
_DMY = r"(?<![\d/])([0-3]?\d)[/.-]([01]?\d)[/.-]((?:19|20)\d\d)(?!\d)"
_TIME = r"\d{1,2}[:h]\d{2}(?::\d{2})?"
_WEEKDAY = rf"(?:{WEEKDAY}\s+(?:{'|'.join(WEEKDAY_NUMBERS)}|2|3|4|5|6|7)|{spaced(SUNDAY)}|{SUNDAY_SHORT})"
_LABEL = "(?:" + "|".join(spaced(label) for label in PUBLISHED_LABELS) + ")"
_DMY_HEADERS = [
    re.compile(rf"{_DMY}\s*[,|-]?\s*(?:{AT_TIME}\s*)?{_TIME}", re.IGNORECASE),
    re.compile(rf"{_WEEKDAY}\s*[,|-]?\s*(?:{DAY}\s*)?{_DMY}", re.IGNORECASE),
    re.compile(rf"{_TIME}\s*(?:\(GMT\+7\))?\s*[,|-]?\s*(?:{_WEEKDAY}\s*[,|-]?\s*)?{_DMY}", re.IGNORECASE),
    re.compile(rf"^\W*(?:{_LABEL}\s*:?\s*)?{_DMY}\W*$", re.IGNORECASE),
    # A section label, then the date (``Chính trị 13-05-2022``)
    re.compile(rf"^[^\W\d_]+(?:\s+[^\W\d_]+){{0,3}}\s*[|:-]?\s+{_DMY}\W*$", re.IGNORECASE),
]
# Every header pattern holds a day/month/year: a field without one is passed over with a single scan,
# and a field without a separator before a year of 19xx or 20xx (``/2024``, ``.2024``, ``-2024``) holds none.
_HAS_DMY = re.compile(_DMY)
_BEFORE_YEAR = tuple(separator + century for separator in "/.-" for century in ("19", "20"))
_HEADER_LINES = 6


def _holds_dmy(field: str) -> bool:
    """``_HAS_DMY.search(field)`` found something, sought only around each separator and century (``/20``):
    a match's second separator stands 2 to 5 characters after its start and 5 before its end (its year)."""
    return holds_match(_HAS_DMY, field, _BEFORE_YEAR, 5, 2)


def _header_search(pattern: re.Pattern[str], field: str) -> re.Match[str] | None:
    """``pattern.search(field)``; the header that opens with its day/month/year is tried only where one can
    start, 3 to 5 characters before a separator and century (``12/3/2024``)."""
    if pattern is _DMY_HEADERS[0]:
        return search_near(pattern, field, _BEFORE_YEAR, 3, 5)
    return pattern.search(field)


def find_published(text: str) -> dt.date | None:
    """The date in the article's header (``2024-12-13 16:31:27``, ``Thứ Ba, 12/03/2024 18:58``, a lone
    ``07/02/2025`` line among the first lines); None when the article shows none."""
    seen = 0
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        seen += 1
        if seen > _HEADER_LINES:
            break
        if len(stripped) <= 120 or _ISO_OPENING.match(stripped):
            iso = _ISO_HEADER.search(stripped)
            if iso:
                value = _safe_date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
                if value:
                    return value
        # ``Ngày đăng bài: 17/10/2019 | Tác giả: …``: a header line of fields, each read on its own.
        for field in (stripped, *stripped.split("|")) if "|" in stripped else (stripped,):
            if not any(mark in field for mark in _BEFORE_YEAR) or not _holds_dmy(field):
                continue
            for pattern in _DMY_HEADERS:
                match = _header_search(pattern, field.strip())
                if match:
                    day, month, year = (int(g) for g in match.groups()[-3:])
                    value = _safe_date(year, month, day)
                    if value:
                        return value
    return None
