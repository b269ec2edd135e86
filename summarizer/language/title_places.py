"""Where a post is: whether a title names its place (``Chủ tịch UBND tỉnh Bắc Kạn``, ``Bí thư Thành ủy Yên
Bái``, a national body such as ``Ủy viên Trung ương Đảng``), or ends on a level that names none
(``Chủ tịch HĐND thành phố``, ``Bí thư Thành ủy``, ``Phó Chủ tịch UBND TP``) and so needs the place of
the gathering at that level to be told apart from the same post elsewhere. Bodies named on their own
(``UBND tỉnh``) read the same way."""

from __future__ import annotations

import re

from summarizer.text.normalize import fold

from .abbreviations import expand_abbreviations
from .bodies import PARTY_COMMITTEES
from .levels import ABBREVIATED_LEVELS, DOTTED_ONLY, LEVELS
from .places import PLACE_STOPS
from .tables import phrases, words

# Bodies of which there is one in the country: a post in one of them needs no place.
NATIONAL_BODIES = phrases(
    "trung ương|quốc hội|chính phủ|nhà nước|bộ chính trị|ban bí thư|thủ tướng|phó thủ tướng|chủ tịch nước|"
    "bộ trưởng|thứ trưởng"
)
# Words before a level that make it any unit of that level, not one (``Chủ tịch UBND các xã``, ``cấp xã``).
ANY_UNIT = words("các|cấp|những|mỗi|từng")

_WORD = re.compile(r"[^\W_]+")
_LONGEST = max(len(key) for key in (*LEVELS, *PARTY_COMMITTEES))


def _level_before(folded: list[str], end: int) -> tuple[str, int] | None:
    """The level named by the words just before ``end`` (a level word or a Party committee, the longest
    first) and how many words name it."""
    for size in range(min(_LONGEST, end), 0, -1):
        key = tuple(folded[end - size : end])
        if key in LEVELS:
            return LEVELS[key], size
        if key in PARTY_COMMITTEES:
            return PARTY_COMMITTEES[key][1], size
    return None


def _abbreviated_level(word: re.Match[str], text: str) -> str | None:
    """The level a word abbreviates (``TP``, ``TX``; ``X`` only with its full stop), else None."""
    short = word.group()
    if short not in ABBREVIATED_LEVELS or (short in DOTTED_ONLY and text[word.end() : word.end() + 1] != "."):
        return None
    return ABBREVIATED_LEVELS[short]


def trailing_level(title: str) -> str | None:
    """The level a title (or a body's name) ends on without naming the place: ``Chủ tịch HĐND thành phố``
    → ``thành phố``, ``Bí thư Thành ủy`` → ``thành phố``, ``Phó Chủ tịch UBND TP`` → ``thành phố``; None
    when it ends otherwise or on any unit of a level (``các xã``)."""
    matches = list(_WORD.finditer(title))
    if not matches:
        return None
    folded = [fold(m.group()) for m in matches]
    found = _level_before(folded, len(folded))
    if found is None:
        abbreviated = _abbreviated_level(matches[-1], title)
        found = (abbreviated, 1) if abbreviated else None
    if found is None:
        return None
    level, size = found
    before = len(folded) - size - 1
    return None if before >= 0 and folded[before] in ANY_UNIT else level


def names_place(title: str) -> bool:
    """Whether a title says where its post is: a level, a level's abbreviation or a Party committee followed
    by a place name (``UBND tỉnh Bắc Kạn``, ``HĐND TP. Cần Thơ``, ``Thành ủy Yên Bái``), or a national
    body (``Ủy viên Trung ương Đảng``, ``Trưởng Ban Công tác đại biểu Quốc hội``)."""
    if trailing_level(title) is not None:
        return False
    matches = list(_WORD.finditer(title))
    written = [m.group() for m in matches]
    folded = [fold(word) for word in written]
    for index in range(1, len(written)):
        following = written[index]
        if not following[0].isupper() or folded[index] in PLACE_STOPS:
            continue
        if _level_before(folded, index) or _abbreviated_level(matches[index - 1], title):
            return True
    expanded = _WORD.findall(fold(expand_abbreviations(title)))
    return any(
        tuple(expanded[start : start + len(body)]) == body for body in NATIONAL_BODIES for start in range(len(expanded))
    )
