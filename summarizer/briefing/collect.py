"""The briefing's inputs: results files from ``batch`` are read as they are, articles are extracted.

A results record is paired with its article's text again only when its ``source`` is a file this
run was given or lies under a folder the user names (``--sources``), and still exists: a results
file cannot make ``brief`` read anything else. When the file changed since, its evidence offsets
are no longer trusted and items are found by key instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from summarizer.backends import BackendConfig
from summarizer.briefing.model import Entry
from summarizer.errors import InputError, SummarizerError, say
from summarizer.pipeline.records import Kept, error_record, is_error_record
from summarizer.pipeline.results import is_results_file, iter_results
from summarizer.pipeline.run import read_inputs, structure
from summarizer.text.article import Article
from summarizer.text.reading import read_article
from summarizer.text.sources import kind_of


@dataclass
class CollectStats:
    """Failures met in this run (not the error records an earlier batch already wrote)."""

    new_failures: int = 0
    fell_back: int = 0


class SourceAccess:
    """Which article files ``brief`` may re-read: those given, and those under the folders named."""

    def __init__(self, given: Iterable[str], folders: Iterable[Path]) -> None:
        self._files = {Path(p).resolve() for p in given if Path(p).is_file()}
        self._folders = [Path(f).resolve() for f in folders]

    def allows(self, path: Path) -> bool:
        try:
            resolved = path.resolve()
        except OSError:
            return False
        return resolved in self._files or any(resolved.is_relative_to(folder) for folder in self._folders)


def source_article(record: dict, access: SourceAccess) -> Article | None:
    """The article a results record came from, re-read from its file when allowed, else None."""
    source = record.get("source")
    if not isinstance(source, str) or not source:
        return None
    path = Path(source)
    kind = kind_of(path, given=False)
    if kind not in ("text", "html") or not access.allows(path) or not path.is_file():
        return None
    try:
        return read_article(path)
    except InputError:
        return None


def _results_entries(path: str, access: SourceAccess, stats: CollectStats) -> Iterator[Entry]:
    for record in iter_results(path):
        if isinstance(record, SummarizerError):
            stats.new_failures += 1
            say(str(record))
            yield Entry(error_record(record))
            continue
        article = None if is_error_record(record) else source_article(record, access)
        if article is None:
            yield Entry(record)
        else:
            yield Entry(record, article.text, spans_trusted=article.content_hash == record.get("content_hash"))


def _article_entries(inputs: list[str], config: BackendConfig, stats: CollectStats) -> Iterator[Entry]:
    for item, record in structure(read_inputs(inputs), config):
        assert not isinstance(record, Kept)
        if is_error_record(record):
            stats.new_failures += 1
            say(f"{record.get('source')}: {record['error']['message']}")
        text = item.text if isinstance(item, Article) else None
        yield Entry(record, text, spans_trusted=text is not None)


def collect_entries(
    inputs: list[str], *, config: BackendConfig | None, sources: Iterable[Path] = (), stats: CollectStats
) -> Iterator[Entry]:
    """Entries from every input: results files first-class, the rest extracted with ``config``."""
    results = [item for item in inputs if is_results_file(item)]
    articles = [item for item in inputs if item not in results]
    access = SourceAccess(articles, sources)
    for path in results:
        yield from _results_entries(path, access, stats)
    if articles:
        if config is None:
            raise ValueError("articles to extract need a backend configuration")
        yield from _article_entries(articles, config, stats)
