"""``summarizer eval`` with several ``--prompt`` and ``--model`` values and ``--repeat N``: a prompts ×
models table of F1, grounding, tokens and cost, end to end against the project's fake
OpenAI-compatible server (which answers each seed article with its gold labels)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator

import pytest
from typer.testing import CliRunner

from summarizer.backends.llm import prompts as prompt_store
from summarizer.cli import app
from summarizer.errors import ExitStatus
from summarizer.testing.fake_openai import Fault

from .conftest import ARTICLES, GOLD, ROOT
from .test_eval_command import runs_dir  # noqa: F401

SEEDS = 5
SECOND_PROMPT_LINE = "Ghi chức danh đúng như bài viết."


@pytest.fixture
def two_prompt_versions(tmp_path, monkeypatch) -> Iterator[None]:
    """extract/v1 as shipped, and an extract/v2 that adds one line to its instructions."""
    folder = tmp_path / "prompts" / "extract"
    shutil.copytree(ROOT / "prompts" / "extract", folder)
    system = (folder / "v1.system.j2").read_text(encoding="utf-8")
    (folder / "v2.system.j2").write_text(system + "\n" + SECOND_PROMPT_LINE + "\n", encoding="utf-8")
    shutil.copy(folder / "v1.user.j2", folder / "v2.user.j2")
    monkeypatch.setattr(prompt_store, "_folder", lambda task: tmp_path / "prompts" / task)
    prompt_store.load_prompt.cache_clear()
    yield
    prompt_store.load_prompt.cache_clear()


def matrix(fake, *args: str):
    return CliRunner().invoke(
        app,
        [
            "eval", "--articles", str(ARTICLES), "--gold", str(GOLD), "--backend", "llm", "--base-url", fake.base_url,
            "-O", "retry_base_delay=0.001", *args,
        ],
    )


def cells(result) -> dict[tuple[str, str], dict]:
    assert result.exit_code == 0, result.stderr
    return {(c["prompt"], c["model"]): c for c in json.loads(result.stdout)["cells"]}


def test_two_prompts_by_two_models_make_four_cells_each_asked_with_its_prompt(fake, runs_dir, two_prompt_versions):  # noqa: F811
    result = matrix(fake, "--prompt", "extract/v1", "--prompt", "extract/v2", "-m", "gpt-4o-mini", "-m", "gpt-4.1-nano", "--json")
    table = cells(result)
    assert list(table) == [
        ("extract/v1", "gpt-4o-mini"), ("extract/v1", "gpt-4.1-nano"), ("extract/v2", "gpt-4o-mini"), ("extract/v2", "gpt-4.1-nano"),
    ]
    assert fake.count() == 4 * SEEDS
    systems = [r["messages"][0]["content"] for r in fake.chat_requests()]
    assert sum(SECOND_PROMPT_LINE in s for s in systems) == 2 * SEEDS
    assert {r["model"] for r in fake.chat_requests()} == {"gpt-4o-mini", "gpt-4.1-nano"}


def test_each_cell_gives_f1_per_component_grounding_tokens_and_cost(fake, runs_dir):  # noqa: F811
    table = cells(matrix(fake, "-m", "gpt-4o-mini", "-m", "gpt-4.1-nano", "--json"))
    cell = table[("extract/v2", "gpt-4o-mini")]
    assert cell["overall"]["mean"] == 1.0 and cell["components"]["officials"]["mean"] == 1.0
    assert cell["grounding"]["mean"] == 1.0
    assert cell["tokens_in"] > 0 and cell["tokens_out"] > 0
    assert cell["cost_usd"] > table[("extract/v2", "gpt-4.1-nano")]["cost_usd"] > 0  # gpt-4.1-nano is the cheaper
    assert cell["failed"] == 0 and len(cell["runs"]) == 1


def test_the_table_is_a_grid_of_prompts_by_models_then_the_figures_of_each_cell(fake, runs_dir, two_prompt_versions):  # noqa: F811
    result = matrix(fake, "--prompt", "extract/v1", "--prompt", "extract/v2", "-m", "gpt-4o-mini", "-m", "gpt-4.1-nano")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "Prompts × models: overall F1 (5 articles)" in result.stdout
    header = next(line for line in lines if "prompt \\ model" in line)
    assert header.index("gpt-4o-mini") < header.index("gpt-4.1-nano")
    assert [line.split()[1] for line in lines if line.startswith("│ extract/v")][:2] == ["extract/v1", "extract/v2"]
    assert "F1 per component" in result.stdout and "Grounding, tokens and cost per run" in result.stdout


def test_each_repeat_asks_the_model_again_with_the_next_seed(fake, runs_dir):  # noqa: F811
    cell = cells(matrix(fake, "-m", "gpt-4o-mini", "--repeat", "3", "--json"))[("extract/v2", "gpt-4o-mini")]
    assert fake.count() == 3 * SEEDS
    assert [r.get("seed") for r in fake.chat_requests()[::SEEDS]] == [None, 1, 2]
    assert cell["overall"] == {"mean": 1.0, "sd": 0.0, "min": 1.0, "max": 1.0, "n": 3}
    assert len(cell["runs"]) == 3 and len(list(runs_dir.glob("*.json"))) == 3


def test_the_same_matrix_run_again_is_answered_from_the_cache(fake, runs_dir):  # noqa: F811
    matrix(fake, "-m", "gpt-4o-mini", "--repeat", "2", "--json")
    calls = fake.count()
    cell = cells(matrix(fake, "-m", "gpt-4o-mini", "--repeat", "2", "--json"))[("extract/v2", "gpt-4o-mini")]
    assert fake.count() == calls
    assert cell["cached"] == SEEDS and cell["cost_usd"] == 0


def test_a_repeat_in_which_the_model_fails_an_article_shows_as_spread(fake, runs_dir):  # noqa: F811
    # The first repeat is answered; in the second the first article gets three invalid answers.
    fake.script(*[Fault("delay") for _ in range(SEEDS)], "invalid", "invalid", "invalid")
    cell = cells(matrix(fake, "-m", "gpt-4o-mini", "--repeat", "2", "--json"))[("extract/v2", "gpt-4o-mini")]
    overall = cell["overall"]
    assert overall["max"] == 1.0 and overall["min"] < 1.0 and overall["sd"] > 0
    assert cell["failed"] == 0.5  # one article failed in one of the two runs


def test_the_markdown_matrix_report_has_the_table(fake, runs_dir, tmp_path):  # noqa: F811
    report = tmp_path / "matrix.md"
    assert matrix(fake, "-m", "gpt-4o-mini", "-m", "gpt-4.1-nano", "--report", str(report)).exit_code == 0
    text = report.read_text(encoding="utf-8")
    assert "| prompt | model | overall F1 | events | officials | titles | directives | decisions | grounding |" in text
    assert "| extract/v2 | gpt-4.1-nano | **1.000** |" in text


def test_fail_under_holds_every_cell_to_it(fake, runs_dir):  # noqa: F811
    fake.script("invalid", "invalid", "invalid")
    result = matrix(fake, "-m", "gpt-4o-mini", "-m", "gpt-4.1-nano", "--fail-under", "0.99")
    assert result.exit_code == ExitStatus.GATE
    assert "extract/v2 × gpt-4o-mini: mean overall F1" in result.stderr
    assert "gpt-4.1-nano" not in result.stderr


def test_a_baseline_with_several_models_is_a_usage_error(fake, runs_dir):  # noqa: F811
    result = matrix(fake, "-m", "gpt-4o-mini", "-m", "gpt-4.1-nano", "--baseline", "latest")
    assert result.exit_code == 2 and "a baseline compares one run" in result.stderr
