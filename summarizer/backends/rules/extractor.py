"""The rule-based backend: the default, offline way from an article to its extraction."""

from __future__ import annotations

from summarizer.backends.options import RulesOptions
from summarizer.schemas import ArticleExtraction, Provenance
from summarizer.text.article import Article
from summarizer.language.dates import find_published

from .directives import find_directives
from .document import Document
from .events import find_events
from .officials import to_officials
from .visible import as_seen


class RuleBackend:
    """Patterns built from the administrative vocabulary; deterministic, fast, no model needed."""

    name = "regex"

    def __init__(self, options: RulesOptions | None = None) -> None:
        self.options = options or RulesOptions()

    def extract(self, article: Article) -> ArticleExtraction:
        published = find_published(article.text)
        doc = Document(article.clean, published or article.published)
        extraction = ArticleExtraction(
            article_id=article.id,
            published=published,
            events=find_events(doc, tuple(h for h in (article.title, article.text) if h)),
            officials=to_officials(doc.people, article.text),
            directives=find_directives(doc),
            provenance=Provenance(backend="regex"),
        )
        return as_seen(extraction, article.text, article.clean)
