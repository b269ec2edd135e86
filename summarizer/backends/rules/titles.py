"""Title grammar: a position head, then the body it belongs to, its level and its place.

``Phó Chủ tịch`` + ``HĐND`` + ``thành phố`` + ``Bắc Ninh``; ``Trưởng Ban`` + ``Công tác đại biểu
Quốc hội``; ``Ủy viên`` + ``Ban Chấp hành Trung ương Đảng``. A body's name runs over capitalised
words, abbreviations and the lower-case words that occur inside names of bodies (``công tác``,
``đại biểu``, ``chỉ đạo``); it ends at punctuation or at the first other lower-case word — the verb
that follows (``nhấn mạnh``, ``chủ tọa``). After a level word only the place name may follow.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from summarizer.language.abbreviations import expand_folded_words
from summarizer.language.bodies import (
    COUNCILS,
    DELEGATION,
    ORGAN_WORDS,
    PARTY_COMMITTEES,
    PARTY_UNIT_BODIES,
    WHOLE_BODY_ABBREVIATIONS,
)
from summarizer.language.function_words import AND, OF, PLURAL
from summarizer.language.gatherings import TERM, TERM_AS_WRITTEN, TERM_PERIOD
from summarizer.language.levels import LEVELS, NOT_LEVEL_AFTER
from summarizer.language.names import FORMAL_MARKERS, HONORIFIC_FIRST_WORDS
from summarizer.language.numerals import ROMAN_TERM_LETTERS
from summarizer.language.posts import BARE_HEADS, COMPLETE_HEADS, FORMER, POSITION_HEADS
from summarizer.language.title_places import NATIONAL_BODIES
from summarizer.text.normalize import fold

from .names import name_in_run
from .tokens import PhraseTrie, Tokens

_HEADS = PhraseTrie(POSITION_HEADS)
_LEVELS = PhraseTrie(LEVELS)
_ORGAN_WORDS = PhraseTrie(ORGAN_WORDS)
_DASHES = {"-", "–", "—"}
_NATIONAL = PhraseTrie(NATIONAL_BODIES)
_TERM_PERIOD = tuple(TERM_PERIOD.split())
_YEAR = re.compile(r"(?:19|20)\d\d")
# ``TL-HM``, ``BR-VT``: a province abbreviated letter by letter, its parts joined by a hyphen.
_ABBREVIATED_PLACE = re.compile(r"[A-ZĐ]{1,4}-[A-ZĐ]{1,4}(?![\w-])")
_FIELDS_MAX = 6
_TERM_WORDS = frozenset({TERM, fold(TERM_AS_WRITTEN)})



@dataclass(frozen=True, slots=True)
class TitleParse:
    start: int
    """First token (``nguyên`` included when the position is a former one)."""
    end: int
    """Token just past the title."""
    level_at: int | None
    """Token where a level word starts, when the title has one."""


def head_at(toks: Tokens, index: int, *, lower: bool = False) -> int | None:
    """End of the position head starting at ``index`` (capitalised, as titles are written, unless
    ``lower``: after a name and a comma some portals write ``chủ tịch UBND huyện``)."""
    if index >= toks.n or not (lower or toks.cap_list[index]):
        return None
    length = _HEADS.longest(toks, index)
    return index + length if length else None


def level_at(toks: Tokens, index: int) -> int:
    """Length of the level word at ``index`` (``tỉnh`` 1, ``thành phố`` 2), 0 when there is none."""
    length = _LEVELS.longest(toks, index)
    if length:
        after = index + length
        if after < toks.n and toks.spaced(after) and toks.key_list[after] in _not_level_after(toks.keys(index, after)):
            return 0  # ``Tỉnh ủy``, ``Tỉnh ủy viên``; ``Ban Kinh tế - Xã hội``: society, not a commune
    return length


def _not_level_after(level: tuple[str, ...]) -> frozenset[str]:
    return NOT_LEVEL_AFTER[None] | NOT_LEVEL_AFTER.get(level, frozenset())


def level_name(toks: Tokens, index: int) -> str | None:
    length = level_at(toks, index)
    return LEVELS[toks.keys(index, index + length)] if length else None


def organ_word_at(toks: Tokens, index: int) -> int:
    """Length of the lower-case body-name word at ``index`` (``công tác``, ``đại biểu``), 0 if none."""
    return _ORGAN_WORDS.longest(toks, index)


def continue_body(toks: Tokens, index: int) -> tuple[int, int | None]:
    """Extend a body's name from ``index``: returns its end and where its level word starts, if any."""
    k = index
    level_start: int | None = None
    place_start = -1
    n = toks.n
    aside = False
    while k < n:
        gap = toks.gap(k) if k > index and not aside else " "
        aside = False
        if gap.strip() == "(" and k > index and level_start is None and _abbreviation_aside(toks, k):
            # ``đại biểu Hội đồng nhân dân (HĐND) huyện``: the body's abbreviation in brackets.
            k += 1
            aside = True
            continue
        if gap.strip():
            # ``Ban Kinh tế - Ngân sách``: a dash inside a body's name, never before a new position.
            # ``Văn phòng HĐND&UBND huyện``: two bodies joined by ``&`` make one name.
            # ``Sở Văn hóa, Thể thao và Du lịch``: a comma inside a list of fields that ``và`` closes.
            inside = (gap.strip() in _DASHES or gap == "&") and k > index and level_start is None
            listed = gap.strip() == "," and k > index and level_start is None and _fields_listed(toks, k)
            # ``Ban Kinh tế - ngân sách``: a field written in lower case after the dash.
            named_on = toks.cap_list[k] or organ_word_at(toks, k) > 0
            if not listed and not (inside and named_on and head_at(toks, k) is None):
                break
        elif "\n" in gap or not gap:
            break
        if level_start is not None:
            abbreviated = _ABBREVIATED_PLACE.match(toks.text, toks.starts[k]) if k == place_start else None
            if abbreviated:
                k = toks.at(abbreviated.end())  # ``Chủ tịch HĐND tỉnh TL-HM``
                continue
            if not toks.name_list[k]:
                break
            k += 1
            continue
        length = level_at(toks, k)
        if length:
            level_start = k
            k += length
            place_start = k
            continue
        if toks.cap_list[k]:
            if k > index and head_at(toks, k) is not None and toks.key_list[k - 1] != DELEGATION:
                break  # a new position; but ``Trưởng Đoàn Đại biểu Quốc hội``: the delegation of deputies
            k += 1
            continue
        national = _national_after_of(toks, k) if k > index else 0
        if national:
            k += national  # ``Trưởng Ban Dân nguyện của Quốc hội``
            continue
        length = organ_word_at(toks, k)
        if length and k > index and toks.key_list[k - 1] in WHOLE_BODY_ABBREVIATIONS:
            break  # ``giao Văn phòng Đoàn ĐBQH và HĐND xây dựng …``: after ``HĐND`` the verb follows
        if length and not _after_person_name(toks, k, index):
            k += length
            continue
        through = _word_through(toks, k, index)
        if through:
            k = through
            continue
        joins = toks.key_list[k] == AND or (toks.key_list[k] in PLURAL and k > index)
        if joins and _name_goes_on(toks, k + 1, n):
            # ``… và Môi trường``; ``Ban Chỉ đạo các Chương trình mục tiêu quốc gia``: ``các`` inside a body's name.
            k += 1
            continue
        break
    return k, level_start


def _abbreviation_aside(toks: Tokens, k: int) -> bool:
    """An abbreviation alone in brackets at token ``k`` (``(HĐND)``), with a space after the bracket."""
    return (
        k + 1 < toks.n
        and toks.words[k].isupper()
        and len(toks.words[k]) > 1
        and toks.gap(k + 1).strip() == ")"
        and toks.gap(k + 1).endswith(" ")
        and "\n" not in toks.gap(k + 1)
    )


def _fields_listed(toks: Tokens, k: int) -> bool:
    """After a comma inside a body's name, fields of its name listed to a closing ``và`` (``Sở Văn hóa, Thể
    thao và Du lịch``, ``Sở Lao động, Thương binh và Xã hội``), with no position among them."""
    j = k
    for _ in range(_FIELDS_MAX):
        length = organ_word_at(toks, j) if j < toks.n and head_at(toks, j, lower=True) is None else 0
        if not length or not toks.joined(j, j + length):
            return False
        j += length
        if j >= toks.n:
            return False
        gap = toks.gap(j).strip()
        if gap == ",":
            continue
        if gap or toks.key_list[j] != AND or not toks.spaced(j):
            return False
        last = organ_word_at(toks, j + 1) if j + 1 < toks.n and toks.spaced(j + 1) else 0
        return last > 0
    return False


def _national_after_of(toks: Tokens, k: int) -> int:
    """Length of ``của`` and a national body after it (``của Quốc hội``, ``của Chính phủ``), 0 when none."""
    if toks.key_list[k] != OF or k + 1 >= toks.n or not toks.spaced(k + 1) or not toks.cap_list[k + 1]:
        return 0
    length = _NATIONAL.longest(toks, k + 1)
    return 1 + length if length else 0


def _name_goes_on(toks: Tokens, k: int, n: int) -> bool:
    """After a joining word, a capitalised word that starts no new title carries a body's name on."""
    return (
        k < n
        and toks.cap_list[k]
        and toks.spaced(k)
        and head_at(toks, k) is None
        and toks.key_list[k] not in _NOT_AFTER_AND
    )


def _after_person_name(toks: Tokens, k: int, floor: int) -> bool:
    """``Bí thư Tỉnh ủy Phạm Xuân Thăng kiểm tra dự án``: after a person's name a lower-case word is the
    verb of the sentence, not the rest of a body's name."""
    if k - floor < 3 or not toks.name_list[k - 1]:
        return False
    run = k - 1
    while run > floor and toks.name_list[run - 1] and toks.spaced(run):
        run -= 1
    found = name_in_run(toks, run, k)
    return found is not None and found[1] == k and k - found[0] >= 3


def _word_through(toks: Tokens, index: int, floor: int) -> int:
    """End of a body-name word that began on a capitalised token before ``index`` (``Công tác``)."""
    for start in (index - 1, index - 2):
        if start >= floor and toks.cap_list[start]:
            length = organ_word_at(toks, start)
            if start + length > index:
                return start + length
    return 0


# After ``và`` these open a new person, not the rest of a body's name (``… Sở Y tế và Đại tá Lê …``).
_NOT_AFTER_AND = HONORIFIC_FIRST_WORDS | {marker[0] for marker in FORMAL_MARKERS} | set(PLURAL)


def parse_title(toks: Tokens, index: int, *, lower: bool = False) -> TitleParse | None:
    """The title starting at ``index``, or None when no position head starts there (``lower``: the
    head may be written in lower case, as after a name and a comma)."""
    start = index
    if index < toks.n and toks.key_list[index] == FORMER and index + 1 < toks.n and toks.spaced(index + 1):
        index += 1
    head_end = head_at(toks, index, lower=lower)
    if head_end is None:
        return None
    head = toks.keys(index, head_end)
    if head_end < toks.n and toks.spaced(head_end):
        end, level_start = continue_body(toks, head_end)
    else:
        end, level_start = head_end, None
    if end == head_end and head not in COMPLETE_HEADS:
        return None
    if head in BARE_HEADS and not (head_end < toks.n and toks.cap_list[head_end] and toks.spaced(head_end)):
        return None
    if end > head_end:
        end = _term_after(toks, end)
    return TitleParse(start, end, level_start)


def term_start(toks: Tokens, start: int, end: int) -> int:
    """Where the body's term written at the end of a title between two tokens starts (``Phó Chủ tịch HĐND
    tỉnh`` | ``khóa X``); ``end`` when it has none."""
    for k in range(start + 1, end):
        if _term_after(toks, k) == end:
            return k
    return end


def _term_after(toks: Tokens, end: int) -> int:
    """``Chủ tịch HĐND xã khóa X``, ``Ủy viên UBND tỉnh nhiệm kỳ 2016-2021``: the council's term written after
    the title belongs to it."""
    if end + 1 < toks.n and toks.key_list[end] == TERM and toks.spaced(end) and toks.spaced(end + 1):
        word = toks.key_list[end + 1]
        if word.isdigit() or (toks.cap_list[end + 1] and set(word) <= ROMAN_TERM_LETTERS):
            return end + 2
    if end + 3 < toks.n and toks.match(end, _TERM_PERIOD) and toks.spaced(end) and toks.spaced(end + 2):
        first, last = toks.key_list[end + 2], toks.key_list[end + 3]
        if _YEAR.fullmatch(first) and _YEAR.fullmatch(last) and toks.gap(end + 3).strip() in _DASHES:
            return end + 4
    return end


def organ_at(toks: Tokens, index: int) -> tuple[str, int] | None:
    """A council or Party committee named at ``index``: its short form and the token after it."""
    if index >= toks.n:
        return None
    for phrase, short, party in _ORGANS_BY_FIRST.get(toks.key_list[index], ()):
        if toks.match(index, phrase) and (not party or toks.cap_list[index]):
            return short, index + len(phrase)
    return None


# Councils before Party committees and bodies (each in vocabulary order), by first word; a Party body must be
# capitalised.
_ORGANS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
for _phrase, _short in COUNCILS.items():
    _ORGANS_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _short, False))
for _phrase, (_short, _level) in PARTY_COMMITTEES.items():
    _ORGANS_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _short, True))
for _phrase, _short in PARTY_UNIT_BODIES.items():
    _ORGANS_BY_FIRST.setdefault(_phrase[0], []).append((_phrase, _short, True))


@lru_cache(maxsize=4096)
def comparison_key(title: str) -> tuple[str, ...]:
    """Words of a title with abbreviations written out and without the body's term written after it: ``Ủy
    viên BTV`` and ``Ủy viên Ban Thường vụ`` agree, and so do ``Chủ tịch HĐND thành phố khóa XXI`` and
    ``Chủ tịch HĐND thành phố`` (the term is the gathering's, LABELING.md)."""
    words = expand_folded_words(fold(title))
    return _without_term(words) or words


def _without_term(words: tuple[str, ...]) -> tuple[str, ...]:
    """The words before a trailing ``khóa X`` and ``nhiệm kỳ YYYY YYYY``."""
    end = len(words)
    while True:
        if end >= 4 and words[end - 4 : end - 2] == _TERM_PERIOD and all(_YEAR.fullmatch(w) for w in words[end - 2 : end]):
            end -= 4
        elif end >= 2 and words[end - 2] in _TERM_WORDS and (words[end - 1].isdigit() or set(words[end - 1]) <= ROMAN_TERM_LETTERS):
            end -= 2
        else:
            return words[:end]
