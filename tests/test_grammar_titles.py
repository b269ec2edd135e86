"""Title grammar, phrase by phrase: a position head, the body it belongs to, its level and its place.

Each row is a phrase as news writes it and the title the grammar reads at its start (``None``: no title
starts there), with the level word it holds. Add a row to pin down a new phrase.
"""

from __future__ import annotations

import pytest

from summarizer.backends.rules.titles import level_name, parse_title
from summarizer.backends.rules.tokens import Tokens
from summarizer.text.normalize import nfc

TITLES = [
    # (phrase, title read at its start, level word of the title)
    ("Bí thư huyện ủy", "Bí thư huyện ủy", None),
    ("Bí thư Huyện ủy", "Bí thư Huyện ủy", None),
    ("Phó bí thư thường trực huyện ủy", "Phó bí thư thường trực huyện ủy", None),
    ("Ủy viên thường vụ tỉnh ủy", "Ủy viên thường vụ tỉnh ủy", None),
    ("Ủy viên Ban Thường vụ Tỉnh ủy", "Ủy viên Ban Thường vụ Tỉnh ủy", None),
    ("Phó Bí thư Thường trực Thành ủy", "Phó Bí thư Thường trực Thành ủy", None),
    ("Phó Chủ tịch HĐND thành phố Bắc Ninh", "Phó Chủ tịch HĐND thành phố Bắc Ninh", "thành phố"),
    ("Chủ tịch UBND xã khóa X", "Chủ tịch UBND xã khóa X", "xã"),
    ("Trưởng Ban Pháp chế HĐND tỉnh", "Trưởng Ban Pháp chế HĐND tỉnh", "tỉnh"),
    ("Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh", "Trưởng Ban Kinh tế - Ngân sách HĐND tỉnh", "tỉnh"),
    ("Giám đốc Sở Tài nguyên và Môi trường", "Giám đốc Sở Tài nguyên và Môi trường", None),
    ("Chánh Văn phòng HĐND&UBND huyện", "Chánh Văn phòng HĐND&UBND huyện", "huyện"),
    ("nguyên Chủ tịch UBND tỉnh", "nguyên Chủ tịch UBND tỉnh", "tỉnh"),
    ("Chủ tich UBND huyện", "Chủ tich UBND huyện", "huyện"),
    ("Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Giám đốc Sở Văn hóa, Thể thao và Du lịch", None),
    ("Giám đốc Sở Lao động, Thương binh và Xã hội tỉnh", "Giám đốc Sở Lao động, Thương binh và Xã hội tỉnh", "tỉnh"),
    ("Giám đốc Sở Tư pháp, Tỉnh ủy viên", "Giám đốc Sở Tư pháp", None),
    ("Chủ tịch HĐND tỉnh TL-HM", "Chủ tịch HĐND tỉnh TL-HM", "tỉnh"),
    ("Trưởng Ban Dân nguyện của Quốc hội", "Trưởng Ban Dân nguyện của Quốc hội", None),
    ("Trưởng Đoàn Đại biểu Quốc hội tỉnh", "Trưởng Đoàn Đại biểu Quốc hội tỉnh", "tỉnh"),
    ("Thường trực Ban Bí thư", "Thường trực Ban Bí thư", None),
    ("Ủy viên UBND tỉnh nhiệm kỳ 2016-2021 đối với", "Ủy viên UBND tỉnh nhiệm kỳ 2016-2021", "tỉnh"),
    ("Chủ tịch HĐND khóa VII", "Chủ tịch HĐND khóa VII", None),
    ("Trưởng đoàn ĐBQH tỉnh", "Trưởng đoàn ĐBQH tỉnh", "tỉnh"),
    ("Trưởng ban Kinh tế - ngân sách HĐND tỉnh", "Trưởng ban Kinh tế - ngân sách HĐND tỉnh", "tỉnh"),
    ("Phó BT Đảng ủy", "Phó BT Đảng ủy", None),
    ("Chủ tịch UBND huyện nhấn mạnh", "Chủ tịch UBND huyện", "huyện"),
    ("Bí thư Tỉnh ủy Phạm Xuân Thăng kiểm tra", "Bí thư Tỉnh ủy Phạm Xuân Thăng", None),
    ("Tỉnh ủy viên", "Tỉnh ủy viên", None),
    ("UVBTV", "UVBTV", None),
    ("Trưởng", None, None),
    ("Chủ tịch", None, None),
    ("Hội nghị tỉnh", None, None),
]


@pytest.mark.parametrize(("phrase", "title", "level"), TITLES)
def test_a_title_is_read_from_its_head_to_the_end_of_its_body(phrase: str, title: str | None, level: str | None) -> None:
    toks = Tokens(nfc(phrase))
    parsed = parse_title(toks, 0)
    assert (toks.span_text(parsed.start, parsed.end) if parsed else None) == title
    assert (level_name(toks, parsed.level_at) if parsed and parsed.level_at is not None else None) == level
