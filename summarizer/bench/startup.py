"""Start-up: ``summarizer --help`` against ``python -c pass``, CPU time of the child, interleaved.

Each round runs both commands once, alternating, and reads their CPU time (user + system) from the
kernel's accounting of finished children, so machine load moves neither; the figure is the ratio of
the medians. ``summarizer --help`` loads no backend, no model client and no pydantic model.
"""

from __future__ import annotations

import resource
import statistics
import subprocess
import sys
from pathlib import Path

from .figures import Figure
from .measure import BenchFailure

SECTION = "start-up"


def _child_cpu(command: list[str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise BenchFailure(f"{' '.join(command)} exited with {done.returncode}: {done.stderr.strip()[-200:]}")
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def bench_startup(*, rounds: int) -> list[Figure]:
    """Median CPU seconds of ``summarizer --help`` over those of ``python -c pass``."""
    tool = str(Path(sys.executable).with_name("summarizer"))
    python, help_ = [], []
    for _ in range(max(3, rounds)):
        python.append(_child_cpu([sys.executable, "-c", "pass"]))
        help_.append(_child_cpu([tool, "--help"]))
    floor, ours = statistics.median(python), statistics.median(help_)
    basis = f"median CPU of {len(python)} interleaved runs each: {1000 * ours:.0f} ms vs {1000 * floor:.0f} ms"
    return [Figure(SECTION, "summarizer --help / python -c pass", ours / floor, "ratio", basis)]
