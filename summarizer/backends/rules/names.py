"""The shape of a Vietnamese person's name: two to four capitalised syllables opening with a family name.

``Lò Văn Pâng``, ``Hà Thị Nga`` and ``Nguyễn Thị Minh Khai`` pass; ``Hải Phòng`` (no family name) and
``Hà Nội`` (two syllables with nothing saying it is a person) do not. After ``đồng chí``/``ông``/``bà``
the family-name requirement is relaxed, and Ê Đê / Gia Rai names (``Y Thanh Hà Niê Kdăm``) may run to
five syllables.
"""

from __future__ import annotations

from summarizer.language.names import FAMILY_NAMES, LONG_NAME_MAX_SYLLABLES, LONG_NAME_STARTS, NAME_MAX_SYLLABLES, NOT_PERSONS

from .tokens import Tokens

_PREFERRED_LENGTHS = (3, 4)


def capital_run_end(toks: Tokens, index: int, limit: int | None = None) -> int:
    """End of the run of name-shaped tokens that starts at ``index`` (all on one phrase)."""
    end = index
    stop = toks.n if limit is None else min(limit, toks.n)
    while end < stop and toks.name_list[end] and (end == index or toks.spaced(end)):
        end += 1
    return end


def _max_length(toks: Tokens, start: int) -> int:
    return LONG_NAME_MAX_SYLLABLES if toks.key_list[start] in LONG_NAME_STARTS else NAME_MAX_SYLLABLES


def _acceptable(toks: Tokens, start: int, end: int) -> bool:
    return " ".join(toks.keys(start, end)) not in NOT_PERSONS


def name_in_run(toks: Tokens, start: int, end: int, *, strong: bool = False) -> tuple[int, int] | None:
    """Where a person's name sits in the capitalised run ``start:end``, if anywhere.

    A run may carry a place before the name (``Hà Giang Nguyễn Văn Sơn`` after a title): the name is
    the part that opens with a family name and has the most usual length (3, then 4 syllables; 2 only
    when ``strong`` context says a person follows). With ``strong`` context a name need not open with
    a listed family name, but then it is the whole run.
    """
    if end - start < 2:
        return None
    if toks.key_list[start] in LONG_NAME_STARTS and end - start <= _max_length(toks, start) and _acceptable(toks, start, end):
        return start, end
    if strong and end - start <= NAME_MAX_SYLLABLES and _acceptable(toks, start, end):
        return start, end
    candidates = [s for s in range(start, end - 1) if toks.key_list[s] in FAMILY_NAMES]
    if end - start == 4 and candidates[:2] == [start, start + 1] and _acceptable(toks, start, end):
        # Two family names in a row open a four-syllable name (``Lương Nguyễn Minh Triết``, ``Tôn Nữ
        # Thị Ninh`` aside): a one-syllable place before a three-syllable name is far rarer.
        return start, end
    for length in _PREFERRED_LENGTHS:
        for s in candidates:
            if end - s == length and _acceptable(toks, s, end):
                return s, end
    if strong:
        for s in candidates:
            if end - s == 2 and _acceptable(toks, s, end):
                return s, end
    return None


def name_at(toks: Tokens, index: int, *, strong: bool = False) -> tuple[int, int] | None:
    """A name that starts exactly at token ``index`` (a longer run is cut after the usual length)."""
    if not toks.name_list[index]:
        return None
    end = capital_run_end(toks, index)
    if end - index > _max_length(toks, index):
        return None
    found = name_in_run(toks, index, end, strong=strong)
    if found and found[0] == index:
        return found
    return None
