"""Benchmarks: measured speed, tokens, cost, cache and memory (``make bench``).

Every figure is a ratio, a count or a rate taken within one run (medians where timing), so that it
holds on a noisy machine. From Python::

    from summarizer.bench import QUICK, run_benchmarks
    figures = run_benchmarks(QUICK, ["llm", "cache"])
"""

from .figures import Figure
from .run import FULL, QUICK, SECTIONS, Settings, run_benchmarks

__all__ = ["FULL", "QUICK", "SECTIONS", "Figure", "Settings", "run_benchmarks"]
