"""What a gathering was for and what it decided, sentence by sentence (LABELING.md, addendum): the purpose as
written after ``để``/``nhằm``, in the gathering's name or after ``về``; the decisions by kind, with the person
and post for people. Add a row to pin down a new phrase.
"""

from __future__ import annotations

import pytest

from summarizer.backends.rules import RuleBackend
from summarizer.schemas import Event
from summarizer.text.article import Article
from summarizer.text.normalize import nfc


def event_of(text: str) -> Event:
    (event,) = RuleBackend().extract(Article(id="t", text=nfc(text), source="t.txt")).events
    return event


PURPOSES = [
    # (an article, the purpose of its one gathering)
    ("Ngày 28/10/2024, HĐND tỉnh Thanh Lam tổ chức Kỳ họp chuyên đề thứ Ba để xem xét, quyết định một số nội dung "
     "quan trọng thuộc thẩm quyền.", "xem xét, quyết định một số nội dung quan trọng thuộc thẩm quyền"),
    ("Ngày 16/01/2026, UBND xã Sơn Lâm tổ chức Hội nghị giao ban tuần 2 tháng 01/2026 nhằm đánh giá tình hình thực "
     "hiện nhiệm vụ.", "đánh giá tình hình thực hiện nhiệm vụ"),
    ("Chiều ngày 31/12/2025, Đảng bộ xã Tây Lạc tổ chức Hội nghị tổng kết công tác năm 2025, triển khai phương "
     "hướng, nhiệm vụ năm 2026.", "tổng kết công tác năm 2025, triển khai phương hướng, nhiệm vụ năm 2026"),
    ("Chiều ngày 30/10/2025, Thường trực HĐND phường tổ chức họp thường kỳ tháng 10 và triển khai công tác bầu cử.",
     "triển khai công tác bầu cử"),
    ("- Ngày 19-5-2025: Tại Hà Nội diễn ra Lễ Trao giải thưởng sáng tác văn học, nghệ thuật.",
     "Trao giải thưởng sáng tác văn học, nghệ thuật"),
    ("Ngày 8/9/2025, đồng chí Lý Văn Hòa, Phó Bí thư Tỉnh ủy làm việc với Sở Tài chính về công tác thu chi ngân sách.",
     "công tác thu chi ngân sách"),
    ("Sáng 29/10/2025, UBND xã Phú An tổ chức Hội nghị đối thoại với Nhân dân. Hội nghị nhằm lắng nghe ý kiến, kiến "
     "nghị của Nhân dân.", "lắng nghe ý kiến, kiến nghị của Nhân dân"),
    ("Chiều ngày 06/5/2025, Thường trực HĐND tỉnh tổ chức phiên họp mở rộng chuẩn bị kỳ họp thứ 28.",
     "chuẩn bị kỳ họp thứ 28"),
    ("Ngày 15/9/2025, HĐND tỉnh Thanh Lam tổ chức kỳ họp chuyên đề lần thứ 2, thông qua nhiều nghị quyết.", None),
    ("Sáng 27/10/2020, UBND tỉnh tổ chức phiên họp thường kỳ tháng 10.", None),
]


@pytest.mark.parametrize(("text", "purpose"), PURPOSES)
def test_the_purpose_of_a_gathering_is_read_as_written(text: str, purpose: str | None) -> None:
    assert event_of(text).purpose == purpose


DECISIONS = [
    # (an article, [(kind, person, post)] of its one gathering's decisions)
    ("Ngày 20/3/2026, HĐND tỉnh Nghệ An khóa XIX tổ chức kỳ họp thứ nhất. Kỳ họp đã bầu đồng chí Nguyễn Văn Thông, Phó "
     "Bí thư Thường trực Tỉnh ủy giữ chức Chủ tịch HĐND tỉnh khóa XIX.",
     [("election", "Nguyễn Văn Thông", "Chủ tịch HĐND tỉnh")]),
    ("Ngày 29/8/2025, UBND tỉnh Quảng Ngãi tổ chức phiên họp thường kỳ tháng 8. Chủ tịch UBND tỉnh Nguyễn Hoàng Giang "
     "giao Sở Tài chính tham mưu UBND tỉnh ban hành kế hoạch phòng, chống thiên tai.", []),
    ("Sáng ngày 14/11/2025, HĐND xã Mỹ Hòa tổ chức kỳ họp thứ 12. Kỳ họp đã thông qua 3 nghị quyết quan trọng, cụ "
     "thể: Nghị quyết về giao biên chế cán bộ, công chức xã; Nghị quyết ban hành Chương trình giám sát năm 2026 của "
     "HĐND xã; Nghị quyết ban hành Quy chế làm việc của HĐND xã.",
     [("resolution", None, None), ("resolution", None, None), ("resolution", None, None)]),
    ("Ngày 14/6/2019, UBND tỉnh họp để thông qua nội dung các dự thảo báo cáo trình kỳ họp. Các thành viên UBND tỉnh "
     "cơ bản thông qua nội dung các dự thảo báo cáo; thông qua dự thảo Quy chế phối hợp quản lý doanh nghiệp.",
     [("approval", None, None), ("approval", None, None)]),
    ("Ngày 17/7/2025, HĐND xã Trung Lý tổ chức kỳ họp thứ nhất. Được sự chấp thuận của Ban Thường vụ Đảng ủy xã, "
     "Thường trực HĐND xã đã triệu tập kỳ họp. Việc thông qua Quy chế làm việc là bước quan trọng.", []),
    ("Ngày 12/5/2022, HĐND tỉnh Thanh Lam khóa X tổ chức kỳ họp thứ 3. Kỳ họp đã thông qua 5 nghị quyết về một "
     "số chính sách trên địa bàn tỉnh.", [("resolution", None, None)]),
    ("Ngày 21/4/2025, HĐND thị trấn Phú An tổ chức kỳ họp thứ 14. Kỳ họp đã biểu quyết thông qua Nghị quyết về "
     "chủ trương sắp xếp đơn vị hành chính cấp xã và Nghị quyết về chủ trương sắp xếp đơn vị hành chính cấp tỉnh.",
     [("resolution", None, None), ("resolution", None, None)]),
    ("Ngày 15/9/2025, HĐND tỉnh Thanh Lam tổ chức kỳ họp chuyên đề. HĐND tỉnh bầu bổ sung chức danh Phó Chủ tịch "
     "HĐND tỉnh khóa X, nhiệm kỳ 2021-2026, đối với ông Lạc Văn Tú, Bí thư Đảng ủy phường Phú An.",
     [("election", "Lạc Văn Tú", "Phó Chủ tịch HĐND tỉnh")]),
    ("Ngày 15/9/2025, HĐND tỉnh Thanh Lam tổ chức kỳ họp chuyên đề. Tại kỳ họp, 100% đại biểu đồng ý miễn nhiệm "
     "chức danh Phó Chủ tịch HĐND tỉnh đối với ông Chu Văn Hải.", [("relief", "Chu Văn Hải", "Phó Chủ tịch HĐND tỉnh")]),
    ("Sáng 24/6/2021, HĐND thành phố Phú An tổ chức Kỳ họp thứ nhất. Ông Lạc Văn Tú, Bí thư Thành ủy được các "
     "đại biểu HĐND thành phố tín nhiệm bầu giữ chức vụ Chủ tịch HĐND thành phố Phú An.",
     [("election", "Lạc Văn Tú", "Chủ tịch HĐND thành phố Phú An")]),
    ("Sáng 24/6/2021, HĐND thành phố Phú An tổ chức Kỳ họp thứ nhất. Kỳ họp đã bầu 15 ủy viên UBND thành phố "
     "nhiệm kỳ 2021-2026; bầu Hội thẩm Tòa án nhân dân thành phố nhiệm kỳ 2021-2026.",
     [("election", None, "ủy viên UBND thành phố"), ("election", None, "Hội thẩm Tòa án nhân dân thành phố")]),
    ("Ngày 15/9/2025, HĐND tỉnh Thanh Lam tổ chức kỳ họp chuyên đề. Thường trực HĐND tỉnh đề nghị HĐND tỉnh xem "
     "xét, miễn nhiệm chức danh Phó Chủ tịch HĐND tỉnh đối với ông Chu Văn Hải.", []),
    ("Ngày 5/12/2025, HĐND tỉnh Thanh Lam khai mạc kỳ họp thứ 9. HĐND tỉnh sẽ xem xét, thông qua 15 nghị quyết.", []),
]


@pytest.mark.parametrize(("text", "decisions"), DECISIONS)
def test_the_decisions_of_a_gathering_are_read_by_kind_with_person_and_post(text: str, decisions: list[tuple]) -> None:
    assert [(d.kind, d.person, d.post) for d in event_of(text).decisions] == decisions


def test_a_decision_goes_to_the_session_its_sentence_names() -> None:
    text = (
        "Chiều 15/12/2025, Kỳ họp thứ 30, HĐND tỉnh Hà Tĩnh khóa XVIII bế mạc. Tại Kỳ họp thứ 28 diễn ra ngày "
        "10/7/2025, HĐND tỉnh đã thông qua 15 nghị quyết. Kỳ họp thứ 30 đã bầu ông Nguyễn Văn Hùng giữ chức Phó Chủ "
        "tịch UBND tỉnh."
    )
    events = {e.session_number: e for e in RuleBackend().extract(Article(id="t", text=nfc(text), source="t.txt")).events}
    assert [(d.kind, d.person) for d in events[30].decisions] == [("election", "Nguyễn Văn Hùng")]
    assert [d.kind for d in events[28].decisions] == ["resolution"]
