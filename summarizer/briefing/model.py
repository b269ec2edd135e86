"""The briefing as data: gatherings by locality and date, directives, officials, failures, sources.

Everything a template shows is decided here from the extracted fields, and only what is known is
kept (a gathering with no date has no date phrase, never a guessed one). Wording is the templates'
job; this module only formats single values (dates, Roman numerals, a body's full name) and finds,
for each item, the sentence of its source article to highlight.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import ValidationError

from summarizer.pipeline.records import is_error_record
from summarizer.schemas import ArticleExtraction, Directive, Event
from summarizer.text.normalize import match_key

from .highlight import Anchor, Highlighter, Segment, SourceArticle, NoText, element_id

UNKNOWN_LOCALITY = "Chưa rõ địa phương"
SESSION_TYPE_WORDS = {"regular": "thường lệ", "thematic": "chuyên đề", "extraordinary": "bất thường"}
KIND_NOUNS = {"session": "kỳ họp", "meeting": "cuộc họp", "conference": "hội nghị", "other": "hoạt động"}
# A body named by a short form takes its level and place after it (HĐND thành phố Bắc Ninh); a Party
# committee already names its level (Tỉnh ủy Bắc Kạn); a long name is complete as written.
_SHORT_ORGAN_WORDS = 4
_PARTY_COMMITTEE = re.compile(r"(?:^|\s)[^\s]*\s*[uủ]y$")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


@dataclass
class Entry:
    """One record to brief on, with its article's text when it could be had.

    ``spans_trusted`` says whether the record's evidence offsets index ``text`` (the text is the
    very one extracted from); when it is False, items are located by key instead.
    """

    record: dict
    text: str | None = None
    spans_trusted: bool = False


# --- formatting single values ------------------------------------------------------------------


def roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def day(date: dt.date) -> str:
    return f"{date:%d/%m/%Y}"


def date_range(start: dt.date | None, end: dt.date | None) -> str | None:
    """``Ngày 12–13/12/2024``, ``Ngày 30/11–02/12/2024``, ``Ngày 31/12/2024–02/01/2025``."""
    start = start or end
    end = end or start
    if start is None or end is None:
        return None
    if start == end:
        return f"Ngày {day(start)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"Ngày {start:%d}–{day(end)}"
    if start.year == end.year:
        return f"Ngày {start:%d/%m}–{day(end)}"
    return f"Ngày {day(start)}–{day(end)}"


def place(level: str | None, locality: str | None) -> str | None:
    return " ".join(part for part in (level, locality) if part) or None


def body_name(organ: str | None, level: str | None, locality: str | None) -> str | None:
    """The body's name as a reader needs it: ``HĐND`` → ``HĐND thành phố Bắc Ninh``."""
    if not organ:
        return None
    key = match_key(organ)
    if len(key.split()) > _SHORT_ORGAN_WORDS or (locality and match_key(locality) in key):
        return organ
    if _PARTY_COMMITTEE.search(key):
        return " ".join(part for part in (organ, locality) if part)
    return " ".join(part for part in (organ, level, locality) if part)


def name_order(text: str) -> tuple[str, str]:
    """Alphabetical order a Vietnamese reader expects: accents second, Đ after D."""
    key = match_key(text)
    base = "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))
    return base.replace("đ", "d{"), key


def term_period(value: str | None) -> str | None:
    return value.replace("-", "–") if value else None


# --- the briefing ------------------------------------------------------------------------------


@dataclass
class Gathering:
    article_id: str
    kind: str
    noun: str
    when: str | None
    body: str | None
    place: str | None
    term: str | None
    session_number: int | None
    session_type: str | None
    term_period: str | None
    title: str | None
    chairs: list[str]
    resolutions: int | None
    anchor: Anchor
    sort_key: tuple


@dataclass
class LocalityGroup:
    name: str
    gatherings: list[Gathering]


@dataclass
class DirectiveItem:
    article_id: str
    issuer: str
    verb: str
    addressees: list[str]
    content: str
    deadline: str | None
    article_date: str | None
    anchor: Anchor
    sort_key: tuple


@dataclass
class OfficialItem:
    name: str
    titles: list[str]
    article_ids: list[str]
    anchor: Anchor


@dataclass
class Failure:
    article_id: str | None
    source: str | None
    kind: str
    message: str


@dataclass
class Briefing:
    localities: list[LocalityGroup]
    directives: list[DirectiveItem]
    officials: list[OfficialItem]
    failures: list[Failure]
    articles: list[SourceArticle]
    article_count: int
    first_date: str | None
    last_date: str | None

    @property
    def gathering_count(self) -> int:
        return sum(len(group.gatherings) for group in self.localities)


def _gathering(article_id: str, event: Event, locator: Highlighter | NoText, order: int) -> Gathering:
    body = body_name(event.organ, event.level, event.locality)
    number = f"kỳ họp thứ {event.session_number}" if event.session_number else None
    anchor = locator.locate(event.evidence, [event.title, number, body, *event.chairs, event.organ])
    start = event.start_date or event.end_date
    return Gathering(
        article_id=article_id,
        kind=event.kind,
        noun=KIND_NOUNS[event.kind],
        when=date_range(event.start_date, event.end_date),
        body=body,
        place=place(event.level, event.locality),
        term=roman(event.term) if event.term else None,
        session_number=event.session_number,
        session_type=SESSION_TYPE_WORDS.get(event.session_type or ""),
        term_period=term_period(event.term_period),
        title=event.title,
        chairs=list(event.chairs),
        resolutions=event.resolutions_passed,
        anchor=anchor,
        sort_key=(start is None, start or dt.date.min, article_id, order),
    )


def _content_keys(directive: Directive) -> list[str]:
    content = directive.content.rstrip(" .…")
    if content.endswith("..."):
        content = content[:-3]
    words = content.split()
    return [content, " ".join(words[:8]), " ".join(words[:4])]


def _directive(
    article_id: str, directive: Directive, article_date: dt.date | None, locator: Highlighter | NoText, order: int
) -> DirectiveItem:
    deadline = directive.deadline
    return DirectiveItem(
        article_id=article_id,
        issuer=directive.issuer,
        verb=directive.verb,
        addressees=list(directive.addressees),
        content=directive.content,
        deadline=day(deadline) if deadline else None,
        article_date=day(article_date) if article_date else None,
        anchor=locator.locate(directive.evidence, _content_keys(directive)),
        sort_key=(
            deadline is None,
            deadline or dt.date.min,
            article_date is None,
            article_date or dt.date.min,
            article_id,
            order,
        ),
    )


def _article_date(extraction: ArticleExtraction) -> dt.date | None:
    dates = [event.start_date or event.end_date for event in extraction.events]
    known = [date for date in dates if date]
    return extraction.published or (min(known) if known else None)


def _failure(record: dict, kind: str | None = None, message: str | None = None) -> Failure:
    error = record.get("error") or {}
    return Failure(
        article_id=record.get("article_id"),
        source=record.get("source"),
        kind=kind or str(error.get("kind", "error")),
        message=message or str(error.get("message", "")),
    )


def build_briefing(entries: Iterable[Entry]) -> Briefing:
    """Gather every entry's events, directives and officials into the briefing's sections."""
    by_locality: dict[str, LocalityGroup] = {}
    directives: list[DirectiveItem] = []
    officials: dict[str, OfficialItem] = {}
    failures: list[Failure] = []
    articles: list[SourceArticle] = []
    dates: list[dt.date] = []
    count = 0
    highlighters: list[tuple[SourceArticle, Highlighter]] = []

    for number, entry in enumerate(entries, start=1):
        count += 1
        if is_error_record(entry.record):
            failures.append(_failure(entry.record))
            continue
        try:
            extraction = ArticleExtraction.model_validate(entry.record)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            failures.append(_failure(entry.record, "malformed_record", f"{where}: {first['msg']}"))
            continue
        article_id = extraction.article_id or entry.record.get("source") or f"bài {number}"
        locator: Highlighter | NoText = NoText()
        if entry.text is not None:
            source = SourceArticle(article_id, entry.record.get("source"), element_id(article_id), entry.text)
            locator = Highlighter(source.element_id, entry.text, entry.spans_trusted)
            highlighters.append((source, locator))
        article_date = _article_date(extraction)
        dates.extend(d for d in (extraction.published, article_date) if d)

        for order, event in enumerate(extraction.events):
            gathering = _gathering(article_id, event, locator, order)
            key = match_key(event.locality) if event.locality else ""
            group = by_locality.setdefault(key, LocalityGroup(event.locality or UNKNOWN_LOCALITY, []))
            group.gatherings.append(gathering)
            dates.extend(d for d in (event.start_date, event.end_date) if d)
        for order, directive in enumerate(extraction.directives):
            directives.append(_directive(article_id, directive, article_date, locator, order))
        for official in extraction.officials:
            key = match_key(official.name)
            item = officials.get(key)
            if item is None:
                anchor = locator.locate(official.name_evidence, [official.name])
                item = officials[key] = OfficialItem(official.name, [], [], anchor)
            known = {match_key(title) for title in item.titles}
            for title in official.titles:
                if match_key(title) not in known:
                    known.add(match_key(title))
                    item.titles.append(title)
            if article_id not in item.article_ids:
                item.article_ids.append(article_id)

    for source, highlighter in highlighters:
        source.segments = highlighter.segments()
        articles.append(source)
    for group in by_locality.values():
        group.gatherings.sort(key=lambda g: g.sort_key)
    localities = sorted(by_locality.items(), key=lambda kv: (kv[0] == "", name_order(kv[0])))
    return Briefing(
        localities=[group for _, group in localities],
        directives=sorted(directives, key=lambda d: d.sort_key),
        officials=sorted(officials.values(), key=lambda o: name_order(o.name)),
        failures=failures,
        articles=sorted(articles, key=lambda a: a.article_id),
        article_count=count,
        first_date=day(min(dates)) if dates else None,
        last_date=day(max(dates)) if dates else None,
    )
