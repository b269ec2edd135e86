"""Comparison keys for scoring: names compare by ``match_key``; titles and bodies also expand abbreviations.

Articles write the same position both ways (``Chủ tịch HĐND tỉnh`` and ``Chủ tịch Hội đồng nhân
dân tỉnh``), so inside the key every abbreviation is replaced by its expanded form. Only upper-case
abbreviations written as whole words are expanded, so an ordinary syllable is never mistaken for one.
"""

from __future__ import annotations

import re

from summarizer.text.normalize import match_key, nfc

# Expanded forms of the abbreviations local-government news uses in titles and body names.
ABBREVIATIONS: dict[str, str] = {
    "HĐND": "Hội đồng nhân dân",
    "HDND": "Hội đồng nhân dân",
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
    "UVTW": "Ủy viên Trung ương",
    "PCT": "Phó Chủ tịch",
    "TP": "thành phố",
    "TPHCM": "Thành phố Hồ Chí Minh",
    "TP.HCM": "Thành phố Hồ Chí Minh",
    "HCM": "Hồ Chí Minh",
    "KT-XH": "kinh tế - xã hội",
}

_ABBREVIATION = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(a) for a in sorted(ABBREVIATIONS, key=len, reverse=True)) + r")(?![\w])"
)


def expand_abbreviations(text: str) -> str:
    """The text with every whole-word upper-case abbreviation written out."""
    return _ABBREVIATION.sub(lambda m: ABBREVIATIONS[m.group(1)], nfc(text))


def name_key(text: str) -> str:
    """Key of a person's name: exact up to tone placement, case and spacing (``Hùng`` ≠ ``Hưng``)."""
    return match_key(text)


def title_key(text: str) -> str:
    """Key of a title, body or addressee: like ``name_key`` with abbreviations expanded."""
    return match_key(expand_abbreviations(text))
