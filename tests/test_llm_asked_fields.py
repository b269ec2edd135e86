"""Optional event fields a prompt asks for: the schema shows purpose and decisions only to a prompt that
declares them, grounding checks them (re-asking about an ungrounded one), and an answer that was not
asked for them drops them."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from summarizer.backends.llm.bodies import build_body
from summarizer.backends.llm.chunking import merge_extractions
from summarizer.backends.llm.prompts import Prompt
from summarizer.backends.llm.validation import Answer, answer_model, grounding_context, locate_evidence
from summarizer.schemas import ArticleExtraction

TEXT = (
    "Chiều 15/9, HĐND tỉnh Đắk Lắk khóa X tổ chức kỳ họp chuyên đề để xem xét, quyết định một số nội dung "
    "quan trọng thuộc thẩm quyền. Kỳ họp đã miễn nhiệm chức danh Phó Chủ tịch HĐND tỉnh đối với ông Trần Phú Hùng "
    "và bầu ông Từ Thái Giang giữ chức Phó Chủ tịch Uỷ ban nhân dân tỉnh."
)
PURPOSE = "xem xét, quyết định một số nội dung quan trọng thuộc thẩm quyền"
RELIEF = {
    "kind": "relief",
    "text": "miễn nhiệm chức danh Phó Chủ tịch HĐND tỉnh đối với ông Trần Phú Hùng",
    "person": "Trần Phú Hùng",
    "post": "Phó Chủ tịch HĐND tỉnh",
}
ELECTION = {
    "kind": "election",
    "text": "bầu ông Từ Thái Giang giữ chức Phó Chủ tịch Uỷ ban nhân dân tỉnh",
    "person": "Từ Thái Giang",
    "post": "Phó Chủ tịch Uỷ ban nhân dân tỉnh",
}
ASKING = answer_model({"purpose", "decisions"})


def answer(**event) -> dict:
    return {
        "published": None,
        "events": [{"kind": "session", "organ": "HĐND", "level": "tỉnh", "locality": "Đắk Lắk", **event}],
        "officials": [],
        "directives": [],
    }


def event_schema(model: type[Answer]) -> dict:
    return model.model_json_schema()["$defs"]["Event"]["properties"]


def test_the_answer_of_a_prompt_asking_for_nothing_is_the_plain_answer_and_hides_them():
    assert answer_model() is Answer
    assert not {"purpose", "decisions"} & set(event_schema(Answer))
    assert "Decision" not in Answer.model_json_schema()["$defs"]


def test_the_answer_of_a_prompt_asking_for_them_shows_them_without_evidence_spans():
    schema = ASKING.model_json_schema()
    assert {"purpose", "decisions"} <= set(event_schema(ASKING))
    assert set(schema["$defs"]["Decision"]["properties"]) == {"kind", "text", "person", "post"}
    assert "Span" not in schema["$defs"]


def test_one_answer_class_per_set_of_fields():
    assert answer_model(["decisions", "purpose"]) is ASKING


def test_a_field_no_prompt_may_ask_for_is_refused():
    with pytest.raises(ValueError, match="agenda"):
        answer_model({"agenda"})


def test_a_lean_schema_leaves_out_the_constraints_validation_checks_anyway():
    lean = json.dumps(answer_model({"purpose", "decisions"}, lean=True).model_json_schema())
    full = json.dumps(ASKING.model_json_schema())
    for keyword in ("minLength", "minimum", '"format"', "pattern"):
        assert keyword in full and keyword not in lean


def test_a_lean_tool_schema_does_not_repeat_the_tools_name_and_description():
    lean = answer_model({"purpose", "decisions"}, lean=True)
    body = build_body("tools", [{"role": "user", "content": TEXT}], model="gpt-4o-mini", params={}, answer=lean)
    function = body["tools"][0]["function"]
    assert function["name"] == "ArticleExtraction" and function["description"]
    assert not {"title", "description"} & set(function["parameters"])


def test_a_grounded_purpose_and_decisions_validate():
    result = ASKING.model_validate(answer(purpose=PURPOSE, decisions=[RELIEF, ELECTION]), context=grounding_context(TEXT))
    assert result.events[0].purpose == PURPOSE
    assert [d.person for d in result.events[0].decisions] == ["Trần Phú Hùng", "Từ Thái Giang"]


def test_an_ungrounded_purpose_or_decision_is_listed_for_the_reask():
    data = answer(purpose="bàn các việc quan trọng", decisions=[RELIEF | {"person": "Trần Văn Hùng"}])
    with pytest.raises(ValidationError) as caught:
        ASKING.model_validate(data, context=grounding_context(TEXT))
    message = str(caught.value)
    assert "purpose 'bàn các việc quan trọng'" in message
    assert "decision person 'Trần Văn Hùng'" in message
    assert "miễn nhiệm" not in message  # the grounded text is not listed


def test_values_come_back_in_the_articles_own_spelling():
    respelled = ELECTION | {"post": "Phó Chủ tịch Ủy ban nhân dân tỉnh", "text": ELECTION["text"].replace("Uỷ", "Ủy")}
    result = ASKING.model_validate(answer(decisions=[respelled]), context=grounding_context(TEXT))
    (decision,) = result.events[0].decisions
    assert decision.post == "Phó Chủ tịch Uỷ ban nhân dân tỉnh"
    assert decision.text == ELECTION["text"]


def test_an_answer_not_asked_for_them_drops_them_even_when_ungrounded():
    data = answer(purpose="bàn các việc quan trọng", decisions=[RELIEF | {"person": "Trần Văn Hùng"}])
    result = Answer.model_validate(data, context=grounding_context(TEXT))
    (event,) = result.to_extraction().events
    assert event.purpose is None and event.decisions == []
    assert not {"purpose", "decisions"} & event.model_fields_set


def test_a_prompt_declares_the_fields_it_asks_for_in_a_comment_the_model_never_sees():
    prompt = Prompt("extract/v9", "{#- asks: purpose, decisions -#}\n{#- schema: lean -#}\nFill the record.", "{{ text }}")
    assert prompt.asks == {"purpose", "decisions"} and prompt.schema_style == "lean"
    assert prompt.answer is answer_model({"purpose", "decisions"}, lean=True)
    system, _ = prompt.render(TEXT)
    assert system["content"] == "Fill the record."


def test_a_prompt_without_declarations_asks_for_none_and_sends_the_full_schema():
    prompt = Prompt("extract/v9", "Fill the record.", "{{ text }}")
    assert prompt.asks == frozenset() and prompt.schema_style == "full" and prompt.answer is Answer


def test_a_declaration_naming_an_unknown_style_is_refused():
    with pytest.raises(ValueError, match="schema style"):
        Prompt("extract/v9", "{# schema: tiny #}", "{{ text }}").answer


def test_decision_evidence_is_located_in_the_article():
    extraction = ArticleExtraction.model_validate(answer(decisions=[RELIEF]))
    (decision,) = locate_evidence(extraction, TEXT).events[0].decisions
    assert decision.evidence is not None and TEXT[decision.evidence.start : decision.evidence.end] == RELIEF["text"]


def test_the_decisions_of_one_gathering_read_in_two_parts_are_merged_once_each():
    first = ArticleExtraction.model_validate(answer(decisions=[RELIEF]))
    second = ArticleExtraction.model_validate(answer(decisions=[RELIEF, ELECTION]))
    (event,) = merge_extractions([first, second]).events
    assert [d.kind for d in event.decisions] == ["relief", "election"]
