"""The briefing's inputs: results files from ``batch`` are read as they are, articles are extracted.

A results record is paired with its article's text again when its ``source`` file still exists, so
the HTML briefing can show and highlight it; when the file changed since, its evidence offsets are
no longer trusted and items are found by key instead.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from summarizer.briefing.model import Entry
from summarizer.errors import InputError, SummarizerError
from summarizer.results import is_results_file, iter_results
from summarizer.text.article import Article


@dataclass
class CollectStats:
    """Failures met in this run (not the error records an earlier batch already wrote)."""

    new_failures: int = 0


def source_article(record: dict) -> Article | None:
    """The article a results record came from, re-read from its file, or None if that is not possible."""
    from summarizer.text.reading import HTML_SUFFIXES, TEXT_SUFFIXES, read_article

    source = record.get("source")
    if not isinstance(source, str) or not source:
        return None
    path = Path(source)
    if path.suffix.lower() not in TEXT_SUFFIXES | HTML_SUFFIXES or not path.is_file():
        return None
    try:
        return read_article(path)
    except InputError:
        return None


def _results_entries(path: str, stats: CollectStats) -> Iterator[Entry]:
    from summarizer.batch import error_record

    for record in iter_results(path):
        if isinstance(record, SummarizerError):
            stats.new_failures += 1
            yield Entry(error_record(record))
            continue
        article = None if "error" in record else source_article(record)
        if article is None:
            yield Entry(record)
        else:
            yield Entry(record, article.text, spans_trusted=article.content_hash == record.get("content_hash"))


def _article_entries(inputs: list[str], options: dict[str, object], backend: str, stats: CollectStats) -> Iterator[Entry]:
    from summarizer.backends import resolve_backend_name
    from summarizer.batch import extract_records
    from summarizer.results import is_error_record
    from summarizer.text.reading import iter_articles

    resolved = resolve_backend_name(backend, options.get("model"))  # type: ignore[arg-type]
    for item, record in extract_records(iter_articles(inputs), backend=resolved, jobs=0, options=options):
        if is_error_record(record):
            stats.new_failures += 1
            print(f"summarizer: {record.get('source')}: {record['error']['message']}", file=sys.stderr)
        text = item.text if isinstance(item, Article) else None
        yield Entry(record, text, spans_trusted=text is not None)


def collect_entries(inputs: list[str], *, backend: str, options: dict[str, object], stats: CollectStats) -> Iterator[Entry]:
    """Entries from every input: results files first-class, the rest extracted with ``backend``."""
    results = [item for item in inputs if is_results_file(item)]
    articles = [item for item in inputs if item not in results]
    for path in results:
        yield from _results_entries(path, stats)
    if articles:
        yield from _article_entries(articles, options, backend, stats)
