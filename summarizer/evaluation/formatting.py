"""Scores as people read them: three decimals, signed differences, and ``n/a`` for nothing to count."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

NOTHING = "n/a"


def score(value: float | None) -> str:
    """A score to three decimals; ``n/a`` when there was nothing to count."""
    return NOTHING if value is None else f"{value:.3f}"


def signed(value: float | None) -> str:
    """A difference with its sign; ``n/a`` when either side had nothing to count."""
    return NOTHING if value is None else f"{value:+.3f}"


def interval(ci95: Sequence[float] | None) -> str:
    return NOTHING if ci95 is None else f"[{ci95[0]:+.3f}, {ci95[1]:+.3f}]"


def listed(name: str, metric: Mapping[str, Any], always: Sequence[str]) -> bool:
    """Whether a comparison shows a metric: the ones in ``always``, and any other that changed."""
    if name in always:
        return True
    if (metric["baseline"] is None) != (metric["current"] is None):
        return True
    return metric["delta"] is not None and metric["delta"] != 0


def spread_text(figures: Mapping[str, Any], repeats: int) -> str:
    """A mean over repeated runs, with its standard deviation when there was more than one run."""
    if figures["mean"] is None:
        return NOTHING
    if repeats > 1:
        return f"{figures['mean']:.3f} ± {figures['sd']:.3f}"
    return f"{figures['mean']:.3f}"


def money(value: float) -> str:
    return f"${value:.4f}"
