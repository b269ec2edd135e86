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
]


@pytest.mark.parametrize(("phrase", "bodies"), BODIES)
def test_a_body_is_read_with_its_level_and_place(phrase: str, bodies: list[tuple[str, str | None, str | None, bool]]) -> None:
    text = nfc(phrase)
    found = organs_in(Document(text, None), 0, len(text))
    assert [(o.short, o.level, o.locality, o.in_title) for o in found] == bodies
