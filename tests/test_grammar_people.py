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
    (
        "Chủ tịch UBND tỉnh Trần Minh Khoa, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh Đào Thị Lụa",
        [("named", "Trần Minh Khoa", ["Chủ tịch UBND tỉnh"]), ("named", "Đào Thị Lụa", ["Chủ tịch Ủy ban MTTQ Việt Nam tỉnh"])],
    ),
    (
        "bầu hai Phó Chủ tịch UBND tỉnh, gồm: Lạc Văn Tú, Chu Minh Đức",
        [("named", "Lạc Văn Tú", ["Phó Chủ tịch UBND tỉnh"]), ("named", "Chu Minh Đức", ["Phó Chủ tịch UBND tỉnh"])],
    ),
    (
        "các vị Ủy viên Bộ Chính trị: Chủ tịch Quốc hội Lạc Văn Tú; Phó Thủ tướng Chính phủ Chu Minh Đức.",
        [
            ("title", None, ["Ủy viên Bộ Chính trị"]),
            ("named", "Lạc Văn Tú", ["Ủy viên Bộ Chính trị", "Chủ tịch Quốc hội"]),
            ("named", "Chu Minh Đức", ["Ủy viên Bộ Chính trị", "Phó Thủ tướng Chính phủ"]),
        ],
    ),
    (
        "bà Đào Thị Mơ (SN 1980, xã Phú Lạc), Giám đốc Sở Tư pháp",
        [("named", "Đào Thị Mơ", ["Giám đốc Sở Tư pháp"])],
    ),
    ("ông Chu Minh Đức, Thạc sĩ Luật, Chánh Văn phòng UBND tỉnh", [("named", "Chu Minh Đức", ["Chánh Văn phòng UBND tỉnh"])]),
    (
        "bầu chức danh Phó Chủ tịch UBND tỉnh đối với ông Lạc Văn Tú, Tỉnh ủy viên, Giám đốc Sở Tư pháp",
        [("named", "Lạc Văn Tú", ["Phó Chủ tịch UBND tỉnh", "Tỉnh ủy viên", "Giám đốc Sở Tư pháp"])],
    ),
    (
        "cho thôi giữ chức danh phó Chủ tịch UBND huyện đối với ông Chu Văn Hải",
        [("named", "Chu Văn Hải", ["phó Chủ tịch UBND huyện"])],
    ),
    ("HĐND huyện sẽ bầu các Ủy viên UBND huyện Phú Lạc.", [("title", None, ["Ủy viên UBND huyện Phú Lạc"])]),
    ("Thường trực Ban Bí thư Lý Văn Hòa", [("named", "Lý Văn Hòa", ["Thường trực Ban Bí thư"])]),
    (
        "Ông Từ Thái Giang (thứ 2, trái sang) được bầu giữ chức Phó Chủ tịch HĐND tỉnh Thanh Lam khóa X.",
        [("named", "Từ Thái Giang", ["Phó Chủ tịch HĐND tỉnh Thanh Lam khóa X"])],
    ),
    (
        "Ông Lạc Văn Tú tiếp tục được các đại biểu tín nhiệm bầu tái giữ chức Chủ tịch UBND thành phố Phú An.",
        [("named", "Lạc Văn Tú", ["Chủ tịch UBND thành phố Phú An"])],
    ),
    (
        "ông Lạc Văn Tú và ông Chu Minh Đức, đại biểu HĐND huyện khóa XII",
        [("named", "Lạc Văn Tú", ["đại biểu HĐND huyện khóa XII"]), ("named", "Chu Minh Đức", ["đại biểu HĐND huyện khóa XII"])],
    ),
    ("Hải Phòng", []),
    ("Hồ Chí Minh", []),
]


@pytest.mark.parametrize(("phrase", "mentions"), MENTIONS)
def test_a_mention_is_read_as_a_name_and_its_titles(phrase: str, mentions: list[tuple[str, str | None, list[str]]]) -> None:
    found = find_mentions(Tokens(nfc(phrase)))
    assert [(m.kind, m.name, [t.text for t in m.titles]) for m in found] == mentions
