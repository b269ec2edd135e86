"""Ordinals as Vietnamese news writes them: Arabic (``thứ 20``, ``02``), Roman (``khóa XXII``) or words
(``thứ Nhất``, ``thứ Mười một``, ``lần thứ hai``)."""

from __future__ import annotations

import re

from .normalize import fold

_ROMAN = re.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

# Units as they appear alone (``thứ nhất``, ``thứ tư``) and after ``mười``/``hai mươi`` (``mười một``,
# ``hai mươi mốt``, ``mười lăm``, ``hai mươi tư``).
_ALONE = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "bẩy": 7,
          "tám": 8, "chín": 9}
_AFTER_TENS = {"một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "nhăm": 5,
               "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9}
_TENS = {"mười": 1, "mươi": None}


def roman_to_int(token: str) -> int | None:
    """``XXII`` → 22; None unless ``token`` is a well-formed upper-case Roman numeral."""
    token = token.strip()
    if not token or not _ROMAN.fullmatch(token):
        return None
    total = 0
    for i, ch in enumerate(token):
        value = _ROMAN_VALUES[ch]
        if i + 1 < len(token) and _ROMAN_VALUES[token[i + 1]] > value:
            total -= value
        else:
            total += value
    return total or None


def ordinal_word_to_int(words: str) -> int | None:
    """``Nhất`` → 1, ``Tư`` → 4, ``Mười một`` → 11, ``hai mươi mốt`` → 21; None when not an ordinal word."""
    parts = fold(words).split()
    if not parts or len(parts) > 3:
        return None
    if len(parts) == 1:
        if parts[0] == "mười":
            return 10
        return _ALONE.get(parts[0])
    if parts[0] == "mười":
        if len(parts) == 2:
            return 10 + _AFTER_TENS[parts[1]] if parts[1] in _AFTER_TENS else None
        return None
    tens = _ALONE.get(parts[0]) if parts[0] not in ("nhất", "tư", "một") else None
    if tens is None or tens < 2 or parts[1] != "mươi":
        return None
    if len(parts) == 2:
        return tens * 10
    unit = _AFTER_TENS.get(parts[2])
    return tens * 10 + unit if unit else None


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
    words = list(re.finditer(r"[^\W\d_]+", chunk))
    for count in range(len(words), 0, -1):
        end = words[count - 1].end()
        value = ordinal_word_to_int(chunk[:end])
        if value is not None:
            return value, end
    return None
