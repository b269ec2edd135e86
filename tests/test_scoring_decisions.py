"""Purpose and decisions of a gathering: scored only where the gold labels them (LABELING.md, addendum)."""

from __future__ import annotations

import json

import pytest

from summarizer.evaluation import Counts, score_article, score_corpus
from summarizer.schemas import ArticleExtraction

from .conftest import EVALS
from .test_scoring import session as scoring_session

PURPOSE = "xem xét, quyết định một số nội dung quan trọng thuộc thẩm quyền"
RELIEF = {
    "kind": "relief",
    "text": "miễn nhiệm chức danh Phó Chủ tịch HĐND tỉnh Đắk Lắk đối với ông Trần Phú Hùng",
    "person": "Trần Phú Hùng",
    "post": "Phó Chủ tịch HĐND tỉnh Đắk Lắk",
}
ELECTION = {
    "kind": "election",
    "text": "bầu bổ sung chức danh Phó Chủ tịch HĐND tỉnh Đắk Lắk khóa X, nhiệm kỳ 2021-2026 đối với ông Từ Thái Giang",
    "person": "Từ Thái Giang",
    "post": "Phó Chủ tịch HĐND tỉnh Đắk Lắk",
}
RESOLUTIONS = {"kind": "resolution", "text": "thông qua 21 nghị quyết", "person": None, "post": None}


def session(**fields) -> dict:
    """A session of the HĐND of Đắk Lắk province (test_scoring's session, another place and day)."""
    place_and_day = {"locality": "Đắk Lắk", "session_number": 9, "start_date": "2025-12-09", "end_date": "2025-12-09"}
    return scoring_session(**place_and_day, chairs=[], resolutions_passed=None) | fields


def article(*events: dict) -> dict:
    return {"events": list(events), "officials": [], "directives": []}


LABELLED = article(session(purpose=PURPOSE, decisions=[RELIEF, ELECTION, RESOLUTIONS]))


def test_gold_that_labels_them_scored_against_itself_is_perfect():
    score = score_article(LABELLED, LABELLED)
    assert score.components["decisions"] == Counts(tp=3)
    assert score.fields["events.purpose"] == Counts(tp=1)


def test_a_gold_event_without_the_keys_counts_nothing_whatever_is_predicted():
    older = article(session())  # a seed-style gold file: no purpose or decisions key
    score = score_article(older, LABELLED)
    assert score.components["decisions"].empty and score.components["decisions"].f1 is None
    assert score.fields["events.purpose"].empty


def test_an_explicit_null_purpose_and_empty_decisions_are_labels():
    gold = article(session(purpose=None, decisions=[]))
    score = score_article(gold, LABELLED)
    assert score.fields["events.purpose"] == Counts(fp=1)
    assert score.components["decisions"] == Counts(fp=3)


def test_whether_gold_labels_them_survives_gold_given_as_a_model():
    as_model = ArticleExtraction.model_validate(article(session(purpose=None, decisions=[])))
    older = ArticleExtraction.model_validate(article(session()))
    assert score_article(as_model, LABELLED).components["decisions"] == Counts(fp=3)
    assert score_article(older, LABELLED).components["decisions"].empty


def test_a_shortened_purpose_is_the_same_purpose():
    predicted = article(session(purpose="xem xét, quyết định một số nội dung quan trọng", decisions=[]))
    assert score_article(LABELLED, predicted).fields["events.purpose"] == Counts(tp=1)


def test_another_purpose_is_a_false_alarm_and_a_miss():
    predicted = article(session(purpose="sơ kết công tác 6 tháng đầu năm", decisions=[]))
    score = score_article(LABELLED, predicted)
    assert score.fields["events.purpose"] == Counts(fp=1, fn=1)
    (aligned,) = score.details["events"]
    assert {"field": "purpose", "gold": PURPOSE, "predicted": "sơ kết công tác 6 tháng đầu năm"} in aligned["mismatches"]


def test_purpose_stays_out_of_the_events_component():
    predicted = article(session(decisions=[]))
    score = score_article(LABELLED, predicted)
    assert score.fields["events.purpose"] == Counts(fn=1)
    assert score.components["events"].fn == 0


def test_decisions_stay_out_of_the_overall():
    score = score_article(LABELLED, article(session(purpose=PURPOSE)))
    assert score.components["decisions"] == Counts(fn=3)
    assert score.overall == 1.0  # events alone: every contract field agrees


def test_a_decision_with_a_person_matches_by_kind_and_name_key_whatever_its_text():
    predicted = article(session(decisions=[RELIEF | {"text": "thôi giữ chức", "person": "trần phú hùng"}]))
    score = score_article(article(session(decisions=[RELIEF])), predicted)
    assert score.components["decisions"] == Counts(tp=1)


def test_a_decision_naming_another_person_is_a_false_alarm_and_a_miss():
    predicted = article(session(decisions=[ELECTION | {"person": "Trần Phú Hùng"}]))
    score = score_article(article(session(decisions=[ELECTION])), predicted)
    assert score.components["decisions"] == Counts(fp=1, fn=1)


def test_a_decision_of_another_kind_does_not_match():
    predicted = article(session(decisions=[RELIEF | {"kind": "dismissal"}]))
    assert score_article(article(session(decisions=[RELIEF])), predicted).components["decisions"] == Counts(fp=1, fn=1)


def test_a_decision_without_a_person_matches_by_the_token_f1_of_its_text():
    near = RESOLUTIONS | {"text": "HĐND tỉnh thông qua 21 nghị quyết"}
    far = RESOLUTIONS | {"text": "thông qua Nghị quyết về kế hoạch đầu tư công năm 2026"}
    gold = article(session(decisions=[RESOLUTIONS]))
    assert score_article(gold, article(session(decisions=[near]))).components["decisions"] == Counts(tp=1)
    assert score_article(gold, article(session(decisions=[far]))).components["decisions"] == Counts(fp=1, fn=1)


def test_decisions_are_matched_one_to_one():
    gold = article(session(decisions=[RESOLUTIONS]))
    predicted = article(session(decisions=[RESOLUTIONS, RESOLUTIONS]))
    assert score_article(gold, predicted).components["decisions"] == Counts(tp=1, fp=1)


def test_decisions_match_only_within_aligned_events():
    conference = {"kind": "conference", "organ": "Tỉnh ủy", "level": "tỉnh", "locality": "Đắk Lắk", "start_date": "2025-12-20",
                  "end_date": "2025-12-20", "chairs": [], "purpose": None, "decisions": []}
    gold = article(session(decisions=[RELIEF]), conference)
    predicted = article(session(decisions=[]), conference | {"decisions": [RELIEF]})
    score = score_article(gold, predicted)
    assert score.components["decisions"] == Counts(fp=1, fn=1)
    assert score.details["decisions"]["missed"] == [RELIEF]


def test_the_decisions_of_an_unaligned_gold_event_are_missed():
    score = score_article(LABELLED, article())
    assert score.components["decisions"] == Counts(fn=3)
    assert score.fields["events.purpose"] == Counts(fn=1)


def test_the_details_name_found_missed_and_invented_decisions():
    predicted = article(session(decisions=[RELIEF, RESOLUTIONS | {"text": "quyết định thành lập hai đoàn giám sát", "kind": "other"}]))
    details = score_article(article(session(decisions=[RELIEF, ELECTION])), predicted).details["decisions"]
    assert details["found"] == [RELIEF]
    assert details["missed"] == [ELECTION]
    assert [d["text"] for d in details["false_alarms"]] == ["quyết định thành lập hai đoàn giám sát"]
    assert details["pairs"] == [[0, 0, 0, 0]]


def test_a_corpus_counts_only_the_articles_whose_gold_labels_decisions():
    labelled = score_article(LABELLED, article(session(decisions=[RELIEF])))
    older = score_article(article(session()), LABELLED)
    corpus = score_corpus([labelled, older])
    assert corpus.components["decisions"] == Counts(tp=1, fn=2)
    assert corpus.to_dict()["components"]["decisions"]["f1"] == pytest.approx(0.5)


@pytest.mark.parametrize("prefix", ["106", "114"])
def test_an_adjudicated_gold_file_scored_against_itself_counts_its_decisions(prefix):
    (path,) = (EVALS / "gold").glob(f"{prefix}_*.json")
    gold = json.loads(path.read_text(encoding="utf-8"))
    labels = sum(len(e["decisions"]) for e in gold["events"])
    score = score_article(gold, gold)
    assert score.components["decisions"] == Counts(tp=labels)
    assert score.fields["events.purpose"].fp == score.fields["events.purpose"].fn == 0
