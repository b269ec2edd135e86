"""Abbreviations of bodies and posts (HĐND, UBND, UBMTTQ, BTV, PCT…) and their written-out forms: one
table, read by the rules (which compare titles word by word in folded form) and by the scorer (which
writes out upper-case abbreviations before comparing), so that both count ``Ủy viên BTV`` and ``Ủy viên
Ban Thường vụ`` as one title; and the abbreviations after which a full stop ends no sentence."""

from __future__ import annotations

import re

from summarizer.text.normalize import fold, nfc

from .levels import ABBREVIATED_LEVELS
from .names import DEGREE_ABBREVIATIONS

# Each abbreviation as written (upper case) and its written-out form.
ABBREVIATIONS: dict[str, str] = {
    "HĐND": "Hội đồng nhân dân",
    "HDND": "Hội đồng nhân dân",
    "HĐNĐ": "Hội đồng nhân dân",
    "UBND": "Ủy ban nhân dân",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc",
    "UBMTTQVN": "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "MTTQVN": "Mặt trận Tổ quốc Việt Nam",
    "MTTQ": "Mặt trận Tổ quốc",
    "UBKT": "Ủy ban Kiểm tra",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "BTV": "Ban Thường vụ",
    "BTVTU": "Ban Thường vụ Tỉnh ủy",
    "BCH": "Ban Chấp hành",
    "BCHTW": "Ban Chấp hành Trung ương",
    "BCĐ": "Ban Chỉ đạo",
    "ĐBQH": "đại biểu Quốc hội",
    "DBQH": "đại biểu Quốc hội",
    "QH": "Quốc hội",
    "TW": "Trung ương",
    "TƯ": "Trung ương",
    "TT": "Thường trực",
    "UVTW": "Ủy viên Trung ương",
    "UVTV": "Ủy viên Thường vụ",
    "UVBTV": "Ủy viên Ban Thường vụ",
    "UV": "Ủy viên",
    "CV": "Chuyên viên",
    "TUV": "Tỉnh ủy viên",
    "HUV": "Huyện ủy viên",
    "PCT": "Phó Chủ tịch",
    "CT": "Chủ tịch",
    "PBT": "Phó Bí thư",
    "BT": "Bí thư",
    "PGĐ": "Phó Giám đốc",
    "TP": "thành phố",
    "TPHCM": "Thành phố Hồ Chí Minh",
    "TP.HCM": "Thành phố Hồ Chí Minh",
    "HCM": "Hồ Chí Minh",
    "KT-XH": "kinh tế - xã hội",
}
# Spellings that typing slips leave in titles, with the word meant (``Chủ tich`` is ``Chủ tịch``).
SPELLING_SLIPS = {"tich": "tịch"}

# Folded words and what they stand for in a title's comparison key.
FOLDED_EXPANSIONS = {fold(short): fold(long) for short, long in ABBREVIATIONS.items()} | SPELLING_SLIPS

_WRITTEN = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w])"
)


def expand_abbreviations(text: str) -> str:
    """The text with every whole-word upper-case abbreviation written out (case matters: ``Tp`` stays)."""
    return _WRITTEN.sub(lambda m: ABBREVIATIONS[m.group(1)], nfc(text))


def expand_folded_words(folded: str) -> tuple[str, ...]:
    """The words of a folded phrase with abbreviations and slips written out, commas and dashes dropped:
    ``ủy viên btv`` → ``("ủy", "viên", "ban", "thường", "vụ")``; ``kt-xh`` is one abbreviation."""
    words: list[str] = []
    for chunk in folded.replace(",", " ").split():
        pieces = [chunk] if chunk in FOLDED_EXPANSIONS else chunk.replace("-", " ").replace("–", " ").split()
        for piece in pieces:
            words.extend(FOLDED_EXPANSIONS.get(piece, piece).replace("-", " ").split())
    return tuple(words)


# Written before a full stop that ends no sentence: abbreviated levels and degrees, and a few others.
NON_FINAL_ABBREVIATIONS = (
    *(short for short in ABBREVIATED_LEVELS if len(short) > 1),
    *DEGREE_ABBREVIATIONS,
    "v.v",
    "St",
    "Mr",
    "Ms",
)
