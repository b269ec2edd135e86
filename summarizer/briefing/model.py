"""The briefing as data: gatherings by locality and date, the checklist of directives, who is who,
failures and source articles.

Everything a template shows is decided here and in the modules beside it (``gatherings``, ``people``,
``checklist``, ``sources``), from the extracted fields, and only what is known is kept (a gathering
with no date has no date phrase, never a guessed one). Wording is the templates' job.

``--since`` keeps the gatherings that sat on or after the date (an undated one when its article was
published on or after it) with the directives and officials of their articles, and the articles with
no gathering that were published on or after it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import ValidationError

from summarizer.language.labels import EVENT_KIND_WORDS
from summarizer.pipeline.records import is_error_record
from summarizer.schemas import ArticleExtraction, Event
from summarizer.text.normalize import match_key

from .checklist import DirectiveItem, checklist, directive_item
from .gatherings import Gathering, event_date, gathering_item
from .highlight import Highlighter, NoText
from .people import ArticlePlaces, Mention, OfficialItem, WhoIsWho, issuer_with_post, titles_by_name
from .sources import ElementIds, SourceArticle, SourceLabel, source_label
from .wording import date_range, day, name_order

UNKNOWN_LOCALITY = "Chưa rõ địa phương"


@dataclass
class Entry:
    """One record to brief on, with its article's text when it could be had.

    ``spans_trusted`` says whether the record's evidence offsets index ``text`` (the text is the
    very one extracted from); when it is False, items are located by key instead.
    """

    record: dict
    text: str | None = None
    spans_trusted: bool = False


@dataclass(frozen=True)
class BriefingOptions:
    """``since``: only gatherings from this day on; ``as_of``: the day deadlines are checked against."""

    since: dt.date | None = None
    as_of: dt.date = field(default_factory=dt.date.today)


@dataclass
class LocalityGroup:
    name: str
    gatherings: list[Gathering]


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
    """Articles structured and briefed (the failures are counted apart, ``failures``)."""
    first_date: str | None
    last_date: str | None
    as_of: str
    since: str | None = None
    left_out: int = 0
    undated: int = 0
    """With ``since``: articles left out because nothing in them is dated."""

    @property
    def gathering_count(self) -> int:
        return sum(len(group.gatherings) for group in self.localities)

    @property
    def overdue_count(self) -> int:
        return sum(1 for d in self.directives if d.overdue)


def _failure(record: dict, kind: str | None = None, message: str | None = None) -> Failure:
    error = record.get("error") or {}
    return Failure(
        article_id=record.get("article_id"),
        source=record.get("source"),
        kind=kind or str(error.get("kind", "error")),
        message=message or str(error.get("message", "")),
    )


def recent_events(extraction: ArticleExtraction, since: dt.date | None) -> list[Event] | None:
    """The article's gatherings on or after ``since`` (all without it); None when the article is left out."""
    if since is None:
        return list(extraction.events)
    published_recently = extraction.published is not None and extraction.published >= since
    kept = [
        event
        for event in extraction.events
        if (event_date(event) >= since if event_date(event) else published_recently)
    ]
    if kept or (not extraction.events and published_recently):
        return kept
    return None


def _held(extraction: ArticleExtraction) -> str | None:
    """The article's dated gatherings as ``kỳ họp ngày …``, said with directives of an undated article."""
    phrases: list[str] = []
    for event in extraction.events:
        when = date_range(event.start_date, event.end_date)
        if when:
            phrase = f"{EVENT_KIND_WORDS[event.kind]} {when[0].lower()}{when[1:]}"
            if phrase not in phrases:
                phrases.append(phrase)
    return "; ".join(phrases) or None


class _Builder:
    """Gathers every entry's items into the briefing's sections."""

    def __init__(self, options: BriefingOptions) -> None:
        self.options = options
        self.by_locality: dict[str, LocalityGroup] = {}
        self.directives: list[DirectiveItem] = []
        self.people = WhoIsWho()
        self.failures: list[Failure] = []
        self.highlighters: list[tuple[SourceArticle, Highlighter]] = []
        self.ids = ElementIds()
        self.dates: list[dt.date] = []
        self.count = 0
        self.left_out = 0
        self.undated = 0

    def add(self, number: int, entry: Entry) -> None:
        if is_error_record(entry.record):
            self.failures.append(_failure(entry.record))
            return
        try:
            extraction = ArticleExtraction.model_validate(entry.record)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            self.failures.append(_failure(entry.record, "malformed_record", f"{where}: {first['msg']}"))
            return
        events = recent_events(extraction, self.options.since)
        if events is None:
            if extraction.published is None and not any(event_date(e) for e in extraction.events):
                self.undated += 1  # no date anywhere: not known to be before ``since``, left out all the same
            else:
                self.left_out += 1
            return
        self.count += 1
        article_id = extraction.article_id or entry.record.get("source") or str(number)
        source = source_label(entry.record, article_id, extraction.published, entry.text)
        locator: Highlighter | NoText = NoText()
        if entry.text is not None:
            article = SourceArticle(article_id, entry.record.get("source"), self.ids.new(article_id), entry.text, source)
            locator = Highlighter(article.element_id, entry.text, entry.spans_trusted)
            self.highlighters.append((article, locator))
        self._add_items(number, extraction, events, source, locator)

    def _add_items(
        self,
        number: int,
        extraction: ArticleExtraction,
        events: list[Event],
        source: SourceLabel,
        locator: Highlighter | NoText,
    ) -> None:
        article_id = source.article_id
        places = ArticlePlaces(extraction.events)
        for order, event in enumerate(events):
            key = match_key(event.locality) if event.locality else ""
            group = self.by_locality.setdefault(key, LocalityGroup(event.locality or UNKNOWN_LOCALITY, []))
            group.gatherings.append(gathering_item(article_id, event, source, locator, order))
            self.dates.extend(d for d in (event.start_date, event.end_date) if d)
        if extraction.published:
            self.dates.append(extraction.published)
        people = []
        for official in extraction.officials:
            anchor = locator.locate(official.name_evidence, [official.name])
            people.append((official.name, self.people.add(official, places, Mention(number, source, anchor))))
        by_name = titles_by_name(people)
        known = [d for d in (event_date(event) for event in extraction.events) if d]
        article_date = extraction.published or (max(known) if known else None)
        held = None if extraction.published else _held(extraction)
        for directive in extraction.directives:
            self.directives.append(
                directive_item(
                    article_id,
                    directive,
                    issuer_with_post(directive.issuer, by_name, places),
                    source=source,
                    held=held,
                    article_date=article_date,
                    as_of=self.options.as_of,
                    locator=locator,
                    order=len(self.directives),
                )
            )

    def briefing(self) -> Briefing:
        articles = []
        for article, highlighter in self.highlighters:
            article.segments = highlighter.segments()
            articles.append(article)
        for group in self.by_locality.values():
            group.gatherings.sort(key=lambda g: g.sort_key)
        localities = sorted(self.by_locality.items(), key=lambda kv: (kv[0] == "", name_order(kv[0])))
        return Briefing(
            localities=[group for _, group in localities],
            directives=checklist(self.directives),
            officials=self.people.entries(),
            failures=self.failures,
            articles=sorted(articles, key=lambda a: a.article_id),
            article_count=self.count,
            first_date=day(min(self.dates)) if self.dates else None,
            last_date=day(max(self.dates)) if self.dates else None,
            as_of=day(self.options.as_of),
            since=day(self.options.since) if self.options.since else None,
            left_out=self.left_out,
            undated=self.undated,
        )


def build_briefing(entries: Iterable[Entry], options: BriefingOptions | None = None) -> Briefing:
    """Gather every entry's gatherings, directives and officials into the briefing's sections."""
    builder = _Builder(options or BriefingOptions())
    for number, entry in enumerate(entries, start=1):
        builder.add(number, entry)
    return builder.briefing()
