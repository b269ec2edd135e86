"""Unicode normalisation and matching keys.

The text users see stays as written; only matching keys fold case, whitespace and the two
tone-mark placements (``Uỷ``/``Ủy``, ``khoá``/``khóa``, ``hoà``/``hòa``). ``fold`` keeps the
length of its input so that a match found in folded text is a match at the same offsets in
the original.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WS = re.compile(r"\s+")
_SPACES = {"\u00a0", "\u2007", "\u202f", "\u2009", "\u200a", "\u2002", "\u2003", "\u3000"}
# Characters that show nothing: zero-width space, non-joiner and joiner, word joiner, byte-order mark, soft hyphen.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_ZERO_WIDTH = set(INVISIBLE)
# A word with invisible characters inside it (``Nguy\u200bễn``): its letters, and the invisible runs among them.
_SPLIT_WORD = re.compile(f"[^\\W_]+(?:[{INVISIBLE}]+[^\\W_]+)+")
_INVISIBLE_RUN = re.compile(f"[{INVISIBLE}]+")
# A syllable ending in one of these vowel pairs is where the old and new tone placements differ.
_PAIR = re.compile(r"(?i)(?<![^\W\d_])([^\W\d_]*?)([oòóỏõọuùúủũụ])([aàáảãạeèéẻẽẹyỳýỷỹỵ])(?![^\W\d_])")
_PUNCT_EDGES = " \t\n\r\"'“”‘’«»()[]{}<>.,;:!?…-–—/\\|*•·"


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_ODD_SPACE = re.compile("[" + "".join(sorted(_SPACES | _ZERO_WIDTH)) + "]")
_INVISIBLE_ANYWHERE = re.compile(f"[{INVISIBLE}]")


def clean_spaces(text: str) -> str:
    """Non-breaking and exotic spaces become plain spaces, invisible characters spaces too, once those inside
    a word are set aside after it (``set_aside_invisible``): same length, same offsets of every word."""
    if not _ODD_SPACE.search(text):
        return text
    return _ODD_SPACE.sub(" ", set_aside_invisible(text))


def set_aside_invisible(text: str) -> str:
    """``text`` with the invisible characters inside each word moved to the word's end (``Nguy\u200bễn`` →
    ``Nguyễn\u200b``): every word reads whole, starts where it starts and has the same length; the text too."""
    if not _INVISIBLE_ANYWHERE.search(text):
        return text

    def move(m: re.Match[str]) -> str:
        word = m.group()
        hidden = "".join(_INVISIBLE_RUN.findall(word))
        return _INVISIBLE_RUN.sub("", word) + hidden

    return _SPLIT_WORD.sub(move, text)


def has_invisible(text: str) -> bool:
    """``text`` holds an invisible character."""
    return _INVISIBLE_ANYWHERE.search(text) is not None


def strip_invisible(value: str) -> str:
    """A value as users see it: the article's own spelling without its invisible characters."""
    return _INVISIBLE_RUN.sub("", value) if _INVISIBLE_ANYWHERE.search(value) else value


@lru_cache(maxsize=4096)
def _fold_pair(first: str, second: str) -> tuple[str, str]:
    """Move a tone mark on either vowel of an o/u + a/e/y pair onto the first vowel."""
    d1 = unicodedata.normalize("NFD", first)
    d2 = unicodedata.normalize("NFD", second)
    tones = [c for c in d1 + d2 if c in TONE_MARKS]
    base1 = "".join(c for c in d1 if c not in TONE_MARKS)
    base2 = "".join(c for c in d2 if c not in TONE_MARKS)
    if len(tones) != 1:
        return first, second
    return nfc(base1 + tones[0]), nfc(base2)


def _fold_tones(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        a, b = _fold_pair(m.group(2), m.group(3))
        return m.group(1) + a + b

    return _PAIR.sub(repl, text)


def fold(text: str) -> str:
    """Length-preserving matching form: NFC input, tone placement folded, case-folded, spaces plain."""
    out = _fold_tones(clean_spaces(text))
    lowered = out.lower()
    if len(lowered) == len(out) and "Σ" not in out:  # fast path: no character changes length when lowered
        return lowered
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in out)


@lru_cache(maxsize=8192)
def match_key(text: str) -> str:
    """The one key used to compare names, titles and contents: folded, spaces collapsed, edges stripped."""
    return _WS.sub(" ", fold(nfc(text))).strip(_PUNCT_EDGES)


def tokens(text: str) -> list[str]:
    """Word tokens of a key, for token-overlap similarity."""
    return re.findall(r"[^\W_]+", match_key(text))


@lru_cache(maxsize=8192)
def key_pattern(value: str) -> re.Pattern[str] | None:
    """A pattern that finds ``value`` in folded text, as whole words.

    Whitespace runs match any whitespace run, so a name broken across a line still matches. Whole
    words only: folding moves a tone mark within a syllable, so a match inside a word could key
    differently from ``value`` (``e`` inside ``uè``, folded ``ùe``).
    """
    key = match_key(value)
    if not key:
        return None
    body = r"\s+".join(re.escape(part) for part in key.split(" "))
    before = r"(?<![^\W_])" if key[0].isalnum() else ""
    after = r"(?![^\W_])" if key[-1].isalnum() else ""
    return re.compile(before + body + after)


def find_by_key(haystack: str, needle: str) -> list[tuple[int, int]]:
    """All (start, end) offsets in ``haystack`` where ``needle`` occurs as whole words once both are keyed."""
    pattern = key_pattern(needle)
    if pattern is None:
        return []
    return [(m.start(), m.end()) for m in pattern.finditer(fold(haystack))]
