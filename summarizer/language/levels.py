"""Administrative levels: the words for them as written after a body (``HĐND tỉnh``, ``UBND thành phố``),
their abbreviations before a place name (``TP. Vinh``, ``H. Long Mỹ``), and when a level word is not one."""

from __future__ import annotations

from .tables import phrase, words

# Level words as written, each with the level it names (longest first where one extends another).
LEVELS = {
    phrase("tỉnh"): "tỉnh",
    phrase("thành phố"): "thành phố",
    phrase("huyện"): "huyện",
    phrase("quận"): "quận",
    phrase("thị xã"): "thị xã",
    phrase("xã"): "xã",
    phrase("phường"): "phường",
    phrase("thị trấn"): "thị trấn",
}
LEVEL_NAMES = tuple(LEVELS.values())
PROVINCE = "tỉnh"
# ``HĐND ba cấp``, ``Hội đồng nhân dân 3 cấp (tỉnh, huyện và xã)``, ``HĐND các cấp``: the councils of several levels,
# no one body.
LEVEL_TIER = "cấp"
TIER_COUNTS = words("các|hai|ba|bốn|2|3|4")
"""The top level: a province is never named by a district's units."""
# Levels below the province: kinds of place a list may name side by side (``các xã, thị trấn``).
LOCAL_LEVELS = frozenset(key for key, name in LEVELS.items() if name != PROVINCE)
# Words after a level word that make it part of another word: ``Tỉnh ủy``, ``Tỉnh ủy viên``; and after
# ``xã`` the word that makes it society (``Ban Kinh tế - Xã hội``).
NOT_LEVEL_AFTER = {None: words("ủy|viên"), phrase("xã"): words("hội")}

# Level words as portals abbreviate them before a place name (``TP. Vinh``, ``Tp Bắc Ninh``, ``X. Tân Lập``),
# as written (the case matters: ``H`` is a level only as a capital).
ABBREVIATED_LEVELS = {"H": "huyện", "TP": "thành phố", "Tp": "thành phố", "TX": "thị xã", "Tx": "thị xã", "Q": "quận", "X": "xã"}
# Abbreviations that are a level only with their full stop (``X. Tân Lập``; a bare ``X`` is a letter).
DOTTED_ONLY = frozenset({"X"})
LEVEL_ABBREVIATIONS_FOLDED = frozenset(short.lower() for short in ABBREVIATED_LEVELS)
