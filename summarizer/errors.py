"""A small typed error hierarchy: every error names the input it is about, so it prints as one line."""

from __future__ import annotations


class SummarizerError(Exception):
    """Base of every error the tool reports to a user."""

    kind = "error"

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        return f"{self.source}: {self.message}" if self.source else self.message

    def to_record(self) -> dict[str, str]:
        return {"kind": self.kind, "message": self.message}


class InputError(SummarizerError):
    """An input that cannot become an article."""

    kind = "input"


class NotFoundError(InputError):
    kind = "not_found"


class UnreadableError(InputError):
    kind = "unreadable"


class DecodeError(InputError):
    kind = "decode"


class BinaryInputError(InputError):
    kind = "binary"


class EmptyArticleError(InputError):
    kind = "empty"


class MalformedRecordError(InputError):
    kind = "malformed_record"


class TooLargeError(InputError):
    kind = "too_large"


class UnsupportedFormatError(InputError):
    kind = "unsupported_format"


class ConfigError(SummarizerError):
    """Unusable arguments or settings."""

    kind = "config"


class BackendError(SummarizerError):
    """A backend could not produce an extraction."""

    kind = "backend"


class LLMError(BackendError):
    kind = "llm"


class OutputError(SummarizerError):
    """An output cannot be written."""

    kind = "output"


class EvalError(SummarizerError):
    kind = "eval"
