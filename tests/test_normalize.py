"""Matching keys: tone placement, case and spaces are folded for comparison, never in what users see."""

from __future__ import annotations

import unicodedata

import pytest

from summarizer.text.normalize import clean_spaces, find_by_key, fold, match_key, nfc, tokens


@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [
        ("Uỷ viên Ban Thường vụ Tỉnh uỷ", "Ủy viên Ban Thường vụ Tỉnh ủy"),
        ("kỳ họp thứ 12 khoá XXI", "kỳ họp thứ 12 khóa XXI"),
        ("hoà giải ở cơ sở", "hòa giải ở cơ sở"),
        ("huyện Thuỷ Nguyên", "huyện Thủy Nguyên"),
        ("chăm lo sức khoẻ nhân dân", "chăm lo sức khỏe nhân dân"),
    ],
)
def test_both_tone_mark_placements_share_one_key(old_style, new_style):
    assert match_key(old_style) == match_key(new_style)


def test_tone_marks_before_a_final_consonant_are_not_moved():
    assert match_key("Hoàng Duy Chinh") == "hoàng duy chinh"
    assert match_key("toàn thể cán bộ") == "toàn thể cán bộ"


def test_different_tones_stay_different_people():
    assert match_key("Nguyễn Văn Hùng") != match_key("Nguyễn Văn Hưng")


def test_key_is_case_folded_with_spaces_collapsed_and_edges_stripped():
    assert match_key("  «Chủ tịch\u00a0UBND   tỉnh».\n") == "chủ tịch ubnd tỉnh"


def test_decomposed_input_gets_the_same_key_as_composed():
    decomposed = unicodedata.normalize("NFD", "Đoàn Thị Loan")
    assert match_key(decomposed) == match_key("Đoàn Thị Loan")
    assert nfc(decomposed) == "Đoàn Thị Loan"


def test_fold_keeps_length_so_offsets_carry_over():
    text = "Đồng chí Đoàn Thị Loan, Uỷ viên Ban Thường vụ Tỉnh uỷ,\u00a0Bí thư Thành uỷ"
    assert len(fold(text)) == len(text)


def test_non_breaking_spaces_become_plain_spaces():
    assert clean_spaces("HĐND\u00a0tỉnh\u202fBắc Kạn") == "HĐND tỉnh Bắc Kạn"


def test_find_by_key_returns_offsets_in_the_original_text():
    text = "Đồng chí Đoàn Thị Loan, Uỷ viên Ban Thường vụ Tỉnh uỷ, Bí thư Thành uỷ"
    ((start, end),) = find_by_key(text, "Ủy viên Ban Thường vụ Tỉnh ủy")
    assert text[start:end] == "Uỷ viên Ban Thường vụ Tỉnh uỷ"


def test_find_by_key_matches_across_a_line_break():
    text = "Chủ tịch UBND tỉnh Nguyễn\nĐăng Bình chủ trì Phiên họp."
    ((start, end),) = find_by_key(text, "Nguyễn Đăng Bình")
    assert text[start:end] == "Nguyễn\nĐăng Bình"


def test_tokens_are_words_of_the_key():
    assert tokens("rà soát, phê duyệt trước ngày 10/3") == ["rà", "soát", "phê", "duyệt", "trước", "ngày", "10", "3"]


def test_find_by_key_matches_whole_words_only():
    assert find_by_key("Ông Hoàng Văn Lê phát biểu", "Văn L") == []
    assert find_by_key("khoẻ E", "E") == [(5, 6)]
