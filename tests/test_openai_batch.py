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
    fake.batch_faults = {0: "hallucinate", 1: "error"}

    results = dict((a.id, r) for a, r in run(fake, [seed_article("000"), seed_article("001"), seed_article("004")]))

    assert isinstance(results["seed-000"], LLMError)
    assert results["seed-000"].reason.startswith("the batch's answer named things the article does not contain")
    assert isinstance(results["seed-001"], LLMError)
    assert results["seed-001"].reason == "the batch's request failed (500): server error"
    assert results["seed-004"].provenance.backend == "llm"


def test_with_the_rules_as_fallback_failed_lines_are_answered_by_the_rules_and_marked(fake):
    fake.batch_faults = {0: "hallucinate"}
    composed = FallbackBackend(backend(fake), RuleBackend())

    results = dict((a.id, r) for a, r in composed.extract_many([seed_article("000"), seed_article("004")]))

    assert results["seed-000"].provenance.backend == "llm→regex"
    assert "named things the article does not contain" in results["seed-000"].provenance.fallback_reason
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
    assert result.reason == "the batch was not run: the server answered 404: an HTML page titled '404 Not Found'"
    assert SECRET not in str(result)


def test_the_batch_id_is_printed_as_soon_as_the_batch_is_submitted(fake, capsys):
    run(fake, [seed_article("003")])

    (batch_id,) = list(fake._batches)
    err = capsys.readouterr().err
    assert f"submitted batch {batch_id}" in err and f"--batch-id {batch_id}" in err


def test_a_batch_that_failed_gives_each_article_its_own_message(fake, capsys):
    fake.batch_outcome = "failed"

    results = run(fake, [seed_article("000"), seed_article("003")])

    for _article, result in results:
        assert isinstance(result, LLMError)
        assert result.reason.startswith("the batch failed: token_limit_exceeded: Enqueued token limit reached")
    assert "ended failed: token_limit_exceeded: Enqueued token limit reached" in capsys.readouterr().err


def test_an_expired_batch_keeps_the_answers_it_has_and_says_why_the_rest_have_none(fake):
    fake.batch_outcome = "expired"

    (first, done), (second, missing) = run(fake, [seed_article("000"), seed_article("003")])

    assert done.provenance.backend == "llm"
    assert isinstance(missing, LLMError)
    assert missing.reason.startswith("the batch expired before this request ran")


def test_a_completed_batch_whose_every_line_was_refused_gives_the_servers_message(fake):
    fake.batch_outcome = "all_failed"

    ((_article, result),) = run(fake, [seed_article("003")])

    assert isinstance(result, LLMError)
    assert result.reason.startswith("the batch's request failed (400, unsupported_value): Unsupported value: 'temperature'")


def test_an_answer_cut_at_the_token_limit_in_a_batch_says_so(fake):
    fake.batch_outcome = "truncated"

    (_a, ok), (_b, cut) = run(fake, [seed_article("000"), seed_article("003")])

    assert ok.provenance.backend == "llm"
    assert isinstance(cut, LLMError) and cut.reason.startswith("the answer was cut off at the output token limit")


def test_a_batch_is_collected_by_its_id_without_sending_its_requests_again(fake):
    articles = [seed_article("000"), seed_article("003")]
    run(fake, articles, use_cache=False)
    (batch_id,) = list(fake._batches)
    uploads = fake.count("/v1/files")

    results = list(run_batch_job(backend(fake), [*articles, seed_article("004")], poll_interval=0.0, batch_id=batch_id))

    assert [r.provenance.backend for _a, r in results] == ["llm", "llm", "llm"]
    assert fake.count("/v1/files") == uploads + 1  # one new batch, for the article the first did not hold
    new_upload = [s for s in fake.seen if s.path == "/v1/files"][-1]
    assert new_upload.body.count(b'"custom_id"') == 1


def test_an_unknown_batch_id_is_every_articles_reason(fake):
    ((_article, result),) = list(run_batch_job(backend(fake), [seed_article("003")], poll_interval=0.0, batch_id="batch_nope"))

    assert isinstance(result, LLMError) and "No batch found with id 'batch_nope'" in result.reason


def test_the_command_collects_an_interrupted_runs_batch_by_its_id(fake, tmp_path):
    from typer.testing import CliRunner

    from summarizer.cli import app

    for prefix in ("000", "003"):
        (tmp_path / f"{prefix}.txt").write_text(seed_article(prefix).text, encoding="utf-8")
    run(fake, [seed_article("000"), seed_article("003")], use_cache=False)  # the batch an interrupted run left
    (batch_id,) = list(fake._batches)
    uploads = fake.count("/v1/files")
    out = tmp_path / "r.jsonl"
    args = ["batch", str(tmp_path / "000.txt"), str(tmp_path / "003.txt"), "-o", str(out), "-b", "llm", "-m", "gpt-4o-mini",
            "--base-url", fake.base_url, "--batch-id", batch_id]

    done = CliRunner().invoke(app, args, env={"OPENAI_API_KEY": SECRET})

    assert done.exit_code == 0, done.output
    assert fake.count("/v1/files") == uploads  # nothing submitted, nothing paid again
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["provenance"]["backend"] for r in records] == ["llm", "llm"]
    assert f"collecting batch {batch_id}" in done.stderr
