"""Baseline comparisons normalise text the way scoring does: writing the same item with a non-breaking
space, the other tone-mark placement (``Uỷ``/``Ủy``) or decomposed letters is not a lost item plus a
new false alarm."""

from __future__ import annotations

import unicodedata

from summarizer.evaluation.compare import compare_runs

from .test_eval_command import drop_last_official, runs_dir, saved_run, unchanged  # noqa: F401


def respell(text: str) -> str:
    return unicodedata.normalize("NFD", text.replace("Ủy", "Uỷ").replace("ủy", "uỷ").replace(" ", "\u00a0"))


def respelled(data: dict) -> dict:
    """The same officials and directives written as another tool writes them: old tone placement, NBSP, NFD."""
    officials = [{**o, "name": respell(o["name"]), "titles": [respell(t) for t in o["titles"]]} for o in data["officials"]]
    directives = [{**d, "issuer": respell(d["issuer"]), "content": respell(d["content"])} for d in data["directives"]]
    return data | {"officials": officials, "directives": directives}


def with_extra_official(data: dict) -> dict:
    extra = {"name": "Trần Văn Bịa", "titles": ["Phó Chủ tịch UBND tỉnh"]}
    return data | {"officials": [*data["officials"], extra]}


def changes(baseline: dict, current: dict) -> list[dict]:
    return compare_runs(baseline, current).to_dict()["articles"]


def test_the_same_items_respelled_are_neither_gained_nor_lost(runs_dir):  # noqa: F811
    baseline = saved_run(runs_dir, drop_last_official)
    current = saved_run(runs_dir, lambda d: respelled(drop_last_official(d)))
    assert changes(baseline, current) == []


def test_a_false_alarm_respelled_is_neither_new_nor_fixed(runs_dir):  # noqa: F811
    baseline = saved_run(runs_dir, with_extra_official)
    current = saved_run(runs_dir, lambda d: respelled(with_extra_official(d)))
    assert changes(baseline, current) == []


def test_a_real_change_is_still_reported_in_the_current_runs_own_spelling(runs_dir):  # noqa: F811
    baseline = saved_run(runs_dir, drop_last_official)
    current = saved_run(runs_dir, lambda d: respelled(with_extra_official(d)))
    reported = {c["id"]: c for c in changes(baseline, current)}
    seed = reported["000_3d921e2792699054"]
    assert seed["gained"]["officials"] == ["Nguyễn Mạnh Hiếu"]
    assert seed["new_false_alarms"]["officials"] == [unicodedata.normalize("NFD", "Trần\u00a0Văn\u00a0Bịa")]
    assert "lost" not in seed or not seed["lost"]


def test_identical_runs_report_no_article_changes(runs_dir):  # noqa: F811
    run = saved_run(runs_dir, unchanged)
    assert changes(run, run) == []
