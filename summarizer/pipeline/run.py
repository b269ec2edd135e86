"""Inputs to records through one backend configuration: what ``extract``, ``batch`` and ``brief`` share."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
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
from .outputs import is_briefing
from .results import ResultsFile, is_results_file, lock_path, partial_path
from .summary import RunSummary


def own_output(path: Path) -> str | None:
    """Why a file found in an input folder is no article: it is a results file or a briefing this tool wrote."""
    if is_results_file(path) or is_briefing(path):
        return "an output of summarizer (results or a briefing), not an article"
    return None


def read_inputs(
    inputs: Iterable[str | Path], *, exclude: Iterable[Path] = (), shard: Shard | None = None
) -> Iterator[Item]:
    """Articles (and the errors of inputs that are not articles) in input order, only ``shard``'s share; the
    tool's own outputs in input folders passed over (``own_output``)."""
    items = iter_articles(list(inputs), exclude=[p.resolve() for p in exclude], skip=own_output)
    return items if shard is None else (item for item in items if shard.takes(item))


@dataclass(frozen=True)
class Shard:
    """Part ``index`` (1-based) of ``count``: an input belongs to one part, by a hash of its article id
    (or, for an input that is no article, its source), so the parts are the same on every machine
    given the same inputs, and their results files concatenate into the whole run's."""

    index: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        """``I/N`` with 1 ≤ I ≤ N; anything else is a ConfigError."""
        left, sep, right = text.partition("/")
        if not (sep and left.strip().isdigit() and right.strip().isdigit()):
            raise ConfigError(f"expected I/N such as 2/8, got {text!r}", "--shard")
        index, count = int(left), int(right)
        if not 1 <= index <= count:
            raise ConfigError(f"I must be between 1 and N, got {text!r}", "--shard")
        return cls(index, count)

    def takes(self, item: Item) -> bool:
        name = item.id if isinstance(item, Article) else str(getattr(item, "source", "") or "")
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.index - 1


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
    shard: Shard | None = None,
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
                total = count(inputs, exclude=[p.resolve() for p in exclude], skip=own_output)
                bar = reporter("batch", total if shard is None or total is None else -(-total // shard.count))
            items = skip_done(read_inputs(inputs, exclude=exclude, shard=shard), results)
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
