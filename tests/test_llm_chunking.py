"""Chunking long articles on paragraph boundaries, and merging the chunks' extractions."""

from __future__ import annotations

import datetime as dt

from summarizer.backends.llm.chunking import chunk_text, merge_extractions
from summarizer.backends.llm.tokens import count_tokens
from summarizer.schemas import ArticleExtraction, Directive, Event, Official
from tests.conftest import seed_text


def count(text: str) -> int:
    return count_tokens(text, "gpt-4o-mini")


def test_a_short_article_is_one_chunk():
    text = seed_text("000")

    (chunk,) = chunk_text(text, 6000, count)

    assert (chunk.start, chunk.end, chunk.text) == (0, len(text), text)


def test_a_long_article_is_cut_between_paragraphs_within_the_budget_and_nothing_is_lost():
    text = seed_text("002")

    chunks = chunk_text(text, 500, count)

    assert len(chunks) > 3
    assert all(count(c.text) <= 500 for c in chunks)
    assert all(text[c.start : c.end] == c.text for c in chunks)
    assert all(c.start == 0 or text[c.start - 1] == "\n" for c in chunks)
    covered = {i for c in chunks for i in range(c.start, c.end)}
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


def test_a_paragraph_longer_than_the_budget_is_split_between_sentences():
    sentence = "Đồng chí Nguyễn Văn An yêu cầu các sở, ngành tập trung giải ngân vốn đầu tư công năm 2025. "
    text = sentence * 40

    chunks = chunk_text(text, 120, count)

    assert len(chunks) > 1 and all(count(c.text) <= 120 for c in chunks)
    assert all(c.text.endswith("2025.") for c in chunks)


def test_merging_joins_officials_by_name_and_their_titles():
    first = ArticleExtraction(officials=[Official(name="Nguyễn Văn An", titles=["Bí thư Tỉnh ủy"])])
    second = ArticleExtraction(
        officials=[
            Official(name="Nguyễn Văn An", titles=["Bí thư Tỉnh uỷ", "Trưởng Đoàn ĐBQH tỉnh"]),
            Official(name="Lê Thị Bình", titles=["Phó Chủ tịch UBND tỉnh"]),
        ]
    )

    merged = merge_extractions([first, second])

    assert [(o.name, o.titles) for o in merged.officials] == [
        ("Nguyễn Văn An", ["Bí thư Tỉnh ủy", "Trưởng Đoàn ĐBQH tỉnh"]),
        ("Lê Thị Bình", ["Phó Chủ tịch UBND tỉnh"]),
    ]


def test_merging_joins_events_by_kind_organ_and_date_filling_missing_fields():
    day = dt.date(2024, 12, 12)
    first = ArticleExtraction(events=[Event(kind="session", organ="HĐND", start_date=day, chairs=["Nguyễn Văn An"])])
    second = ArticleExtraction(
        events=[
            Event(kind="session", organ="HĐND", start_date=day, end_date=dt.date(2024, 12, 13), resolutions_passed=14,
                  chairs=["Nguyễn Văn An", "Lê Thị Bình"]),
            Event(kind="meeting", organ="UBND", start_date=day),
        ]
    )

    merged = merge_extractions([first, second])

    session, meeting = merged.events
    assert (session.end_date, session.resolutions_passed) == (dt.date(2024, 12, 13), 14)
    assert session.chairs == ["Nguyễn Văn An", "Lê Thị Bình"]
    assert meeting.kind == "meeting"


def test_merging_drops_repeated_directives():
    directive = Directive(issuer="Nguyễn Văn An", verb="yêu cầu", content="tập trung giải ngân vốn đầu tư công")

    merged = merge_extractions([ArticleExtraction(directives=[directive]), ArticleExtraction(directives=[directive])])

    assert merged.directives == [directive]
