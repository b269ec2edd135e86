"""Bodies and places: the councils and Party committees a span names, with their level and place (``HĐND
xã Xuân Quế``, ``UBND TX. Giá Rai``, ``Thành ủy``); other bodies named with a gathering (``hội nghị … của
Ban Chỉ đạo …``) or as the subject of ``họp``; the places an article names with each level; and which of
these holds a gathering."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarizer.language.bodies import (
    BODY_FIRST_WORDS,
    DELEGATION,
    EXECUTIVE_COMMITTEE,
    GROUP_LABEL,
    HDND,
    ORGAN_FIRST_WORDS,
    PARTY_COMMITTEE_LEVELS,
    PARTY_COMMITTEE_OF_LEVEL,
    PARTY_UNIT_BODIES,
    STANDING,
    STANDING_PARTS,
    UNIT_PARTY_COMMITTEE,
)
from summarizer.language.calendar import DAY, MONTH, YEAR
from summarizer.language.directing import SUBJECT_ADVERBS
from summarizer.language.function_words import AND, OF, PLURAL, PURPOSE
from summarizer.language.names import COMRADE
from summarizer.language.gatherings import (
    BODY_NAME_STOPS,
    CHAIRED_GATHERINGS,
    CONGRESS,
    DELEGATES,
    COOPERATION,
    COOPERATION_PARTNERS,
    FUTURE_ADVERBS,
    GATHERING_VERBS,
    HOLDING_VERBS,
    HOSTED_BY,
    MEET,
)
from summarizer.language.levels import ABBREVIATED_LEVELS, DOTTED_ONLY, LEVEL_NAMES, LEVEL_TIER, LEVELS, TIER_COUNTS
from summarizer.language.patterns import alternation, any_word, spaced
from summarizer.language.outcomes import TOPIC_VERBS
from summarizer.language.posts import COUNCIL_VOTES
from summarizer.language.places import NOT_PLACE_FIRST, PLACE_STOPS, VENUE_PREPOSITION, VENUES

from summarizer.text.normalize import fold

from .document import Document
from .names import capital_run_end, name_in_run
from .sentences import Sentence
from .titles import continue_body, head_at, level_at, level_name, organ_at
from .tokens import Tokens

if TYPE_CHECKING:
    from .gatherings import Gathering

# ``H. Long Mỹ``, ``TP. Vinh``, ``TP Bắc Ninh``, ``TX. Kỳ Anh``, ``Q. Ba Đình``: a level abbreviated before a place.
_ABBREVIATED_LEVEL = re.compile(
    f"(?=[{''.join(sorted({short[0] for short in ABBREVIATED_LEVELS}))}])(?<![^\\W\\d_])("
    + "|".join(short + (r"(?=\.)" if short in DOTTED_ONLY else "") for short in ABBREVIATED_LEVELS)
    + r")(?:\.\s?|\s)(?=[A-ZĐ])"
)
_LEVEL_WORD = any_word(LEVEL_NAMES, tail=r" (?=[^\W\d_])")
_BODY_NAME_STOP = re.compile(rf"\s(?:{'|'.join(BODY_NAME_STOPS)})\s|[.;:(]")
_PURPOSE = re.compile(rf"\s(?:{'|'.join(sorted(PURPOSE))})\s")
_VENUE = re.compile(rf"(?<![^\W\d_]){VENUE_PREPOSITION}\s+{alternation(VENUES)}(?:\s+[^\W\d_]+)?\s+$")
_COOPERATION = re.compile(rf"\s{spaced(COOPERATION)}\s+{alternation(COOPERATION_PARTNERS)}\s")
_OF = re.compile(rf"(?<![^\W\d_]){OF}\s+")
_DATE_WORDS = frozenset({YEAR, MONTH, DAY})
_PLACE_STOP_FIRSTS = frozenset(stop.split()[0] for stop in PLACE_STOPS if " " in stop)
_BEFORE_MEET = SUBJECT_ADVERBS | HOLDING_VERBS | FUTURE_ADVERBS
_VENUE_REACH = 40
_PLACE_SUBJECT_WORDS = 8
_ASIDE_WORDS = 6
_GATHERING_NAMED = any_word(CHAIRED_GATHERINGS)
_GATHERING_VERB = any_word(GATHERING_VERBS)
_GATHERING_OF = re.compile(rf"(?:{alternation((*CHAIRED_GATHERINGS, CONGRESS))})(?:\s+{DELEGATES})?\s+")
_AT = any_word((VENUE_PREPOSITION,))
_PARTY_UNITS = frozenset(PARTY_UNIT_BODIES.values())
_LEADERS_REACH = 12
_LEADERS_GAP = 6
_NAMED_BODY_REACH = 100
_SUBJECT_REACH = 80
_VOTES = any_word(COUNCIL_VOTES)
_TOPIC_AFTER_BODY = re.compile(rf"\s(?:{alternation(sorted(TOPIC_VERBS, key=len, reverse=True))})\s")
_VOTED_POST_REACH = 60
_SUBJECT_ENDS = frozenset(key[-1] for key in LEVELS)
_PLURAL_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(PLURAL)})\s+(?:{spaced(' '.join(COMRADE))}\s+)?$")
_PLURAL_REACH = 20
_GROUP_WORDS = frozenset(GROUP_LABEL.split()) | frozenset(STANDING)


@dataclass
class Organ:
    """A council or Party committee named in the text: its short form, level and place, where it is
    (its first token), and whether it is named inside a person's title (``Chủ tịch UBND tỉnh``)."""

    short: str
    level: str | None
    locality: str | None
    token: int
    in_title: bool
    end: int = 0
    """The token after its name, level and place."""
    several: bool = False
    """The bodies of many places of a level (``Thường trực HĐND các tỉnh``): no one body."""


def organs_in(doc: Document, start: int, end: int) -> list[Organ]:
    """Councils and Party committees named between two offsets, with their level and place."""
    toks = doc.toks
    out: list[Organ] = []
    starts = toks.starts
    candidates = toks.indices(ORGAN_FIRST_WORDS)
    # What a body named at a token is does not depend on the span sought: worked out once per token.
    known: dict[int, tuple[Organ, int] | None] = doc.memo.setdefault(organs_in, {})  # type: ignore[assignment]
    c = bisect_left(candidates, toks.at(start))
    while c < len(candidates) and starts[candidates[c]] < end:
        k = candidates[c]
        if k in known:
            found = known[k]
        else:
            found = known[k] = _organ_from(doc, k)
        if found is None:
            c += 1
            continue
        out.append(found[0])
        c = bisect_left(candidates, found[1], c)
    return out


def _organ_from(doc: Document, k: int) -> tuple[Organ, int] | None:
    """The council or Party committee named from token ``k`` on, and the token after its name, level and place."""
    toks = doc.toks
    found = organ_at(toks, k)
    if found is None:
        return None
    short, after = found
    level = PARTY_COMMITTEE_LEVELS.get(short)
    abbreviated = False
    several = False
    if level is None and after + 1 < toks.n and toks.spaced(after) and toks.key_list[after] in PLURAL:
        level = level_name(toks, after + 1) if toks.spaced(after + 1) else None
        several = level is not None
    if several:
        after += 1 + level_at(toks, after + 1)
    elif _of_several_tiers(toks, after):
        # ``đại biểu HĐND ba cấp huyện Thoại Sơn``: the councils of every level of one place.
        after += 2
        length = level_at(toks, after) if after < toks.n and toks.spaced(after) else 0
        place = place_at(doc, after + length) if length else None
        end = toks.at(toks.starts[after + length] + len(place)) if place else after
        return Organ(short, None, place, k, doc.in_title(toks.starts[k]), end, True), end
    elif level is None and after < toks.n and toks.spaced(after):
        level = level_name(toks, after)
        if level:
            after += level_at(toks, after)
        else:
            # ``HĐND TX. Giá Rai``, ``UBND H. Long Mỹ``: the level abbreviated before the place.
            short_level = _ABBREVIATED_LEVEL.match(doc.text, toks.starts[after])
            if short_level is not None:
                level = ABBREVIATED_LEVELS[short_level.group(1)]
                after = toks.at(short_level.end())
                abbreviated = True
            elif short in _PARTY_UNITS:
                level, after = _unit_level(toks, after)
    if short in _PARTY_UNITS and _after_executive_committee(toks, k):
        short = PARTY_COMMITTEE_OF_LEVEL.get(level, UNIT_PARTY_COMMITTEE)  # ``BCH Đảng bộ xã``: its Đảng ủy
    named_on = after < toks.n and toks.key_list[after] in NOT_PLACE_FIRST and level is None
    locality = None if several or named_on else place_at(doc, after, abbreviated=abbreviated)
    name_end = toks.at(toks.starts[after] + len(locality)) if locality else after
    return Organ(short, level, locality, k, doc.in_title(toks.starts[k]), name_end, several), after


def _of_several_tiers(toks: Tokens, after: int) -> bool:
    """``HĐND ba cấp``, ``HĐND các cấp``: the councils of several levels follow (no one body)."""
    return after + 1 < toks.n and toks.spaced(after) and toks.key_list[after] in TIER_COUNTS and toks.key_list[after + 1] == LEVEL_TIER


def _unit_level(toks: Tokens, after: int) -> tuple[str | None, int]:
    """The level of a Party body named after its unit (``Đảng bộ Ban Chỉ huy Bộ đội Biên phòng tỉnh …``,
    ``Đảng ủy các cơ quan Đảng phường``) and the token after the level word; (None, ``after``) when the
    unit's name gives none."""
    start = after + 1 if after < toks.n and toks.key_list[after] in PLURAL else after
    if start >= toks.n or not toks.spaced(start):
        return None, after
    _, level_start = continue_body(toks, start)
    if level_start is None:
        return None, after
    return level_name(toks, level_start), level_start + level_at(toks, level_start)


def _after_executive_committee(toks: Tokens, k: int) -> bool:
    """``Ban Chấp hành``/``BCH`` stands right before token ``k``."""
    return any(k >= len(words) and toks.keys(k - len(words), k) == words and toks.joined(k - len(words), k + 1) for words in EXECUTIVE_COMMITTEE)


def place_at(doc: Document, index: int, *, abbreviated: bool = False) -> str | None:
    """The place name at token ``index`` (``Bắc Ninh``): capitalised words up to a word that cannot be
    a place (``Chủ trì``, ``Khóa XI``), and not a person the article names there (``Chủ tịch UBND
    huyện Nguyễn Văn A``). ``abbreviated``: after ``H.``/``TP.``, where punctuation stands before it."""
    toks = doc.toks
    if index >= toks.n or not toks.name_list[index] or not (abbreviated or toks.spaced(index)):
        return None
    end = capital_run_end(toks, index)
    keys = toks.key_list
    for k in range(index, end):
        if keys[k] in _DATE_WORDS and not (k + 1 < toks.n and keys[k + 1][0].isdigit()):
            continue  # ``Ngã Năm``, a place; ``Năm 2024``, a date
        if keys[k] in PLACE_STOPS or (keys[k] in _PLACE_STOP_FIRSTS and toks.phrase(k, k + 2) in PLACE_STOPS):
            end = k
            break
    person = name_in_run(toks, index, end) if end > index else None
    if person is not None and toks.starts[person[0]] in doc.name_starts:
        end = person[0]
    if end <= index:
        return None
    return toks.span_text(index, end)


def place_named_for(doc: Document, sentence: Sentence) -> str | None:
    """The place a sentence says a gathering is held in: ``Tại Hà Nội``, ``tại tỉnh Thanh Lam`` (a place's
    name after ``tại``, with or without its level word; no venue, body or building)."""
    toks = doc.toks
    for m in _AT.finditer(toks.folded, sentence.start, sentence.end):
        k = toks.at(m.end())
        if k >= toks.n or toks.starts[k] >= sentence.end:
            continue
        k += level_at(toks, k)
        if k < toks.n and toks.key_list[k] not in NOT_PLACE_FIRST and organ_at(toks, k) is None:
            place = place_at(doc, k)
            if place:
                return place
    return None


def article_places(doc: Document) -> dict[str, str]:
    """For each level, the place the article most often names with it (``tỉnh Bắc Kạn``)."""
    toks = doc.toks
    counts: dict[str, Counter[str]] = {}
    first_seen: dict[str, int] = {}
    text = toks.text
    for m in _LEVEL_WORD.finditer(toks.folded):
        if not text[m.end()].isupper():  # the word after the level (a letter starts it) is no name
            continue
        k = toks.at(m.start())
        length = level_at(toks, k)
        if not length:
            continue
        level = LEVELS[toks.keys(k, k + length)]
        place = place_at(doc, k + length)
        if place:
            counts.setdefault(level, Counter())[place] += 1
            first_seen.setdefault(place, k)
    for m in _ABBREVIATED_LEVEL.finditer(doc.text):
        k = toks.at(m.end())
        place = place_at(doc, k, abbreviated=True) if k < toks.n and toks.starts[k] == m.end() else None
        if place:
            level = ABBREVIATED_LEVELS[m.group(1)]
            counts.setdefault(level, Counter())[place] += 1
            first_seen.setdefault(place, k)
    return {
        level: max(found, key=lambda p: (found[p], -first_seen[p])) for level, found in counts.items()
    }


def unit_place(doc: Document) -> str | None:
    """A district's name as units and events append it (``Chi nhánh Văn phòng Đăng ký đất đai Điện Bàn``,
    ``Tuần văn hóa du lịch Bắc Sơn``) when the article never writes it after a level word: a run of two
    or three name syllables after a lower-case word, ending its phrase, that is no person and opens with
    no word of a body's name."""
    toks = doc.toks
    counts: Counter[str] = Counter()
    i = 1
    while i < toks.n:
        if not (toks.name_list[i] and not toks.cap_list[i - 1] and toks.spaced(i)):
            i += 1
            continue
        end = capital_run_end(toks, i)
        ends_phrase = end >= toks.n or not toks.spaced(end) or not toks.cap_list[end]
        if (
            2 <= end - i <= 3
            and ends_phrase
            and toks.key_list[i - 1] != AND
            and toks.key_list[i] not in NOT_PLACE_FIRST
            and toks.starts[i] not in doc.name_starts
            and name_in_run(toks, i, end) is None
        ):
            counts[toks.span_text(i, end)] += 1
        i = end
    return counts.most_common(1)[0][0] if counts else None


def named_body(doc: Document, offset: int, end: int) -> str | None:
    """A body named with the gathering word: ``cuộc họp Ban Chỉ đạo … lần thứ hai``, ``hội nghị sơ kết
    … của Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh``."""
    toks = doc.toks
    k = toks.at(offset)
    while k < toks.n and toks.starts[k] < end and not toks.cap_list[k] and toks.starts[k] - offset <= 20:
        k += 1
    if not _opens_body(toks, k, end):
        of = _OF.search(toks.folded, offset, min(end, offset + _NAMED_BODY_REACH))
        if of is None:
            return None
        k = toks.at(of.end())
        if not _opens_body(toks, k, end):
            return None
    if organ_at(toks, k) is not None:
        return None
    for standing in STANDING_PARTS:
        if toks.match(k, standing) and organ_at(toks, k + len(standing)) is not None:
            return None  # ``Ban Thường vụ Tỉnh ủy``: the committee's own gathering, its organ the committee
    rest = doc.text[toks.starts[k] : end]
    stop = _BODY_NAME_STOP.search(rest)
    body = rest[: stop.start()] if stop else rest
    for topic in _TOPIC_AFTER_BODY.finditer(fold(body)):
        if body[topic.start() + 1].isupper():
            body = body[: topic.start()]  # ``Họp Chi bộ phòng … Sơ kết hoạt động …``: its topic, capitalised, follows
            break
    return body.strip(" ,") or None


def _opens_body(toks: Tokens, k: int, end: int) -> bool:
    return k < toks.n and toks.starts[k] < end and toks.cap_list[k] and toks.key_list[k] in BODY_FIRST_WORDS


def subject_body(doc: Document, offset: int, floor: int) -> str | None:
    """The body that holds a gathering as the subject of its verb, named just before it: ``…, Ban Chỉ huy
    phòng chống thiên tai và tìm kiếm cứu nạn tỉnh họp``, ``Hội Chữ thập đỏ tỉnh tổ chức lễ ra quân``,
    ``Tỉnh đoàn tổ chức chương trình …`` (``offset``: ``họp``, the gathering word after a verb of holding, or
    that verb; or the verb that names the gathering: ``Đoàn Đại biểu Quốc hội tỉnh tiếp xúc cử tri``, said by
    a body opening its clause). Its name may hold a comma (``Ban Chỉ đạo phòng, chống …``), so the walk back crosses commas
    until a body word has been passed. Councils, committees, titles and persons are left to ``organs_in``."""
    toks = doc.toks
    k = toks.at(offset)
    if k >= toks.n or k == 0:
        return None
    end = _verb_start(toks, k)  # ``… tỉnh tổ chức họp``
    held = toks.key_list[k] == MEET or toks.phrase(k, k + 2) in HOLDING_VERBS
    held = held or any(toks.key_list[i] in HOLDING_VERBS or toks.phrase(i, i + 2) in HOLDING_VERBS for i in range(end, k))
    by_verb = not held and _GATHERING_VERB.match(toks.folded, toks.starts[k]) is not None
    if not held and not by_verb:
        return None
    start: int | None = None
    j = end - 1
    while j >= 0 and toks.starts[j] >= floor:
        if toks.cap_list[j] and toks.key_list[j] in BODY_FIRST_WORDS:
            start = j
        gap = toks.gap(j).strip()
        if j == 0 or "\n" in toks.gap(j) or (gap and gap != ",") or (gap == "," and start is not None):
            break
        j -= 1
    if start is None or any(organ_at(toks, i) or _post_at(toks, i) or toks.starts[i] in doc.name_starts for i in range(start, end)):
        return None
    if by_verb and start > 0 and not (toks.gap(start).strip() or "\n" in toks.gap(start)):
        return None  # ``…, lãnh đạo Đoàn ĐBQH tỉnh gặp mặt``: the leaders of several bodies, not one body
    return toks.span_text(start, end)


def _post_at(toks: Tokens, i: int) -> bool:
    """A post opens at token ``i`` (not the deputies a delegation is named for: ``Đoàn Đại biểu Quốc hội``)."""
    return head_at(toks, i) is not None and not (i > 0 and toks.key_list[i - 1] == DELEGATION)


def _place_aside_start(doc: Document, end: int) -> int:
    """Where the province written after a body's own place starts (``UBND xã Tân Phú (tỉnh Đồng Nai)``, ``Đảng ủy
    phường Hạc Thành, tỉnh Thanh Hóa``), when such an aside ends at token ``end``; else ``end``."""
    toks = doc.toks
    for j in range(end - 1, max(0, end - _ASIDE_WORDS) - 1, -1):
        gap = toks.gap(j).strip()
        if gap not in ("(", ","):
            continue
        length = level_at(toks, j)
        place = place_at(doc, j + length) if length else None
        if place is None or toks.at(toks.starts[j + length] + len(place)) != end:
            return end
        return j if gap == "," or toks.gap(end).strip() == ")" else end
    return end


def _place_subject(doc: Document, keyword_at: int, floor: int) -> tuple[str, str] | None:
    """The level and place of a unit named as the subject of the gathering's verb of holding, opening its
    clause (``Xã Chí Minh tổ chức Hội nghị …``, ``Ngày 03/02, Phường Phổ Thạnh tổ chức …``); None otherwise."""
    toks = doc.toks
    k = toks.at(keyword_at)
    if k >= toks.n:
        return None
    end = _verb_start(toks, k)
    if end == 0 or not any(toks.key_list[i] in HOLDING_VERBS or toks.phrase(i, i + 2) in HOLDING_VERBS for i in range(end, k)):
        return None
    for j in range(end - 1, max(-1, end - _PLACE_SUBJECT_WORDS), -1):
        if toks.starts[j] < floor:
            return None
        length = level_at(toks, j)
        if not length:
            continue
        place = place_at(doc, j + length)
        opens_clause = j == 0 or toks.gap(j).strip() not in ("", "(") or "\n" in toks.gap(j)
        if place and opens_clause and toks.at(toks.starts[j + length] + len(place)) == end:
            return level_name(toks, j), place
        return None
    return None


def _verb_start(toks: Tokens, k: int) -> int:
    """Where the verb phrase before token ``k`` starts: back over verbs of holding and adverbs
    (``… sẽ tổ chức`` Hội nghị)."""
    end = k
    while end > 0 and toks.spaced(end):
        if toks.key_list[end - 1] in _BEFORE_MEET:
            end -= 1
        elif end > 1 and toks.spaced(end - 1) and toks.phrase(end - 2, end) in _BEFORE_MEET:
            end -= 2
        else:
            break
    return end


def _subject(doc: Document, keyword_at: int, floor: int) -> Organ | None:
    """The council or Party committee (or the title of an official) that is the subject of the gathering's
    verb: its name ends where the verb phrase before the gathering word starts."""
    toks = doc.toks
    k = toks.at(keyword_at)
    verb = _verb_start(toks, k)
    end = _place_aside_start(doc, verb)
    if end == 0 or (end == verb and not toks.spaced(end)) or not (toks.cap_list[end - 1] or toks.key_list[end - 1] in _SUBJECT_ENDS):
        return None  # a council's or committee's name ends on its place, its level or its capitalised name
    window = max(floor, toks.starts[end] - _SUBJECT_REACH)
    named = organs_in(doc, window, toks.starts[end])
    if not named or named[-1].end != end:
        return None
    subject = named[-1]
    if len(named) > 1 and named[-2].short != subject.short and _listed(doc, named[-2], subject):
        return None  # ``Thường trực Tỉnh ủy, HĐND tỉnh, lãnh đạo UBND tỉnh gặp mặt …``: several bodies' leaders
    return subject


def _listed(doc: Document, before: Organ, organ: Organ) -> bool:
    """Two bodies named one after the other in a list (``Tỉnh ủy, HĐND tỉnh``, ``HĐND và lãnh đạo UBND``)."""
    between = doc.toks.folded[doc.toks.ends[before.end - 1] : doc.toks.starts[organ.token]]
    words = [w for w in between.replace(",", " , ").split() if w not in _GROUP_WORDS]
    return all(w in (",", AND) for w in words)


def _plural_title(doc: Document, organ: Organ) -> bool:
    """The organ is named in a title held by several (``các đồng chí Phó Chủ tịch UBND xã``): the leaders of a
    body stand for the body."""
    start = doc.title_start(doc.toks.starts[organ.token])
    return start is not None and _PLURAL_BEFORE.search(doc.toks.folded, max(0, start - _PLURAL_REACH), start) is not None


def council_sits(doc: Document, g: Gathering) -> bool:
    """The council itself, not its standing body, holds the meeting (``Hội đồng nhân dân tỉnh … tiến hành
    phiên họp lần thứ nhất``): a sitting of the whole council is a session."""
    subject = _subject(doc, g.keyword_at, g.anchors[0].start)
    if subject is None or subject.short != HDND or subject.in_title:
        return False
    k = subject.token
    return not any(k >= len(part) and doc.toks.keys(k - len(part), k) == part for part in STANDING_PARTS)


def _council(doc: Document, texts: list[Sentence]) -> tuple[str | None, str | None]:
    """The level and place of the council whose session the sentences report: the council they name; else the
    one council the article names; else the level of a post the session votes on (``Kỳ họp thứ 17 … nhằm bầu
    thêm một Phó Chủ tịch Ủy ban nhân dân huyện``)."""
    councils = [o for s in texts for o in organs_in(doc, s.start, s.end) if o.short == HDND and not o.several]
    councils.sort(key=lambda o: (o.in_title, o.level is None))
    if not councils:
        named = _article_councils(doc)
        if named and len({o.level for o in named}) == 1:
            councils = named
    if councils:
        best = councils[0]
        place = best.locality or next((o.locality for o in councils if o.level == best.level and o.locality is not None), None)
        return best.level, place
    levels = {o.level for s in texts for o in _voted_posts(doc, s) if o.level}
    return (levels.pop() if len(levels) == 1 else None), None


def _article_councils(doc: Document) -> list[Organ]:
    """The councils the article names, not in a title nor many at once (worked out once per article)."""
    found = doc.memo.get(_article_councils)
    if found is None:
        found = doc.memo[_article_councils] = [
            o for o in organs_in(doc, 0, len(doc.text)) if o.short == HDND and not o.in_title and not o.several
        ]
    return found  # type: ignore[return-value]


def _voted_posts(doc: Document, sentence: Sentence) -> list[Organ]:
    """The bodies of the posts a sentence's council votes on (``bầu thêm một Phó Chủ tịch UBND huyện``)."""
    folded = doc.toks.folded
    return [
        o
        for m in _VOTES.finditer(folded, sentence.start, sentence.end)
        for o in organs_in(doc, m.end(), min(sentence.end, m.end() + _VOTED_POST_REACH))
        if o.in_title
    ]


def _leaders_named(doc: Document, keyword_at: int, end: int) -> Organ | None:
    """A body whose leaders, several of them, are named right after the gathering word (``Giao ban Chủ tịch,
    các Phó Chủ tịch UBND tỉnh``)."""
    toks = doc.toks
    k = toks.at(keyword_at)
    stop = min(end, toks.starts[min(toks.n - 1, k + _LEADERS_REACH)])
    for organ in organs_in(doc, keyword_at, stop):
        if not organ.in_title or not _plural_title(doc, organ):
            continue
        start = doc.title_start(toks.starts[organ.token])
        if start is not None and len(toks.folded[keyword_at:start].split()) <= _LEADERS_GAP:
            return organ
    return None


def _at_venue(doc: Document, organ: Organ) -> bool:
    """A body named after ``tại`` in its clause is where the gathering sits (``tại Nhà khách Văn phòng Tỉnh ủy``),
    not who holds it; after ``tại`` and a gathering word it holds the gathering (``tại phiên họp UBND tỉnh``)."""
    folded = doc.toks.folded
    start = doc.toks.starts[organ.token]
    window = folded[max(0, start - _VENUE_REACH) : start]
    at = window.rfind(f"{VENUE_PREPOSITION} ")
    if at < 0 or (at > 0 and window[at - 1].isalpha()) or any(mark in window[at:] for mark in ",;."):
        return False
    return _GATHERING_NAMED.search(window, at) is None


def holder(
    doc: Document, g: Gathering, kind: str, texts: list[Sentence]
) -> tuple[str | None, str | None, str | None]:
    """The body that holds the gathering, its level and its place: for a session the HĐND; else a body
    named with the gathering or as the subject of ``họp``; else the council or committee the reporting
    sentence names (the one before a purpose clause, not the venue's owner nor the partners)."""
    anchor = g.anchors[0]
    if kind == "session":
        return HDND, *_council(doc, texts)
    subject = _subject(doc, g.keyword_at, anchor.start)
    if subject is not None:
        # ``Tỉnh ủy Quảng Ninh tổ chức hội nghị …``; ``Chủ tịch UBND xã … sẽ tổ chức Hội nghị đối thoại``: an
        # official holds it, at the level of their office.
        if subject.in_title and not _plural_title(doc, subject):
            return None, subject.level, None
        if subject.several:
            return None, subject.level, subject.locality  # ``đại biểu HĐND ba cấp huyện X tiếp xúc cử tri``
        return subject.short, subject.level, subject.locality
    unit = _place_subject(doc, g.keyword_at, anchor.start)
    if unit is not None:
        # ``Xã Chí Minh tổ chức Hội nghị đối thoại …``: a commune, ward or province holds it, no one body.
        return None, *unit
    leaders = _leaders_named(doc, g.keyword_at, anchor.end)
    if leaders is not None:
        # ``Giao ban Chủ tịch, các Phó Chủ tịch UBND tỉnh``: the leaders of a body, named as the gathering's.
        return leaders.short, leaders.level, leaders.locality
    # After ``làm việc với`` stands the host, not the body that holds the gathering.
    host_follows = doc.toks.folded.startswith(HOSTED_BY, g.keyword_at)
    body = (None if host_follows else named_body(doc, g.keyword_at + 1, anchor.end)) or subject_body(
        doc, g.keyword_at, anchor.start
    )
    if body is not None:
        body_toks = Tokens(body)
        level = None
        for k in range(body_toks.n):
            level = level_name(body_toks, k) or level
        return body, level, None
    organs = [o for o in organs_in(doc, anchor.start, anchor.end) if not o.in_title and not o.several and not _at_venue(doc, o)]
    if not organs and g.heading is not None:
        organs = [o for o in organs_in(doc, g.heading.start, g.heading.end) if not o.in_title and not o.several]
    headline = doc.sentences[0] if doc.sentences else None
    if not organs and headline is not None and headline.end <= anchor.start and headline in texts:
        # ``UBND huyện tổ chức hội nghị thường kỳ …`` over ``… đồng chí A, Chủ tịch UBND huyện chủ trì hội nghị``:
        # the headline names the body the report leaves to its chair.
        organs = [o for o in organs_in(doc, headline.start, headline.end) if not o.in_title and not o.several]
    if not organs:
        # ``Đồng chí Bí thư Tỉnh ủy … kiểm tra …``: a leader's gathering sits at the level of their office;
        # ``hội nghị giao ban … giữa Thường trực HĐND các tỉnh``: one of many bodies of a level.
        levels = {o.level for o in organs_in(doc, anchor.start, anchor.end) if o.level}
        return None, (levels.pop() if len(levels) == 1 else None), None
    shorts = {o.short for o in organs}
    if len(shorts) > 1:
        # ``Đại hội đại biểu Đảng bộ tỉnh …`` after ``Ban Chấp hành Đảng bộ tỉnh … triệu tập``: the body the
        # gathering is named for holds it.
        own = [o for o in organs if _GATHERING_OF.fullmatch(doc.toks.folded, g.keyword_at, doc.toks.starts[o.token])]
        if own:
            organs, shorts = own[:1], {own[0].short}
    if len(shorts) > 1:
        # ``cuộc họp thành viên UBND tỉnh để thông qua … trình kỳ họp HĐND tỉnh``: the purpose names
        # other bodies; the gathering's own is named before it.
        purpose = _PURPOSE.search(doc.toks.folded, g.keyword_at, anchor.end)
        if purpose is not None:
            kept = [o for o in organs if doc.toks.starts[o.token] < purpose.start()]
            if kept and len({o.short for o in kept}) == 1:
                organs, shorts = kept, {kept[0].short}
    if len(shorts) > 1:
        # ``tại hội trường UBND xã, HĐND xã … tổ chức họp``: the venue's owner does not hold the gathering.
        hosts = [o for o in organs if not _VENUE.search(doc.toks.folded, max(0, doc.toks.starts[o.token] - _VENUE_REACH), doc.toks.starts[o.token])]
        if hosts and len({o.short for o in hosts}) == 1:
            organs, shorts = hosts, {hosts[0].short}
    if len(shorts) > 1 and _COOPERATION.search(doc.toks.folded, doc.toks.starts[organs[0].token], doc.toks.starts[organs[1].token]):
        # ``Thường trực HĐND huyện phối hợp với UBND huyện … tổ chức phiên họp``: the partners are not its holder.
        organs, shorts = organs[:1], {organs[0].short}
    levels = {o.level for o in organs if o.level}
    level = levels.pop() if len(levels) == 1 else None
    if len(shorts) == 1:
        place = next((o.locality for o in organs if o.locality is not None), None)
        return organs[0].short, level, place
    return None, level, None
