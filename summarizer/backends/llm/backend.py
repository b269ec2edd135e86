"""The LLM backend: prompt, cache, structured call with grounding re-asks, chunk merge, fallback.

For one article: the cleaned text is split into chunks when it is long, each chunk's messages are
rendered from the versioned prompt, answered from the cache or by the model (re-asked while its
answer is not grounded in the article), the answers are merged and evidence spans located in the
original text. When a call fails for good, the article is extracted by the rule-based backend
instead and its provenance says so. Every call, cached or not, goes to the call log.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import threading
from dataclasses import dataclass, field
from typing import Any

from summarizer import store
from summarizer.errors import ConfigError, LLMError, SummarizerError
from summarizer.schemas import ArticleExtraction, Provenance, schema_hash
from summarizer.text.article import Article

from .adapter import Adapter, CallUsage, LLMCallFailed, resolve_mode
from .chunking import Chunk, chunk_text, merge_extractions
from .pricing import cost_usd
from .prompts import Prompt, load_prompt
from .tokens import count_message_tokens, count_tokens
from .transport import TransportPolicy
from .validation import Answer, grounding_context, locate_evidence

DEFAULT_CHUNK_TOKENS = 6000
DEFAULT_MAX_REASKS = 2
LOCAL_API_KEY = "not-needed"
FALLBACK_BACKEND = "llm→regex"
_KNOWN_OPTIONS = {
    "mode", "api_key", "max_reasks", "retry_attempts", "retry_base_delay", "retry_max_delay", "timeout",
    "chunk_tokens", "temperature", "max_tokens", "use_cache",
}
_SECRET_LIKE = re.compile(r"\b(sk-[A-Za-z0-9_\-]{6,}|Bearer\s+\S+)")


def redact(text: str, secret: str | None) -> str:
    """Never let an API key (ours, or anything shaped like one) reach a log, an output or an error."""
    if secret and secret != LOCAL_API_KEY:
        text = text.replace(secret, "***")
    return _SECRET_LIKE.sub("***", text)


def model_text(article: Article) -> str:
    """What the model reads: the article with portal cruft removed and blank runs squeezed."""
    text = re.sub(r"[ \t\u00a0]+", " ", article.clean)
    text = re.sub(r" *\n[ \n]*\n *", "\n\n", text)
    return re.sub(r" *\n *", "\n", text).strip()


@dataclass
class ChunkRequest:
    """One call's worth of an article: the chunk, its rendered messages and its cache key."""

    chunk: Chunk
    messages: list[dict[str, str]]
    key: str


@dataclass
class ArticleUsage:
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float | None = None
    cached: bool = True
    calls: list[store.CallRecord] = field(default_factory=list)

    def add(self, record: store.CallRecord, *, cached: bool) -> None:
        self.tokens_in += record.tokens_in
        self.tokens_out += record.tokens_out
        if record.cost_usd is not None:
            self.cost_usd = (self.cost_usd or 0.0) + record.cost_usd
        self.cached = self.cached and cached
        self.calls.append(record)


class LLMBackend:
    """Extraction by a model behind any OpenAI-compatible endpoint."""

    name = "llm"

    def __init__(
        self,
        model: str | None = None,
        base_url: str | None = None,
        prompt: str | None = None,
        mode: str | None = None,
        **options: Any,
    ) -> None:
        unknown = sorted(k for k, v in options.items() if v is not None and k not in _KNOWN_OPTIONS)
        if unknown:
            raise ConfigError(f"unknown llm backend option(s): {', '.join(unknown)}", "llm")
        self.model = model or os.environ.get("SUMMARIZER_MODEL") or ""
        if not self.model:
            raise ConfigError("the llm backend needs a model: pass --model or set SUMMARIZER_MODEL", "--model")
        self.base_url = base_url or os.environ.get("OPENAI_BASE_URL") or None
        self._api_key = options.get("api_key") or os.environ.get("OPENAI_API_KEY") or None
        if not self._api_key:
            if not self.base_url:
                raise ConfigError(
                    "the llm backend needs OPENAI_API_KEY, or --base-url / OPENAI_BASE_URL for a local server",
                    "OPENAI_API_KEY",
                )
            self._api_key = LOCAL_API_KEY
        self.mode = resolve_mode(mode or options.get("mode"), self.base_url)
        self.prompt: Prompt = load_prompt(prompt)
        self.chunk_tokens = int(options.get("chunk_tokens") or DEFAULT_CHUNK_TOKENS)
        self.use_cache = options.get("use_cache") is not False
        params: dict[str, Any] = {"temperature": 0.0 if options.get("temperature") is None else float(options["temperature"])}
        if options.get("max_tokens"):
            params["max_tokens"] = int(options["max_tokens"])
        max_reasks = options.get("max_reasks")
        self.adapter = Adapter(
            model=self.model,
            base_url=self.base_url,
            api_key=self._api_key,
            mode=self.mode,
            policy=TransportPolicy.from_options(options),
            max_reasks=DEFAULT_MAX_REASKS if max_reasks is None else int(max_reasks),
            params=params,
        )
        self._schema = Answer.model_json_schema()
        self._warned: set[str] = set()
        self._warn_lock = threading.Lock()

    # -- the pieces the Batch API client shares ---------------------------------------------------

    def plan(self, article: Article) -> list[ChunkRequest]:
        """The requests one article needs: one per chunk, each with its cache key."""
        text = model_text(article) or article.text
        published = article.published.isoformat() if article.published else None
        budget = max(200, self.chunk_tokens)
        requests = []
        for chunk in chunk_text(text, budget, lambda s: count_tokens(s, self.model)):
            messages = self.prompt.render(chunk.text, article_id=article.id, published=published)
            key = store.cache_key(
                model=self.model,
                messages=messages,
                schema=self._schema,
                mode=self.mode,
                params={**self.adapter.params, "endpoint": self._endpoint()},
            )
            requests.append(ChunkRequest(chunk, messages, key))
        return requests

    def context(self, article: Article) -> dict[str, Any]:
        return grounding_context(article.text, article.published)

    def record(
        self,
        article: Article,
        chunk: int,
        usage: CallUsage | None,
        outcome: str,
        *,
        error: str | None = None,
        batch: bool = False,
    ) -> store.CallRecord:
        """Log one call; a failure to write the log never loses the extraction."""
        tokens_in = usage.tokens_in if usage else 0
        tokens_out = usage.tokens_out if usage else 0
        record = store.CallRecord(
            model=self.model,
            prompt=self.prompt.name,
            article_id=article.id,
            chunk=chunk,
            mode=self.mode,
            batch=batch,
            outcome=outcome,
            error=redact(error, self._api_key) if error else None,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            latency_s=round(usage.latency_s, 4) if usage else 0.0,
            attempts=usage.attempts if usage else 0,
            reasks=usage.reasks if usage else 0,
            cost_usd=cost_usd(self.model, tokens_in, tokens_out, batch=batch) if outcome != "cache_hit" else 0.0,
        )
        try:
            store.log_call(record)
        except SummarizerError as exc:
            self._warn(f"call log not written ({exc})")
        return record

    def cached(self, request: ChunkRequest, context: dict[str, Any]) -> tuple[Answer, store.CachedAnswer] | None:
        if not self.use_cache:
            return None
        try:
            hit = store.cache_get(request.key)
        except SummarizerError as exc:
            self._warn(f"cache not read ({exc})")
            return None
        if hit is None:
            return None
        try:
            return Answer.model_validate(hit.response, context=context), hit
        except ValueError:
            return None

    def remember(self, request: ChunkRequest, answer: Answer, record: store.CallRecord) -> None:
        if not self.use_cache:
            return
        try:
            store.cache_put(
                request.key,
                model=self.model,
                prompt=self.prompt.name,
                response=answer.model_dump(mode="json"),
                tokens_in=record.tokens_in,
                tokens_out=record.tokens_out,
                cost_usd=record.cost_usd,
            )
        except SummarizerError as exc:
            self._warn(f"cache not written ({exc})")

    def provenance(self, usage: ArticleUsage, **extra: Any) -> Provenance:
        return Provenance(
            backend="llm",
            model=self.model,
            prompt=self.prompt.name,
            prompt_hash=self.prompt.hash,
            schema_hash=schema_hash(),
            tokens_in=usage.tokens_in,
            tokens_out=usage.tokens_out,
            cost_usd=round(usage.cost_usd, 8) if usage.cost_usd is not None else None,
            cached=usage.cached,
            **extra,
        )

    def finish(self, article: Article, answers: list[Answer], usage: ArticleUsage) -> ArticleExtraction:
        parts = [a.to_extraction() for a in answers]
        merged = parts[0] if len(parts) == 1 else merge_extractions(parts)
        merged = locate_evidence(merged, article.text)
        return merged.model_copy(update={"provenance": self.provenance(usage)})

    def fallback(self, article: Article, reason: str, usage: ArticleUsage) -> ArticleExtraction:
        """The rule-based backend's extraction, marked as a fallback with the LLM's failure."""
        from summarizer.backends.rules import RuleBackend

        reason = redact(reason, self._api_key)
        self._warn(f"{article.id}: LLM gave no usable answer ({reason}); using the rule-based backend", once=True)
        try:
            result = RuleBackend().extract(article)
        except SummarizerError as exc:
            raise LLMError(f"the LLM failed ({reason}) and so did the rule-based backend ({exc.message})", article.id) from None
        usage.cached = False
        provenance = self.provenance(usage, fallback_reason=reason).model_copy(update={"backend": FALLBACK_BACKEND})
        return result.model_copy(update={"provenance": provenance})

    # -- one article, live --------------------------------------------------------------------------

    def extract(self, article: Article) -> ArticleExtraction:
        context = self.context(article)
        usage = ArticleUsage()
        answers: list[Answer] = []
        requests = self.plan(article)
        for request in requests:
            hit = self.cached(request, context)
            if hit is not None:
                answer, stored = hit
                record = self.record(article, request.chunk.index, None, "cache_hit")
                usage.add(record, cached=True)
                usage.tokens_in += stored.tokens_in
                usage.tokens_out += stored.tokens_out
                if stored.cost_usd is not None:
                    usage.cost_usd = (usage.cost_usd or 0.0) + stored.cost_usd
                answers.append(answer)
                continue
            try:
                answer, call = self.adapter.extract(request.messages, context)
            except LLMCallFailed as failed:
                reason = f"{failed.kind}: {failed.detail}"
                if len(requests) > 1:
                    reason = f"chunk {request.chunk.index + 1}/{len(requests)}: {reason}"
                usage.add(self.record(article, request.chunk.index, failed.usage, failed.kind, error=reason), cached=False)
                return self.fallback(article, reason, usage)
            record = self.record(article, request.chunk.index, call, "reask" if call.reasks else "ok")
            usage.add(record, cached=False)
            self.remember(request, answer, record)
            answers.append(answer)
        return self.finish(article, answers, usage)

    def _endpoint(self) -> str:
        return self.base_url or "https://api.openai.com/v1"

    def _warn(self, message: str, *, once: bool = False) -> None:
        """A one-line notice on stderr; ``once`` notices (fallbacks) are printed for the first article only."""
        if once:
            with self._warn_lock:
                if "fallback" in self._warned:
                    return
                self._warned.add("fallback")
            message += " (further fallbacks are marked in each result's provenance)"
        print(f"summarizer: {message}", file=sys.stderr)


def prompt_overhead_tokens(model: str = "gpt-4o-mini", prompt: str | None = None, mode: str = "tools") -> int:
    """Tokens sent besides the article: system prompt, user wrapper, and the tool/JSON schema."""
    import json

    adapter = Adapter(
        model=model, base_url=None, api_key=LOCAL_API_KEY, mode=mode, policy=TransportPolicy(), params={"temperature": 0.0}
    )
    body = adapter.request_body(load_prompt(prompt).render("", published=dt.date.today().isoformat()))
    schema_parts = {k: v for k, v in body.items() if k in {"tools", "tool_choice", "response_format"}}
    extra = count_tokens(json.dumps(schema_parts, ensure_ascii=False), model) if schema_parts else 0
    return count_message_tokens(body["messages"], model) + extra
