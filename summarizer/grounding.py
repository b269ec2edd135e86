"""Grounding: is what a backend extracted actually in the article, and where?

Shared by the LLM backend (its validators re-ask the model about ungrounded items) and the
evaluation (its grounding rate needs no gold). Matching is by key (tone placement, case and
whitespace folded), and every span found indexes the original text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer.schemas import ArticleExtraction, Span
from summarizer.text.normalize import fold, match_key


class KeyedText:
    """An article folded once, so that many items can be looked up in it cheaply."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)

    def find(self, value: str, start: int = 0) -> Span | None:
        """First occurrence of ``value`` at or after ``start``, as a span of the original text."""
        key = match_key(value)
        if not key:
            return None
        pattern = r"\s+".join(re.escape(part) for part in key.split(" "))
        m = re.compile(pattern).search(self.folded, start)
        if m is None:
            return None
        return Span(start=m.start(), end=m.end(), text=self.text[m.start() : m.end()])

    def contains(self, value: str) -> bool:
        return self.find(value) is not None


@dataclass
class GroundingReport:
    """How many extracted names, titles and directive contents occur in the article, and which do not."""

    found: int = 0
    total: int = 0
    missing: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.found / self.total if self.total else 1.0


def check_grounding(extraction: ArticleExtraction, text: str | KeyedText) -> GroundingReport:
    keyed = text if isinstance(text, KeyedText) else KeyedText(text)
    report = GroundingReport()
    items: list[tuple[str, str]] = []
    for official in extraction.officials:
        items.append(("name", official.name))
        items.extend(("title", title) for title in official.titles)
    items.extend(("content", directive.content) for directive in extraction.directives)
    for kind, value in items:
        report.total += 1
        if keyed.contains(value):
            report.found += 1
        else:
            report.missing.append((kind, value))
    return report
