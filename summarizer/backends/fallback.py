"""Fallback as composition: a backend that answers with a second one when the first fails an article.

The answer is marked: its provenance names both backends (``llm→regex``), the first one's reason in
words, and what the failed attempt spent. A failure that would fail every article
(FatalBackendError) is not fallen back from: the run stops.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from summarizer.errors import BackendError, ConfigError, LLMError, SummarizerError
from summarizer.schemas import ArticleExtraction, Provenance
from summarizer.text.article import Article

from .base import Backend, ManyArticlesBackend


class FallbackBackend:
    """``primary``, and ``secondary`` for each article the primary fails on with a BackendError."""

    def __init__(self, primary: Backend, secondary: Backend) -> None:
        self.primary = primary
        self.secondary = secondary
        self.name = primary.name
        self.label = f"{primary.name}→{secondary.name}"

    def extract(self, article: Article) -> ArticleExtraction:
        try:
            return self.primary.extract(article)
        except BackendError as failure:
            return self.answer_instead(article, failure)

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, ArticleExtraction | SummarizerError]]:
        """The primary's many-articles job, with the secondary's answer for each article it failed."""
        if not isinstance(self.primary, ManyArticlesBackend):
            raise ConfigError(f"the {self.primary.name} backend cannot answer many articles in one job", self.primary.name)
        for article, result in self.primary.extract_many(articles):
            if isinstance(result, BackendError):
                try:
                    result = self.answer_instead(article, result)
                except BackendError as both:
                    result = both
            yield article, result

    def answer_instead(self, article: Article, failure: BackendError) -> ArticleExtraction:
        """The secondary's extraction of ``article``, marked with the primary's failure."""
        try:
            result = self.secondary.extract(article)
        except BackendError as second:
            raise BackendError(
                f"{self.primary.name} failed ({_reason(failure)}) and so did {self.secondary.name} ({second.message})",
                article.source,
            ) from None
        spent = failure.provenance if isinstance(failure, LLMError) and failure.provenance else Provenance(backend=self.primary.name)
        provenance = spent.model_copy(update={"backend": self.label, "fallback_reason": _reason(failure), "cached": False})
        return result.model_copy(update={"provenance": provenance})


def _reason(failure: BackendError) -> str:
    return failure.reason if isinstance(failure, LLMError) else failure.message
