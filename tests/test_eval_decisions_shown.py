"""How the eval shows decisions and purpose: its own component row (outside the overall), reports that
name missed decisions, comparisons that list them, and records made before decisions were scored.

The gold set is one adjudicated article that labels decisions (106, an HĐND session relieving and
electing a Phó Chủ tịch) and one seed that does not (003); the backend answers the gold, minus the
election when told.
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.evaluation.compare import compare_runs
from summarizer.evaluation.matrix import Cell

from .conftest import EVALS
from .test_eval_command import runs_dir, use_backend  # noqa: F401

LABELLED = "106_7b911efa805a15f1"
ELECTION = "bầu bổ sung chức danh Phó Chủ tịch HĐND tỉnh Đắk Lắk khóa X, nhiệm kỳ 2021-2026 đối với ông Từ Thái Giang"


def without_the_election(data: dict) -> dict:
    events = [e | {"decisions": [d for d in e["decisions"] if d["kind"] != "election"]} if "decisions" in e else e for e in data["events"]]
    return data | {"events": events}


@pytest.fixture
def evalset(tmp_path) -> tuple[Path, Path]:
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    for stem in (LABELLED, *(p.stem for p in (EVALS / "gold").glob("003_*.json"))):
        shutil.copy(EVALS / "articles" / f"{stem}.txt", articles)
        shutil.copy(EVALS / "gold" / f"{stem}.json", gold)
    return articles, gold


def run(evalset: tuple[Path, Path], *args: str):
    articles, gold = evalset
    return CliRunner().invoke(app, ["eval", "--articles", str(articles), "--gold", str(gold), *args])


def report(evalset: tuple[Path, Path], path: Path) -> str:
    """The report ``eval --report path`` writes (.md or .html)."""
    assert run(evalset, "--report", str(path)).exit_code == 0
    return path.read_text(encoding="utf-8")


def test_decisions_are_a_component_of_their_own_outside_the_overall(evalset, runs_dir, use_backend):  # noqa: F811
    use_backend(without_the_election, gold_dir=evalset[1])
    data = json.loads(run(evalset, "--json").stdout)
    assert data["components"]["decisions"] | {"precision": None, "recall": None, "f1": None} == {
        "precision": None, "recall": None, "f1": None, "tp": 2, "fp": 0, "fn": 1,
    }
    assert data["overall"] == 1.0
    assert data["fields"]["events.purpose"]["tp"] == 0 and data["fields"]["events.purpose"]["fp"] == 0  # 106: null purpose


def test_an_article_whose_gold_does_not_label_decisions_shows_n_a_for_them(evalset, runs_dir, use_backend):  # noqa: F811
    use_backend(gold_dir=evalset[1])
    data = json.loads(run(evalset, "--json").stdout)
    seed = next(a for a in data["articles"] if a["id"].startswith("003"))
    assert seed["components"]["decisions"]["f1"] is None
    assert seed["fields"]["events.purpose"]["f1"] is None


def test_the_table_has_a_decisions_row_and_says_what_the_overall_is(evalset, runs_dir, use_backend):  # noqa: F811
    use_backend(without_the_election, gold_dir=evalset[1])
    result = run(evalset)
    assert result.exit_code == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("│ decisions"))
    assert "0.800" in row  # P 1, R 2/3
    assert "Overall F1 is the mean of events, officials, titles and directives" in result.stdout


def test_the_markdown_report_names_the_missed_decision(evalset, runs_dir, use_backend, tmp_path):  # noqa: F811
    use_backend(without_the_election, gold_dir=evalset[1])
    text = report(evalset, tmp_path / "eval.md")
    assert "| decisions | 1.000 | 0.667 | 0.800 | 2 | 0 | 1 |" in text
    assert "| article | overall | events | officials | titles | directives | decisions | grounding |" in text
    assert f"- missed decision (election): {ELECTION}" in text


def test_the_html_report_marks_the_missed_decision_beside_the_found_ones(evalset, runs_dir, use_backend, tmp_path):  # noqa: F811
    use_backend(without_the_election, gold_dir=evalset[1])
    page = report(evalset, tmp_path / "eval.html")
    assert f'<div class="miss">decision: election: {ELECTION} (Từ Thái Giang, Phó Chủ tịch HĐND tỉnh Đắk Lắk)</div>' in page
    assert '<div class="same">decision: relief: miễn nhiệm chức danh Phó Chủ tịch HĐND tỉnh Đắk Lắk' in page
    assert f'<mark class="miss" title="decision (election) missed">{ELECTION}</mark>' in page


def test_a_comparison_lists_the_decision_lost(evalset, runs_dir, use_backend):  # noqa: F811
    use_backend(gold_dir=evalset[1])
    first = json.loads(run(evalset, "--json").stdout)["run"]["id"]
    use_backend(without_the_election, gold_dir=evalset[1])
    comparison = json.loads(run(evalset, "--baseline", first, "--json").stdout)["comparison"]
    assert comparison["metrics"]["decisions"]["delta"] == pytest.approx(0.8 - 1.0)
    (change,) = comparison["articles"]
    assert change["lost"] == {"decisions": [f"election: {ELECTION}"]}


def older(record: dict) -> dict:
    """The record as the scorer wrote it before decisions and purpose were scored."""
    old = copy.deepcopy(record)
    for scores in (old["scores"], *old["scores"]["articles"]):
        del scores["components"]["decisions"]
        del scores["fields"]["events.purpose"]
    for article in old["scores"]["articles"]:
        del article["details"]["decisions"]
    return old


def test_a_record_from_before_decisions_compares_with_no_difference_for_them(evalset, runs_dir, use_backend):  # noqa: F811
    use_backend(gold_dir=evalset[1])
    record = json.loads(Path(json.loads(run(evalset, "--json").stdout)["run"]["path"]).read_text(encoding="utf-8"))
    comparison = compare_runs(older(record), record)
    assert "decisions" not in comparison.metrics and "events.purpose" not in comparison.metrics
    assert comparison.metrics["overall"].delta == 0
    assert all(change.empty for change in comparison.articles)


def test_a_matrix_cell_of_records_from_before_decisions_has_no_figure_for_them(evalset, runs_dir, use_backend):  # noqa: F811
    use_backend(gold_dir=evalset[1])
    record = json.loads(Path(json.loads(run(evalset, "--json").stdout)["run"]["path"]).read_text(encoding="utf-8"))
    summary = Cell("extract/v1", "gpt-4o-mini", [older(record)]).summary()
    assert summary["components"]["decisions"]["mean"] is None
    assert summary["components"]["officials"]["mean"] == 1.0


def test_the_markdown_report_names_a_purpose_the_gold_does_not_give(evalset, runs_dir, use_backend, tmp_path):  # noqa: F811
    def with_a_purpose(data: dict) -> dict:
        events = [e | {"purpose": "bầu bổ sung chức danh"} if "purpose" in e else e for e in data["events"]]
        return data | {"events": events}

    use_backend(with_a_purpose, gold_dir=evalset[1])
    text = report(evalset, tmp_path / "eval.md")
    assert "| events.purpose | 0.000 | 0.000 | 0.000 | 0 | 1 | 0 |" in text
    assert ": purpose is bầu bổ sung chức danh, gold null" in text
