"""Office holders: every mention of a person with their titles, then one record per person.

Mentions come in the orders news writes them:
``đồng chí Nguyễn Mạnh Hiếu, Phó Bí thư Thành ủy, Chủ tịch UBND thành phố`` (titles after the name,
split at commas; ``đồng chí Hoàng Duy Chinh - Ủy viên …`` with a dash),
``Chủ tịch HĐND tỉnh Phương Thị Thanh`` (title first), ``các Phó Chủ tịch HĐND tỉnh Trần Thị Lộc,
Đồng Văn Lưu`` (one title, several names). A title with no name (``Đồng chí Bí thư Thành ủy``) and a
bare ``đồng chí`` are mentions too: directives resolve them to the person they refer to.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import compress
from operator import or_
from typing import Literal

from summarizer.language.bodies import BODY_FIRST_WORDS, STANDING
from summarizer.language.directing import SUBJECT_ADVERBS
from summarizer.language.function_words import AND, COUNTED, LISTING, PLURAL
from summarizer.language.gatherings import CONGRESS
from summarizer.language.names import (
    ADDRESS_WORDS,
    COMRADE,
    FORMAL_MARKERS,
    HONORIFIC_FIRST_WORDS,
    HONORIFICS,
    PERSON_CLASSIFIERS,
    PERSON_MARKERS,
)
from summarizer.language.posts import (
    APPOINTED,
    APPOINTING_VERBS,
    BARE_HEADS,
    COMPLETE_HEADS,
    CONCURRENTLY,
    DEPUTY,
    ELECTED,
    ELECTED_TO,
    FORMER,
    HOLDER_PREPOSITIONS,
    POSITION_HEADS,
    TO_POSITION,
)
from summarizer.schemas import Official, Span
from summarizer.text.normalize import fold, match_key

from .names import capital_run_end, name_at, name_in_run
from .sentences import Sentence
from .titles import TitleParse, comparison_key, continue_body, head_at, level_at, organ_at, parse_title
from .tokens import PhraseTrie, Tokens

MentionKind = Literal["named", "title", "pronoun"]
_POST_SEPARATORS = {",", "-", "–", "—", "(", ":"}
_NEXT_TITLE_SEPARATORS = {",", "-", "–", "—"}


@dataclass
class TitleSpan:
    start: int
    end: int
    text: str

    @property
    def key(self) -> tuple[str, ...]:
        return comparison_key(self.text)


@dataclass
class Mention:
    """One mention of a person: by name (with any titles), by title alone, or as bare ``đồng chí``."""

    kind: MentionKind
    start: int
    end: int
    name: str | None = None
    name_start: int = 0
    name_end: int = 0
    titles: list[TitleSpan] = field(default_factory=list)
    marked: bool = False
    """Introduced by ``đồng chí``/``ông``/``bà`` or a rank: a person for certain."""
    comrade: bool = False
    """Introduced by ``đồng chí``: a Party member, an office holder even when no title is given."""


_OPENERS = {FORMER, COMRADE[0]}
_COMRADE = " ".join(COMRADE)
_TITLE_OPENERS = {FORMER, *(head[0] for head in POSITION_HEADS)}
_MARKER_LAST = {marker.split()[-1] for marker in PERSON_MARKERS}
_LONE_KEPT = _OPENERS | _TITLE_OPENERS | HONORIFIC_FIRST_WORDS
"""Words that may start a mention on their own (``find_mentions``): never skipped as a lone capital."""
_LISTING = PhraseTrie(LISTING)
_CONGRESS = tuple(CONGRESS.split())
_ASIDE_MAX = 60
_VOTERS_MAX = 10
_PLURAL_NOUNS = sorted((tuple(m.split()) for m in (*PERSON_MARKERS, *PERSON_CLASSIFIERS)), key=len, reverse=True)


def _marker_before(toks: Tokens, index: int) -> str | None:
    """``đồng chí``/``ông``/``bà`` (singular) directly before token ``index``, if any."""
    keys, spaced = toks.key_list, toks.spaced_list
    if index == 0 or keys[index - 1] not in _MARKER_LAST or index >= toks.n or not spaced[index]:
        return None
    for length in (2, 1):
        start = index - length
        if start < 0 or (length == 2 and not spaced[index - 1]):
            continue
        marker = keys[start] if length == 1 else f"{keys[start]} {keys[index - 1]}"
        if marker in PERSON_MARKERS:
            plural = start > 0 and keys[start - 1] in COUNTED
            return None if plural else marker
    return None


def _skip_honorifics(toks: Tokens, index: int) -> int:
    """Past degrees and ranks before a name (``Tiến sĩ``, ``TS.``, ``Đại tá``), which are never titles."""
    moved = True
    while moved and index < toks.n and toks.key_list[index] in HONORIFIC_FIRST_WORDS:
        moved = False
        for length in (2, 1):
            if index + length > toks.n:
                continue
            if toks.phrase(index, index + length) in HONORIFICS:
                index += length
                moved = True
                break
    return index


def _title_span(toks: Tokens, start: int, end: int) -> TitleSpan:
    text = toks.span_text(start, end)
    return TitleSpan(toks.starts[start], toks.ends[end - 1], text)


def _cut_trailing_name(
    toks: Tokens, start: int, end: int, *, strong: bool, place: int | None = None
) -> tuple[int, tuple[int, int] | None]:
    """Split a name off the end of a title (``Chủ tịch HĐND tỉnh Phương Thị Thanh``): the title's end and the name.
    A run that starts where the title's place does (``place``, after its level word) needs a family name to
    be a person even after a plural (``bầu các Ủy viên UBND huyện Phú Lạc``)."""
    run_start = end - 1
    if run_start <= start or not toks.name_list[run_start]:
        return end, None
    while run_start - 1 > start and toks.name_list[run_start - 1] and toks.spaced(run_start):
        run_start -= 1
    found = name_in_run(toks, run_start, end, strong=strong and run_start != place)
    if found is None or (found[0] <= start + 1 and toks.keys(start, found[0]) not in COMPLETE_HEADS):
        return end, None
    return found[0], found


def _place_of_title(toks: Tokens, parsed: TitleParse, cut: int) -> bool:
    """The name-shaped words cut off a title written after its holder's name stand where its place does, right
    after its level word, and no title follows them (no next entry opens there): they are the place."""
    if parsed.level_at is None or cut != parsed.level_at + level_at(toks, parsed.level_at):
        return False
    after = parsed.end
    return after >= toks.n or toks.gap(after).strip() not in (",", ";", *_DASHES) or parse_title(toks, after, lower=True) is None


def _post_titles(toks: Tokens, index: int, *, entries: bool = False) -> tuple[list[TitleSpan], int]:
    """Titles written after a name, separated by commas, dashes or ``kiêm``; returns them and where they end.

    ``entries``: the name was written after its title, and a list of such entries may go on (``Chủ tịch UBND
    tỉnh Trần Minh Khoa, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Đào Thị Lụa``): a title that ends on a name is
    the next entry's, not this person's."""
    titles: list[TitleSpan] = []
    leveled = False
    k = index
    n = toks.n
    while k < n:
        gap = toks.gap(k).strip()
        allowed = _NEXT_TITLE_SEPARATORS if titles else _POST_SEPARATORS
        if toks.key_list[k] == CONCURRENTLY and titles and not gap and k + 1 < n:
            k += 1
            gap = ","
        if gap.endswith("(") and gap[:-1].strip() in ("", *allowed):
            # ``bà Đào Thị Mơ (SN 1980, xã Phú Lạc), Giám đốc Sở Tư pháp``: an aside on the person, then the titles.
            aside = _aside_end(toks, k)
            if aside is not None:
                k, gap = aside
        if gap not in allowed or "\n" in toks.gap(k):
            break
        degree = _degree_end(toks, k)
        if degree:
            k = degree  # ``ông Chu Minh Đức, Thạc sĩ Luật, Chánh Văn phòng …``: a degree is no title
            continue
        parsed = parse_title(toks, k, lower=True)
        if parsed is not None:
            end, _ = _cut_trailing_name(toks, parsed.start, parsed.end, strong=False)
            if not entries and end < parsed.end and _place_of_title(toks, parsed, end):
                end = parsed.end  # ``Nguyễn Văn Hưng – Chủ tịch UBND phường Trần Nhân Tông đã …``: the place
            if entries and end < parsed.end and gap == ",":
                break
            titles.append(_title_span(toks, parsed.start, end))
            leveled = parsed.level_at is not None
            k = end
            if end < parsed.end:
                break
            continue
        bare = _bare_title_end(toks, k)
        if bare:
            # ``Trần Văn Thắng - Phó Bí thư, Chủ tịch UBND xã``: a position whose body goes without saying.
            titles.append(_title_span(toks, k, bare))
            leveled = False
            k = bare
            continue
        end = _body_after_comma(toks, titles, k, leveled)
        if end > k:
            leveled = True
            k = end
            continue
        break
    return titles, k


def _aside_end(toks: Tokens, k: int) -> tuple[int, str] | None:
    """A short aside in brackets that holds no title (birth year, home place): the token after it and the
    separator that follows the bracket."""
    close = toks.text.find(")", toks.starts[k], toks.starts[k] + _ASIDE_MAX)
    if close < 0 or "\n" in toks.text[toks.starts[k] : close] or parse_title(toks, k, lower=True) is not None:
        return None
    after = toks.at(close + 1)
    if after >= toks.n:
        return None
    rest = toks.text[close + 1 : toks.starts[after]]
    return (after, rest.strip()) if "\n" not in rest else None


def _degree_end(toks: Tokens, k: int) -> int:
    """Past a degree or rank and its field after a comma (``Thạc sĩ Luật``), to the next separator; 0 if none."""
    if toks.key_list[k] not in HONORIFIC_FIRST_WORDS:
        return 0
    j = _skip_honorifics(toks, k)
    if j == k:
        return 0
    while j < toks.n and toks.spaced(j) and toks.cap_list[j] and head_at(toks, j) is None:
        j += 1
    return j if j < toks.n and toks.gap(j).strip() in _NEXT_TITLE_SEPARATORS else 0


def _glued_title(toks: Tokens, start: int, run_end: int) -> int | None:
    """``đồng chí Nguyễn Hồng Sơn Chủ tịch HĐND xã``: a title written straight after the name, with no comma
    or dash, inside the same capitalised run; where it starts (a name keeps at least two syllables)."""
    first = start + 2
    cached_from, cached_end, heads = toks.last_run_titles
    if cached_end != run_end or first < cached_from:
        # Where a title starts in this run, worked out once per run: a scan asking at each of its tokens
        # (``Ông Ông Ông …``) walks it once.
        heads = [k for k in range(first, run_end) if head_at(toks, k) is not None and parse_title(toks, k) is not None]
        toks.last_run_titles = (first, run_end, heads)
    index = bisect_left(heads, first)
    return heads[index] if index < len(heads) else None


def _titles_from(toks: Tokens, k: int) -> tuple[list[TitleSpan], int]:
    """The title starting at token ``k`` and those listed after it; returns them and where they end."""
    parsed = parse_title(toks, k)
    assert parsed is not None
    end, _ = _cut_trailing_name(toks, parsed.start, parsed.end, strong=False)
    more, after = _post_titles(toks, end) if end == parsed.end else ([], end)
    return [_title_span(toks, parsed.start, end), *more], after


def _bare_title_end(toks: Tokens, k: int) -> int:
    """End of a position head standing alone in a list of titles (``Phó Bí thư``, ``Phó bí thư thường
    trực``), which counts only when another title follows it after a comma or a dash."""
    head_end = head_at(toks, k)
    if head_end is None or head_end >= toks.n or toks.keys(k, head_end) in BARE_HEADS:
        return 0
    if toks.gap(head_end).strip() not in _NEXT_TITLE_SEPARATORS or "\n" in toks.gap(head_end):
        return 0
    return head_end if parse_title(toks, head_end) is not None else 0


def holder_after(toks: Tokens, index: int) -> tuple[int, int] | None:
    """The person a position is given to or taken from: ``… đối với ông Trần Quốc Toản``."""
    for phrase in HOLDER_PREPOSITIONS:
        if toks.match(index, phrase) and toks.spaced(index):
            k = index + len(phrase)
            for marker in FORMAL_MARKERS:
                if toks.match(k, marker) and toks.spaced(k):
                    start = k + len(marker)
                    if start < toks.n and toks.spaced(start):
                        return name_at(toks, start, strong=True)
    return None


def _skip_phrase(toks: Tokens, index: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    for phrase in phrases:
        if index < toks.n and toks.spaced(index) and toks.match(index, phrase):
            return index + len(phrase)
    return index


def _appointed_title(toks: Tokens, index: int) -> tuple[list[TitleSpan], int]:
    """A position a person holds, is elected or appointed to: ``ông Trần Quốc Toản giữ chức Phó Chủ tịch
    UBND``, ``bà Lê Thị Hoa được bầu vào chức danh Phó Trưởng Ban Pháp chế, HĐND huyện``."""
    k = index
    for length in (2, 1):
        if k + length < toks.n and toks.spaced(k) and toks.joined(k, k + length) and toks.phrase(k, k + length) in SUBJECT_ADVERBS:
            k += length  # ``ông A tiếp tục được bầu …``
            break
    if k < toks.n and toks.key_list[k] == APPOINTED and (toks.spaced(k) or _after_aside(toks, k)):
        voter = _voters_end(toks, k + 1)  # ``được các đại biểu HĐND thành phố tín nhiệm bầu …``
        verb = _skip_phrase(toks, voter, APPOINTING_VERBS)
        if verb == voter:
            return [], index
        k = verb
    else:
        k = index
    elected = False
    if k == index:
        k = _skip_phrase(toks, k, ELECTED)
        elected = k > index
    after = _skip_phrase(toks, k, ELECTED_TO if elected or k > index + 1 else TO_POSITION)
    if after == k and k == index:
        return [], index
    parsed = parse_title(toks, after, lower=True) if after < toks.n and toks.spaced(after) else None
    if parsed is None and after > k and toks.match(after, STANDING) and organ_at(toks, after + 2):
        # ``giữ chức danh thường trực HĐND huyện``: a seat on the council's standing body.
        body_end, level_start = continue_body(toks, after)
        parsed = TitleParse(after, body_end, level_start) if body_end > after + 2 else None
    if parsed is None:
        return [], index
    end, _ = _cut_trailing_name(toks, parsed.start, parsed.end, strong=False)
    titles = [_title_span(toks, parsed.start, end)]
    if end == parsed.end:
        end = _body_after_comma(toks, titles, end, parsed.level_at is not None)
    return titles, end


def _after_aside(toks: Tokens, k: int) -> bool:
    """Token ``k`` follows a closing bracket on its line: ``ông A (thứ 2, trái sang) được bầu …``."""
    gap = toks.gap(k)
    return gap.strip() == ")" and "\n" not in gap


def _voters_end(toks: Tokens, k: int) -> int:
    """Past who elects, between ``được`` and the verb (``các đại biểu HĐND thành phố`` tín nhiệm bầu): a
    plural and lower-case words or a council on one phrase, ending before an appointing verb; ``k`` when the
    verb follows at once or none does."""
    if k >= toks.n or toks.key_list[k] not in PLURAL:
        return k
    for j in range(k + 1, min(toks.n, k + _VOTERS_MAX)):
        if not toks.spaced(j):
            return k
        if _skip_phrase(toks, j, APPOINTING_VERBS) > j:
            return j
    return k


def _body_after_comma(toks: Tokens, titles: list[TitleSpan], k: int, leveled: bool) -> int:
    """``Trưởng Ban Pháp chế, HĐND tỉnh``: the body of the last title, after a comma (never after a title
    that already ends with its level: ``Phó Chủ tịch UBND tỉnh, Ban Chỉ huy …``). Returns the new end."""
    if not titles or leveled or k >= toks.n or toks.gap(k).strip() != "," or "\n" in toks.gap(k):
        return k
    if not (toks.cap_list[k] and toks.key_list[k] in BODY_FIRST_WORDS):
        return k
    end, _ = continue_body(toks, k)
    if end <= k:
        return k
    last = titles[-1]
    titles[-1] = TitleSpan(last.start, toks.ends[end - 1], toks.text[last.start : toks.ends[end - 1]])
    return end


def find_mentions(toks: Tokens) -> list[Mention]:
    """Every mention of a person in the text, in order."""
    mentions: list[Mention] = []
    n = toks.n
    caps, keys, names, spaced = toks.cap_list, toks.key_list, toks.name_list, toks.spaced_list
    # Only a capitalised word or an opener (``nguyên``, ``đồng chí``) starts a mention: the scan jumps
    # from one such token to the next.
    starts = list(compress(range(n), map(or_, caps, map(_OPENERS.__contains__, keys))))
    c = 0
    # Titles written before a further title: the token where that title starts, and the titles so far.
    pending: tuple[int, list[TitleSpan]] | None = None
    # Posts shared by a list of persons after a colon: the post, and where the list starts and ends.
    shared: list[tuple[TitleSpan, int, int]] = []
    i = 0
    while True:
        c = bisect_left(starts, i, c)
        if c == len(starts):
            break
        i = starts[c]
        if names[i] and (i + 1 == n or not spaced[i + 1] or not names[i + 1]) and keys[i] not in _LONE_KEPT and not (
            i and keys[i - 1] in _MARKER_LAST
        ):
            # A lone capitalised word (``Sáng``, ``Tại``) with no marker before it and no title, honorific or
            # opener in it: no name is one syllable, so it starts no mention (the branches below would find none).
            i += 1
            continue
        marker = _marker_before(toks, i) if i and keys[i - 1] in _MARKER_LAST else None
        marked = marker is not None
        comrade = marker == _COMRADE
        parsed = parse_title(toks, i) if keys[i] in _TITLE_OPENERS and not _names_congress(toks, i) else None
        if parsed is None and comrade and keys[i] in _TITLE_OPENERS:
            head_end = head_at(toks, i)
            if head_end is not None and (head_end >= n or not toks.spaced(head_end) or not caps[head_end]):
                # ``đồng chí Chủ tịch đã yêu cầu …``: a post named bare after ``đồng chí`` refers to its holder.
                title = _title_span(toks, i, head_end)
                mentions.append(Mention("title", title.start, title.end, titles=[title], marked=True))
                i = head_end
                continue
        if parsed is not None and i > 0 and keys[i - 1] == DEPUTY and not caps[i - 1] and toks.spaced(i):
            # ``cho thôi giữ chức danh phó Chủ tịch UBND huyện``: the deputy's post, written in lower case.
            parsed = parse_title(toks, i - 1, lower=True) or parsed
        if parsed is not None:
            plural = _held_by_several(toks, parsed.start)
            title_end, name = _cut_trailing_name(toks, parsed.start, parsed.end, strong=plural, place=_place_start(toks, parsed))
            listed = _list_opening(toks, parsed.end) if plural and name is None else None
            if name is None and parsed.end < n and toks.spaced(parsed.end):
                name = name_at(toks, parsed.end, strong=True) if marked or plural else name_at(toks, parsed.end)
                title_end = parsed.end
            elif listed is not None:
                # ``các Phó Chủ tịch HĐND tỉnh: Nguyễn Đài Thy, Nguyễn Thanh Phong``; ``bầu hai Phó Chủ tịch UBND
                # tỉnh, gồm: A, B``; ``các vị Ủy viên Bộ Chính trị: Chủ tịch Quốc hội A; Phó Thủ tướng B``: the
                # post is each listed person's.
                name = name_at(toks, listed, strong=True)
                title_end = parsed.end
                shared.append((_title_span(toks, parsed.start, title_end), toks.starts[listed], _list_close(toks, listed)))
            elif name is None and not plural and parsed.end < n and toks.gap(parsed.end).strip() in _DASHES:
                # ``dưới sự chủ trì của Chủ tịch UBND thị xã – Trần Úc``: the name after a dash.
                name = _name_ending_phrase(toks, parsed.end)
                title_end = parsed.end
            title = _title_span(toks, parsed.start, title_end)
            if name is None:
                holder = holder_after(toks, parsed.end)
                if holder is not None:
                    # ``bầu bổ sung chức danh Phó Chủ tịch UBND thị xã đối với ông Trần Quốc Toản, Tỉnh ủy viên``
                    after_titles, end = _post_titles(toks, holder[1])
                    mentions.append(_named(toks, holder, [title, *after_titles], True, end))
                    i = max(end, holder[1])
                    continue
                mentions.append(Mention("title", title.start, title.end, titles=[title], marked=marked))
                if not plural and parsed.end < n and toks.gap(parsed.end).strip() == ",":
                    # ``Bí thư Tỉnh uỷ, Chủ tịch HĐND tỉnh Nguyễn Thành Tâm``: a chain of titles before a name.
                    chain = pending[1] if pending is not None and pending[0] == parsed.start else []
                    chain.append(title)
                    pending = (parsed.end, chain)
                i = parsed.end
                continue
            before = pending[1] if pending is not None and pending[0] == parsed.start and not plural else []
            if before and _deputy_of_any(title, before):
                before = []  # ``Chủ tịch UBND, Phó Chủ tịch A``: no one is both; the posts before are another's
            pending = None
            i = _named_from_title(toks, mentions, title, name, comrade=comrade, plural=plural, before=before)
            continue
        if keys[i] == COMRADE[0] and toks.match(i, COMRADE):
            plural = i > 0 and toks.key_list[i - 1] in PLURAL
            follows = i + 2 < n and toks.spaced(i + 2) and toks.cap_list[i + 2]
            if not plural and not follows:
                mentions.append(Mention("pronoun", toks.starts[i], toks.ends[i + 1]))
            i += 2
            continue
        if names[i]:
            start = _skip_honorifics(toks, i) if keys[i] in HONORIFIC_FIRST_WORDS else i
            if keys[i] in ADDRESS_WORDS and i + 1 < n and toks.spaced(i + 1) and toks.name_list[i + 1]:
                # ``Ông Phạm Văn Hòa, Chủ tịch …`` opening a sentence: the word of address is no family name.
                start = _skip_honorifics(toks, i + 1)
            if start != i:
                marked = True
                if start >= n or "\n" in toks.gap(start):
                    i = start
                    continue
            run_end = capital_run_end(toks, start)
            glued = _glued_title(toks, start, run_end) if marked else None
            run_end = glued or run_end
            listed = not marked and 2 <= run_end - start <= 4 and _listed_with_title(toks, start, run_end)
            found = name_in_run(toks, start, run_end, strong=marked or listed)
            if found is not None and (found[0] == start or not marked):
                if glued is not None and found[1] == glued:
                    titles, end = _titles_from(toks, glued)
                else:
                    titles, end = _post_titles(toks, found[1])
                appointed, appointed_end = _appointed_title(toks, end)
                if appointed:
                    # ``ông A, Bí thư Đảng ủy xã được bầu giữ chức Chủ tịch HĐND xã``
                    titles, end = [*titles, *appointed], appointed_end
                if titles or marked:
                    mentions.append(_named(toks, found, titles, marked, end, comrade=comrade))
                i = max(run_end, end if titles else run_end)
                continue
            i = start + 1 if start == i else start
            continue
        i += 1
    _share(mentions, shared)
    _share_with_partner(toks, mentions)
    return mentions


def _share_with_partner(toks: Tokens, mentions: list[Mention]) -> None:
    """``ông A và ông B, đại biểu HĐND huyện``: the titles written after the second of two persons joined by
    ``và`` are the first one's too, when the first has none."""
    for first, second in zip(mentions, mentions[1:]):
        if first.kind != "named" or second.kind != "named" or first.titles or not second.titles:
            continue
        if second.start != second.name_start:
            continue
        between = toks.text[first.name_end : second.name_start].split()
        if len(between) >= 2 and fold(between[0]) == AND and fold(" ".join(between[1:])) in PERSON_MARKERS:
            first.titles = list(second.titles)


def _share(mentions: list[Mention], shared: list[tuple[TitleSpan, int, int]]) -> None:
    """Give a post written once for a list to every person named in the list, before their own titles."""
    for title, start, end in shared:
        for mention in mentions:
            if mention.kind == "named" and start <= mention.name_start < end and all(t.key != title.key for t in mention.titles):
                mention.titles.insert(0, title)


def _names_congress(toks: Tokens, k: int) -> bool:
    """Token ``k`` goes on the name of a congress (``Đại hội Đại biểu Đảng bộ …``): no post starts there."""
    return k >= len(_CONGRESS) and toks.keys(k - len(_CONGRESS), k) == _CONGRESS and toks.spaced(k)


def _held_by_several(toks: Tokens, start: int) -> bool:
    """A post written for more than one person: ``các Phó Chủ tịch``, ``hai Phó Chủ tịch``, ``các vị Ủy viên``,
    ``các đồng chí Ủy viên``."""
    k = start
    for marker in _PLURAL_NOUNS:
        if k - len(marker) > 0 and toks.keys(k - len(marker), k) == marker and toks.joined(k - len(marker), k + 1):
            k -= len(marker)
            break
    return k > 0 and toks.key_list[k - 1] in COUNTED


def _list_opening(toks: Tokens, end: int) -> int | None:
    """Where the persons listed after a post held by several start: after its colon (``các Phó Chủ tịch HĐND
    tỉnh: A, B``), or after ``gồm``/``là`` (``hai Phó Chủ tịch UBND tỉnh, gồm: A, B``)."""
    if end >= toks.n or "\n" in toks.gap(end):
        return None
    gap = toks.gap(end).strip()
    if gap == ":":
        return end
    if gap in ("", ","):
        length = _LISTING.longest(toks, end)
        after = end + length
        if length and after < toks.n and toks.gap(after).strip() in (":", "") and "\n" not in toks.gap(after):
            return after
    return None


def _list_close(toks: Tokens, start: int) -> int:
    """Where a list that starts at token ``start`` ends: its sentence's full stop or its line's end."""
    text = toks.text
    begin = toks.starts[start]
    ends = [i for i in (text.find("\n", begin), text.find(". ", begin)) if i >= 0]
    return min(ends) if ends else len(text)


def _place_start(toks: Tokens, parsed: TitleParse) -> int | None:
    """The token where a title's place would start, after its level word (``Ủy viên UBND huyện`` Phú Lạc)."""
    if parsed.level_at is None:
        return None
    return parsed.level_at + level_at(toks, parsed.level_at)


_DASHES = {"-", "–", "—"}
_LIST_OPENERS = {":", ";"}


def _name_ending_phrase(toks: Tokens, index: int) -> tuple[int, int] | None:
    """A name at ``index`` that is the whole phrase (nothing capitalised runs on after it)."""
    found = name_at(toks, index, strong=True)
    if found is None or (found[1] < toks.n and toks.spaced(found[1]) and toks.cap_list[found[1]]):
        return None
    return found


def _listed_with_title(toks: Tokens, start: int, end: int) -> bool:
    """``Dự họp có các đồng chí: Chá A Của, Ủy viên …; Giàng A Tông, …``: a capitalised run that opens
    an item of a list and is followed by a comma and a title is a name, whatever its family name; so is one
    after a comma and before a dash and a title (``…: A - Chủ tịch HĐND xã, B - Phó Chủ tịch HĐND xã``)."""
    if not 2 <= end - start <= 4 or end >= toks.n:
        return False
    opener = toks.gap(start).strip()
    closer = toks.gap(end).strip()
    dashed_item = opener == "," and closer in _DASHES
    if opener not in _LIST_OPENERS and not dashed_item and not (opener == "" and start >= 2 and toks.keys(start - 2, start) == COMRADE):
        return False
    return closer in (",", *_DASHES) and "\n" not in toks.gap(end) and parse_title(toks, end) is not None


def _named(
    toks: Tokens, name: tuple[int, int], titles: list[TitleSpan], marked: bool, end: int, *, comrade: bool = False
) -> Mention:
    start_char, end_char = toks.starts[name[0]], toks.ends[name[1] - 1]
    last = titles[-1].end if titles else end_char
    return Mention(
        "named",
        start_char,
        max(end_char, last),
        name=toks.span_text(*name),
        name_start=start_char,
        name_end=end_char,
        titles=titles,
        marked=marked,
        comrade=comrade,
    )


def _deputy_of_any(title: TitleSpan, chain: list[TitleSpan]) -> bool:
    """``title`` is the deputy post of a post in ``chain`` (``Phó Chủ tịch`` after ``Chủ tịch UBND``)."""
    key = fold(title.text).split()
    if not key or key[0] != DEPUTY:
        return False
    head = key[1:3]
    return any(fold(other.text).split()[: len(head)] == head for other in chain)


def _named_from_title(
    toks: Tokens,
    mentions: list[Mention],
    title: TitleSpan,
    name: tuple[int, int],
    *,
    comrade: bool,
    plural: bool,
    before: list[TitleSpan],
) -> int:
    """Record ``TITLE NAME`` (and, after a plural title, ``, NAME`` / ``và NAME``); returns the next token.
    ``before``: titles chained before ``title`` with commas, the same person's."""
    after_titles, end = _post_titles(toks, name[1], entries=True)
    mention = _named(toks, name, [*before, title, *after_titles], True, end, comrade=comrade)
    mention.start = before[0].start if before else title.start
    mentions.append(mention)
    k = end if after_titles else name[1]
    while plural and k < toks.n:
        gap = toks.gap(k).strip()
        j = k + 1 if toks.key_list[k] == AND and not gap else k
        if j >= toks.n or (gap != "," and j == k) or (j != k and toks.gap(j).strip()):
            break
        following = name_at(toks, j, strong=True)
        if following is None:
            break
        mentions.append(_named(toks, following, [title], True, following[1]))
        k = following[1]
    return max(k, name[1])


@dataclass
class Person:
    """One office holder as the article gives them, gathered from all mentions."""

    name: str
    name_span: tuple[int, int]
    titles: list[TitleSpan] = field(default_factory=list)
    comrade: bool = False

    _where: dict[tuple[str, ...], int] = field(default_factory=dict, init=False, repr=False, compare=False)
    """Where each title's key stands in ``titles`` (no two titles of a person read alike)."""
    _readings: Counter[tuple[str, ...]] = field(default_factory=Counter, init=False, repr=False, compare=False)
    """Every reading of the person's titles, their keys and all their beginnings (``Bí thư``, ``Bí thư Thành ủy``)."""

    def __post_init__(self) -> None:
        titles, self.titles = self.titles, []
        for title in titles:
            self.add_title(title)

    def add_title(self, title: TitleSpan) -> None:
        """Keep each position once, in its fullest wording (``Bí thư Thành ủy`` → ``… Thành ủy Bắc Kạn``).

        No key of a person's titles begins another, so the title a new one meets is the one with its key,
        else the one whose key it goes on from, else any whose key goes on from it (then it adds nothing).
        """
        key = title.key
        index = self._where.get(key)
        if index is not None:
            if "," in self.titles[index].text and "," not in title.text:
                self.titles[index] = title
            return
        for length in range(1, len(key)):
            index = self._where.get(key[:length])
            if index is not None:
                self._forget(self.titles[index].key)
                self.titles[index] = title
                self._learn(key, index)
                return
        if self._readings.get(key, 0):
            return
        self.titles.append(title)
        self._learn(key, len(self.titles) - 1)

    def _learn(self, key: tuple[str, ...], index: int) -> None:
        self._where[key] = index
        self._readings.update(key[:length] for length in range(1, len(key) + 1))

    def _forget(self, key: tuple[str, ...]) -> None:
        del self._where[key]
        self._readings.subtract(key[:length] for length in range(1, len(key) + 1))

    def holds(self, title_key: tuple[str, ...]) -> bool:
        """Has a title that reads ``title_key`` (possibly followed by a place): ``Bí thư Thành ủy``."""
        return self._readings.get(title_key, 0) > 0

    def readings(self) -> list[tuple[str, ...]]:
        """Every way the person's titles read (``Person.holds`` is true of each)."""
        return [reading for reading, count in self._readings.items() if count > 0]


def collect_people(mentions: list[Mention], sentences: list[Sentence] | None = None) -> list[Person]:
    """One person per distinct name, in order of first mention, titles merged across mentions."""
    people: dict[str, Person] = {}
    for mention in mentions:
        if mention.kind != "named" or mention.name is None:
            continue
        key = match_key(mention.name)
        person = people.get(key)
        if person is None:
            person = people[key] = Person(mention.name, (mention.name_start, mention.name_end))
        person.comrade = person.comrade or mention.comrade
        for title in mention.titles:
            person.add_title(title)
    return [p for p in people.values() if p.titles or p.comrade]


def to_officials(people: list[Person], text: str) -> list[Official]:
    """Schema records with evidence spans into the article text: the persons the article gives a post (one
    named ``đồng chí`` with no post is still who a request or a chair refers to, but no official)."""
    out = []
    for person in people:
        if not person.titles:
            continue
        start, end = person.name_span
        out.append(
            Official(
                name=person.name,
                titles=[t.text for t in person.titles],
                name_evidence=Span(start=start, end=end, text=text[start:end]),
                title_evidence=[Span(start=t.start, end=t.end, text=text[t.start : t.end]) for t in person.titles],
            )
        )
    return out
