"""Where a post is: the level a title ends on without naming its place, and titles that name their place."""

from __future__ import annotations

import pytest

from summarizer.language.title_places import names_place, trailing_level


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Chủ tịch HĐND thành phố", "thành phố"),
        ("Phó Chủ tịch UBND thị xã", "thị xã"),
        ("Trưởng Ban Kinh tế - Xã hội HĐND huyện", "huyện"),
        ("Bí thư Thành uỷ", "thành phố"),
        ("Ủy viên BTV Tỉnh ủy", "tỉnh"),
        ("Phó Chủ tịch UBND TP", "thành phố"),
        ("Trưởng Đoàn ĐBQH tỉnh", "tỉnh"),
        ("UBND tỉnh", "tỉnh"),
        ("Chủ tịch UBND tỉnh Bắc Kạn", None),
        ("Tỉnh ủy viên", None),
        ("Chủ tịch UBND các xã", None),
        ("Lãnh đạo UBND cấp xã", None),
        ("Trưởng Ban Chỉ đạo", None),
        ("Chủ tịch UBND X", None),
    ],
)
def test_the_level_a_title_ends_on(title: str, level: str | None) -> None:
    assert trailing_level(title) == level


@pytest.mark.parametrize(
    ("title", "placed"),
    [
        ("Chủ tịch UBND tỉnh Bắc Kạn", True),
        ("Bí thư Thành ủy Yên Bái", True),
        ("Chủ tịch HĐND TP. Cần Thơ", True),
        ("Ủy viên Trung ương Đảng", True),
        ("Trưởng Ban Công tác đại biểu Quốc hội", True),
        ("Trưởng Đoàn ĐBQH tỉnh", False),
        ("Chủ tịch HĐND thành phố", False),
        ("Chủ tịch UBND tỉnh Khóa XI", False),
        ("Giám đốc Sở Nội vụ", False),
        ("Tỉnh ủy viên", False),
    ],
)
def test_whether_a_title_names_its_place(title: str, placed: bool) -> None:
    assert names_place(title) is placed
