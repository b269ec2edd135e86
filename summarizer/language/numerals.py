"""Numerals and ordinals as Vietnamese news writes them: Arabic (``thứ 20``, ``02``), Roman (``khóa XXII``)
or words (``thứ Nhất``, ``thứ Mười một``, ``lần thứ hai``, ``hai mươi mốt``).

One set of tables serves both directions: reading a number from the text (the rules) and listing the ways
a number may be written (grounding checks that a value a model reports is in the article).
"""

from __future__ import annotations

import re

from summarizer.text.normalize import fold

ORDINAL = "thứ"
"""``thứ 20``, ``thứ Ba``: the word that makes the number after it an ordinal."""
TIMES = "lần"
"""``lần thứ hai``: the Nth time."""

_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
# The letters a council's term is written in (``khóa XXII``), folded.
ROMAN_TERM_LETTERS = frozenset("ivxlc")
_ROMAN_WRITING = [(50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]

# Unit words as they appear alone (``hai``, ``năm``) and only as ordinals (``thứ nhất``, ``thứ tư``), and
# after ``mười``/``hai mươi`` (``mười một``, ``hai mươi mốt``, ``mười lăm``, ``hai mươi tư``).
CARDINAL_UNITS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
ORDINAL_UNITS = {"nhất": 1, "tư": 4}
UNITS_AFTER_TENS = {**CARDINAL_UNITS, "mốt": 1, "tư": 4, "lăm": 5, "nhăm": 5}
TEN = "mười"
"""Ten, and the tens word of 11–19 (``mười một``)."""
TENS = "mươi"
"""The tens word after a unit (``hai mươi``)."""
_ALONE = {**ORDINAL_UNITS, **CARDINAL_UNITS}


def roman_to_int(token: str) -> int | None:
    """``XXII`` → 22; None unless ``token`` is a well-formed upper-case Roman numeral."""
    token = token.strip()
    if not token or not _ROMAN.fullmatch(token):
        return None
    total = 0
    for i, ch in enumerate(token):
        value = ROMAN_VALUES[ch]
        if i + 1 < len(token) and ROMAN_VALUES[token[i + 1]] > value:
            total -= value
        else:
            total += value
    return total or None


def to_roman(n: int) -> str:
    """``22`` → ``XXII`` (1–89, the terms and sessions news writes in Roman numerals)."""
    out = []
    for value, letters in _ROMAN_WRITING:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def ordinal_word_to_int(words: str) -> int | None:
    """``Nhất`` → 1, ``Tư`` → 4, ``Mười một`` → 11, ``hai mươi mốt`` → 21; None when not an ordinal word."""
    parts = fold(words).split()
    if not parts or len(parts) > 3:
        return None
    if len(parts) == 1:
        if parts[0] == TEN:
            return 10
        return _ALONE.get(parts[0])
    if parts[0] == TEN:
        if len(parts) == 2:
            return 10 + UNITS_AFTER_TENS[parts[1]] if parts[1] in UNITS_AFTER_TENS else None
        return None
    tens = CARDINAL_UNITS.get(parts[0]) if parts[0] != "một" else None
    if tens is None or tens < 2 or parts[1] != TENS:
        return None
    if len(parts) == 2:
        return tens * 10
    unit = UNITS_AFTER_TENS.get(parts[2])
    return tens * 10 + unit if unit else None


def number_words(n: int, *, ordinal: bool = False) -> list[str]:
    """Every way the tables write ``n`` (1–99) in words: 21 → ``hai mươi mốt``, ``hai mươi một``; with
    ``ordinal``, also the ordinal-only units (4 → ``tư``). Each reads back as ``n`` by ``ordinal_word_to_int``."""
    if not 0 < n < 100:
        return []
    units = {**CARDINAL_UNITS, **(ORDINAL_UNITS if ordinal else {})}
    if n < 10:
        return [word for word, value in units.items() if value == n]
    tens, unit = divmod(n, 10)
    heads = [TEN] if tens == 1 else [f"{word} {TENS}" for word, value in CARDINAL_UNITS.items() if value == tens and word != "một"]
    if unit == 0:
        return heads
    tails = [word for word, value in UNITS_AFTER_TENS.items() if value == unit]
    return [f"{head} {tail}" for head in heads for tail in tails]


def parse_ordinal(token: str) -> int | None:
    """An ordinal in any of the three spellings: ``20``/``02`` → 20/2, ``XIV`` → 14, ``Ba`` → 3."""
    token = token.strip()
    if not token:
        return None
    if token.isdigit() and token.isascii():
        value = int(token)
        return value if value > 0 else None
    roman = roman_to_int(token)
    if roman is not None:
        return roman
    return ordinal_word_to_int(token)


_LEADING = re.compile(r"\d{1,3}(?!\d)|[IVXLC]+(?![^\W\d_])|[^\W\d_]+(?:\s+[^\W\d_]+){0,2}")
_WORD = re.compile(r"[^\W\d_]+")


def leading_ordinal(text: str) -> tuple[int, int] | None:
    """The ordinal that ``text`` starts with and the length it spans: ``Ba năm 2024`` → (3, 2).

    Number words are taken greedily but only as far as they still form an ordinal, so the words that
    follow one (``thứ Ba năm 2024``) are not swallowed.
    """
    match = _LEADING.match(text)
    if match is None:
        return None
    chunk = match.group()
    if chunk[0].isdigit() or roman_to_int(chunk) is not None:
        value = parse_ordinal(chunk)
        return (value, len(chunk)) if value else None
    words = list(_WORD.finditer(chunk))
    for count in range(len(words), 0, -1):
        end = words[count - 1].end()
        value = ordinal_word_to_int(chunk[:end])
        if value is not None:
            return value, end
    return None
