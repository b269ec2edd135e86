"""What the event rules ask of each sentence (or clause) of one article, worked out once per span: the
gathering word it names and the number of the session it names. A sentence is asked by the search for
gatherings, by each event's supporting sentences and by its fields alike."""

from __future__ import annotations

from .document import Document
from .gathering_words import GatheringWord, gathering_word, listing
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
