"""The one module that speaks instructor: a structured call with re-asks, for one model and endpoint.

The request body is the tool's own (bodies.py: one per mode); instructor's retry loop sends it,
parses the answer with its mode's handler and re-asks the model with the validation error when the
answer does not parse or is not grounded (``1 + max_reasks`` attempts, parse and validation errors
only). Two things happen between the HTTP reply and instructor's parser:

- the reply is read the way real servers answer (replies.py) and rewritten into the one shape the
  mode's parser reads, so that reasoning text, fences, prose, side fields and several tool calls
  cost no re-ask; a reply with no answer that a re-ask would not change (filtered, refused, an HTML
  page) ends the call at once;
- its ``usage`` is added to the call's figures (failed attempts included); a reply without usage
  makes the call's cost unknown, never zero.

Transport faults are retried one layer down (transport.py). A 400 that names a parameter the tool
chose itself is answered by dropping or renaming it once (parameters.py). instructor's Jinja
templating of messages is never applied: an article's ``{{`` or ``{%`` reaches the model as written.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import instructor
import openai
from instructor.core.exceptions import IncompleteOutputException, InstructorRetryException, ResponseParsingError
from instructor.core.hooks import Hooks
from instructor.core.retry import retry_sync
from openai.types.chat import ChatCompletion, ChatCompletionMessage
from pydantic import ValidationError
from tenacity import Retrying, retry_if_exception_type, stop_after_attempt

from summarizer.errors import ConfigError

from .bodies import MODES as BODY_MODES
from .bodies import NAME, build_body
from .endpoints import Endpoint
from .failures import LLMCallFailed, api_failure, error_param, server_message
from .parameters import Parameters, refused_parameter
from .replies import Reading, Unanswered, check_completion, read_reply
from .secrets import Redactor, shorten
from .transport import RetryingTransport, TransportPolicy, TransportStats
from .validation import REASK_PREFIX, Answer

# instructor logs every failed attempt at ERROR level, with the server's message (which may echo a
# credential); we report failures ourselves, once and redacted, so its records go nowhere.
_instructor_log = logging.getLogger("instructor")
_instructor_log.addHandler(logging.NullHandler())
_instructor_log.propagate = False

MODES = {
    "tools": instructor.Mode.TOOLS,
    "json_schema": instructor.Mode.JSON_SCHEMA,
    "json": instructor.Mode.JSON,
    "md_json": instructor.Mode.MD_JSON,
}
assert set(MODES) == set(BODY_MODES)
# When the server rejects a mode the user did not choose, the next one tried (backend.py).
NEXT_MODE = {"tools": "json_schema", "json_schema": "json", "json": "md_json"}
_PARSE_ERRORS = (ValidationError, json.JSONDecodeError, ResponseParsingError)
CHAT_PATH = "/chat/completions"


def resolve_mode(mode: str | None, endpoint: Endpoint) -> str:
    """The mode asked for, else the endpoint's default; an unknown mode is a ConfigError."""
    chosen = (mode or endpoint.default_mode).strip().lower()
    if chosen not in MODES:
        raise ConfigError(f"unknown mode {chosen!r}; choose one of {', '.join(MODES)}", "--mode")
    return chosen


@dataclass
class CallUsage:
    """Figures of one logical call: every HTTP request, every response's tokens, every re-ask.

    ``usage_known`` turns False once a response came without ``usage`` (or with null counts): the
    call's token counts are then a lower bound and its cost unknown. ``model`` is the model the
    server says answered (an Azure deployment's real model), for pricing.
    """

    tokens_in: int = 0
    tokens_out: int = 0
    cached_in: int = 0
    reasks: int = 0
    transport: TransportStats = field(default_factory=TransportStats)
    latency_s: float = 0.0
    usage_known: bool = True
    model: str | None = None

    @property
    def attempts(self) -> int:
        return self.transport.requests

    def add_tokens(self, tokens_in: int, tokens_out: int, cached_in: int = 0) -> None:
        self.tokens_in += tokens_in
        self.tokens_out += tokens_out
        self.cached_in += cached_in

    def add_response(self, response: Any) -> None:
        """Add one response's ``usage`` (an object or a dict, as in a Batch API line)."""
        model = _get(response, "model")
        if isinstance(model, str) and model:
            self.model = model
        usage = _get(response, "usage")
        prompt, completion = _get(usage, "prompt_tokens"), _get(usage, "completion_tokens")
        if not isinstance(prompt, int) or not isinstance(completion, int):
            self.usage_known = False
            return
        cached = _get(_get(usage, "prompt_tokens_details"), "cached_tokens")
        self.add_tokens(prompt, completion, cached if isinstance(cached, int) else 0)


def _get(value: Any, name: str) -> Any:
    if value is None:
        return None
    return value.get(name) if isinstance(value, dict) else getattr(value, name, None)


@lru_cache(maxsize=8)
def response_model(answer: type[Answer] = Answer) -> Any:
    """``answer`` wrapped once as instructor wraps response models (instructor would wrap it per call)."""
    return instructor.openai_schema(answer)


def canonical(completion: ChatCompletion, reading: Reading, mode: str) -> ChatCompletion:
    """``completion`` with its message rewritten into what ``mode``'s parser reads: the answer as
    one tool call (tools) or as the whole content (the JSON modes); reasoning and prose dropped."""
    choice = completion.choices[0]
    text = json.dumps(reading.payload, ensure_ascii=False)
    if mode == "tools":
        calls = getattr(choice.message, "tool_calls", None) or []
        call_id = calls[0].id if calls else "call_answer"
        message = {"role": "assistant", "content": None, "tool_calls": [
            {"id": call_id, "type": "function", "function": {"name": NAME, "arguments": text}}
        ]}
    else:
        message = {"role": "assistant", "content": text}
    choice.message = ChatCompletionMessage.model_validate(message)
    return completion


class Adapter:
    """A configured client for one model, endpoint and mode; safe to share between threads."""

    def __init__(
        self,
        *,
        model: str,
        endpoint: Endpoint,
        api_key: str,
        mode: str,
        policy: TransportPolicy,
        max_reasks: int = 2,
        parameters: Parameters | None = None,
        notify: Callable[[str], None] | None = None,
        answer: type[Answer] = Answer,
    ) -> None:
        self.model = model
        self.answer = answer
        self.endpoint = endpoint
        self.mode = mode
        self.redact = Redactor(api_key)
        self.timeout = policy.timeout
        self.max_reasks = max_reasks
        self.parameters = parameters or Parameters.for_model(model, tools=mode == "tools")
        self.notify = notify or (lambda message: None)
        self.client = endpoint.client(api_key, timeout=policy.timeout)
        self._local = threading.local()
        self._lock = threading.Lock()
        self.reached = False
        """Whether the server has answered any request of this run: until it has, a connection that cannot be
        made is no passing fault of one article but an endpoint with nothing behind it."""
        self._create = RetryingTransport(policy).wrap(self._send, lambda: getattr(self._local, "stats", None))

    @property
    def params(self) -> dict[str, Any]:
        """The generation parameters sent now (they shape the answer, so they key the cache)."""
        return self.parameters.values

    def request_body(self, messages: list[dict[str, Any]], mode: str | None = None) -> dict[str, Any]:
        """The exact chat-completions body sent for these messages (no HTTP); a Batch API line's body."""
        return build_body(
            mode or self.mode, messages, model=self.model, params=self.params, strict=self.endpoint.strict, answer=self.answer
        )

    def parse(self, completion: dict[str, Any], context: dict[str, Any]) -> Answer:
        """Parse one chat completion (a Batch API result) exactly as a live answer is read and grounded.

        Raises Unanswered, IncompleteOutputException, or a parse or validation error.
        """
        response = ChatCompletion.model_validate(completion)
        check_completion(response)
        if response.choices[0].finish_reason == "length":
            raise IncompleteOutputException(last_completion=response)
        reading = read_reply(response)
        if reading.payload is None:
            raise ValueError(reading.problem)
        return self.answer.model_validate(reading.payload, context=context)

    # -- one live call --------------------------------------------------------------------------------

    def _send(self, **body: Any) -> Any:
        """One HTTP request; its usage counted, its reply read and rewritten for instructor's parser.

        The body is posted as built (``client.post``, as ``chat.completions.create`` does after
        checking it): the client's walk of every key of the schema against its typed parameters cost
        a fifth of the client's CPU per article, and the body is the tool's own, built per mode."""
        try:
            completion = self.client.post(CHAT_PATH, body=body, cast_to=ChatCompletion)
        except openai.APIStatusError:
            self.reached = True  # the server answered, if only to refuse
            raise
        self.reached = True
        usage: CallUsage | None = getattr(self._local, "usage", None)
        if usage is not None and not isinstance(completion, (str, bytes)):
            usage.add_response(completion)
        reading = read_reply(completion)  # raises Unanswered
        self._local.problem = reading.problem
        mode = self._local.mode
        if reading.payload is not None:
            return canonical(completion, reading, mode)
        return completion

    def _reask_policy(self) -> Retrying:
        return Retrying(stop=stop_after_attempt(1 + self.max_reasks), retry=retry_if_exception_type(_PARSE_ERRORS), reraise=True)

    def extract(self, messages: list[dict[str, Any]], context: dict[str, Any]) -> tuple[Answer, CallUsage]:
        """One structured call with re-asks; raises LLMCallFailed with the usage spent so far."""
        usage = CallUsage()
        hooks = Hooks()
        hooks.on("parse:error", lambda error, **_: setattr(usage, "reasks", usage.reasks + 1))
        self._local.stats = usage.transport
        self._local.usage = usage
        started = time.perf_counter()
        try:
            while True:
                mode = self._local.mode = self.mode
                self._local.problem = None
                try:
                    answer = retry_sync(
                        func=self._create,
                        response_model=response_model(self.answer),
                        args=(),
                        kwargs=self.request_body(messages, mode),
                        context=context,
                        max_retries=self._reask_policy(),
                        strict=False,
                        mode=MODES[mode],
                        hooks=hooks,
                    )
                    return answer, usage
                except InstructorRetryException as exc:
                    cause: BaseException = exc.__cause__ or exc
                except Exception as exc:  # whatever else goes wrong is this article's failure, never the batch's
                    cause = exc
                if not self._adapt(cause):
                    raise self._failure(cause, usage, mode) from None
        finally:
            self._local.stats = None
            self._local.usage = None
            usage.latency_s = time.perf_counter() - started

    def _adapt(self, cause: BaseException) -> bool:
        """After a 400 naming a parameter the tool chose (or max_tokens), send without it from now on."""
        if not isinstance(cause, openai.BadRequestError):
            return False
        named = refused_parameter(server_message(cause), error_param(cause))
        if named is None:
            return False
        with self._lock:
            if named not in self.parameters.values:
                return True  # another thread adapted already
            adapted = self.parameters.adapted(named)
            if adapted is None:
                return False
            self.parameters, notice = adapted
        self.notify(notice)
        return True

    def _failure(self, cause: BaseException, usage: CallUsage, mode: str) -> LLMCallFailed:
        short = lambda text: shorten(self.redact(text))  # noqa: E731 - redact before cutting
        if isinstance(cause, Unanswered):
            failure = LLMCallFailed(cause.kind, short(cause.reason), usage, fatal=cause.fatal)
            if cause.fatal:
                failure.hint = "check --base-url: it should be the API's URL (it usually ends in /v1), not a web page"
            return failure
        if isinstance(cause, openai.APIError):
            refused = refused_parameter(server_message(cause), error_param(cause)) if isinstance(cause, openai.BadRequestError) else None
            others = [m for m in MODES if m != mode]
            return api_failure(
                cause, usage, short, endpoint=str(self.client.base_url), timeout=self.timeout, mode=mode,
                other_modes=others, refused=refused, reached=self.reached,
            )
        if isinstance(cause, IncompleteOutputException):
            return LLMCallFailed("truncated_output", "the answer was cut off at the output token limit (raise -O max_tokens=…)", usage)
        if isinstance(cause, _PARSE_ERRORS):
            # Every failed parse was followed by a re-ask except the last one.
            usage.reasks = max(0, usage.reasks - 1)
            kind = parse_failure_kind(cause)
            tries = f" after {usage.attempts} attempts" if usage.attempts > 1 else ""
            problem = getattr(self._local, "problem", None)
            if problem:
                return LLMCallFailed("unreadable", f"{problem}{tries}", usage)
            what = "named things the article does not contain" if kind == "ungrounded" else "did not follow the schema"
            return LLMCallFailed(kind, f"the answer {what}{tries}: {short(error_text(cause))}", usage)
        return LLMCallFailed("error", f"unexpected failure ({type(cause).__name__}): {short(str(cause))}", usage)


def parse_failure_kind(exc: BaseException) -> str:
    """``ungrounded`` when the answer named things the article does not contain, else ``invalid_output``."""
    return "ungrounded" if "not in the article text" in str(exc) else "invalid_output"


def error_text(exc: BaseException) -> str:
    """A validation error as its messages only, for a person: no pydantic banner or "Value error, "
    prefix, no echo of the whole input, and of the re-ask text only the items it lists."""
    if isinstance(exc, ValidationError):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {_said(e['msg'])}" if e["loc"] else _said(e["msg"]) for e in exc.errors())
    return _said(str(exc))


def _said(message: str) -> str:
    return message.removeprefix("Value error, ").removeprefix(REASK_PREFIX)
