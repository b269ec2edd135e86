"""``summarizer eval``: run a backend over the gold set, score it, save the run, compare, gate.

Exit status: 0 when the run passes, 3 (``ExitStatus.GATE``) when ``--fail-under`` or ``--max-drop`` is
not met; usage and configuration errors are raised as typed errors (the CLI prints them, status 2).
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from rich.console import Console

from summarizer.backends import BackendConfig
from summarizer.errors import ConfigError, EvalError, ExitStatus, SummarizerError, say
from summarizer.evaluation.compare import Comparison, compare_runs
from summarizer.evaluation.goldset import GoldItem, files_hash, load_gold_set, resolve_dirs, runs_dir_for
from summarizer.evaluation.report import report_format, write_report
from summarizer.evaluation.runs import build_record, find_record, load_record, save_record
from summarizer.evaluation.scoring import CorpusScore, score_article
from summarizer.evaluation.tables import print_comparison, print_scores
from summarizer.extract import extract_article
from summarizer.progress import reporter
from summarizer.schemas import ArticleExtraction

_PROMPT_VERSION = re.compile(r"^[\w.-]+(?:/[\w.-]+)+$")


def predict(items: Sequence[GoldItem], backend: Any) -> tuple[dict[str, ArticleExtraction], dict[str, str]]:
    """Every article's extraction; an article the backend fails on counts as an empty prediction."""
    predictions: dict[str, ArticleExtraction] = {}
    errors: dict[str, str] = {}
    progress = reporter("eval", len(items))
    try:
        for item in items:
            try:
                predictions[item.stem] = extract_article(item.article, backend)
            except SummarizerError as exc:
                say(f"{exc} (scored as an empty extraction)")
                errors[item.stem] = str(exc)
                predictions[item.stem] = ArticleExtraction(article_id=item.stem)
            progress.advance(failed=item.stem in errors)
    finally:
        progress.close()
    return predictions, errors


def score_predictions(
    items: Sequence[GoldItem], predictions: Mapping[str, ArticleExtraction], errors: Mapping[str, str]
) -> CorpusScore:
    return CorpusScore(
        [
            score_article(item.gold, predictions[item.stem], text=item.article.text, article_id=item.stem, error=errors.get(item.stem))
            for item in items
            if item.stem in predictions
        ]
    )


def rescore(record: dict[str, Any], items: Sequence[GoldItem]) -> dict[str, Any]:
    """A saved run scored again by this version of the scorer on the same gold, from its predictions."""
    predictions: dict[str, ArticleExtraction] = {}
    for item in items:
        data = record["predictions"].get(item.stem)
        if data is None:
            continue
        try:
            predictions[item.stem] = ArticleExtraction.model_validate(data)
        except ValueError as exc:
            raise EvalError(f"run {record['id']} holds an invalid prediction for {item.stem}: {exc}", "--baseline") from None
    scores = score_predictions(items, predictions, record.get("errors") or {})
    return {**record, "scores": scores.to_dict()}


def evaluate(items: Sequence[GoldItem], config: BackendConfig, *, gold_hash: str, articles_hash: str) -> dict[str, Any]:
    """Run one backend configuration over the gold set and return its run record (not yet saved)."""
    predictions, errors = predict(items, config.build())
    options = config.options
    return build_record(
        scores=score_predictions(items, predictions, errors),
        predictions=predictions,
        backend=config.name,
        model=getattr(options, "model", None),
        prompt=getattr(options, "prompt", None),
        mode=getattr(options, "mode", None),
        gold_hash=gold_hash,
        articles_hash=articles_hash,
        errors=errors,
    )


def _resolve_baseline(ref: str, runs_dir: Path, gold_hash: str, backend: str) -> dict[str, Any] | str:
    """A saved run record, or the prompt version to run as the baseline; fails early on other gold."""
    found = find_record(ref, runs_dir)
    if found is not None:
        record = load_record(found)
        if record.get("gold_hash") != gold_hash:
            raise EvalError(
                f"run {record.get('id')} was scored on a different gold set (gold hash {record.get('gold_hash')} "
                f"≠ {gold_hash}); re-run the baseline on the current gold",
                "--baseline",
            )
        return record
    if _PROMPT_VERSION.match(ref) and not ref.endswith(".json"):
        if backend == "regex":
            raise ConfigError(f"{ref} looks like a prompt version, but prompts only apply to the llm backend", "--baseline")
        return ref
    raise EvalError(f"no run record {ref!r} in {runs_dir}, and not a prompt version such as extract/v1", "--baseline")


def _gate(
    overall: float, fail_under: float | None, comparison: Comparison | None, max_drop: float
) -> list[str]:
    reasons = []
    if fail_under is not None and overall < fail_under:
        reasons.append(f"overall F1 {overall:.3f} is below --fail-under {fail_under:.3f}")
    if comparison is not None:
        for m in comparison.drops(max_drop):
            reasons.append(
                f"{m.name} F1 dropped by {-m.delta:.3f} ({m.baseline:.3f} → {m.current:.3f}; 95% interval of the "
                f"change [{m.low:+.3f}, {m.high:+.3f}]), more than --max-drop {max_drop:.3f}"
            )
    return reasons


def run(
    config: BackendConfig,
    *,
    articles: Path | None,
    gold: Path | None,
    split: str = "all",
    baseline: str | None = None,
    as_json: bool = False,
    report: Path | None = None,
    fail_under: float | None = None,
    max_drop: float = 0.02,
) -> int:
    """The ``eval`` command; returns the exit status."""
    if report is not None:
        report_format(report)
    if max_drop < 0:
        raise ConfigError("must not be negative", "--max-drop")
    articles_dir, gold_dir, evals_dir = resolve_dirs(articles, gold)
    items, problems = load_gold_set(articles_dir, gold_dir, split)
    for problem in problems:
        say(str(problem))
    if not items:
        raise EvalError(f"no article in {articles_dir} has a gold file in {gold_dir}", "eval")
    gold_hash = files_hash(item.gold_path for item in items)
    articles_hash = files_hash(item.article_path for item in items)
    runs_dir = runs_dir_for(gold_dir, evals_dir)
    base = _resolve_baseline(baseline, runs_dir, gold_hash, config.name) if baseline else None

    record = evaluate(items, config, gold_hash=gold_hash, articles_hash=articles_hash)
    path = save_record(record, runs_dir)

    comparison = None
    if isinstance(base, str):
        base_config = dataclasses.replace(config, options=config.options.model_copy(update={"prompt": base}))
        base_record = evaluate(items, base_config, gold_hash=gold_hash, articles_hash=articles_hash)
        say(f"baseline {base} saved as {save_record(base_record, runs_dir)}")
        comparison = compare_runs(base_record, record)
    elif base is not None:
        comparison = compare_runs(rescore(base, items), record)

    if report is not None:
        write_report(
            report,
            record=record,
            texts={item.stem: item.article.text for item in items},
            golds={item.stem: item.gold for item in items},
            comparison=comparison.to_dict() if comparison else None,
        )
        say(f"wrote {report}")

    reasons = _gate(record["scores"]["overall"], fail_under, comparison, max_drop)
    if as_json:
        out = {
            **record["scores"],
            "run": {"id": record["id"], "path": str(path)},
            "usage": record["usage"],
            "comparison": comparison.to_dict() if comparison else None,
            "gate": {"passed": not reasons, "reasons": reasons},
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        console = Console(highlight=False)
        print_scores(console, record, str(path))
        if comparison is not None:
            print_comparison(console, comparison.to_dict())
    for reason in reasons:
        say(reason)
    return ExitStatus.GATE if reasons else ExitStatus.OK
