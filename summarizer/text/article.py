"""An article as the rest of the tool sees it: its id, where it came from, and its text as read."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property

# About 150,000 words: far beyond any news article. Longer text is a dump or a concatenation, which
# would take minutes through the rules and hundreds of paid calls through a model.
MAX_ARTICLE_CHARS = 1_000_000
# Bytes read from one input at most: 1,000,000 characters take at most 4 bytes each (UTF-32);
# a page's markup is allowed twice that. Inputs are stat-ed first and never read past this.
MAX_TEXT_BYTES = 4 * MAX_ARTICLE_CHARS
MAX_PAGE_BYTES = 8 * MAX_ARTICLE_CHARS


@dataclass(frozen=True)
class Article:
    """``text`` is the decoded, NFC-normalised article; every character offset indexes it.

    ``id`` is unique within a run and stable across runs (file stem, path under the folder given,
    a JSONL record's id, or ``file:line``); ``key`` identifies the input itself (an absolute path,
    a JSONL file with the record's id or line, a URL), which resume pairs with the content hash.
    """

    id: str
    text: str
    source: str
    published: dt.date | None = None
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False)
    key: str = ""

    @cached_property
    def clean(self) -> str:
        """The text extractors read, same length as ``text`` and every offset the same: portal cruft blanked out,
        invisible characters inside a word set aside after it (``Nguy\u200bễn`` reads ``Nguyễn``), and the
        line breaks of hard-wrapped paragraphs read as spaces."""
        from .cruft import blank_cruft
        from .layout import join_wrapped_lines
        from .normalize import set_aside_invisible

        return join_wrapped_lines(set_aside_invisible(blank_cruft(self.text)))

    @cached_property
    def content_hash(self) -> str:
        """Identity of the article's content (24 hex digits of its SHA-256)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:24]

    @property
    def identity(self) -> str:
        """The input's identity for resume: ``key`` when known, else the source."""
        return self.key or self.source
