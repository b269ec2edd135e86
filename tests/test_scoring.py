"""The scoring contract: hand-made cases whose right answer is known, and gold scored against itself."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.evaluation import (
    Counts,
    content_similarity,
    max_weight_matching,
    score_article,
    score_corpus,
    title_key,
)
from summarizer.evaluation.scoring import OVERALL_COMPONENTS, without_term

from .conftest import ARTICLES, GOLD


def extraction(events=(), officials=(), directives=()) -> dict:
    return {"events": list(events), "officials": list(officials), "directives": list(directives)}


def session(**fields) -> dict:
    base = {
        "kind": "session",
        "organ": "HĐND",
        "level": "tỉnh",
        "locality": "Bắc Kạn",
        "session_number": 20,
        "term": 10,
        "term_period": "2021-2026",
        "start_date": "2024-12-12",
        "end_date": "2024-12-13",
        "chairs": ["Phương Thị Thanh"],
        "resolutions_passed": 14,
    }
    return base | fields


def directive(issuer="Nguyễn Đăng Bình", content=None, **fields) -> dict:
    return {
        "issuer": issuer,
        "verb": "yêu cầu",
        "addressees": fields.pop("addressees", ["các ngành, địa phương"]),
        "content": content
        or "khẩn trương chỉ đạo Nhân dân thu hoạch cây trồng vụ Đông, vệ sinh đồng ruộng, đẩy nhanh tiến độ làm đất",
        "deadline": fields.pop("deadline", None),
    }


CASE = extraction(
    events=[session()],
    officials=[
        {"name": "Phương Thị Thanh", "titles": ["Chủ tịch HĐND tỉnh"]},
        {"name": "Nguyễn Đăng Bình", "titles": ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]},
    ],
    directives=[directive()],
)


def f1s(score) -> dict[str, float]:
    return {name: counts.f1 for name, counts in score.components.items()}


def test_perfect_prediction_scores_one_everywhere():
    score = score_article(CASE, CASE)
    # CASE labels no decisions (as the seeds): nothing to count there.
    assert f1s(score) == {"events": 1.0, "officials": 1.0, "titles": 1.0, "directives": 1.0, "decisions": None}
    assert score.overall == 1.0
    assert all(c.f1 == 1.0 for c in score.fields.values() if not c.empty)


def test_empty_prediction_has_zero_recall_on_every_component():
    score = score_article(CASE, extraction())
    assert {name: score.components[name].recall for name in OVERALL_COMPONENTS} == dict.fromkeys(OVERALL_COMPONENTS, 0.0)
    assert score.overall == 0.0


def test_nothing_in_gold_and_nothing_predicted_is_not_applicable_rather_than_perfect():
    assert (Counts().precision, Counts().recall, Counts().f1) == (None, None, None)
    assert score_article(extraction(), extraction()).overall is None


def test_a_field_with_nothing_to_count_is_null_in_json():
    # Neither side gives a session type or a deadline: nothing to count, not a perfect score.
    data = score_article(CASE, CASE).to_dict()
    assert data["fields"]["events.session_type"] == {"precision": None, "recall": None, "f1": None, "tp": 0, "fp": 0, "fn": 0}
    assert data["fields"]["directives.deadline"]["f1"] is None


def test_overall_is_the_mean_over_components_with_something_to_count():
    # A round-up with officials and titles only: events and directives have nothing to count.
    gold = extraction(officials=[{"name": "Nguyễn Văn Sơn", "titles": ["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]}])
    predicted = extraction(officials=[{"name": "Nguyễn Văn Sơn", "titles": ["Bí thư Tỉnh ủy"]}])
    score = score_article(gold, predicted)
    assert score.components["events"].f1 is None and score.components["directives"].f1 is None
    assert score.overall == pytest.approx((1.0 + 2 / 3) / 2)


def test_an_invented_item_where_gold_has_none_scores_zero_not_n_a():
    predicted = extraction(directives=[directive()])
    directives = score_article(extraction(), predicted).components["directives"]
    assert (directives.precision, directives.recall, directives.f1) == (0.0, 0.0, 0.0)


def test_no_grounding_rate_when_nothing_was_extracted():
    assert score_article(extraction(), extraction(), text="Sáng 13/12, HĐND tỉnh họp.").to_dict()["grounding"]["rate"] is None


def test_a_swapped_issuer_leaves_the_directive_unmatched():
    predicted = CASE | {"directives": [directive(issuer="Phương Thị Thanh")]}
    score = score_article(CASE, predicted)
    assert score.components["directives"] == Counts(tp=0, fp=1, fn=1)
    assert score.fields["directives.issuer"] == Counts(tp=0, fp=1, fn=1)


def test_a_shortened_content_with_the_same_issuer_still_matches():
    predicted = CASE | {"directives": [directive(content="khẩn trương chỉ đạo Nhân dân thu hoạch cây trồng vụ Đông, vệ sinh đồng ruộng")]}
    assert score_article(CASE, predicted).components["directives"] == Counts(tp=1)


def test_a_different_request_by_the_same_issuer_does_not_match():
    predicted = CASE | {"directives": [directive(content="chú trọng phòng, chống hạn hán cho đàn vật nuôi")]}
    assert score_article(CASE, predicted).components["directives"] == Counts(fp=1, fn=1)


def test_tone_mark_placement_does_not_matter_in_titles():
    gold = extraction(officials=[{"name": "Đoàn Thị Loan", "titles": ["Uỷ viên Ban Thường vụ Tỉnh uỷ"]}])
    predicted = extraction(officials=[{"name": "Đoàn Thị Loan", "titles": ["Ủy viên Ban Thường vụ Tỉnh ủy"]}])
    assert score_article(gold, predicted).components["titles"] == Counts(tp=1)


def test_abbreviated_and_written_out_titles_match_both_ways():
    gold = extraction(officials=[{"name": "Phương Thị Thanh", "titles": ["Chủ tịch HĐND tỉnh", "Ủy viên BTV Tỉnh ủy"]}])
    predicted = extraction(
        officials=[{"name": "Phương Thị Thanh", "titles": ["Chủ tịch Hội đồng nhân dân tỉnh", "Ủy viên Ban Thường vụ Tỉnh ủy"]}]
    )
    assert score_article(gold, predicted).components["titles"] == Counts(tp=2)
    assert score_article(predicted, gold).components["titles"] == Counts(tp=2)


@pytest.mark.parametrize(
    ("short", "long"),
    [
        ("Trưởng Đoàn ĐBQH tỉnh", "Trưởng Đoàn đại biểu Quốc hội tỉnh"),
        ("Chủ tịch UBND tỉnh", "Chủ tịch Uỷ ban nhân dân tỉnh"),
        ("Ủy viên BCH Trung ương Đảng", "Ủy viên Ban Chấp hành Trung ương Đảng"),
        ("Chủ tịch Ủy ban MTTQ tỉnh", "Chủ tịch Ủy ban Mặt trận Tổ quốc tỉnh"),
        ("Ủy viên TW Đảng", "Ủy viên Trung ương Đảng"),
    ],
)
def test_common_abbreviations_share_a_key_with_their_expansion(short, long):
    assert title_key(short) == title_key(long)


@pytest.mark.parametrize(
    ("labelled", "predicted"),
    [
        ("Chủ tịch HĐND tỉnh khóa VIII", "Chủ tịch HĐND tỉnh"),
        ("Phó Bí thư Tỉnh ủy Quảng Ninh, nhiệm kỳ 2020-2025", "Phó Bí thư Tỉnh ủy Quảng Ninh"),
        ("Bí thư Huyện ủy - NK 2016-2021", "Bí thư Huyện ủy"),
        ("đại biểu Hội đồng nhân dân (HĐND) huyện khóa XII, nhiệm kỳ 2021 - 2026", "đại biểu Hội đồng nhân dân (HĐND) huyện"),
        ("Phó Chủ tịch HĐND thành phố khóa XX tái cử Phó Chủ tịch HĐND thành phố khóa XXI", "Phó Chủ tịch HĐND thành phố"),
        ("Chủ tịch UBND tỉnh (nhiệm kỳ 2021 – 2026)", "Chủ tịch Uỷ ban nhân dân tỉnh khoá 16"),
    ],
)
def test_titles_are_compared_without_the_bodys_term_written_after_them(labelled, predicted):
    gold = extraction(officials=[{"name": "Trần Phượng", "titles": [labelled]}])
    prediction = extraction(officials=[{"name": "Trần Phượng", "titles": [predicted]}])
    assert score_article(gold, prediction).components["titles"] == Counts(tp=1)


def test_a_title_that_only_names_a_word_like_khoa_keeps_it():
    assert without_term("Trưởng Khoa Nội") == "Trưởng Khoa Nội"
    assert without_term("Ủy viên Ban Khoa học") == "Ủy viên Ban Khoa học"


def test_one_post_written_with_two_terms_is_one_title():
    gold = extraction(officials=[{"name": "Trần Phượng", "titles": ["Phó Chủ tịch HĐND thành phố"]}])
    prediction = extraction(
        officials=[{"name": "Trần Phượng", "titles": ["Phó Chủ tịch HĐND thành phố khóa XX", "Phó Chủ tịch HĐND thành phố khóa XXI"]}]
    )
    assert score_article(gold, prediction).components["titles"] == Counts(tp=1)


def test_an_ordinary_lower_case_syllable_is_not_taken_for_an_abbreviation():
    assert title_key("tu sửa trụ sở") != title_key("Trung ương sửa trụ sở")


def test_a_typo_in_a_name_is_a_miss_and_a_false_alarm():
    gold = extraction(officials=[{"name": "Nguyễn Văn Hùng", "titles": ["Chủ tịch UBND huyện"]}])
    predicted = extraction(officials=[{"name": "Nguyễn Văn Hưng", "titles": ["Chủ tịch UBND huyện"]}])
    score = score_article(gold, predicted)
    assert score.components["officials"] == Counts(fp=1, fn=1)
    assert score.components["titles"] == Counts(fp=1, fn=1)
    assert score.details["officials"]["missed"] == ["Nguyễn Văn Hùng"]
    assert score.details["officials"]["false_alarms"] == ["Nguyễn Văn Hưng"]


def test_an_extra_predicted_event_lowers_precision_only():
    predicted = CASE | {"events": [session(), {"kind": "meeting", "organ": "UBND", "level": "tỉnh"}]}
    events = score_article(CASE, predicted).components["events"]
    assert events.recall == 1.0
    assert events.precision < 1.0
    assert events.fp == 3


def test_events_alignment_picks_the_best_one_to_one_pairing():
    first = session(session_number=20, start_date="2024-12-12", end_date="2024-12-13")
    second = {"kind": "meeting", "organ": "UBND", "level": "tỉnh", "locality": "Bắc Kạn", "start_date": "2024-12-20",
              "end_date": "2024-12-20", "chairs": ["Nguyễn Đăng Bình"]}
    gold = extraction(events=[first, second])
    predicted = extraction(events=[second, first | {"resolutions_passed": 13}])
    score = score_article(gold, predicted)
    pairs = {(a["gold"], a["predicted"]) for a in score.details["events"]}
    assert pairs == {(0, 1), (1, 0)}
    assert score.fields["events.resolutions_passed"] == Counts(fp=1, fn=1)
    assert score.fields["events.start_date"] == Counts(tp=2)


def test_a_wrong_event_field_is_both_a_false_alarm_and_a_miss_and_a_null_one_only_a_miss():
    predicted = CASE | {"events": [session(term=11, resolutions_passed=None)]}
    score = score_article(CASE, predicted)
    assert score.fields["events.term"] == Counts(fp=1, fn=1)
    assert score.fields["events.resolutions_passed"] == Counts(fn=1)


def test_organ_and_locality_compare_by_key():
    predicted = CASE | {"events": [session(organ="Hội đồng nhân dân", locality="bắc kạn")]}
    score = score_article(CASE, predicted)
    assert score.fields["events.organ"] == Counts(tp=1)
    assert score.fields["events.locality"] == Counts(tp=1)


def test_chairs_count_per_name():
    predicted = CASE | {"events": [session(chairs=["Phương Thị Thanh", "Trần Thị Lộc"])]}
    assert score_article(CASE, predicted).fields["events.chairs"] == Counts(tp=1, fp=1)


def test_addressees_and_deadline_are_compared_on_matched_directives():
    gold = CASE | {"directives": [directive(addressees=["UBND tỉnh", "các sở, ngành"], deadline="2025-03-10")]}
    predicted = CASE | {"directives": [directive(addressees=["Ủy ban nhân dân tỉnh"], deadline="2025-03-01")]}
    score = score_article(gold, predicted)
    assert score.fields["directives.addressees"] == Counts(tp=1, fn=1)
    assert score.fields["directives.deadline"] == Counts(fp=1, fn=1)


def test_content_similarity_is_token_f1_of_keys():
    assert content_similarity("Rà soát nhà tạm", "rà soát nhà tạm") == 1.0
    assert content_similarity("rà soát nhà tạm", "rà soát") == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_corpus_scores_are_micro_averaged_over_articles():
    full = score_article(CASE, CASE)
    empty = score_article(CASE, extraction())
    corpus = score_corpus([full, empty])
    assert corpus.components["officials"] == Counts(tp=2, fn=2)
    assert corpus.components["officials"].f1 == pytest.approx(2 / 3)
    assert [a.overall for a in corpus.articles] == [1.0, 0.0]


def test_grounding_counts_names_titles_and_contents_found_in_the_text():
    text = "Chủ tịch HĐND tỉnh Phương Thị Thanh đề nghị các đại biểu nghiên cứu kỹ các tờ trình."
    predicted = extraction(
        officials=[{"name": "Phương Thị Thanh", "titles": ["Chủ tịch HĐND tỉnh"]}, {"name": "Lê Văn Bịa", "titles": []}],
        directives=[directive(issuer="Phương Thị Thanh", content="nghiên cứu kỹ các tờ trình")],
    )
    assert score_article(extraction(), predicted, text=text).grounding == (3, 4)


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem)
def test_each_gold_file_scored_against_itself_is_perfect(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (ARTICLES / f"{path.stem}.txt").read_text(encoding="utf-8")
    score = score_article(gold, gold, text=text)
    assert set(f1s(score).values()) <= {1.0, None} and score.overall == 1.0
    assert all(c.f1 == 1.0 for c in score.fields.values() if not c.empty)


def test_scores_serialise_with_precision_recall_f1_and_counts():
    data = score_corpus([score_article(CASE, CASE)]).to_dict()
    assert set(data) >= {"overall", "components", "fields", "grounding", "articles"}
    assert set(data["components"]["officials"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}


def brute_force_best(weights) -> float:
    rows, cols = len(weights), len(weights[0])
    if rows <= cols:
        return max(sum(weights[i][j] for i, j in enumerate(perm)) for perm in itertools.permutations(range(cols), rows))
    return max(sum(weights[i][j] for j, i in enumerate(perm)) for perm in itertools.permutations(range(rows), cols))


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 5).flatmap(
        lambda rows: st.integers(1, 5).flatmap(
            lambda cols: st.lists(st.lists(st.integers(0, 9), min_size=cols, max_size=cols), min_size=rows, max_size=rows)
        )
    )
)
def test_assignment_is_optimal_and_one_to_one(weights):
    pairs = max_weight_matching(weights)
    assert len({i for i, _ in pairs}) == len(pairs) == len({j for _, j in pairs})
    assert sum(weights[i][j] for i, j in pairs) == brute_force_best(weights)
