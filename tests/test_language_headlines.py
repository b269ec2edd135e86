"""The headline of a plain-text article: its first line of words, when that line reads as a headline."""

from __future__ import annotations

import pytest

from summarizer.language.headlines import text_headline

BODY = "\nSáng 17/12, HĐND thành phố Bắc Kạn đã khai mạc Kỳ họp thứ 11.\n"


@pytest.mark.parametrize(
    ("opening", "headline"),
    [
        ("Khai mạc kỳ họp thứ 11 HĐND thành phố Bắc Kạn khóa VI, nhiệm kỳ 2016 -2021",
         "Khai mạc kỳ họp thứ 11 HĐND thành phố Bắc Kạn khóa VI, nhiệm kỳ 2016 -2021"),
        ("07/02/2025\nĐiểm hoạt động nổi bật của lãnh đạo tỉnh trong tuần, từ 3/2 - 7/2/2025",
         "Điểm hoạt động nổi bật của lãnh đạo tỉnh trong tuần, từ 3/2 - 7/2/2025"),
        ("• Mường Lay họp thống nhất nội dung, chương trình Kỳ họp thứ nhất",
         "Mường Lay họp thống nhất nội dung, chương trình Kỳ họp thứ nhất"),
        ("THƯỜNG TRỰC HĐND HUYỆN HỌP THƯỜNG KỲ THÁNG 8/2020", "THƯỜNG TRỰC HĐND HUYỆN HỌP THƯỜNG KỲ THÁNG 8/2020"),
        # a lead paragraph, a date line with a clock, a lower-case store prefix, a bracketed source: none
        ("– Trong hai ngày 14-15/12/2023, HĐND thành phố Lạng Sơn tổ chức kỳ họp thứ 12.", None),
        ("Thứ Ba, 12/03/2024 18:58 Bản in\nSáng 12/3, Thường trực HĐND thành phố tổng kết công tác năm 2023.", None),
        ("11:19 | 09/12/2025 GMT+7 cập nhật bài", None),
        ("date 2025-12-19 Quốc hội - Hội đồng nhân dân", None),
        ("(TBTCO) - Kỳ họp thứ 31, HĐND TP. Hà Nội khóa 16 khai mạc", None),
        ("Kỳ họp thứ 20, HĐND tỉnh khóa X: thông qua 12 Nghị quyết quan trọng.", None),
    ],
)
def test_the_first_line_of_words_is_the_headline_only_when_it_reads_as_one(opening: str, headline: str | None) -> None:
    assert text_headline(opening + BODY) == headline


def test_a_one_line_text_has_no_headline() -> None:
    assert text_headline("Khai mạc kỳ họp thứ 11 HĐND thành phố Bắc Kạn") is None
