"""Backends turn an Article into an ArticleExtraction behind one interface, chosen by a BackendConfig."""

from __future__ import annotations

from typing import Any

from .base import Backend, ManyArticlesBackend
from .configuration import BackendConfig, backend_config
from .registry import REGISTRY, BackendSpec


def get_backend(name: str = "auto", *, fallback: str | None = None, quiet: bool = False, **options: Any) -> Backend:
    """The backend a user asks for by name and options (``get_backend("llm", model="gpt-4o-mini")``)."""
    return backend_config(name, fallback=fallback, quiet=quiet, **options).build()


__all__ = ["REGISTRY", "Backend", "BackendConfig", "BackendSpec", "ManyArticlesBackend", "backend_config", "get_backend"]
