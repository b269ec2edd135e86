"""Hard-wrapped paragraphs: some portals store an article's paragraphs broken into lines of a fixed width
(``… ông Ung Chiêu Thành và ông Lê Đình Trung, đại biểu Hội đồng`` / ``nhân dân (HĐND) huyện …``), so that a
sentence, a date or a name runs over a line break. Such breaks are read as the spaces they stand for; every
other line break stays, so headings and captions stay lines of their own. Same length, same offsets.

A paragraph (a run of non-empty lines) is hard-wrapped when at least two of its lines go on from the line
before in lower case. In it, a break joins when the next line goes on in lower case or with a digit, or when
the line before is as long as the wrapped lines and ends with a comma or inside a name (``… đ/c Nguyễn`` /
``Văn Hán``).
"""

from __future__ import annotations

import re

_FINAL = ".!?…:;\"”’)"
_LOWER_CONTINUATIONS_MIN = 2
# A line break, then a line that goes on in lower case or with a digit (whether the line before is open is read
# after: the scan stops at line breaks only).
_CONTINUATION = re.compile(r"\n[ \t]*([0-9a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])")
_FULL_LINE = 0.75
"""A line at least this share of the paragraph's wrapping width was cut by the width, not ended."""


def join_wrapped_lines(text: str) -> str:
    """``text`` with the line breaks inside hard-wrapped paragraphs replaced by spaces (see the module)."""
    if not _may_be_wrapped(text):
        return text  # no paragraph can be hard-wrapped: most articles are passed over with one scan
    lines = text.split("\n")
    joins: list[int] = []
    block: list[int] = []
    for index, line in enumerate([*lines, ""]):
        if line.strip():
            block.append(index)
            continue
        if len(block) > 2:
            joins.extend(_wrapped_breaks(lines, block))
        block = []
    if not joins:
        return text
    out = list(text)
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line) + 1)
    for index in joins:
        out[offsets[index + 1] - 1] = " "
    return "".join(out)


def _may_be_wrapped(text: str) -> bool:
    """At least two lines of ``text`` go on from an open line in lower case or with a digit."""
    found = 0
    for m in _CONTINUATION.finditer(text):
        if not _goes_on_lower(m.group(1)):
            continue
        j = m.start() - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j >= 0 and not text[j].isspace() and text[j] not in _FINAL:
            found += 1
            if found >= _LOWER_CONTINUATIONS_MIN:
                return True
    return False


def _wrapped_breaks(lines: list[str], block: list[int]) -> list[int]:
    """The lines of a paragraph after which its break is a wrap (none when the paragraph is not wrapped)."""
    pairs = [(i, lines[i].rstrip(), lines[i + 1].lstrip()) for i in block[:-1]]
    lower = [(i, before) for i, before, after in pairs if _open(before) and _goes_on_lower(after)]
    if len(lower) < _LOWER_CONTINUATIONS_MIN:
        return []
    width = max(len(before) for _, before in lower)
    out = []
    for i, before, after in pairs:
        if not _open(before):
            continue
        if _goes_on_lower(after) or (len(before) >= _FULL_LINE * width and (before.endswith(",") or _name_cut(before, after))):
            out.append(i)
    return out


def _open(line: str) -> bool:
    """The line does not end a sentence."""
    return bool(line) and line[-1] not in _FINAL


def _goes_on_lower(line: str) -> bool:
    return bool(line) and (line[0].islower() or line[0].isdigit())


def _name_shaped(word: str) -> bool:
    return len(word) > 1 and word[0].isupper() and word[1:].isalpha() and word[1:].islower()


def _name_cut(before: str, after: str) -> bool:
    """A name broken over the lines: a capitalised syllable ends one and another opens the next."""
    last, first = before.split()[-1], after.split()[0].rstrip(",.;:")
    return _name_shaped(last) and _name_shaped(first)
