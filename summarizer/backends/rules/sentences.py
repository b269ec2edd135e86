"""Sentences with offsets, and which lines are captions or headings rather than running text.

Portals put photo captions and section headings on lines of their own without final punctuation
(``Toàn cảnh Kỳ họp``, ``Phiên họp UBND tỉnh tháng 1/2025``). They are kept as sentences (a heading
names the gathering its section reports) but marked, so that they neither report a gathering by
themselves nor break the thread of who ``đồng chí`` refers to.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from summarizer.language.abbreviations import NON_FINAL_ABBREVIATIONS
from summarizer.language.calendar import DAY, TIMES_OF_DAY

# A sentence ends at . ! ? … (possibly several, possibly ``./.``) before a space and a capital, digit,
# quote or dash; not after an abbreviation such as ``TP.`` or ``TS.``.
_END = re.compile(r"[.!?…]+(?:/\.)?[\"”’)]*(?=\s|$)")
# A lone capital letter before the stop is an abbreviated level (``TX. Giá Rai``, ``H. Long Mỹ``, ``X. Tân
# Lập``) or an initial, never a sentence's last word.
_ABBREVIATION = re.compile(r"(?:\b(?:" + "|".join(map(re.escape, NON_FINAL_ABBREVIATIONS)) + r"|[A-ZĐ]))$")
_FINAL = ".!?…:;\"”’)"
_CAPTION_MAX = 300
# ``Sáng ngày 18/11/2019, tại …, HĐND phường … tổ chức họp …``: a report's opening whose full stop was lost,
# not a caption (a time of day, the date with its month, then a comma).
_DATED_OPENING = re.compile(
    "(?:" + "|".join(word.capitalize() for word in TIMES_OF_DAY) + rf")\s+(?:{DAY}\s+)?"
    + r"\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?\s*,\s+\S"
)
_OPENING_MARKS = "\"“‘(«-–"


class Sentence(NamedTuple):
    start: int
    end: int
    line: int
    caption: bool
    """On a line of its own without final punctuation: a photo caption, a heading or a byline."""
    first: bool
    """The first sentence of its line (a paragraph opening)."""


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` with its offsets, line number and caption flag, in order."""
    out: list[Sentence] = []
    offset = 0
    for number, line in enumerate(text.split("\n")):
        stripped = line.strip()
        if stripped:
            lead = offset + len(line) - len(line.lstrip())
            caption = stripped[-1] not in _FINAL and len(stripped) <= _CAPTION_MAX and not _DATED_OPENING.match(stripped)
            body = stripped
            cursor = 0
            first = True
            for m in _END.finditer(body):
                end = m.end()
                if not _opens_sentence(body, end) or _ABBREVIATION.search(body, max(0, m.start() - 4), m.start()):
                    continue
                if body[cursor:end].strip():
                    out.append(_sentence(lead, body, cursor, end, number, caption, first))
                    first = False
                cursor = end
            if body[cursor:].strip():
                out.append(_sentence(lead, body, cursor, len(body), number, caption, first))
        offset += len(line) + 1
    return out


def _opens_sentence(body: str, end: int) -> bool:
    """What follows a full stop starts a new sentence: a capital, a digit or an opening quote, or nothing."""
    size = len(body)
    k = end
    while k < size and body[k].isspace():
        k += 1
    while k < size and body[k] in _OPENING_MARKS:
        k += 1
    return k == size or body[k].isupper() or body[k].isdigit()


def _sentence(lead: int, body: str, start: int, end: int, line: int, caption: bool, first: bool) -> Sentence:
    while start < end and body[start].isspace():
        start += 1
    return Sentence(lead + start, lead + end, line, caption, first)
