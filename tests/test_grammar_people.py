"""Mentions of people, phrase by phrase: the name a phrase gives (two to four capitalised syllables
opening with a family name, or any name after ``đồng chí``/``ông``/``bà``), and the titles said with it
before or after. Add a row to pin down a new phrase.
"""

from __future__ import annotations

import pytest

from summarizer.backends.rules.officials import find_mentions
from summarizer.backends.rules.tokens import Tokens
from summarizer.text.normalize import nfc

MENTIONS = [
    # (phrase, [(kind, name, titles)])
    ("đồng chí Lò Văn Pâng", [("named", "Lò Văn Pâng", [])]),
    ("đồng chí Y Thanh Hà Niê Kdăm, Chủ tịch UBND tỉnh", [("named", "Y Thanh Hà Niê Kdăm", ["Chủ tịch UBND tỉnh"])]),
    ("Chủ tịch HĐND tỉnh Phương Thị Thanh", [("named", "Phương Thị Thanh", ["Chủ tịch HĐND tỉnh"])]),
    (
        "đồng chí Nguyễn Mạnh Hiếu, Phó Bí thư Thành ủy, Chủ tịch UBND thành phố",
        [("named", "Nguyễn Mạnh Hiếu", ["Phó Bí thư Thành ủy", "Chủ tịch UBND thành phố"])],
    ),
    (
        "đồng chí Hoàng Duy Chinh - Ủy viên Ban Thường vụ Tỉnh ủy",
        [("named", "Hoàng Duy Chinh", ["Ủy viên Ban Thường vụ Tỉnh ủy"])],
    ),
    (
        "các Phó Chủ tịch HĐND tỉnh Trần Thị Lộc, Đồng Văn Lưu",
        [("named", "Trần Thị Lộc", ["Phó Chủ tịch HĐND tỉnh"]), ("named", "Đồng Văn Lưu", ["Phó Chủ tịch HĐND tỉnh"])],
    ),
    (
        "Bí thư Tỉnh uỷ, Chủ tịch HĐND tỉnh Nguyễn Thành Tâm",
        [("title", None, ["Bí thư Tỉnh uỷ"]), ("named", "Nguyễn Thành Tâm", ["Bí thư Tỉnh uỷ", "Chủ tịch HĐND tỉnh"])],
    ),
    ("Ông Phạm Văn Hòa, Chủ tịch UBND xã", [("named", "Phạm Văn Hòa", ["Chủ tịch UBND xã"])]),
    ("ông Trần Quốc Toản giữ chức Phó Chủ tịch UBND huyện", [("named", "Trần Quốc Toản", ["Phó Chủ tịch UBND huyện"])]),
    ("Đồng chí Bí thư Thành ủy", [("title", None, ["Bí thư Thành ủy"])]),
    ("Đồng chí đề nghị", [("pronoun", None, [])]),
    ("Hải Phòng", []),
    ("Hồ Chí Minh", []),
]


@pytest.mark.parametrize(("phrase", "mentions"), MENTIONS)
def test_a_mention_is_read_as_a_name_and_its_titles(phrase: str, mentions: list[tuple[str, str | None, list[str]]]) -> None:
    found = find_mentions(Tokens(nfc(phrase)))
    assert [(m.kind, m.name, [t.text for t in m.titles]) for m in found] == mentions
