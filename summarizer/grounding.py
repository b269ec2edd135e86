"""Grounding: is what a backend extracted actually in the article, and where?

Shared by the LLM backend (its validators re-ask the model about ungrounded items) and the
evaluation (its grounding rate needs no gold). Matching is by key (tone placement, case and
whitespace folded), and every span found indexes the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer.language.calendar import DAY, MONTH
from summarizer.language.numerals import ORDINAL, number_words, to_roman
from summarizer.schemas import ArticleExtraction, Span
from summarizer.text.normalize import fold, key_pattern


class KeyedText:
    """An article folded once, so that many items can be looked up in it cheaply."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)

    def find(self, value: str, start: int = 0) -> Span | None:
        """First occurrence of ``value`` at or after ``start``, as a span of the original text."""
        pattern = key_pattern(value)
        m = pattern.search(self.folded, start) if pattern else None
        if m is None:
            return None
        return Span(start=m.start(), end=m.end(), text=self.text[m.start() : m.end()])

    def contains(self, value: str) -> bool:
        return self.find(value) is not None


# What the grounding rate counts, as a reader is told.
GROUNDED_ITEMS = "names, titles, contents, purposes and decisions"


@dataclass
class GroundingReport:
    """How many extracted names, titles, directive contents, purposes and decisions (text, person,
    post) occur in the article, and which do not."""

    found: int = 0
    total: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.found / self.total if self.total else 1.0


def grounded_items(extraction: ArticleExtraction) -> list[tuple[str, str]]:
    """Every value that must be the article's own text, as (kind, value): official names and titles,
    directive contents, and each event's purpose and decisions (text, person, post)."""
    items: list[tuple[str, str]] = []
    for official in extraction.officials:
        items.append(("name", official.name))
        items.extend(("title", title) for title in official.titles)
    items.extend(("content", directive.content) for directive in extraction.directives)
    for event in extraction.events:
        if event.purpose:
            items.append(("purpose", event.purpose))
        for decision in event.decisions:
            items.append(("decision", decision.text))
            items.extend((kind, value) for kind, value in (("person", decision.person), ("post", decision.post)) if value)
    return items


def check_grounding(extraction: ArticleExtraction, text: str | KeyedText) -> GroundingReport:
    """Which of ``grounded_items`` occur in the article, by key (tone placement, case and spacing folded)."""
    keyed = text if isinstance(text, KeyedText) else KeyedText(text)
    report = GroundingReport()
    items = grounded_items(extraction)
    for kind, value in items:
        report.total += 1
        if keyed.contains(value):
            report.found += 1
        else:
            report.missing.append((kind, value))
    return report


# Plausibility of numbers and dates: a value the model reports must be written in the article in
# some form (a numeral, a Roman numeral, a Vietnamese number word: every spelling the rules read),
# though not necessarily next to the item it belongs to.


def number_occurs(text: KeyedText, n: int, *, ordinal: bool = False) -> bool:
    """Is ``n`` written in the article: as a numeral (02 counts for 2), a Roman numeral, or in words
    (after ``thứ`` when it is an ordinal)?"""
    if re.search(rf"(?<!\d)0*{n}(?!\d)", text.text):
        return True
    if 0 < n < 90 and re.search(rf"(?<![A-Za-z]){to_roman(n)}(?![A-Za-z])", text.text):
        return True
    for words in number_words(n, ordinal=ordinal):
        phrase = f"{ORDINAL} {words}" if ordinal else words
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text.folded):
            return True
    return False


def length_occurs(text: KeyedText, days: int) -> bool:
    """Does the article state a length of ``days`` days (``diễn ra trong 2 ngày``, ``02 ngày``, ``hai ngày``)?
    Such a length with the first day written dates the last one (LABELING.md)."""
    written = [rf"0*{days}", *(re.escape(words) for words in number_words(days))]
    return re.search(rf"(?<![\w,.])(?:{'|'.join(written)})\s+{DAY}(?!\w)", text.folded) is not None


def years_in(text: KeyedText) -> set[int]:
    return {int(y) for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", text.text)}


def date_occurs(text: KeyedText, day: int, month: int, year: int, *, known_years: set[int] | None = None) -> bool:
    """Does the article support this date? Its day is written somewhere, its month is written as a
    month (``/12``, ``-12``, ``26.12``, ``tháng 12``), and its year is one the article (or its date header) names, or a
    year next to one (a December article about January)."""
    if not re.search(rf"(?<!\d)0?{day}(?!\d)", text.text):
        return False
    if not re.search(rf"(?:/|-|(?<=\d)\.|{MONTH}\s+)0?{month}(?!\d)", text.folded):
        return False
    years = years_in(text) | (known_years or set())
    return not years or any(abs(year - y) <= 1 for y in years)
