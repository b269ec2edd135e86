"""A comparison names both sides by backend, model, prompt version and date, and is not trusted when
either side holds articles its backend did not answer itself (a fallback's answer or an error record).

``summarizer eval --backend llm`` never lets the rules answer for the model: an article the model
fails is scored as a miss and listed (run against the project's fake OpenAI-compatible server).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import ExitStatus

from .conftest import ARTICLES, GOLD
from .test_eval_command import run_eval, runs_dir, saved_run, unchanged, use_backend  # noqa: F401

FIRST_SEED = "000_3d921e2792699054"


def rules_answered_the_first_seed(data: dict) -> dict:
    """The first seed as a run with fallback ``rules`` records it: the model failed, the rules answered."""
    if data["article_id"] != FIRST_SEED:
        return data
    provenance = {"backend": "llm→regex", "model": "test-model", "fallback_reason": "the answer was not valid JSON"}
    return data | {"officials": data["officials"][:1], "provenance": provenance}


def test_the_json_comparison_names_each_side_by_backend_model_prompt_and_date(runs_dir, use_backend):  # noqa: F811
    baseline = saved_run(runs_dir, unchanged)
    use_backend()
    comparison = json.loads(run_eval("--baseline", baseline["id"], "--json").stdout)["comparison"]
    base, current = comparison["baseline"], comparison["current"]
    assert (base["backend"], base["model"], base["prompt"]) == ("llm", "test-model", "extract/v1")
    assert (current["backend"], current["model"], current["prompt"]) == ("llm", "test-model", "extract/v9")
    assert base["date"] == baseline["created"] and base["id"] == baseline["id"]
    assert base["label"].startswith("llm · test-model · extract/v1, ") and base["label"].endswith(f"(run {baseline['id']})")
    assert comparison["problems"] == []


def test_the_table_names_both_sides_not_only_their_run_ids(runs_dir, use_backend):  # noqa: F811
    baseline = saved_run(runs_dir, unchanged)
    use_backend()
    result = run_eval("--baseline", baseline["id"])
    assert re.search(r"baseline llm · test-model · extract/v1, \d{4}-\d\d-\d\d \d\d:\d\d UTC", result.stdout)
    assert re.search(r"current\s+llm · test-model · extract/v9, ", result.stdout)


def test_a_baseline_holding_a_fallen_back_article_says_so_and_fails_the_gate(runs_dir, use_backend):  # noqa: F811
    baseline = saved_run(runs_dir, rules_answered_the_first_seed)
    use_backend()
    result = run_eval("--baseline", baseline["id"], "--json")
    assert result.exit_code == ExitStatus.GATE
    comparison = json.loads(result.stdout)["comparison"]
    assert comparison["baseline"]["fallen_back"] == [FIRST_SEED]
    assert "answered by a fallback after its backend failed: " + FIRST_SEED in result.stderr


def test_a_current_run_holding_an_error_record_says_so_and_fails_the_gate(runs_dir, use_backend):  # noqa: F811
    baseline = saved_run(runs_dir, unchanged)
    use_backend(fail_on=FIRST_SEED)
    result = run_eval("--baseline", baseline["id"], "--max-drop", "1")
    assert result.exit_code == ExitStatus.GATE
    assert f"holds 1 article(s) its backend failed (scored as misses): {FIRST_SEED}" in result.stderr
    assert "not a comparison of the named backends" in result.stdout


def eval_llm(fake, *args: str):
    return CliRunner().invoke(
        app,
        [
            "eval", "--articles", str(ARTICLES), "--gold", str(GOLD), "--backend", "llm", "--model", "gpt-4o-mini",
            "--base-url", fake.base_url, "-O", "retry_base_delay=0.001", "--json", *args,
        ],
    )


def test_an_llm_eval_scores_an_article_the_model_failed_as_a_miss_and_never_asks_the_rules(runs_dir, fake):  # noqa: F811
    fake.script("invalid", "invalid", "invalid")  # the first request and both re-asks: no usable answer
    result = eval_llm(fake)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    failed = [a for a in data["articles"] if a.get("error")]
    assert len(failed) == 1 and failed[0]["components"]["officials"]["recall"] == 0.0
    assert list(data["errors"]) == [failed[0]["id"]]
    assert f"{failed[0]['id']}" in result.stderr and "scored as a miss" in result.stderr
    record = json.loads(Path(data["run"]["path"]).read_text(encoding="utf-8"))
    assert record["usage"]["backends"] == {"llm": 4}
    assert record["predictions"][failed[0]["id"]]["officials"] == []


def test_an_llm_eval_ignores_a_fallback_policy_set_in_the_environment(runs_dir, fake, monkeypatch):  # noqa: F811
    monkeypatch.setenv("SUMMARIZER_FALLBACK", "rules")
    fake.script("invalid", "invalid", "invalid")
    data = json.loads(eval_llm(fake).stdout)
    assert len(data["errors"]) == 1
    assert all("→" not in backend for backend in json.loads(Path(data["run"]["path"]).read_text())["usage"]["backends"])
