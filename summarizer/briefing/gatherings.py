"""What happened: each gathering with its body, days, session and term, chairs, what it was for and what
it decided, all from the record's fields as written.

Decisions are grouped by kind in the order the article gives them. A person's decision reads as the
person and the post (placed like any title: ``Phó Chủ tịch UBND TP`` at a session of HĐND thành phố Hải
Phòng is ``Phó Chủ tịch UBND TP Hải Phòng``); any other reads as its text. A resolution decision that
only counts the resolutions the session passed replaces the count sentence instead of repeating it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from summarizer.language.labels import DECISION_KIND_WORDS, EVENT_KIND_WORDS, SESSION_TYPE_WORDS
from summarizer.language.resolutions import resolution_count
from summarizer.schemas import Decision, Event
from summarizer.text.normalize import match_key

from .highlight import Anchor, Highlighter, NoText
from .people import ArticlePlaces, place_title
from .sources import SourceLabel
from .wording import body_name, date_range, place, roman, term_period

_PUNCTUATION_END = " .;,:"


@dataclass
class DecisionGroup:
    """Decisions of one kind: its Vietnamese words and one phrase per decision."""

    kind: str
    label: str
    items: list[str]


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
    purpose: str | None
    decisions: list[DecisionGroup]
    source: SourceLabel
    anchor: Anchor
    sort_key: tuple


def _decision_phrase(decision: Decision, places: ArticlePlaces) -> str:
    if decision.person:
        post = place_title(decision.post, places).text if decision.post else None
        return f"{decision.person} ({post})" if post else decision.person
    return decision.text.strip(_PUNCTUATION_END)


def decision_groups(decisions: list[Decision], places: ArticlePlaces) -> list[DecisionGroup]:
    """Decisions grouped by kind, kinds in order of first appearance, each decision once."""
    groups: dict[str, DecisionGroup] = {}
    for decision in decisions:
        group = groups.setdefault(decision.kind, DecisionGroup(decision.kind, DECISION_KIND_WORDS[decision.kind], []))
        phrase = _decision_phrase(decision, places)
        if phrase not in group.items:
            group.items.append(phrase)
    return list(groups.values())


def _purpose(event: Event) -> str | None:
    """The purpose as written, unless the gathering's title already says it."""
    if not event.purpose or not event.purpose.strip(_PUNCTUATION_END):
        return None
    if event.title and match_key(event.purpose) in match_key(event.title):
        return None
    return event.purpose.strip(_PUNCTUATION_END)


def _heading(event: Event, body: str | None, source: SourceLabel) -> str | None:
    """The gathering's own heading, unless it is the article's headline, which its source already shows
    (a gathering held by no body keeps it: the heading is what says what it was)."""
    if body and event.title and source.headline and match_key(event.title) == match_key(source.headline):
        return None
    return event.title


def _counted_in_decisions(event: Event) -> bool:
    return event.resolutions_passed is not None and any(
        decision.kind == "resolution" and resolution_count(decision.text) == event.resolutions_passed
        for decision in event.decisions
    )


def gathering_item(
    article_id: str, event: Event, source: SourceLabel, locator: Highlighter | NoText, order: int
) -> Gathering:
    """One gathering as the briefing tells it, located in its article."""
    body = body_name(event.organ, event.level, event.locality)
    number = f"kỳ họp thứ {event.session_number}" if event.session_number else None
    anchor = locator.locate(event.evidence, [event.title, number, body, *event.chairs, event.organ])
    start = event.start_date or event.end_date
    return Gathering(
        article_id=article_id,
        kind=event.kind,
        noun=EVENT_KIND_WORDS[event.kind],
        when=date_range(event.start_date, event.end_date),
        body=body,
        place=place(event.level, event.locality),
        term=roman(event.term) if event.term else None,
        session_number=event.session_number,
        session_type=SESSION_TYPE_WORDS.get(event.session_type or ""),
        term_period=term_period(event.term_period),
        title=_heading(event, body, source),
        chairs=list(event.chairs),
        resolutions=None if _counted_in_decisions(event) else event.resolutions_passed,
        purpose=_purpose(event),
        decisions=decision_groups(event.decisions, ArticlePlaces([event])),
        source=source,
        anchor=anchor,
        sort_key=(start is None, start or dt.date.min, article_id, order),
    )


def event_date(event: Event) -> dt.date | None:
    """The last day a gathering sat (its only known day when one is missing)."""
    return event.end_date or event.start_date
