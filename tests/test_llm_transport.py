"""Transport retries with tenacity: what is retried, how long it waits, and when it gives up."""

from __future__ import annotations

import openai
import pytest

from summarizer.backends.options import LLMOptions
from summarizer.backends.llm.transport import RetryingTransport, TransportPolicy, TransportStats, fault_kind
from tests.conftest import seed_text
from tests.fake_openai import Fault, FakeOpenAI


def ask(fake: FakeOpenAI, policy: TransportPolicy, stats: TransportStats):
    client = openai.OpenAI(api_key="sk-test", base_url=fake.base_url, max_retries=0, timeout=policy.timeout)
    create = RetryingTransport(policy).wrap(client.chat.completions.create, lambda: stats)
    return create(model="m", messages=[{"role": "user", "content": seed_text("003")}])


def test_retry_after_from_a_429_is_the_wait_before_the_next_attempt(fake):
    waits: list[float] = []
    fake.script(Fault("429", retry_after="7"))
    stats = TransportStats()

    ask(fake, TransportPolicy(base_delay=0.001, sleep=waits.append), stats)

    assert waits == [7.0]
    assert (stats.requests, stats.faults) == (2, ["rate_limited"])


def test_without_retry_after_the_backoff_grows_exponentially_with_jitter(fake):
    waits: list[float] = []
    fake.script("500", "500", "500")

    ask(fake, TransportPolicy(base_delay=1.0, max_delay=30.0, sleep=waits.append), TransportStats())

    assert len(waits) == 3
    for attempt, wait in enumerate(waits):
        assert 2**attempt / 2 <= wait <= 2**attempt


def test_retries_stop_after_the_configured_attempts(fake):
    fake.script("500", "500", "500")
    stats = TransportStats()

    with pytest.raises(openai.InternalServerError):
        ask(fake, TransportPolicy(attempts=2, sleep=lambda s: None), stats)

    assert fake.count() == 2 and stats.faults == ["server_error", "server_error"]


def test_a_client_error_is_not_retried(fake):
    fake.script("401")

    with pytest.raises(openai.AuthenticationError) as caught:
        ask(fake, TransportPolicy(sleep=lambda s: None), TransportStats())

    assert fake.count() == 1 and fault_kind(caught.value) == "http_401"


def test_a_timeout_is_retried_as_a_transport_fault(fake):
    fake.script(Fault("timeout", seconds=0.8))
    stats = TransportStats()

    ask(fake, TransportPolicy(timeout=0.3, sleep=lambda s: None), stats)

    assert stats.faults == ["timeout"] and stats.requests == 2


def test_policy_options_override_the_environment(monkeypatch):
    monkeypatch.setenv("SUMMARIZER_RETRY_BASE_DELAY", "0.5")
    monkeypatch.setenv("SUMMARIZER_RETRY_ATTEMPTS", "6")

    policy = TransportPolicy.from_options(LLMOptions.build({"model": "m", "retry_base_delay": 0.01}))

    assert (policy.base_delay, policy.attempts) == (0.01, 6)
