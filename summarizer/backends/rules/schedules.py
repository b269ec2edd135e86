"""Schedules (``Lịch công tác``, ``Lịch làm việc``): a week's days, each on a line of its own (``Thứ 2`` /
``14/7``, ``THỨ HAI (09/02/2026):``), with the items of that day under it, often one table cell a line
(``(8h30) Hội nghị Thường trực`` / ``Tỉnh ủy`` / ``P. họp TV`` / ``Chủ tịch, Các Phó Chủ tịch liên quan``).

An article is a schedule when its opening names one and it gives a day line, or when it gives two day lines.
Each item that names a gathering is one, on its day (LABELING.md, "Round-ups and schedules"), however the week
stands to the article's date; a gathering's name cut over two cells goes on in a cell that opens with a
council or committee (``Tỉnh ủy``).
"""

from __future__ import annotations

import re

from summarizer.language.calendar import LUNAR, LUNAR_LEADS, SCHEDULE_TITLES, SUNDAY, WEEKDAY, WEEKDAY_NUMBERS
from summarizer.language.patterns import any_word, spaced

from .bodies import Organ, organs_in
from .document import Document
from .event_dates import Days, dates_in
from .sentences import Sentence
from .titles import organ_at

# What may stand around a day's date on its line: its weekday, brackets, list marks and a colon.
_DAY_LINE_REST = re.compile(
    rf"^[\s*•\-–:()]*(?:(?:{WEEKDAY}\s+(?:{'|'.join(WEEKDAY_NUMBERS)}|[2-7])|{spaced(SUNDAY)})[\s*•\-–:()]*)?$",
    re.IGNORECASE,
)
_LUNAR_NOTE = re.compile(
    rf"\(\s*(?:(?:{'|'.join(LUNAR_LEADS)})\s+)?\d{{1,2}}\s*/\s*\d{{1,2}}(?:\s*/\s*\d{{2,4}})?\s*(?:{'|'.join(map(spaced, LUNAR))})\s*\)",
    re.IGNORECASE,
)
_TITLE = any_word(SCHEDULE_TITLES)
_TITLE_LINES = 4
_CONTINUATION_WORDS = 4
_DAY_LINE_MAX = 40


def schedule_days(doc: Document) -> list[tuple[int, list[Days]]]:
    """The day lines of a schedule, in order: where each starts and the day it gives; none when the article
    is no schedule."""
    found: list[tuple[int, list[Days]]] = []
    for mention in doc.dates:  # a day line holds a date: the few date mentions lead to the lines to look at
        sentence = doc.sentence_at(mention.start)
        days = _day_line(doc, sentence) if sentence is not None and sentence.end - sentence.start <= _DAY_LINE_MAX else []
        if days and (not found or found[-1][0] != sentence.start):
            found.append((sentence.start, days))
    if len(found) >= 2 or (found and _titled(doc)):
        return found
    return []


def _titled(doc: Document) -> bool:
    """The article's opening lines name a schedule."""
    folded = doc.toks.folded
    return any(_TITLE.search(folded, s.start, s.end) for s in doc.sentences[:_TITLE_LINES])


def _day_line(doc: Document, sentence: Sentence) -> list[Days]:
    """The day a line gives when it holds nothing but a date and its weekday (``14/7``, ``THỨ HAI
    (09/02/2026):``), and perhaps the lunar date of the same day (``(nhằm 12/12 ÂL)``)."""
    if not sentence.first:
        return []
    line_end = doc.text.find("\n", sentence.start)
    line_end = len(doc.text) if line_end < 0 else line_end
    lunar = [m.span() for m in _LUNAR_NOTE.finditer(doc.text, sentence.start, line_end)]
    mentions = [m for m in doc.dates_from(sentence.start, sentence.end) if not any(a <= m.start < b for a, b in lunar)]
    if len(mentions) != 1:
        return []
    mention = mentions[0]
    rest = _LUNAR_NOTE.sub(" ", doc.text[sentence.start : mention.start] + doc.text[mention.end : line_end])
    if not _DAY_LINE_REST.match(rest):
        return []
    return dates_in(doc, Sentence(mention.start, mention.end, sentence.line, sentence.caption, True), future=True)


def item_sentence(doc: Document, sentence: Sentence, following: Sentence | None) -> Sentence:
    """An item, with the next cell when the item's name goes on there (``(8h30) Hội nghị Thường trực`` /
    ``Tỉnh ủy``): a short line that opens with a council or committee."""
    if following is None or not following.caption or not sentence.caption:
        return sentence
    toks = doc.toks
    k = toks.at(following.start)
    words = doc.text[following.start : following.end].split()
    if len(words) > _CONTINUATION_WORDS or organ_at(toks, k) is None:
        return sentence
    return Sentence(sentence.start, following.end, sentence.line, sentence.caption, sentence.first)


def schedule_owner(doc: Document) -> Organ | None:
    """The council or committee whose schedule the article is: the one its opening lines name."""
    for sentence in doc.sentences[:_TITLE_LINES]:
        organs = organs_in(doc, sentence.start, sentence.end)
        if organs:
            return organs[0]
    return None
