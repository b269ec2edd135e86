"""summarizer: structured records and briefings from Vietnamese local-government news.

The Python API in one place::

    from summarizer import extract_text, get_backend, iter_articles
    result = extract_text("Sáng 13/12, Kỳ họp thứ 20, HĐND thành phố Bắc Ninh khóa XXII ...")
"""

from summarizer.backends import get_backend
from summarizer.errors import SummarizerError
from summarizer.extract import extract_article, extract_text
from summarizer.schemas import ArticleExtraction, Directive, Event, Official, dump_extraction
from summarizer.text.article import Article

__version__ = "0.1.0"


def iter_articles(inputs: list[str]):  # type: ignore[no-untyped-def]
    """Articles (or the errors of inputs that are not articles) from files, folders, JSONL or stdin."""
    from summarizer.text.reading import iter_articles as _iter

    return _iter(inputs)


__all__ = [
    "Article",
    "ArticleExtraction",
    "Directive",
    "Event",
    "Official",
    "SummarizerError",
    "dump_extraction",
    "extract_article",
    "extract_text",
    "get_backend",
    "iter_articles",
]
