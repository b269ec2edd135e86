"""Backends by name. Each declares its options model, how it runs concurrently and what it needs.

In the manner of llm's model registry: the commands never construct a backend themselves; they
build a ``BackendConfig`` (configuration.py) and ask it for the backend. A backend's module is
imported only when it is built, so the rule-based path never loads openai.
"""

from __future__ import annotations

import importlib
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from summarizer.errors import ConfigError, say

from .options import BackendOptions, LLMOptions, RulesOptions

if TYPE_CHECKING:
    from .base import Backend

Concurrency = Literal["threads", "processes"]


@dataclass(frozen=True)
class BackendSpec:
    """What the tool knows of a backend before building it."""

    name: str
    summary: str
    options: type[BackendOptions]
    concurrency: Concurrency  # processes for CPU-bound work, threads for I/O-bound calls
    default_jobs: int | None  # None: one per core
    needs: str  # what a user must configure, for error messages and `--help`
    factory: str  # "module:Class", called with the options model
    loading: str = ""  # said on stderr while a slow module loads for the first time

    def build(self, options: BackendOptions) -> Backend:
        module, _, attribute = self.factory.partition(":")
        if self.loading and module not in sys.modules:
            say(self.loading)
        return getattr(importlib.import_module(module), attribute)(options)


REGISTRY: dict[str, BackendSpec] = {
    spec.name: spec
    for spec in (
        BackendSpec(
            name="regex",
            summary="rules of the administrative language; offline, deterministic",
            options=RulesOptions,
            concurrency="processes",
            default_jobs=None,
            needs="nothing",
            factory="summarizer.backends.rules:RuleBackend",
        ),
        BackendSpec(
            name="llm",
            summary="a model behind any OpenAI-compatible endpoint, grounded in the article",
            options=LLMOptions,
            concurrency="threads",
            default_jobs=8,
            needs="a model (--model or SUMMARIZER_MODEL) and OPENAI_API_KEY, or --base-url for a local server",
            factory="summarizer.backends.llm:LLMBackend",
            loading="loading the model client (openai, instructor)…",
        ),
    )
}


def spec_of(name: str) -> BackendSpec:
    """The spec of a registered backend; an unknown name is a ConfigError listing the known ones."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise ConfigError(f"unknown backend {name!r}; choose one of auto, {', '.join(REGISTRY)}", "--backend") from None
