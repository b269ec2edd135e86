"""``summarizer eval --backend llm`` scores the model only: failures are misses, fallbacks fail the gate."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app
from tests.fake_openai import FakeOpenAI

KEY = {"OPENAI_API_KEY": "sk-test-eval-0123456789abcdef", "SUMMARIZER_RETRY_BASE_DELAY": "0.001", "SUMMARIZER_RETRY_ATTEMPTS": "1"}


def evaluate(fake: FakeOpenAI, articles_dir: Path, gold_dir: Path, *more: str):
    args = ["eval", "--articles", str(articles_dir), "--gold", str(gold_dir), "--backend", "llm", "--model", "gpt-4o-mini",
            "--base-url", fake.base_url, "--json", *more]
    return CliRunner().invoke(app, args, env=KEY)


def test_an_article_the_model_failed_is_scored_as_a_miss_and_listed_never_by_the_rules(fake, articles_dir, gold_dir):
    fake.enqueue("500")

    run = evaluate(fake, articles_dir, gold_dir)

    data = json.loads(run.stdout)
    record = json.loads(Path(data["run"]["path"]).read_text(encoding="utf-8"))
    assert len(record["errors"]) == 1
    assert record["usage"]["backends"] == {"llm": 4}
    (failed,) = record["errors"]
    assert record["predictions"][failed]["officials"] == []


def test_a_comparison_with_a_baseline_that_fell_back_says_so_and_fails_the_gate(fake, articles_dir, gold_dir, tmp_path):
    first = evaluate(fake, articles_dir, gold_dir)
    path = Path(json.loads(first.stdout)["run"]["path"])
    record = json.loads(path.read_text(encoding="utf-8"))
    stem = sorted(record["predictions"])[0]
    record["predictions"][stem]["provenance"] = {"backend": "llm→regex", "fallback_reason": "timeout"}
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")

    run = evaluate(fake, articles_dir, gold_dir, "--baseline", str(path))

    assert run.exit_code == 3
    gate = json.loads(run.stdout)["gate"]
    assert not gate["passed"]
    assert any(reason.startswith("the baseline (") and "holds 1 article(s) answered by a fallback" in reason for reason in gate["reasons"])
