"""Articles from the web: an article page by URL, or every entry of an RSS or Atom feed.

Pages are fetched with urllib3 (a timeout per request, a size bound read in chunks, a user agent
that names the tool, redirects followed), retried with tenacity on 429 and 5xx answers and dropped
connections (honouring a short Retry-After), and read with trafilatura like any saved page, keeping
its title, date and site. A feed is recognised by its content type or its first bytes and parsed
with feedparser; each entry's page is fetched in turn and takes the entry's title and date when the
page has none. A URL that cannot be fetched is one FetchError naming it; the rest go on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

import feedparser
import urllib3
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

from summarizer.errors import FetchError, InputError, TooLargeError

from .article import MAX_PAGE_BYTES, Article
from .decoding import decode_html, finish_text
from .html import article_from_html

USER_AGENT = "summarizer/0.2 (Vietnamese local-government news structuring; +https://pypi.org/project/summarizer/)"
TIMEOUT_SECONDS = (10.0, 30.0)  # connect, read
ATTEMPTS = 3
MAX_RETRY_AFTER = 10.0
MAX_FEED_ENTRIES = 500
_RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/rdf+xml")
_FEED_START = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S | re.I)


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    status: int
    content_type: str
    body: bytes


class _Transient(Exception):
    """A fetch worth trying again (429, 5xx, a dropped connection), with the server's wait if it gave one."""

    def __init__(self, message: str, wait: float | None = None) -> None:
        super().__init__(message)
        self.wait = wait


@functools.cache
def _pool() -> urllib3.PoolManager:
    """One connection pool per process, built on first use."""
    return urllib3.PoolManager(headers={"User-Agent": USER_AGENT, "Accept-Language": "vi,en;q=0.5"}, retries=False)


def _fetch_once(url: str) -> Fetched:
    try:
        response = _pool().request(
            "GET", url, preload_content=False, redirect=True, timeout=urllib3.Timeout(*TIMEOUT_SECONDS)
        )
    except urllib3.exceptions.HTTPError as exc:
        raise _Transient(f"could not connect ({type(exc).__name__})") from None
    try:
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > MAX_PAGE_BYTES:
            raise TooLargeError(f"too large ({int(declared):,} bytes, the limit is {MAX_PAGE_BYTES:,})", url)
        chunks, size = [], 0
        for chunk in response.stream(65536):
            size += len(chunk)
            if size > MAX_PAGE_BYTES:
                raise TooLargeError(f"too large (more than {MAX_PAGE_BYTES:,} bytes)", url)
            chunks.append(chunk)
    except urllib3.exceptions.HTTPError as exc:
        raise _Transient(f"the connection dropped ({type(exc).__name__})") from None
    finally:
        response.release_conn()
    if response.status in _RETRY_STATUSES:
        raise _Transient(f"the server answered {response.status}", _retry_after(response.headers.get("Retry-After")))
    final = urljoin(url, response.geturl() or url)
    return Fetched(final, response.status, response.headers.get("Content-Type", ""), b"".join(chunks))


def _retry_after(value: str | None) -> float | None:
    try:
        return min(float(value), MAX_RETRY_AFTER) if value is not None else None
    except ValueError:
        return None


def fetch(url: str, *, sleep: Callable[[float], None] = time.sleep) -> Fetched:
    """The page at ``url``; a FetchError (or TooLargeError) naming it when it cannot be had."""

    def wait(state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        asked = getattr(exc, "wait", None)
        return asked if asked is not None else min(MAX_RETRY_AFTER, 0.5 * 2 ** (state.attempt_number - 1))

    retrying = Retrying(
        stop=stop_after_attempt(ATTEMPTS),
        wait=wait,
        retry=retry_if_exception(lambda exc: isinstance(exc, _Transient)),
        sleep=sleep,
        reraise=True,
    )
    try:
        fetched = retrying(_fetch_once, url)
    except _Transient as exc:
        raise FetchError(f"{exc} (after {ATTEMPTS} attempts)", url) from None
    if fetched.status >= 400:
        raise FetchError(f"the server answered {fetched.status}", url)
    return fetched


def is_feed(fetched: Fetched) -> bool:
    media = fetched.content_type.split(";")[0].strip().lower()
    return media in _FEED_TYPES or media.endswith(("+xml",)) or bool(_FEED_START.match(fetched.body[:2048]))


def url_id(url: str) -> str:
    """A readable id for an article by URL: the last path segment without its extension, else the host."""
    parsed = urlparse(url)
    segment = next((part for part in reversed(parsed.path.split("/")) if part), "")
    stem = re.sub(r"\.(?:html?|aspx?|php|htm)$", "", segment, flags=re.I)
    return stem or parsed.hostname or url


def _page_article(fetched: Fetched, *, source: str, title: str | None = None, published: dt.date | None = None) -> Article:
    article = article_from_html(decode_html(fetched.body, source), article_id=url_id(fetched.url), source=source, key=source)
    meta = dict(article.meta) | {"url": fetched.url, "format": "url"}
    return Article(
        id=article.id,
        text=article.text,
        source=source,
        published=article.published or published,
        title=article.title or title,
        meta=meta,
        key=source,
    )


def _entry_date(entry: dict) -> dt.date | None:
    for name in ("published_parsed", "updated_parsed"):
        value = entry.get(name)
        if value:
            return dt.datetime.fromtimestamp(calendar.timegm(value), dt.timezone.utc).date()
    return None


def iter_url(url: str) -> Iterator[Article | InputError]:
    """The article at ``url``, or, for a feed, every entry's article in feed order."""
    try:
        fetched = fetch(url)
    except InputError as exc:
        yield exc
        return
    if not is_feed(fetched):
        try:
            yield _page_article(fetched, source=url)
        except InputError as exc:
            yield exc
        return
    feed = feedparser.parse(fetched.body)
    entries = [e for e in feed.entries[:MAX_FEED_ENTRIES] if e.get("link")]
    if not entries:
        yield FetchError("a feed with no entries that link to articles", url)
        return
    for entry in entries:
        link = entry["link"]
        title = finish_text(entry["title"]).strip() if entry.get("title") else None
        try:
            yield _page_article(fetch(link), source=link, title=title, published=_entry_date(entry))
        except InputError as exc:
            yield exc
