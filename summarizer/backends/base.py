"""The one interface both backends implement, and the choice between them."""

from __future__ import annotations

import os
import sys
from typing import Protocol, runtime_checkable

from summarizer.errors import ConfigError
from summarizer.schemas import ArticleExtraction
from summarizer.text.article import Article

BACKEND_NAMES = ("auto", "regex", "llm")


@runtime_checkable
class Backend(Protocol):
    name: str

    def extract(self, article: Article) -> ArticleExtraction:
        """Return the extraction of one article; raise a SummarizerError naming the article on failure."""
        ...


def configured_model(model: str | None = None) -> str | None:
    return model or os.environ.get("SUMMARIZER_MODEL") or None


def resolve_backend_name(name: str, model: str | None = None, *, quiet: bool = False) -> str:
    """``auto`` means the LLM when a model is configured, else the rule-based backend (with a notice)."""
    if name not in BACKEND_NAMES:
        raise ConfigError(f"unknown backend {name!r}; choose one of {', '.join(BACKEND_NAMES)}", "--backend")
    if name != "auto":
        return name
    if configured_model(model):
        return "llm"
    if not quiet:
        print("summarizer: no model configured (--model or SUMMARIZER_MODEL); using the rule-based backend", file=sys.stderr)
    return "regex"


def get_backend(
    name: str = "auto",
    *,
    model: str | None = None,
    base_url: str | None = None,
    prompt: str | None = None,
    quiet: bool = False,
    **options: object,
) -> Backend:
    """Build the backend a user asked for; imports are lazy so the rule-based path never loads openai."""
    resolved = resolve_backend_name(name, model, quiet=quiet)
    if resolved == "regex":
        from .rules import RuleBackend

        return RuleBackend()
    from .llm import LLMBackend

    chosen = configured_model(model)
    if not chosen:
        raise ConfigError("the llm backend needs a model: pass --model or set SUMMARIZER_MODEL", "--model")
    return LLMBackend(model=chosen, base_url=base_url, prompt=prompt, **options)
