"""The LLM backend against the loopback fake server: concurrency, tokens per article, cost.

Batch wall time is measured through ``write_results`` itself (reading files, the thread pool, the
cache and call log in SQLite, writing the results file), with the fake server (in a process of its
own) holding every answer for a realistic latency (2 s by default, as a hosted model takes), and
compared with the achievable bound: ``rounds × latency``, where a round is ``jobs`` calls at once
(``ceil(articles / jobs)`` rounds). Each jobs setting starts from an empty cache, so every article
costs one HTTP call. The client's CPU time per article (the whole process's, every thread's) is what
bounds throughput once the latency is hidden by concurrency.

Tokens are counted offline with the model's own BPE table on the sample articles, split into the
article and the overhead every call carries (system prompt with its rules and examples, the user
wrapper, the JSON schema); the answer is estimated as the gold labels written as JSON.
"""

from __future__ import annotations

import io
import json
import math
import statistics
import time
from collections.abc import Sequence
from contextlib import redirect_stderr
from pathlib import Path
from typing import Any

from summarizer.backends.llm import prompt_overhead_tokens
from summarizer.backends.llm.backend import model_text
from summarizer.backends.llm.pricing import cost_usd, source
from summarizer.backends.llm.prompts import load_prompt
from summarizer.backends.llm.tokens import count_tokens
from summarizer.backends.llm.validation import MODEL_HIDDEN_FIELDS
from summarizer.backends import backend_config
from summarizer.evaluation.goldset import GoldItem
from summarizer.pipeline.records import is_error_record
from summarizer.pipeline.run import write_results
from summarizer.pipeline.summary import RunSummary
from summarizer.schemas import ArticleExtraction

from .figures import Figure
from .measure import BenchFailure, scoped_env, timed
from .server import FakeServerProcess

MODEL = "gpt-4o-mini"
# Tool calling is what the backend uses on api.openai.com, where the prices apply.
TOKEN_MODE = "tools"
BENCH_KEY = "sk-bench-not-a-real-key"
BATCH_SECTION = "LLM batch (fake server)"
TOKENS_SECTION = "LLM tokens and cost"
# Models whose cost per 1,000 articles the table shows (prices from genai-prices).
PRICED_MODELS = ("gpt-4o-mini", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-5-mini")


def write_llm_articles(folder: Path, count: int, texts: Sequence[str]) -> Path:
    """``count`` articles cycling through ``texts``, each made unique by a short first line (so no two
    share a cache entry, while the fake server still recognises the sample article and answers its gold)."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"tin-{n:04d}.txt").write_text(f"Tin số {n + 1}\n{texts[n % len(texts)]}", encoding="utf-8")
    return folder


def _answered_by_model(output: Path) -> tuple[int, int]:
    """(records answered by the model, records in the file)."""
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines() if line.strip()]
    answered = sum(
        1 for r in records if not is_error_record(r) and (r.get("provenance") or {}).get("backend") == "llm"
    )
    return answered, len(records)


def bench_llm_batch(
    texts: Sequence[str], *, count: int, latency: float, jobs: Sequence[int], workdir: Path
) -> list[Figure]:
    """Wall time of a ``count``-article batch at each ``--jobs`` against the achievable bound
    (rounds × latency), and the client's CPU time per article (the fake server runs in its own process)."""
    folder = write_llm_articles(workdir / "llm-articles", count, texts)
    figures = []
    cpu_per_article = []
    with FakeServerProcess() as server:

        def batch(inputs: Path, output: Path, n_jobs: int, home: Path) -> RunSummary:
            env = {
                "SUMMARIZER_HOME": str(home),
                "OPENAI_API_KEY": BENCH_KEY,
                "SUMMARIZER_MODE": None,
                "SUMMARIZER_RETRY_BASE_DELAY": "0.01",
            }
            with scoped_env(**env), redirect_stderr(io.StringIO()):
                config = backend_config("llm", model=MODEL, base_url=server.base_url)
                return write_results([str(inputs)], output, config, jobs=n_jobs, progress=False)

        # Imports, the HTTP client and the tokenizer tables are paid once per process, not per article.
        batch(folder / "tin-0000.txt", workdir / "llm-warm-up.jsonl", 1, workdir / "home-llm-warm-up")
        for n_jobs in jobs:
            output = workdir / f"llm-jobs-{n_jobs}.jsonl"
            server.latency(latency, count)
            before = server.count()
            cpu_before = time.process_time()
            summary, wall = timed(lambda: batch(folder, output, n_jobs, workdir / f"home-llm-{n_jobs}"))
            cpu_per_article.append((time.process_time() - cpu_before) / count)
            calls = server.count() - before
            answered, written = _answered_by_model(output)
            if calls != count or written != count or summary.failed_total:
                raise BenchFailure(
                    f"--jobs {n_jobs}: expected {count} records from {count} calls, got {written} records, "
                    f"{calls} calls, {summary.failed_total} failures"
                )
            rounds = math.ceil(count / n_jobs)
            bound = rounds * latency
            figures.append(
                Figure(
                    BATCH_SECTION,
                    f"--jobs {n_jobs}: wall time / achievable",
                    wall / bound,
                    "ratio",
                    f"{count} articles, {n_jobs} at once: {rounds} rounds × {latency:g} s = {bound:.1f} s achievable, "
                    f"took {wall:.1f} s; {answered}/{count} answered by the model",
                )
            )
            figures.append(
                Figure(
                    BATCH_SECTION,
                    f"--jobs {n_jobs}: client CPU per article",
                    1000 * cpu_per_article[-1],
                    "ms",
                    "process CPU time (every thread) ÷ articles; goal ≤ 10 ms",
                )
            )
    figures.append(
        Figure(
            BATCH_SECTION,
            "client CPU per article",
            1000 * statistics.median(cpu_per_article),
            "ms",
            f"median over the jobs settings at {latency:g} s simulated latency: what bounds throughput once latency is hidden",
        )
    )
    return figures


def answer_json(gold: ArticleExtraction) -> str:
    """The gold labels as the model would write them for the default prompt: the answer's fields only
    (purpose and decisions when the prompt asks for them), no evidence spans."""
    hidden = MODEL_HIDDEN_FIELDS - load_prompt().asks

    def strip(node: Any) -> Any:
        if isinstance(node, dict):
            return {k: strip(v) for k, v in node.items() if k not in hidden}
        if isinstance(node, list):
            return [strip(v) for v in node]
        return node

    return json.dumps(strip(gold.model_dump(mode="json", exclude={"article_id", "provenance"})), ensure_ascii=False)


def per_article_tokens(items: Sequence[GoldItem], model: str) -> tuple[int, float, float]:
    """(overhead, mean article tokens, mean answer tokens) with ``model``'s tokenizer."""
    overhead = prompt_overhead_tokens(model, mode=TOKEN_MODE)
    article = statistics.mean(count_tokens(model_text(item.article), model) for item in items)
    answer = statistics.mean(count_tokens(answer_json(item.gold), model) for item in items)
    return overhead, article, answer


def bench_tokens(items: Sequence[GoldItem]) -> list[Figure]:
    """Tokens per article (article vs overhead) and the cost of 1,000 articles at each listed price."""
    overhead, article, answer = per_article_tokens(items, MODEL)
    sent = overhead + article
    basis = f"mean over the {len(items)} sample articles, {MODEL} tokenizer, {TOKEN_MODE} mode"
    figures = [
        Figure(TOKENS_SECTION, "tokens sent per article", round(sent), "tokens", basis),
        Figure(TOKENS_SECTION, "… of which the article", round(article), "tokens", "the text with portal cruft removed"),
        Figure(TOKENS_SECTION, "… of which overhead", overhead, "tokens", "system prompt with rules and examples, user wrapper, JSON schema"),
        Figure(TOKENS_SECTION, "overhead share of input", overhead / sent, "ratio", "overhead ÷ tokens sent"),
        Figure(TOKENS_SECTION, "tokens received per article", round(answer), "tokens", "estimated: the gold labels as answer JSON"),
    ]
    for model in PRICED_MODELS:
        overhead, article, answer = per_article_tokens(items, model)
        tokens_in, tokens_out = round(overhead + article), round(answer)
        live = 1000 * (cost_usd(model, tokens_in, tokens_out) or 0.0)
        batch = 1000 * (cost_usd(model, tokens_in, tokens_out, batch=True) or 0.0)
        figures.append(
            Figure(
                TOKENS_SECTION,
                f"cost per 1,000 articles, {model}",
                round(live, 4),
                "USD",
                f"{tokens_in:,} in + {tokens_out:,} out per article at list price ({source()}); "
                f"${batch:.4f} with --openai-batch",
            )
        )
    return figures
