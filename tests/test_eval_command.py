"""``summarizer eval``: JSON shape, run records, baseline comparison and gates.

The backend is a stand-in that answers with each article's gold label (optionally degraded), so
these tests specify the harness, not the quality of any real backend.
"""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import ExitStatus

EXIT_GATE = ExitStatus.GATE
from summarizer.errors import BackendError
from summarizer.commands.evaluate import score_predictions
from summarizer.evaluation.compare import compare_runs
from summarizer.evaluation.goldset import files_hash, gold_files, load_gold_set
from summarizer.evaluation.runs import build_record, save_record
from summarizer.schemas import ArticleExtraction

from .conftest import ARTICLES, GOLD

PROVENANCE = {
    "backend": "llm",
    "model": "test-model",
    "prompt": "extract/v9",
    "prompt_hash": "0123abcd",
    "tokens_in": 1000,
    "tokens_out": 200,
    "cost_usd": 0.01,
    "cached": False,
}


def unchanged(data: dict) -> dict:
    return data


def drop_last_official(data: dict) -> dict:
    return data | {"officials": data["officials"][:-1]}


class GoldBackend:
    """Answers with the article's gold label after ``change``: a model whose quality the test decides."""

    name = "llm"

    def __init__(self, gold_dir: Path, change: Callable[[dict], dict] = unchanged, fail_on: str | None = None) -> None:
        self.gold_dir = gold_dir
        self.change = change
        self.fail_on = fail_on

    def extract(self, article):
        if article.id == self.fail_on:
            raise BackendError("the model returned nothing usable", article.id)
        data = json.loads((self.gold_dir / f"{article.id}.json").read_text(encoding="utf-8"))
        return ArticleExtraction.model_validate(self.change(copy.deepcopy(data)) | {"provenance": PROVENANCE})


@pytest.fixture
def runs_dir(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "runs"
    monkeypatch.setenv("SUMMARIZER_RUNS_DIR", str(path))
    return path


@pytest.fixture
def use_backend(monkeypatch):
    """Make ``eval`` use a GoldBackend (over the project's gold unless told otherwise)."""

    def install(change: Callable[[dict], dict] = unchanged, gold_dir: Path = GOLD, fail_on: str | None = None) -> None:
        backend = GoldBackend(gold_dir, change, fail_on)
        monkeypatch.setattr("summarizer.backends.configuration.BackendConfig.build", lambda self: backend)

    return install


def run_eval(*args: str):
    return CliRunner().invoke(app, ["eval", "--articles", str(ARTICLES), "--gold", str(GOLD), *args])


def saved_run(runs_dir: Path, change: Callable[[dict], dict], gold_hash: str | None = None) -> dict:
    """A run record built by the scorer from gold-derived predictions, saved like a real run."""
    items, _ = load_gold_set(ARTICLES, GOLD)
    predictions = {
        item.stem: ArticleExtraction.model_validate(change(item.gold.model_dump(mode="json"))) for item in items
    }
    record = build_record(
        scores=score_predictions(items, predictions, {}),
        predictions=predictions,
        backend="llm",
        model="test-model",
        prompt="extract/v1",
        mode=None,
        gold_hash=gold_hash or files_hash(gold_files(GOLD)),
        articles_hash=files_hash(item.article_path for item in items),
    )
    save_record(record, runs_dir)
    return record


def test_json_output_has_overall_components_fields_articles_grounding_and_run(runs_dir, use_backend):
    use_backend()
    result = run_eval("--json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["overall"] == 1.0
    assert set(data["components"]) == {"events", "officials", "titles", "directives", "decisions"}
    assert set(data["components"]["titles"]) == {"precision", "recall", "f1", "tp", "fp", "fn"}
    assert data["fields"]["events.start_date"]["f1"] == 1.0
    assert [a["id"] for a in data["articles"]] == sorted(p.stem for p in GOLD.glob("*.json"))
    assert data["grounding"]["rate"] == 1.0
    assert Path(data["run"]["path"]).parent == runs_dir


def test_the_run_record_keeps_predictions_provenance_usage_and_set_hashes(runs_dir, use_backend):
    use_backend(drop_last_official)
    result = run_eval("--json")
    record = json.loads(Path(json.loads(result.stdout)["run"]["path"]).read_text(encoding="utf-8"))
    assert record["id"] == json.loads(result.stdout)["run"]["id"]
    assert (record["model"], record["prompt"], record["prompt_hash"]) == ("test-model", "extract/v9", "0123abcd")
    assert record["usage"]["tokens_in"] == 5 * 1000 and record["usage"]["cost_usd"] == pytest.approx(0.05)
    assert record["gold_hash"] == files_hash(gold_files(GOLD))
    assert len(record["predictions"]) == 5 and record["articles_hash"]
    assert record["scores"]["components"]["officials"]["fn"] == 5


def test_scoring_is_deterministic_across_runs(runs_dir, use_backend):
    use_backend(drop_last_official)
    first, second = (json.loads(run_eval("--json").stdout) for _ in range(2))
    assert first.pop("run") and second.pop("run")
    assert first == second


def test_the_table_shows_components_and_the_overall_score(runs_dir, use_backend):
    use_backend(drop_last_official)
    result = run_eval()
    assert result.exit_code == 0
    assert "officials" in result.stdout and "overall F1" in result.stdout and "events.start_date" in result.stdout


def test_a_drop_beyond_max_drop_against_a_saved_baseline_exits_with_the_gate_status(runs_dir, use_backend):
    baseline = saved_run(runs_dir, unchanged)
    use_backend(drop_last_official)
    result = run_eval("--baseline", baseline["id"], "--max-drop", "0.02")
    assert result.exit_code == EXIT_GATE
    assert "officials F1 dropped" in result.stderr
    assert "lost (officials): Nguyễn Mạnh Hiếu" in result.stdout


def test_a_baseline_comparison_reports_gains_with_a_paired_bootstrap_interval(runs_dir, use_backend):
    baseline = saved_run(runs_dir, drop_last_official)
    use_backend()
    result = run_eval("--baseline", str(runs_dir / f"{baseline['id']}.json"), "--json")
    assert result.exit_code == 0, result.stderr
    comparison = json.loads(result.stdout)["comparison"]
    officials = comparison["metrics"]["officials"]
    assert officials["delta"] > 0 and officials["ci95"][0] <= officials["delta"] <= officials["ci95"][1]
    gained = {a["id"]: a["gained"] for a in comparison["articles"]}
    assert gained["000_3d921e2792699054"]["officials"] == ["Nguyễn Mạnh Hiếu"]


def test_a_prompt_version_as_baseline_is_run_now_with_the_same_backend_and_saved(runs_dir, use_backend):
    use_backend()
    result = run_eval("--backend", "llm", "--model", "test-model", "--baseline", "extract/v1", "--json")
    assert result.exit_code == 0, result.stderr
    assert len(list(runs_dir.glob("*.json"))) == 2
    assert json.loads(result.stdout)["comparison"]["metrics"]["overall"]["delta"] == 0


def test_a_prompt_version_as_baseline_of_the_rule_backend_is_a_usage_error(runs_dir, use_backend):
    use_backend()
    result = run_eval("--backend", "regex", "--baseline", "extract/v1")
    assert result.exit_code == 2 and "prompts only apply to the llm backend" in result.stderr


def test_latest_names_the_most_recent_saved_run(runs_dir, use_backend):
    use_backend(drop_last_official)
    previous = json.loads(run_eval("--json").stdout)["run"]["id"]
    use_backend()
    comparison = json.loads(run_eval("--baseline", "latest", "--json").stdout)["comparison"]
    assert comparison["baseline"]["id"] == previous


def test_a_baseline_scored_on_another_gold_set_is_refused(runs_dir, use_backend):
    other = saved_run(runs_dir, unchanged, gold_hash="feedfacecafebeef")
    use_backend()
    result = run_eval("--baseline", other["id"])
    assert result.exit_code == 2
    assert "different gold set" in result.stderr


def test_an_unknown_baseline_is_a_clear_error(runs_dir, use_backend):
    use_backend()
    result = run_eval("--baseline", "no-such-run")
    assert result.exit_code == 2 and "no run record 'no-such-run'" in result.stderr


def test_fail_under_exits_with_the_gate_status_and_says_why(runs_dir, use_backend):
    use_backend(drop_last_official)
    result = run_eval("--fail-under", "0.99")
    assert result.exit_code == EXIT_GATE
    assert "below --fail-under 0.990" in result.stderr


def test_fail_under_passes_when_overall_reaches_it(runs_dir, use_backend):
    use_backend()
    assert run_eval("--fail-under", "0.99").exit_code == 0


def test_an_article_without_gold_is_reported_and_the_rest_are_scored(tmp_path, runs_dir, use_backend):
    articles = tmp_path / "articles"
    shutil.copytree(ARTICLES, articles)
    (articles / "999_unlabelled.txt").write_text("Sáng 13/12, HĐND tỉnh khai mạc kỳ họp thứ 20.", encoding="utf-8")
    use_backend()
    result = CliRunner().invoke(app, ["eval", "--articles", str(articles), "--gold", str(GOLD), "--json"])
    assert result.exit_code == 0
    assert "999_unlabelled.txt: no gold file" in result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 5


def test_a_backend_failure_scores_that_article_as_empty_and_goes_on(runs_dir, use_backend):
    use_backend(fail_on="000_3d921e2792699054")
    result = run_eval("--json")
    assert result.exit_code == 0
    assert "the model returned nothing usable" in result.stderr
    articles = {a["id"]: a for a in json.loads(result.stdout)["articles"]}
    assert articles["000_3d921e2792699054"]["overall"] == 0.0 and "error" in articles["000_3d921e2792699054"]
    assert articles["001_27897bcfdda26760"]["overall"] == 1.0


def test_a_report_with_another_extension_is_a_usage_error(runs_dir, use_backend, tmp_path):
    use_backend()
    result = run_eval("--report", str(tmp_path / "report.pdf"))
    assert result.exit_code == 2 and ".md or .html" in result.stderr


def test_identical_runs_compare_with_a_zero_difference_and_a_zero_interval(runs_dir):
    run = saved_run(runs_dir, drop_last_official)
    comparison = compare_runs(run, run)
    counted = {name: m for name, m in comparison.metrics.items() if m.baseline is not None}
    assert all(m.delta == 0 and (m.low, m.high) == (0, 0) for m in counted.values())
    assert comparison.metrics["decisions"].delta is None  # the seeds label no decisions: nothing to compare
    assert comparison.drops(0.0) == []


def test_several_articles_at_once_give_the_same_run_in_the_same_order(runs_dir, use_backend):
    use_backend(drop_last_official)
    one, four = (
        json.loads(run_eval("--backend", "llm", "--model", "test-model", "--jobs", jobs, "--json").stdout) for jobs in ("1", "4")
    )
    assert [a["id"] for a in four["articles"]] == [a["id"] for a in one["articles"]]
    assert four["components"] == one["components"]
