"""Extraction through the OpenAI Batch API: the same requests as live calls, at half the price.

Every distinct request (one per article, or per chunk of a long one) becomes one line of a JSONL
file whose body is exactly what a live call sends, and whose ``custom_id`` is derived from the
request's cache key (so a line is found again by content, not by position). The file is uploaded,
a batch created, its id printed at once, and the batch polled until it ends; each answer is read and
grounded exactly as a live answer is. There is no re-ask in a batch: an answer that does not
validate, a line that errored, or a batch that failed makes that article an LLMError whose reason
is the batch's own message.

An interrupted run is collected later by the batch's id (``--batch-id``): the answers it holds are
taken (and cached), and only requests it does not hold are submitted in a new batch, so nothing is
paid twice. Answers already in the cache are not sent at all. Every line goes to the call log at the
Batch API's price, through the same routines as live calls (``LLMBackend.from_cache``, ``account``,
``remember``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import openai
from instructor.core.exceptions import IncompleteOutputException

from summarizer.errors import SummarizerError
from summarizer.schemas import ArticleExtraction
from summarizer.text.article import Article

from .accounting import ArticleUsage, ChunkRequest
from .adapter import CallUsage, error_text, parse_failure_kind
from .failures import server_message
from .replies import Unanswered
from .secrets import shorten
from .transport import RetryingTransport, TransportPolicy, fault_kind
from .validation import Answer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .backend import LLMBackend

TERMINAL = {"completed", "failed", "expired", "cancelled"}
POLL_SECONDS = 30.0
FIRST_POLL_SECONDS = 5.0
QUIET_POLLS = 10  # an unchanged batch is reported every this many polls


@dataclass
class _Pending:
    article: Article
    requests: list[ChunkRequest]
    usage: ArticleUsage
    answers: dict[int, Answer] = field(default_factory=dict)
    failure: str | None = None


@dataclass
class BatchResult:
    """How a batch ended: its id and status, its own error messages, and its lines by custom_id."""

    batch_id: str | None
    status: str
    errors: list[str] = field(default_factory=list)
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)
    failed: dict[str, dict[str, Any]] = field(default_factory=dict)
    sent: set[str] = field(default_factory=set)


def custom_id(request: ChunkRequest) -> str:
    """A line's id: its request's cache key (the same request always has the same id)."""
    return f"r-{request.key[:40]}"


def _read_jsonl(text: str) -> dict[str, dict[str, Any]]:
    out = {}
    for line in text.splitlines():
        if line.strip():
            record = json.loads(line)
            out[record["custom_id"]] = record
    return out


def batch_errors(batch: Any) -> list[str]:
    """The batch's own error messages (``errors.data``), each as ``code: message``."""
    errors = getattr(batch, "errors", None)
    data = getattr(errors, "data", None) if errors is not None else None
    out = []
    for error in data or []:
        code, message = getattr(error, "code", None), getattr(error, "message", None) or "no message"
        line = getattr(error, "line", None)
        where = f" (line {line})" if line is not None else ""
        out.append(f"{code}: {message}{where}" if code else f"{message}{where}")
    return out


class BatchJob:
    """Upload, create (or find), poll and download one batch; each call retried on transport faults."""

    def __init__(self, backend: LLMBackend, poll_interval: float, policy: TransportPolicy) -> None:
        self.backend = backend
        self.client = backend.adapter.client
        self.poll_interval = poll_interval
        self.policy = policy
        self._retry = RetryingTransport(policy)

    def call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        return self._retry.wrap(fn, lambda: None)(*args, **kwargs)

    def submit(self, lines: list[dict[str, Any]]) -> Any:
        data = "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode("utf-8")
        uploaded = self.call(self.client.files.create, file=("summarizer-requests.jsonl", data, "application/jsonl"), purpose="batch")
        batch = self.call(
            self.client.batches.create,
            input_file_id=uploaded.id,
            endpoint=self.backend.endpoint.batch_url,
            completion_window="24h",
            metadata={"tool": "summarizer", "prompt": self.backend.prompt.name},
        )
        self.backend.notice(
            f"submitted batch {batch.id} ({len(lines)} requests); if this run stops, collect it later without paying "
            f"again: summarizer batch … --openai-batch --batch-id {batch.id}"
        )
        return batch

    def find(self, batch_id: str) -> tuple[Any, set[str]]:
        """An existing batch and the custom_ids its input file holds."""
        batch = self.call(self.client.batches.retrieve, batch_id)
        sent = set(_read_jsonl(self.call(self.client.files.content, batch.input_file_id).text)) if batch.input_file_id else set()
        self.backend.notice(f"collecting batch {batch.id} ({len(sent)} requests, {batch.status})")
        return batch, sent

    def wait(self, batch: Any) -> Any:
        """Poll until the batch ends, announcing each change (and an unchanged batch now and then)."""
        interval = min(FIRST_POLL_SECONDS, self.poll_interval)
        last, quiet = None, 0
        while batch.status not in TERMINAL:
            counts = getattr(batch, "request_counts", None)
            done = f", {counts.completed + counts.failed}/{counts.total} done" if counts and counts.total else ""
            state = (batch.status, done)
            if interval > 0 and (state != last or quiet >= QUIET_POLLS):
                self.backend.notice(f"batch {batch.id}: {batch.status}{done}; checking again in {interval:.0f} s")
                last, quiet = state, 0
            quiet += 1
            self.policy.sleep(interval)
            interval = min(self.poll_interval, max(interval * 2, FIRST_POLL_SECONDS))
            batch = self.call(self.client.batches.retrieve, batch.id)
        return batch

    def collect(self, batch: Any, sent: set[str]) -> BatchResult:
        outputs = self._download(batch.output_file_id)
        failed = self._download(batch.error_file_id)
        result = BatchResult(batch.id, batch.status, batch_errors(batch), outputs, failed, sent)
        if batch.status != "completed" or result.errors:
            why = "; ".join(result.errors) or f"{len(failed)} of {len(sent)} requests failed"
            self.backend.notice(f"batch {batch.id} ended {batch.status}: {shorten(self.backend.redactor(why))}")
        return result

    def _download(self, file_id: str | None) -> dict[str, dict[str, Any]]:
        if not file_id:
            return {}
        return _read_jsonl(self.call(self.client.files.content, file_id).text)


def job_failure(exc: BaseException) -> str:
    """Why a batch could not be submitted, found or collected, with the server's own message."""
    if isinstance(exc, openai.APIStatusError):
        return f"the server answered {exc.status_code}: {server_message(exc)}"
    return f"{fault_kind(exc)}: {exc}"


def _line_reason(record: dict[str, Any]) -> str:
    """A failed line's reason in words, with the server's own message."""
    error = record.get("error") or {}
    response = record.get("response") or {}
    body_error = (response.get("body") or {}).get("error") or {}
    message = error.get("message") or body_error.get("message") or "no message"
    code = error.get("code") or body_error.get("code")
    status = response.get("status_code")
    if code == "batch_expired":
        return f"the batch expired before this request ran: {message}"
    if status:
        return f"the batch's request failed ({status}{', ' + code if code else ''}): {message}"
    return f"the batch's request failed ({code or 'error'}): {message}"


def _ended_without(result: BatchResult) -> str:
    """The reason of a request a batch holds no line for."""
    if result.errors:
        return f"the batch {'was ' if result.status == 'not run' else ''}{result.status}: {'; '.join(result.errors)}"
    if result.status == "expired":
        return "the batch expired before this request ran"
    return f"the batch ended {result.status} with no answer for this request"


def run_batch_job(
    backend: LLMBackend, articles: list[Article], *, poll_interval: float = POLL_SECONDS, batch_id: str | None = None
) -> Iterator[tuple[Article, ArticleExtraction | SummarizerError]]:
    """Extract ``articles`` through the Batch API (collecting ``batch_id`` first when given); yields each
    article with its result, in input order."""
    pending = [_Pending(article, backend.plan(article), ArticleUsage()) for article in articles]
    contexts = [backend.context(item.article) for item in pending]
    for item, context in zip(pending, contexts):
        for request in item.requests:
            answer = backend.from_cache(item.article, request, context, item.usage, batch=True)
            if answer is not None:
                item.answers[request.chunk.index] = answer

    job = BatchJob(backend, poll_interval, backend.policy)
    results: list[BatchResult] = []
    wanted = {custom_id(r): r for item in pending for r in item.requests if r.chunk.index not in item.answers}
    try:
        if batch_id:
            batch, sent = job.find(batch_id)
            results.append(job.collect(job.wait(batch), sent))
        missing = [cid for cid in wanted if not any(cid in r.sent for r in results)]
        if missing:
            lines = [
                {"custom_id": cid, "method": "POST", "url": backend.endpoint.batch_url, "body": backend.adapter.request_body(wanted[cid].messages)}
                for cid in missing
            ]
            batch = job.submit(lines)
            results.append(job.collect(job.wait(batch), set(missing)))
    except KeyboardInterrupt:
        raise
    except Exception as exc:  # any failure of the job itself: every article not answered gets the reason
        results.append(BatchResult(None, "not run", [shorten(backend.redactor(job_failure(exc)))], sent=set(wanted)))

    for item, context in zip(pending, contexts):
        for request in item.requests:
            if request.chunk.index in item.answers or item.failure:
                continue
            cid = custom_id(request)
            result = next((r for r in reversed(results) if cid in r.sent), None)
            item.failure = _take_answer(backend, item, request, result, context)
        try:
            if item.failure:
                yield item.article, backend.failed(item.article, item.failure, item.usage)
            else:
                answers = [item.answers[r.chunk.index] for r in item.requests]
                yield item.article, backend.finish(item.article, answers, item.usage, context)
        except SummarizerError as exc:
            yield item.article, exc


def _take_answer(backend: LLMBackend, item: _Pending, request: ChunkRequest, result: BatchResult | None, context: dict[str, Any]) -> str | None:
    """Read one batch line into ``item.answers``; returns the failure reason, if any."""
    chunk = request.chunk.index
    cid = custom_id(request)
    if result is None:
        reason = "no batch holds this request"
        backend.account(item.article, item.usage, chunk, None, "batch_error", error=reason, batch=True)
        return reason
    output = result.outputs.get(cid)
    response = (output or {}).get("response") or {}
    if output is None or response.get("status_code") != 200:
        record = result.failed.get(cid) or output
        reason = _line_reason(record) if record else _ended_without(result)
        backend.account(item.article, item.usage, chunk, None, "batch_error", error=reason, batch=True)
        return reason
    body = response["body"]
    usage = CallUsage()
    usage.add_response(body)
    usage.transport.requests = 1
    try:
        answer = backend.adapter.parse(body, context)
    except Unanswered as exc:
        reason, kind = exc.reason, exc.kind
    except IncompleteOutputException:
        reason, kind = "the answer was cut off at the output token limit (raise -O max_tokens=…)", "truncated_output"
    except Exception as exc:
        kind = parse_failure_kind(exc)
        what = "named things the article does not contain" if kind == "ungrounded" else "did not follow the schema"
        reason = f"the batch's answer {what}: {error_text(exc)}"
    else:
        record = backend.account(item.article, item.usage, chunk, usage, "ok", batch=True)
        backend.remember(request, answer, record)
        item.answers[chunk] = answer
        return None
    reason = shorten(backend.redactor(reason))
    backend.account(item.article, item.usage, chunk, usage, kind, error=reason, batch=True)
    return reason
