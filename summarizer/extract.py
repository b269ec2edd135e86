"""Extraction of a handful of articles to a stream: the ``extract`` command and the Python API."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TextIO

from summarizer.backends import Backend, get_backend
from summarizer.errors import SummarizerError, TooLargeError
from summarizer.schemas import ArticleExtraction, dump_extraction
from summarizer.text.article import Article


# About 150,000 words: far beyond any news article. Longer text is a dump or a concatenation, which
# would take minutes through the rules and hundreds of paid calls through a model.
MAX_ARTICLE_CHARS = 1_000_000


def extract_article(article: Article, backend: Backend) -> ArticleExtraction:
    """Run a backend and stamp the article's identity on the result."""
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise TooLargeError(
            f"too long for one article ({len(article.text):,} characters, the limit is {MAX_ARTICLE_CHARS:,}); "
            "split it into articles, e.g. one JSONL record each",
            article.source,
        )
    return stamp(backend.extract(article), article)


def stamp(extraction: ArticleExtraction, article: Article) -> ArticleExtraction:
    """The article's identity on its extraction, and its known publication date when the text had none."""
    updates: dict[str, object] = {"article_id": article.id}
    if extraction.published is None and article.published is not None:
        updates["published"] = article.published
    return extraction.model_copy(update=updates)


def extract_text(text: str, *, article_id: str = "text", backend: str = "regex", **options: object) -> ArticleExtraction:
    """Extract from a string: the shortest way in from Python."""
    from summarizer.text.reading import article_from_text

    return extract_article(article_from_text(text, article_id=article_id), get_backend(backend, quiet=True, **options))


def extract_to_stream(
    inputs: Iterable[str],
    out: TextIO,
    *,
    backend: str = "auto",
    indent: int | None = 2,
    **options: object,
) -> int:
    """Print one extraction per article; a bad input is reported on stderr and the rest go on.

    Returns the number of inputs that failed.
    """
    from summarizer.text.reading import iter_articles

    chosen = get_backend(backend, **{k: v for k, v in options.items() if v is not None})
    failed = 0
    for item in iter_articles(list(inputs)):
        if isinstance(item, SummarizerError):
            print(f"summarizer: {item}", file=sys.stderr)
            failed += 1
            continue
        try:
            result = extract_article(item, chosen)
        except SummarizerError as exc:
            print(f"summarizer: {exc}", file=sys.stderr)
            failed += 1
            continue
        out.write(dump_extraction(result, indent=indent) + "\n")
        out.flush()
    return failed
