"""Progress of a long run on stderr: a rich bar with rate and ETA on a terminal, plain lines otherwise.

Plain lines are for logs and CI, where a redrawn bar would fill the file with control codes; they
come at most every ``interval`` seconds, plus one at the end.
"""

from __future__ import annotations

import sys
import time
from typing import Protocol, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)


class Reporter(Protocol):
    def advance(self, *, failed: bool = False) -> None: ...

    def close(self) -> None: ...


class BarReporter:
    """A rich progress bar; the total may be unknown (then it shows the count and rate only)."""

    def __init__(self, description: str, total: int | None, stream: TextIO) -> None:
        self._progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[rate]}"),
            TextColumn("{task.fields[failed]}"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(file=stream),
            transient=False,
        )
        self._started = time.monotonic()
        self._done = 0
        self._failed = 0
        self._task = self._progress.add_task(description, total=total, rate="", failed="")
        self._progress.start()

    def advance(self, *, failed: bool = False) -> None:
        self._done += 1
        self._failed += failed
        elapsed = max(time.monotonic() - self._started, 1e-9)
        self._progress.update(
            self._task,
            advance=1,
            rate=f"{self._done / elapsed:.1f}/s",
            failed=f"{self._failed} failed" if self._failed else "",
        )

    def close(self) -> None:
        self._progress.stop()


class LineReporter:
    """``batch: 120/500 (24%) 3 failed, 8.1/s, ETA 47s`` every ``interval`` seconds."""

    def __init__(self, description: str, total: int | None, stream: TextIO, interval: float = 10.0) -> None:
        self._description = description
        self._total = total
        self._stream = stream
        self._interval = interval
        self._started = self._last = time.monotonic()
        self._done = 0
        self._failed = 0

    def line(self) -> str:
        elapsed = max(time.monotonic() - self._started, 1e-9)
        rate = self._done / elapsed
        parts = [f"{self._description}: {self._done}"]
        if self._total:
            parts[0] += f"/{self._total} ({100 * self._done // self._total}%)"
        if self._failed:
            parts.append(f"{self._failed} failed")
        parts.append(f"{rate:.1f}/s")
        if self._total and rate > 0 and self._done < self._total:
            parts.append(f"ETA {(self._total - self._done) / rate:.0f}s")
        return ", ".join(parts)

    def advance(self, *, failed: bool = False) -> None:
        self._done += 1
        self._failed += failed
        now = time.monotonic()
        if now - self._last >= self._interval:
            self._last = now
            print(self.line(), file=self._stream, flush=True)

    def close(self) -> None:
        print(self.line(), file=self._stream, flush=True)


def reporter(description: str, total: int | None = None, stream: TextIO | None = None) -> Reporter:
    """The right reporter for where stderr goes."""
    stream = stream or sys.stderr
    if stream.isatty():
        return BarReporter(description, total, stream)
    return LineReporter(description, total, stream)
