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
    """End of the run of name-shaped tokens that starts at ``index`` (all on one phrase), cut at ``limit``.

    Every token of a run ends it at the same place, so the run last walked is remembered: a scan that asks
    at each token of a long run walks it once.
    """
    stop = toks.n if limit is None else min(limit, toks.n)
    if index >= stop or not toks.name_list[index]:
        return index
    run_start, run_end = toks.last_run
    if not run_start <= index < run_end:
        run_end = index + 1
        names, spaced = toks.name_list, toks.spaced_list
        while run_end < toks.n and names[run_end] and spaced[run_end]:
            run_end += 1
        toks.last_run = (index, run_end)
    return min(run_end, stop)


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
    keys = toks.key_list

    def opens_name(s: int) -> bool:
        """A family name at ``s`` opens a name running to the end of the run."""
        return start <= s < end - 1 and keys[s] in FAMILY_NAMES and _acceptable(toks, s, end)

    if end - start == 4 and keys[start] in FAMILY_NAMES and keys[start + 1] in FAMILY_NAMES and _acceptable(toks, start, end):
        # Two family names in a row open a four-syllable name (``Lương Nguyễn Minh Triết``, ``Tôn Nữ
        # Thị Ninh`` aside): a one-syllable place before a three-syllable name is far rarer.
        return start, end
    for length in _PREFERRED_LENGTHS:
        if opens_name(end - length):
            return end - length, end
    if strong and opens_name(end - 2):
        return end - 2, end
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
