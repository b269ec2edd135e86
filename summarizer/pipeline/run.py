"""Inputs to records through one backend configuration: what ``extract``, ``batch`` and ``brief`` share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from summarizer.backends import BackendConfig, ManyArticlesBackend
from summarizer.errors import ConfigError, SummarizerError
from summarizer.extract import stamp
from summarizer.text.article import Article
from summarizer.text.reading import iter_articles

from .pool import Item, OrderedPool
from .records import Kept, Record, error_record, success_record
from .results import ResultsFile


def read_inputs(inputs: Iterable[str | Path], *, exclude: Iterable[Path] = ()) -> Iterator[Item]:
    """Articles (and the errors of inputs that are not articles) in input order."""
    return iter_articles(list(inputs), exclude=[p.resolve() for p in exclude])


def skip_done(items: Iterable[Item], results: ResultsFile) -> Iterator[Item]:
    """Articles a resume finds already done become their old lines (Kept), in their place."""
    for item in items:
        kept = results.decide(item) if isinstance(item, Article) else None
        yield kept if kept is not None else item


def structure(
    items: Iterable[Item], config: BackendConfig, *, jobs: int = 0, many: bool = False
) -> Iterator[tuple[Item, Record | Kept]]:
    """Every item to its record, in input order: concurrently through the pool, or with ``many`` as one
    job of a backend that answers many articles at once (the OpenAI Batch API)."""
    if many:
        return _many(items, config)
    return OrderedPool(config, config.jobs(jobs)).run(items)


def _many(items: Iterable[Item], config: BackendConfig) -> Iterator[tuple[Item, Record | Kept]]:
    backend = config.build()
    if not isinstance(backend, ManyArticlesBackend):
        raise ConfigError(f"the {config.name} backend cannot answer many articles in one job", "--openai-batch")
    articles: list[Article] = []
    order: list[Item] = []
    for item in items:
        order.append(item)
        if isinstance(item, Article):
            articles.append(item)
    results = {id(article): result for article, result in backend.extract_many(articles)}
    for item in order:
        if isinstance(item, Kept):
            yield item, item
        elif isinstance(item, SummarizerError):
            yield item, error_record(item)
        else:
            result = results[id(item)]
            if isinstance(result, SummarizerError):
                yield item, error_record(result, item, config.settings_hash)
            else:
                yield item, success_record(item, stamp(result, item), config.settings_hash)
