"""Gathering words, sentence by sentence: the kind of gathering a sentence names first (``None``: it names
none, as ``hội trường`` or ``lễ hội`` hold a gathering word without naming a gathering). Add a row to pin
down a new sentence.
"""

from __future__ import annotations

import pytest

from summarizer.backends.rules.gathering_words import gathering_word
from summarizer.text.normalize import fold, nfc

GATHERINGS = [
    # (sentence, kind of its first gathering word)
    ("Sáng 13/12, Kỳ họp thứ 20, HĐND thành phố Bắc Ninh khóa XXII khai mạc", "session"),
    ("UBND tỉnh họp phiên thường kỳ tháng 5", "meeting"),
    ("Chiều 5/6, Ban Chỉ đạo tổ chức cuộc họp lần thứ hai", "meeting"),
    ("Tỉnh ủy tổ chức hội nghị sơ kết công tác quý I", "conference"),
    ("Lãnh đạo tỉnh gặp mặt đầu Xuân", "other"),
    ("Đoàn công tác làm việc với UBND huyện", "other"),
    ("Đại biểu tiếp xúc cử tri xã Tân Lập", "other"),
    ("Các đại biểu tập trung tại hội trường UBND tỉnh", None),
    ("Lễ hội truyền thống diễn ra trong ba ngày", None),
    ("Tăng cường kiểm tra, giám sát việc thực hiện", None),
    ("Nghị quyết kỳ họp được triển khai kịp thời", None),
    ("(16h30) Giao ban Chủ tịch, các Phó Chủ tịch UBND tỉnh", "meeting"),
    ("UBND tỉnh tổ chức Hội nghị giao ban tuần 2 tháng 01/2026", "conference"),
    ("Thời gian, địa điểm: 07 giờ 00 tại phòng Tiếp công dân xã", None),
]


@pytest.mark.parametrize(("sentence", "kind"), GATHERINGS)
def test_a_sentence_names_a_gathering_of_its_first_gathering_word_kind(sentence: str, kind: str | None) -> None:
    found = gathering_word(fold(nfc(sentence)))
    assert (found[0] if found else None) == kind
