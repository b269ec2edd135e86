"""Directives: one per directing verb with a named (or resolvable) subject; nouns and complements are not."""

from __future__ import annotations

import datetime as dt

from summarizer.backends.rules import RuleBackend
from summarizer.schemas import ArticleExtraction, Directive
from summarizer.text.article import Article
from summarizer.text.normalize import nfc


def extract(text: str) -> ArticleExtraction:
    return RuleBackend().extract(Article(id="t", text=nfc(text), source="t.txt"))


def directives(text: str) -> list[Directive]:
    return extract(text).directives


def test_a_named_official_directly_before_the_verb_issues_it() -> None:
    text = (
        "Phát biểu bế mạc kỳ họp, Chủ tịch HĐND tỉnh Phương Thị Thanh đề nghị UBND tỉnh hoàn thiện hồ sơ "
        "để đủ điều kiện báo cáo Bộ Tài chính."
    )
    (d,) = directives(text)
    assert (d.issuer, d.verb, d.addressees) == ("Phương Thị Thanh", "đề nghị", ["UBND tỉnh"])
    assert d.content == "hoàn thiện hồ sơ để đủ điều kiện báo cáo Bộ Tài chính"


def test_addressees_split_where_separate_bodies_are_listed() -> None:
    text = (
        "Chủ tịch HĐND thành phố Nguyễn Hoàng Long đề nghị UBND thành phố, các cấp, các ngành, địa phương, đơn vị "
        "chủ động triển khai các nhóm nhiệm vụ. Chủ tịch UBND thành phố Nguyễn Mạnh Hiếu yêu cầu Thủ trưởng các "
        "phòng, ban, đơn vị thành phố và UBND các phường tiếp tục triển khai nhiệm vụ."
    )
    first, second = directives(text)
    assert first.addressees == ["UBND thành phố", "các cấp, các ngành, địa phương, đơn vị"]
    assert second.addressees == ["Thủ trưởng các phòng, ban, đơn vị thành phố", "UBND các phường"]
    assert second.content == "tiếp tục triển khai nhiệm vụ"


def test_a_title_alone_resolves_to_the_person_named_with_it() -> None:
    text = (
        "Chủ tịch UBND tỉnh Nguyễn Đăng Bình chủ trì phiên họp.\n"
        "Chủ tịch UBND tỉnh yêu cầu các ngành, địa phương khẩn trương chỉ đạo Nhân dân thu hoạch cây trồng vụ Đông."
    )
    (d,) = directives(text)
    assert (d.issuer, d.addressees) == ("Nguyễn Đăng Bình", ["các ngành, địa phương"])
    assert d.content == "khẩn trương chỉ đạo Nhân dân thu hoạch cây trồng vụ Đông"


def test_a_request_by_an_unnamed_position_is_not_labelled() -> None:
    assert directives("Chủ tịch UBND tỉnh yêu cầu các sở, ngành khẩn trương rà soát hồ sơ.") == []


def test_dong_chi_refers_to_the_last_named_speaker_across_a_caption_line() -> None:
    text = (
        "Tại kỳ họp, đồng chí Đoàn Thị Loan, Bí thư Thành uỷ đã báo cáo tóm tắt kết quả kỳ họp HĐND tỉnh.\n"
        "Đồng chí Chủ tịch UBND thành phố Trần Văn Khải phát biểu giải trình\n"
        "Về nhiệm vụ thời gian tới, đồng chí đề nghị các đồng chí đại biểu HĐND thành phố phát huy tinh thần trách nhiệm."
    )
    (d,) = directives(text)
    assert d.issuer == "Đoàn Thị Loan"
    assert d.addressees == ["các đồng chí đại biểu HĐND thành phố"]


def test_a_time_phrase_before_the_addressees_is_not_an_addressee() -> None:
    text = (
        "Đồng chí Hoàng Duy Chinh, Bí thư Tỉnh ủy phát biểu. Đồng chí đề nghị trong năm 2025, các đơn vị tiếp tục "
        "phát huy tinh thần đoàn kết trong nội bộ cơ quan."
    )
    (d,) = directives(text)
    assert (d.issuer, d.addressees) == ("Hoàng Duy Chinh", ["các đơn vị"])
    assert d.content == "tiếp tục phát huy tinh thần đoàn kết trong nội bộ cơ quan"


def test_a_verb_continuing_the_subjects_sentence_is_a_directive_and_ends_the_one_before() -> None:
    text = (
        "Đồng chí Hoàng Duy Chinh, Bí thư Tỉnh ủy yêu cầu các đơn vị, địa phương khẩn trương rà soát chính xác, "
        "phê duyệt trước ngày 10/3; cần có sự linh hoạt trong sử dụng kinh phí; yêu cầu đồng chí Bí thư các địa "
        "phương nắm chắc tình hình, chỉ đạo quyết liệt; các đơn vị phải làm tốt công tác tuyên truyền."
    )
    first, second = directives(text)
    assert first.content == "khẩn trương rà soát chính xác, phê duyệt trước ngày 10/3; cần có sự linh hoạt trong sử dụng kinh phí"
    assert (second.issuer, second.addressees) == ("Hoàng Duy Chinh", ["đồng chí Bí thư các địa phương"])
    assert second.content == "nắm chắc tình hình, chỉ đạo quyết liệt"


def test_a_deadline_is_resolved_against_the_article_date() -> None:
    text = (
        "07/02/2025\nĐồng chí Hoàng Duy Chinh, Bí thư Tỉnh ủy yêu cầu các địa phương phê duyệt danh sách "
        "trước ngày 10/3 để phúc tra lại."
    )
    (d,) = directives(text)
    assert d.deadline == dt.date(2025, 3, 10)


def test_giao_assigns_a_task_to_a_body() -> None:
    text = (
        "Kết luận hội nghị, Phó Chủ tịch UBND tỉnh Hà Thị Nga giao Sở Kế hoạch và Đầu tư chủ trì, phối hợp "
        "hoàn thiện báo cáo trước ngày 30/6/2024."
    )
    (d,) = directives(text)
    assert (d.verb, d.addressees, d.deadline) == ("giao", ["Sở Kế hoạch và Đầu tư"], dt.date(2024, 6, 30))


def test_a_body_may_issue_a_directive() -> None:
    text = "UBND tỉnh yêu cầu các sở, ngành tập trung giải ngân vốn đầu tư công."
    (d,) = directives(text)
    assert (d.issuer, d.addressees) == ("UBND tỉnh", ["các sở, ngành"])


def test_yeu_cau_and_chi_dao_as_nouns_are_not_directives() -> None:
    text = (
        "Đồng chí Đoàn Thị Loan, Bí thư Thành uỷ dự chỉ đạo kỳ họp.\n"
        "Đồng chí Bí thư Thành uỷ, phát biểu chỉ đạo tại kỳ họp\n"
        "Năm 2023, dưới sự lãnh đạo, chỉ đạo của Thành uỷ, UBND thành phố đã tập trung chỉ đạo điều hành.\n"
        "Các ý kiến chất vấn đã được giải trình làm rõ, đáp ứng được yêu cầu của đại biểu đề ra.\n"
        "HĐND các cấp bám sát hơn yêu cầu thực tiễn, thiết thực hơn.\n"
        "Các đơn vị hoàn thành tốt nhiệm vụ được giao và ký giao ước thi đua."
    )
    assert directives(text) == []


def test_a_caption_repeating_the_body_is_labelled_once() -> None:
    sentence = (
        "Đồng chí Lê Tiến Châu, Bí thư Thành ủy yêu cầu HĐND các cấp cùng với hệ thống chính trị thành phố "
        "tập trung vào những nhiệm vụ lớn của thành phố."
    )
    (d,) = directives(sentence + "\n\n" + sentence)
    assert d.addressees == ["HĐND các cấp", "hệ thống chính trị thành phố"]


def test_a_premise_after_the_colon_is_skipped_to_reach_the_request() -> None:
    text = (
        "Đồng chí Cù Ngọc Cường, Bí thư Thành ủy đề nghị: năm 2021 là năm đầu tiên thực hiện Nghị quyết; "
        "địa phương nghiên cứu, cụ thể hóa các Nghị quyết; tiếp tục quan tâm công tác giáo dục chính trị."
    )
    (d,) = directives(text)
    assert d.addressees == ["địa phương"]
    assert d.content == "nghiên cứu, cụ thể hóa các Nghị quyết; tiếp tục quan tâm công tác giáo dục chính trị"


def test_directive_evidence_is_the_content_span() -> None:
    text = "Đồng chí Nguyễn Thị Thanh, Trưởng Ban Công tác đại biểu Quốc hội mong muốn Hải Phòng tiếp tục giữ vững top đầu."
    (d,) = directives(text)
    assert d.evidence is not None and d.evidence.text == d.content == text[d.evidence.start : d.evidence.end]


def test_a_body_as_subject_issues_the_request() -> None:
    text = "Thường trực HĐND thị xã yêu cầu các phòng, ban chuyên môn khẩn trương hoàn thiện hồ sơ trình kỳ họp."
    (directive,) = extract(text).directives
    assert (directive.issuer, directive.verb) == ("Thường trực HĐND thị xã", "yêu cầu")
    assert directive.content.startswith("khẩn trương hoàn thiện hồ sơ")


def test_a_connective_opening_a_sentence_keeps_the_previous_speaker() -> None:
    text = (
        "Phát biểu kết luận, đồng chí Đinh Văn Hùng - Bí thư Đảng ủy, Chủ tịch HĐND xã ghi nhận tinh thần làm việc "
        "của các đại biểu. Đồng thời đề nghị các đại biểu tiếp tục giám sát việc thực hiện nghị quyết."
    )
    (directive,) = extract(text).directives
    assert (directive.issuer, directive.verb, directive.addressees) == ("Đinh Văn Hùng", "đề nghị", ["các đại biểu"])


def test_a_framing_phrase_and_comma_before_giao_keeps_the_previous_issuer() -> None:
    text = (
        "Thường trực HĐND huyện yêu cầu các cơ quan chuẩn bị chu đáo nội dung kỳ họp. Đối với kế hoạch giám sát "
        "năm 2025, giao các Ban HĐND huyện chủ trì xây dựng đề cương chi tiết."
    )
    directives = extract(text).directives
    assert [(d.issuer, d.verb) for d in directives] == [("Thường trực HĐND huyện", "yêu cầu"), ("Thường trực HĐND huyện", "giao")]
    assert directives[1].content == "chủ trì xây dựng đề cương chi tiết"


def test_a_request_in_a_photo_caption_after_a_dashed_title() -> None:
    text = "Đồng chí Vương Văn Lực- Phó bí thư thường trực- Chủ tịch HĐND huyện đề nghị các ban, phòng ngành liên quan bám sát kế hoạch đã đề ra. Ảnh: Minh Thu"
    (directive,) = extract(text).directives
    assert (directive.issuer, directive.addressees) == ("Vương Văn Lực", ["các ban, phòng ngành liên quan"])


def test_a_request_detailed_after_trong_do_is_no_new_directive() -> None:
    text = (
        "Đồng chí Lê Thị Hằng, Chủ tịch UBND huyện yêu cầu các xã tập trung thu ngân sách. "
        "Trong đó, đặc biệt lưu ý nâng cao chất lượng quản lý thuế."
    )
    assert [d.verb for d in extract(text).directives] == ["yêu cầu"]


def test_a_request_after_dong_thoi_goes_with_the_subject_of_the_sentence() -> None:
    text = (
        "Sau khi lắng nghe phản ánh của nhân dân, đồng chí Trần Văn Khải, Chủ tịch UBND phường đã trực tiếp giải "
        "trình từng nội dung thuộc thẩm quyền, đồng thời yêu cầu các bộ phận chuyên môn khẩn trương rà soát."
    )
    (d,) = extract(text).directives
    assert (d.issuer, d.addressees, d.content) == ("Trần Văn Khải", ["các bộ phận chuyên môn"], "khẩn trương rà soát")


def test_a_standing_body_written_in_lower_case_issues_its_request() -> None:
    text = "Căn cứ chương trình công tác, thường trực HĐND xã yêu cầu các ban chuẩn bị tốt nội dung báo cáo thẩm tra."
    (d,) = directives(text)
    assert (d.issuer, d.addressees) == ("thường trực HĐND xã", ["các ban"])


def test_a_numbered_list_of_tasks_runs_through_every_task_to_the_end_of_the_sentence() -> None:
    text = (
        "Kết luận cuộc họp, đồng chí Hoàng Văn Lâm - Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị: "
        "(1) Tập trung thu ngân sách, tăng cường quản lý đất đai; rà soát các dự án chậm tiến độ; "
        "(2) Đẩy nhanh giải ngân vốn đầu tư công."
    )
    (d,) = directives(text)
    assert d.issuer == "Hoàng Văn Lâm"
    assert d.content == (
        "(1) Tập trung thu ngân sách, tăng cường quản lý đất đai; rà soát các dự án chậm tiến độ; "
        "(2) Đẩy nhanh giải ngân vốn đầu tư công"
    )


def test_a_request_ending_on_a_colon_goes_on_in_the_list_on_the_next_lines() -> None:
    text = (
        "Kết luận phiên họp, Chủ tịch UBND tỉnh Lạc Văn Tú yêu cầu các sở, ngành, địa phương:\n"
        "- Tập trung triển khai quyết liệt các giải pháp phát triển kinh tế - xã hội.\n"
        "- Đẩy nhanh tiến độ giải ngân vốn đầu tư công.\n"
        "Phiên họp kết thúc lúc 17 giờ.\n"
    )
    (d,) = directives(text)
    assert (d.issuer, d.addressees) == ("Lạc Văn Tú", ["các sở, ngành, địa phương"])
    assert d.content == (
        "Tập trung triển khai quyết liệt các giải pháp phát triển kinh tế - xã hội.\n"
        "- Đẩy nhanh tiến độ giải ngân vốn đầu tư công"
    )


def test_a_first_person_request_in_a_quotation_is_the_speakers() -> None:
    text = (
        "Chủ tịch UBND tỉnh Lạc Văn Tú chủ trì hội nghị. “Tôi đề nghị các đồng chí giám đốc sở phải trực tiếp chỉ "
        "đạo, không đùn đẩy trách nhiệm”, đồng chí Lạc Văn Tú nhấn mạnh."
    )
    (d,) = directives(text)
    assert (d.issuer, d.verb, d.addressees) == ("Lạc Văn Tú", "đề nghị", ["các đồng chí giám đốc sở"])
    assert d.content == "phải trực tiếp chỉ đạo, không đùn đẩy trách nhiệm"


def test_a_sentence_broken_off_right_after_its_addressees_gives_no_request() -> None:
    text = (
        "Chiều 10/12/2024, HĐND tỉnh Thanh Lam tổ chức kỳ họp thứ 8. Thường trực HĐND tỉnh kêu gọi các cơ quan, "
        "đoàn thể và đồng bào các dân tộc trên địa bàn tỉnh"
    )
    assert directives(text) == []


VARIANTS = [
    ("Kết luận hội nghị, đồng chí Đỗ Thị Hạnh, Chủ tịch UBND huyện yêu cầu các xã khẩn trương rà soát hộ nghèo.", "yêu cầu"),
    ("Đồng chí Đỗ Thị Hạnh, Chủ tịch UBND huyện nhấn mạnh và yêu cầu các xã khẩn trương rà soát hộ nghèo.", "yêu cầu"),
    ("Theo đó, đồng chí Đỗ Thị Hạnh, Chủ tịch UBND huyện đề nghị các xã khẩn trương rà soát hộ nghèo.", "đề nghị"),
    ("Bà Đỗ Thị Hạnh, Chủ tịch UBND huyện cũng lưu ý các xã khẩn trương rà soát hộ nghèo.", "lưu ý"),
    ("Chủ tịch UBND huyện Đỗ Thị Hạnh giao cho các xã khẩn trương rà soát hộ nghèo.", "giao"),
    ("Ông Đỗ Thị Hạnh - Chủ tịch UBND huyện chỉ đạo các xã khẩn trương rà soát hộ nghèo.", "chỉ đạo"),
]


def test_officials_direct_in_every_common_phrasing() -> None:
    for text, verb in VARIANTS:
        (d,) = directives(text)
        assert (d.issuer, d.verb, d.addressees, d.content) == (
            "Đỗ Thị Hạnh", verb, ["các xã"], "khẩn trương rà soát hộ nghèo"
        ), text


def test_a_sentence_opening_with_the_verb_and_its_addressees_keeps_the_last_speaker() -> None:
    text = (
        "Phát biểu bế mạc kỳ họp, Chủ tịch HĐND huyện Đinh Công Luận nhấn mạnh ý nghĩa của các nghị quyết vừa "
        "thông qua. Đề nghị UBND huyện chỉ đạo các phòng, ban khẩn trương triển khai các nghị quyết đến cơ sở."
    )
    (d,) = directives(text)
    assert (d.issuer, d.verb, d.addressees) == ("Đinh Công Luận", "Đề nghị", ["UBND huyện"])
    assert d.content == "chỉ đạo các phòng, ban khẩn trương triển khai các nghị quyết đến cơ sở"


def test_a_heading_that_opens_with_a_directing_verb_issues_nothing() -> None:
    text = "Chủ tịch UBND tỉnh Võ Thành Đạt chủ trì cuộc họp ngày 4/3/2024.\nYêu cầu các sở ngành rà soát tiến độ\n"
    assert directives(text) == []


def test_a_request_ends_where_the_documents_it_covers_are_enumerated_by_name() -> None:
    text = (
        "Đồng chí Lại Thế Vinh, Phó Chủ tịch HĐND phường yêu cầu UBND phường chuẩn bị đầy đủ tài liệu phục vụ "
        "kỳ họp bao gồm Báo cáo tình hình kinh tế - xã hội năm 2023; Tờ trình dự toán ngân sách năm 2024."
    )
    (d,) = directives(text)
    assert (d.issuer, d.addressees) == ("Lại Thế Vinh", ["UBND phường"])
    assert d.content == "chuẩn bị đầy đủ tài liệu phục vụ kỳ họp"


def test_a_call_at_the_end_of_its_subjects_chain_of_predicates_is_theirs() -> None:
    text = (
        "Đồng chí Vũ Đức Hạnh, Chủ tịch HĐND xã bế mạc kỳ họp và nêu rõ các nhiệm vụ 6 tháng cuối năm kêu gọi "
        "cán bộ, đảng viên và nhân dân thực hiện thắng lợi nghị quyết của kỳ họp."
    )
    (d,) = directives(text)
    assert (d.issuer, d.verb, d.addressees) == ("Vũ Đức Hạnh", "kêu gọi", ["cán bộ, đảng viên và nhân dân"])
    assert d.content == "thực hiện thắng lợi nghị quyết của kỳ họp"


def test_a_request_verb_after_another_persons_name_in_the_chain_is_not_the_subjects() -> None:
    text = (
        "Đồng chí Vũ Đức Hạnh, Chủ tịch HĐND xã bế mạc kỳ họp, tiếp thu ý kiến ông Lê Văn Sáu "
        "về các nội dung cử tri đề nghị các cấp xem xét."
    )
    assert directives(text) == []


def test_a_body_at_two_kinds_of_place_is_one_addressee() -> None:
    text = (
        "Chủ tịch UBND huyện Đào Quang Vinh yêu cầu Thủ trưởng các phòng, ban, Chủ tịch UBND các xã, thị trấn "
        "tăng cường kiểm tra công tác phòng cháy rừng."
    )
    (d,) = directives(text)
    assert d.addressees == ["Thủ trưởng các phòng, ban", "Chủ tịch UBND các xã, thị trấn"]


def test_toan_dan_toan_quan_side_by_side_is_one_addressee() -> None:
    text = (
        "Bí thư Huyện ủy Trịnh Văn Bình kêu gọi toàn Đảng, toàn dân toàn quân chung sức xây dựng nông thôn mới."
    )
    (d,) = directives(text)
    assert (d.addressees, d.content) == (["toàn Đảng, toàn dân toàn quân"], "chung sức xây dựng nông thôn mới")


def test_dan_is_no_addressee_without_toan() -> None:
    text = "Chủ tịch UBND tỉnh Hồ Văn Mười đề nghị dân cư các thôn chủ động phòng chống lũ quét."
    assert [d.addressees for d in directives(text)] == [[]]


def test_a_verb_after_hdnd_closes_the_addressee() -> None:
    text = (
        "Phó Chủ tịch HĐND tỉnh Hà Quang Trung giao Văn phòng Đoàn ĐBQH và HĐND xây dựng kế hoạch giám sát "
        "năm 2025."
    )
    (d,) = directives(text)
    assert (d.addressees, d.content) == (["Văn phòng Đoàn ĐBQH và HĐND"], "xây dựng kế hoạch giám sát năm 2025")


def test_a_body_assigning_a_body_named_in_full_is_a_request() -> None:
    text = "Ban Thường vụ Tỉnh ủy giao Ban Cán sự đảng UBND tỉnh xây dựng kế hoạch thực hiện."
    (d,) = directives(text)
    assert (d.issuer, d.verb, d.addressees, d.content) == (
        "Ban Thường vụ Tỉnh ủy", "giao", ["Ban Cán sự đảng UBND tỉnh"], "xây dựng kế hoạch thực hiện"
    )


def test_addressees_after_a_colon_opening_with_cac_are_one_group() -> None:
    text = "Kết luận hội nghị, Chủ tịch UBND tỉnh Lạc Văn Tú yêu cầu: Các sở, ngành, địa phương tập trung triển khai các giải pháp."
    (d,) = directives(text)
    assert d.addressees == ["Các sở, ngành, địa phương"]


def test_a_schedule_note_in_brackets_is_no_request() -> None:
    text = "08 giờ 00: Chủ tịch UBND xã Lạc Văn Tú thăm, chúc tết Trường THPT Phú An. (Giao Phòng Văn hóa – Xã hội chuẩn bị nội dung)"
    assert directives(text) == []


def test_a_bare_post_after_dong_chi_is_its_holder_named_before() -> None:
    text = (
        "Chiều ngày 22/7/2025, đồng chí Lê Văn Hưng – Chủ tịch UBND phường đã trực tiếp đi kiểm tra thực địa.\n"
        "Tại buổi kiểm tra, đồng chí Chủ tịch đã yêu cầu các đơn vị liên quan tăng cường tuần tra."
    )
    (d,) = extract(text).directives
    assert (d.issuer, d.addressees, d.content) == ("Lê Văn Hưng", ["các đơn vị liên quan"], "tăng cường tuần tra")


def test_a_request_further_along_its_speakers_chain_of_predicates_is_theirs() -> None:
    text = (
        "Đồng chí Vũ Văn Thụ - Chủ tịch UBND xã triển khai Kế hoạch và một số nhiệm vụ cần làm trong thời gian tới "
        "đặc biệt yêu cầu các thôn nắm chắc Kế hoạch."
    )
    (d,) = extract(text).directives
    assert (d.issuer, d.verb, d.addressees, d.content) == ("Vũ Văn Thụ", "yêu cầu", ["các thôn"], "nắm chắc Kế hoạch")


def test_a_request_after_a_semicolon_goes_with_the_body_the_sentence_is_about() -> None:
    text = (
        "Tại phiên họp thường kỳ tháng 5, Thường trực HĐND thành phố đánh giá cao nỗ lực của UBND thành phố; "
        "đề nghị UBND thành phố đẩy nhanh tiến độ kiện toàn nhân sự."
    )
    (d,) = extract(text).directives
    assert (d.issuer, d.addressees, d.content) == ("Thường trực HĐND thành phố", ["UBND thành phố"], "đẩy nhanh tiến độ kiện toàn nhân sự")


def test_yeu_cau_as_what_is_met_is_no_request() -> None:
    text = (
        "Đồng chí Phạm Anh Tuấn mong muốn công nhân tiếp tục nỗ lực, đẩy nhanh tiến độ nhằm đáp ứng kỳ vọng của "
        "nhân dân và yêu cầu phát triển hạ tầng đô thị của tỉnh."
    )
    assert [d.verb for d in extract(text).directives] == ["mong muốn"]


def test_attending_and_directing_a_congress_is_no_request() -> None:
    text = (
        "Ngày 5/8/2025, Đảng bộ xã Hòa Bình tổ chức Đại hội lần thứ I. Đồng chí Phạm Hoàng Sơn, Ủy viên Ban Thường "
        "vụ Tỉnh ủy, Trưởng Ban Tổ chức Tỉnh ủy dự và chỉ đạo Đại hội."
    )
    assert extract(text).directives == []


def test_an_addressee_ends_where_its_task_begins() -> None:
    text = (
        "Chủ tịch UBND tỉnh Nguyễn Hoàng Giang giao Sở Nông nghiệp và Môi trường tham mưu UBND tỉnh ban hành kế "
        "hoạch phòng, chống thiên tai."
    )
    (d,) = extract(text).directives
    assert (d.addressees, d.content) == (["Sở Nông nghiệp và Môi trường"], "tham mưu UBND tỉnh ban hành kế hoạch phòng, chống thiên tai")


def test_a_year_less_deadline_falls_after_the_meeting_that_set_it() -> None:
    text = (
        "Chiều nay (28/11), Chủ tịch UBND thành phố Hà Nội Trần Sỹ Thanh chủ trì phiên họp UBND thành phố thường kỳ "
        "tháng 11/2024. Chủ tịch UBND thành phố yêu cầu các sở, ngành hoàn thành việc giải ngân vốn trước ngày 31/1."
    )
    (d,) = extract(text).directives
    assert d.deadline == dt.date(2025, 1, 31)


def test_phan_dau_den_ngay_sets_a_deadline_and_no_gathering() -> None:
    text = (
        "Ngày 29/8/2025, UBND tỉnh Quảng Ngãi tổ chức phiên họp thường kỳ tháng 8. Kết luận phiên họp, Chủ tịch UBND "
        "tỉnh Nguyễn Hoàng Giang yêu cầu Sở Tài chính phấn đấu đến ngày 30/9 giải ngân đạt trên 60% kế hoạch."
    )
    result = extract(text)
    assert [e.start_date for e in result.events] == [dt.date(2025, 8, 29)]
    assert result.directives[0].deadline == dt.date(2025, 9, 30)


def test_giao_nhiem_vu_cho_puts_the_addressees_after_cho() -> None:
    text = (
        "Thay mặt Thường trực Tỉnh ủy, đồng chí Lê Văn Em, Phó Bí thư Thường trực Tỉnh ủy kết luận và giao nhiệm vụ "
        "cho Ban Tổ chức Tỉnh ủy chủ trì tham mưu."
    )
    (d,) = extract(text).directives
    assert (d.issuer, d.verb, d.addressees, d.content) == ("Lê Văn Em", "giao", ["Ban Tổ chức Tỉnh ủy"], "chủ trì tham mưu")


def test_a_request_quoted_after_its_verb_ends_before_the_closing_quote() -> None:
    text = "Ông Nguyễn Văn An, Chủ tịch UBND tỉnh đề nghị: “Các đơn vị phải khẩn trương hoàn thành giải ngân”."
    (d,) = extract(text).directives
    assert (d.addressees, d.content) == (["Các đơn vị"], "phải khẩn trương hoàn thành giải ngân")


def test_party_organisations_are_one_addressee() -> None:
    text = "Đồng chí Trần Văn Bình, Bí thư Tỉnh ủy đề nghị các cấp ủy, tổ chức đảng tập trung lãnh đạo thực hiện tốt nhiệm vụ."
    (d,) = extract(text).directives
    assert (d.addressees, d.content) == (["các cấp ủy, tổ chức đảng"], "tập trung lãnh đạo thực hiện tốt nhiệm vụ")


def test_a_documents_number_is_no_issuer_the_official_who_signed_it_is() -> None:
    text = (
        "Chủ tịch UBND tỉnh Nguyễn Văn An đã ký ban hành Công văn số 123/UBND-KT yêu cầu các sở, ngành triển khai "
        "ngay các biện pháp ứng phó bão số 3."
    )
    (d,) = extract(text).directives
    assert (d.issuer, d.addressees) == ("Nguyễn Văn An", ["các sở, ngành"])


def test_a_body_opening_a_sentence_requests_through_the_dispatch_it_issued() -> None:
    text = (
        "Ủy ban Nhân dân thành phố Đà Nẵng vừa ban hành Công điện khẩn số 07/CĐ-UBND yêu cầu toàn bộ các sở, ngành, "
        "địa phương kích hoạt phương án phòng chống thiên tai."
    )
    (d,) = extract(text).directives
    assert (d.issuer, d.addressees) == ("Ủy ban Nhân dân thành phố Đà Nẵng", ["toàn bộ các sở, ngành, địa phương"])


def test_thuong_truc_ban_bi_thu_with_no_one_named_is_the_body() -> None:
    text = "Thường trực Ban Bí thư giao Văn phòng Trung ương Đảng chủ trì, phối hợp với các cơ quan liên quan theo dõi tình hình."
    (d,) = extract(text).directives
    assert (d.issuer, d.addressees) == ("Thường trực Ban Bí thư", ["Văn phòng Trung ương Đảng"])


def test_yeu_cau_after_dua_is_a_noun() -> None:
    text = "Thường trực HĐND thành phố nhấn mạnh việc tiết kiệm chi; phải đưa yêu cầu phòng, chống dịch lên trên hết."
    assert extract(text).directives == []
