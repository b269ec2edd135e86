"""Peak memory of ``summarizer batch`` on a large input against a small one.

Each batch runs as its own child process (the rule-based backend, one job, so the whole run
happens in that process) and its peak resident set size is read from the kernel's account of
that child (``os.wait4``). Streaming works when the large batch's peak is about the small one's.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .figures import Figure
from .llm import BenchFailure

SECTION = "memory"


def peak_rss_mib(inputs: Path, output: Path, *, jobs: int = 1) -> float:
    """Peak RSS in MiB of one ``summarizer batch`` child process over ``inputs``."""
    command = [sys.executable, "-m", "summarizer", "batch", str(inputs), "-o", str(output), "-b", "regex", "-j", str(jobs)]
    log = output.with_suffix(".stderr")
    with log.open("wb") as stderr:
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=stderr)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        last = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-1:]
        raise BenchFailure(f"batch over {inputs} exited with {child.returncode}: {' '.join(last)}")
    return usage.ru_maxrss / 1024  # Linux reports KiB


def bench_memory(small: Path, small_count: int, large: Path, large_count: int, *, workdir: Path) -> list[Figure]:
    small_peak = peak_rss_mib(small, workdir / "memory-small.jsonl")
    large_peak = peak_rss_mib(large, workdir / "memory-large.jsonl")
    for name, count in (("memory-small.jsonl", small_count), ("memory-large.jsonl", large_count)):
        with (workdir / name).open("rb") as handle:
            lines = sum(1 for _ in handle)
        if lines != count:
            raise BenchFailure(f"{name}: {lines} records for {count} articles")
    note = "summarizer batch -b regex -j 1 in a child process; peak RSS from os.wait4"
    return [
        Figure(SECTION, f"peak RSS, {small_count:,}-article batch", small_peak, "MiB", note),
        Figure(SECTION, f"peak RSS, {large_count:,}-article batch", large_peak, "MiB", note),
        Figure(SECTION, f"{large_count:,} / {small_count:,} peak RSS", large_peak / small_peak, "ratio", "about 1 when input and output are streamed"),
    ]
