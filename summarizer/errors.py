"""The typed errors every part of the tool raises, the exit statuses, and the one-line error path.

Every error names the input it is about, so it prints as one line a person understands:
``summarizer: in/broken.txt: binary file (contains NUL bytes), not text``. The commands turn
whatever reaches them into an exit status here, in one place; no traceback reaches a user
(``SUMMARIZER_DEBUG=1`` shows one).
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable


class ExitStatus(enum.IntEnum):
    """What a command's exit status means (the README's table)."""

    OK = 0
    SOME_FAILED = 1  # some inputs failed or did not get the backend asked for; the rest were written
    USAGE = 2  # unusable arguments, settings or output, or an endpoint that fails every article
    GATE = 3  # an eval gate (--fail-under, --max-drop) was not met
    INTERRUPTED = 130
    INTERNAL = 70


class SummarizerError(Exception):
    """Base of every error the tool reports to a user."""

    kind = "error"

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.article_id: str | None = None
        """The id the input gave itself (a JSONL record's ``id``), when it gave one."""

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


class NotRegularFileError(InputError):
    """A FIFO, device, socket or broken or looping symlink where an article file was expected."""

    kind = "not_a_file"


class FetchError(InputError):
    """A URL or feed that could not be fetched."""

    kind = "fetch"


class ConfigError(SummarizerError):
    """Unusable arguments or settings."""

    kind = "config"


class BackendError(SummarizerError):
    """A backend could not produce an extraction for one article."""

    kind = "backend"


class LLMError(BackendError):
    """The model gave no usable answer for one article; ``reason`` is written for a person."""

    kind = "llm"

    def __init__(self, message: str, source: str | None = None, *, reason: str | None = None, provenance: object = None) -> None:
        super().__init__(message, source)
        self.reason = reason or message
        self.provenance = provenance  # the failed attempt's Provenance: model, prompt, tokens and cost spent


class FatalBackendError(SummarizerError):
    """A failure that will fail every article (bad key, unknown model or endpoint, rejected mode):
    the run stops at the first article with this one line, exit status 2."""

    kind = "fatal_backend"


class OutputError(SummarizerError):
    """An output cannot be written."""

    kind = "output"


class EvalError(SummarizerError):
    kind = "eval"


def say(message: str) -> None:
    """One line on stderr, prefixed with the tool's name."""
    print(f"summarizer: {message}", file=sys.stderr, flush=True)


def guarded(func: Callable[[], int | None]) -> int:
    """Run a command body and return its exit status; every error becomes one line on stderr.

    SummarizerError → its message, status 2; Ctrl-C → 130; a closed stdout pipe → 0; anything else
    → "internal error", status 70, unless ``SUMMARIZER_DEBUG`` is set (then it is raised).
    """
    try:
        return int(func() or ExitStatus.OK)
    except SummarizerError as exc:
        say(str(exc))
        return ExitStatus.USAGE
    except KeyboardInterrupt:
        say("interrupted")
        return ExitStatus.INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return ExitStatus.OK
    except Exception as exc:  # the last line of defence: no traceback reaches a user
        if os.environ.get("SUMMARIZER_DEBUG"):
            raise
        say(f"internal error: {type(exc).__name__}: {exc} (set SUMMARIZER_DEBUG=1 for details)")
        return ExitStatus.INTERNAL


def _silence_stdout() -> None:
    """After EPIPE, point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
