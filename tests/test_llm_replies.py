"""Every shape of answer real servers give, through the real openai and instructor clients over HTTP.

The fake server (summarizer/testing/shapes.py) answers in the shapes field reports describe:
reasoning text before the JSON, fences, prose, side fields, wrappers, several tool calls, hollow
answers, filtered answers, HTML pages, missing usage. Each must end in a grounded extraction read on
the first call, or in a one-line reason with no paid call wasted.
"""

from __future__ import annotations

import pytest

from summarizer import store
from summarizer.backends.llm import LLMBackend
from summarizer.errors import FatalBackendError, LLMError
from summarizer.text.article import Article
from tests.conftest import gold_of, seed_article
from tests.fake_openai import FakeOpenAI

KEY = "sk-test-replies-0123456789abcdef"
MODES = ["tools", "json_schema", "json", "md_json"]
# Shapes that hold the whole answer: each must be read on the first call, in every mode.
READABLE = [
    "think", "think_unopened", "think_fenced", "fenced", "fenced_unclosed", "prose_fenced", "prose_json",
    "reasoning_content", "reasoning_field", "wrapped_data", "wrapped_title", "split_tool_calls",
]


def backend(fake: FakeOpenAI, **options) -> LLMBackend:
    defaults = {"model": "gpt-4o-mini", "base_url": fake.base_url, "api_key": KEY, "retry_base_delay": 0.001, "timeout": 5.0}
    return LLMBackend(**{**defaults, **options})


def gold_names(prefix: str) -> list[str]:
    return [o["name"] for o in gold_of(prefix)["officials"]]


@pytest.mark.parametrize("shape", READABLE)
@pytest.mark.parametrize("mode", MODES)
def test_a_readable_answer_is_read_on_the_first_call_in_every_mode(fake, mode, shape):
    fake.enqueue(shape)

    result = backend(fake, mode=mode).extract(seed_article("000"))

    assert fake.count() == 1
    assert [o.name for o in result.officials] == gold_names("000")
    assert len(result.directives) == len(gold_of("000")["directives"])
    assert result.provenance.backend == "llm"


def test_tool_mode_asks_for_one_tool_call(fake):
    backend(fake, mode="tools").extract(seed_article("003"))

    (body,) = fake.chat_requests()
    assert body["parallel_tool_calls"] is False
    assert body["tool_choice"] == {"type": "function", "function": {"name": "ArticleExtraction"}}


@pytest.mark.parametrize("shape", ["schema_echo", "empty_object"])
@pytest.mark.parametrize("mode", ["tools", "json"])
def test_a_hollow_answer_is_reasked_and_never_accepted_as_empty(fake, mode, shape):
    fake.enqueue(shape)

    result = backend(fake, mode=mode).extract(seed_article("001"))

    assert fake.count() == 2
    assert [o.name for o in result.officials] == gold_names("001")
    reask = fake.chat_requests()[1]["messages"]
    assert any("schema itself" in str(m.get("content")) or "empty object" in str(m.get("content")) for m in reask)


def test_a_model_that_only_answers_hollow_fails_the_article_and_caches_nothing(fake):
    fake.enqueue(*["empty_object"] * 3)

    with pytest.raises(LLMError) as failed:
        backend(fake, mode="json").extract(seed_article("001"))

    assert "empty object" in failed.value.reason
    assert store.stats()["entries"] == 0
    backend(fake, mode="json").extract(seed_article("001"))
    assert fake.count() == 4  # asked again: no empty answer was cached


def test_reasoning_text_without_an_answer_is_reasked_and_said_in_words(fake):
    fake.enqueue(*["reasoning_only"] * 3)

    with pytest.raises(LLMError) as failed:
        backend(fake, mode="json", max_reasks=2).extract(seed_article("003"))

    assert fake.count() == 3
    assert failed.value.reason == "the answer held only reasoning text, no JSON answer after 3 attempts"


@pytest.mark.parametrize(
    ("shape", "reason"),
    [
        ("content_filter", "the answer was filtered by the provider's content filter"),
        ("no_choices", "the provider's content filter withheld the answer (no choices were returned)"),
        ("null_message", "the answer was filtered by the provider's content filter"),
        ("refusal", "the model refused: I can't help with that request."),
        ("truncated", "the answer was cut off at the output token limit (raise -O max_tokens=…)"),
    ],
)
@pytest.mark.parametrize("mode", ["tools", "json"])
def test_an_answer_a_reask_would_not_change_fails_at_once_with_its_reason(fake, mode, shape, reason):
    fake.enqueue(shape)

    with pytest.raises(LLMError) as failed:
        backend(fake, mode=mode).extract(seed_article("003"))

    assert fake.count() == 1
    assert failed.value.reason == reason


def test_a_web_page_answering_200_stops_the_run_after_one_call(fake):
    fake.enqueue("html_200")

    with pytest.raises(FatalBackendError) as fatal:
        backend(fake).extract(seed_article("003"))

    assert fake.count() == 1
    message = str(fatal.value)
    assert "the server answered 200 with an HTML page titled 'Open WebUI', not a JSON chat completion" in message
    assert "--base-url" in message


def test_a_proxys_html_error_page_is_named_by_its_title(fake):
    fake.enqueue(*["html_503"] * 2)

    with pytest.raises(LLMError) as failed:
        backend(fake, retry_attempts=2).extract(seed_article("003"))

    assert failed.value.reason == "the server failed (503) (2 attempts): an HTML page titled '503 Service Temporarily Unavailable'"


def test_a_base_url_without_v1_is_a_fatal_404_that_says_what_to_check(fake):
    wrong = LLMBackend(model="llama3.1:8b", base_url=fake.root_url, retry_base_delay=0.001)

    with pytest.raises(FatalBackendError) as fatal:
        wrong.extract(seed_article("003"))

    assert "model or endpoint not found (404): an HTML page titled '404 Not Found'" in str(fatal.value)
    assert "usually ends in /v1" in str(fatal.value)


@pytest.mark.parametrize("shape", ["no_usage", "null_usage", "null_usage_fields"])
def test_an_answer_without_token_counts_has_an_unknown_cost_not_zero(fake, shape):
    fake.enqueue(shape)

    result = backend(fake).extract(seed_article("003"))

    assert result.provenance.backend == "llm"
    assert result.provenance.cost_usd is None
    assert result.provenance.tokens_in is None and result.provenance.tokens_out is None
    (call,) = store.calls_since(0)
    assert call.cost_usd is None


def test_a_cached_answer_is_counted_as_cached_and_costs_nothing(fake):
    backend(fake).extract(seed_article("004"))

    again = backend(fake).extract(seed_article("004"))

    assert again.provenance.cached is True and again.provenance.cost_usd == 0.0


def test_template_markup_in_an_article_reaches_the_model_as_written(fake):
    article = seed_article("003")
    marked = Article(id="marked", text=article.text + "\nGiao diện {{ item.title }} {% if x %} {# cũ", source="marked.txt")
    fake.learn(marked.text, gold_of("003"))

    backend(fake).extract(marked)

    assert "{{ item.title }} {% if x %} {# cũ" in fake.article_of(fake.chat_requests()[0])


def test_an_endpoint_where_nothing_listens_is_fatal_and_says_so():
    import socket

    with socket.socket() as probe:  # a loopback port that nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    nowhere = LLMBackend(model="llama3.1:8b", base_url=f"http://127.0.0.1:{port}/v1", retry_attempts=2, retry_base_delay=0.001)

    with pytest.raises(FatalBackendError) as fatal:
        nowhere.extract(seed_article("003"))

    assert "could not connect" in str(fatal.value) and "is the server running" in str(fatal.value)


def test_once_the_server_has_answered_a_lost_connection_fails_only_its_article(fake):
    reachable = backend(fake, retry_attempts=2)
    reachable.extract(seed_article("003"))
    fake.enqueue(*["drop"] * 2)

    with pytest.raises(LLMError) as failed:
        reachable.extract(seed_article("004"))

    assert not isinstance(failed.value, FatalBackendError) and "could not connect" in failed.value.reason
