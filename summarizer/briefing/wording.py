"""Single values as a Vietnamese reader expects them: dates, date ranges, Roman numerals, a body's full
name, a term's years, and the alphabetical order of names."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from summarizer.text.normalize import match_key

# A body named by a short form takes its level and place after it (HĐND thành phố Bắc Ninh); a Party
# committee already names its level (Tỉnh ủy Bắc Kạn); a long name is complete as written.
_SHORT_ORGAN_WORDS = 4
_PARTY_COMMITTEE = re.compile(r"(?:^|\s)[^\s]*\s*[uủ]y$")
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    out = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def day(date: dt.date) -> str:
    return f"{date:%d/%m/%Y}"


def date_range(start: dt.date | None, end: dt.date | None) -> str | None:
    """``Ngày 12–13/12/2024``, ``Ngày 30/11–02/12/2024``, ``Ngày 31/12/2024–02/01/2025``."""
    start = start or end
    end = end or start
    if start is None or end is None:
        return None
    if start == end:
        return f"Ngày {day(start)}"
    if (start.year, start.month) == (end.year, end.month):
        return f"Ngày {start:%d}–{day(end)}"
    if start.year == end.year:
        return f"Ngày {start:%d/%m}–{day(end)}"
    return f"Ngày {day(start)}–{day(end)}"


def place(level: str | None, locality: str | None) -> str | None:
    return " ".join(part for part in (level, locality) if part) or None


def body_name(organ: str | None, level: str | None, locality: str | None) -> str | None:
    """The body's name as a reader needs it: ``HĐND`` → ``HĐND thành phố Bắc Ninh``."""
    if not organ:
        return None
    key = match_key(organ)
    if len(key.split()) > _SHORT_ORGAN_WORDS or (locality and match_key(locality) in key):
        return organ
    if _PARTY_COMMITTEE.search(key):
        return " ".join(part for part in (organ, locality) if part)
    return " ".join(part for part in (organ, level, locality) if part)


def name_order(text: str) -> tuple[str, str]:
    """Alphabetical order a Vietnamese reader expects: accents second, Đ after D."""
    key = match_key(text)
    base = "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))
    return base.replace("đ", "d{"), key


def term_period(value: str | None) -> str | None:
    return value.replace("-", "–") if value else None
