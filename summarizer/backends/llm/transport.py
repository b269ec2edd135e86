"""Retrying transport faults with tenacity: the one retry policy for HTTP trouble.

Rate limits (429, honouring Retry-After), server errors (5xx), timeouts and dropped connections
are retried a bounded number of times with exponential backoff and jitter; the openai client's
own retries are switched off so that two policies never multiply. Other API errors (400, 401,
404) are not transient and are raised at once. Output that does not validate is not a transport
fault: instructor re-asks for that, one layer up.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import openai
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_after_attempt

T = TypeVar("T")
RETRY_STATUSES = frozenset({408, 409, 429, 500, 502, 503, 504})


@dataclass
class TransportPolicy:
    """How hard to try one HTTP request: attempts, backoff base and cap, per-request timeout (seconds)."""

    attempts: int = 4
    base_delay: float = 1.0
    max_delay: float = 30.0
    max_retry_after: float = 60.0
    timeout: float = 120.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    @classmethod
    def from_options(cls, options: Any) -> TransportPolicy:
        """The policy an LLMOptions (or anything with the same attributes) asks for."""
        return cls(
            attempts=options.retry_attempts,
            base_delay=options.retry_base_delay,
            max_delay=options.retry_max_delay,
            max_retry_after=options.max_retry_after,
            timeout=options.timeout,
        )


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, openai.APIConnectionError):  # includes APITimeoutError and dropped connections
        return True
    return isinstance(exc, openai.APIStatusError) and exc.status_code in RETRY_STATUSES


def retry_after(exc: BaseException | None) -> float | None:
    """Seconds the server asked us to wait (``retry-after-ms`` or ``retry-after``), if it said."""
    response = getattr(exc, "response", None)
    headers = getattr(response, "headers", None)
    if headers is None:
        return None
    for name, scale in (("retry-after-ms", 0.001), ("retry-after", 1.0)):
        raw = headers.get(name)
        if raw is None:
            continue
        try:
            seconds = float(raw) * scale
        except ValueError:
            continue
        if seconds >= 0:
            return seconds
    return None


def fault_kind(exc: BaseException) -> str:
    """A short name for a failure, for the call log and provenance (never the server's full text)."""
    if isinstance(exc, openai.APITimeoutError):
        return "timeout"
    if isinstance(exc, openai.APIConnectionError):
        return "connection"
    if isinstance(exc, openai.RateLimitError):
        return "rate_limited"
    if isinstance(exc, openai.APIStatusError):
        return "server_error" if exc.status_code >= 500 else f"http_{exc.status_code}"
    return type(exc).__name__


@dataclass
class TransportStats:
    """What happened on the wire for one logical call: requests sent and the faults met."""

    requests: int = 0
    faults: list[str] = field(default_factory=list)


class RetryingTransport:
    """Wraps a request function so each call is retried on transient faults under one policy."""

    def __init__(self, policy: TransportPolicy) -> None:
        self.policy = policy

    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        backoff = min(self.policy.max_delay, self.policy.base_delay * 2 ** (state.attempt_number - 1))
        backoff = random.uniform(backoff / 2, backoff)
        asked = retry_after(exc)
        if asked is not None:
            return min(asked, self.policy.max_retry_after)
        return backoff

    def wrap(self, fn: Callable[..., T], stats_of: Callable[[], TransportStats | None]) -> Callable[..., T]:
        """``stats_of`` returns the stats object of the logical call in progress (or None)."""

        def call(*args: Any, **kwargs: Any) -> T:
            stats = stats_of()

            def once() -> T:
                if stats is not None:
                    stats.requests += 1
                try:
                    return fn(*args, **kwargs)
                except Exception as exc:
                    if stats is not None:
                        stats.faults.append(fault_kind(exc))
                    raise

            retrying = Retrying(
                stop=stop_after_attempt(self.policy.attempts),
                wait=self._wait,
                retry=retry_if_exception(is_transient),
                sleep=self.policy.sleep,
                reraise=True,
            )
            return retrying(once)

        return call
