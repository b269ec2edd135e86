"""The LLM backend: prompt, cache, structured call with grounding re-asks, chunk merge.

For one article: the cleaned text is split into chunks when it is long, each chunk's messages are
rendered from the versioned prompt, answered from the cache or by the model (re-asked while its
answer is not grounded in the article), the answers are merged and evidence spans located in the
original text. An article the model gives no usable answer for raises LLMError with the reason in
words and what the attempt spent; falling back to another backend is the caller's choice
(backends/fallback.py). Every call, cached or not, goes to the call log.

The same requests, cache and accounting serve ``extract_many``, which sends many articles through
the OpenAI Batch API at half price (batch_api.py).
"""

from __future__ import annotations

import datetime as dt
import re
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from summarizer import store
from summarizer.backends.options import DEFAULT_PROMPT, LLMOptions
from summarizer.errors import ConfigError, LLMError, SummarizerError, say
from summarizer.schemas import ArticleExtraction, Provenance, schema_hash
from summarizer.text.article import Article

from .accounting import ArticleUsage, ChunkRequest
from .adapter import Adapter, CallUsage, LLMCallFailed, resolve_mode
from .chunking import chunk_text, merge_extractions
from .pricing import cost_usd
from .prompts import Prompt, load_prompt
from .secrets import LOCAL_API_KEY, Redactor
from .tokens import count_message_tokens, count_tokens
from .transport import TransportPolicy
from .validation import Answer, grounding_context, locate_evidence

OPENAI_ENDPOINT = "https://api.openai.com/v1"


def model_text(article: Article) -> str:
    """What the model reads: the article with portal cruft removed and blank runs squeezed."""
    text = re.sub(r"[ \t\u00a0]+", " ", article.clean)
    text = re.sub(r" *\n[ \n]*\n *", "\n\n", text)
    return re.sub(r" *\n *", "\n", text).strip()


class LLMBackend:
    """Extraction by a model behind any OpenAI-compatible endpoint."""

    name = "llm"

    def __init__(self, options: LLMOptions | None = None, **given: Any) -> None:
        self.options = options if options is not None else LLMOptions.build(given)  # type: ignore[assignment]
        opts = self.options
        self.model = opts.model
        self.base_url = opts.base_url
        api_key = opts.api_key.get_secret_value() if opts.api_key else None
        if not api_key:
            if not self.base_url:
                raise ConfigError(
                    "the llm backend needs OPENAI_API_KEY, or --base-url / OPENAI_BASE_URL for a local server",
                    "OPENAI_API_KEY",
                )
            api_key = LOCAL_API_KEY
        self.redactor = Redactor(api_key)
        self.mode = resolve_mode(opts.mode, self.base_url)
        self.prompt: Prompt = load_prompt(opts.prompt or DEFAULT_PROMPT)
        self.use_cache = opts.use_cache
        self.policy = TransportPolicy.from_options(opts)
        params: dict[str, Any] = {"temperature": 0.0 if opts.temperature is None else opts.temperature}
        if opts.max_tokens:
            params["max_tokens"] = opts.max_tokens
        if opts.seed is not None:
            params["seed"] = opts.seed
        self.adapter = Adapter(
            model=self.model,
            base_url=self.base_url,
            api_key=api_key,
            mode=self.mode,
            policy=self.policy,
            max_reasks=opts.max_reasks,
            params=params,
        )
        self._schema = Answer.model_json_schema()
        self._warned: set[str] = set()
        self._warn_lock = threading.Lock()

    # -- requests, cache and accounting: shared by the live and the batch paths ------------------

    def plan(self, article: Article) -> list[ChunkRequest]:
        """The requests one article needs: one per chunk, each with its cache key."""
        text = model_text(article) or article.text
        published = article.published.isoformat() if article.published else None
        requests = []
        for chunk in chunk_text(text, self.options.chunk_tokens, lambda s: count_tokens(s, self.model)):
            messages = self.prompt.render(chunk.text, article_id=article.id, published=published)
            key = store.cache_key(
                model=self.model,
                messages=messages,
                schema=self._schema,
                mode=self.mode,
                params={**self.adapter.params, "endpoint": self.base_url or OPENAI_ENDPOINT},
            )
            requests.append(ChunkRequest(chunk, messages, key))
        return requests

    def context(self, article: Article) -> dict[str, Any]:
        return grounding_context(article.text, article.published)

    def account(
        self,
        article: Article,
        usage: ArticleUsage,
        chunk: int,
        call: CallUsage | None,
        outcome: str,
        *,
        error: str | None = None,
        batch: bool = False,
    ) -> store.CallRecord:
        """Log one call and add it to the article's usage; a failure to write the log never loses the extraction."""
        tokens_in = call.tokens_in if call else 0
        tokens_out = call.tokens_out if call else 0
        cost = cost_usd(self.model, tokens_in, tokens_out, batch=batch) if call and call.usage_known else None
        record = store.CallRecord(
            model=self.model,
            prompt=self.prompt.name,
            article_id=article.id,
            chunk=chunk,
            mode=self.mode,
            batch=batch,
            outcome=outcome,
            error=self.redactor(error) if error else None,
            tokens_in=tokens_in,
            tokens_out=tokens_out,
            latency_s=round(call.latency_s, 4) if call else 0.0,
            attempts=call.attempts if call else 0,
            reasks=call.reasks if call else 0,
            cost_usd=cost,
        )
        try:
            store.log_call(record)
        except SummarizerError as exc:
            self.warn(f"call log not written ({exc})")
        usage.add(record, cached=False, cost_usd=cost)
        return record

    def from_cache(self, article: Article, request: ChunkRequest, context: dict[str, Any], usage: ArticleUsage, *, batch: bool = False) -> Answer | None:
        """The cached answer to ``request``, logged as a cache hit that costs nothing, or None."""
        if not self.use_cache:
            return None
        try:
            hit = store.cache_get(request.key)
        except SummarizerError as exc:
            self.warn(f"cache not read ({exc})")
            return None
        if hit is None:
            return None
        try:
            answer = Answer.model_validate(hit.response, context=context)
        except ValueError:
            return None
        record = store.CallRecord(
            model=self.model, prompt=self.prompt.name, article_id=article.id, chunk=request.chunk.index,
            mode=self.mode, batch=batch, outcome="cache_hit", tokens_in=hit.tokens_in, tokens_out=hit.tokens_out,
            cost_usd=0.0,
        )
        try:
            store.log_call(record)
        except SummarizerError as exc:
            self.warn(f"call log not written ({exc})")
        usage.add(record, cached=True, cost_usd=0.0)
        return answer

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
            self.warn(f"cache not written ({exc})")

    def provenance(self, usage: ArticleUsage) -> Provenance:
        return Provenance(
            backend=self.name,
            model=self.model,
            prompt=self.prompt.name,
            prompt_hash=self.prompt.hash,
            schema_hash=schema_hash(),
            tokens_in=usage.tokens_in,
            tokens_out=usage.tokens_out,
            cost_usd=round(usage.cost_usd, 8) if usage.cost_usd is not None else None,
            cached=usage.cached,
        )

    def finish(self, article: Article, answers: list[Answer], usage: ArticleUsage) -> ArticleExtraction:
        parts = [a.to_extraction() for a in answers]
        merged = parts[0] if len(parts) == 1 else merge_extractions(parts)
        merged = locate_evidence(merged, article.text)
        return merged.model_copy(update={"provenance": self.provenance(usage)})

    def failed(self, article: Article, reason: str, usage: ArticleUsage) -> LLMError:
        """The error for an article the model gave no usable answer for, with what it spent."""
        reason = self.redactor(reason)
        usage.cached = False
        return LLMError(f"the model gave no usable answer: {reason}", article.source, reason=reason, provenance=self.provenance(usage))

    # -- one article, live --------------------------------------------------------------------------

    def extract(self, article: Article) -> ArticleExtraction:
        context = self.context(article)
        usage = ArticleUsage()
        answers: list[Answer] = []
        requests = self.plan(article)
        for request in requests:
            answer = self.from_cache(article, request, context, usage)
            if answer is not None:
                answers.append(answer)
                continue
            try:
                answer, call = self.adapter.extract(request.messages, context)
            except LLMCallFailed as failure:
                reason = failure.reason
                if len(requests) > 1:
                    reason = f"part {request.chunk.index + 1} of {len(requests)}: {reason}"
                self.account(article, usage, request.chunk.index, failure.usage, failure.kind, error=reason)
                if failure.fatal:
                    raise failure.as_fatal(self.redactor) from None
                raise self.failed(article, reason, usage) from None
            record = self.account(article, usage, request.chunk.index, call, "reask" if call.reasks else "ok")
            self.remember(request, answer, record)
            answers.append(answer)
        return self.finish(article, answers, usage)

    # -- many articles, one Batch API job -------------------------------------------------------------

    def extract_many(self, articles: Iterable[Article]) -> Iterator[tuple[Article, ArticleExtraction | SummarizerError]]:
        """Every article through one OpenAI Batch API job (half price), answers from the cache first."""
        from .batch_api import run_batch_job

        return run_batch_job(self, list(articles))

    def warn(self, message: str) -> None:
        """A one-line notice on stderr, each distinct message once per backend."""
        with self._warn_lock:
            if message in self._warned:
                return
            self._warned.add(message)
        say(message)


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
