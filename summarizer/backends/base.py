"""The one interface every backend implements."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Protocol, runtime_checkable

from summarizer.errors import SummarizerError
from summarizer.schemas import ArticleExtraction
from summarizer.text.article import Article


@runtime_checkable
class Backend(Protocol):
    """Turns one article into its extraction.

    ``extract`` returns the extraction with its provenance filled, or raises a SummarizerError naming
    the article: a BackendError when this article failed (the run goes on), a FatalBackendError when
    every article would fail the same way (the run stops).
    """

    name: str

    def extract(self, article: Article) -> ArticleExtraction: ...


@runtime_checkable
class ManyArticlesBackend(Backend, Protocol):
    """A backend that can also answer many articles in one job (the OpenAI Batch API)."""

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, ArticleExtraction | SummarizerError]]:
        """Each article with its extraction or its error, in input order."""
        ...
