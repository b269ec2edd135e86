"""A session's fields, phrase by phrase: its number and type, the council's khóa and nhiệm kỳ, and the
number of resolutions passed. Add a row to pin down a new phrase.
"""

from __future__ import annotations

import pytest

from summarizer.backends.rules.document import Document
from summarizer.backends.rules.sessions import CouncilTerms, resolutions, session_number, session_type, term
from summarizer.text.normalize import nfc

SESSIONS = [
    # (phrase, session number, session type)
    ("Kỳ họp chuyên đề thứ Tư", 4, "thematic"),
    ("kỳ họp chuyên đề lần thứ hai", 2, "thematic"),
    ("Kỳ họp thứ 20", 20, None),
    ("kỳ họp thứ Mười lăm (kỳ họp chuyên đề)", 15, "thematic"),
    ("Kỳ họp thứ 14 (bất thường)", 14, "extraordinary"),
    ("kỳ họp bất thường lần thứ 3", 3, "extraordinary"),
    ("kỳ họp thường lệ cuối năm", None, "regular"),
    ("kỳ họp của Thường trực HĐND tỉnh lần thứ hai", 2, None),
    ("kỳ họp HĐND tỉnh lần thứ 21", 21, None),
    ("Kỳ họp lần thứ XII", 12, None),
    ("kỳ họp", None, None),
]
TERMS = [
    # (phrase, khóa, nhiệm kỳ)
    ("HĐND tỉnh khóa XVIII, nhiệm kỳ 2021 - 2026", 18, "2021-2026"),
    ("HĐND huyện khóa XXI, nhiệm kỳ 2021-2026", 21, "2021-2026"),
    ("HĐND tỉnh Khoá 17", 17, None),
    ("Đảng bộ tỉnh khóa XX", None, None),
    ("UBND tỉnh nhiệm kỳ 2021 - 2026", None, None),
]
RESOLUTIONS = [
    # (phrase, resolutions passed)
    ("Kỳ họp đã thông qua 14 nghị quyết", 14),
    ("thông qua tổng số 05 dự thảo nghị quyết", 5),
    ("thông qua mười hai nghị quyết", 12),
    ("dự kiến thông qua 15 dự thảo nghị quyết", None),
    ("Kỳ họp đã xem xét, thông qua các báo cáo của Thường trực HĐND, UBND tỉnh cùng 11 nghị quyết", 11),
    ("Kỳ họp ban hành 05 Nghị quyết và thành công tốt đẹp", 5),
    ("HĐND tỉnh sẽ xem xét, thảo luận và thông qua 1 báo cáo và 19 dự thảo nghị quyết", None),
    ("xem xét các nội dung trình HĐND tỉnh ban hành 15 nghị quyết chuyên đề", None),
    ("HĐND thành phố và các quận huyện tổ chức 55 kỳ họp chuyên đề, ban hành 826 nghị quyết", None),
]


def document(phrase: str) -> Document:
    return Document(nfc(phrase), None)


@pytest.mark.parametrize(("phrase", "number", "kind"), SESSIONS)
def test_a_session_is_read_with_its_number_and_type(phrase: str, number: int | None, kind: str | None) -> None:
    doc = document(phrase)
    assert session_number(doc, 0, len(doc.text)) == number
    assert session_type(doc, doc.sentences, "session") == kind


@pytest.mark.parametrize(("phrase", "khoa", "period"), TERMS)
def test_a_council_term_is_read_only_of_the_council(phrase: str, khoa: int | None, period: str | None) -> None:
    doc = document(phrase)
    assert term(doc, doc.sentences, "HĐND", None, CouncilTerms(doc, ())) == (khoa, period)


@pytest.mark.parametrize(("phrase", "count"), RESOLUTIONS)
def test_resolutions_passed_are_counted_unless_still_planned(phrase: str, count: int | None) -> None:
    doc = document(phrase)
    assert resolutions(doc, 0, len(doc.text)) == count
