"""``python -m summarizer.bench``: a tiny run of every section yields well-formed figures.

No assertion here is about speed: timings come from ``make bench``. These tests check that each
benchmark measures what it says (every article answered, no HTTP call from the cache, tokens that
add up, costs from the price table) and that its figures are finite numbers in a table and in JSON.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.backends.llm.pricing import cost_usd
from summarizer.bench.llm import PRICED_MODELS
from summarizer.bench import Figure, Settings, run_benchmarks
from summarizer.bench.__main__ import app
from summarizer.bench.corpus import load_seeds, variants
from summarizer.bench.figures import markdown_table
from summarizer.errors import ConfigError

TINY = Settings(
    corpus=24, block=8, sample_repeats=2, llm_articles=6, llm_latency=0.005, latency=0.005, jobs=(1, 4), cache_repeats=1, memory_small=6
)
DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/(\d{4}))?(?![\d/])")


@pytest.fixture(scope="module")
def figures(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Figure]:
    found = run_benchmarks(TINY, workdir=tmp_path_factory.mktemp("bench"))
    return {f"{f.section} / {f.name}": f for f in found}


def value(figures: dict[str, Figure], name: str) -> float:
    return figures[name].value


def test_every_figure_is_a_finite_non_negative_number(figures: dict[str, Figure]) -> None:
    assert figures
    for figure in figures.values():
        assert isinstance(figure.value, (int, float)) and math.isfinite(figure.value) and figure.value >= 0, figure
        assert figure.unit and figure.note


def test_the_rule_based_figures_are_rates_and_ratios_over_the_reading_floor(figures: dict[str, Figure]) -> None:
    for name in ("sample articles per second per core", "variants per second per core"):
        assert value(figures, f"rule-based backend / {name}") > 0
    for name in ("sample: time / read-and-normalise floor", "variants: time / read-and-normalise floor"):
        assert value(figures, f"rule-based backend / {name}") > 1  # extraction includes the reading


def test_the_llm_batch_is_measured_at_each_jobs_setting(figures: dict[str, Figure]) -> None:
    for jobs in TINY.jobs:
        figure = figures[f"LLM batch (fake server) / --jobs {jobs}: wall time / achievable"]
        assert figures[f"LLM batch (fake server) / --jobs {jobs}: client CPU per article"].value > 0
        assert figure.value > 0
        assert f"{TINY.llm_articles}/{TINY.llm_articles} answered by the model" in figure.note


def test_tokens_sent_are_the_article_plus_the_overhead(figures: dict[str, Figure]) -> None:
    sent = value(figures, "LLM tokens and cost / tokens sent per article")
    article = value(figures, "LLM tokens and cost / … of which the article")
    overhead = value(figures, "LLM tokens and cost / … of which overhead")
    assert abs(sent - (article + overhead)) <= 1
    assert value(figures, "LLM tokens and cost / overhead share of input") == pytest.approx(overhead / sent, abs=1e-3)


def test_the_cost_per_thousand_articles_comes_from_the_price_table(figures: dict[str, Figure]) -> None:
    for model in PRICED_MODELS:
        figure = figures[f"LLM tokens and cost / cost per 1,000 articles, {model}"]
        tokens_in, tokens_out = (int(n.replace(",", "")) for n in re.findall(r"([\d,]+) (?:in|out)", figure.note))
        assert figure.value == pytest.approx(1000 * cost_usd(model, tokens_in, tokens_out), abs=1e-4)


def test_the_second_eval_run_makes_no_http_call(figures: dict[str, Figure]) -> None:
    assert value(figures, "cache / HTTP calls in the second run") == 0
    assert value(figures, "cache / second eval run / first") > 0


def test_memory_is_measured_for_the_small_and_the_large_batch(figures: dict[str, Figure]) -> None:
    small = value(figures, f"memory / peak RSS, {TINY.memory_small:,}-article batch")
    large = value(figures, f"memory / peak RSS, {TINY.corpus:,}-article batch")
    assert small > 1 and large > 1
    assert value(figures, f"memory / {TINY.corpus:,} / {TINY.memory_small:,} peak RSS") == pytest.approx(large / small)


def test_the_markdown_table_has_a_row_per_figure(figures: dict[str, Figure]) -> None:
    table = markdown_table(list(figures.values()))
    assert len(table.splitlines()) == 2 + len(figures)


def test_the_command_prints_the_table_and_writes_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("summarizer.bench.__main__.QUICK", TINY)
    target = tmp_path / "bench.json"

    run = CliRunner().invoke(app, ["--quick", "--only", "cache", "--json", str(target)])

    assert run.exit_code == 0, run.output
    assert "HTTP calls in the second run" in run.stdout
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["settings"]["llm_articles"] == TINY.llm_articles
    assert {f["section"] for f in data["figures"]} == {"cache"}


def test_an_unknown_section_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="unknown section"):
        run_benchmarks(TINY, ["gpu"])


# --- the generated corpus ----------------------------------------------------------------------


def test_the_same_index_always_gives_the_same_variant() -> None:
    assert list(variants(3, start=7)) == list(variants(3, start=7))


def test_the_variants_do_not_depend_on_the_hash_seed() -> None:
    """Equal-length names are replaced in name order, not in the order a set of them happens to iterate."""
    import hashlib
    import os
    import subprocess
    import sys

    script = (
        "import hashlib; from summarizer.bench.corpus import variants; "
        "print(hashlib.sha256('\\n'.join(t for _, t in variants(60)).encode()).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script], env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True
        ).stdout
        for seed in ("0", "1", "2", "3")
    }
    assert len(digests) == 1
    assert hashlib.sha256("\n".join(t for _, t in variants(60)).encode()).hexdigest() + "\n" in digests


def test_variants_rename_the_officials_of_their_sample_article() -> None:
    seeds = load_seeds()
    for index, (_, text) in enumerate(variants(len(seeds), seeds=seeds)):
        seed = seeds[index]
        assert text != seed.text
        assert not any(name in text for name in seed.names)


def test_variant_dates_are_valid_dates() -> None:
    for _, text in variants(10):
        for day, month, _year in DATE.findall(text):
            assert 1 <= int(day) <= 31 and 1 <= int(month) <= 12, (day, month)
