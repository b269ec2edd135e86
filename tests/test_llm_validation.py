"""Grounding validators: an answer must be in the article, or the model is asked again."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from summarizer.backends.llm.validation import Answer, compact_schema, grounding_context, locate_evidence
from summarizer.schemas import json_schema
from tests.conftest import EVALS

TEXT = (
    "Thứ Ba, 12/03/2024 18:58\n"
    "Sáng 12/3, Kỳ họp thứ Ba HĐND tỉnh khóa XVI, nhiệm kỳ 2021 - 2026 khai mạc. Đồng chí Phương Thị "
    "Thanh, Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì kỳ họp. Kỳ họp đã thông qua mười hai nghị quyết.\n"
    "Đồng chí Phương Thị Thanh đề nghị UBND tỉnh chỉ đạo các sở, ngành hoàn thành việc rà soát hồ sơ trước ngày 10/4."
)


def answer(**parts) -> dict:
    base = {
        "published": "2024-03-12",
        "events": [{
            "kind": "session", "organ": "HĐND", "level": "tỉnh", "session_number": 3, "term": 16,
            "term_period": "2021-2026", "start_date": "2024-03-12", "end_date": "2024-03-12",
            "chairs": ["Phương Thị Thanh"], "resolutions_passed": 12,
        }],
        "officials": [{"name": "Phương Thị Thanh", "titles": ["Phó Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]}],
        "directives": [{
            "issuer": "Phương Thị Thanh", "verb": "đề nghị", "addressees": ["UBND tỉnh"],
            "content": "chỉ đạo các sở, ngành hoàn thành việc rà soát hồ sơ", "deadline": "2024-04-10",
        }],
    }
    return {**base, **parts}


def check(data: dict, text: str = TEXT) -> Answer:
    return Answer.model_validate(data, context=grounding_context(text))


def test_a_grounded_answer_validates():
    result = check(answer())

    assert result.officials[0].titles == ["Phó Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]


@pytest.mark.parametrize("stem", sorted(path.stem for path in (EVALS / "gold").glob("*.json")))
def test_every_gold_file_is_grounded_in_its_article(stem):
    gold = json.loads((EVALS / "gold" / f"{stem}.json").read_text(encoding="utf-8"))
    check(gold, (EVALS / "articles" / f"{stem}.txt").read_text(encoding="utf-8"))


def test_a_last_day_that_follows_from_the_first_and_a_stated_length_is_grounded():
    text = "Kỳ họp thứ 19 HĐND tỉnh khai mạc ngày 23/7/2024 và diễn ra trong 2 ngày với 4 phiên họp."
    data = answer(officials=[], directives=[])
    data["events"][0].update(chairs=[], session_number=19, term=None, term_period=None, resolutions_passed=None,
                             start_date="2024-07-23", end_date="2024-07-24")
    assert check(data, text).events[0].end_date.isoformat() == "2024-07-24"
    data["events"][0]["end_date"] = "2024-07-25"
    with pytest.raises(ValidationError, match="end_date 2024-07-25"):
        check(data, text)


def test_a_month_written_after_a_dot_is_written():
    text = "Kỳ họp thứ 9 HĐND thị xã diễn ra trong 2 ngày (từ 25 - 26.12.2019)."
    data = answer(officials=[], directives=[], published=None)
    data["events"][0].update(chairs=[], session_number=9, term=None, term_period=None, resolutions_passed=None,
                             start_date="2019-12-25", end_date="2019-12-26")
    check(data, text)


def test_an_official_not_in_the_article_is_listed_in_the_error():
    data = answer(officials=[{"name": "Trần Văn Bịa", "titles": ["Giám đốc Sở Ngoại giao"]}])

    with pytest.raises(ValidationError) as caught:
        check(data)

    message = str(caught.value)
    assert "official name 'Trần Văn Bịa'" in message and "'Giám đốc Sở Ngoại giao'" in message


def test_a_reworded_directive_content_is_not_grounded():
    data = answer()
    data["directives"][0]["content"] = "khẩn trương rà soát toàn bộ hồ sơ"

    with pytest.raises(ValidationError, match="directive content"):
        check(data)


def test_names_match_across_tone_mark_placement_and_case():
    text = TEXT.replace("Chủ tịch HĐND tỉnh", "CHỦ TỊCH HĐND TỈNH").replace("Tỉnh ủy", "Tỉnh uỷ")

    check(answer(), text)


def test_a_date_whose_day_is_not_in_the_article_is_rejected():
    data = answer()
    data["events"][0]["end_date"] = "2024-03-14"

    with pytest.raises(ValidationError, match="end_date 2024-03-14"):
        check(data)


def test_a_year_far_from_any_year_in_the_article_is_rejected():
    data = answer()
    data["events"][0]["start_date"] = "2019-03-12"

    with pytest.raises(ValidationError, match="start_date 2019-03-12"):
        check(data)


def test_ordinal_words_roman_numerals_and_number_words_count_as_written():
    result = check(answer())

    assert (result.events[0].session_number, result.events[0].term, result.events[0].resolutions_passed) == (3, 16, 12)


def test_a_session_number_not_written_in_the_article_is_rejected():
    data = answer()
    data["events"][0]["session_number"] = 7

    with pytest.raises(ValidationError, match="session_number 7"):
        check(data)


def test_a_span_with_wrong_offsets_but_right_text_is_moved_to_its_text():
    data = answer()
    data["officials"][0]["name_evidence"] = {"start": 0, "end": 16, "text": "Phương Thị Thanh"}

    span = check(data).officials[0].name_evidence

    assert TEXT[span.start : span.end] == "Phương Thị Thanh" and span.start > 0


def test_a_span_whose_text_is_not_in_the_article_is_rejected():
    data = answer()
    data["directives"][0]["evidence"] = {"start": 5, "end": 20, "text": "giải ngân vốn đầu tư công"}

    with pytest.raises(ValidationError, match="directive evidence"):
        check(data)


def test_without_a_context_only_the_schema_is_checked():
    data = answer(officials=[{"name": "Trần Văn Bịa", "titles": []}])

    assert Answer.model_validate(data).officials[0].name == "Trần Văn Bịa"


def test_missing_evidence_is_located_in_the_original_text():
    extraction = locate_evidence(check(answer()).to_extraction(), TEXT)

    official = extraction.officials[0]
    assert TEXT[official.name_evidence.start : official.name_evidence.end] == "Phương Thị Thanh"
    assert [TEXT[s.start : s.end] for s in official.title_evidence] == official.titles
    directive = extraction.directives[0]
    assert TEXT[directive.evidence.start : directive.evidence.end] == directive.content


def test_an_events_evidence_is_the_sentence_that_reports_it():
    extraction = locate_evidence(check(answer()).to_extraction(), TEXT)

    event = extraction.events[0]
    assert TEXT[event.evidence.start : event.evidence.end] == event.evidence.text
    assert event.evidence.text == "Sáng 12/3, Kỳ họp thứ Ba HĐND tỉnh khóa XVI, nhiệm kỳ 2021 - 2026 khai mạc."


def test_the_schema_the_model_sees_has_the_contract_fields_without_the_tool_filled_ones():
    schema = Answer.model_json_schema()

    assert set(schema["properties"]) == {"published", "events", "officials", "directives"}
    assert set(schema["$defs"]["Official"]["properties"]) == {"name", "titles"}
    assert "description" not in schema["$defs"]["Event"]["properties"]["kind"]
    assert schema["$defs"]["Event"]["properties"]["level"]["type"] == ["string", "null"]
    assert None in schema["$defs"]["Event"]["properties"]["level"]["enum"]


def test_compacting_keeps_every_contract_field_of_events():
    full = json_schema()["$defs"]["Event"]["properties"]

    compact = compact_schema(json_schema())["$defs"]["Event"]["properties"]

    assert set(compact) == set(full) - {"title", "evidence", "purpose", "decisions"}


def test_an_answer_in_decomposed_unicode_is_read_as_nfc():
    import unicodedata

    data = answer()
    data["officials"][0]["name"] = unicodedata.normalize("NFD", "Phương Thị Thanh")

    assert check(data).officials[0].name == "Phương Thị Thanh"


def test_a_value_matching_only_after_folding_takes_the_articles_spelling():
    data = answer()
    data["officials"][0]["titles"] = ["PHÓ BÍ THƯ TỈNH UỶ", "chủ tịch hđnd tỉnh"]
    data["directives"][0]["addressees"] = ["ubnd tỉnh"]

    result = check(data)

    assert result.officials[0].titles == ["Phó Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]
    assert result.directives[0].addressees == ["UBND tỉnh"]


def test_a_single_key_wrapped_around_the_answer_is_taken_off():
    assert check({"data": answer()}).officials[0].name == "Phương Thị Thanh"
    assert check({"ArticleExtraction": answer()}).events[0].session_number == 3


@pytest.mark.parametrize("hollow", [{}, {"title": "ArticleExtraction", "type": "object", "properties": {}}, {"data": {}}])
def test_a_hollow_answer_is_a_validation_error(hollow):
    with pytest.raises(ValidationError):
        check(hollow)


def test_explicit_nulls_for_the_lists_are_empty_lists_but_missing_lists_are_errors():
    assert check({"published": None, "events": None, "officials": None, "directives": None}).events == []
    with pytest.raises(ValidationError, match="officials"):
        check({"published": None, "events": []})
