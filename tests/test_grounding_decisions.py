"""The grounding rate (no gold needed) counts a gathering's purpose and its decisions' text, person and post."""

from __future__ import annotations

from summarizer.grounding import check_grounding
from summarizer.schemas import ArticleExtraction

TEXT = (
    "Chiều 15/9, HĐND tỉnh Đắk Lắk khóa X tổ chức kỳ họp chuyên đề để xem xét, quyết định một số nội dung quan trọng "
    "thuộc thẩm quyền. Kỳ họp đã miễn nhiệm chức danh Phó Chủ tịch HĐND tỉnh Đắk Lắk đối với ông Trần Phú Hùng."
)
RELIEF = {
    "kind": "relief",
    "text": "miễn nhiệm chức danh Phó Chủ tịch HĐND tỉnh Đắk Lắk đối với ông Trần Phú Hùng",
    "person": "Trần Phú Hùng",
    "post": "Phó Chủ tịch HĐND tỉnh Đắk Lắk",
}


def extraction(**event) -> ArticleExtraction:
    return ArticleExtraction.model_validate({"events": [{"kind": "session", "organ": "HĐND", **event}]})


def test_a_purpose_and_a_decision_written_in_the_article_are_grounded():
    found = extraction(purpose="xem xét, quyết định một số nội dung quan trọng thuộc thẩm quyền", decisions=[RELIEF])
    report = check_grounding(found, TEXT)
    assert (report.found, report.total) == (4, 4)  # purpose, then the decision's text, person and post


def test_a_reworded_purpose_and_an_invented_person_are_not():
    invented = extraction(purpose="bàn các việc quan trọng", decisions=[RELIEF | {"person": "Trần Văn Hùng"}])
    report = check_grounding(invented, TEXT)
    assert report.missing == [("purpose", "bàn các việc quan trọng"), ("person", "Trần Văn Hùng")]


def test_a_shortened_decision_text_in_another_case_is_grounded():
    respelled = extraction(decisions=[RELIEF | {"text": "Miễn nhiệm chức danh Phó Chủ tịch HĐND tỉnh Đắk Lắk"}])
    assert check_grounding(respelled, TEXT).rate == 1.0
