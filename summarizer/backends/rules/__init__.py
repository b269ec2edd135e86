"""Rule-based extraction: events, officials and directives from patterns of the administrative language."""

from .extractor import RuleBackend

__all__ = ["RuleBackend"]
