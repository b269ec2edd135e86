"""``summarizer eval --predictions DIR``: a folder of extraction files (another labeller's, another
system's) scored against the gold without running a backend; and the agreement figure reproduced
from the labels kept in ``evals/agreement/``."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

from .conftest import ARTICLES, EVALS, GOLD
from .test_eval_command import runs_dir  # noqa: F401

FIRST_SEED = "000_3d921e2792699054"


@pytest.fixture
def labels(tmp_path) -> Path:
    """A second labeller's folder: the seeds' gold, copied."""
    folder = tmp_path / "labels"
    shutil.copytree(GOLD, folder)
    return folder


@pytest.fixture(autouse=True)
def no_backend_runs(monkeypatch):
    def refuse(self):
        raise AssertionError("scoring prediction files must not build a backend")

    monkeypatch.setattr("summarizer.backends.configuration.BackendConfig.build", refuse)


def score(labels: Path, *args: str):
    return CliRunner().invoke(
        app, ["eval", "--articles", str(ARTICLES), "--gold", str(GOLD), "--predictions", str(labels), "--json", *args]
    )


def test_labels_equal_to_the_gold_score_one_and_the_run_names_its_source(labels, runs_dir):  # noqa: F811
    result = score(labels)
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["overall"] == 1.0 and len(data["articles"]) == 5
    assert (data["run"]["backend"], data["run"]["source"]) == ("files", str(labels))


def test_a_removed_official_is_a_miss_of_the_labels(labels, runs_dir):  # noqa: F811
    path = labels / f"{FIRST_SEED}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["officials"] = data["officials"][:-1]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    articles = {a["id"]: a for a in json.loads(score(labels).stdout)["articles"]}
    assert articles[FIRST_SEED]["details"]["officials"]["missed"] == ["Nguyễn Mạnh Hiếu"]


def test_a_gold_article_without_a_file_is_scored_as_a_miss_and_named(labels, runs_dir):  # noqa: F811
    (labels / f"{FIRST_SEED}.json").unlink()
    result = score(labels)
    data = json.loads(result.stdout)
    assert data["errors"] == {FIRST_SEED: f"no prediction file {FIRST_SEED}.json in {labels}"}
    assert {a["id"]: a["overall"] for a in data["articles"]}[FIRST_SEED] == 0.0
    assert "scored as a miss" in result.stderr


def test_a_file_that_is_not_the_contract_is_a_miss_with_its_reason(labels, runs_dir):  # noqa: F811
    (labels / f"{FIRST_SEED}.json").write_text('{"events": [{"kind": "tiệc"}]}', encoding="utf-8")
    data = json.loads(score(labels).stdout)
    assert "does not follow the contract at events.0.kind" in data["errors"][FIRST_SEED]


def test_a_file_without_a_gold_article_is_left_out_and_said(labels, runs_dir):  # noqa: F811
    (labels / "999_unlabelled.json").write_text('{"events": []}', encoding="utf-8")
    result = score(labels)
    assert len(json.loads(result.stdout)["articles"]) == 5
    assert "have no gold article and are left out: 999_unlabelled" in result.stderr


def test_backend_options_with_prediction_files_are_a_usage_error(labels, runs_dir):  # noqa: F811
    result = score(labels, "--model", "gpt-4o-mini")
    assert result.exit_code == 2 and "drop --model" in result.stderr


def test_a_saved_run_compares_with_prediction_files(labels, runs_dir):  # noqa: F811
    first = json.loads(score(labels).stdout)["run"]["id"]
    comparison = json.loads(score(labels, "--baseline", first).stdout)["comparison"]
    assert comparison["baseline"]["label"].startswith(f"files · from {labels}, ")
    assert comparison["metrics"]["overall"]["delta"] == 0


AGREEMENT = EVALS / "agreement"


def test_the_agreement_folders_hold_the_same_twenty_articles_of_the_evaluation_set():
    first = sorted(p.name for p in (AGREEMENT / "first").glob("*.json"))
    second = sorted(p.name for p in (AGREEMENT / "second").glob("*.json"))
    assert first == second and len(first) == 20
    assert all((EVALS / "articles" / f"{Path(name).stem}.txt").is_file() for name in first)


def test_the_agreement_figure_is_reproduced_by_one_command(runs_dir):  # noqa: F811
    result = CliRunner().invoke(
        app, ["eval", "--predictions", str(AGREEMENT / "second"), "--gold", str(AGREEMENT / "first"), "--json"]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 20 and data["errors"] == {}
    assert data["components"]["officials"]["f1"] is not None
