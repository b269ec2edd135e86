"""Gathering words in a sentence: the first one and its kind (``kỳ họp`` a session, ``phiên họp`` a meeting,
``hội nghị`` a conference, ``gặp mặt`` another gathering), once phrases that hold such a word without
naming a gathering (``hội trường``, ``lần thứ``) are set aside."""

from __future__ import annotations

import re

from summarizer.language.gatherings import GATHERING_FALSE, GATHERINGS, ROUND_UP_SUMMARY
from summarizer.language.patterns import any_word

_KINDS = [(kind, any_word(words)) for kind, words in GATHERINGS]
_ANY = any_word(w for _, words in GATHERINGS for w in words)
# For every gathering word, the kind it opens with: the first in alphabetical order among the kinds of the
# gathering words it begins with (itself included: ``hội nghị giao ban`` begins with ``hội nghị``).
_KIND_OF = {
    word: min(kind for kind, words in GATHERINGS for other in words if (word + " ").startswith(other + " "))
    for _, words in GATHERINGS
    for word in words
}
_FALSE = any_word(GATHERING_FALSE)
_LIST_MARKS = " \t\n\"“'-–•*"
_SUMMARY = any_word(ROUND_UP_SUMMARY)

GatheringWord = tuple[str, int]
"""The kind of a sentence's first gathering word and its offset."""


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _blanked(folded_sentence: str) -> str:
    """The sentence with the phrases that hold a gathering word without naming a gathering blanked out."""
    return _FALSE.sub(_blank, folded_sentence)


def gathering_word(folded_sentence: str) -> GatheringWord | None:
    """The first gathering word of a folded sentence: its kind and offset. Where words of two kinds start
    together (``hội nghị giao ban``), the kind first in alphabetical order is the word's."""
    first = _ANY.search(folded_sentence)
    if not first:
        return None
    at = first.start()
    found = first
    if any(f.start() < first.end() and at < f.end() for f in _FALSE.finditer(folded_sentence)):
        # A false phrase over the first word (``hội trường``, ``lần thứ``): the first word is sought again
        # once false phrases are blanked; blanking creates no gathering word, so none starts before ``at``.
        sentence = _blanked(folded_sentence)
        found = _ANY.search(sentence, at)
        if not found:
            return None
        at = found.start()
    else:
        # No false phrase touches the first word: blanking the others would leave it, and its end, as they are.
        sentence = folded_sentence
    # The words of every kind that match here begin the longest one, which the union found.
    return _KIND_OF[" ".join(sentence[at : found.end()].split())], at


def _kinds(folded_sentence: str) -> set[str]:
    """Every kind of gathering the sentence names."""
    blanked = _blanked(folded_sentence)
    return {kind for kind, pattern in _KINDS if pattern.search(blanked)}


def listing(folded_sentence: str, word: GatheringWord) -> bool:
    """A round-up's summary that lists gatherings of several kinds (``Gặp mặt đầu Xuân; Kỳ họp …; Phiên
    họp …``): the list opens with a gathering word, unlike a sentence whose subject holds one; or one that says
    it sums up the week (``… là những sự kiện trong tuần``)."""
    _, offset = word
    if _SUMMARY.search(folded_sentence):
        return True  # ``… là những sự kiện trong tuần``: the summary over a round-up's entries
    return ";" in folded_sentence and not folded_sentence[:offset].strip(_LIST_MARKS) and len(_kinds(folded_sentence)) > 1


def last_gathering_word(folded: str, offset: int) -> list[str]:
    """The syllables of the last gathering word before ``offset`` (empty when there is none)."""
    last = None
    for m in _ANY.finditer(folded, 0, offset):
        last = m.group()
    return last.split() if last is not None else []
