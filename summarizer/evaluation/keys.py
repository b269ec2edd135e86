"""Comparison keys for scoring: names compare by ``match_key``; titles and bodies also expand abbreviations.

Articles write the same position both ways (``Chủ tịch HĐND tỉnh`` and ``Chủ tịch Hội đồng nhân
dân tỉnh``), so inside the key every abbreviation is replaced by its expanded form. Only upper-case
abbreviations written as whole words are expanded, so an ordinary syllable is never mistaken for one.
The table is the one the rules compare titles with (``summarizer.language.abbreviations``).
"""

from __future__ import annotations

from summarizer.language.abbreviations import ABBREVIATIONS, expand_abbreviations
from summarizer.text.normalize import match_key

__all__ = ["ABBREVIATIONS", "expand_abbreviations", "name_key", "title_key"]


def name_key(text: str) -> str:
    """Key of a person's name: exact up to tone placement, case and spacing (``Hùng`` ≠ ``Hưng``)."""
    return match_key(text)


def title_key(text: str) -> str:
    """Key of a title, body or addressee: like ``name_key`` with abbreviations expanded."""
    return match_key(expand_abbreviations(text))
