"""Events: the gatherings an article reports, one per kỳ họp, phiên họp, hội nghị or other meeting.

A gathering is reported by a sentence that names it and says when it sat (``Sáng 13/12, Kỳ họp thứ
20, HĐND thành phố Bắc Ninh khóa XXII …``); a gathering named without a day (``báo cáo tóm tắt kết quả
kỳ họp HĐND tỉnh``) is only mentioned. Later sentences about the same gathering add its last day, term
and resolutions; a round-up's headings start a new gathering each. Fields the reporting sentence
leaves implicit (the place, the khóa) come from the rest of the article.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from summarizer.schemas import Event, Span
from summarizer.text.normalize import fold
from summarizer.text.numbers import leading_ordinal

from .document import Document
from .names import capital_run_end, name_in_run
from .sentences import Sentence
from .titles import ORGAN_FIRST_WORDS, head_at, level_at, level_name, organ_at
from .tokens import Tokens, any_word
from .vocab import ABBREVIATED_LEVELS, CHAIR_VERBS, PLACE_STOPS, GATHERING_FALSE, GATHERINGS, PARTY_COMMITTEES, PLAN_MARKERS, SESSION_TYPES

_KEYWORDS = [(kind, any_word(words)) for kind, words in GATHERINGS]
_ANY_KEYWORD = any_word(w for _, words in GATHERINGS for w in words)
# Every offset where some gathering word starts (overlapping ones included): a kind's first word is at one.
_KEYWORD_OFFSETS = re.compile(f"(?=(?:{_ANY_KEYWORD.pattern}))")
_FALSE = any_word(GATHERING_FALSE)
_SUBSESSION = any_word(
    ("phiên làm việc", "phiên chất vấn", "phiên khai mạc", "phiên bế mạc", "phiên thảo luận", "phiên họp chiều", "phiên họp sáng")
)
_SESSION_NUMBER = re.compile(
    r"kỳ\s+họp\s+(?:(?:của\s+)?(?:thường\s+trực\s+)?(?:hđnd|hội\s+đồng\s+nhân\s+dân)[^,.;:]{0,40}?\s+)?(?:lần\s+)?thứ\s+"
)
_TERM = any_word(("khóa",), tail=r"\s+")
_PERIOD = re.compile(r"nhiệm\s+kỳ\s+((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)")
_COUNCIL = re.compile(r"(?:hđnd|hội\s+đồng\s+nhân\s+dân)\s+")
_COUNCIL_CONTEXT = re.compile(r"hđnd|hội\s+đồng\s+nhân\s+dân|kỳ\s+họp")
_OTHER_TERM_CONTEXT = re.compile(
    r"đảng\s+bộ|đại\s+hội|ban\s+chấp\s+hành|tỉnh\s+ủy|thành\s+ủy|huyện\s+ủy|ubnd|ủy\s+ban\s+nhân\s+dân"
)
_RESOLUTIONS = re.compile(r"thông\s+qua\s+(?:tổng\s+số\s+|toàn\s+bộ\s+)?(\d{1,3}|[^\W\d_]+(?:\s+[^\W\d_]+)?)\s+(?:dự\s+thảo\s+)?nghị\s+quyết")
_CHAIR = any_word(CHAIR_VERBS)
_ORGAN_STOP = re.compile(r"\s(?:lần|vào|ngày|sáng|chiều|tối|năm|tháng|quý|để|nhằm|tại|do|với|về)\s|[.;:(]")
_SESSION_TYPES = [
    (kind, any_word(words)) for kind, words in SESSION_TYPES
]
_MERGE_DAYS = 3
_PLAN = any_word(PLAN_MARKERS)
# A schedule item: a date, then straight to a lower-case verb (``Ngày 21/6, nghe …``), no subject.
_SCHEDULE_ITEM = re.compile(r"\W*(?:(?:[Tt]ừ\s+)?[Nn]gày\s+)?[\d/\-–. ]+,?\s+(?=[^\W\d_])(?!\w*[A-ZĐ])")
# ``H. Long Mỹ``, ``TP. Vinh``, ``TP Bắc Ninh``, ``TX. Kỳ Anh``, ``Q. Ba Đình``.
_ABBREVIATED_LEVEL = re.compile(r"(?=[HTQX])(?<![^\W\d_])(H|TP|Tp|TX|Q|X(?=\.))(?:\.\s?|\s)(?=[A-ZĐ])")
# ``- Ngày 7.9: …``, ``• Sáng 12/3: …``: a dated entry of a programme or round-up list.
_AGENDA_ITEM = re.compile(
    r"\s*[-–•*+]\s*(?:(?:sáng|chiều|tối|trưa)\s+)?(?:ngày\s+)?\d{1,2}(?:\s*[-–,]\s*\d{1,2})?[./-]\d{1,2}(?:[./-]\d{2,4})?\s*:"
)
_LEVEL_WORD = any_word(("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn"), tail=r" (?=[^\W\d_])")


@dataclass
class _Gathering:
    kind: str | None
    keyword_at: int
    anchors: list[Sentence] = field(default_factory=list)
    dates: list[tuple[dt.date, dt.date]] = field(default_factory=list)
    heading: Sentence | None = None
    session_number: int | None = None


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


@lru_cache(maxsize=4096)
def _keyword(folded_sentence: str) -> tuple[str, int, set[str]] | None:
    """The first gathering word of a sentence (its kind and offset) and every kind the sentence names."""
    first = _ANY_KEYWORD.search(folded_sentence)
    if not first:
        return None
    # Blanking a false phrase creates no gathering word, so none starts before ``first``.
    blanked = _FALSE.sub(_blank, folded_sentence)
    found: list[tuple[int, str]] = []
    missing = list(_KEYWORDS)
    for offset in _KEYWORD_OFFSETS.finditer(blanked, first.start()):
        at = offset.start()
        for entry in [e for e in missing if e[1].match(blanked, at)]:
            found.append((at, entry[0]))
            missing.remove(entry)
        if not missing:
            break
    if not found:
        return None
    found.sort()
    return found[0][1], found[0][0], {k for _, k in found}


def _session_number(doc: Document, start: int, end: int) -> int | None:
    for m in _SESSION_NUMBER.finditer(doc.toks.folded, start, end):
        parsed = leading_ordinal(doc.text[m.end() : m.end() + 20])
        if parsed:
            return parsed[0]
    return None


def find_events(doc: Document, headlines: tuple[str, ...] = ()) -> list[Event]:
    """Every gathering the article reports, in article order.

    ``headlines`` are other texts of the article (its title, its text before cruft was blanked, where
    portals repeat the headline) in which a council's khóa may be written when the body omits it.
    """
    gatherings = _gatherings(doc)
    if not gatherings:
        return []
    context = _ArticleContext(doc, headlines)
    events = [_event(doc, g, gatherings, index, context) for index, g in enumerate(gatherings)]
    headline = _headline(doc) if len(gatherings) == 1 else None
    for g, event in zip(gatherings, events):
        event.title = _label(doc, g.heading) or headline
    return events


_LABEL_MAX = 160
_LABEL_MIN_WORDS = 4
_LABEL_TRIM = " \t-–—•*+:"


def _label(doc: Document, line: Sentence | None) -> str | None:
    """A short line without final punctuation, verbatim, when it names a gathering (``Lãnh đạo tỉnh gặp
    mặt đầu Xuân``); a date line or a byline names none."""
    if line is None or not line.caption:
        return None
    text = doc.text[line.start : line.end].strip(_LABEL_TRIM)
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if len(text) > _LABEL_MAX or len(words) < _LABEL_MIN_WORDS or _keyword(fold(text)) is None:
        return None
    return text


def _headline(doc: Document) -> str | None:
    """The article's headline: its first line, when that line is a label."""
    return _label(doc, doc.sentences[0]) if doc.sentences else None


class _ArticleContext:
    """What every event may borrow from the whole article, worked out once and only when asked for."""

    def __init__(self, doc: Document, headlines: tuple[str, ...]) -> None:
        self._doc = doc
        self._headlines = headlines
        self._places: dict[str, str] | None = None
        self._unit_place: object = _UNSET
        self._council_lines: list[tuple[str, str]] | None = None

    def place(self, level: str) -> str | None:
        if self._places is None:
            self._places = _article_places(self._doc)
        if level in self._places:
            return self._places[level]
        if level == "tỉnh" or self._places:
            return None
        if self._unit_place is _UNSET:
            self._unit_place = _unit_place(self._doc)
        return self._unit_place  # type: ignore[return-value]

    def council_lines(self) -> list[tuple[str, str]]:
        """Lines of the headlines that write a council's khóa, folded (the rest is never searched)."""
        if self._council_lines is None:
            self._council_lines = []
            for headline in self._headlines:
                for line in headline.splitlines():
                    lower = line.lower()
                    if ("hđnd" in lower or "hội đồng nhân dân" in lower) and ("khóa" in lower or "khoá" in lower):
                        self._council_lines.append((fold(line), line))
        return self._council_lines


def _gatherings(doc: Document) -> list[_Gathering]:
    folded = doc.toks.folded
    gatherings: list[_Gathering] = []
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
            entry_dates = _dates_in(doc, sentence, future=True)
            if entry_dates and not _PLAN.search(text):
                for clause in _clauses(sentence, text):
                    found = _keyword(folded[clause.start : clause.end])
                    if found is not None and not _listing(folded[clause.start : clause.end], found):
                        number = _session_number(doc, clause.start, clause.end) if found[0] == "session" else None
                        gatherings.append(_Gathering(found[0], clause.start + found[1], [clause], list(entry_dates), heading, number))
                continue
        dates = _dates_in(doc, sentence)
        keyword = _keyword(text)
        if keyword is None:
            if dates and gatherings and _SUBSESSION.search(text):
                gatherings[-1].dates.extend(dates)
            continue
        kind, offset, kinds = keyword
        if _listing(text, keyword):
            continue
        if _PLAN.search(text, 0, _first_date_offset(doc, sentence, offset)) or (sentence.line == plan_line and _schedule_item(doc, sentence)):
            # ``Ngày 5/6, Thường trực HĐND sẽ ban hành kế hoạch tổ chức kỳ họp``: planned, not reported;
            # the date-led items that follow it in its paragraph belong to the same schedule.
            plan_line = sentence.line
            planned = True
            continue
        if not dates:
            planned = planned or _dated_later(doc, sentence)
            continue
        number = _session_number(doc, sentence.start, sentence.end) if kind == "session" else None
        current = gatherings[-1] if gatherings else None
        fresh = heading is not None and (_opens_with_date(doc, sentence) or _names_kind(doc, heading, kind))
        if current is not None and not fresh and _same(current, kind, number, dates):
            current.anchors.append(sentence)
            current.dates.extend(dates)
            current.session_number = current.session_number or number
            continue
        gatherings.append(_Gathering(kind, sentence.start + offset, [sentence], list(dates), heading, number))
    if not gatherings and not planned:
        # An article that only announces gatherings reports none.
        fallback = _fallback(doc)
        if fallback is not None:
            gatherings.append(fallback)
    return gatherings


def _listing(text: str, keyword: tuple[str, int, set[str]]) -> bool:
    """A round-up's summary that lists gatherings of several kinds (``Gặp mặt đầu Xuân; Kỳ họp …; Phiên
    họp …``): the list opens with a gathering word, unlike a sentence whose subject holds one."""
    kind, offset, kinds = keyword
    return len(kinds) > 1 and ";" in text and not text[:offset].strip(" \t\n\"“'-–•*")


def _first_date_offset(doc: Document, sentence: Sentence, offset: int) -> int:
    """Where a plan marker may stand: before the gathering word, or between it and the first date the
    sentence gives it (``Kỳ họp thứ 11 dự kiến diễn ra ngày 4/12``)."""
    for mention in doc.dates:
        if mention.start >= sentence.start + offset and mention.start < sentence.end:
            return mention.start - sentence.start
    return offset


def _schedule_item(doc: Document, sentence: Sentence) -> bool:
    return _SCHEDULE_ITEM.match(doc.text, sentence.start, sentence.end) is not None


def _fallback(doc: Document) -> _Gathering | None:
    """An article that reports a gathering without saying when: its opening names the gathering (running
    text before headings, which often name the gathering the article only prepares or reports on)."""
    opening = doc.sentences[:6]
    for sentence in [s for s in opening if not s.caption] + [s for s in opening if s.caption]:
        keyword = _keyword(doc.toks.folded[sentence.start : sentence.end])
        if keyword and not _listing(doc.toks.folded[sentence.start : sentence.end], keyword):
            kind, offset, _ = keyword
            number = _session_number(doc, sentence.start, sentence.end) if kind == "session" else None
            return _Gathering(kind, sentence.start + offset, [sentence], [], None, number)
    return None


def _names_kind(doc: Document, heading: Sentence, kind: str) -> bool:
    keyword = _keyword(doc.toks.folded[heading.start : heading.end])
    return keyword is not None and keyword[0] == kind


def _opens_with_date(doc: Document, sentence: Sentence) -> bool:
    return any(sentence.start <= m.start < sentence.start + 25 for m in doc.dates)


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


def _dates_in(doc: Document, sentence: Sentence, *, future: bool = False) -> list[tuple[dt.date, dt.date]]:
    out = []
    for mention in doc.dates:
        if mention.start < sentence.start or mention.end > sentence.end or mention.deadline or mention.cited:
            continue
        if not future and _after_publication(doc, mention):
            return []  # ``Ngày 20/3, HĐND tỉnh tổ chức kỳ họp …`` in an article of 12/3: announced, not reported
        resolved = doc.resolve_date(mention, "past")
        if resolved:
            out.append(_from_first_working_day(doc, mention.end, resolved))
    return out


_WORKING_DAY = re.compile(r"\s*,?\s*(?:là\s+)?ngày\s+làm\s+việc\s+thứ\s+")
_WORKING_DAYS_MAX = 10


def _from_first_working_day(doc: Document, after: int, days: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """``Sáng 01/12, ngày làm việc thứ 2 của kỳ họp``: the gathering opened the day before."""
    m = _WORKING_DAY.match(doc.toks.folded, after)
    parsed = leading_ordinal(doc.text[m.end() : m.end() + 12]) if m else None
    if parsed is None or not 1 < parsed[0] <= _WORKING_DAYS_MAX:
        return days
    return days[0] - dt.timedelta(days=parsed[0] - 1), days[1]


def _dated_later(doc: Document, sentence: Sentence) -> bool:
    return any(sentence.start <= m.start < sentence.end and _after_publication(doc, m) for m in doc.dates)


def _after_publication(doc: Document, mention) -> bool:  # noqa: ANN001 - a DateMention
    """The day falls after the article's date (a day's grace for time zones): a gathering still to come."""
    if doc.published is None:
        return False
    nearest = mention.resolve(doc.published, "nearest")
    return nearest is not None and nearest[0] > doc.published + dt.timedelta(days=1)


def _same(current: _Gathering, kind: str, number: int | None, dates: list[tuple[dt.date, dt.date]]) -> bool:
    """A later reporting sentence about the gathering already open (same kind, number, nearby days)."""
    if current.kind != kind:
        return False
    if number and current.session_number and number != current.session_number:
        return False
    if not current.dates:
        return True
    first = min(d[0] for d in current.dates)
    last = max(d[1] for d in current.dates)
    window = dt.timedelta(days=_MERGE_DAYS)
    return all(first - window <= d[0] and d[1] <= last + window for d in dates)


# --- fields -----------------------------------------------------------------------------------


@dataclass
class _Organ:
    short: str
    level: str | None
    locality: str | None
    token: int
    in_title: bool


def _organs(doc: Document, start: int, end: int) -> list[_Organ]:
    """Councils and Party committees named between two offsets, with their level and place."""
    toks = doc.toks
    title_spans = [(a, b) for a, b in doc.title_spans if b > start and a < end]
    out: list[_Organ] = []
    starts = toks.starts
    candidates = toks.indices(ORGAN_FIRST_WORDS)
    c = bisect_left(candidates, toks.at(start))
    while c < len(candidates) and starts[candidates[c]] < end:
        k = candidates[c]
        found = organ_at(toks, k)
        if found is None:
            c += 1
            continue
        short, after = found
        level: str | None = None
        locality: str | None = None
        for phrase, (name, party_level) in PARTY_COMMITTEES.items():
            if name == short:
                level = party_level
        abbreviated = False
        if level is None and after < toks.n and toks.spaced(after):
            level = level_name(toks, after)
            if level:
                after += level_at(toks, after)
            else:
                # ``HĐND TX. Giá Rai``, ``UBND H. Long Mỹ``: the level abbreviated before the place.
                short_level = _ABBREVIATED_LEVEL.match(doc.text, toks.starts[after])
                if short_level is not None:
                    level = ABBREVIATED_LEVELS[short_level.group(1).lower()]
                    after = toks.at(short_level.end())
                    abbreviated = True
        locality = _place_at(doc, after, abbreviated=abbreviated)
        offset = toks.starts[k]
        in_title = any(a <= offset < b for a, b in title_spans)
        out.append(_Organ(short, level, locality, k, in_title))
        c = bisect_left(candidates, after, c)
    return out


_DATE_WORDS = frozenset({"năm", "tháng", "ngày"})


def _place_at(doc: Document, index: int, *, abbreviated: bool = False) -> str | None:
    """The place name at token ``index`` (``Bắc Ninh``): capitalised words up to a word that cannot be
    a place (``Chủ trì``, ``Khóa XI``), and not a person the article names there (``Chủ tịch UBND
    huyện Nguyễn Văn A``). ``abbreviated``: after ``H.``/``TP.``, where punctuation stands before it."""
    toks = doc.toks
    if index >= toks.n or not toks.name_list[index] or not (abbreviated or toks.spaced(index)):
        return None
    end = capital_run_end(toks, index)
    for k in range(index, end):
        if toks.key_list[k] in _DATE_WORDS and not (k + 1 < toks.n and toks.key_list[k + 1][0].isdigit()):
            continue  # ``Ngã Năm``, a place; ``Năm 2024``, a date
        if toks.key_list[k] in PLACE_STOPS or toks.phrase(k, k + 2) in PLACE_STOPS:
            end = k
            break
    person = name_in_run(toks, index, end) if end > index else None
    if person is not None and toks.starts[person[0]] in doc.name_starts:
        end = person[0]
    if end <= index:
        return None
    return toks.span_text(index, end)


def _article_places(doc: Document) -> dict[str, str]:
    """For each level, the place the article most often names with it (``tỉnh Bắc Kạn``)."""
    toks = doc.toks
    counts: dict[str, Counter[str]] = {}
    first_seen: dict[str, int] = {}
    text = toks.text
    for m in _LEVEL_WORD.finditer(toks.folded):
        if not text[m.end()].isupper():  # the word after the level (a letter starts it) is no name
            continue
        k = toks.at(m.start())
        level = level_name(toks, k)
        if level is None:
            continue
        place = _place_at(doc, k + level_at(toks, k))
        if place:
            counts.setdefault(level, Counter())[place] += 1
            first_seen.setdefault(place, k)
    for m in _ABBREVIATED_LEVEL.finditer(doc.text):
        k = toks.at(m.end())
        place = _place_at(doc, k, abbreviated=True) if k < toks.n and toks.starts[k] == m.end() else None
        if place:
            level = ABBREVIATED_LEVELS[m.group(1).lower()]
            counts.setdefault(level, Counter())[place] += 1
            first_seen.setdefault(place, k)
    return {
        level: max(found, key=lambda p: (found[p], -first_seen[p])) for level, found in counts.items()
    }


_UNSET = object()
# Capitalised words that open names of bodies, events and the nation, never a local place on their own.
_NOT_PLACE_FIRST = frozenset(
    fold(w)
    for w in (
        "Ban|Phòng|Bộ|Sở|Đảng|Tết|Việt|Phó|Chủ|Trung|Quốc|Nhà|Chính|Tổ|Nhân|Ủy|Văn|Hội|Đoàn|Cục|Chi|Tòa|Viện|"
        "Mặt|Công|Trường|Bệnh|Kho|Ngân|Bảo|Thường|Kỳ|Phiên|Hồ|Xuân|Đông|Thu|Hạ|Nguyên|Đại|Nông|Khu|Tuần|Tháng|Năm|Ngày|Quý"
    ).split("|")
)


def _unit_place(doc: Document) -> str | None:
    """A district's name as units and events append it (``Chi nhánh Văn phòng Đăng ký đất đai Điện Bàn``,
    ``Tuần văn hóa du lịch Bắc Sơn``) when the article never writes it after a level word: a run of two
    or three name syllables after a lower-case word, ending its phrase, that is no person and opens with
    no word of a body's name."""
    toks = doc.toks
    counts: Counter[str] = Counter()
    i = 1
    while i < toks.n:
        if not (toks.name_list[i] and not toks.cap_list[i - 1] and toks.spaced(i)):
            i += 1
            continue
        end = capital_run_end(toks, i)
        ends_phrase = end >= toks.n or not toks.spaced(end) or not toks.cap_list[end]
        if (
            2 <= end - i <= 3
            and ends_phrase
            and toks.key_list[i] not in _NOT_PLACE_FIRST
            and toks.starts[i] not in doc.name_starts
            and name_in_run(toks, i, end) is None
        ):
            counts[toks.span_text(i, end)] += 1
        i = end
    return counts.most_common(1)[0][0] if counts else None


_PURPOSE = re.compile(r"\s(?:để|nhằm)\s")
_VENUE = re.compile(r"(?<![^\W\d_])tại\s+(?:hội\s+trường|trụ\s+sở|phòng\s+họp|nhà\s+văn\s+hóa)(?:\s+[^\W\d_]+)?\s+$")
_COOPERATION = re.compile(r"\sphối\s+hợp\s+(?:với|cùng)\s")
_STANDING_BODIES = (("ban", "thường", "vụ"), ("ban", "chấp", "hành"), ("thường", "trực"))
_BODY_WORDS = ("ban", "hội", "ủy", "tổ", "bộ", "sở", "đảng", "văn", "cục", "đoàn")
_OF = re.compile(r"(?<![^\W\d_])của\s+")


def _named_body(doc: Document, offset: int, end: int) -> str | None:
    """A body named with the gathering word: ``cuộc họp Ban Chỉ đạo … lần thứ hai``, ``hội nghị sơ kết
    … của Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh``."""
    toks = doc.toks
    k = toks.at(offset)
    while k < toks.n and toks.starts[k] < end and not toks.cap_list[k] and toks.starts[k] - offset <= 20:
        k += 1
    if not (k < toks.n and toks.starts[k] < end and toks.cap_list[k] and toks.key_list[k] in _BODY_WORDS):
        of = _OF.search(toks.folded, offset, min(end, offset + 100))
        if of is None:
            return None
        k = toks.at(of.end())
        if not (k < toks.n and toks.starts[k] < end and toks.cap_list[k] and toks.key_list[k] in _BODY_WORDS):
            return None
    if organ_at(toks, k) is not None:
        return None
    for standing in _STANDING_BODIES:
        if toks.match(k, standing) and organ_at(toks, k + len(standing)) is not None:
            return None  # ``Ban Thường vụ Tỉnh ủy``: the committee's own gathering, its organ the committee
    rest = doc.text[toks.starts[k] : end]
    stop = _ORGAN_STOP.search(rest)
    body = rest[: stop.start()] if stop else rest
    return body.strip(" ,") or None


_SUBJECT_ADVERBS = frozenset(
    fold(w) for w in ("vừa", "đã", "tiếp tục", "đang", "mới", "cũng", "đột xuất", "khẩn", "tổ chức", "tiến hành")
)


def _subject_body(doc: Document, offset: int, floor: int) -> str | None:
    """The body that ``họp`` (as a verb) has as subject, named just before it: ``…, Ban Chỉ huy phòng
    chống thiên tai và tìm kiếm cứu nạn tỉnh họp`` → that body. Its name may hold a comma (``Ban Chỉ
    đạo phòng, chống …``), so the walk back crosses commas until a body word has been passed.
    Councils, committees and titles are left to ``_organs``."""
    toks = doc.toks
    k = toks.at(offset)
    if k >= toks.n or toks.key_list[k] != "họp" or k == 0:
        return None
    end = k
    while end > 0 and toks.spaced(end):
        if toks.key_list[end - 1] in _SUBJECT_ADVERBS:
            end -= 1
        elif end > 1 and toks.spaced(end - 1) and toks.phrase(end - 2, end) in _SUBJECT_ADVERBS:
            end -= 2  # ``… tỉnh tổ chức họp``
        else:
            break
    start: int | None = None
    j = end - 1
    while j >= 0 and toks.starts[j] >= floor:
        if toks.cap_list[j] and toks.key_list[j] in _BODY_WORDS:
            start = j
        gap = toks.gap(j).strip()
        if j == 0 or "\n" in toks.gap(j) or (gap and gap != ",") or (gap == "," and start is not None):
            break
        j -= 1
    if start is None or any(organ_at(toks, i) or head_at(toks, i) for i in range(start, end)):
        return None
    return toks.span_text(start, end)


def _event(
    doc: Document,
    g: _Gathering,
    all_gatherings: list[_Gathering],
    index: int,
    context: _ArticleContext,
) -> Event:
    anchor = g.anchors[0]
    section_start = 0 if index == 0 else _opening(g)
    section_end = _opening(all_gatherings[index + 1]) if index + 1 < len(all_gatherings) else len(doc.text)
    support = _supporting(doc, g, section_start, section_end)
    texts = [*(s for s in ([g.heading] if g.heading else [])), *g.anchors, *support]

    kind = g.kind or "other"
    organ, level, locality = _organ_fields(doc, g, kind, texts)
    if locality is None and level is not None:
        locality = context.place(level)
    term, period = _term(doc, texts, organ, level, context)
    start = min((d[0] for d in g.dates), default=None)
    end = max((d[1] for d in g.dates), default=None)
    return Event(
        kind=kind,  # type: ignore[arg-type]
        organ=organ,
        level=level,  # type: ignore[arg-type]
        locality=locality,
        session_number=(g.session_number or _first(_session_number(doc, s.start, s.end) for s in texts)) if kind == "session" else None,
        term=term,
        term_period=period,
        session_type=_session_type(doc, texts, kind),  # type: ignore[arg-type]
        start_date=start,
        end_date=end,
        chairs=_chairs(doc, section_start, section_end),
        resolutions_passed=_resolutions(doc, section_start, section_end),
        evidence=Span(start=anchor.start, end=anchor.end, text=doc.text[anchor.start : anchor.end]),
    )


def _opening(g: _Gathering) -> int:
    """Where a gathering's part of the article begins: its heading, else its reporting sentence."""
    return g.heading.start if g.heading is not None else g.anchors[0].start


def _first(values):  # noqa: ANN001, ANN202 - any iterable, its first non-None item
    for value in values:
        if value is not None:
            return value
    return None


def _supporting(doc: Document, g: _Gathering, start: int, end: int) -> list[Sentence]:
    """Other sentences of the section that name the same kind of gathering (a title line, a closing line)."""
    out = []
    for sentence in doc.sentences:
        if sentence.start < start or sentence.start >= end or sentence in g.anchors:
            continue
        keyword = _keyword(doc.toks.folded[sentence.start : sentence.end])
        if keyword is None or keyword[0] != g.kind:
            continue
        if _listing(doc.toks.folded[sentence.start : sentence.end], keyword):
            continue
        number = _session_number(doc, sentence.start, sentence.end) if g.kind == "session" else None
        if number and g.session_number and number != g.session_number:
            continue
        out.append(sentence)
    return out


def _organ_fields(
    doc: Document, g: _Gathering, kind: str, texts: list[Sentence]
) -> tuple[str | None, str | None, str | None]:
    anchor = g.anchors[0]
    if kind == "session":
        councils = [o for s in texts for o in _organs(doc, s.start, s.end) if o.short == "HĐND"]
        councils.sort(key=lambda o: (o.in_title, o.level is None))
        if councils:
            best = councils[0]
            place = best.locality or _first(o.locality for o in councils if o.level == best.level)
            return "HĐND", best.level, place
        return "HĐND", None, None
    # After ``làm việc với`` stands the host, not the body that holds the gathering.
    host_follows = doc.toks.folded.startswith("làm việc với", g.keyword_at)
    body = (None if host_follows else _named_body(doc, g.keyword_at + 1, anchor.end)) or _subject_body(
        doc, g.keyword_at, anchor.start
    )
    if body is not None:
        body_toks = Tokens(body)
        level = None
        for k in range(body_toks.n):
            level = level_name(body_toks, k) or level
        return body, level, None
    organs = [o for o in _organs(doc, anchor.start, anchor.end) if not o.in_title]
    if not organs and g.heading is not None:
        organs = [o for o in _organs(doc, g.heading.start, g.heading.end) if not o.in_title]
    if not organs:
        # ``Đồng chí Bí thư Tỉnh ủy … kiểm tra …``: a leader's gathering sits at the level of their office.
        levels = {o.level for o in _organs(doc, anchor.start, anchor.end) if o.level}
        return None, (levels.pop() if len(levels) == 1 else None), None
    shorts = {o.short for o in organs}
    if len(shorts) > 1:
        # ``cuộc họp thành viên UBND tỉnh để thông qua … trình kỳ họp HĐND tỉnh``: the purpose names
        # other bodies; the gathering's own is named before it.
        purpose = _PURPOSE.search(doc.toks.folded, g.keyword_at, anchor.end)
        if purpose is not None:
            kept = [o for o in organs if doc.toks.starts[o.token] < purpose.start()]
            if kept and len({o.short for o in kept}) == 1:
                organs, shorts = kept, {kept[0].short}
    if len(shorts) > 1:
        # ``tại hội trường UBND xã, HĐND xã … tổ chức họp``: the venue's owner does not hold the gathering.
        hosts = [o for o in organs if not _VENUE.search(doc.toks.folded, max(0, doc.toks.starts[o.token] - 40), doc.toks.starts[o.token])]
        if hosts and len({o.short for o in hosts}) == 1:
            organs, shorts = hosts, {hosts[0].short}
    if len(shorts) > 1 and _COOPERATION.search(doc.toks.folded, doc.toks.starts[organs[0].token], doc.toks.starts[organs[1].token]):
        # ``Thường trực HĐND huyện phối hợp với UBND huyện … tổ chức phiên họp``: the partners are not its holder.
        organs, shorts = organs[:1], {organs[0].short}
    levels = {o.level for o in organs if o.level}
    level = levels.pop() if len(levels) == 1 else None
    if len(shorts) == 1:
        place = _first(o.locality for o in organs)
        return organs[0].short, level, place
    return None, level, None


def _term(
    doc: Document,
    texts: list[Sentence],
    organ: str | None,
    level: str | None,
    context: _ArticleContext,
) -> tuple[int | None, str | None]:
    """The khóa and nhiệm kỳ of the council: from the event's sentences, else wherever the article (or
    its title) writes ``HĐND <level> … khóa …``."""
    if organ != "HĐND":
        return None, None
    term: int | None = None
    period: str | None = None
    for sentence in texts:
        t, p = _term_in(doc.toks.folded, doc.text, sentence.start, sentence.end)
        term = term or t
        period = period or p
    if term is None or period is None:
        sources = [(doc.toks.folded, doc.text), *context.council_lines()]
        for folded, text in sources:
            for m in _COUNCIL.finditer(folded):
                if level and not folded.startswith(level, m.end()):
                    continue
                t, p = _term_in(folded, text, m.start(), min(len(text), m.end() + 120), near_council=True)
                term = term or t
                period = period or p
                if term and period:
                    break
    return term, period


def _term_in(folded: str, text: str, start: int, end: int, *, near_council: bool = False) -> tuple[int | None, str | None]:
    term: int | None = None
    period: str | None = None
    for m in _TERM.finditer(folded, start, end):
        before = folded[max(start, m.start() - 90) : m.start()]
        if not near_council and not _COUNCIL_CONTEXT.search(before):
            continue
        last_council = max((c.end() for c in _COUNCIL_CONTEXT.finditer(before)), default=0)
        if _OTHER_TERM_CONTEXT.search(before[last_council:]):
            continue
        parsed = leading_ordinal(text[m.end() : m.end() + 12])
        if parsed is None:
            continue
        term = parsed[0]
        after = folded[m.end() : m.end() + 40]
        pm = _PERIOD.search(after)
        if pm:
            period = f"{pm.group(1)}-{pm.group(2)}"
        break
    if period is None:
        for pm in _PERIOD.finditer(folded, start, end):
            before = folded[max(start, pm.start() - 90) : pm.start()]
            last_council = max((c.end() for c in _COUNCIL_CONTEXT.finditer(before)), default=-1)
            if last_council >= 0 and not _OTHER_TERM_CONTEXT.search(before[last_council:]):
                period = f"{pm.group(1)}-{pm.group(2)}"
                break
    return term, period


def _session_type(doc: Document, texts: list[Sentence], kind: str) -> str | None:
    """``thường kỳ``, ``chuyên đề``, ``bất thường`` as said of this gathering: for a meeting that prepares a
    session (``thống nhất thời gian tổ chức Kỳ họp thứ 14 (bất thường)``) the type is the session's."""
    for sentence in texts:
        segment = doc.toks.folded[sentence.start : sentence.end]
        for session_type, pattern in _SESSION_TYPES:
            for m in pattern.finditer(segment):
                if kind != "session" and _of_a_session(segment, m.start()):
                    continue
                return session_type
    return None


def _of_a_session(segment: str, offset: int) -> bool:
    """The gathering word nearest before ``offset`` is ``kỳ họp``."""
    last = None
    for m in _ANY_KEYWORD.finditer(segment, 0, offset):
        last = m.group()
    return last is not None and last.split() == ["kỳ", "họp"]


# ``sự chủ trì của``, ``chủ trì bởi``, ``Chủ trì hội nghị có các đồng chí: …``
# ``Chủ trì cuộc họp: ông …`` (the chair after a colon).
_CHAIRED_BY = re.compile(
    r"\s*(?:của\s+|bởi\s+|(?:(?:kỳ\s+họp|hội\s+nghị|phiên\s+họp|cuộc\s+họp|buổi\s+(?:họp|làm\s+việc))\s*)?(?:(?:có|là|gồm)\s+|:\s*)|(?:kỳ\s+họp|hội\s+nghị|phiên\s+họp|cuộc\s+họp)\s+(?=đồng\s+chí|ông|bà))"
)


def _chairs(doc: Document, start: int, end: int) -> list[str]:
    """Names said to chair the gathering: the persons just before ``chủ tọa``/``chủ trì``/``điều hành``
    (``Các đồng chí: … chủ tọa``, ``do đồng chí … chủ trì``, ``… đồng chủ trì``), or after ``sự chủ trì
    của`` (``của các đồng chí: A, …; B, …``)."""
    names: list[str] = []
    first = bisect_left(doc.sentences, start, key=lambda s: s.start)
    for sentence in doc.sentences[first:]:
        if sentence.start >= end:
            break
        if sentence.caption:
            continue
        verbs = list(_CHAIR.finditer(doc.toks.folded, sentence.start, sentence.end))
        if not verbs:
            continue
        in_sentence = [x for x in doc.mentions if sentence.start <= x.start < sentence.end and x.kind != "pronoun"]
        for m in verbs:
            before = [x for x in in_sentence if x.end <= m.start()]
            chairs: list = []
            if before and doc.toks.folded[before[-1].end : m.start()].strip(" )") in ("", "đồng", "cùng"):
                chairs = before
            else:
                by = _CHAIRED_BY.match(doc.toks.folded, m.end())
                after = [x for x in in_sentence if by and x.start >= by.end()]
                if by and after and _adjacent(doc, by.end(), after[0].start):
                    chairs = [after[0]]
                    for nxt in after[1:]:
                        if not _joined(doc, chairs[-1].end, nxt.start):
                            break
                        chairs.append(nxt)
            for mention in chairs:
                name = doc.resolve(mention, mention.start)
                if name and name not in names:
                    names.append(name)
        if names:
            break
    return names


def _adjacent(doc: Document, end: int, start: int) -> bool:
    """Only ``đồng chí``/``ông``/``bà`` stand between ``end`` and ``start``."""
    between = doc.toks.folded[end:start].strip(" :")
    return between in ("", "đồng chí", "ông", "bà", "các đồng chí")


def _joined(doc: Document, end: int, start: int) -> bool:
    """Two mentions listed together: ``…, đồng chí Y`` / ``… và đồng chí Y``."""
    between = doc.toks.folded[end:start].strip(" ,;")
    for joiner in ("và", ""):
        rest = between[len(joiner) :].strip() if between.startswith(joiner) else None
        if rest is not None and rest in ("", "đồng chí", "ông", "bà"):
            return True
    return False


def _resolutions(doc: Document, start: int, end: int) -> int | None:
    for m in _RESOLUTIONS.finditer(doc.toks.folded, start, end):
        before = doc.toks.folded[max(start, m.start() - 12) : m.start()]
        if any(marker in before for marker in PLAN_MARKERS):
            continue  # ``dự kiến thông qua 15 dự thảo nghị quyết``: still to be passed
        raw = doc.text[m.start(1) : m.end(1)]
        if raw.isdigit():
            return int(raw)
        parsed = leading_ordinal(raw)
        if parsed:
            return parsed[0]
    return None
