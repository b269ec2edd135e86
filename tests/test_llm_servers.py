"""Servers that refuse a mode or a parameter, reasoning models, Azure, generation options, waits and keys.

Through the real openai and instructor clients against the fake server, which refuses what LM Studio,
Ollama and OpenAI's reasoning models refuse, with their own error messages.
"""

from __future__ import annotations

import json

import openai
import pytest
from typer.testing import CliRunner

from summarizer import store
from summarizer.backends.llm import LLMBackend
from summarizer.backends.llm.endpoints import resolve_endpoint
from summarizer.backends.llm.secrets import Redactor
from summarizer.backends.llm.transport import RetryingTransport, TransportPolicy, TransportStats
from summarizer.cli import app
from summarizer.errors import FatalBackendError
from tests.conftest import gold_of, seed_article, seed_text
from tests.fake_openai import Fault, FakeOpenAI

KEY = "sk-test-servers-0123456789abcdef"


def backend(fake: FakeOpenAI, **options) -> LLMBackend:
    defaults = {"model": "gpt-4o-mini", "base_url": fake.base_url, "api_key": KEY, "retry_base_delay": 0.001, "timeout": 5.0}
    return LLMBackend(**{**defaults, **options})


# -- modes -------------------------------------------------------------------------------------------


def test_a_mode_the_user_chose_and_the_server_rejects_stops_the_run_naming_the_modes_to_try(fake):
    fake.refuse("json_object")  # LM Studio

    with pytest.raises(FatalBackendError) as fatal:
        backend(fake, mode="json").extract(seed_article("003"))

    assert fake.count() == 1
    message = str(fatal.value)
    assert "the server rejected --mode json (400): 'response_format.type' must be 'json_schema' or 'text'" in message
    assert "try --mode tools or --mode json_schema or --mode md_json" in message


def test_a_default_mode_the_server_rejects_is_switched_once_and_said(fake, capsys):
    fake.refuse("json_schema")
    shared = backend(fake)

    first = shared.extract(seed_article("003"))
    second = shared.extract(seed_article("004"))

    assert first.provenance.backend == second.provenance.backend == "llm"
    assert fake.count() == 3  # one refused request, then one per article
    assert [b.get("response_format", {}).get("type") for b in fake.chat_requests()] == ["json_schema", "json_object", "json_object"]
    err = capsys.readouterr().err
    assert err.count("using --mode json from now on") == 1


def test_a_server_without_tool_calling_names_the_other_modes(fake):
    fake.refuse("tools")  # Ollama: "... does not support tools"

    with pytest.raises(FatalBackendError, match="try --mode json_schema or --mode json or --mode md_json"):
        backend(fake, mode="tools", model="gemma2:9b").extract(seed_article("003"))


# -- reasoning models and generation options -----------------------------------------------------------


def test_a_reasoning_model_is_sent_no_temperature_and_max_completion_tokens(fake):
    fake.refuse("temperature", "max_tokens")

    result = backend(fake, model="gpt-5-mini", mode="tools", max_tokens=4000).extract(seed_article("003"))

    assert result.provenance.backend == "llm" and fake.count() == 1
    (body,) = fake.chat_requests()
    assert "temperature" not in body and "max_tokens" not in body
    assert body["max_completion_tokens"] == 4000


@pytest.mark.parametrize("model", ["o1", "o3-mini", "o4-mini-2025-04-16", "gpt-5", "openai/gpt-5-nano"])
def test_every_reasoning_family_is_recognised(fake, model):
    fake.refuse("temperature", "max_tokens")

    backend(fake, model=model, mode="tools").extract(seed_article("003"))

    assert fake.count() == 1


def test_a_deployment_that_refuses_the_default_temperature_is_sent_none_after_one_notice(fake, capsys):
    fake.refuse("temperature")
    shared = backend(fake, model="prod-reasoner")

    shared.extract(seed_article("003"))
    shared.extract(seed_article("004"))

    assert fake.count() == 3
    assert [("temperature" in b) for b in fake.chat_requests()] == [True, False, False]
    assert capsys.readouterr().err.count("the server does not take temperature") == 1


def test_max_tokens_is_renamed_when_the_server_asks_for_max_completion_tokens(fake, capsys):
    fake.refuse("max_tokens")

    backend(fake, model="prod-reasoner", max_tokens=3000).extract(seed_article("003"))

    assert fake.chat_requests()[-1]["max_completion_tokens"] == 3000
    assert "sending that" in capsys.readouterr().err


def test_a_temperature_the_user_set_is_never_dropped_silently(fake):
    fake.refuse("temperature")

    with pytest.raises(FatalBackendError) as fatal:
        backend(fake, model="gpt-5-mini", temperature=0.2).extract(seed_article("003"))

    assert fake.count() == 1
    assert "does not take temperature" in str(fatal.value) and "-O temperature=" in str(fatal.value)


def test_a_server_that_refuses_parallel_tool_calls_is_sent_none(fake):
    fake.refuse("parallel_tool_calls")

    result = backend(fake, mode="tools").extract(seed_article("003"))

    assert result.provenance.backend == "llm"
    assert "parallel_tool_calls" not in fake.chat_requests()[-1]


def test_generation_options_come_from_dash_o_on_the_command_line(fake, tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text(seed_text("003"), encoding="utf-8")
    args = ["extract", str(path), "-b", "llm", "-m", "qwen2.5:14b", "--base-url", fake.base_url,
            "-O", "temperature=0.3", "-O", "seed=7", "-O", "max_tokens=900", "-O", "reasoning_effort=low"]

    run = CliRunner().invoke(app, args, env={"SUMMARIZER_RETRY_BASE_DELAY": "0.001"})

    assert run.exit_code == 0, run.output
    (body,) = fake.chat_requests()
    assert (body["temperature"], body["seed"], body["max_tokens"], body["reasoning_effort"]) == (0.3, 7, 900, "low")


def test_generation_options_come_from_the_environment(fake, monkeypatch):
    monkeypatch.setenv("SUMMARIZER_TEMPERATURE", "0.5")
    monkeypatch.setenv("SUMMARIZER_MAX_TOKENS", "1200")

    LLMBackend(model="gpt-5-mini", base_url=fake.base_url, retry_base_delay=0.001).extract(seed_article("003"))

    (body,) = fake.chat_requests()
    assert (body["temperature"], body["max_completion_tokens"]) == (0.5, 1200)


# -- Azure ---------------------------------------------------------------------------------------------


def test_an_azure_deployment_url_with_api_version_is_called_as_azure_does(fake):
    url = f"{fake.root_url}/openai/deployments/gpt4o-prod?api-version=2024-10-21"

    result = backend(fake, base_url=url, model="gpt-4o-mini").extract(seed_article("003"))

    assert result.provenance.backend == "llm"
    (seen,) = [s for s in fake.seen if s.path.endswith("/chat/completions")]
    assert seen.path == "/openai/deployments/gpt4o-prod/chat/completions"
    assert "api-version=2024-10-21" in seen.query
    assert seen.headers["api-key"] == KEY


def test_azure_endpoints_are_told_apart_by_their_url():
    classic = resolve_endpoint("https://res.openai.azure.com/openai/deployments/dep?api-version=2025-01-01")
    bare = resolve_endpoint("https://res.openai.azure.com", env={"OPENAI_API_VERSION": "2024-06-01"})
    v1 = resolve_endpoint("https://res.openai.azure.com/openai/v1/")

    assert (classic.kind, classic.deployment, classic.api_version, classic.url) == ("azure", "dep", "2025-01-01", "https://res.openai.azure.com")
    assert (bare.kind, bare.deployment, bare.api_version) == ("azure", None, "2024-06-01")
    assert (v1.kind, v1.url, v1.default_mode) == ("azure_v1", "https://res.openai.azure.com/openai/v1", "tools")
    assert resolve_endpoint("http://localhost:11434/v1").default_mode == "json_schema"


def test_azure_v1_is_called_as_any_openai_compatible_endpoint(fake):
    result = backend(fake, base_url=f"{fake.root_url}/openai/v1").extract(seed_article("003"))

    assert result.provenance.backend == "llm"
    assert fake.seen[-1].path == "/openai/v1/chat/completions"


# -- waits and keys --------------------------------------------------------------------------------------


def test_a_long_retry_after_is_capped_and_the_wait_is_announced(fake):
    waits: list[float] = []
    notices: list[str] = []
    fake.enqueue(Fault("429", retry_after="300"))
    policy = TransportPolicy(max_retry_after=60.0, sleep=waits.append, notify=notices.append)
    client = openai.OpenAI(api_key="sk-test", base_url=fake.base_url, max_retries=0)

    RetryingTransport(policy).wrap(client.chat.completions.create, lambda: TransportStats())(
        model="m", messages=[{"role": "user", "content": seed_text("003")}]
    )

    assert waits == [60.0]
    assert notices == ["waiting 60 s before attempt 2 of 4: rate limited (429); the server asked for 300 s, capped at 60 s"]


def test_a_short_wait_is_not_announced(fake):
    notices: list[str] = []
    fake.enqueue(Fault("429", retry_after="1"))
    policy = TransportPolicy(sleep=lambda s: None, notify=notices.append)
    client = openai.OpenAI(api_key="sk-test", base_url=fake.base_url, max_retries=0)

    RetryingTransport(policy).wrap(client.chat.completions.create, lambda: None)(
        model="m", messages=[{"role": "user", "content": seed_text("003")}]
    )

    assert notices == []


def test_a_key_of_any_shape_is_kept_out_whole_and_in_part(fake, capsys):
    key = "AzK9f8e7d6c5b4a39281706f5e4d3c2b1a0zz"  # not sk- shaped
    fake.enqueue("401")

    with pytest.raises(FatalBackendError) as fatal:
        backend(fake, api_key=key).extract(seed_article("003"))

    written = str(fatal.value) + capsys.readouterr().err
    written += json.dumps([c.error for c in store.calls_since(0)])
    for part in (key, key[:8], key[-8:], key[5:15]):
        assert part not in written
    assert "the server refused the request (401)" in written


def test_a_masked_echo_of_a_key_is_redacted():
    redact = Redactor("AzK9f8e7d6c5b4a39281706f5e4d3c2b1a0zz")

    assert redact("Incorrect API key provided: AzK9f8e7************************a0zz.") == "Incorrect API key provided: ***"


def test_values_are_given_as_the_article_writes_them(fake):
    gold = gold_of("003")
    official = gold["officials"][0]
    shouted = {**gold, "officials": [{"name": official["name"].upper(), "titles": [t.lower() for t in official["titles"]]}]}
    fake.enqueue(shouted)

    result = backend(fake).extract(seed_article("003"))

    (got,) = result.officials
    assert got.name == official["name"] == got.name_evidence.text
    assert got.titles == official["titles"] == [span.text for span in got.title_evidence]


def test_no_wait_is_announced_after_the_last_attempt(fake):
    notices: list[str] = []
    fake.enqueue(*[Fault("429", retry_after="30")] * 2)
    policy = TransportPolicy(attempts=2, sleep=lambda s: None, notify=notices.append)
    client = openai.OpenAI(api_key="sk-test", base_url=fake.base_url, max_retries=0)

    with pytest.raises(openai.RateLimitError):
        RetryingTransport(policy).wrap(client.chat.completions.create, lambda: None)(
            model="m", messages=[{"role": "user", "content": seed_text("003")}]
        )

    assert notices == ["waiting 30 s before attempt 2 of 2: rate limited (429); the server asked for 30 s"]
