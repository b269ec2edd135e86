"""Extraction of one article: the Python API's way in, and the step every command runs per article."""

from __future__ import annotations

from typing import Any

from summarizer.backends import Backend, get_backend
from summarizer.schemas import ArticleExtraction
from summarizer.text.article import Article
from summarizer.text.reading import article_from_text, check_length


def extract_article(article: Article, backend: Backend) -> ArticleExtraction:
    """Run a backend and stamp the article's identity on the result; raises the SummarizerError of a failure."""
    check_length(len(article.text), article.source)
    return stamp(backend.extract(article), article)


def stamp(extraction: ArticleExtraction, article: Article) -> ArticleExtraction:
    """The article's identity on its extraction, and its known publication date when the text had none."""
    updates: dict[str, object] = {"article_id": article.id}
    if extraction.published is None and article.published is not None:
        updates["published"] = article.published
    return extraction.model_copy(update=updates)


def extract_text(text: str, *, article_id: str = "text", backend: str = "regex", **options: Any) -> ArticleExtraction:
    """Extract from a string: the shortest way in from Python (``extract_text("Sáng 13/12, Kỳ họp …")``)."""
    return extract_article(article_from_text(text, article_id=article_id), get_backend(backend, quiet=True, **options))
