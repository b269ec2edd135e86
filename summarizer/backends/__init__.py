"""Backends turn an Article into an ArticleExtraction behind one interface."""

from .base import Backend, get_backend, resolve_backend_name

__all__ = ["Backend", "get_backend", "resolve_backend_name"]
