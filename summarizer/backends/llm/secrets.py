"""Keeping API keys out of everything the tool writes: messages, records, the cache and the call log.

The configured key is removed whatever its shape, and so is any part of it a server echoes back
(a prefix, a suffix, or both around a row of asterisks, as OpenAI's "Incorrect API key provided:
sk-proj-abc*****wxyz" does), and anything shaped like a key or a bearer token. Redaction always comes
before any shortening, so no part of a key survives a cut.
"""

from __future__ import annotations

import re

# What a local server gets as its key: it is not a secret.
LOCAL_API_KEY = "not-needed"
_SECRET_LIKE = re.compile(r"\b(sk-[A-Za-z0-9_\-]{6,}|Bearer\s+\S+|api[-_]?key[=:]\s*\S+)", re.IGNORECASE)
# A run of characters keys are made of, possibly with a masked middle (abc****wxyz).
_KEYISH_RUN = re.compile(r"[A-Za-z0-9_\-+/=.]+(?:\*{3,}[A-Za-z0-9_\-+/=.]*)?|\*{3,}[A-Za-z0-9_\-+/=.]+")
MASK = "***"
# The shortest part of a key that counts as a leak: long enough not to match ordinary words by chance.
MIN_PART = 8
MIN_EDGE = 4  # a key's first or last characters beside a row of asterisks


def _shares_part(run: str, secret: str) -> bool:
    """Whether ``run`` holds a piece of ``secret`` at least MIN_PART long, or is a masked echo of it
    (its first or last MIN_EDGE characters beside asterisks)."""
    if "***" in run:
        head, _, tail = run.partition("***")
        tail = tail.lstrip("*")
        if (len(head) >= MIN_EDGE and secret.startswith(head)) or (len(tail) >= MIN_EDGE and secret.endswith(tail)):
            return True
    if len(run) < MIN_PART:
        return False
    for start in range(len(run) - MIN_PART + 1):
        if run[start : start + MIN_PART] in secret:
            return True
    return False


class Redactor:
    """Callable that masks one configured key, any part of it, and key-shaped strings in a text."""

    def __init__(self, secret: str | None) -> None:
        self._secrets = [s for s in {secret or ""} if s and s != LOCAL_API_KEY and len(s) >= 4]

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, MASK)
            if len(secret) >= MIN_PART:
                text = _KEYISH_RUN.sub(lambda m, s=secret: MASK if _shares_part(m.group(), s) else m.group(), text)
        return _SECRET_LIKE.sub(MASK, text)


def shorten(text: str, limit: int = 300) -> str:
    """One line of at most ``limit`` characters; redact first."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"
