"""``summarizer eval``: score a backend (or a folder of labels) against the gold, save the run, compare, gate.

Three ways in:

- one backend configuration: score it, save the run record, compare it with ``--baseline``;
- several ``--prompt`` and/or ``--model`` values, or ``--repeat N``: a prompts × models matrix of
  F1 (mean and spread over the repeats), grounding, tokens and cost, one saved run per repeat;
- ``--predictions DIR``: score a folder of extraction files (another labeller's, another system's)
  without running a backend, e.g. the blind second labels against the first for the agreement figure.

Exit status: 0 when the run passes, 3 (``ExitStatus.GATE``) when ``--fail-under`` or ``--max-drop`` is
not met or a comparison holds articles its backend did not answer; usage and configuration errors are
raised as typed errors (the CLI prints them, status 2).
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console

from summarizer.backends import BackendConfig
from summarizer.errors import ConfigError, EvalError, ExitStatus, say
from summarizer.evaluation.compare import Comparison, compare_runs
from summarizer.evaluation.formatting import interval, score
from summarizer.evaluation.goldset import GoldItem, files_hash, load_gold_set, resolve_dirs, runs_dir_for
from summarizer.evaluation.matrix import Cell, Matrix
from summarizer.evaluation.predictions import load_predictions
from summarizer.evaluation.report import report_format, write_matrix_report, write_report
from summarizer.evaluation.runs import build_record, find_record, load_record, save_record
from summarizer.evaluation.running import (  # noqa: F401  (predict, score_predictions: the quality gate's way in)
    REPEAT_NOTE,
    evaluate,
    jobs_for,
    predict,
    repeat_config,
    rescore,
    score_predictions,
)
from summarizer.evaluation.tables import print_comparison, print_matrix, print_scores

_PROMPT_VERSION = re.compile(r"^[\w.-]+(?:/[\w.-]+)+$")


@dataclasses.dataclass(frozen=True)
class GoldSet:
    items: list[GoldItem]
    gold_hash: str
    articles_hash: str
    runs_dir: Path


def _gold_set(articles: Path | None, gold: Path | None, split: str) -> GoldSet:
    articles_dir, gold_dir, evals_dir = resolve_dirs(articles, gold)
    items, problems = load_gold_set(articles_dir, gold_dir, split)
    for problem in problems:
        say(str(problem))
    if not items:
        raise EvalError(f"no article in {articles_dir} has a gold file in {gold_dir}", "eval")
    return GoldSet(
        items,
        files_hash(item.gold_path for item in items),
        files_hash(item.article_path for item in items),
        runs_dir_for(gold_dir, evals_dir),
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
    overall: float | None, fail_under: float | None, comparison: Comparison | None, max_drop: float
) -> list[str]:
    reasons = []
    if fail_under is not None:
        if overall is None:
            reasons.append("nothing to count in gold or prediction: no overall F1 to hold to --fail-under")
        elif overall < fail_under:
            reasons.append(f"overall F1 {overall:.3f} is below --fail-under {fail_under:.3f}")
    if comparison is not None:
        reasons += comparison.problems()
        for m in comparison.drops(max_drop):
            ci95 = interval(None if m.low is None or m.high is None else (m.low, m.high))
            reasons.append(
                f"{m.name} F1 dropped by {-m.delta:.3f} ({score(m.baseline)} → {score(m.current)}; 95% interval of the "  # type: ignore[operator]
                f"change {ci95}), more than --max-drop {max_drop:.3f}"
            )
    return reasons


def _say_failed(record: dict[str, Any]) -> None:
    failed = sorted(record.get("errors") or {})
    if failed:
        say(f"{len(failed)} article(s) not answered, scored as misses: {', '.join(failed)}")


def _score_files(folder: Path, gold: GoldSet) -> dict[str, Any]:
    """The run record of a folder of prediction files scored against the gold set."""
    predictions, errors, extra = load_predictions(folder, [item.stem for item in gold.items])
    if len(errors) == len(gold.items):
        raise ConfigError(
            f"no usable prediction file for any of the {len(gold.items)} gold articles (expected <article id>.json, "
            f"such as {gold.items[0].stem}.json)" if gold.items else "no gold article to score",
            str(folder),
        )
    if extra:
        say(f"{len(extra)} prediction file(s) in {folder} have no gold article and are left out: {', '.join(extra)}")
    for message in errors.values():
        say(f"{message} (scored as a miss)")
    return build_record(
        scores=score_predictions(gold.items, predictions, errors),
        predictions=predictions,
        backend="files",
        model=None,
        prompt=None,
        mode=None,
        gold_hash=gold.gold_hash,
        articles_hash=gold.articles_hash,
        errors=errors,
        source=str(folder),
    )


def _single(
    config: BackendConfig | None,
    gold: GoldSet,
    *,
    predictions: Path | None,
    baseline: str | None,
    as_json: bool,
    report: Path | None,
    fail_under: float | None,
    max_drop: float,
    jobs: int,
) -> int:
    """One run: a backend configuration, or a folder of predictions; compared with a baseline when asked."""
    backend_name = config.name if config is not None else "files"
    base = _resolve_baseline(baseline, gold.runs_dir, gold.gold_hash, backend_name) if baseline else None
    if isinstance(base, str) and config is None:
        raise ConfigError("a prompt version cannot be the baseline of prediction files: name a saved run", "--baseline")
    if config is None:
        assert predictions is not None
        record = _score_files(predictions, gold)
    else:
        record = evaluate(gold.items, config, gold_hash=gold.gold_hash, articles_hash=gold.articles_hash, jobs=jobs_for(config, jobs))
    path = save_record(record, gold.runs_dir)

    comparison = None
    base_record: dict[str, Any] | None = None
    if isinstance(base, str):
        assert config is not None
        base_config = dataclasses.replace(config, options=config.options.model_copy(update={"prompt": base}))
        base_record = evaluate(
            gold.items, base_config, gold_hash=gold.gold_hash, articles_hash=gold.articles_hash, jobs=jobs_for(config, jobs)
        )
        say(f"baseline {base} saved as {save_record(base_record, gold.runs_dir)}")
        comparison = compare_runs(base_record, record)
    elif base is not None:
        comparison = compare_runs(rescore(base, gold.items), record)

    if report is not None:
        write_report(
            report,
            record=record,
            texts={item.stem: item.article.text for item in gold.items},
            golds={item.stem: item.gold for item in gold.items},
            comparison=comparison.to_dict() if comparison else None,
        )
        say(f"wrote {report}")

    reasons = _gate(record["scores"]["overall"], fail_under, comparison, max_drop)
    if as_json:
        out = {
            **record["scores"],
            "run": {"id": record["id"], "path": str(path), "backend": record["backend"], "model": record["model"],
                    "prompt": record["prompt"], "source": record["source"], "created": record["created"]},
            "usage": record["usage"],
            "errors": record["errors"],
            "comparison": comparison.to_dict() if comparison else None,
            "gate": {"passed": not reasons, "reasons": reasons},
        }
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        console = Console(highlight=False)
        print_scores(console, record, str(path))
        if comparison is not None:
            print_comparison(console, comparison.to_dict())
    _say_failed(record)
    for reason in reasons:
        say(reason)
    return ExitStatus.GATE if reasons else ExitStatus.OK


def _matrix(
    configs: Sequence[BackendConfig],
    gold: GoldSet,
    *,
    repeat: int,
    as_json: bool,
    report: Path | None,
    fail_under: float | None,
    jobs: int,
) -> int:
    """Every configuration ``repeat`` times; a table of prompts × models."""
    cells = []
    for config in configs:
        options = config.options
        cell = Cell(getattr(options, "prompt", None), getattr(options, "model", None))
        for index in range(repeat):
            run_config = repeat_config(config, index)
            record = evaluate(
                gold.items, run_config, gold_hash=gold.gold_hash, articles_hash=gold.articles_hash, jobs=jobs_for(config, jobs)
            )
            save_record(record, gold.runs_dir)
            _say_failed(record)
            cell.runs.append(record)
        # Name the cell by what answered (the prompt version a bare ``extract`` resolved to).
        cell.prompt = cell.runs[0].get("prompt") or cell.prompt
        cell.model = cell.runs[0].get("model") or cell.model
        cells.append(cell)
    matrix = Matrix(cells, repeat, REPEAT_NOTE).to_dict()

    reasons = []
    if fail_under is not None:
        for c in matrix["cells"]:
            mean = c["overall"]["mean"]
            if mean is None or mean < fail_under:
                reasons.append(f"{c['prompt'] or '—'} × {c['model'] or '—'}: mean overall F1 {score(mean)} is below --fail-under {fail_under:.3f}")
    if report is not None:
        write_matrix_report(report, matrix=matrix, articles=len(gold.items), gold_hash=gold.gold_hash)
        say(f"wrote {report}")
    if as_json:
        out = {**matrix, "articles": len(gold.items), "gold_hash": gold.gold_hash, "gate": {"passed": not reasons, "reasons": reasons}}
        sys.stdout.write(json.dumps(out, ensure_ascii=False, indent=2) + "\n")
    else:
        print_matrix(Console(highlight=False), matrix, articles=len(gold.items))
    for reason in reasons:
        say(reason)
    return ExitStatus.GATE if reasons else ExitStatus.OK


def run(
    configs: BackendConfig | Sequence[BackendConfig],
    *,
    articles: Path | None,
    gold: Path | None,
    split: str = "all",
    baseline: str | None = None,
    as_json: bool = False,
    report: Path | None = None,
    fail_under: float | None = None,
    max_drop: float = 0.02,
    predictions: Path | None = None,
    repeat: int = 1,
    jobs: int = 1,
) -> int:
    """The ``eval`` command; returns the exit status."""
    configs = [configs] if isinstance(configs, BackendConfig) else list(configs)
    if report is not None:
        report_format(report)
    if max_drop < 0:
        raise ConfigError("must not be negative", "--max-drop")
    if repeat < 1:
        raise ConfigError("must be at least 1", "--repeat")
    as_matrix = len(configs) > 1 or repeat > 1
    if predictions is not None and as_matrix:
        raise ConfigError("prediction files are scored once: no --repeat, and no several --prompt or --model", "--predictions")
    if as_matrix and baseline:
        raise ConfigError("a baseline compares one run: give one --prompt and one --model, without --repeat", "--baseline")
    gold_set = _gold_set(articles, gold, split)
    if as_matrix:
        return _matrix(configs, gold_set, repeat=repeat, as_json=as_json, report=report, fail_under=fail_under, jobs=jobs)
    return _single(
        None if predictions is not None else configs[0],
        gold_set,
        predictions=predictions,
        baseline=baseline,
        as_json=as_json,
        report=report,
        fail_under=fail_under,
        max_drop=max_drop,
        jobs=jobs,
    )
