"""The LLM backend: prompt, cache, structured call with grounding re-asks, chunk merge.

For one article: the cleaned text is split into chunks when it is long, each chunk's messages are
rendered from the versioned prompt, answered from the cache or by the model (re-asked while its
answer is not grounded in the article), the answers are merged and evidence spans located in the
original text. An article the model gives no usable answer for raises LLMError with the reason in
words and what the attempt spent; falling back to another backend is the caller's choice
(backends/fallback.py). A failure that would meet every article (a refused key, an unknown model,
a rejected mode or parameter) raises FatalBackendError, which stops the run; when the server rejects
a mode the user did not choose, the backend switches once to the next mode and says so. Every call,
cached or not, goes to the call log; a cost that cannot be known is None, never zero.

The same requests, cache and accounting serve ``extract_many``, which sends many articles through
the OpenAI Batch API at half price (batch_api.py).
"""

from __future__ import annotations

import datetime as dt
import os
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
from .adapter import NEXT_MODE, Adapter, CallUsage, resolve_mode
from .bodies import build_body
from .chunking import chunk_text, merge_extractions
from .endpoints import resolve_endpoint
from .failures import LLMCallFailed
from .parameters import Parameters
from .pricing import cost_usd, price_of
from .prompts import Prompt, load_prompt
from .secrets import LOCAL_API_KEY, Redactor
from .tokens import count_message_tokens, count_tokens
from .transport import TransportPolicy
from .validation import Answer, grounding_context, locate_evidence



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
        self.endpoint = resolve_endpoint(self.base_url, opts.api_version, os.environ)
        self.mode = resolve_mode(opts.mode, self.endpoint)
        self.mode_chosen = opts.mode is not None
        self.prompt: Prompt = load_prompt(opts.prompt or DEFAULT_PROMPT)
        # The answer the prompt asks for: purpose and decisions only when it declares them.
        self.answer: type[Answer] = self.prompt.answer
        self.use_cache = opts.use_cache
        self.policy = TransportPolicy.from_options(opts)
        self.policy.notify = self.notice
        parameters = Parameters.for_model(
            self.model, temperature=opts.temperature, max_tokens=opts.max_tokens, seed=opts.seed,
            reasoning_effort=opts.reasoning_effort, tools=True,
        )
        self._warned: set[str] = set()
        self._warn_lock = threading.Lock()
        self._mode_lock = threading.Lock()
        self.adapter = Adapter(
            model=self.model,
            endpoint=self.endpoint,
            api_key=api_key,
            mode=self.mode,
            policy=self.policy,
            max_reasks=opts.max_reasks,
            parameters=parameters,
            notify=self.warn,
            answer=self.answer,
        )
        self._schema = self.answer.model_json_schema()

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
                params={**self.adapter.params, "endpoint": self.endpoint.url, "deployment": self.endpoint.deployment},
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
        cost = self.cost(call, batch=batch) if call and call.usage_known else None
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
        usage.add(record, cached=False, cost_usd=cost, tokens_known=call is None or call.usage_known)
        return record

    def cost(self, call: CallUsage, *, batch: bool = False) -> float | None:
        """USD for one call; None when the model has no price. On OpenAI and Azure it is priced as the
        model the server says answered (an Azure deployment's real model) when that has a price; other
        servers' model names are their own (llama.cpp calls every model gpt-3.5-turbo), so the model
        asked for is priced."""
        trusted = self.endpoint.kind != "other" and call.model and price_of(call.model) is not None
        model = call.model if trusted else self.model
        return cost_usd(model, call.tokens_in, call.tokens_out, cached_in=call.cached_in, batch=batch)

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
            answer = self.answer.model_validate(hit.response, context=context)
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
            tokens_in=usage.tokens_in if usage.tokens_known else None,
            tokens_out=usage.tokens_out if usage.tokens_known else None,
            cost_usd=round(usage.cost_usd, 8) if usage.cost_usd is not None else None,
            cached=usage.cached,
        )

    def finish(
        self, article: Article, answers: list[Answer], usage: ArticleUsage, context: dict[str, Any] | None = None
    ) -> ArticleExtraction:
        parts = [a.to_extraction() for a in answers]
        merged = parts[0] if len(parts) == 1 else merge_extractions(parts)
        merged = locate_evidence(merged, (context or {}).get("keyed") or article.text)
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
                if failure.rejected_mode and self.switch_mode(failure):
                    return self.extract(article)  # planned again, in the next mode
                if failure.fatal:
                    raise failure.as_fatal(self.redactor) from None
                raise self.failed(article, reason, usage) from None
            record = self.account(article, usage, request.chunk.index, call, "reask" if call.reasks else "ok")
            self.remember(request, answer, record)
            answers.append(answer)
        return self.finish(article, answers, usage, context)

    def switch_mode(self, failure: LLMCallFailed) -> bool:
        """After the server rejected the mode in use: the next mode (NEXT_MODE), once, with a notice,
        unless the user chose the mode (then the rejection is fatal and names the modes to try)."""
        with self._mode_lock:
            if self.mode != failure.rejected_mode:
                return True  # another article's call switched already
            following = NEXT_MODE.get(self.mode)
            if self.mode_chosen or following is None:
                return False
            self.mode = self.adapter.mode = following
        self.warn(f"{self.redactor(failure.reason)}; using --mode {following} from now on (--mode chooses one)")
        return True

    # -- many articles, one Batch API job -------------------------------------------------------------

    def extract_many(
        self, articles: Iterable[Article], *, batch_id: str | None = None
    ) -> Iterator[tuple[Article, ArticleExtraction | SummarizerError]]:
        """Every article through the OpenAI Batch API (half price): answers from the cache first, then
        from the batch ``batch_id`` when given (an interrupted run's), then from one new batch."""
        from .batch_api import run_batch_job

        return run_batch_job(self, list(articles), batch_id=batch_id)

    def warn(self, message: str) -> None:
        """A one-line notice on stderr, each distinct message once per backend."""
        message = self.redactor(message)
        with self._warn_lock:
            if message in self._warned:
                return
            self._warned.add(message)
        say(message)

    def notice(self, message: str) -> None:
        """A one-line notice on stderr every time (a wait, a batch's progress)."""
        say(self.redactor(message))


def prompt_overhead_tokens(model: str = "gpt-4o-mini", prompt: str | None = None, mode: str = "tools") -> int:
    """Tokens sent besides the article: system prompt, user wrapper, and the tool/JSON schema."""
    import json

    chosen = load_prompt(prompt)
    messages = chosen.render("", published=dt.date.today().isoformat())
    params = Parameters.for_model(model, tools=True).values
    body = build_body(
        mode, messages, model=model, params=params, strict=resolve_endpoint(None).strict, answer=chosen.answer
    )
    schema_parts = {k: v for k, v in body.items() if k in {"tools", "tool_choice", "response_format"}}
    extra = count_tokens(json.dumps(schema_parts, ensure_ascii=False), model) if schema_parts else 0
    return count_message_tokens(body["messages"], model) + extra
