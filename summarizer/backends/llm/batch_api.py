"""Extraction through the OpenAI Batch API: the same requests as live calls, at half the price.

Every article (every chunk of a long one) becomes one line of a JSONL file whose body is exactly
what the live adapter would send. The file is uploaded, a batch created and polled until it ends,
and each answer is parsed and grounded exactly as a live answer would be. There is no re-ask in
a batch: an answer that does not validate, a request that errored, or a batch that failed makes
that article an LLMError with the reason. Answers already in the cache are not sent again; new
valid answers are cached, and every line goes to the call log at the Batch API's price, through
the same routines as live calls (``LLMBackend.from_cache``, ``account``, ``remember``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from summarizer.errors import SummarizerError
from summarizer.schemas import ArticleExtraction
from summarizer.text.article import Article

from .accounting import ArticleUsage, ChunkRequest
from .adapter import CallUsage, error_text, parse_failure_kind
from .secrets import shorten
from .transport import RetryingTransport, TransportPolicy, fault_kind
from .validation import Answer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .backend import LLMBackend

ENDPOINT = "/v1/chat/completions"
TERMINAL = {"completed", "failed", "expired", "cancelled"}
POLL_SECONDS = 30.0


@dataclass
class _Pending:
    article: Article
    requests: list[ChunkRequest]
    usage: ArticleUsage
    answers: dict[int, Answer] = field(default_factory=dict)
    failure: str | None = None


def _custom_id(article_index: int, chunk_index: int) -> str:
    return f"a{article_index}-c{chunk_index}"


def _lines(pending: list[_Pending], backend: LLMBackend) -> list[dict[str, Any]]:
    lines = []
    for i, item in enumerate(pending):
        for request in item.requests:
            if request.chunk.index in item.answers:
                continue
            body = backend.adapter.request_body(request.messages)
            lines.append({"custom_id": _custom_id(i, request.chunk.index), "method": "POST", "url": ENDPOINT, "body": body})
    return lines


def _read_jsonl(text: str) -> dict[str, dict[str, Any]]:
    out = {}
    for line in text.splitlines():
        if line.strip():
            record = json.loads(line)
            out[record["custom_id"]] = record
    return out


class _BatchRun:
    """Upload, create, poll and download, each call retried on transport faults."""

    def __init__(self, client: Any, poll_interval: float, policy: TransportPolicy) -> None:
        self.client = client
        self.poll_interval = poll_interval
        self.policy = policy
        self._retry = RetryingTransport(policy)

    def call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        return self._retry.wrap(fn, lambda: None)(*args, **kwargs)

    def run(self, lines: list[dict[str, Any]], prompt: str) -> tuple[str, dict[str, dict], dict[str, dict]]:
        """(final status, output records, error records), keyed by custom_id."""
        data = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8")
        uploaded = self.call(self.client.files.create, file=("summarizer-requests.jsonl", data, "application/jsonl"), purpose="batch")
        batch = self.call(
            self.client.batches.create,
            input_file_id=uploaded.id,
            endpoint=ENDPOINT,
            completion_window="24h",
            metadata={"tool": "summarizer", "prompt": prompt},
        )
        while batch.status not in TERMINAL:
            self.policy.sleep(self.poll_interval)
            batch = self.call(self.client.batches.retrieve, batch.id)
        outputs = self._download(batch.output_file_id)
        errors = self._download(batch.error_file_id)
        return batch.status, outputs, errors

    def _download(self, file_id: str | None) -> dict[str, dict]:
        if not file_id:
            return {}
        return _read_jsonl(self.call(self.client.files.content, file_id).text)


def _error_text(record: dict[str, Any]) -> str:
    error = record.get("error") or {}
    response = record.get("response") or {}
    body_error = (response.get("body") or {}).get("error") or {}
    message = error.get("message") or body_error.get("message") or "no answer"
    status = response.get("status_code")
    return f"http_{status}: {message}" if status else f"{error.get('code') or 'error'}: {message}"


def run_batch_job(
    backend: LLMBackend, articles: list[Article], *, poll_interval: float = POLL_SECONDS
) -> Iterator[tuple[Article, ArticleExtraction | SummarizerError]]:
    """Extract ``articles`` in one Batch API job; yields each article with its result, in input order."""
    pending = [_Pending(article, backend.plan(article), ArticleUsage()) for article in articles]
    contexts = [backend.context(item.article) for item in pending]

    for item, context in zip(pending, contexts):
        for request in item.requests:
            answer = backend.from_cache(item.article, request, context, item.usage, batch=True)
            if answer is not None:
                item.answers[request.chunk.index] = answer

    lines = _lines(pending, backend)
    status, outputs, errors = "completed", {}, {}
    if lines:
        try:
            job = _BatchRun(backend.adapter.client, poll_interval, backend.policy)
            status, outputs, errors = job.run(lines, backend.prompt.name)
        except Exception as exc:  # any failure of the job itself: every article gets the reason
            status = f"not run ({fault_kind(exc)}: {shorten(backend.redactor(str(exc)))})"

    for i, (item, context) in enumerate(zip(pending, contexts)):
        for request in item.requests:
            index = request.chunk.index
            if index in item.answers or item.failure:
                continue
            key = _custom_id(i, index)
            item.failure = _take_answer(backend, item, request, outputs.get(key), errors.get(key), status, context)
        try:
            if item.failure:
                yield item.article, backend.failed(item.article, item.failure, item.usage)
            else:
                answers = [item.answers[r.chunk.index] for r in item.requests]
                yield item.article, backend.finish(item.article, answers, item.usage)
        except SummarizerError as exc:
            yield item.article, exc


def _take_answer(
    backend: LLMBackend,
    item: _Pending,
    request: ChunkRequest,
    output: dict[str, Any] | None,
    error: dict[str, Any] | None,
    status: str,
    context: dict[str, Any],
) -> str | None:
    """Parse one batch result into ``item.answers``; returns the failure reason, if any."""
    chunk = request.chunk.index
    response = (output or {}).get("response") or {}
    if output is None or response.get("status_code") != 200:
        reason = f"batch: {_error_text(error or output)}" if (error or output) else f"batch {status}: no answer"
        backend.account(item.article, item.usage, chunk, None, "batch_error", error=reason, batch=True)
        return reason
    body = response["body"]
    usage = CallUsage()
    reported = body.get("usage")
    if reported:
        usage.add_tokens(int(reported.get("prompt_tokens") or 0), int(reported.get("completion_tokens") or 0))
    else:
        usage.usage_known = False
    usage.transport.requests = 1
    try:
        answer = backend.adapter.parse(body, context)
    except Exception as exc:
        kind = parse_failure_kind(exc)
        reason = f"{kind}: batch answer did not validate: {shorten(backend.redactor(error_text(exc)))}"
        backend.account(item.article, item.usage, chunk, usage, kind, error=reason, batch=True)
        return reason
    record = backend.account(item.article, item.usage, chunk, usage, "ok", batch=True)
    backend.remember(request, answer, record)
    item.answers[chunk] = answer
    return None
