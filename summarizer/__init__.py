"""summarizer: structured records and briefings from Vietnamese local-government news.

The Python API in one place::

    from summarizer import extract_text, get_backend, iter_articles
    result = extract_text("Sáng 13/12, Kỳ họp thứ 20, HĐND thành phố Bắc Ninh khóa XXII ...")

Names are imported on first use, so importing the package (and starting the CLI) stays fast.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.2.0"

_API = {
    "Article": "summarizer.text.article",
    "ArticleExtraction": "summarizer.schemas",
    "BackendConfig": "summarizer.backends",
    "Directive": "summarizer.schemas",
    "Event": "summarizer.schemas",
    "Official": "summarizer.schemas",
    "SummarizerError": "summarizer.errors",
    "backend_config": "summarizer.backends",
    "dump_extraction": "summarizer.schemas",
    "extract_article": "summarizer.extract",
    "extract_text": "summarizer.extract",
    "get_backend": "summarizer.backends",
    "iter_articles": "summarizer.text.reading",
}


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'summarizer' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])


__all__ = sorted(_API)
