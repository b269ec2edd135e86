"""Numerals and ordinals as news writes them: Arabic, Roman (khóa XXII) and words (kỳ họp thứ Ba), read
and written from one set of tables."""

from __future__ import annotations

import pytest

from summarizer.language.numerals import leading_ordinal, number_words, ordinal_word_to_int, parse_ordinal, roman_to_int, to_roman


@pytest.mark.parametrize(("numeral", "value"), [("XXII", 22), ("XIV", 14), ("VI", 6), ("XVII", 17), ("IX", 9)])
def test_roman_numerals_of_terms_become_integers(numeral: str, value: int) -> None:
    assert roman_to_int(numeral) == value


@pytest.mark.parametrize("token", ["IIII", "VX", "xxii", "Kỳ", "", "XIIV"])
def test_malformed_or_lower_case_roman_numerals_are_not_numbers(token: str) -> None:
    assert roman_to_int(token) is None


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("Nhất", 1), ("nhất", 1), ("Hai", 2), ("Ba", 3), ("Tư", 4), ("Bốn", 4), ("Năm", 5), ("Mười", 10),
        ("Mười một", 11), ("mười lăm", 15), ("Mười Tám", 18), ("Hai mươi", 20), ("hai mươi mốt", 21),
        ("Hai mươi tư", 24), ("Ba mươi", 30),
    ],
)
def test_ordinal_words_become_integers(words: str, value: int) -> None:
    assert ordinal_word_to_int(words) == value


@pytest.mark.parametrize("words", ["mươi", "nhất mươi", "hội nghị", "Ba năm", ""])
def test_words_that_are_not_an_ordinal_give_none(words: str) -> None:
    assert ordinal_word_to_int(words) is None


@pytest.mark.parametrize(("token", "value"), [("20", 20), ("02", 2), ("XXI", 21), ("Ba", 3), ("0", None), ("kỳ", None)])
def test_parse_ordinal_reads_all_three_spellings(token: str, value: int | None) -> None:
    assert parse_ordinal(token) == value


def test_leading_ordinal_stops_before_the_words_that_follow_it() -> None:
    assert leading_ordinal("Ba năm 2024") == (3, 2)
    assert leading_ordinal("hai vào chiều 7/2") == (2, 3)
    assert leading_ordinal("XXII, nhiệm kỳ 2021-2026") == (22, 4)
    assert leading_ordinal("Mười một của HĐND") == (11, 8)
    assert leading_ordinal("của HĐND") is None


@pytest.mark.parametrize("value", range(1, 100))
def test_every_spelling_of_a_number_reads_back_as_that_number(value: int) -> None:
    spellings = number_words(value, ordinal=True)
    assert spellings
    assert all(ordinal_word_to_int(words) == value for words in spellings)


@pytest.mark.parametrize(
    ("value", "spelling"),
    [(7, "bẩy"), (15, "mười lăm"), (25, "hai mươi nhăm"), (21, "hai mươi mốt"), (24, "hai mươi tư"), (4, "bốn")],
)
def test_the_spellings_news_uses_are_written_out(value: int, spelling: str) -> None:
    assert spelling in number_words(value)


@pytest.mark.parametrize(("value", "spelling"), [(1, "nhất"), (4, "tư")])
def test_ordinal_only_units_are_written_only_for_ordinals(value: int, spelling: str) -> None:
    assert spelling in number_words(value, ordinal=True)
    assert spelling not in number_words(value)


@pytest.mark.parametrize("value", range(1, 90))
def test_roman_numerals_round_trip(value: int) -> None:
    assert roman_to_int(to_roman(value)) == value
