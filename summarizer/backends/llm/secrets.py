"""Keeping API keys out of everything the tool writes: messages, records, the cache and the call log.

The configured key is removed whatever its shape, and so is anything shaped like a key or a bearer
token; redaction always comes before any shortening, so no part of a key survives a cut.
"""

from __future__ import annotations

import re

# What a local server gets as its key: it is not a secret.
LOCAL_API_KEY = "not-needed"
_SECRET_LIKE = re.compile(r"\b(sk-[A-Za-z0-9_\-]{6,}|Bearer\s+\S+|api[-_]?key[=:]\s*\S+)", re.IGNORECASE)
MASK = "***"


class Redactor:
    """Callable that masks one configured key (and key-shaped strings) in a text."""

    def __init__(self, secret: str | None) -> None:
        self._secrets = [s for s in {secret or ""} if s and s != LOCAL_API_KEY and len(s) >= 4]

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return _SECRET_LIKE.sub(MASK, text)


def shorten(text: str, limit: int = 300) -> str:
    """One line of at most ``limit`` characters; redact first."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"
