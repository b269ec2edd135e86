"""Inputs to records through one backend configuration: what ``extract``, ``batch`` and ``brief`` share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from summarizer.backends import BackendConfig, ManyArticlesBackend
from summarizer.errors import ConfigError, SummarizerError, say
from summarizer.extract import stamp
from summarizer.text.article import Article
from summarizer.text.reading import iter_articles

from summarizer.progress import reporter
from summarizer.text.sources import count

from .pool import Item, OrderedPool
from .records import Kept, Record, error_record, is_error_record, success_record
from .results import ResultsFile, lock_path, partial_path
from .summary import RunSummary


def read_inputs(inputs: Iterable[str | Path], *, exclude: Iterable[Path] = ()) -> Iterator[Item]:
    """Articles (and the errors of inputs that are not articles) in input order."""
    return iter_articles(list(inputs), exclude=[p.resolve() for p in exclude])


def skip_done(items: Iterable[Item], results: ResultsFile) -> Iterator[Item]:
    """Articles a resume finds already done become their old lines (Kept), in their place."""
    for item in items:
        kept = results.decide(item) if isinstance(item, Article) else None
        yield kept if kept is not None else item


def structure(
    items: Iterable[Item], config: BackendConfig, *, jobs: int = 0, many: bool = False, batch_id: str | None = None
) -> Iterator[tuple[Item, Record | Kept]]:
    """Every item to its record, in input order: concurrently through the pool, or with ``many`` as one
    job of a backend that answers many articles at once (the OpenAI Batch API; ``batch_id`` collects
    an interrupted run's job first)."""
    if many or batch_id:
        return _many(items, config, batch_id)
    return OrderedPool(config, config.jobs(jobs)).run(items)


def _many(items: Iterable[Item], config: BackendConfig, batch_id: str | None = None) -> Iterator[tuple[Item, Record | Kept]]:
    backend = config.build()
    if not isinstance(backend, ManyArticlesBackend):
        raise ConfigError(f"the {config.name} backend cannot answer many articles in one job", "--openai-batch")
    articles: list[Article] = []
    order: list[Item] = []
    for item in items:
        order.append(item)
        if isinstance(item, Article):
            articles.append(item)
    results = {id(article): result for article, result in backend.extract_many(articles, batch_id=batch_id)}
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


def write_results(
    inputs: list[str],
    results_path: Path,
    config: BackendConfig,
    *,
    jobs: int = 0,
    resume: bool = False,
    many: bool = False,
    progress: bool = True,
    exclude: Iterable[Path] = (),
    batch_id: str | None = None,
) -> RunSummary:
    """Every input's record into ``results_path`` (locked, in input order, resumable); returns the counts.

    Each failed input is also one line on stderr. ``exclude`` lists paths not to read inside input
    folders (the run's own outputs; the results file and its partial and lock files always are).
    """
    exclude = [results_path, partial_path(results_path), lock_path(results_path), *exclude]
    summary = RunSummary(backend=config.name)
    bar = None
    results = ResultsFile(results_path, resume=resume, settings_hash=config.settings_hash)
    try:
        with results:
            if progress:
                bar = reporter("batch", count(inputs, exclude=[p.resolve() for p in exclude]))
            items = skip_done(read_inputs(inputs, exclude=exclude), results)
            for _item, record in structure(items, config, jobs=jobs, many=many, batch_id=batch_id):
                if isinstance(record, Kept):
                    results.write_kept(record)
                    summary.skipped += 1
                else:
                    results.write(record)
                    count_record(summary, record)
                if bar is not None:
                    bar.advance(failed=not isinstance(record, Kept) and is_error_record(record))
    finally:
        if bar is not None:
            bar.close()
    counts = results.counts
    summary.redone = {
        "failed before": counts.redone_failed,
        "edited since": counts.redone_edited,
        "made with other settings": counts.redone_settings,
    }
    return summary


def count_record(summary: RunSummary, record: Record) -> None:
    """Add a record to the summary; a failed input is one line on stderr."""
    summary.add(record)
    if is_error_record(record):
        where = record.get("source") or record.get("article_id") or "<unknown input>"
        say(f"{where}: {record['error'].get('message', 'failed')}")
