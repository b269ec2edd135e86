"""Finding each briefing item's sentence in its article, and cutting the text into marked segments.

Mark ids come from the article's element id and the sentence's offset (``a-000_3d92…-o1234``; the
element id takes ``-2``, ``-3`` … when two inputs share an article id, ``sources.ElementIds``), so the
same inputs give the same page.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.grounding import KeyedText
from summarizer.schemas import Span

_SENTENCE_END = re.compile(r"[.!?…](?=\s)|\n")
_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")


def element_id(article_id: str) -> str:
    """An HTML id for an article: its id with unsafe characters replaced, plus a short hash when any were."""
    safe = _UNSAFE.sub("-", article_id).strip("-")
    if safe != article_id or not safe:
        safe = f"{safe}-{hashlib.sha256(article_id.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
    return f"a-{safe}"


class Anchor:
    """The id of the highlighted sentence an item links to; filled in once all sentences are known."""

    def __init__(self) -> None:
        self.id: str | None = None


@dataclass
class Segment:
    text: str
    mark: str | None = None


class Highlighter:
    """Finds each item's sentence in one article and cuts the text into plain and marked segments."""

    def __init__(self, prefix: str, text: str, spans_trusted: bool) -> None:
        """``prefix`` is the article's element id; marks are ``PREFIX-oOFFSET``."""
        self.prefix = prefix
        self.text = text
        self.spans_trusted = spans_trusted
        self.keyed = KeyedText(text)
        self._ranges: list[tuple[tuple[int, int], Anchor]] = []

    def _span_ok(self, span: Span | None) -> bool:
        return (
            span is not None
            and self.spans_trusted
            and span.end <= len(self.text)
            and self.text[span.start : span.end] == span.text
        )

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The sentence (or line) around ``start``..``end``, without its surrounding spaces."""
        head = 0
        for m in _SENTENCE_END.finditer(self.text, 0, start):
            head = m.end()
        tail_match = _SENTENCE_END.search(self.text, max(end - 1, start))
        tail = len(self.text) if tail_match is None else tail_match.end()
        while head < tail and self.text[head].isspace():
            head += 1
        while tail > head and self.text[tail - 1].isspace():
            tail -= 1
        return head, max(tail, end)

    def locate(self, span: Span | None, keys: Iterable[str | None]) -> Anchor:
        """An anchor at the sentence holding ``span`` (when it can be trusted) or the first key found."""
        anchor = Anchor()
        found = span if self._span_ok(span) else None
        if found is None:
            for key in keys:
                if key and (found := self.keyed.find(key)) is not None:
                    break
        if found is not None:
            self._ranges.append((self.sentence(found.start, found.end), anchor))
        return anchor

    def segments(self) -> list[Segment]:
        """Cut the text at the marked sentences (overlapping ones merged) and give anchors their ids."""
        out: list[Segment] = []
        position = 0
        merged: list[tuple[int, int, list[Anchor]]] = []
        for (start, end), anchor in sorted(self._ranges, key=lambda item: item[0]):
            if merged and start < merged[-1][1]:
                last = merged[-1]
                merged[-1] = (last[0], max(last[1], end), last[2] + [anchor])
            else:
                merged.append((start, end, [anchor]))
        for start, end, anchors in merged:
            mark = f"{self.prefix}-o{start}"
            for anchor in anchors:
                anchor.id = mark
            if start > position:
                out.append(Segment(self.text[position:start]))
            out.append(Segment(self.text[start:end], mark))
            position = end
        if position < len(self.text):
            out.append(Segment(self.text[position:]))
        return out


class NoText:
    """Stands in for a Highlighter when the article's text is not available: nothing is linked."""

    def locate(self, span: Span | None, keys: Iterable[str | None]) -> Anchor:
        return Anchor()
