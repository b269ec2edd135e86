"""What happened: each gathering's sentence says what it was for and what it decided, from the record's
fields as written (purpose, decisions), with the people and posts of elections, reliefs and dismissals."""

from __future__ import annotations

import datetime as dt
import json

from summarizer.briefing import BriefingOptions, Entry, build_briefing, render_markdown
from tests.conftest import EVALS

AS_OF = BriefingOptions(as_of=dt.date(2025, 3, 1))


def gathering_lines(*records: dict) -> list[str]:
    page = render_markdown(build_briefing([Entry(record) for record in records], AS_OF))
    section = page.split("## Kỳ họp, cuộc họp, hội nghị", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("- ")]


def session(**fields: object) -> dict:
    event = {"kind": "session", "organ": "HĐND", "level": "thành phố", "locality": "Lạng Sơn", "session_number": 12,
             "term": 21, "start_date": "2023-12-14", "end_date": "2023-12-15", **fields}
    return {"article_id": "lang-son", "events": [event]}


def test_a_conference_says_what_it_was_for() -> None:
    record = {"article_id": "hai-phong", "events": [{
        "kind": "conference", "organ": "HĐND", "level": "thành phố", "locality": "Hải Phòng", "term": 16,
        "start_date": "2024-03-12", "end_date": "2024-03-12",
        "purpose": "tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024 của HĐND các cấp nhiệm kỳ 2021-2026",
    }]}
    assert gathering_lines(record)[0].startswith(
        "- Ngày 12/03/2024, HĐND thành phố Hải Phòng khóa XVI tổ chức hội nghị. "
        "Nội dung: tổng kết công tác năm 2023, triển khai nhiệm vụ năm 2024 của HĐND các cấp nhiệm kỳ 2021-2026. _("
    )


def test_an_extraordinary_session_says_what_it_approved() -> None:
    record = {"article_id": "bac-kan", "events": [{
        "kind": "session", "organ": "HĐND", "level": "tỉnh", "locality": "Bắc Kạn", "session_type": "extraordinary",
        "start_date": "2025-02-03", "end_date": "2025-02-03", "chairs": ["Phương Thị Thanh"],
        "decisions": [{"kind": "approval", "text": "thông qua chủ trương vay lại vốn vay ODA của Chính phủ để thực hiện "
                                                   "Dự án phát triển hạ tầng thích ứng với biến đổi khí hậu"}],
    }]}
    assert (
        "HĐND tỉnh Bắc Kạn họp bất thường, do Phương Thị Thanh chủ tọa. Thông qua, phê chuẩn: thông qua chủ trương "
        "vay lại vốn vay ODA của Chính phủ để thực hiện Dự án phát triển hạ tầng thích ứng với biến đổi khí hậu."
    ) in gathering_lines(record)[0]


def test_a_session_says_whom_it_relieved_elected_and_dismissed_and_which_post() -> None:
    record = session(decisions=[
        {"kind": "relief", "text": "miễn nhiệm chức vụ Phó Chủ tịch UBND thành phố đối với ông Nguyễn Văn An",
         "person": "Nguyễn Văn An", "post": "Phó Chủ tịch UBND thành phố"},
        {"kind": "election", "text": "bầu bổ sung ông Hoàng Văn Bình giữ chức Phó Chủ tịch UBND thành phố",
         "person": "Hoàng Văn Bình", "post": "Phó Chủ tịch UBND thành phố"},
        {"kind": "dismissal", "text": "bãi nhiệm đại biểu HĐND thành phố đối với ông Lê Văn Công",
         "person": "Lê Văn Công", "post": "đại biểu HĐND thành phố"},
    ])
    assert gathering_lines(record)[0].startswith(
        "- Ngày 14–15/12/2023, HĐND thành phố Lạng Sơn khóa XXI họp kỳ thứ 12. "
        "Miễn nhiệm, cho thôi: Nguyễn Văn An (Phó Chủ tịch UBND thành phố Lạng Sơn). "
        "Bầu: Hoàng Văn Bình (Phó Chủ tịch UBND thành phố Lạng Sơn). "
        "Bãi nhiệm, cách chức: Lê Văn Công (đại biểu HĐND thành phố Lạng Sơn). _("
    )


def test_a_confidence_vote_without_a_person_reads_as_written() -> None:
    record = session(decisions=[{"kind": "confidence_vote",
                                 "text": "lấy phiếu tín nhiệm đối với 27 người giữ chức vụ do HĐND thành phố bầu"}])
    assert "Lấy phiếu tín nhiệm: lấy phiếu tín nhiệm đối với 27 người giữ chức vụ do HĐND thành phố bầu." in gathering_lines(record)[0]


def test_resolutions_are_named_when_the_article_names_them() -> None:
    record = session(decisions=[
        {"kind": "resolution", "text": "Nghị quyết về kế hoạch đầu tư công năm 2024"},
        {"kind": "resolution", "text": "Nghị quyết về dự toán ngân sách thành phố năm 2024."},
    ])
    assert (
        "Nghị quyết: Nghị quyết về kế hoạch đầu tư công năm 2024; Nghị quyết về dự toán ngân sách thành phố năm 2024."
    ) in gathering_lines(record)[0]


def test_a_count_of_resolutions_is_said_once() -> None:
    record = session(resolutions_passed=6, decisions=[{"kind": "resolution", "text": "biểu quyết thông qua 06 nghị quyết"}])
    line = gathering_lines(record)[0]
    assert "họp kỳ thứ 12. Nghị quyết: biểu quyết thông qua 06 nghị quyết." in line
    assert "; thông qua 6 nghị quyết" not in line


def test_a_count_the_decisions_do_not_give_stays_in_the_sentence() -> None:
    record = session(resolutions_passed=6, decisions=[{"kind": "resolution", "text": "Nghị quyết về kế hoạch đầu tư công năm 2024"}])
    assert "họp kỳ thứ 12; thông qua 6 nghị quyết. Nghị quyết: Nghị quyết về kế hoạch đầu tư công năm 2024." in gathering_lines(record)[0]


def test_a_purpose_the_heading_already_says_is_not_repeated() -> None:
    record = session(kind="conference", session_number=None, title="Hội nghị sơ kết công tác 6 tháng đầu năm 2024",
                     purpose="sơ kết công tác 6 tháng đầu năm 2024")
    line = gathering_lines(record)[0]
    assert line.startswith("- Hội nghị sơ kết công tác 6 tháng đầu năm 2024: Ngày 14–15/12/2023")
    assert "Nội dung" not in line


def test_a_gathering_without_purpose_or_decisions_says_no_more_than_before() -> None:
    line = gathering_lines(session())[0]
    assert line.startswith("- Ngày 14–15/12/2023, HĐND thành phố Lạng Sơn khóa XXI họp kỳ thứ 12. _(")


def _gold(number: str) -> dict:
    path = next((EVALS / "gold").glob(f"{number}_*.json"))
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_labelled_new_articles_say_what_their_sessions_decided() -> None:
    dak_lak, hai_phong, kon_tum = (_gold(n) for n in ("106", "107", "114"))
    lines = gathering_lines(dak_lak, hai_phong, kon_tum)
    assert any(
        "Miễn nhiệm, cho thôi: Trần Phú Hùng (Phó Chủ tịch HĐND tỉnh Đắk Lắk). Bầu: Từ Thái Giang (Phó Chủ tịch HĐND tỉnh Đắk Lắk)." in line
        for line in lines
    )
    assert any(
        "Bầu: Đào Trọng Đức (Phó Chủ tịch HĐND TP Hải Phòng); Lê Trung Kiên (Phó Chủ tịch UBND TP Hải Phòng); "
        "Vũ Tiến Phụng (Phó Chủ tịch UBND TP Hải Phòng)." in line
        for line in lines
    )
    assert any(
        "Nội dung: bầu các chức danh chủ chốt HĐND, UBND thành phố theo luật định. Bầu: Nguyễn Đức Tuy "
        "(Chủ tịch HĐND thành phố Kon Tum); Nguyễn Thanh Mân (Chủ tịch UBND thành phố Kon Tum); "
        "bầu 15 ủy viên UBND thành phố nhiệm kỳ 2021-2026" in line
        for line in lines
    )


def test_a_heading_that_is_the_articles_headline_is_said_once() -> None:
    record = {**session(title="Khai mạc Kỳ họp thứ 12 HĐND thành phố Lạng Sơn"), "headline": "Khai mạc Kỳ họp thứ 12 HĐND thành phố Lạng Sơn"}
    line = gathering_lines(record)[0]
    assert line.startswith("- Ngày 14–15/12/2023, HĐND thành phố Lạng Sơn khóa XXI họp kỳ thứ 12. _(Khai mạc Kỳ họp thứ 12")
    assert line.count("Khai mạc") == 1
