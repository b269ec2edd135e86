"""The Batch API path end to end against the fake server: upload, create, poll, download, parse."""

from __future__ import annotations

import json

import pytest

from summarizer import store
from summarizer.backends.fallback import FallbackBackend
from summarizer.backends.llm import LLMBackend
from summarizer.backends.llm.batch_api import run_batch_job
from summarizer.backends.rules import RuleBackend
from summarizer.errors import LLMError
from summarizer.text.article import Article
from tests.conftest import gold_of, seed_article
from tests.fake_openai import HALLUCINATED_OFFICIAL, FakeOpenAI

SECRET = "sk-test-batch-0123456789abcdef"


def backend(fake: FakeOpenAI, **options) -> LLMBackend:
    settings = {"model": "gpt-4o-mini", "base_url": fake.base_url, "api_key": SECRET, "retry_base_delay": 0.001, **options}
    return LLMBackend(**settings)


def run(fake: FakeOpenAI, articles: list[Article], **options) -> list:
    return list(run_batch_job(backend(fake, **options), articles, poll_interval=0.0))


def test_a_batch_uploads_one_request_per_article_and_polls_until_completed(fake):
    articles = [seed_article("000"), seed_article("001"), seed_article("003")]

    results = run(fake, articles)

    assert [a.id for a, _ in results] == [a.id for a in articles]
    for (article, result), prefix in zip(results, ["000", "001", "003"]):
        assert result.provenance.backend == "llm"
        assert [o.name for o in result.officials] == [o["name"] for o in gold_of(prefix)["officials"]]
    assert fake.count("/v1/files") == 1 and fake.count("/v1/batches") == 1
    assert fake.count("/v1/chat/completions") == 0
    (upload,) = [s for s in fake.seen if s.path == "/v1/files"]
    assert b'name="purpose"' in upload.body and b"batch" in upload.body


def test_batch_requests_carry_the_same_body_as_a_live_call(fake):
    run(fake, [seed_article("002")], mode="tools")
    live = LLMBackend(model="gpt-4o-mini", base_url=fake.base_url, api_key=SECRET, mode="tools", use_cache=False)
    live.extract(seed_article("002"))

    (upload,) = [s for s in fake.seen if s.path == "/v1/files"]
    line = json.loads(upload.body.split(b"\r\n\r\n", 2)[-1].split(b"\n")[0])
    assert line["url"] == "/v1/chat/completions" and line["method"] == "POST"
    assert line["body"] == fake.chat_requests()[0]


def test_ungrounded_or_failed_lines_are_errors_with_their_reason_and_the_rest_succeed(fake):
    fake.batch_faults = {"a0-c0": "hallucinate", "a1-c0": "error"}

    results = dict((a.id, r) for a, r in run(fake, [seed_article("000"), seed_article("001"), seed_article("004")]))

    assert isinstance(results["seed-000"], LLMError) and results["seed-000"].reason.startswith("ungrounded")
    assert isinstance(results["seed-001"], LLMError) and "http_500" in results["seed-001"].reason
    assert results["seed-004"].provenance.backend == "llm"


def test_with_the_rules_as_fallback_failed_lines_are_answered_by_the_rules_and_marked(fake):
    fake.batch_faults = {"a0-c0": "hallucinate"}
    composed = FallbackBackend(backend(fake), RuleBackend())

    results = dict((a.id, r) for a, r in composed.extract_many([seed_article("000"), seed_article("004")]))

    assert results["seed-000"].provenance.backend == "llm→regex"
    assert results["seed-000"].provenance.fallback_reason.startswith("ungrounded")
    assert HALLUCINATED_OFFICIAL["name"] not in [o.name for o in results["seed-000"].officials]
    assert results["seed-004"].provenance.backend == "llm"


def test_batch_usage_is_logged_at_half_price(fake):
    run(fake, [seed_article("000"), seed_article("003")])

    calls = store.calls_since(0)
    assert [c.batch for c in calls] == [True, True]
    assert sum(c.tokens_in for c in calls) == sum(p for p, _ in fake.usage_sent)
    for call in calls:
        full = (call.tokens_in * 0.15 + call.tokens_out * 0.60) / 1e6
        assert call.cost_usd == pytest.approx(full / 2)


def test_articles_already_cached_are_not_sent_again(fake):
    run(fake, [seed_article("000")])

    results = run(fake, [seed_article("000"), seed_article("001")])

    assert fake.count("/v1/files") == 2
    second_upload = [s for s in fake.seen if s.path == "/v1/files"][1]
    assert second_upload.body.count(b'"custom_id"') == 1
    assert results[0][1].provenance.cached is True and results[1][1].provenance.cached is False


def test_a_batch_that_cannot_be_created_gives_every_article_the_reason(fake):
    broken = LLMBackend(model="gpt-4o-mini", base_url=fake.base_url.replace("/v1", "/nope"), api_key=SECRET, retry_base_delay=0.001)

    ((article, result),) = list(run_batch_job(broken, [seed_article("003")], poll_interval=0.0))

    assert isinstance(result, LLMError)
    assert "http_404" in result.reason
    assert SECRET not in str(result)
