"""``n/a``, not 1.000: a component or field with nothing in gold and nothing predicted is not a perfect score.

The gold set here is one weekly round-up that names officials and no gathering or directive, scored
by the rule backend and by a stand-in that answers the gold.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app

from .test_eval_command import runs_dir, use_backend  # noqa: F401

STEM = "500_roundup"
TEXT = (
    "Lịch công tác tuần của lãnh đạo tỉnh\n\n"
    "Đồng chí Nguyễn Văn Sơn, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh dự lễ kỷ niệm ngày thành lập ngành Kiểm sát nhân dân."
)
GOLD = {
    "article_id": STEM,
    "published": None,
    "events": [],
    "officials": [{"name": "Nguyễn Văn Sơn", "titles": ["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]}],
    "directives": [],
}


@pytest.fixture
def roundup(tmp_path) -> tuple[Path, Path]:
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    (articles / f"{STEM}.txt").write_text(TEXT, encoding="utf-8")
    (gold / f"{STEM}.json").write_text(json.dumps(GOLD, ensure_ascii=False), encoding="utf-8")
    return articles, gold


def run(roundup: tuple[Path, Path], *args: str):
    articles, gold = roundup
    return CliRunner().invoke(app, ["eval", "--articles", str(articles), "--gold", str(gold), *args])


def test_json_gives_null_for_a_component_with_nothing_to_count(roundup, runs_dir, use_backend):  # noqa: F811
    use_backend(gold_dir=roundup[1])
    data = json.loads(run(roundup, "--json").stdout)
    assert data["components"]["directives"]["f1"] is None
    assert data["components"]["events"] == {"precision": None, "recall": None, "f1": None, "tp": 0, "fp": 0, "fn": 0}
    assert data["fields"]["events.start_date"]["f1"] is None
    assert data["overall"] == 1.0  # the mean over officials and titles only


def test_the_table_shows_n_a_for_a_component_with_nothing_to_count(roundup, runs_dir, use_backend):  # noqa: F811
    use_backend(gold_dir=roundup[1])
    result = run(roundup)
    assert result.exit_code == 0, result.stderr
    directives_row = next(line for line in result.stdout.splitlines() if line.startswith("│ directives"))
    assert "n/a" in directives_row and "1.000" not in directives_row


def test_the_markdown_report_shows_n_a(roundup, runs_dir, use_backend, tmp_path):  # noqa: F811
    use_backend(gold_dir=roundup[1])
    report = tmp_path / "eval.md"
    assert run(roundup, "--report", str(report)).exit_code == 0
    assert "| directives | n/a | n/a | n/a | 0 | 0 | 0 |" in report.read_text(encoding="utf-8")


def test_a_comparison_of_two_runs_gives_no_difference_for_a_metric_neither_can_count(roundup, runs_dir, use_backend):  # noqa: F811
    use_backend(gold_dir=roundup[1])
    first = json.loads(run(roundup, "--json").stdout)["run"]["id"]
    comparison = json.loads(run(roundup, "--baseline", first, "--json").stdout)["comparison"]
    directives = comparison["metrics"]["directives"]
    assert directives == {"baseline": None, "current": None, "delta": None, "ci95": None}
    assert comparison["metrics"]["overall"]["delta"] == 0
