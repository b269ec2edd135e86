"""The checklist: directives in the order a reader acts on them.

Open directives with a deadline come first, soonest first; then every other directive, newest first
(by its article's publication date, else the last day of its article's gatherings, else its passed
deadline), those with no date at all last. A deadline before the as-of date is marked as passed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from summarizer.schemas import Directive

from .highlight import Anchor, Highlighter, NoText
from .sources import SourceLabel
from .wording import day


@dataclass
class DirectiveItem:
    article_id: str
    issuer: str
    verb: str
    addressees: list[str]
    content: str
    deadline: str | None
    overdue: bool
    held: str | None
    """When the article has no publication date: its gatherings and their days (``kỳ họp ngày 14–15/12/2023``)."""
    source: SourceLabel
    anchor: Anchor
    deadline_date: dt.date | None
    newest: dt.date | None
    order: int


def _content_keys(directive: Directive) -> list[str]:
    content = directive.content.rstrip(" .…")
    if content.endswith("..."):
        content = content[:-3]
    words = content.split()
    return [content, " ".join(words[:8]), " ".join(words[:4])]


def directive_item(
    article_id: str,
    directive: Directive,
    issuer: str,
    *,
    source: SourceLabel,
    held: str | None,
    article_date: dt.date | None,
    as_of: dt.date,
    locator: Highlighter | NoText,
    order: int,
) -> DirectiveItem:
    """One directive as the checklist shows it; ``issuer`` is its issuer with post and place."""
    deadline = directive.deadline
    return DirectiveItem(
        article_id=article_id,
        issuer=issuer,
        verb=directive.verb,
        addressees=list(directive.addressees),
        content=directive.content,
        deadline=day(deadline) if deadline else None,
        overdue=deadline is not None and deadline < as_of,
        held=held,
        source=source,
        anchor=locator.locate(directive.evidence, _content_keys(directive)),
        deadline_date=deadline,
        newest=article_date or deadline,
        order=order,
    )


def checklist(items: list[DirectiveItem]) -> list[DirectiveItem]:
    """Open deadlines soonest first, then the rest newest first; ties keep the input order."""
    open_ = sorted((d for d in items if d.deadline_date and not d.overdue), key=lambda d: (d.deadline_date, d.order))
    rest = [d for d in items if not (d.deadline_date and not d.overdue)]
    rest.sort(key=lambda d: (d.newest is None, -(d.newest.toordinal() if d.newest else 0), d.order))
    return open_ + rest
