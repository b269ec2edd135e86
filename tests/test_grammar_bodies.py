"""Bodies and places, phrase by phrase: which councils and Party committees a phrase names, at which level
and in which place, and whether the body is named inside a person's title.

Add a row to pin down a new phrase.
"""

from __future__ import annotations

import pytest

from summarizer.backends.rules.bodies import organs_in
from summarizer.backends.rules.document import Document
from summarizer.text.normalize import nfc

BODIES = [
    # (phrase, [(organ, level, locality, in a title)])
    ("HĐND xã Xuân Quế", [("HĐND", "xã", "Xuân Quế", False)]),
    ("HDND phường Đông Ngàn", [("HĐND", "phường", "Đông Ngàn", False)]),
    ("Hội đồng nhân dân tỉnh Lào Cai", [("HĐND", "tỉnh", "Lào Cai", False)]),
    ("Ủy ban nhân dân thành phố Hà Nội", [("UBND", "thành phố", "Hà Nội", False)]),
    ("UBND TX. Giá Rai", [("UBND", "thị xã", "Giá Rai", False)]),
    ("UBND H. Long Mỹ", [("UBND", "huyện", "Long Mỹ", False)]),
    ("HĐND TP Bắc Ninh", [("HĐND", "thành phố", "Bắc Ninh", False)]),
    ("Thành ủy Bắc Ninh", [("Thành ủy", "thành phố", "Bắc Ninh", False)]),
    ("Thường trực HĐND huyện Tiên Du", [("HĐND", "huyện", "Tiên Du", False)]),
    ("HĐND huyện Mường Chà khóa XXI", [("HĐND", "huyện", "Mường Chà", False)]),
    ("UBND huyện Chủ trì", [("UBND", "huyện", None, False)]),
    ("Chủ tịch UBND tỉnh Nguyễn Văn An", [("UBND", "tỉnh", None, True)]),
    ("HĐND và UBND tỉnh Bắc Kạn", [("HĐND", None, None, False), ("UBND", "tỉnh", "Bắc Kạn", False)]),
    ("Ban Kinh tế - Xã hội", []),
    ("Đảng ủy xã Vĩnh An", [("Đảng ủy", "xã", "Vĩnh An", False)]),
    ("Đảng bộ phường Tân Hòa", [("Đảng bộ", "phường", "Tân Hòa", False)]),
    ("Bí thư Đảng ủy xã Vĩnh An Lê Văn Tư", [("Đảng ủy", "xã", "Vĩnh An", True)]),
]


@pytest.mark.parametrize(("phrase", "bodies"), BODIES)
def test_a_body_is_read_with_its_level_and_place(phrase: str, bodies: list[tuple[str, str | None, str | None, bool]]) -> None:
    text = nfc(phrase)
    found = organs_in(Document(text, None), 0, len(text))
    assert [(o.short, o.level, o.locality, o.in_title) for o in found] == bodies


HOLDERS = [
    # (a reporting sentence, (kind, organ, level) of the gathering it reports)
    ("Chiều ngày 20/1/2026, Thường trực Đảng ủy xã Vĩnh An tổ chức Hội nghị liên tịch giữa các cơ quan: Đảng ủy, "
     "Hội đồng nhân dân, Ủy ban nhân dân xã.", ("conference", "Đảng ủy", "xã")),
    ("Chiều 10-7-2025, Ban Thường vụ Đảng ủy phường Tân Hòa tổ chức Hội nghị triển khai Kế hoạch tổ chức Đại hội "
     "đại biểu Đảng bộ phường lần thứ I.", ("conference", "Đảng ủy", "phường")),
    ("Trong hai ngày 22 và 23/7/2025, Đảng bộ xã Hưng Phú đã long trọng tổ chức Đại hội đại biểu lần thứ I.",
     ("other", "Đảng bộ", "xã")),
    ("Sáng 22-9-2025, Tỉnh ủy Thanh Lam tổ chức hội nghị triển khai quyết định của Ban Bí thư về công tác cán bộ.",
     ("conference", "Tỉnh ủy", "tỉnh")),
    ("Ngày 14/10/2024, Hội Chữ thập đỏ tỉnh tổ chức lễ ra quân tháng nhân đạo.", ("other", "Hội Chữ thập đỏ tỉnh", "tỉnh")),
    ("Ngày 15/10/2024, Bộ Chỉ huy Quân sự tỉnh tổ chức hội nghị tổng kết diễn tập.",
     ("conference", "Bộ Chỉ huy Quân sự tỉnh", "tỉnh")),
    ("Ngày 29/10/2025, Chủ tịch UBND xã Phú An Lê Văn Tư tổ chức Hội nghị đối thoại với Nhân dân các thôn.",
     ("conference", None, "xã")),
    ("Ngày 29/9/2025, các đồng chí Phó Chủ tịch UBND xã Ngọc Lâm tổ chức họp đánh giá tình hình 9 tháng.",
     ("meeting", "UBND", "xã")),
    ("Sáng 3/2/2025, các đồng chí Thường trực Tỉnh ủy, HĐND tỉnh, lãnh đạo UBND tỉnh gặp mặt đầu Xuân cán bộ.",
     ("other", None, "tỉnh")),
]


@pytest.mark.parametrize(("sentence", "holder"), HOLDERS)
def test_the_body_that_holds_a_gathering_is_the_subject_of_its_verb(sentence: str, holder: tuple) -> None:
    from summarizer.backends.rules import RuleBackend
    from summarizer.text.article import Article

    (event,) = RuleBackend().extract(Article(id="t", text=nfc(sentence), source="t.txt")).events
    assert (event.kind, event.organ, event.level) == holder
