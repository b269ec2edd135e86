"""What the event rules ask of each sentence (or clause) of one article, worked out once per span: the
gathering word it names and the number of the session it names. A sentence is asked by the search for
gatherings, by each event's supporting sentences and by its fields alike."""

from __future__ import annotations

from bisect import bisect_left

from .document import Document
from .gathering_words import GatheringWord, gathering_word, listing
from .sentences import Sentence
from .sessions import session_number


class SentenceFacts:
    """Facts of the spans of one article, each worked out on first asking."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._folded = doc.toks.folded
        self._words: dict[tuple[int, int], GatheringWord | None] = {}
        self._numbers: dict[tuple[int, int], int | None] = {}

    def gathering(self, start: int, end: int) -> GatheringWord | None:
        """The gathering word of the span between two offsets (see ``gathering_words.gathering_word``)."""
        key = (start, end)
        if key not in self._words:
            self._words[key] = gathering_word(self._folded[start:end])
        return self._words[key]

    def named(self, start: int, end: int) -> GatheringWord | None:
        """The gathering word of the span, unless the span lists gatherings rather than reports one."""
        word = self.gathering(start, end)
        return None if word is None or listing(self._folded[start:end], word) else word

    def session_number(self, start: int, end: int) -> int | None:
        """The number of the session the span names (see ``sessions.session_number``)."""
        key = (start, end)
        if key not in self._numbers:
            self._numbers[key] = session_number(self._doc, start, end)
        return self._numbers[key]


def section_and_claimed(doc: Document, claimed: dict[int, int], index: int, start: int, end: int) -> list[Sentence]:
    """The sentences that start between two offsets and, outside them, those ``claimed`` (sentence start →
    gathering index) gives gathering ``index``, in article order: the only sentences that can be a gathering's
    own (``events._own_ranges``). The claims are grouped by gathering once per article."""
    memo = doc.memo.get(section_and_claimed)
    if memo is None or memo[0] is not claimed:
        starts = doc._sentence_starts
        grouped: dict[int, list[int]] = {}
        for sentence_start, owner in claimed.items():
            position = bisect_left(starts, sentence_start)
            if position < len(starts) and starts[position] == sentence_start:
                grouped.setdefault(owner, []).append(position)
        memo = doc.memo[section_and_claimed] = (claimed, grouped)
    starts = doc._sentence_starts
    low, high = bisect_left(starts, start), bisect_left(starts, end)
    positions = [p for p in memo[1].get(index, ()) if not low <= p < high]
    if not positions:
        return doc.sentences[low:high]
    return [doc.sentences[p] for p in sorted({*range(low, high), *positions})]
