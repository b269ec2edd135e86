"""A failed call as a person reads it: what failed, the server's own message, what to try.

``LLMCallFailed`` carries a short ``kind`` for the call log, a ``reason`` written for a person, and
``fatal`` when the same failure would meet every article (a refused key, an unknown model or
endpoint, a rejected mode or parameter, an endpoint that answers with a web page): such a failure
stops the run at the first article (exit status 2) instead of failing, or falling back on, each one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import openai

from summarizer.errors import FatalBackendError

from .replies import describe_body
from .transport import fault_kind, is_transient

_ARTICLE_SPECIFIC = re.compile(r"context[_ ]length|maximum context|too (?:long|many tokens)|content[_ ](?:filter|policy)", re.I)
_MODE_WORDS = re.compile(r"response_format|json_schema|json_object|tool_choice|\btools?\b|function[_ ]call|structured output", re.I)


class LLMCallFailed(Exception):
    """A call that produced no usable answer: transport exhausted, API refusal, or no valid output.

    ``rejected_mode``: the mode the server refused (the backend may switch to another once);
    ``usage`` is what the call spent (a CallUsage).
    """

    def __init__(
        self, kind: str, reason: str, usage: Any, *, fatal: bool = False, hint: str = "", rejected_mode: str | None = None
    ) -> None:
        super().__init__(f"{kind}: {reason}")
        self.kind = kind
        self.reason = reason
        self.usage = usage
        self.fatal = fatal
        self.hint = hint
        self.rejected_mode = rejected_mode

    def as_fatal(self, redact: Callable[[str], str]) -> FatalBackendError:
        hint = f"; {self.hint}" if self.hint else ""
        return FatalBackendError(redact(f"{self.reason}{hint}"), "llm")


def about_this_article(message: str) -> bool:
    """A 400 about this request's content (too long, filtered), not about the request's shape."""
    return bool(_ARTICLE_SPECIFIC.search(message))


def rejects_mode(message: str) -> bool:
    """A 400 about how the structure was asked for (response_format, tools), not about a parameter."""
    return bool(_MODE_WORDS.search(message))


def server_message(cause: openai.APIError) -> str:
    """The server's own words: the ``error.message`` (or ``error``) of a JSON body, or what a non-JSON
    body is (an HTML page and its title)."""
    body = getattr(cause, "body", None)
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return error["message"]
        if isinstance(error, str):
            return error
    text = _response_text(cause)
    if text is not None and not text.lstrip().startswith(("{", "[")):
        return describe_body(text)
    if isinstance(body, str):
        return body
    return getattr(cause, "message", None) or str(cause)


def _response_text(cause: openai.APIError) -> str | None:
    response = getattr(cause, "response", None)
    if response is None:
        return None
    try:
        return response.text
    except Exception:  # a streamed or closed response has no text to show
        return None


def error_param(cause: openai.APIError) -> str | None:
    body = getattr(cause, "body", None)
    error = body.get("error", body) if isinstance(body, dict) else None
    param = error.get("param") if isinstance(error, dict) else None
    return param if isinstance(param, str) else None


def api_failure(
    cause: openai.APIError,
    usage: Any,
    short: Callable[[str], str],
    *,
    endpoint: str,
    timeout: float,
    mode: str,
    other_modes: list[str],
    refused: str | None = None,
    reached: bool = True,
) -> LLMCallFailed:
    """An API error as a failure a person can act on; errors that will fail every article are fatal.

    ``refused``: the parameter a 400 named, when it is the user's own option (it is not dropped);
    ``reached``: the server has answered a request of this run (a connection refused before it ever has
    means nothing listens at the endpoint: fatal).
    """
    kind = fault_kind(cause)
    tries = f" ({usage.attempts} attempts)" if is_transient(cause) and usage.attempts > 1 else ""
    if isinstance(cause, openai.APITimeoutError):
        return LLMCallFailed(kind, f"the server did not answer within {timeout:g} s{tries}", usage)
    if isinstance(cause, openai.APIConnectionError):
        return LLMCallFailed(kind, f"could not connect to {endpoint}{tries}: {short(str(cause))}", usage, fatal=not reached,
                             hint="" if reached else "nothing answered there: is the server running, and is --base-url right?")
    status = getattr(cause, "status_code", None)
    message = short(server_message(cause))
    if status in (401, 403):
        return LLMCallFailed(kind, f"the server refused the request ({status}): {message}", usage, fatal=True,
                             hint="check OPENAI_API_KEY and that the key may use this model")
    if status == 404:
        return LLMCallFailed(kind, f"model or endpoint not found (404): {message}", usage, fatal=True,
                             hint="check --model and --base-url (an OpenAI-compatible URL usually ends in /v1)")
    if status in (400, 422) and not about_this_article(message):
        if refused:
            return LLMCallFailed(kind, f"the server does not take {refused} for this model ({status}): {message}", usage,
                                 fatal=True, hint=f"drop or change the option that sets it ({_option(refused)})")
        if rejects_mode(message):
            return LLMCallFailed("mode_rejected", f"the server rejected --mode {mode} ({status}): {message}", usage,
                                 fatal=True, hint=f"try --mode {' or --mode '.join(other_modes)}", rejected_mode=mode)
        return LLMCallFailed(kind, f"the server rejected the request ({status}): {message}", usage, fatal=True,
                             hint="check --model, --base-url and the -O options")
    if status == 429:
        return LLMCallFailed(kind, f"rate limited by the server (429){tries}: {message}", usage)
    if status is not None and status >= 500:
        return LLMCallFailed(kind, f"the server failed ({status}){tries}: {message}", usage)
    return LLMCallFailed(kind, f"the server answered {status}: {message}", usage)


def _option(parameter: str) -> str:
    name = "max_tokens" if parameter == "max_completion_tokens" else parameter
    return f"-O {name}=…"
