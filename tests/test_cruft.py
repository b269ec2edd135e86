"""Portal cruft is blanked in place: the article's words stay where they were, the portal's words go."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.text.article import Article
from summarizer.text.cruft import (
    _ENDS_WITH_UNIT,
    _MAY_OPEN_CRUFT,
    _STRONG_LINE,
    _TAIL_HEADING,
    _TOOLBAR_WORDS,
    _TRAILING,
    _WEAK_LINE,
    _may_end_with_cruft,
    _toolbar_spans,
    blank_cruft,
    cruft_spans,
)
from tests.conftest import ARTICLES

BODY = (
    "Sáng 13/12, Kỳ họp thứ 20, HĐND thành phố Bắc Ninh khóa XXII tiếp tục phiên làm việc với nhiều nội dung "
    "quan trọng. Các đồng chí: Nguyễn Hoàng Long, Phó Bí thư Thường trực Thành ủy, Chủ tịch HĐND thành phố; "
    "Nguyễn Thanh Mai, Ủy viên BTV Thành ủy, Phó Chủ tịch HĐND thành phố chủ tọa Kỳ họp."
)
CLOSING = (
    "Kết thúc Kỳ họp, HĐND thành phố biểu quyết thông qua 14 Nghị quyết quan trọng, góp phần tạo đà cho "
    "thành phố phát triển trong năm 2025 và những năm tiếp theo./."
)


def kept(text: str) -> list[str]:
    """The non-blank lines left after blanking, stripped."""
    return [line.strip() for line in blank_cruft(text).splitlines() if line.strip()]


def test_publishing_portal_block_markers_and_font_size_toolbar_are_blanked() -> None:
    text = (
        "PublishingPortal - Block_BanTin_Toolbar\n\n07/02/2025\nTăng cỡ chữ Giảm cỡ chữ\n"
        "Điểm hoạt động nổi bật của lãnh đạo tỉnh trong tuần, từ 3/2 - 7/2/2025\n\n"
        "PublishingPortal - Block_BanTin_ViewData\n\n" + BODY
    )
    assert kept(text) == ["07/02/2025", "Điểm hoạt động nổi bật của lãnh đạo tỉnh trong tuần, từ 3/2 - 7/2/2025", BODY]


def test_print_and_source_toolbar_words_around_a_date_header_are_blanked_and_the_date_kept() -> None:
    assert kept("Print Thứ Ba, 12/03/2024 18:58 Gốc\n\n" + BODY) == ["Thứ Ba, 12/03/2024 18:58", BODY]


def test_view_counter_in_a_date_header_is_blanked_and_the_date_kept() -> None:
    assert kept("2024-12-13 16:31:27 Số lượt xem 60\n" + BODY) == ["2024-12-13 16:31:27", BODY]
    assert kept("25/04/2024 14:31 View Count: 239\n" + BODY) == ["25/04/2024 14:31", BODY]


def test_header_with_counter_and_sharing_links_keeps_only_the_date() -> None:
    text = "Cập nhật: 12/03/2024 | Lượt xem: 1.234 | In bài viết | Chia sẻ\n" + BODY
    assert kept(text)[0].rstrip(" |") == "Cập nhật: 12/03/2024"


@pytest.mark.parametrize("line", [
    "Chia sẻ Facebook Zalo Twitter Gửi email",
    "Nghe đọc bài",
    "In bài viết | Gửi email | Quay lại",
    "Cỡ chữ A+ A-",
    "Lượt xem: 1.234",
])
def test_lines_made_only_of_toolbar_words_are_blanked(line: str) -> None:
    assert kept(BODY + "\n" + line + "\n" + CLOSING) == [BODY, CLOSING]


def test_visit_statistics_footer_is_blanked_and_the_byline_kept() -> None:
    text = (
        CLOSING + "\n \n \nTuấn Minh – Mạnh Tùng\nTrung tâm VHTT và Truyền thông thành phố\n \n"
        "Video\nThống kê truy cập\nĐang online176\nTất cả3158911"
    )
    assert kept(text) == [CLOSING, "Tuấn Minh – Mạnh Tùng", "Trung tâm VHTT và Truyền thông thành phố"]


def test_labelled_visit_counters_are_blanked() -> None:
    text = CLOSING + "\nLượt truy cập\nHôm nay: 1.024\nHôm qua: 2.311\nTổng lượt truy cập: 3.158.911"
    assert kept(text) == [CLOSING]


def test_qr_code_and_social_block_is_blanked_and_the_byline_kept() -> None:
    text = (
        CLOSING + "\n\nHồng Thanh\n\nTiện ích thông tin\nQR Code\n"
        "QR CODE: HĐND thành phố Hải Phòng khóa 16, nhiệm kỳ 2021-2026: Triển khai nhiệm vụ trọng tâm năm 2024\n"
        "Chúng tôi trên Mạng Xã hội\nQR Code Fanpage\n"
        "Mã QR Code truy cập vào Fanpage Cổng tin tức Thành phố Hải Phòng\n"
    )
    assert kept(text) == [CLOSING, "Hồng Thanh"]


@pytest.mark.parametrize("heading", ["Tin khác", "Các tin khác", "Tin liên quan", "Tin cùng chuyên mục", "Bài viết liên quan:"])
def test_trailing_other_news_heading_blanks_to_the_end(heading: str) -> None:
    others = (
        "Phiên họp UBND tỉnh tháng 1/2025 (04/02/2025)\n"
        "Tiếp xúc cử tri trước kỳ họp thứ 15 HĐND huyện (20/11/2024)\n"
        "Chiều 4/2, UBND tỉnh họp phiên tháng 1/2025. Chủ tịch UBND tỉnh Nguyễn Đăng Bình chủ trì Phiên họp, "
        "các đại biểu đã xem xét, đánh giá kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội tháng 1.\n"
    )
    text = BODY + "\n" + CLOSING + "\nHồng Thanh\n" + heading + "\n" + others
    assert kept(text) == [BODY, CLOSING, "Hồng Thanh"]


def test_related_news_box_early_in_the_article_blanks_only_its_headlines() -> None:
    text = (
        BODY + "\nTin liên quan\nKhai mạc kỳ họp thứ 20 HĐND thành phố Bắc Ninh\n"
        "Bế mạc kỳ họp thứ 19 HĐND thành phố\n\n" + CLOSING + "\n" + CLOSING + "\n" + CLOSING
    )
    assert kept(text) == [BODY, CLOSING, CLOSING, CLOSING]


@pytest.mark.parametrize("sentence", [
    "Người dân có thể gửi phản ánh qua trang Facebook và Zalo của UBND thành phố.",
    "Hội nghị được tổ chức theo hình thức trực tuyến, kết nối video đến 12 điểm cầu xã, phường.",
    "Hôm nay, HĐND tỉnh khai mạc kỳ họp thứ 21, khóa XVII.",
    "Tất cả 19 ý kiến của đại biểu đều được UBND thành phố giải trình làm rõ.",
    "Xem thêm các tài liệu của kỳ họp tại Cổng thông tin điện tử của tỉnh.",
    "QR code được niêm yết tại bộ phận một cửa để người dân tra cứu hồ sơ.",
    "Video",
    "Các đồng chí chủ tọa Kỳ họp",
])
def test_article_sentences_using_portal_words_are_kept(sentence: str) -> None:
    text = BODY + "\n" + sentence + "\n" + CLOSING
    assert blank_cruft(text) == text


def test_offsets_of_a_name_are_the_same_before_and_after() -> None:
    text = "Print Thứ Ba, 12/03/2024 18:58 Gốc\nTăng cỡ chữ Giảm cỡ chữ\n" + BODY + "\nTin khác\nPhiên họp UBND tỉnh"
    clean = blank_cruft(text)
    assert len(clean) == len(text)
    start = text.index("Nguyễn Thanh Mai")
    assert clean.index("Nguyễn Thanh Mai") == start
    assert clean[start : start + len("Nguyễn Thanh Mai")] == "Nguyễn Thanh Mai"


def test_spans_are_exactly_what_was_blanked() -> None:
    text = "2024-12-13 16:31:27 Số lượt xem 60\n" + BODY + "\n\nVideo\nThống kê truy cập\nĐang online176"
    clean = blank_cruft(text)
    spans = cruft_spans(text)
    assert [text[a:b] for a, b in spans] == ["Số lượt xem 60", "Video\nThống kê truy cập\nĐang online176"]
    changed = [i for i, (a, b) in enumerate(zip(text, clean)) if a != b]
    assert all(any(a <= i < b for a, b in spans) for i in changed)


def test_seed_articles_keep_length_and_newlines_and_lose_their_cruft() -> None:
    for path in sorted(ARTICLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        clean = blank_cruft(text)
        assert len(clean) == len(text)
        assert [i for i, c in enumerate(text) if c == "\n"] == [i for i, c in enumerate(clean) if c == "\n"]
        for cruft in ("PublishingPortal", "Số lượt xem", "Đang online", "QR Code", "Tăng cỡ chữ", "Tin khác"):
            assert cruft not in clean, (path.name, cruft)


def test_article_clean_is_the_blanked_text() -> None:
    article = Article(id="x", text="Print Thứ Ba, 12/03/2024 18:58 Gốc\n" + BODY, source="<test>")
    assert article.clean == "      Thứ Ba, 12/03/2024 18:58    \n" + BODY


_LINES = st.sampled_from([
    BODY, CLOSING, "", " ", "Video", "Tin khác", "Hôm nay", "Print Thứ Ba, 12/03/2024 18:58 Gốc",
    "Đang online176", "QR Code", "Chia sẻ Facebook", "Tuấn Minh – Mạnh Tùng", "PublishingPortal - Block_X",
])


@given(st.lists(_LINES, max_size=12), st.text(alphabet="ab \nđệ", max_size=20))
def test_blanking_only_ever_turns_characters_into_spaces(lines: list[str], noise: str) -> None:
    text = "\n".join(lines) + noise
    clean = blank_cruft(text)
    assert len(clean) == len(text)
    assert all(c == o or (c == " " and o != "\n") for c, o in zip(clean, text))


toolbar_lines = st.lists(
    st.one_of(
        st.sampled_from([*_TOOLBAR_WORDS, "Số lượt xem 60", "lượt đọc: 1.234", "Lượt xem 15/", "Tin", "2024", "bài"]),
        st.sampled_from([" ", "  ", " - ", " | ", ":", "-", "•", "/", "–", ","]),
        st.text(max_size=3),
    ),
    max_size=8,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(toolbar_lines, st.sampled_from([str, str.upper, str.lower]))
def test_a_line_ends_with_a_toolbar_unit_when_its_reversal_says_so(line: str, case) -> None:  # noqa: ANN001
    line = case(line)
    assert bool(_TRAILING.search(line)) == bool(_ENDS_WITH_UNIT.match(line[::-1]))


cruft_lines = st.lists(
    st.tuples(
        st.sampled_from(["", " ", " | ", " - ", ":", " • ", "\u00a0", "…", "» ", ">"]),
        st.sampled_from([
            *_TOOLBAR_WORDS, "Tin khác", "Các tin liên quan", "Bài viết khác", "Xem thêm", "Đọc thêm",
            "PublishingPortal - Block_X", "Thống kê truy cập", "Đang online 12", "Tất cả: 1.234", "Hôm nay",
            "Lượt truy cập", "Tổng số lượt truy cập: 99", "Tiện ích thông tin", "QR code", "Mã QR truy cập x",
            "Chúng tôi trên Facebook", "Kết nối với chúng tôi", "Theo dõi chúng tôi trên x", "Trang chủ > Tin", "Video",
            "Hình ảnh", "Thư viện ảnh", "Liên kết website", "Fanpage", "Số lượt xem 60", "12/03/2024", "Sáng nay",
        ]),
    ),
    min_size=1,
    max_size=4,
).map(lambda parts: "".join(sep + word for sep, word in parts))


@settings(max_examples=300, deadline=None)
@given(cruft_lines, st.sampled_from([str, str.upper, str.lower]))
def test_a_line_passed_over_as_body_text_is_one_no_cruft_rule_takes(line: str, case) -> None:  # noqa: ANN001
    line = case(line)
    bare = line.strip(" \t\u00a0")
    taken = bool(bare) and bool(
        _TAIL_HEADING.fullmatch(bare.strip(" \t:.…»>"))
        or _STRONG_LINE.fullmatch(bare)
        or _WEAK_LINE.fullmatch(bare.rstrip(":"))
        or (len(line) <= 200 and _toolbar_spans(line)[0])
    )
    passed_over = not _MAY_OPEN_CRUFT.match(line) and (len(line) > 200 or not _may_end_with_cruft(line))
    assert not (taken and passed_over)
