"""Officials: names in both orders, titles split at commas, merged across mentions; bylines are not officials."""

from __future__ import annotations

from summarizer.backends.rules import RuleBackend
from summarizer.schemas import ArticleExtraction
from summarizer.text.article import Article
from summarizer.text.normalize import nfc


def extract(text: str) -> ArticleExtraction:
    return RuleBackend().extract(Article(id="t", text=nfc(text), source="t.txt"))


def officials(text: str) -> dict[str, list[str]]:
    return {o.name: o.titles for o in extract(text).officials}


def test_titles_after_the_name_are_split_at_commas() -> None:
    text = "Tham dự có đồng chí Nguyễn Mạnh Hiếu, Phó Bí thư Thành ủy, Chủ tịch UBND thành phố; các đại biểu HĐND."
    assert officials(text) == {"Nguyễn Mạnh Hiếu": ["Phó Bí thư Thành ủy", "Chủ tịch UBND thành phố"]}


def test_a_title_before_the_name_ends_where_the_name_begins() -> None:
    text = "Chiều 3/2, Chủ tịch HĐND tỉnh Phương Thị Thanh phát biểu bế mạc kỳ họp."
    assert officials(text) == {"Phương Thị Thanh": ["Chủ tịch HĐND tỉnh"]}


def test_a_plural_title_gives_its_position_to_every_name_listed() -> None:
    text = "Các Phó Chủ tịch HĐND tỉnh Trần Thị Lộc, Đồng Văn Lưu điều hành phiên thảo luận."
    assert officials(text) == {"Trần Thị Lộc": ["Phó Chủ tịch HĐND tỉnh"], "Đồng Văn Lưu": ["Phó Chủ tịch HĐND tỉnh"]}


def test_a_dash_may_separate_the_name_from_its_titles() -> None:
    text = (
        "Phát biểu tại cuộc họp, đồng chí Hoàng Duy Chinh - Ủy viên Ban Chấp hành Trung ương Đảng, "
        "Bí thư Tỉnh ủy, Trưởng Đoàn ĐBQH tỉnh, Trưởng Ban Chỉ đạo nhấn mạnh yêu cầu tiến độ."
    )
    assert officials(text)["Hoàng Duy Chinh"] == [
        "Ủy viên Ban Chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy", "Trưởng Đoàn ĐBQH tỉnh", "Trưởng Ban Chỉ đạo",
    ]


def test_a_place_after_the_title_stays_in_the_title_and_is_not_taken_for_a_name() -> None:
    text = "Dự kỳ họp có đồng chí Cù Ngọc Cường, Ủy viên BTV Tỉnh ủy, Bí thư Thành ủy Bắc Kạn."
    assert officials(text) == {"Cù Ngọc Cường": ["Ủy viên BTV Tỉnh ủy", "Bí thư Thành ủy Bắc Kạn"]}


def test_a_place_between_a_title_and_a_name_belongs_to_the_title() -> None:
    text = "Bí thư Tỉnh ủy Hà Giang Nguyễn Văn Sơn chủ trì hội nghị."
    assert officials(text) == {"Nguyễn Văn Sơn": ["Bí thư Tỉnh ủy Hà Giang"]}


def test_each_title_is_kept_once_in_its_fullest_wording_in_order_of_first_mention() -> None:
    text = (
        "Đồng chí Đoàn Thị Loan, Uỷ viên Ban Thường vụ Tỉnh uỷ, Bí thư Thành uỷ, Trưởng Ban Pháp chế, HĐND tỉnh dự kỳ họp.\n"
        "Tại kỳ họp, đồng chí Đoàn Thị Loan, Bí thư Thành uỷ, Trưởng Ban Pháp chế HĐND tỉnh đã phát biểu."
    )
    assert officials(text) == {
        "Đoàn Thị Loan": ["Uỷ viên Ban Thường vụ Tỉnh uỷ", "Bí thư Thành uỷ", "Trưởng Ban Pháp chế HĐND tỉnh"]
    }


def test_officials_come_in_order_of_first_mention() -> None:
    text = (
        "Chủ tịch UBND tỉnh Nguyễn Đăng Bình chủ trì phiên họp.\n"
        "Dự phiên họp có đồng chí Lò Văn Pâng, Phó Chủ tịch HĐND tỉnh."
    )
    assert list(officials(text)) == ["Nguyễn Đăng Bình", "Lò Văn Pâng"]


def test_uncommon_family_names_and_long_ede_names_are_names() -> None:
    text = (
        "Đồng chí Y Thanh Hà Niê Kdăm, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì phiên họp. "
        "Cùng dự có đồng chí Ksor H'Bla, Phó Chủ tịch HĐND thị xã và đồng chí Hà Thị Nga, Giám đốc Sở Tài chính."
    )
    assert officials(text) == {
        "Y Thanh Hà Niê Kdăm": ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"],
        "Ksor H'Bla": ["Phó Chủ tịch HĐND thị xã"],
        "Hà Thị Nga": ["Giám đốc Sở Tài chính"],
    }


def test_bylines_are_not_officials() -> None:
    text = (
        "Sáng 13/12, Chủ tịch HĐND thành phố Nguyễn Hoàng Long bế mạc kỳ họp./.\n\nTuấn Minh – Mạnh Tùng\n"
        "Triệu Biển – Minh Cường\nBích Huệ (tổng hợp)\nHồng Thanh\n"
    )
    assert list(officials(text)) == ["Nguyễn Hoàng Long"]


def test_a_position_without_a_name_is_not_an_official() -> None:
    text = "Đồng chí Chủ tịch UBND thành phố phát biểu giải trình một số nội dung đại biểu quan tâm."
    assert officials(text) == {}


def test_degrees_and_ranks_are_not_titles() -> None:
    text = "Tham dự có Tiến sĩ Trần Văn Minh, Giám đốc Sở Y tế và Đại tá Lê Quốc Hùng, Giám đốc Công an tỉnh."
    assert officials(text) == {"Trần Văn Minh": ["Giám đốc Sở Y tế"], "Lê Quốc Hùng": ["Giám đốc Công an tỉnh"]}


def test_a_position_a_person_is_elected_to_or_dismissed_from_is_theirs() -> None:
    text = (
        "Kỳ họp đã bầu ông Hà Văn Lâm giữ chức Phó Chủ tịch UBND huyện và miễn nhiệm chức danh "
        "Ủy viên UBND huyện đối với bà Nguyễn Thị Hoa."
    )
    assert officials(text) == {"Hà Văn Lâm": ["Phó Chủ tịch UBND huyện"], "Nguyễn Thị Hoa": ["Ủy viên UBND huyện"]}


def test_a_former_position_keeps_its_nguyen() -> None:
    text = "Đến dự có đồng chí Trần Văn Tám, nguyên Chủ tịch UBND tỉnh."
    assert officials(text) == {"Trần Văn Tám": ["nguyên Chủ tịch UBND tỉnh"]}


def test_name_and_title_evidence_index_the_article_text() -> None:
    text = "Tham dự có đồng chí Nguyễn Thị Thanh, Ủy viên Trung ương Đảng, Trưởng Ban Công tác đại biểu Quốc hội."
    (official,) = extract(text).officials
    assert official.name_evidence is not None
    assert text[official.name_evidence.start : official.name_evidence.end] == "Nguyễn Thị Thanh"
    assert [text[s.start : s.end] for s in official.title_evidence] == official.titles


def test_a_chain_of_titles_before_the_name_gives_them_all() -> None:
    text = "Bí thư Thành ủy, Chủ tịch HĐND thành phố Đặng Văn Khôi phát biểu khai mạc kỳ họp."
    assert officials(text) == {"Đặng Văn Khôi": ["Bí thư Thành ủy", "Chủ tịch HĐND thành phố"]}


def test_names_after_a_plural_title_and_a_colon_each_take_the_title() -> None:
    text = "Các Phó Chủ tịch UBND huyện: Lê Thị Hòa, Ngô Quang Đạt dự hội nghị."
    assert officials(text) == {"Lê Thị Hòa": ["Phó Chủ tịch UBND huyện"], "Ngô Quang Đạt": ["Phó Chủ tịch UBND huyện"]}


def test_semicolon_list_of_name_dash_title_entries() -> None:
    text = (
        "Cùng dự có các đồng chí Lâu Văn Dế - Phó Bí thư Thường trực Đảng ủy; Hoàng Văn Sinh - Phó Bí thư, "
        "Chủ tịch UBND xã; đại biểu HĐND xã."
    )
    assert officials(text) == {
        "Lâu Văn Dế": ["Phó Bí thư Thường trực Đảng ủy"],
        "Hoàng Văn Sinh": ["Phó Bí thư", "Chủ tịch UBND xã"],
    }


def test_titles_split_at_a_dash_written_without_a_space_before_it() -> None:
    text = "Đồng chí Phan Đức Trọng- Phó bí thư thường trực- Chủ tịch HĐND huyện phát biểu tại hội nghị."
    assert officials(text) == {"Phan Đức Trọng": ["Phó bí thư thường trực", "Chủ tịch HĐND huyện"]}


def test_abbreviated_positions_are_titles() -> None:
    text = "Dự phiên họp có đồng chí Đỗ Minh Tuấn - UVTV - PCT HĐND quận; bà Vi Thị Hoa - TUV, Trưởng ban Dân vận Tỉnh ủy."
    assert officials(text) == {
        "Đỗ Minh Tuấn": ["UVTV", "PCT HĐND quận"],
        "Vi Thị Hoa": ["TUV", "Trưởng ban Dân vận Tỉnh ủy"],
    }


def test_a_title_ends_at_the_comma_before_a_new_body() -> None:
    text = (
        "Sáng 2/6, dưới sự chủ trì của đồng chí Mai Xuân Thu, Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh, "
        "Ban Chỉ đạo giảm nghèo bền vững tỉnh họp phiên thường kỳ."
    )
    assert officials(text) == {"Mai Xuân Thu": ["Tỉnh ủy viên", "Phó Chủ tịch UBND tỉnh"]}


def test_two_bodies_joined_by_an_ampersand_are_one_title() -> None:
    text = "Dự họp có đồng chí Lê Văn Tám, Chánh Văn phòng HĐND&UBND huyện."
    assert officials(text) == {"Lê Văn Tám": ["Chánh Văn phòng HĐND&UBND huyện"]}


def test_two_family_names_open_a_four_syllable_name_after_a_title() -> None:
    found = officials("Phó Bí thư Thành ủy, Chủ tịch UBND thành phố Tôn Phạm Thanh Bình chủ trì hội nghị.")
    assert found == {"Tôn Phạm Thanh Bình": ["Phó Bí thư Thành ủy", "Chủ tịch UBND thành phố"]}


def test_a_list_item_before_a_comma_and_a_title_is_a_name_whatever_its_family_name() -> None:
    text = "Dự họp có các đồng chí: Sử A Lừ, Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch HĐND tỉnh; Lê Văn Hòa, Phó Chủ tịch UBND tỉnh."
    assert officials(text) == {
        "Sử A Lừ": ["Ủy viên Ban Thường vụ Tỉnh ủy", "Phó Chủ tịch HĐND tỉnh"],
        "Lê Văn Hòa": ["Phó Chủ tịch UBND tỉnh"],
    }


def test_an_abbreviated_title_is_the_same_position_as_its_full_form() -> None:
    text = (
        "Đồng chí Vũ Đức Hạnh, Phó Chủ tịch Thường trực HĐND tỉnh phát biểu tại hội nghị\n"
        "Các đồng chí: Vũ Đức Hạnh, UV BTV Tỉnh ủy, Phó Chủ tịch TT HĐND tỉnh; Bùi Thị Lan, Phó Chủ tịch HĐND tỉnh chủ trì hội nghị.\n"
    )
    assert officials(text)["Vũ Đức Hạnh"] == ["Phó Chủ tịch Thường trực HĐND tỉnh", "UV BTV Tỉnh ủy"]


def test_a_person_elected_to_a_position_holds_it_with_its_body_after_a_comma() -> None:
    text = "Kết quả, ông Đặng Minh Khoa được bầu vào chức danh Phó trưởng Ban Văn hóa - Xã hội, HĐND huyện."
    assert officials(text) == {"Đặng Minh Khoa": ["Phó trưởng Ban Văn hóa - Xã hội, HĐND huyện"]}


def test_a_name_after_a_title_and_a_dash() -> None:
    text = "Cuộc họp diễn ra dưới sự chủ trì của Chủ tịch UBND huyện – Hồ Tấn Phước. Tham dự có các thành viên UBND huyện."
    assert officials(text) == {"Hồ Tấn Phước": ["Chủ tịch UBND huyện"]}


def test_titles_written_in_lower_case_after_a_name_and_a_comma() -> None:
    text = "Đồng chí Mai Văn Lực, phó bí thư Huyện ủy, chủ tịch UBND huyện phát biểu kết luận."
    assert officials(text) == {"Mai Văn Lực": ["phó bí thư Huyện ủy", "chủ tịch UBND huyện"]}


def test_a_capitalised_word_of_address_opening_a_sentence_is_not_part_of_the_name() -> None:
    text = "Ông Lương Văn Tài, Phó Chủ tịch UBND huyện, chủ trì buổi làm việc. Bà Ông Thị Mai, Chủ tịch Hội Phụ nữ huyện, dự họp."
    assert officials(text) == {
        "Lương Văn Tài": ["Phó Chủ tịch UBND huyện"],
        "Ông Thị Mai": ["Chủ tịch Hội Phụ nữ huyện"],
    }


def test_a_body_name_may_hold_cac_and_lower_case_words_of_its_field() -> None:
    text = "Ông Hồ Quang Bửu, Phó Chủ tịch UBND tỉnh, Trưởng Ban chỉ đạo các Chương trình MTQG tỉnh, Chủ tịch Hội đồng thẩm định tỉnh, dự họp."
    assert officials(text) == {
        "Hồ Quang Bửu": ["Phó Chủ tịch UBND tỉnh", "Trưởng Ban chỉ đạo các Chương trình MTQG tỉnh", "Chủ tịch Hội đồng thẩm định tỉnh"]
    }


def test_a_person_with_titles_elected_to_a_new_position_keeps_both() -> None:
    text = (
        "Kết quả, ông Lê Quốc Hưng, Bí thư Đảng ủy xã được bầu giữ chức Chủ tịch HĐND xã khóa XII; "
        "đồng chí Đào Thị Yến, Trưởng Phòng Tư pháp huyện, đại biểu HĐND huyện được tín nhiệm bầu giữ chức danh "
        "Phó chủ tịch HĐND huyện."
    )
    assert officials(text) == {
        "Lê Quốc Hưng": ["Bí thư Đảng ủy xã", "Chủ tịch HĐND xã khóa XII"],
        "Đào Thị Yến": ["Trưởng Phòng Tư pháp huyện", "đại biểu HĐND huyện", "Phó chủ tịch HĐND huyện"],
    }


def test_a_re_elected_person_and_a_seat_on_the_standing_body_are_titles() -> None:
    text = (
        "Ông Vũ Đình Khải tái đắc cử chức Phó Chủ tịch UBND xã Hòa Bình. "
        "Đồng chí Tạ Thu Trang, Chủ tịch Hội Nông dân huyện giữ chức danh thường trực HĐND huyện."
    )
    assert officials(text) == {
        "Vũ Đình Khải": ["Phó Chủ tịch UBND xã Hòa Bình"],
        "Tạ Thu Trang": ["Chủ tịch Hội Nông dân huyện", "thường trực HĐND huyện"],
    }


def test_a_central_committee_member_abbreviated_is_a_title_in_a_chain() -> None:
    text = "UVTƯ Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Đặng Minh Châu chủ trì kỳ họp."
    assert officials(text) == {"Đặng Minh Châu": ["UVTƯ Đảng", "Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]}


def test_a_title_before_a_name_stops_at_the_name_even_when_a_body_word_follows() -> None:
    text = "Sáng 7/9, đồng chí Bí thư Tỉnh ủy Trần Đức Thắng kiểm tra dự án nâng cấp quốc lộ 10."
    assert officials(text) == {"Trần Đức Thắng": ["Bí thư Tỉnh ủy"]}


def test_a_title_whose_tich_lost_its_tone_mark_still_opens_a_title() -> None:
    text = (
        "Tại buổi giao ban tháng 4, Chủ tich UBND thị xã Lê Minh Khoa đã kết luận nhiều nội dung. "
        "Chủ tịch UBND thị xã yêu cầu các phòng chuyên môn rà soát hồ sơ đất đai."
    )
    result = extract(text)
    assert {o.name: o.titles for o in result.officials} == {"Lê Minh Khoa": ["Chủ tich UBND thị xã"]}
    assert [d.issuer for d in result.directives] == ["Lê Minh Khoa"]


def test_a_title_written_straight_after_a_marked_name_without_a_comma_is_its_title() -> None:
    text = "Đồng chí Phan Văn Toàn Chủ tịch HĐND xã phát biểu bế mạc kỳ họp thứ 8."
    assert officials(text) == {"Phan Văn Toàn": ["Chủ tịch HĐND xã"]}


def test_a_comrade_named_without_a_post_is_no_official() -> None:
    from summarizer.backends.rules import RuleBackend
    from summarizer.text.article import Article
    from summarizer.text.normalize import nfc

    text = "Ngày 21/1/2026, Đảng ủy phường Tân Hòa tổ chức hội nghị tổng kết. Đồng chí Đinh Thị Thanh Thủy trao giấy khen cho các tập thể.\n"
    assert RuleBackend().extract(Article(id="t", text=nfc(text), source="t.txt")).officials == []


def test_each_person_of_a_comma_list_written_name_dash_title_is_an_official() -> None:
    text = (
        "Về tham dự kỳ họp có các đồng chí: Lò Văn Sáng - Chủ tịch HĐND xã, Vàng Thị Mai - Phó chủ tịch HĐND xã, "
        "Cầm Văn Lả - Chủ tịch UBND xã Mường Khoa và các đại biểu HĐND xã."
    )
    assert [(o.name, o.titles) for o in extract(text).officials] == [
        ("Lò Văn Sáng", ["Chủ tịch HĐND xã"]),
        ("Vàng Thị Mai", ["Phó chủ tịch HĐND xã"]),
        ("Cầm Văn Lả", ["Chủ tịch UBND xã Mường Khoa"]),
    ]


def test_ct_before_a_name_in_a_schedule_is_the_chairmans_post() -> None:
    text = "Chủ tịch UBND tỉnh tiếp công dân định kỳ tháng 7/2025\n\nTrụ sở TCD\n\nCT Lê Văn Khánh\n"
    assert [(o.name, o.titles) for o in extract(text).officials] == [("Lê Văn Khánh", ["CT"])]


def test_schools_staff_and_abbreviated_posts_keep_their_whole_titles() -> None:
    text = (
        "Thành phần tham dự: bà Lê Thị Lan – Hiệu trưởng trường Mầm non Hoa Sen, ông Lê Văn An – Hiệu trưởng "
        "Trường Tiểu học Kim Đồng, ông Trần Văn Tài – UV UBKT Đảng ủy, ông Đinh Văn Nghĩa – CV Phòng Văn hóa – Xã hội."
    )
    assert [(o.name, o.titles) for o in extract(text).officials] == [
        ("Lê Thị Lan", ["Hiệu trưởng trường Mầm non Hoa Sen"]),
        ("Lê Văn An", ["Hiệu trưởng Trường Tiểu học Kim Đồng"]),
        ("Trần Văn Tài", ["UV UBKT Đảng ủy"]),
        ("Đinh Văn Nghĩa", ["CV Phòng Văn hóa – Xã hội"]),
    ]


def test_a_deputy_post_after_its_chiefs_post_starts_another_persons_titles() -> None:
    text = "- 08 giờ 00: Chủ tịch UBND, Phó Chủ tịch Trương Văn Hiếu làm việc với HTX Tân Long."
    assert [(o.name, o.titles) for o in extract(text).officials] == [("Trương Văn Hiếu", ["Phó Chủ tịch"])]


def test_a_place_shaped_like_a_name_ends_a_title_written_after_its_holder() -> None:
    text = "Chiều ngày 22/7/2025, đồng chí Lê Văn Hưng – Chủ tịch UBND phường Trần Nhân Tông đã đi kiểm tra thực địa."
    assert [(o.name, o.titles) for o in extract(text).officials] == [("Lê Văn Hưng", ["Chủ tịch UBND phường Trần Nhân Tông"])]
