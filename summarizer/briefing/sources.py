"""How an item names its article: by headline, publisher, publication date and link, as people know it.

The headline is the record's ``headline`` (a page's title, a feed entry's or a JSONL record's
``title``, or what ``batch`` read from a text file's first line); a record without one, whose
article text is at hand, takes the first line of that text when it reads as a headline
(``summarizer.language.headlines``); else the article is named ``bài <id>``. "Bài ngày" is the
publication date only. Links go only to http(s) addresses.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

from summarizer.language.headlines import text_headline
from summarizer.text.cruft import blank_cruft

from .highlight import Segment, element_id
from .wording import day

_MAX_URL = 2000
_UNSAFE_IN_URL = re.compile(r"[\s\x00-\x1f\x7f]")
_MAX_LABEL = 300


@dataclass(frozen=True)
class SourceLabel:
    """What an item shows of its article."""

    article_id: str
    headline: str | None
    publisher: str | None
    url: str | None
    published: str | None

    @property
    def name(self) -> str:
        return self.headline or f"bài {self.article_id}"


def safe_url(value: object) -> str | None:
    """``value`` when it is an http(s) address a link may point to, else None (no ``javascript:``)."""
    if not isinstance(value, str) or not value or len(value) > _MAX_URL or _UNSAFE_IN_URL.search(value):
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    return value if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def markdown_url(url: str) -> str:
    """A safe URL written so that Markdown's link syntax cannot end early (parentheses, brackets encoded)."""
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def _text_field(record: dict, name: str) -> str | None:
    value = record.get(name)
    if not isinstance(value, str) or not value.strip():
        return None
    return " ".join(value.split())[:_MAX_LABEL]


def headline_of(record: dict, text: str | None) -> str | None:
    """The record's headline, else the first line of its article text when that reads as a headline."""
    return _text_field(record, "headline") or (text_headline(blank_cruft(text)) if text else None)


def source_label(record: dict, article_id: str, published: dt.date | None, text: str | None) -> SourceLabel:
    return SourceLabel(
        article_id=article_id,
        headline=headline_of(record, text),
        publisher=_text_field(record, "publisher"),
        url=safe_url(record.get("url")),
        published=day(published) if published else None,
    )


@dataclass
class SourceArticle:
    """An article shown at the end of the HTML briefing, cut into plain and highlighted segments."""

    article_id: str
    source: str | None
    element_id: str
    text: str
    label: SourceLabel
    segments: list[Segment] = field(default_factory=list)


class ElementIds:
    """HTML ids of the source articles, unique even when two inputs share an article id (``a-x``, ``a-x-2``)."""

    def __init__(self) -> None:
        self._used: set[str] = set()

    def new(self, article_id: str) -> str:
        base = element_id(article_id)
        candidate, count = base, 1
        while candidate in self._used:
            count += 1
            candidate = f"{base}-{count}"
        self._used.add(candidate)
        return candidate
