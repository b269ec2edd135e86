"""One table of abbreviations for the rules and the scorer: both read ``BTV`` as ``Ban Thường vụ``."""

from __future__ import annotations

import pytest

from summarizer.backends.rules.titles import comparison_key
from summarizer.evaluation.keys import title_key
from summarizer.language.abbreviations import ABBREVIATIONS

CONTEXT = "Phó Chủ tịch {} tỉnh"


@pytest.mark.parametrize(("short", "written_out"), sorted(ABBREVIATIONS.items()))
def test_the_scorer_reads_an_abbreviation_as_its_written_out_form(short: str, written_out: str) -> None:
    assert title_key(CONTEXT.format(short)) == title_key(CONTEXT.format(written_out))


@pytest.mark.parametrize(("short", "written_out"), sorted(ABBREVIATIONS.items()))
def test_the_rules_compare_an_abbreviated_title_equal_to_the_written_out_one(short: str, written_out: str) -> None:
    assert comparison_key(CONTEXT.format(short)) == comparison_key(CONTEXT.format(written_out).replace("-", " "))


def test_the_scorer_writes_out_only_upper_case_abbreviations() -> None:
    assert title_key("Bí thư Chi bộ Tư") != title_key("Bí thư Chi bộ Trung ương")


def test_a_typing_slip_in_a_title_compares_equal_to_the_word_meant() -> None:
    assert comparison_key("Chủ tich UBND huyện") == comparison_key("Chủ tịch UBND huyện")
