"""Date mentions with offsets, year resolution, and the article's date header."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.language.calendar import (
    DATE_PREPOSITIONS, DAY, DEADLINE_PHRASES, DEICTIC_DAYS, END_OF_DAY, FROM, ISSUED, MONTH, NIGHT, NUMBER, QUARTER,
    SUNDAY, TIMES_OF_DAY, TODAY, WEEKDAY, WEEKDAY_NUMBERS, WINDOW_PHRASES, YEAR,
)
from summarizer.language.patterns import spaced
from summarizer.language import dates as date_module
from summarizer.language.dates import find_dates, find_published, resolve_day


def spans(text: str) -> list[tuple[str, int, int, int | None, int, int, int | None]]:
    return [(m.text, m.day, m.month, m.year, m.end_day, m.end_month, m.end_year) for m in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sáng 13/12, Kỳ họp thứ 20 tiếp tục phiên làm việc.", [("13/12", 13, 12, None, 13, 12, None)]),
        ("Trong hai ngày 14-15/12/2023, HĐND thành phố tổ chức kỳ họp.", [("14-15/12/2023", 14, 12, None, 15, 12, 2023)]),
        ("Kỳ họp diễn ra trong hai ngày 17 – 18/12/2020./.", [("17 – 18/12/2020", 17, 12, None, 18, 12, 2020)]),
        ("hoạt động nổi bật trong tuần, từ 3/2 - 7/2/2025", [("3/2 - 7/2/2025", 3, 2, None, 7, 2, 2025)]),
        ("Hội nghị ngày 12/03/2024 tại Hải Phòng.", [("12/03/2024", 12, 3, 2024, 12, 3, 2024)]),
        ("phiên làm việc buổi chiều ngày 12 và sáng ngày 13/12, các đại biểu", [("12 và sáng ngày 13/12", 12, 12, None, 13, 12, None)]),
        ("bầu Quốc hội Việt Nam (6/1/1946-6/1/2026)", [("6/1/1946-6/1/2026", 6, 1, 1946, 6, 1, 2026)]),
        ("Ngày 13 tháng 12 năm 2024, UBND tỉnh họp.", [("13 tháng 12 năm 2024", 13, 12, 2024, 13, 12, 2024)]),
    ],
)
def test_day_level_dates_are_found_with_their_text(text: str, expected: list[tuple]) -> None:
    assert spans(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "có 16/18 chỉ tiêu đạt kế hoạch đề ra",
        "có 1/3 nhóm nhiệm vụ trọng tâm hoàn thành tốt",
        "có 206/200 ha diện tích đất canh tác",
        "dịch tả lợn Châu phi tái phát từ tháng 5/2020",
        "3 năm thực hiện Nghị quyết số 35/2021/QH15 của Quốc hội",
        "theo tinh thần Nghị quyết 25-NQ/TU của Ban Thường vụ Tỉnh uỷ",
        "Phiên họp UBND tỉnh tháng 1/2025",
    ],
)
def test_fractions_months_and_document_numbers_are_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_offsets_index_the_text() -> None:
    text = "Chiều 4/2, UBND tỉnh họp phiên tháng 1/2025."
    (mention,) = find_dates(text)
    assert text[mention.start : mention.end] == "4/2"


def test_a_date_after_truoc_ngay_is_a_deadline() -> None:
    (mention,) = find_dates("phê duyệt trước ngày 10/3 để phúc tra lại")
    assert mention.deadline
    assert not find_dates("Sáng 10/3, hội nghị khai mạc")[0].deadline


def test_a_year_less_date_takes_the_year_of_the_article() -> None:
    (mention,) = find_dates("Sáng 13/12, Kỳ họp khai mạc.")
    assert mention.resolve(dt.date(2024, 12, 13), "past") == (dt.date(2024, 12, 13), dt.date(2024, 12, 13))


def test_a_late_december_date_in_an_early_january_article_belongs_to_the_year_before() -> None:
    assert resolve_day(30, 12, dt.date(2025, 1, 3), "past") == dt.date(2024, 12, 30)


def test_a_deadline_is_the_next_such_day_after_the_article() -> None:
    assert resolve_day(10, 3, dt.date(2025, 2, 7), "future") == dt.date(2025, 3, 10)
    assert resolve_day(15, 1, dt.date(2024, 12, 20), "future") == dt.date(2025, 1, 15)


def test_a_range_without_a_year_on_its_start_takes_the_year_of_its_end() -> None:
    (mention,) = find_dates("từ 3/2 - 7/2/2025")
    assert mention.resolve(None) == (dt.date(2025, 2, 3), dt.date(2025, 2, 7))


def test_without_any_reference_a_year_less_date_stays_unresolved() -> None:
    (mention,) = find_dates("Sáng 13/12, Kỳ họp khai mạc.")
    assert mention.resolve(None) is None


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("2024-12-13 16:31:27 Số lượt xem 60\nSáng 13/12, Kỳ họp thứ 20 khai mạc.", dt.date(2024, 12, 13)),
        ("Print Thứ Ba, 12/03/2024 18:58 Gốc\n\nSáng 12/3, tại Trung tâm Hội nghị", dt.date(2024, 3, 12)),
        ("PublishingPortal - Block_BanTin_Toolbar\n\n07/02/2025\nTăng cỡ chữ Giảm cỡ chữ\n", dt.date(2025, 2, 7)),
        ("Cập nhật: 10:30 | 05/06/2024\nUBND tỉnh họp phiên thường kỳ", dt.date(2024, 6, 5)),
        ("Ngày đăng bài: 03/11/2021 | Người viết: Minh Châu\nUBND huyện họp", dt.date(2021, 11, 3)),
        (
            "date 2024-10-02 Sáng 2/10, HĐND huyện Phú Lạc khóa IX (nhiệm kỳ 2021-2026) tổ chức kỳ họp thứ tám "
            "(kỳ họp chuyên đề) nhằm quyết định một loạt vấn đề cấp bách về đầu tư công.",
            dt.date(2024, 10, 2),
        ),
    ],
)
def test_the_date_header_is_the_publication_date(header: str, published: dt.date) -> None:
    assert find_published(header) == published


def test_a_date_inside_the_first_sentence_is_not_a_header() -> None:
    text = "– Trong hai ngày 14-15/12/2023, HĐND thành phố Lạng Sơn tổ chức kỳ họp thứ 12 khoá XXI."
    assert find_published(text) is None


def test_without_a_header_a_year_less_date_takes_the_nearest_year_to_a_dated_mention() -> None:
    from summarizer.language.dates import YearResolver

    text = "Chiều 6/7, HĐND thành phố bầu các chức danh. Cuộc bầu cử đã tiến hành vào ngày 23/5/2021."
    mentions = find_dates(text)
    assert YearResolver(text, mentions, None).resolve(mentions[0], "past") == (dt.date(2021, 7, 6), dt.date(2021, 7, 6))


def test_a_day_and_month_joined_by_a_dash_is_a_date_only_after_a_time_word() -> None:
    assert spans("Sáng 15-3, UBND huyện tổ chức hội nghị.") == [("15-3", 15, 3, None, 15, 3, None)]
    assert find_dates("Đội bóng thắng 15-3 trong trận chung kết.") == []


def test_a_year_stated_elsewhere_places_a_year_less_date() -> None:
    (mention,) = find_dates("Sáng 15-3, hội nghị triển khai nhiệm vụ năm 2024.")
    assert mention.resolve(None, year=2024) == (dt.date(2024, 3, 15), dt.date(2024, 3, 15))


def test_a_day_and_month_joined_by_a_dot_after_a_time_word_is_a_date() -> None:
    (mention,) = find_dates("Chiều 21.6, HĐND thành phố khai mạc kỳ họp thứ 8.")
    assert (mention.day, mention.month, mention.year) == (21, 6, None)


def test_a_decimal_number_is_not_a_dotted_date() -> None:
    assert find_dates("Tốc độ tăng trưởng đạt 12.5% so với cùng kỳ.") == []


def test_a_section_label_before_a_dashed_date_is_the_publication_header() -> None:
    text = "Kỳ họp thứ 8 HĐND thành phố\n\nThời sự 22-06-2023\n\nChiều 21.6, HĐND thành phố khai mạc kỳ họp."
    assert find_published(text) == dt.date(2023, 6, 22)


def test_the_date_of_a_cited_document_is_marked_as_cited() -> None:
    (cited, own) = find_dates("căn cứ Nghị quyết số 18/2023/NQ-HĐND ngày 14/7/2023 của HĐND tỉnh; ngày 2/3/2024 họp")
    assert (cited.text, cited.cited) == ("14/7/2023", True)
    assert (own.text, own.cited) == ("2/3/2024", False)


def test_a_list_dash_after_a_dated_line_makes_no_document_number() -> None:
    (_, entry) = find_dates("Ngày đăng: 08:30, 14/10/2019\n- Ngày 14.10, UBND tỉnh tổ chức hội nghị.")
    assert (entry.text, entry.cited) == ("14.10", False)


def test_years_come_from_nam_thang_and_a_year_month_stamp() -> None:
    from summarizer.language.dates import find_years

    years = [y for _, y in find_years("date 2024-05 Báo cáo tháng 8/2022 và kế hoạch năm 2023, nhiệm kỳ 2021-2026")]
    assert years == [2024, 2022, 2023]


# --- the tests of what stands before a date, read backwards, against their forward form ----------
_WEEKDAYS = rf"{WEEKDAY}\s+(?:{'|'.join(WEEKDAY_NUMBERS)}|[2-7])|{spaced(SUNDAY)}"
_DEADLINES = "|".join(r"\b" + spaced(p) for p in DEADLINE_PHRASES)
_DEICTIC = rf"(?:\s+(?:{'|'.join(DEICTIC_DAYS)}))?"
FORWARD = {
    "_CUE": rf"(?:\b(?:{'|'.join((DAY, TODAY, *TIMES_OF_DAY, *NIGHT, *DATE_PREPOSITIONS))}|{_WEEKDAYS})|\(){_DEICTIC}\s*,?\s*$",
    "_TIME_CUE": rf"\b(?:{'|'.join((DAY, TODAY, *TIMES_OF_DAY, NIGHT[0]))}){_DEICTIC}\s*$",
    "_WINDOW": rf"\b(?:{'|'.join(spaced(p) for p in WINDOW_PHRASES)})\s+(?:{FROM}\s+)?(?:{DAY}\s+)?$",
    "_WORD_CUE": rf"\b{DAY}\s*$",
    "_MONTH_BEFORE": rf"\b(?:{'|'.join((MONTH, NUMBER, YEAR, QUARTER))})\s*$",
    "_DEADLINE": rf"(?:{_DEADLINES})\s+(?:(?:{DAY}|{spaced(END_OF_DAY)})\s+)?$",
}
FORWARD_CASED = {
    "_CITATION": rf"(?:\d+/(?:\d{{2,4}}/)?[A-ZĐ][\w.&-]*|\d+ ?- ?[A-ZĐ][A-ZĐ\d.&/-]*)\s*[,(]?\s*(?:{spaced(ISSUED)}\s+)?(?:{DAY}\s*)?$"
}
BEFORE_WORDS = [DAY, "Ngày", TODAY, *TIMES_OF_DAY, "Chiều", *NIGHT, *DATE_PREPOSITIONS, WEEKDAY, *WEEKDAY_NUMBERS, "Ba",
                "chủ", "nhật", MONTH, NUMBER, YEAR, QUARTER, "chậm", "nhất", "là", "chót", "không", "quá", "muộn", "hơn",
                "xong", "trong", "thời", "ban", "hành", "25/2021/NQ-HĐND", "12/QĐ-UBND", "(", ",", "x", "2", "qua", "nay",
                "khoảng", "gian", "05-CT/TW", "2314 -QĐ/TU", "-", "Thứ 2", "3"]
windows = st.lists(st.tuples(st.sampled_from(BEFORE_WORDS), st.sampled_from([" ", "  ", "\n", "", ",", ", "])), max_size=7).map(
    lambda parts: "".join(word + gap for word, gap in parts)[-40:]
)


@settings(max_examples=400, deadline=None)
@given(windows)
def test_what_stands_before_a_date_reads_the_same_backwards_as_forwards(window: str) -> None:
    for name, forward in FORWARD.items():
        assert bool(re.search(forward, window, re.IGNORECASE)) == bool(getattr(date_module, name).match(window[::-1])), name
    for name, forward in FORWARD_CASED.items():
        assert bool(re.search(forward, window)) == bool(getattr(date_module, name).match(window[::-1])), name
