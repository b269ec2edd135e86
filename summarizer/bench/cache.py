"""The response cache: a second eval run with an unchanged prompt, against the first.

Both runs go through ``summarizer.commands.evaluate.evaluate`` (the core of ``summarizer eval``)
with the LLM backend and the fake server holding each answer for a fixed latency. The first run
starts from an empty cache; the second must be answered entirely from it, with no HTTP call.
"""

from __future__ import annotations

import io
import statistics
from collections.abc import Sequence
from contextlib import redirect_stderr
from pathlib import Path
from typing import Any

from summarizer.backends import backend_config
from summarizer.commands.evaluate import evaluate
from summarizer.evaluation.goldset import GoldItem, files_hash, gold_files

from .figures import Figure
from .llm import BENCH_KEY, MODEL
from .measure import BenchFailure, scoped_env, timed
from .server import FakeServerProcess

SECTION = "cache"


def bench_cache(items: Sequence[GoldItem], *, latency: float, repeats: int, workdir: Path) -> list[Figure]:
    """Median time of the second (cached) eval run over the first, and the HTTP calls it made."""
    gold_hash = files_hash(gold_files(items[0].gold_path.parent))
    articles_hash = files_hash(item.article_path for item in items)
    firsts: list[float] = []
    seconds: list[float] = []
    second_calls: list[int] = []
    with FakeServerProcess() as server:

        def run(home: Path) -> tuple[dict[str, Any], float, int]:
            before = server.count()
            env = {"SUMMARIZER_HOME": str(home), "OPENAI_API_KEY": BENCH_KEY, "SUMMARIZER_MODE": None}
            with scoped_env(**env), redirect_stderr(io.StringIO()):
                record, took = timed(
                    lambda: evaluate(
                        items, backend_config("llm", model=MODEL, base_url=server.base_url),
                        gold_hash=gold_hash, articles_hash=articles_hash,
                    )
                )
            return record, took, server.count() - before

        run(workdir / "home-cache-warm-up")
        for attempt in range(max(1, repeats)):
            home = workdir / f"home-cache-{attempt}"
            server.latency(latency, len(items))
            first, first_time, first_calls = run(home)
            second, second_time, calls = run(home)
            if first_calls < len(items) or second["usage"]["cached"] != len(items):
                raise BenchFailure(
                    f"the first run made {first_calls} calls for {len(items)} articles and the second had "
                    f"{second['usage']['cached']} cached answers"
                )
            if second["scores"]["overall"] != first["scores"]["overall"]:
                raise BenchFailure("the cached run scored differently from the first")
            firsts.append(first_time)
            seconds.append(second_time)
            second_calls.append(calls)
    first_median, second_median = statistics.median(firsts), statistics.median(seconds)
    basis = f"{len(items)} gold articles, {latency * 1000:.0f} ms simulated latency, median of {len(firsts)}"
    return [
        Figure(SECTION, "second eval run / first", second_median / first_median, "ratio",
               f"{basis}: {second_median:.3f} s vs {first_median:.3f} s"),
        Figure(SECTION, "HTTP calls in the second run", max(second_calls), "calls", "must be 0: every answer from the cache"),
    ]
