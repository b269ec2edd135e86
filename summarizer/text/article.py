"""An article as the rest of the tool sees it: its id, where it came from, and its text as read."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class Article:
    """``text`` is the decoded, NFC-normalised article; every character offset indexes it."""

    id: str
    text: str
    source: str
    published: dt.date | None = None
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict, compare=False)

    @cached_property
    def clean(self) -> str:
        """The text extractors read: portal cruft blanked out, same length as ``text``."""
        from .cruft import blank_cruft

        return blank_cruft(self.text)

    @cached_property
    def content_hash(self) -> str:
        """Identity of the article's content, used to skip already-processed articles on resume."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:24]
