"""A backend over the gold set: its predictions, their scores and the run record that keeps them.

Articles go through the backend in stem order, several at once for a backend that waits on the
network (threads), and the predictions come back in stem order whatever the concurrency. An article
the backend fails on is scored as a miss (an empty extraction) with its error kept; nothing else
answers for it. A failure that would fail every article (a bad key, an unknown model) stops the run.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from summarizer.backends import BackendConfig
from summarizer.errors import EvalError, FatalBackendError, SummarizerError, say
from summarizer.extract import extract_article
from summarizer.progress import reporter
from summarizer.schemas import ArticleExtraction

from .goldset import GoldItem
from .runs import build_record
from .scoring import CorpusScore, score_article

Outcome = tuple[ArticleExtraction, str | None]


def _extract(item: GoldItem, backend: Any) -> Outcome:
    try:
        return extract_article(item.article, backend), None
    except FatalBackendError:
        raise
    except SummarizerError as exc:
        return ArticleExtraction(article_id=item.stem), str(exc)


def predict(items: Sequence[GoldItem], backend: Any, *, jobs: int = 1) -> tuple[dict[str, ArticleExtraction], dict[str, str]]:
    """Every article's extraction, ``jobs`` at once; an article the backend fails on is an empty
    extraction, and its error is returned (and said on stderr) by stem."""
    predictions: dict[str, ArticleExtraction] = {}
    errors: dict[str, str] = {}
    progress = reporter("eval", len(items))
    executor = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="eval") if jobs > 1 else None
    try:
        outcomes = executor.map(lambda item: _extract(item, backend), items) if executor else (_extract(i, backend) for i in items)
        for item, (prediction, error) in zip(items, outcomes):
            predictions[item.stem] = prediction
            if error is not None:
                errors[item.stem] = error
                say(f"{error} (scored as a miss)")
            progress.advance(failed=error is not None)
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        progress.close()
    return predictions, errors


def score_predictions(
    items: Sequence[GoldItem], predictions: Mapping[str, ArticleExtraction], errors: Mapping[str, str]
) -> CorpusScore:
    """Each article with a prediction, scored against its gold (with grounding in its text)."""
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


def jobs_for(config: BackendConfig, asked: int = 1) -> int:
    """Articles at once: as asked for a backend that waits on the network (threads), else one."""
    return max(1, asked) if config.spec.concurrency == "threads" else 1


def evaluate(
    items: Sequence[GoldItem], config: BackendConfig, *, gold_hash: str, articles_hash: str, jobs: int = 1
) -> dict[str, Any]:
    """Run one backend configuration over the gold set, ``jobs`` articles at once (see ``jobs_for``),
    and return its run record (not yet saved)."""
    predictions, errors = predict(items, config.build(), jobs=jobs)
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


REPEAT_NOTE = (
    "repeat 1 asks with the options given; repeat k (k ≥ 2) adds k − 1 to the seed (0 when none is given), "
    "so each repeat is a request of its own in the response cache, and running the same matrix again "
    "answers every repeat from the cache"
)


def repeat_config(config: BackendConfig, index: int) -> BackendConfig:
    """The configuration of repeat ``index`` (0-based): the given one first, then one seed further each
    time, for a backend that takes a seed (a backend without one runs unchanged)."""
    if index == 0 or "seed" not in type(config.options).model_fields:
        return config
    seed = (getattr(config.options, "seed", None) or 0) + index
    return dataclasses.replace(config, options=config.options.model_copy(update={"seed": seed}))
