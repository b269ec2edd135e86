"""What ``python -m summarizer.bench`` runs: the settings of a full and a quick run, and the order."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from summarizer.errors import ConfigError
from summarizer.evaluation.goldset import load_gold_set, locate_evals_dir

from .corpus import load_seeds, write_corpus
from .figures import Figure, check

SECTIONS = ("startup", "rules", "llm", "cache", "memory")


@dataclass(frozen=True)
class Settings:
    """Sizes of one benchmark run; the defaults are the figures the README quotes."""

    corpus: int = 10_000  # generated variants: rule-based throughput, and the large memory batch
    block: int = 500  # variants timed together; the rate is the median over blocks
    sample_repeats: int = 20
    llm_articles: int = 200
    latency: float = 0.05  # seconds the fake server holds each answer
    jobs: tuple[int, ...] = (1, 8, 32)
    cache_repeats: int = 3
    memory_small: int = 100
    startup_rounds: int = 20

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


FULL = Settings()
QUICK = replace(FULL, corpus=400, block=100, sample_repeats=5, llm_articles=40, latency=0.02, cache_repeats=1, memory_small=40, startup_rounds=5)


def _say(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


def run_benchmarks(settings: Settings, sections: Sequence[str] = SECTIONS, *, workdir: Path | None = None) -> list[Figure]:
    """Run the chosen sections in a temporary folder and return their figures."""
    unknown = sorted(set(sections) - set(SECTIONS))
    if unknown:
        raise ConfigError(f"unknown section(s) {', '.join(unknown)}; choose from {', '.join(SECTIONS)}", "--only")
    evals = locate_evals_dir()
    if evals is None:
        raise ConfigError("cannot find the project's evals/ folder: run from the repository", "bench")
    items, _ = load_gold_set(evals / "articles", evals / "gold")
    with tempfile.TemporaryDirectory(prefix="summarizer-bench-", dir=workdir) as temporary:
        work = Path(temporary)
        figures: list[Figure] = []
        corpus: list[Path] = []
        if "startup" in sections:
            from .startup import bench_startup

            _say("start-up")
            figures += bench_startup(rounds=settings.startup_rounds)
        if "rules" in sections or "memory" in sections:
            _say(f"writing {settings.corpus:,} generated variants")
            seeds = load_seeds(evals)
            corpus = write_corpus(work / "corpus", settings.corpus, seeds=seeds)
        if "rules" in sections:
            from .rules import bench_rules

            _say("rule-based backend")
            figures += bench_rules([item.article_path for item in items], corpus, repeats=settings.sample_repeats, block=settings.block)
        if "llm" in sections:
            from .llm import bench_llm_batch, bench_tokens

            _say(f"LLM backend: {settings.llm_articles} articles at --jobs {', '.join(map(str, settings.jobs))}")
            figures += bench_llm_batch(
                [item.article.text for item in items],
                count=settings.llm_articles,
                latency=settings.latency,
                jobs=settings.jobs,
                workdir=work,
            )
            figures += bench_tokens(items)
        if "cache" in sections:
            from .cache import bench_cache

            _say("cache")
            figures += bench_cache(items, latency=settings.latency, repeats=settings.cache_repeats, workdir=work)
        if "memory" in sections:
            from .memory import bench_memory

            _say(f"memory: {settings.memory_small:,} and {settings.corpus:,} articles")
            small = work / "corpus-small"
            write_corpus(small, settings.memory_small, seeds=seeds)
            figures += bench_memory(small, settings.memory_small, work / "corpus", settings.corpus, workdir=work)
    check(figures)
    return figures
