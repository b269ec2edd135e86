"""Long articles: split on paragraph boundaries under a token budget, extract each part, merge.

Nothing is ever cut off: a paragraph longer than the budget is split between sentences, and a
sentence longer than the budget between words. Every chunk is a contiguous slice of the article,
so its offsets are the article's offsets plus the chunk's start.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from summarizer.schemas import ArticleExtraction, Directive, Event, Official
from summarizer.text.normalize import match_key

_PARAGRAPH = re.compile(r"[^\n]+")
_SENTENCE = re.compile(r".+?(?:[.!?…;]+(?=\s)|$)", re.S)
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Chunk:
    index: int
    start: int
    end: int
    text: str


def _pieces(text: str, start: int, end: int, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [(start + m.start(), start + m.end()) for m in pattern.finditer(text[start:end]) if m.group().strip()]


def _units(text: str, budget: int, count: Callable[[str], int]) -> list[tuple[int, int, int]]:
    """(start, end, tokens) of paragraphs, each split further until it fits the budget."""
    out: list[tuple[int, int, int]] = []
    for start, end in _pieces(text, 0, len(text), _PARAGRAPH):
        stack = [(start, end, 0)]
        while stack:
            s, e, level = stack.pop(0)
            tokens = count(text[s:e])
            if tokens <= budget or level == 2:
                out.append((s, e, tokens))
                continue
            pattern = _SENTENCE if level == 0 else _WORD
            parts = _pieces(text, s, e, pattern)
            if len(parts) <= 1 and level == 0:
                parts = _pieces(text, s, e, _WORD)
                level = 1
            stack[:0] = [(ps, pe, level + 1) for ps, pe in parts]
    return out


def chunk_text(text: str, budget: int, count: Callable[[str], int]) -> list[Chunk]:
    """The article as one chunk when it fits ``budget`` tokens, else as consecutive chunks that do."""
    if count(text) <= budget:
        return [Chunk(0, 0, len(text), text)]
    chunks: list[Chunk] = []
    first = last = None
    used = 0
    for start, end, tokens in _units(text, budget, count):
        if first is not None and used + tokens + 1 > budget:
            chunks.append(Chunk(len(chunks), first, last, text[first:last]))  # type: ignore[arg-type]
            first, used = None, 0
        if first is None:
            first = start
        last = end
        used += tokens + 1
    if first is not None:
        chunks.append(Chunk(len(chunks), first, last, text[first:last]))  # type: ignore[arg-type]
    return chunks


def _union(values: list[str], more: list[str]) -> list[str]:
    seen = {match_key(v) for v in values}
    out = list(values)
    for value in more:
        if match_key(value) not in seen:
            seen.add(match_key(value))
            out.append(value)
    return out


def _merge_event(into: Event, other: Event) -> Event:
    updates: dict[str, object] = {
        name: getattr(other, name)
        for name in Event.model_fields
        if getattr(into, name) in (None, []) and getattr(other, name) not in (None, [])
    }
    updates["chairs"] = _union(into.chairs, other.chairs)
    known = {(d.kind, match_key(d.text)) for d in into.decisions}
    updates["decisions"] = [*into.decisions, *(d for d in other.decisions if (d.kind, match_key(d.text)) not in known)]
    if other.end_date and into.end_date and other.end_date > into.end_date:
        updates["end_date"] = other.end_date
    return into.model_copy(update=updates)


def merge_extractions(parts: list[ArticleExtraction]) -> ArticleExtraction:
    """One extraction from the chunks' extractions: officials by name (titles merged), events by
    (kind, organ, start date) (chairs and decisions merged), directives without duplicates; article
    order kept."""
    officials: dict[str, Official] = {}
    events: dict[tuple, Event] = {}
    directives: dict[tuple, Directive] = {}
    published = next((p.published for p in parts if p.published), None)
    for part in parts:
        for official in part.officials:
            key = match_key(official.name)
            if key in officials:
                known = officials[key]
                officials[key] = known.model_copy(update={"titles": _union(known.titles, official.titles)})
            else:
                officials[key] = official
        for event in part.events:
            key = (event.kind, match_key(event.organ or ""), event.start_date)
            events[key] = _merge_event(events[key], event) if key in events else event
        for directive in part.directives:
            key = (match_key(directive.issuer), match_key(directive.verb), match_key(directive.content))
            directives.setdefault(key, directive)
    return ArticleExtraction(
        published=published,
        events=list(events.values()),
        officials=list(officials.values()),
        directives=list(directives.values()),
    )
