"""The rule backend looks things up by offset instead of rescanning the article, so that no input costs it
more than linear time. Each indexed lookup here equals the naive scan it replaced, kept in the test as the
reference, on texts built from the shapes that once made the rules superlinear (long capitalised runs,
chains of titles, many dates with or without a date header, many gatherings, councils and khóa).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.backends.rules.chairs import _CHAIR, _CHAIRED_BY, _adjacent, _joined, chairs
from summarizer.backends.rules.document import Document
from summarizer.backends.rules.gathering_words import _ANY as _ANY_GATHERING
from summarizer.backends.rules.gathering_words import _FALSE as _FALSE_GATHERING
from summarizer.backends.rules.gathering_words import _KINDS as _GATHERING_KINDS
from summarizer.backends.rules.gathering_words import gathering_word, listing
from summarizer.backends.rules.names import capital_run_end, name_in_run
from summarizer.backends.rules.officials import Person, TitleSpan
from summarizer.backends.rules.sessions import _COUNCIL as COUNCIL
from summarizer.backends.rules.sessions import CouncilTerms, _term_in, council_lines
from summarizer.backends.rules.titles import comparison_key
from summarizer.backends.rules.tokens import Tokens
from summarizer.language.gatherings import CO_CHAIR
from summarizer.language.names import FAMILY_NAMES, LONG_NAME_STARTS, NOT_PERSONS
from summarizer.language.dates import DateMention, YearResolver, find_dates, find_years
from summarizer.text.normalize import nfc

SOME = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = (
    "Sáng 13/12, Kỳ họp thứ 20, HĐND thành phố Bắc Ninh khóa XXII khai mạc. ",
    "Ngày 2/1 trời mưa. ",
    "ngày 12 và 13/12, ",
    "năm 2024 ",
    "Nghị quyết số 25/2021/NQ-HĐND ngày 30/12/2021 ",
    "HĐND tỉnh khóa XVIII, nhiệm kỳ 2021 - 2026. ",
    "Đảng bộ tỉnh khóa XX. ",
    "Bí thư Tỉnh uỷ, Phó Bí thư Thành ủy, Chủ tịch HĐND tỉnh Nguyễn Thành Tâm chủ trì. ",
    "Đồng chí Bí thư Thành ủy phát biểu. ",
    "các Phó Chủ tịch HĐND tỉnh Trần Thị Lộc, Đồng Văn Lưu điều hành. ",
    "Sáng Nay Trời Mưa To Gió Lớn Bắc Ninh Kinh Bắc ",
    "Ông Ông Nguyễn Văn An ",
    "Chủ tịch UBND tỉnh yêu cầu các sở, ngành hoàn thành trước ngày 30/6/2025. ",
    "\n",
    "2024-12-13 16:31:27\n",
)
texts = st.lists(st.sampled_from(PIECES), max_size=30).map(lambda parts: nfc("".join(parts)))


@SOME
@given(texts, st.data())
def test_the_mentions_between_two_offsets_are_those_a_scan_finds(text: str, data: st.DataObject) -> None:
    doc = Document(text, None)
    start = data.draw(st.integers(0, len(text) + 1))
    end = data.draw(st.integers(start, len(text) + 2))
    assert doc.mentions_from(start, end) == [m for m in doc.mentions if start <= m.start < end]
    after = list(doc.mentions_after(start))
    skipped = doc.mentions[: len(doc.mentions) - len(after)]
    assert after == doc.mentions[len(skipped) :] and all(m.start < start for m in skipped)


@SOME
@given(texts, st.data())
def test_an_offset_is_in_a_title_when_a_scan_of_every_title_says_so(text: str, data: st.DataObject) -> None:
    doc = Document(text, None)
    offset = data.draw(st.integers(0, len(text) + 1))
    assert doc.in_title(offset) == any(t.start <= offset < t.end for m in doc.mentions for t in m.titles)


@SOME
@given(texts, st.data())
def test_the_dates_and_sentences_between_two_offsets_are_those_a_scan_finds(text: str, data: st.DataObject) -> None:
    doc = Document(text, None)
    start = data.draw(st.integers(0, len(text) + 1))
    end = data.draw(st.integers(0, len(text) + 2))
    assert doc.dates_from(start, end) == [m for m in doc.dates if start <= m.start < end]
    assert doc.sentences_from(start, end) == [s for s in doc.sentences if start <= s.start < end]


def naive_reference(mentions: list[DateMention], offset: int, published: dt.date | None) -> dt.date | None:
    """The year reference as it was: the date header, else the nearest dated mention, found by a full scan."""
    if published is not None:
        return published
    dated = [m for m in mentions if m.explicit and not m.cited]
    if not dated:
        return None
    nearest = min(dated, key=lambda m: (abs(m.start - offset), m.start))
    resolved = nearest.resolve(None)
    return resolved[0] if resolved else None


def naive_year(years: list[tuple[int, int]], offset: int) -> int | None:
    return min(years, key=lambda y: (abs(y[0] - offset), -y[1]))[1] if years else None


@SOME
@given(texts, st.sampled_from([None, dt.date(2024, 12, 13)]), st.data())
def test_year_resolution_equals_a_full_scan_at_every_offset(text: str, published: dt.date | None, data: st.DataObject) -> None:
    mentions = find_dates(text)
    resolver = YearResolver(text, mentions, published)
    for offset in data.draw(st.lists(st.integers(0, len(text) + 1), max_size=10)):
        assert resolver.reference(offset) == naive_reference(mentions, offset, published)
        assert resolver.stated_year(offset) == naive_year(find_years(text), offset)


@SOME
@given(texts)
def test_the_khoa_written_for_a_level_equals_a_scan_of_every_council_mention(text: str) -> None:
    doc = Document(text, None)
    terms = CouncilTerms(doc, (text,))
    for level in (None, "tỉnh", "thành phố", "huyện"):
        found, period = None, None
        for folded, original in ((doc.toks.folded, doc.text), *council_lines((text,))):
            for m in COUNCIL.finditer(folded):
                if level and not folded.startswith(level, m.end()):
                    continue
                t, p = _term_in(folded, original, m.start(), min(len(original), m.end() + 120), near_council=True)
                found, period = found or t, period or p
        assert terms.written_for(level) == (found, period)


def naive_run_end(toks: Tokens, index: int, limit: int | None = None) -> int:
    end = index
    stop = toks.n if limit is None else min(limit, toks.n)
    while end < stop and toks.name_list[end] and (end == index or toks.spaced(end)):
        end += 1
    return end


def naive_name_in_run(toks: Tokens, start: int, end: int, *, strong: bool = False) -> tuple[int, int] | None:
    """The name-in-run rule as it was written, with its list of every family name of the run."""
    def acceptable(s: int, e: int) -> bool:
        return " ".join(toks.keys(s, e)) not in NOT_PERSONS

    if end - start < 2:
        return None
    longest = 5 if toks.key_list[start] in LONG_NAME_STARTS else 4
    if toks.key_list[start] in LONG_NAME_STARTS and end - start <= longest and acceptable(start, end):
        return start, end
    if strong and end - start <= 4 and acceptable(start, end):
        return start, end
    candidates = [s for s in range(start, end - 1) if toks.key_list[s] in FAMILY_NAMES]
    if end - start == 4 and candidates[:2] == [start, start + 1] and acceptable(start, end):
        return start, end
    for length in (3, 4):
        for s in candidates:
            if end - s == length and acceptable(s, end):
                return s, end
    if strong:
        for s in candidates:
            if end - s == 2 and acceptable(s, end):
                return s, end
    return None


syllables = st.sampled_from(["Nguyễn", "Văn", "An", "Lê", "Thị", "Hà", "Bắc", "Ninh", "Y", "Ksor", "HĐND", "tỉnh", "Hồ", "Chí", "Minh"])
runs = st.lists(st.tuples(syllables, st.sampled_from([" ", " ", ", ", "\n"])), max_size=25).map(
    lambda parts: "".join(word + gap for word, gap in parts)
)


@SOME
@given(runs, st.data())
def test_a_capital_run_ends_where_a_walk_from_its_start_ends_whatever_was_asked_before(text: str, data: st.DataObject) -> None:
    toks = Tokens(text)
    for _ in range(10):
        index = data.draw(st.integers(0, toks.n))
        limit = data.draw(st.one_of(st.none(), st.integers(0, toks.n + 1)))
        assert capital_run_end(toks, index, limit) == naive_run_end(toks, index, limit)


@SOME
@given(runs, st.data(), st.booleans())
def test_the_name_in_a_run_is_the_one_the_list_of_family_names_gives(text: str, data: st.DataObject, strong: bool) -> None:
    toks = Tokens(text)
    start = data.draw(st.integers(0, toks.n))
    end = data.draw(st.integers(start, toks.n))
    assert name_in_run(toks, start, end, strong=strong) == naive_name_in_run(toks, start, end, strong=strong)


def test_the_year_resolver_reads_dates_like_the_mentions_themselves() -> None:
    text = "Ngày 2/1/2024 trời mưa. Ngày 3/1 trời nắng."
    mentions = find_dates(text)
    resolver = YearResolver(text, mentions, None)
    assert [(m.day, m.month, m.year) for m in mentions] == [(2, 1, 2024), (3, 1, None)]
    assert resolver.resolve(mentions[1], "past") == (dt.date(2024, 1, 3), dt.date(2024, 1, 3))


def naive_gathering_word(folded: str) -> tuple[str, int, set[str]] | None:
    """The first gathering word as it was found: every kind searched on its own, the earliest wins."""
    first = _ANY_GATHERING.search(folded)
    if not first:
        return None
    blanked = _FALSE_GATHERING.sub(lambda m: " " * len(m.group()), folded)
    found = sorted((m.start(), kind) for kind, pattern in _GATHERING_KINDS if (m := pattern.search(blanked, first.start())))
    return (found[0][1], found[0][0], {kind for _, kind in found}) if found else None


gathering_pieces = st.sampled_from(
    ["kỳ họp", "họp", "phiên họp", "hội nghị", "hội nghị giao ban", "giao ban", "hội trường", "lần thứ", "kiểm tra, giám sát",
     "gặp mặt", "làm việc với", "buổi làm việc", "sơ kết", "lễ hội", "lễ", "xhọp", "2", ";", ",", "các", "đại biểu", "\n"]
)
sentences = st.lists(gathering_pieces, max_size=10).map(" ".join)


@SOME
@given(sentences)
def test_the_first_gathering_word_is_the_earliest_of_every_kind_searched_alone(sentence: str) -> None:
    expected = naive_gathering_word(sentence)
    assert gathering_word(sentence) == (expected[:2] if expected else None)
    if expected is not None:
        assert listing(sentence, expected[:2]) == (
            len(expected[2]) > 1 and ";" in sentence and not sentence[: expected[1]].strip(" \t\n\"“'-–•*")
        )


titled_pieces = st.sampled_from(
    [
        "Ông Nguyễn Văn An, Chủ tịch UBND xã Tân Lập dự. ",
        "Bà Lê Thị Hoa, Phó Chủ tịch UBND xã Tân Lập, Bí thư Đảng ủy xã phát biểu. ",
        "Chủ tịch UBND xã Tân Lập phát biểu. ",
        "Chủ tịch UBND xã chủ trì. ",
        "Đồng chí Bí thư Đảng ủy xã đề nghị các thôn rà soát. ",
        "Ông Trần Văn Bình, Chủ tịch UBND xã Phú Lạc dự. ",
        "Phó Chủ tịch UBND xã phát biểu. ",
        "\n",
    ]
)


@SOME
@given(st.lists(titled_pieces, max_size=20).map("".join))
def test_the_holder_of_a_title_is_the_one_a_scan_of_every_named_mention_finds(text: str) -> None:
    doc = Document(nfc(text), None)
    for mention in doc.mentions:
        for title in mention.titles:
            key = comparison_key(title.text)
            holders = [(start, person) for start, person in doc._named if person.holds(key)]
            index = bisect_left([start for start, _ in holders], mention.start) - 1
            expected = None if not holders else holders[index][1] if index >= 0 else holders[0][1]
            assert doc.holder_of(title.text, mention.start) is expected


def naive_chairs(doc: Document, start: int, end: int) -> list[str]:
    """Chairs as they were found: for each chair verb, every mention of its sentence before it or after it;
    in running text, else in captions."""
    sentences = doc.sentences_from(start, end)
    return naive_chairs_in(doc, [s for s in sentences if not s.caption]) or naive_chairs_in(doc, [s for s in sentences if s.caption])


def naive_chairs_in(doc: Document, sentences: list) -> list[str]:
    names: list[str] = []
    for sentence in sentences:
        verbs = list(_CHAIR.finditer(doc.toks.folded, sentence.start, sentence.end))
        in_sentence = [x for x in doc.mentions if sentence.start <= x.start < sentence.end and x.kind != "pronoun"]
        for m in verbs:
            before = [x for x in in_sentence if x.end <= m.start()]
            found = []
            if before and doc.toks.folded[before[-1].end : m.start()].strip(" )") in ("", *CO_CHAIR):
                found = before
            else:
                by = _CHAIRED_BY.match(doc.toks.folded, m.end())
                after = [x for x in in_sentence if by and x.start >= by.end()]
                opening = by.end() if by else 0
                if after and after[0].kind == "title" and doc.toks.folded[after[0].end : after[0].end + 2].strip().startswith(":"):
                    opening = doc.toks.folded.index(":", after[0].end) + 1
                    after = after[1:]
                if by and after and _adjacent(doc, opening, after[0].start):
                    found = [after[0]]
                    for nxt in after[1:]:
                        if not _joined(doc, found[-1].end, nxt.start):
                            break
                        found.append(nxt)
            for mention in found:
                name = doc.resolve(mention, mention.start)
                if name and name not in names:
                    names.append(name)
        if names:
            break
    return names


chair_pieces = st.sampled_from(
    [
        "đồng chí Nguyễn Văn An chủ trì", "bà Lê Thị Hoa, Phó Chủ tịch UBND tỉnh đồng chủ trì", "chủ trì",
        "dưới sự chủ trì của đồng chí Trần Văn Bình", "và đồng chí Lê Văn Cường", "Chủ tịch UBND tỉnh điều hành",
        "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Nguyễn Thành Tâm chủ tọa", "Chủ trì hội nghị có các đồng chí: Hà Văn Dũng",
        "Chủ trì gồm các đồng chí Ủy viên Bộ Chính trị: Chủ tịch Quốc hội Lạc Văn Tú", "Các ông: Lý Văn Hòa chủ tọa",
        ", ", "; ", ". ", "\n",
    ]
)


@SOME
@given(st.lists(chair_pieces, max_size=14).map(" ".join))
def test_the_chairs_of_a_section_are_those_a_scan_of_every_mention_finds(text: str) -> None:
    doc = Document(nfc(text), None)
    assert chairs(doc, 0, len(doc.text)) == naive_chairs(doc, 0, len(doc.text))


class NaivePerson:
    """A person's titles merged as they were: every new title compared with every title kept so far."""

    def __init__(self) -> None:
        self.titles: list[TitleSpan] = []

    def add_title(self, title: TitleSpan) -> None:
        key = title.key
        for index, known in enumerate(self.titles):
            if key == known.key:
                if "," in known.text and "," not in title.text:
                    self.titles[index] = title
                return
            if key[: len(known.key)] == known.key:
                self.titles[index] = title
                return
            if known.key[: len(key)] == key:
                return
        self.titles.append(title)

    def holds(self, key: tuple[str, ...]) -> bool:
        return any(t.key[: len(key)] == key for t in self.titles)


title_texts = st.sampled_from(
    ["Bí thư", "Bí thư Thành ủy", "Bí thư Thành ủy Bắc Ninh", "Bí thư, Thành ủy", "Chủ tịch UBND tỉnh",
     "Chủ tịch Ủy ban nhân dân tỉnh", "Chủ tịch UBND", "Phó Chủ tịch HĐND xã Tân Lập", "Phó Chủ tịch HĐND xã", "UVBTV"]
)


@SOME
@given(st.lists(title_texts, max_size=12), st.lists(title_texts, max_size=5))
def test_a_persons_titles_merge_as_when_each_was_compared_with_every_title_kept(texts: list[str], asked: list[str]) -> None:
    person, naive = Person("Nguyễn Văn An", (0, 13)), NaivePerson()
    for offset, text in enumerate(texts):
        title = TitleSpan(offset, offset + len(text), text)
        person.add_title(title)
        naive.add_title(title)
    assert person.titles == naive.titles
    for text in asked + texts:
        assert person.holds(comparison_key(text)) == naive.holds(comparison_key(text))


BODY_PIECES = PIECES + (
    "UBND tỉnh Bắc Ninh ", "HĐND các tỉnh ", "Thường trực HĐND huyện Tiên Du ", "HĐND TX. Giá Rai ",
    "Đảng ủy các cơ quan Đảng phường ", "Tỉnh ủy Quảng Ninh tổ chức hội nghị. ", "Chủ tịch UBND xã Nguyễn Văn A ",
)
body_texts = st.lists(st.sampled_from(BODY_PIECES), max_size=30).map(lambda parts: nfc("".join(parts)))


@SOME
@given(body_texts, st.lists(st.tuples(st.integers(0, 600), st.integers(0, 600)), max_size=6))
def test_the_bodies_named_in_a_span_are_those_a_fresh_walk_finds(text: str, spans: list[tuple[int, int]]) -> None:
    # organs_in keeps what each token names across calls; the reference walks the span with nothing kept.
    from summarizer.backends.rules.bodies import ORGAN_FIRST_WORDS, _organ_from, organs_in

    doc = Document(text, None)
    toks = doc.toks

    def walk(start: int, end: int) -> list:
        out = []
        candidates = toks.indices(ORGAN_FIRST_WORDS)
        c = bisect_left(candidates, toks.at(start))
        while c < len(candidates) and toks.starts[candidates[c]] < end:
            found = _organ_from(doc, candidates[c])
            if found is None:
                c += 1
                continue
            out.append(found[0])
            c = bisect_left(candidates, found[1], c)
        return out

    for start, end in [*spans, (0, len(text))]:
        assert organs_in(doc, start, end) == walk(start, end)
