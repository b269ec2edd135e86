"""The one module that speaks instructor: structured calls, re-asks, and the exact request bodies.

instructor 1.17 re-asks the model with the validation error when an answer does not parse or is
not grounded; it is given an explicit tenacity policy (``1 + max_reasks`` attempts, parse and
validation errors only). Transport faults are retried one layer down, inside the create function
instructor wraps (see transport.py), so a re-ask never re-sends a request that merely timed out.
Tokens of every response are summed through instructor's ``completion:response`` hook, failed
attempts included, from the API's own ``usage``.
"""

from __future__ import annotations

import json
import logging
import re
import threading
import time
from functools import lru_cache
from dataclasses import dataclass, field
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException, ResponseParsingError
from instructor.core.hooks import Hooks
from openai.types.chat import ChatCompletion
from pydantic import ValidationError
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt

from summarizer.errors import ConfigError, FatalBackendError

from .secrets import Redactor, shorten

from .transport import RetryingTransport, TransportPolicy, TransportStats, fault_kind, is_transient
from .validation import Answer

# instructor logs every failed attempt at ERROR level, with the server's message (which may echo a
# credential); we report failures ourselves, once and redacted, so its records go nowhere.
_instructor_log = logging.getLogger("instructor")
_instructor_log.addHandler(logging.NullHandler())
_instructor_log.propagate = False

MODES = {"tools": instructor.Mode.TOOLS, "json": instructor.Mode.JSON, "md_json": instructor.Mode.MD_JSON}
_PARSE_ERRORS = (ValidationError, json.JSONDecodeError, ResponseParsingError)
_THINK = re.compile(r"<think>.*?</think>\s*", re.S | re.I)
OPENAI_HOST = "api.openai.com"


def default_mode(base_url: str | None) -> str:
    """Tool calling on api.openai.com; JSON mode on other servers, which nearly all support."""
    host = urlparse(base_url).hostname if base_url else OPENAI_HOST
    return "tools" if host == OPENAI_HOST else "json"


def resolve_mode(mode: str | None, base_url: str | None) -> str:
    """The mode asked for, else the endpoint's default; an unknown mode is a ConfigError."""
    chosen = (mode or default_mode(base_url)).strip().lower()
    if chosen not in MODES:
        raise ConfigError(f"unknown mode {chosen!r}; choose one of {', '.join(MODES)}", "--mode")
    return chosen


def strip_think(completion: Any) -> Any:
    """Remove ``<think>…</think>`` blocks that reasoning models put before their answer."""
    for choice in getattr(completion, "choices", None) or []:
        message = getattr(choice, "message", None)
        content = getattr(message, "content", None)
        if isinstance(content, str) and "<think>" in content.lower():
            message.content = _THINK.sub("", content).strip()
    return completion


@dataclass
class CallUsage:
    """Figures of one logical call: every HTTP request, every response's tokens, every re-ask."""

    tokens_in: int = 0
    tokens_out: int = 0
    reasks: int = 0
    transport: TransportStats = field(default_factory=TransportStats)
    latency_s: float = 0.0

    usage_known: bool = True  # False once a response came without ``usage``: its cost is unknown

    @property
    def attempts(self) -> int:
        return self.transport.requests

    def add_tokens(self, tokens_in: int, tokens_out: int) -> None:
        self.tokens_in += tokens_in
        self.tokens_out += tokens_out

    def add_response(self, response: Any) -> None:
        usage = getattr(response, "usage", None)
        if usage is None:
            self.usage_known = False
            return
        self.add_tokens(int(getattr(usage, "prompt_tokens", 0) or 0), int(getattr(usage, "completion_tokens", 0) or 0))


class LLMCallFailed(Exception):
    """A call that produced no usable answer: transport exhausted, API refusal, or no valid output.

    ``kind`` is a short name for the call log; ``reason`` is written for a person; ``fatal`` says the
    same failure would meet every article (a refused key, an unknown model, a rejected mode).
    """

    def __init__(self, kind: str, reason: str, usage: CallUsage, *, fatal: bool = False, hint: str = "") -> None:
        super().__init__(f"{kind}: {reason}")
        self.kind = kind
        self.reason = reason
        self.usage = usage
        self.fatal = fatal
        self.hint = hint

    def as_fatal(self, redact: Callable[[str], str]) -> FatalBackendError:
        hint = f"; {self.hint}" if self.hint else ""
        return FatalBackendError(redact(f"{self.reason}{hint}"), "llm")


class _Captured(Exception):
    pass


def parse_failure_kind(exc: BaseException) -> str:
    """``ungrounded`` when the answer named things the article does not contain, else ``invalid_output``."""
    return "ungrounded" if "not in the article text" in str(exc) else "invalid_output"


@lru_cache(maxsize=1)
def _response_model() -> Any:
    """Answer wrapped as instructor wraps response models, for parsing completions it did not fetch."""
    return instructor.openai_schema(Answer)


class Adapter:
    """A configured client for one model, endpoint and mode."""

    def __init__(
        self,
        *,
        model: str,
        base_url: str | None,
        api_key: str,
        mode: str,
        policy: TransportPolicy,
        max_reasks: int = 2,
        params: dict[str, Any] | None = None,
    ) -> None:
        self.model = model
        self.mode = mode
        self.redact = Redactor(api_key)
        self.timeout = policy.timeout
        self.max_reasks = max_reasks
        self.params = dict(params or {})
        self.client = openai.OpenAI(api_key=api_key, base_url=base_url, max_retries=0, timeout=policy.timeout)
        self._local = threading.local()
        transport = RetryingTransport(policy)
        raw_create = self.client.chat.completions.create

        def create_and_clean(*args: Any, **kwargs: Any) -> Any:
            return strip_think(raw_create(*args, **kwargs))

        create = transport.wrap(create_and_clean, lambda: getattr(self._local, "stats", None))
        self._instructor = instructor.Instructor(
            client=self.client,
            create=instructor.patch(create=create, mode=MODES[mode]),
            mode=MODES[mode],
            provider=instructor.Provider.OPENAI,
        )

    def _reask_policy(self) -> Retrying:
        return Retrying(
            stop=stop_after_attempt(1 + self.max_reasks),
            retry=retry_if_exception_type(_PARSE_ERRORS),
            reraise=True,
        )

    def request_body(self, messages: list[dict[str, str]]) -> dict[str, Any]:
        """The exact chat-completions body instructor would send for these messages (no HTTP)."""
        captured: dict[str, Any] = {}

        def capture(*args: Any, **kwargs: Any) -> Any:
            captured.update(kwargs)
            raise _Captured

        try:
            instructor.patch(create=capture, mode=MODES[self.mode])(
                response_model=Answer, messages=messages, max_retries=0, model=self.model, **self.params
            )
        except (InstructorRetryException, _Captured):
            pass
        if not captured:
            raise ConfigError(f"instructor produced no request for mode {self.mode}", "--mode")
        return captured

    def parse(self, completion: dict[str, Any], context: dict[str, Any]) -> Answer:
        """Parse one chat completion (e.g. a Batch API result) exactly as a live call would be parsed."""
        response = strip_think(ChatCompletion.model_validate(completion))
        parsed = _response_model().from_response(response, validation_context=context, strict=False, mode=MODES[self.mode])
        return Answer.model_validate(parsed.model_dump())

    def extract(self, messages: list[dict[str, str]], context: dict[str, Any]) -> tuple[Answer, CallUsage]:
        """One structured call with re-asks; raises LLMCallFailed with the usage spent so far."""
        usage = CallUsage()
        hooks = Hooks()
        hooks.on("completion:response", usage.add_response)
        hooks.on("parse:error", lambda error, **_: setattr(usage, "reasks", usage.reasks + 1))
        self._local.stats = usage.transport
        started = time.perf_counter()
        try:
            answer = self._instructor.create(
                response_model=Answer,
                messages=messages,
                max_retries=self._reask_policy(),
                context=context,
                strict=False,
                hooks=hooks,
                model=self.model,
                **self.params,
            )
        except InstructorRetryException as exc:
            raise self._failure(exc.__cause__ or exc, usage) from None
        except Exception as exc:  # whatever else goes wrong is this article's failure, never the batch's
            raise self._failure(exc, usage) from None
        finally:
            self._local.stats = None
            usage.latency_s = time.perf_counter() - started
        return answer, usage

    def _failure(self, cause: BaseException, usage: CallUsage) -> LLMCallFailed:
        short = lambda text: shorten(self.redact(text))  # noqa: E731 - redact before cutting
        if isinstance(cause, openai.APIError):
            return api_failure(cause, usage, short, endpoint=str(self.client.base_url), timeout=self.timeout)
        if isinstance(cause, IncompleteOutputException):
            return LLMCallFailed("truncated_output", "the answer was cut off at the output token limit", usage)
        if isinstance(cause, _PARSE_ERRORS):
            # Every failed parse was followed by a re-ask except the last one.
            usage.reasks = max(0, usage.reasks - 1)
            kind = parse_failure_kind(cause)
            what = "named things the article does not contain" if kind == "ungrounded" else "did not follow the schema"
            reason = f"the answer {what} after {usage.attempts} attempts: {short(error_text(cause))}"
            return LLMCallFailed(kind, reason, usage)
        return LLMCallFailed(type(cause).__name__, short(str(cause)), usage)


def api_failure(
    cause: openai.APIError, usage: CallUsage, short: Callable[[str], str], *, endpoint: str, timeout: float
) -> LLMCallFailed:
    """An API error as a failure a person can act on; errors that will fail every article are fatal."""
    kind = fault_kind(cause)
    tries = f" ({usage.attempts} attempts)" if is_transient(cause) and usage.attempts > 1 else ""
    if isinstance(cause, openai.APITimeoutError):
        return LLMCallFailed(kind, f"the server did not answer within {timeout:g} s{tries}", usage)
    if isinstance(cause, openai.APIConnectionError):
        return LLMCallFailed(kind, f"could not connect to {endpoint}{tries}: {short(str(cause))}", usage)
    status = getattr(cause, "status_code", None)
    message = short(_server_message(cause))
    if status in (401, 403):
        return LLMCallFailed(kind, f"the server refused the request ({status}): {message}", usage, fatal=True,
                             hint="check OPENAI_API_KEY and that the key may use this model")
    if status == 404:
        return LLMCallFailed(kind, f"model or endpoint not found (404): {message}", usage, fatal=True,
                             hint="check --model and --base-url (an OpenAI-compatible URL usually ends in /v1)")
    if status in (400, 422) and not _about_this_article(message):
        return LLMCallFailed(kind, f"the server rejected the request ({status}): {message}", usage, fatal=True,
                             hint="try another --mode (tools, json, json_schema, md_json) or drop the option it names")
    if status == 429:
        return LLMCallFailed(kind, f"rate limited by the server (429){tries}: {message}", usage)
    if status is not None and status >= 500:
        return LLMCallFailed(kind, f"the server failed ({status}){tries}: {message}", usage)
    return LLMCallFailed(kind, f"the server answered {status}: {message}", usage)


_ARTICLE_SPECIFIC = re.compile(r"context[_ ]length|maximum context|too (?:long|many tokens)|content[_ ](?:filter|policy)", re.I)


def _about_this_article(message: str) -> bool:
    """A 400 about this request's content (too long, filtered), not about the request's shape."""
    return bool(_ARTICLE_SPECIFIC.search(message))


def _server_message(cause: openai.APIError) -> str:
    body = getattr(cause, "body", None)
    if isinstance(body, dict):
        error = body.get("error", body)
        if isinstance(error, dict) and isinstance(error.get("message"), str):
            return error["message"]
        if isinstance(error, str):
            return error
    return getattr(cause, "message", None) or str(cause)


def error_text(exc: BaseException) -> str:
    """A validation error as its messages only (no pydantic banner, no echo of the whole input)."""
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" if e["loc"] else e["msg"] for e in exc.errors())
    return str(exc)
