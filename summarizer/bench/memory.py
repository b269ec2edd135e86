"""Peak memory of ``summarizer batch`` on a large input against a small one.

Each batch runs as its own child process (the rule-based backend, one job, so the whole run
happens in that process). Its peak is the kernel's high-water mark of the child's own memory,
``VmHWM`` in ``/proc/self/status``, written by the child as it exits: ``ru_maxrss`` of a child
(``os.wait4``, ``RUSAGE_CHILDREN``) also counts the pages it shared with this process between
fork and exec, so it reports the benchmark's size rather than the batch's. Streaming works when
the large batch's peak is about the small one's.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .figures import Figure
from .measure import BenchFailure

SECTION = "memory"
_CHILD = """
import atexit, sys
from pathlib import Path

def report_peak(target=Path(sys.argv[1])):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            target.write_text(line.split()[1])

atexit.register(report_peak)
sys.argv = ["summarizer", *sys.argv[2:]]
from summarizer.cli import app
app()
"""


def peak_rss_mib(inputs: Path, output: Path, *, jobs: int = 1) -> float:
    """Peak RSS in MiB of one ``summarizer batch`` child process over ``inputs``."""
    peak_file = output.with_suffix(".peak")
    arguments = ["batch", str(inputs), "-o", str(output), "-b", "regex", "-j", str(jobs)]
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(peak_file), *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    if done.returncode != 0 or not peak_file.exists():
        last = done.stderr.strip().splitlines()[-1:]
        raise BenchFailure(f"batch over {inputs} exited with {done.returncode}: {' '.join(last)}")
    return int(peak_file.read_text()) / 1024  # VmHWM is in KiB


def bench_memory(small: Path, small_count: int, large: Path, large_count: int, *, workdir: Path) -> list[Figure]:
    small_peak = peak_rss_mib(small, workdir / "memory-small.jsonl")
    large_peak = peak_rss_mib(large, workdir / "memory-large.jsonl")
    for name, count in (("memory-small.jsonl", small_count), ("memory-large.jsonl", large_count)):
        with (workdir / name).open("rb") as handle:
            lines = sum(1 for _ in handle)
        if lines != count:
            raise BenchFailure(f"{name}: {lines} records for {count} articles")
    note = "summarizer batch -b regex -j 1 in a child process; its VmHWM"
    return [
        Figure(SECTION, f"peak RSS, {small_count:,}-article batch", small_peak, "MiB", note),
        Figure(SECTION, f"peak RSS, {large_count:,}-article batch", large_peak, "MiB", note),
        Figure(SECTION, f"{large_count:,} / {small_count:,} peak RSS", large_peak / small_peak, "ratio", "about 1 when input and output are streamed"),
    ]
