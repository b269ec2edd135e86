"""The text the tool reads (``Article.clean``): invisible characters inside a word are set aside after it, and
the line breaks of hard-wrapped paragraphs read as spaces; the length and every offset stay those of the
article. What users see is the article's own spelling without the invisible characters (issue 11, item 15).
"""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.backends.rules import RuleBackend
from summarizer.grounding import check_grounding
from summarizer.text.article import Article
from summarizer.text.layout import join_wrapped_lines
from summarizer.text.normalize import INVISIBLE, nfc, set_aside_invisible, strip_invisible

ZWSP, ZWNJ, ZWJ, WORD_JOINER, BOM, SOFT_HYPHEN = "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"


@pytest.mark.parametrize("mark", [ZWSP, ZWNJ, ZWJ, WORD_JOINER, BOM, SOFT_HYPHEN])
def test_an_invisible_character_inside_a_word_is_set_aside_after_it(mark: str) -> None:
    text = f"Đồng chí Nguy{mark}ễn Văn An"
    seen = set_aside_invisible(text)
    assert seen == f"Đồng chí Nguyễn{mark} Văn An" and len(seen) == len(text)
    assert strip_invisible(seen) == "Đồng chí Nguyễn Văn An"


def article(text: str) -> Article:
    return Article(id="t", text=nfc(text), source="t.txt")


INVISIBLE_ARTICLE = (
    f"{BOM}Sáng 14/5/2024, HĐND huyện Phú Lạc khóa VIII tổ chức kỳ họp thứ 9. Đồng chí Nguy{ZWSP}ễn Văn An, "
    f"Chủ{ZWNJ} tịch HĐND huyện chủ trì kỳ họp. Đồng chí Nguyễn Văn An yêu cầu các phòng, ban khẩn trương hoàn "
    f"thành kế hoạch{SOFT_HYPHEN} năm.\n"
)


def test_names_titles_and_contents_hold_no_invisible_character_and_spans_index_the_article() -> None:
    result = RuleBackend().extract(article(INVISIBLE_ARTICLE))
    (official,) = result.officials
    assert (official.name, official.titles) == ("Nguyễn Văn An", ["Chủ tịch HĐND huyện"])
    (directive,) = result.directives
    assert directive.content == "khẩn trương hoàn thành kế hoạch năm"
    spans = [official.name_evidence, *official.title_evidence, directive.evidence, result.events[0].evidence]
    for span in spans:
        assert INVISIBLE_ARTICLE[span.start : span.end] == span.text
    assert official.name_evidence.text == f"Nguy{ZWSP}ễn Văn An"
    values = [official.name, *official.titles, directive.content, *directive.addressees, *result.events[0].chairs]
    assert not any(mark in value for value in values for mark in INVISIBLE)


def test_values_without_invisible_characters_are_grounded_in_the_article() -> None:
    result = RuleBackend().extract(article(INVISIBLE_ARTICLE))
    assert check_grounding(result, INVISIBLE_ARTICLE).rate == 1.0


WRAPPED = (
    "24/09/2021\n"
    "Đại biểu HĐND huyện tiếp xúc cử tri xã Trà Lâm\n"
    "Chiều\n"
    "ngày 14/9/2021, ông Lạc Văn Tú và ông Chu Minh Đức, đại biểu Hội đồng\n"
    "nhân dân (HĐND) huyện khóa XII, nhiệm kỳ 2021 - 2026, tiếp xúc cử tri xã Trà\n"
    "Lâm, thông báo kết quả kỳ họp thứ 2 HĐND huyện, trả lời ý kiến, kiến nghị của cử\n"
    "tri trong đợt vận động bầu cử.\n"
    "Thu Hoa\n"
)


def test_the_line_breaks_of_a_hard_wrapped_paragraph_read_as_spaces_and_headings_stay_lines() -> None:
    joined = join_wrapped_lines(WRAPPED)
    assert len(joined) == len(WRAPPED)
    assert "Chiều ngày 14/9/2021" in joined and "xã Trà Lâm, thông báo" in joined and "của cử tri" in joined
    assert joined.startswith("24/09/2021\nĐại biểu HĐND huyện tiếp xúc cử tri xã Trà Lâm\nChiều")
    assert joined.endswith("bầu cử.\nThu Hoa\n")


def test_an_article_without_wrapped_paragraphs_keeps_its_lines() -> None:
    text = "Kỳ họp thứ 9 HĐND huyện\nẢnh: Toàn cảnh kỳ họp\nSáng 14/5, HĐND huyện khai mạc kỳ họp.\nThu Hoa\n"
    assert join_wrapped_lines(text) == text


def test_a_hard_wrapped_report_is_read_as_its_sentences() -> None:
    result = RuleBackend().extract(article(WRAPPED))
    (event,) = result.events
    assert (event.kind, event.organ, event.level, event.term) == ("other", "HĐND", "huyện", 12)
    assert event.start_date == dt.date(2021, 9, 14)
    assert [o.name for o in result.officials] == ["Lạc Văn Tú", "Chu Minh Đức"]
    assert all(o.titles == ["đại biểu Hội đồng nhân dân (HĐND) huyện khóa XII"] for o in result.officials)
