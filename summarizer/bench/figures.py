"""Benchmark figures, the table they are printed as, and their JSON form.

Every figure is a ratio, a count or a rate measured within one run, so that it can be compared
across machines and survives a noisy one; the table says what each figure is against.
"""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from rich.console import Console
from rich.table import Table


@dataclass(frozen=True)
class Figure:
    section: str
    name: str
    value: float
    unit: str
    note: str = ""

    def formatted(self) -> str:
        """Counts with thousands separators; rates and ratios to three or so significant digits."""
        if isinstance(self.value, int):
            return f"{self.value:,}"
        size = abs(self.value)
        if size >= 100:
            return f"{self.value:,.0f}"
        if size >= 10:
            return f"{self.value:.1f}"
        if size >= 1:
            return f"{self.value:.2f}"
        return f"{self.value:.4f}"


def check(figures: Sequence[Figure]) -> None:
    """A figure that is not a finite number is a bug in the benchmark, not a result."""
    for figure in figures:
        if not isinstance(figure.value, (int, float)) or not math.isfinite(figure.value):
            raise ValueError(f"benchmark figure {figure.section} / {figure.name} is {figure.value!r}")


def print_table(figures: Sequence[Figure], console: Console | None = None, *, title: str = "summarizer benchmarks") -> None:
    table = Table(title=title)
    table.add_column("section")
    table.add_column("figure")
    table.add_column("value", justify="right")
    table.add_column("unit")
    table.add_column("how measured")
    previous = None
    for figure in figures:
        table.add_row(
            figure.section if figure.section != previous else "",
            figure.name,
            figure.formatted(),
            figure.unit,
            figure.note,
        )
        previous = figure.section
    # Piped output (make bench | tee) gets a wide table rather than 80 columns of wrapped notes.
    (console or Console(width=None if sys.stdout.isatty() else 160)).print(table)


def to_json(figures: Sequence[Figure], settings: dict[str, Any]) -> str:
    return json.dumps(
        {"settings": settings, "figures": [asdict(f) for f in figures]}, ensure_ascii=False, indent=2
    )


def markdown_table(figures: Sequence[Figure]) -> str:
    """The same table as Markdown, for the README."""
    lines = ["| section | figure | value | unit | how measured |", "|---|---|---:|---|---|"]
    for f in figures:
        lines.append(f"| {f.section} | {f.name} | {f.formatted()} | {f.unit} | {f.note} |")
    return "\n".join(lines)
