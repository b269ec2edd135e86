"""The article of a portal page: its text (trafilatura), title, publication date and site."""

from __future__ import annotations

import logging

from summarizer.errors import EmptyArticleError

from .article import Article
from .decoding import finish_text, parse_iso_date

# A page whose extracted text has no line of this many words holds menus and labels, not an article.
_PROSE_WORDS = 8

# trafilatura logs "discarding data" for pages without article text; that case is reported as a typed error.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())


def article_from_html(html: str, *, article_id: str, source: str, key: str = "") -> Article:
    """The main article of a portal page; a page with no article text is an EmptyArticleError."""
    import trafilatura

    # Precision mode, because trafilatura's recall fallbacks turn a navigation-only page into a list of
    # menu items; tables off, because old portals lay the whole page out in one table and trafilatura
    # would flatten the article into a single table row.
    document = trafilatura.bare_extraction(
        html,
        output_format="python",
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
    )
    body = finish_text(document.text or "") if document is not None else ""
    if not any(len(line.split()) >= _PROSE_WORDS for line in body.splitlines()):
        raise EmptyArticleError("no article text in the page (a login wall or navigation only?)", source)
    meta = {"format": "html"}
    for name in ("url", "sitename", "hostname"):
        value = getattr(document, name, None)
        if isinstance(value, str) and value.strip():
            meta[name] = finish_text(value).strip()
    return Article(
        id=article_id,
        text=body,
        source=source,
        published=parse_iso_date(document.date),
        title=finish_text(document.title).strip() if document.title else None,
        meta=meta,
        key=key,
    )
