"""Events: one per gathering reported (not merely mentioned), with the fields of the labelling guide."""

from __future__ import annotations

import datetime as dt

from summarizer.backends.rules import RuleBackend
from summarizer.schemas import ArticleExtraction, Event
from summarizer.text.article import Article
from summarizer.text.normalize import nfc


def extract(text: str) -> ArticleExtraction:
    return RuleBackend().extract(Article(id="t", text=nfc(text), source="t.txt"))


def only_event(text: str) -> Event:
    (event,) = extract(text).events
    return event


DISTRICT_THEMATIC = """\
Chiều ngày 25/7/2024, HĐND huyện Mường Chà khóa XXI, nhiệm kỳ 2021 - 2026 tổ chức kỳ họp thứ Mười lăm (kỳ họp chuyên đề) để xem xét, quyết định một số nội dung quan trọng. Đồng chí Lò Văn Pâng, Phó Bí thư Huyện ủy, Chủ tịch HĐND huyện chủ trì kỳ họp.
Tại kỳ họp, các đại biểu đã thảo luận, thống nhất thông qua 05 nghị quyết chuyên đề quan trọng.
Quang Hưng
"""


def test_a_district_thematic_session_is_read_field_by_field() -> None:
    event = only_event(DISTRICT_THEMATIC)
    assert (event.kind, event.organ, event.level, event.locality) == ("session", "HĐND", "huyện", "Mường Chà")
    assert (event.session_number, event.term, event.term_period) == (15, 21, "2021-2026")
    assert event.session_type == "thematic"
    assert (event.start_date, event.end_date) == (dt.date(2024, 7, 25), dt.date(2024, 7, 25))
    assert event.chairs == ["Lò Văn Pâng"]
    assert event.resolutions_passed == 5


def test_an_extraordinary_session_chaired_by_two_listed_officials() -> None:
    text = (
        "2025-03-20 10:15:00\n"
        "Sáng 20/3, HĐND thị xã Buôn Hồ khóa V tổ chức kỳ họp thứ 20 (kỳ họp bất thường).\n"
        "Các đồng chí: Nguyễn Văn Hùng, Bí thư Thị ủy, Chủ tịch HĐND thị xã; Ksor H'Bla, "
        "Phó Chủ tịch HĐND thị xã điều hành kỳ họp.\n"
    )
    event = only_event(text)
    assert (event.kind, event.level, event.locality, event.session_type) == ("session", "thị xã", "Buôn Hồ", "extraordinary")
    assert event.start_date == dt.date(2025, 3, 20)
    assert event.chairs == ["Nguyễn Văn Hùng", "Ksor H'Bla"]


def test_a_monthly_ubnd_meeting_is_a_regular_meeting_of_the_ubnd() -> None:
    text = (
        "Thứ Tư, 05/06/2024 - 17:20\n"
        "Ngày 5/6, UBND tỉnh Đắk Lắk tổ chức phiên họp thường kỳ tháng 5/2024. Đồng chí Y Thanh Hà Niê Kdăm, "
        "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì phiên họp.\n"
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.level, event.locality) == ("meeting", "UBND", "tỉnh", "Đắk Lắk")
    assert event.session_type == "regular"
    assert event.session_number is None
    assert event.chairs == ["Y Thanh Hà Niê Kdăm"]


def test_a_conference_held_by_a_named_body_takes_the_body_as_organ() -> None:
    text = (
        "Sáng 12/4/2024, đồng chí Hà Thị Nga, Phó Chủ tịch UBND tỉnh chủ trì hội nghị sơ kết công tác quý I "
        "của Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh.\n"
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.level) == ("conference", "Ban Chỉ đạo các chương trình mục tiêu quốc gia tỉnh", "tỉnh")
    assert event.chairs == ["Hà Thị Nga"]


def test_a_session_only_reported_on_is_not_an_event() -> None:
    text = (
        "Sáng 14/12/2023, HĐND thành phố Lạng Sơn tổ chức kỳ họp thứ 12.\n"
        "Tại kỳ họp, đồng chí Đoàn Thị Loan đã báo cáo tóm tắt kết quả kỳ họp HĐND tỉnh lần thứ 21, khoá XVII.\n"
    )
    event = only_event(text)
    assert (event.level, event.locality, event.session_number, event.term) == ("thành phố", "Lạng Sơn", 12, None)


def test_later_sentences_add_the_last_day_and_the_term_of_the_same_session() -> None:
    text = (
        "Khai mạc kỳ họp thứ 11 HĐND thành phố Bắc Kạn khóa VI, nhiệm kỳ 2016 -2021\n\n"
        "Sáng ngày 17/12, HĐND Thành phố Bắc Kạn đã khai mạc Kỳ họp thứ 11.\n\n"
        "Đồng chí Bí thư đề nghị: năm 2021 là năm đầu tiên thực hiện Nghị quyết đại hội Đảng bộ thành phố khóa VII, nhiệm kỳ 2020 – 2025.\n\n"
        "Theo chương trình, Kỳ họp HĐND thành phố lần thứ 11 diễn ra trong hai ngày 17 – 18/12/2020./.\n"
    )
    event = only_event(text)
    assert (event.start_date, event.end_date) == (dt.date(2020, 12, 17), dt.date(2020, 12, 18))
    assert (event.session_number, event.term, event.term_period) == (11, 6, "2016-2021")


WEEKLY_ROUNDUP = """\
07/02/2025
Điểm hoạt động nổi bật của lãnh đạo tỉnh trong tuần, từ 3/2 - 7/2/2025
Gặp mặt đầu Xuân; Kỳ họp HĐND tỉnh giải quyết công việc phát sinh đột xuất; Phiên họp UBND tỉnh tháng 1/2025… là những hoạt động nổi bật.

Lãnh đạo tỉnh gặp mặt đầu Xuân

Sáng 3/2, các đồng chí Thường trực Tỉnh ủy, HĐND tỉnh, lãnh đạo UBND tỉnh gặp mặt đầu Xuân cán bộ, công chức các cơ quan tham mưu.

Kỳ họp HĐND tỉnh giải quyết công việc phát sinh đột xuất

Chiều 3/2, Chủ tịch HĐND tỉnh Phương Thị Thanh điều hành Kỳ họp giải quyết công việc phát sinh đột xuất (tháng 2/2025).

Phiên họp UBND tỉnh tháng 1/2025

Chiều 4/2, UBND tỉnh họp phiên tháng 1/2025. Chủ tịch UBND tỉnh Nguyễn Đăng Bình chủ trì Phiên họp.

Họp Ban Chỉ đạo xóa nhà tạm, nhà dột nát trên địa bàn tỉnh lần thứ hai

Phát biểu tại cuộc họp Ban Chỉ đạo xóa nhà tạm, nhà dột nát trên địa bàn tỉnh lần thứ hai vào chiều 7/2, đồng chí Hoàng Duy Chinh, Bí thư Tỉnh ủy nhấn mạnh tiến độ. Sản xuất nông nghiệp tỉnh Bắc Kạn đạt khá.
"""


def test_a_weekly_roundup_gives_one_event_per_gathering_each_with_its_own_date_and_chairs() -> None:
    events = extract(WEEKLY_ROUNDUP).events
    assert [(e.kind, e.organ) for e in events] == [
        ("other", None),
        ("session", "HĐND"),
        ("meeting", "UBND"),
        ("meeting", "Ban Chỉ đạo xóa nhà tạm, nhà dột nát trên địa bàn tỉnh"),
    ]
    assert [e.start_date for e in events] == [dt.date(2025, 2, d) for d in (3, 3, 4, 7)]
    assert [e.chairs for e in events] == [[], ["Phương Thị Thanh"], ["Nguyễn Đăng Bình"], []]
    assert events[1].session_type == "extraordinary"
    assert {e.level for e in events} == {"tỉnh"}


def test_the_locality_comes_from_elsewhere_in_the_article_when_the_event_leaves_it_implicit() -> None:
    assert {e.locality for e in extract(WEEKLY_ROUNDUP).events} == {"Bắc Kạn"}


def test_numbered_gatherings_that_are_not_sessions_have_no_session_number() -> None:
    text = "Chiều 7/2, Ban Chỉ đạo tỉnh tổ chức phiên họp thứ 26 để kiểm điểm tiến độ."
    assert only_event(text).session_number is None


def test_an_article_without_a_gathering_has_no_event() -> None:
    text = "Năm 2024, thu ngân sách nhà nước trên địa bàn tỉnh đạt 1.250 tỷ đồng, vượt 12% dự toán."
    assert extract(text).events == []


def test_the_event_evidence_is_its_reporting_sentence() -> None:
    text = "Mở đầu.\nSáng 13/12, Kỳ họp thứ 20, HĐND thành phố Bắc Ninh khóa XXII tiếp tục phiên làm việc."
    event = only_event(text)
    assert event.evidence is not None
    assert event.evidence.text == text[event.evidence.start : event.evidence.end]
    assert event.evidence.text.startswith("Sáng 13/12")


def test_chairs_named_after_su_chu_tri_cua() -> None:
    text = (
        "Ngày 10/7/2024, Thường trực HĐND tỉnh Thanh Hóa tổ chức phiên họp thường kỳ tháng 7 dưới sự chủ trì của "
        "đồng chí Lại Thế Nguyên, Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh."
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.session_type) == ("meeting", "HĐND", "regular")
    assert event.chairs == ["Lại Thế Nguyên"]


def test_without_a_date_header_the_year_comes_from_a_year_stated_nearby() -> None:
    text = (
        "Sáng 15-3, UBND huyện Hải Hậu tổ chức hội nghị triển khai nhiệm vụ năm 2024. Hội nghị do đồng chí "
        "Trần Văn Tuấn, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện chủ trì."
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.level, event.locality) == ("conference", "UBND", "huyện", "Hải Hậu")
    assert event.start_date == dt.date(2024, 3, 15)
    assert event.chairs == ["Trần Văn Tuấn"]


def test_the_preparations_of_a_schedule_add_no_event_but_a_planned_round_with_its_days_does() -> None:
    text = (
        "Sáng 3/9/2023, HĐND huyện Quế Phong tổ chức hội nghị thống nhất nội dung kỳ họp thứ 12.\n"
        "Theo kế hoạch, ngày 6/9, Thường trực HĐND huyện sẽ ban hành kế hoạch tổ chức kỳ họp. "
        "Ngày 15/9, nghe các tổ đại biểu báo cáo kết quả tiếp xúc cử tri. Ngày 20/9 quyết định triệu tập kỳ họp thứ 12.\n"
        "Từ ngày 10- 14/9 sẽ tiến hành tiếp xúc cử tri tại các đơn vị bầu cử.\n"
    )
    events = extract(text).events
    assert [(e.kind, e.start_date, e.end_date) for e in events] == [
        ("conference", dt.date(2023, 9, 3), dt.date(2023, 9, 3)),
        ("other", dt.date(2023, 9, 10), dt.date(2023, 9, 14)),
    ]


def test_a_standing_committee_meeting_that_prepares_a_session_is_a_meeting_without_the_session_fields() -> None:
    text = (
        "H. Tân Kỳ: Chuẩn bị tổ chức Kỳ họp thứ 9\n\n"
        "Thường trực HĐND huyện vừa họp thống nhất thời gian tổ chức Kỳ họp thứ 9 (bất thường) HĐND huyện để bầu "
        "chức danh Phó Chủ tịch UBND huyện Khóa XX, nhiệm kỳ 2021 - 2026; thông qua kế hoạch giám sát năm 2024.\n"
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.level, event.locality) == ("meeting", "HĐND", "huyện", "Tân Kỳ")
    assert (event.session_number, event.term, event.term_period, event.session_type) == (None, None, None, None)


def test_a_capitalised_verb_after_the_level_word_is_not_the_place() -> None:
    text = (
        "Sáng ngày 9/10/2023, HĐND huyện Hoàng Su Phì tổ chức Kỳ họp thứ Tám. "
        "Các đồng chí Thường trực HĐND huyện Chủ trì Kỳ họp."
    )
    assert only_event(text).locality == "Hoàng Su Phì"


def test_a_place_shaped_like_a_name_is_a_place_when_no_person_is_named_there() -> None:
    text = "Chiều 2/10/2023, HĐND huyện Lê Thủy khóa XX tổ chức kỳ họp thứ 11 (kỳ họp chuyên đề)."
    assert only_event(text).locality == "Lê Thủy"


def test_a_body_named_right_before_hop_holds_the_meeting() -> None:
    text = (
        "Chiều 14/8/2024, dưới sự chủ trì của các đồng chí: Trần Quốc Nam, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh; "
        "Đinh Thị Hà, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh, Ban Chỉ đạo phòng, chống dịch bệnh động vật tỉnh họp, "
        "nghe các sở, ngành báo cáo tình hình dịch tả lợn châu Phi."
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.level) == ("meeting", "Ban Chỉ đạo phòng, chống dịch bệnh động vật tỉnh", "tỉnh")
    assert event.chairs == ["Trần Quốc Nam", "Đinh Thị Hà"]


def test_officials_listed_before_dong_chu_tri_are_the_chairs() -> None:
    text = (
        "Sáng 4/7/2025, HĐND xã Phú Lộc tổ chức Kỳ họp thứ 9. Đồng chí Lương Văn Tín - Bí thư Đảng ủy, "
        "Chủ tịch HĐND xã; Hà Thị Mến - Phó Chủ tịch HĐND xã đồng chủ trì kỳ họp."
    )
    assert only_event(text).chairs == ["Lương Văn Tín", "Hà Thị Mến"]


def test_chairs_listed_after_chu_tri_hoi_nghi_co() -> None:
    text = (
        "Sáng 20/3/2024, UBND huyện Tiên Yên tổ chức hội nghị sơ kết quý I. Chủ trì hội nghị có các đồng chí: "
        "Hoàng Văn Phúc - Chủ tịch UBND huyện; Trương Thị Lụa - Phó Chủ tịch UBND huyện."
    )
    assert only_event(text).chairs == ["Hoàng Văn Phúc", "Trương Thị Lụa"]


def test_an_abbreviated_level_with_a_full_stop_does_not_end_the_sentence() -> None:
    event = only_event(
        "Ngày 16/5/2023, HĐND TX. Ngã Năm, khóa XII, nhiệm kỳ 2021 - 2026 tổ chức kỳ họp thứ 9 (kỳ họp chuyên đề).\n"
    )
    assert (event.level, event.locality, event.term_period) == ("thị xã", "Ngã Năm", "2021-2026")
    assert (event.start_date, event.end_date) == (dt.date(2023, 5, 16), dt.date(2023, 5, 16))


def test_a_year_month_stamp_gives_the_year_of_two_days_in_brackets() -> None:
    event = only_event("date 2022-06 Trong 2 ngày (7 và 8/6), HĐND huyện Ia Pa khóa VII đã tổ chức Kỳ họp thứ 6.\n")
    assert (event.start_date, event.end_date) == (dt.date(2022, 6, 7), dt.date(2022, 6, 8))


def test_a_cited_resolution_neither_dates_the_meeting_nor_reports_a_gathering() -> None:
    text = (
        "Ngày 9/3, đồng chí Lò Văn Hùng, Chủ tịch HĐND tỉnh chủ trì Phiên họp thứ 12, Thường trực HĐND tỉnh khóa XV.\n"
        "Ban Văn hóa - Xã hội của HĐND tỉnh báo cáo kết quả giám sát việc thực hiện Nghị quyết số 12/2022/NQ-HĐND "
        "ngày 8/7/2022 của HĐND tỉnh về hoạt động của HĐND các cấp.\n"
    )
    event = only_event(text)
    assert event.kind == "meeting" and (event.start_date, event.end_date) == (None, None)


def test_a_district_named_only_inside_a_unit_name_is_the_meeting_place() -> None:
    text = (
        "Ngày 9/8/2023, UBND huyện tổ chức họp thường kỳ tháng 8. Dự họp có đại diện Chi nhánh Văn phòng "
        "Đăng ký đất đai Lục Yên, Trung tâm Y tế huyện.\n"
    )
    event = only_event(text)
    assert (event.organ, event.level, event.locality) == ("UBND", "huyện", "Lục Yên")


def test_a_province_is_not_guessed_from_a_unit_name() -> None:
    text = "Ngày 9/8/2023, UBND tỉnh tổ chức họp thường kỳ tháng 8. Dự họp có đại diện Công ty Điện lực Lục Yên.\n"
    assert only_event(text).locality is None


def test_a_gathering_dated_after_the_article_is_announced_with_the_days_it_will_sit() -> None:
    text = "Thứ Hai, 08/04/2024 09:15\nNgày 18/4, HĐND tỉnh tổ chức kỳ họp thứ 17 khóa XVI để xem xét nhiều nội dung quan trọng.\n"
    event = only_event(text)
    assert (event.kind, event.session_number, event.term) == ("session", 17, 16)
    assert (event.start_date, event.end_date) == (dt.date(2024, 4, 18), dt.date(2024, 4, 18))


def test_a_planned_gathering_named_with_no_day_of_its_own_is_no_event() -> None:
    text = "Thứ Hai, 08/04/2024 09:15\nHĐND tỉnh sẽ tổ chức kỳ họp thứ 17 khóa XVI trong tháng 4 để xem xét nhiều nội dung.\n"
    assert extract(text).events == []


def test_a_window_a_planned_session_falls_in_is_no_day_of_its_own() -> None:
    text = (
        "Ngày đăng: 08/06/2021\n"
        "Kỳ họp thứ nhất, HĐND huyện khóa XX dự kiến tổ chức 01 ngày, trong khoảng từ ngày 28/6 đến 06/7/2021.\n"
    )
    assert extract(text).events == []


def test_a_past_convening_reports_a_session_that_sat() -> None:
    text = "Ngày đăng: 20/12/2023\nNgày 18/12/2023, Thường trực HĐND huyện Phú Lạc đã triệu tập đại biểu dự kỳ họp thứ 7.\n"
    event = only_event(text)
    assert (event.kind, event.session_number, event.start_date) == ("session", 7, dt.date(2023, 12, 18))


def test_a_chair_named_with_a_title_in_brackets() -> None:
    event = only_event("Ngày 3/4/2024, ông Đoàn Văn Tâm (Chủ tịch UBND huyện Tây Sơn) chủ trì cuộc họp.\n")
    assert event.chairs == ["Đoàn Văn Tâm"]


def test_a_body_that_holds_a_meeting_is_its_organ_with_its_level() -> None:
    text = (
        "Chiều ngày 9/8/2024, Hội đồng thẩm định nông thôn mới huyện tổ chức họp xét công nhận 3 xã đạt chuẩn.\n"
        "Ông Đinh Văn Lực, Phó Chủ tịch UBND huyện, Chủ tịch Hội đồng thẩm định huyện chủ trì cuộc họp.\n"
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.level) == ("meeting", "Hội đồng thẩm định nông thôn mới huyện", "huyện")
    assert event.start_date == dt.date(2024, 8, 9)
    assert event.chairs == ["Đinh Văn Lực"]


def test_the_chair_may_follow_chu_tri_cuoc_hop_and_a_colon() -> None:
    text = (
        "Ngày 3 tháng 6 năm 2021, Thường trực HĐND huyện tổ chức họp liên tịch.\n"
        "Chủ trì cuộc họp: Ông Võ Minh Đức - Chủ tịch HĐND huyện; dự họp có các Phó Chủ tịch HĐND huyện.\n"
    )
    assert only_event(text).chairs == ["Võ Minh Đức"]


def test_a_meeting_that_sets_the_days_of_the_next_session_reports_two_events() -> None:
    text = (
        "Ngày 3/6/2021, Thường trực HĐND huyện tổ chức họp liên tịch chuẩn bị kỳ họp thứ hai.\n"
        "Theo đó, Kỳ họp thứ hai, HĐND huyện dự kiến diễn ra trong 2 ngày 6 và 7/7/2021.\n"
    )
    events = extract(text).events
    assert [(e.kind, e.session_number, e.start_date, e.end_date) for e in events] == [
        ("meeting", None, dt.date(2021, 6, 3), dt.date(2021, 6, 3)),
        ("session", 2, dt.date(2021, 7, 6), dt.date(2021, 7, 7)),
    ]


def test_the_programme_of_a_session_being_reported_adds_its_planned_last_day() -> None:
    text = (
        "Sáng 6-11-2023, HĐND huyện Phú Lạc khai mạc kỳ họp thứ 12, khóa IX. "
        "Kỳ họp sẽ diễn ra trong 2 ngày (từ ngày 6-11 đến ngày 7-11).\n"
    )
    event = only_event(text)
    assert (event.start_date, event.end_date) == (dt.date(2023, 11, 6), dt.date(2023, 11, 7))


def test_a_first_session_dated_without_a_year_sits_in_its_terms_first_year() -> None:
    text = "Sáng nay 9/6, HĐND huyện Phú Lạc đã tổ chức Kỳ họp thứ nhất HĐND huyện khóa IX, nhiệm kỳ 2021 - 2026.\n"
    event = only_event(text)
    assert (event.start_date, event.end_date) == (dt.date(2021, 6, 9), dt.date(2021, 6, 9))


def test_a_gathering_whose_date_has_no_year_anywhere_is_still_reported_undated() -> None:
    text = (
        "Sáng ngày 12/3, Thường trực HĐND huyện Phú Lạc tổ chức phiên họp thường kỳ để thống nhất nội dung kỳ họp "
        "thứ 9. Các Ban HĐND huyện sẽ hoàn thiện hồ sơ trình kỳ họp.\n"
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.start_date, event.end_date) == ("meeting", "HĐND", None, None)


def test_a_time_of_day_glued_to_the_date_still_dates_the_gathering() -> None:
    text = "Chiều12/6/2023, Thường trực HĐND huyện Yên Thành đã tiến hành họp bàn chuẩn bị kỳ họp thứ 9. Chủ trì hội nghị đồng chí Hồ Văn Thịnh, chủ tịch HĐND huyện.\n"
    event = only_event(text)
    assert event.start_date is not None and (event.start_date.month, event.start_date.day) == (6, 12)
    assert event.chairs == ["Hồ Văn Thịnh"]


def test_resolutions_still_to_be_passed_are_not_counted() -> None:
    text = "Ngày 3/6/2021, Thường trực HĐND huyện họp liên tịch. Kỳ họp tới dự kiến thông qua 12 dự thảo nghị quyết.\n"
    assert only_event(text).resolutions_passed is None


def test_a_quarter_is_no_place() -> None:
    text = "Sáng ngày 22/3/2022, UBND huyện tổ chức phiên họp đánh giá tình hình kinh tế - xã hội Quý I.\n"
    assert only_event(text).locality is None


WEEK_PROGRAMME = """\
Lịch công tác tuần từ ngày 14-20.3

Thứ Hai, 14/03/2022 08:00

- Ngày 14.3: Kỳ họp thứ năm (kỳ họp chuyên đề) HĐND tỉnh khóa X.

- Ngày 15.3: Đồng chí Bí thư Tỉnh ủy Hoàng Văn Sơn kiểm tra tiến độ dự án đường vành đai; đồng chí Phó Bí thư Tỉnh ủy Lê Thị Mận làm việc với Sở Y tế.

- Ngày 17.3: Hội nghị Ban Thường vụ Tỉnh ủy.
"""


def test_each_dated_entry_of_a_week_programme_and_each_of_its_clauses_is_a_gathering() -> None:
    events = extract(WEEK_PROGRAMME).events
    assert [(e.kind, e.organ, e.level, e.start_date) for e in events] == [
        ("session", "HĐND", "tỉnh", dt.date(2022, 3, 14)),
        ("other", None, "tỉnh", dt.date(2022, 3, 15)),
        ("other", None, "tỉnh", dt.date(2022, 3, 15)),
        ("conference", "Tỉnh ủy", "tỉnh", dt.date(2022, 3, 17)),
    ]


def test_bodies_named_in_the_purpose_of_a_meeting_are_not_its_organ() -> None:
    text = "Chiều 9-5-2023, ông Hà Văn Tâm - Chủ tịch UBND tỉnh chủ trì cuộc họp thành viên UBND tỉnh để cho ý kiến các tờ trình trình kỳ họp thứ 10 HĐND tỉnh.\n"
    event = only_event(text)
    assert (event.kind, event.organ, event.level) == ("meeting", "UBND", "tỉnh")


ROUND_UP = """\
Hoạt động nổi bật của lãnh đạo tỉnh trong tuần

Lãnh đạo tỉnh thăm hỏi gia đình chính sách
Sáng 20/1/2025, đồng chí Lý Thị Lan, Bí thư Tỉnh ủy thăm hỏi các gia đình chính sách tại huyện Na Rì.

Phiên họp UBND tỉnh tháng 1/2025
Chiều 23/1/2025, UBND tỉnh tổ chức phiên họp thường kỳ tháng 1.
"""


def test_a_round_up_section_heading_labels_its_gathering_verbatim() -> None:
    assert [e.title for e in extract(ROUND_UP).events] == [
        "Lãnh đạo tỉnh thăm hỏi gia đình chính sách",
        "Phiên họp UBND tỉnh tháng 1/2025",
    ]


def test_a_single_gathering_takes_the_headline_as_its_label() -> None:
    text = (
        "Huyện Yên Bình tổ chức họp liên tịch chuẩn bị kỳ họp thứ 8\n\n"
        "Ngày đăng: 20/6/2023 | Người viết: Thu Hà\n\n"
        "Ngày 19/6/2023, Thường trực HĐND huyện tổ chức họp liên tịch.\n"
    )
    assert only_event(text).title == "Huyện Yên Bình tổ chức họp liên tịch chuẩn bị kỳ họp thứ 8"


def test_without_a_heading_or_headline_an_event_has_no_label() -> None:
    assert only_event("Sáng 13/12/2024, HĐND thành phố tổ chức kỳ họp thứ 20.\n").title is None


def test_a_body_that_holds_a_meeting_with_partners_is_its_organ() -> None:
    text = (
        "Sáng 9/5/2024, Thường trực HĐND thị xã phối hợp với UBND thị xã, các phòng, ban liên quan tổ chức "
        "phiên họp thống nhất nội dung trình kỳ họp thứ 12. Đồng chí Lưu Văn Hậu, Chủ tịch HĐND thị xã chủ trì."
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.level) == ("meeting", "HĐND", "thị xã")


def test_a_dated_report_that_lost_its_full_stop_is_running_text_not_a_caption() -> None:
    text = (
        "Tin hoạt động\n\n"
        "Chiều ngày 14/5/2024, tại hội trường xã, HĐND xã Tân Phú tổ chức họp thống nhất nội dung kỳ họp thứ 10\n\n"
        "Dự họp có đồng chí Mai Văn Tư - Chủ tịch HĐND xã.\n"
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.level, event.start_date) == ("meeting", "HĐND", "xã", dt.date(2024, 5, 14))


def test_a_short_line_without_a_full_stop_or_a_dated_opening_stays_a_caption() -> None:
    from summarizer.backends.rules.sentences import split_sentences

    (line,) = split_sentences("Đồng chí Mai Văn Tư phát biểu tại buổi làm việc")
    assert line.caption


def test_the_body_owning_the_venue_does_not_hold_the_gathering() -> None:
    text = (
        "Sáng 21/3/2024, tại hội trường UBND huyện, HĐND huyện Cát Tiên tổ chức phiên họp thường kỳ tháng 3. "
        "Đồng chí Ngô Văn Bảy, Chủ tịch HĐND huyện chủ trì."
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.level) == ("meeting", "HĐND", "huyện")


def test_ky_hop_le_is_a_regular_session() -> None:
    text = (
        "Sáng 6/12/2024, Kỳ họp lệ cuối năm 2024, HĐND tỉnh Bình Phước khóa X, nhiệm kỳ 2021-2026 khai mạc. "
        "Chủ tịch HĐND tỉnh Huỳnh Thị Hằng chủ trì kỳ họp."
    )
    event = only_event(text)
    assert (event.kind, event.session_type) == ("session", "regular")


def test_the_nth_working_day_of_a_session_dates_its_opening_n_minus_one_days_before() -> None:
    text = (
        "Sáng 11/7/2024, ngày làm việc thứ 3, Kỳ họp thứ 18 HĐND tỉnh Đồng Nai khóa X tiến hành phiên chất vấn. "
        "Chủ tịch HĐND tỉnh Thái Bảo điều hành phiên chất vấn."
    )
    event = only_event(text)
    assert (event.start_date, event.end_date) == (dt.date(2024, 7, 9), dt.date(2024, 7, 11))


ROUND_UP_ENTRIES = """\
Sự kiện trong tỉnh từ ngày 21.10-27.10
Ngày đăng: 08:30, 21/10/2019
- Ngày 21.10, UBND tỉnh tổ chức hội nghị tổng kết công tác dân vận chính quyền.
- Ngày 22 và 23.10: đoàn giám sát của HĐND tỉnh làm việc với Sở Giáo dục và Đào tạo.
- Ngày 25.10: Tỉnh đoàn tổ chức chương trình tình nguyện mùa đông; UBND tỉnh tổ chức biểu dương các doanh nghiệp tiêu biểu.
"""


def test_round_up_entries_dated_with_a_comma_over_two_days_and_without_a_gathering_word() -> None:
    events = extract(ROUND_UP_ENTRIES).events
    assert [(e.kind, e.organ, e.level, e.start_date, e.end_date) for e in events] == [
        ("conference", "UBND", "tỉnh", dt.date(2019, 10, 21), dt.date(2019, 10, 21)),
        ("other", "HĐND", "tỉnh", dt.date(2019, 10, 22), dt.date(2019, 10, 23)),
        ("other", "Tỉnh đoàn", "tỉnh", dt.date(2019, 10, 25), dt.date(2019, 10, 25)),
        ("other", "UBND", "tỉnh", dt.date(2019, 10, 25), dt.date(2019, 10, 25)),
    ]


def test_a_party_congress_is_an_event_of_the_dang_bo_with_its_term_period_and_no_term() -> None:
    text = (
        "Trong hai ngày 22 và 23/7/2025, Đảng bộ xã Hưng Phú đã long trọng tổ chức Đại hội đại biểu lần thứ I, "
        "nhiệm kỳ 2025–2030.\n"
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.level, event.locality) == ("other", "Đảng bộ", "xã", "Hưng Phú")
    assert (event.term, event.term_period) == (None, "2025-2030")
    assert (event.start_date, event.end_date) == (dt.date(2025, 7, 22), dt.date(2025, 7, 23))


def test_a_standing_committee_of_the_provincial_party_takes_its_own_term() -> None:
    text = "Sáng 27/10/2020, Ban Thường vụ Tỉnh ủy khóa XX, nhiệm kỳ 2020 - 2025 tổ chức phiên họp thường kỳ.\n"
    event = only_event(text)
    assert (event.kind, event.organ, event.term, event.term_period) == ("meeting", "Tỉnh ủy", 20, "2020-2025")


def test_the_term_of_a_coming_election_is_not_the_sessions() -> None:
    text = (
        "Chiều 15/12/2030, HĐND tỉnh Thanh Lam khóa XI tổ chức kỳ họp thứ 9. Kỳ họp ban hành nhiều nghị quyết "
        "phục vụ cuộc bầu cử đại biểu HĐND các cấp nhiệm kỳ 2031 – 2036.\n"
    )
    event = only_event(text)
    assert (event.term, event.term_period) == (11, None)


def test_the_councils_own_first_sitting_called_phien_hop_then_ky_hop_is_its_first_session() -> None:
    text = (
        "Sáng 3/7/2021, Hội đồng nhân dân tỉnh Thanh Lam tiến hành phiên họp lần thứ nhất nhằm kiện toàn các chức "
        "danh lãnh đạo. Cũng tại kỳ họp, ông Lạc Văn Tú tái đắc cử Chủ tịch UBND tỉnh.\n"
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.session_number) == ("session", "HĐND", 1)


def test_a_session_whose_council_is_unnamed_takes_the_level_and_term_of_the_post_it_fills() -> None:
    text = "Kỳ họp thứ 17 được tổ chức theo hình thức chuyên đề nhằm bầu thêm một Phó Chủ tịch Ủy ban nhân dân huyện nhiệm kỳ 2021 - 2026.\n"
    event = only_event(text)
    assert (event.level, event.term_period) == ("huyện", "2021-2026")


def test_a_session_takes_the_council_the_article_names_elsewhere() -> None:
    text = (
        "Phiên bế mạc kỳ họp đã thông qua 9 Nghị quyết. Trong đó có nghị quyết thành lập đoàn khảo sát của HĐND tỉnh. "
        "Nghị quyết về học phí trên địa bàn tỉnh Thanh Lam được nhiều đại biểu quan tâm.\n"
    )
    event = only_event(text)
    assert (event.level, event.locality, event.resolutions_passed) == ("tỉnh", "Thanh Lam", 9)


def test_chairs_named_only_in_a_photo_caption_are_the_chairs() -> None:
    text = (
        "Sáng 20/9/2023, hội nghị giao ban giữa Thường trực HĐND các tỉnh khu vực miền núi được tổ chức tại tỉnh Thanh Lam.\n"
        "Các ông: Lạc Văn Tú, Phó Chủ tịch Quốc hội; Lý Văn Hòa, Chủ tịch HĐND tỉnh Thanh Lam chủ tọa hội nghị\n"
        "Đại diện Thường trực HĐND các tỉnh cùng dự hội nghị.\n"
    )
    event = only_event(text)
    assert event.chairs == ["Lạc Văn Tú", "Lý Văn Hòa"]
    assert (event.organ, event.level) == (None, "tỉnh")


def test_chairs_listed_after_the_post_they_share() -> None:
    text = (
        "Sáng 14/3/2024, Hội nghị sơ kết hoạt động năm 2023 diễn ra tại tỉnh Thanh Lam. Chủ trì hội nghị gồm các đồng "
        "chí Ủy viên Bộ Chính trị: Chủ tịch Quốc hội Lạc Văn Tú; Phó Thủ tướng Chính phủ Lý Văn Hòa.\n"
    )
    assert only_event(text).chairs == ["Lạc Văn Tú", "Lý Văn Hòa"]


def test_an_official_acting_as_chair_is_a_chair() -> None:
    text = (
        "Ngày 21/4/2025, Hội đồng nhân dân thị trấn Phú An tổ chức kỳ họp thứ 14. Bà Đào Thị Mơ - Phó Chủ tịch "
        "HĐND thị trấn làm Chủ tọa kỳ họp.\n"
    )
    assert only_event(text).chairs == ["Đào Thị Mơ"]


def test_the_headline_names_the_body_a_report_leaves_to_its_chair() -> None:
    text = (
        "UBND huyện tổ chức hội nghị thường kỳ tháng 4 và triển khai nhiệm vụ tháng 5.\n\n"
        "Sáng ngày 26/4/2021, đồng chí Lạc Văn Tú – Phó bí thư, Chủ tịch UBND huyện chủ trì hội nghị.\n"
    )
    event = only_event(text)
    assert (event.kind, event.organ, event.level) == ("conference", "UBND", "huyện")


def test_a_report_of_a_middle_day_alone_dates_neither_end() -> None:
    text = (
        "Kỳ họp thứ 21, HĐND tỉnh tiến hành phiên chất vấn\n\n"
        "08:28, 11/07/2024\n"
        "Sáng 11/7, tiếp tục chương trình Kỳ họp thứ 21, HĐND tỉnh Thanh Lam khóa XVIII tiến hành phiên chất vấn và "
        "trả lời chất vấn.\n"
        "Toàn cảnh phiên chất vấn sáng 11/7.\n"
    )
    event = only_event(text)
    assert (event.session_number, event.start_date, event.end_date) == (21, None, None)


def test_a_report_of_the_closing_day_alone_dates_its_last_day() -> None:
    text = "Thứ Năm, 14/12/2023 09:00\nSáng 13/12, HĐND huyện Phú Lạc bế mạc kỳ họp thứ 12.\n"
    event = only_event(text)
    assert (event.start_date, event.end_date) == (None, dt.date(2023, 12, 13))


def test_a_stated_length_sets_the_other_end_of_a_closing_day() -> None:
    text = (
        "Đăng ngày 11/07/2023\n"
        "Sau 1,5 ngày làm việc khẩn trương, kỳ họp thứ 10 HĐND thị xã Phú Lạc khóa VI đã bế mạc vào sáng ngày 11/7.\n"
    )
    event = only_event(text)
    assert (event.start_date, event.end_date) == (dt.date(2023, 7, 10), dt.date(2023, 7, 11))


def test_a_stated_length_sets_the_last_day_of_an_opening_day() -> None:
    text = "Ngày đăng: 05/12/2025\nSáng 5/12, HĐND tỉnh Thanh Lam khai mạc kỳ họp thứ 9. Kỳ họp diễn ra trong 02 ngày.\n"
    event = only_event(text)
    assert (event.start_date, event.end_date) == (dt.date(2025, 12, 5), dt.date(2025, 12, 6))


def test_a_planned_session_takes_no_number_of_the_sessions_named_after_its_days() -> None:
    text = (
        "date 2025-11-24\n"
        "Ngày 24/11, Thường trực HĐND tỉnh họp để thống nhất các nội dung trình kỳ họp thường lệ cuối năm 2025.\n"
        "Theo dự kiến, kỳ họp thường lệ cuối năm 2025 sẽ diễn ra từ ngày 8 – 10/12. Đối với kỳ họp chuyên đề thứ Tư, "
        "UBND tỉnh đã trình 33 nội dung.\n"
    )
    events = extract(text).events
    assert [(e.kind, e.session_number, e.session_type, e.start_date) for e in events] == [
        ("meeting", None, None, dt.date(2025, 11, 24)),
        ("session", None, "regular", dt.date(2025, 12, 8)),
    ]


SCHEDULE = """\
Lịch công tác của thường trực UBND tỉnh
Từ ngày 14/07/2025 đến ngày 20/07/2025
Thứ 2
14/7
Sáng
(8h30) Hội nghị Thường trực
Tỉnh ủy
P. họp TV
Chủ tịch,
Các Phó Chủ tịch liên quan
(8h) Dự Họp Chi bộ phòng Kinh tế - Tài chính Sơ kết hoạt động Chi bộ 6 tháng đầu năm
P. họp 5 tầng 2
PCTTT Lạc Văn Tú
(16h30) Giao ban Chủ tịch, các Phó Chủ tịch UBND tỉnh
P. họp 1 tầng 3
Thứ 3
15/7
Sáng
Chủ tịch UBND tỉnh tiếp công dân định kỳ tháng 7/2025
Trụ sở tiếp công dân tỉnh Thanh Lam
CT Chu Minh Đức
"""


def test_each_item_of_a_schedule_naming_a_gathering_is_one_on_its_day() -> None:
    events = extract(SCHEDULE).events
    assert [(e.kind, e.organ, e.level, e.start_date) for e in events] == [
        ("conference", "Tỉnh ủy", "tỉnh", dt.date(2025, 7, 14)),
        ("meeting", "Chi bộ phòng Kinh tế - Tài chính", None, dt.date(2025, 7, 14)),
        ("meeting", "UBND", "tỉnh", dt.date(2025, 7, 14)),
        ("other", None, "tỉnh", dt.date(2025, 7, 15)),
    ]
    assert {e.locality for e in events} == {"Thanh Lam"}


def test_a_gathering_with_no_holder_takes_the_place_named_for_it() -> None:
    text = "Sự kiện trong tuần\n* Trong nước:\n- Ngày 19-5-2025: Tại Hà Nội diễn ra Lễ Trao giải thưởng sáng tác văn học.\n"
    event = only_event(text)
    assert (event.kind, event.organ, event.locality) == ("other", None, "Hà Nội")


def test_the_span_an_anniversary_counts_is_no_sitting_day() -> None:
    event = only_event(
        "Ngày 03/02/2025, UBND phường Tân Lợi tổ chức kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam "
        "(03/02/1930 - 03/02/2025), đồng thời tổ chức họp giao ban đầu năm.\n"
    )
    assert (event.start_date, event.end_date) == (dt.date(2025, 2, 3), dt.date(2025, 2, 3))


def test_a_planned_session_moved_to_another_day_sits_on_the_day_it_was_moved_to() -> None:
    text = (
        "Chiều ngày 06/5/2025, Thường trực HĐND tỉnh tổ chức phiên họp chuẩn bị kỳ họp thứ 28.\n"
        "Trước đó, theo dự kiến kỳ họp thứ 28 HĐND tỉnh sẽ được tổ chức vào ngày 09/5/2025; tuy nhiên do yêu cầu "
        "công tác, Thường trực HĐND tỉnh thống nhất điều chỉnh thời gian khai mạc kỳ họp thứ 28 HĐND tỉnh khóa X "
        "sang 13 giờ 30 phút ngày 08/5/2025.\n"
    )
    (session,) = [event for event in extract(text).events if event.kind == "session"]
    assert (session.start_date, session.end_date) == (dt.date(2025, 5, 8), dt.date(2025, 5, 8))


def test_the_members_listed_after_the_chairing_body_and_gom_are_the_chairs() -> None:
    event = only_event(
        "Ngày 30/1/2026, Đảng ủy xã Tân Phú tổ chức Hội nghị giao ban định kỳ tháng 1.\n"
        "Hội nghị do Thường trực Đảng ủy xã chủ trì, gồm các đồng chí: Lê Thị Hoa, Bí thư Đảng ủy, Chủ tịch HĐND xã; "
        "Trần Văn Bình, Phó Bí thư Thường trực Đảng ủy.\n"
    )
    assert event.chairs == ["Lê Thị Hoa", "Trần Văn Bình"]


def test_a_body_named_after_tai_and_a_gathering_word_holds_the_gathering() -> None:
    event = only_event(
        "Đó là yêu cầu của Chủ tịch UBND tỉnh Nguyễn Văn Sơn tại phiên họp UBND tỉnh thường kỳ tháng 2 tổ chức "
        "vào chiều 2/3/2020."
    )
    assert (event.kind, event.organ, event.level, event.session_type) == ("meeting", "UBND", "tỉnh", "regular")


def test_the_executive_committee_of_a_party_organisation_is_its_party_committee() -> None:
    event = only_event("Ngày 29/01/2021, BCH Đảng bộ xã Tân Thịnh đã tổ chức hội nghị thường kỳ tháng 01.")
    assert (event.organ, event.level, event.locality) == ("Đảng ủy", "xã", "Tân Thịnh")
    event = only_event("Ngày 29/01/2021, Ban Chấp hành Đảng bộ tỉnh Gia Lai tổ chức hội nghị lần thứ 5.")
    assert (event.organ, event.level, event.locality) == ("Tỉnh ủy", "tỉnh", "Gia Lai")


def test_a_congress_is_held_by_the_body_it_is_named_for_not_the_committee_convening_it() -> None:
    text = (
        "Theo thông tri triệu tập của Ban Chấp hành Đảng bộ tỉnh Gia Lai, Đại hội đại biểu Đảng bộ tỉnh lần thứ I, "
        "nhiệm kỳ 2025-2030 sẽ diễn ra từ ngày 2-4/10/2025.\n"
    )
    event = RuleBackend().extract(Article(id="t", text=nfc(text), source="t.txt", published=dt.date(2025, 9, 20))).events[0]
    assert (event.kind, event.organ, event.level, event.term_period) == ("other", "Đảng bộ", "tỉnh", "2025-2030")


def test_chuyen_de_said_of_a_sessions_content_is_no_session_type() -> None:
    event = only_event(
        "Theo dự kiến, Kỳ họp thứ 9, HĐND thị xã Khóa VI sẽ diễn ra từ ngày 25 - 26.12.2019. Kỳ họp sẽ rà soát, "
        "cho ý kiến vào một số nội dung chuyên đề tại các nghị quyết HĐND đã ban hành.\n"
    )
    assert (event.kind, event.session_type) == ("session", None)


def test_txct_is_a_meeting_with_voters() -> None:
    text = "Ngày 20/11/2019, Thường trực HĐND thị xã thống nhất lịch TXCT trước kỳ họp từ ngày 3 - 7.12.2019.\n"
    kinds = [event.kind for event in extract(text).events]
    assert "other" in kinds and "session" not in kinds


def test_a_commune_as_the_subject_of_a_verb_of_holding_gives_the_level_and_place() -> None:
    event = only_event("Ngày 29/10/2025, Xã Hòa Bình tổ chức Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân.\n")
    assert (event.kind, event.organ, event.level, event.locality) == ("conference", None, "xã", "Hòa Bình")


def test_the_work_of_a_kind_of_gathering_is_no_gathering() -> None:
    text = (
        "Thực hiện Hướng dẫn số 13-HD/BTGDVTU ngày 06/8/2025 của Ban Tuyên giáo và Dân vận Thành ủy về công tác "
        "đối thoại giữa người đứng đầu cấp ủy với Nhân dân, Chủ tịch UBND xã Hòa Bình sẽ tổ chức Hội nghị đối thoại "
        "vào ngày 29/10/2025.\n"
    )
    event = RuleBackend().extract(Article(id="t", text=nfc(text), source="t.txt", published=dt.date(2025, 10, 20))).events[0]
    assert (event.kind, event.organ, event.level) == ("conference", None, "xã")


def test_the_headline_names_the_kind_of_an_articles_one_gathering_called_otherwise_below() -> None:
    text = (
        "UBND xã Hòa Bình tổ chức họp thường kỳ tháng 01 năm 2026\n"
        "Chiều 3/2/2026, UBND xã Hòa Bình tổ chức hội nghị đánh giá kết quả thực hiện nhiệm vụ tháng 1.\n"
    )
    (event,) = extract(text).events
    assert (event.kind, event.organ, event.session_type) == ("meeting", "UBND", "regular")


def test_a_party_committees_conference_reports_the_resolutions_it_passed() -> None:
    text = (
        "Ngày 29/01/2021, BCH Đảng bộ xã Tân Thịnh tổ chức hội nghị thường kỳ tháng 01. "
        "Tại hội nghị BCH Đảng bộ đã thông qua một số nghị quyết chuyên đề năm 2021.\n"
    )
    (event,) = extract(text).events
    assert [d.kind for d in event.decisions] == ["resolution"]


def test_the_deputies_of_councils_of_several_levels_meet_voters_with_no_one_body_holding() -> None:
    event = only_event("Ngày 27/7/2020, đại biểu HĐND ba cấp huyện Phú Tân tiến hành tiếp xúc cử tri.\n")
    assert (event.kind, event.organ, event.level, event.locality) == ("other", None, None, "Phú Tân")
    event = only_event(
        "Từ ngày 25/5 đến 29/5/2020, các vị đại biểu Hội đồng nhân dân 3 cấp (tỉnh, huyện và xã) sẽ tiếp xúc cử tri "
        "trước kỳ họp tại các xã, phường, thị trấn.\n"
    )
    assert (event.kind, event.organ, event.level) == ("other", None, None)


def test_a_schedules_day_line_may_give_the_lunar_date_too() -> None:
    text = (
        "* THỨ BẢY 11/01/2025 (nhằm 12/12 ÂL)\n"
        "- 08 giờ 00: Chủ tịch UBND huyện làm việc với HTX Tân Long.\n"
        "* CHỦ NHẬT 12/01/2025 (nhằm 13/12 ÂL)\n"
        "15 giờ 00: Chủ tịch UBND huyện dự Phiên họp thứ 2 của Ban Chỉ đạo tỉnh. Thành phần họp trực tuyến tại "
        "điểm cầu cấp xã.\n"
    )
    assert [(e.kind, e.start_date) for e in extract(text).events] == [
        ("other", dt.date(2025, 1, 11)),
        ("meeting", dt.date(2025, 1, 12)),
    ]


def test_a_round_up_whose_one_year_is_written_bare_dates_its_days_in_that_year() -> None:
    text = (
        "Sự kiện trong tỉnh từ ngày 25/9 - 1/10\n"
        "- Ngày 26/9, Hội nghị lần thứ 117 Ban Thường vụ Tỉnh ủy.\n"
        "- Ngày 28/9, Khai mạc Festival Chí Linh - Hải Dương 2023.\n"
    )
    assert extract(text).events[0].start_date == dt.date(2023, 9, 26)


def test_a_body_opening_its_clause_holds_the_gathering_its_verb_names() -> None:
    event = only_event("- Ngày 27 - 28/9/2023, Đoàn Đại biểu Quốc hội tỉnh tiếp xúc cử tri các huyện Tứ Kỳ, Bình Giang.\n")
    assert (event.kind, event.organ, event.level) == ("other", "Đoàn Đại biểu Quốc hội tỉnh", "tỉnh")


def test_the_leaders_of_several_bodies_meeting_people_are_no_one_body() -> None:
    event = only_event(
        "Sáng 3/2/2025, các đồng chí Thường trực Tỉnh ủy, HĐND tỉnh, lãnh đạo UBND tỉnh, lãnh đạo Đoàn ĐBQH tỉnh "
        "gặp mặt đầu Xuân cán bộ, công chức các cơ quan tham mưu.\n"
    )
    assert (event.kind, event.organ, event.level) == ("other", None, "tỉnh")


def test_a_round_ups_summary_of_its_week_reports_no_gathering_of_its_own() -> None:
    text = (
        "Sự kiện trong tỉnh từ ngày 1 - 7.11\n"
        "Chính trị - Ngày đăng : 08:47, 01/11/2021\n"
        "Hội nghị lần thứ 43 Ban Thường vụ Tỉnh ủy; Thường trực HĐND tỉnh tổ chức hội nghị liên tịch với các cơ quan "
        "liên quan... là những sự kiện trong tuần từ ngày 1 - 7.11.\n"
        "- Ngày 1.11: Thường trực HĐND tỉnh tổ chức hội nghị liên tịch với UBND tỉnh.\n"
        "- Ngày 5.11: Hội nghị lần thứ 43 Ban Thường vụ Tỉnh ủy.\n"
    )
    assert [(e.kind, e.start_date) for e in extract(text).events] == [
        ("conference", dt.date(2021, 11, 1)),
        ("conference", dt.date(2021, 11, 5)),
    ]


def test_the_province_written_after_a_communes_name_leaves_the_commune_holding() -> None:
    event = only_event("Sáng 3/10/2025, UBND xã Tân Phú (tỉnh Đồng Nai) tổ chức phiên họp thường kỳ tháng 9.\n")
    assert (event.organ, event.level, event.locality) == ("UBND", "xã", "Tân Phú")
    event = only_event("Sáng 3/10/2025, Đảng ủy phường Hạc Thành, tỉnh Thanh Hóa tổ chức Hội nghị Ban Chấp hành lần thứ 3.\n")
    assert (event.organ, event.level, event.locality) == ("Đảng ủy", "phường", "Hạc Thành")


def test_a_type_said_of_a_planned_session_elsewhere_is_not_this_sessions() -> None:
    text = (
        "Sáng 20/3/2026, HĐND tỉnh Nghệ An khóa XIX tổ chức kỳ họp thứ nhất. Kỳ họp đã bầu các chức danh chủ chốt. "
        "Theo chương trình, UBND tỉnh sẽ trình HĐND tỉnh 12 nghị quyết tại kỳ họp thường lệ giữa năm.\n"
    )
    (event,) = extract(text).events
    assert (event.session_number, event.session_type) == (1, None)


def test_a_time_line_gives_the_days_of_the_gathering_named_just_before_it() -> None:
    text = (
        "Thứ Tư, 02/10/2019, 22:04\n"
        "Thường trực HĐND tỉnh vừa có thông báo về việc tiếp xúc cử tri trước kỳ họp thứ 9, HĐND tỉnh khóa VI.\n"
        "Theo đó, thời gian tiếp xúc từ ngày 7 đến 25-10.\n"
    )
    (event,) = extract(text).events
    assert (event.kind, event.start_date, event.end_date) == ("other", dt.date(2019, 10, 7), dt.date(2019, 10, 25))
