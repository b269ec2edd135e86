"""Prompts × models: one cell per prompt and model, each run ``repeat`` times, with the spread of F1.

A cell summarises its runs' records: the mean, standard deviation, lowest and highest overall F1,
the mean F1 of each component, the mean grounding rate, and the tokens, cost and failed articles per
run. Pure: it reads run records and computes, so a table or a report can show the same numbers.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .scoring import COMPONENTS, rounded


def spread(values: Sequence[float | None]) -> dict[str, Any]:
    """Mean, sample standard deviation (0 for one run), lowest and highest of the known values; ``None``s
    (nothing to count) are left out, and with no known value every figure is ``None``."""
    known = [v for v in values if v is not None]
    if not known:
        return {"mean": None, "sd": None, "min": None, "max": None, "n": 0}
    return {
        "mean": rounded(statistics.fmean(known)),
        "sd": rounded(statistics.stdev(known) if len(known) > 1 else 0.0),
        "min": rounded(min(known)),
        "max": rounded(max(known)),
        "n": len(known),
    }


def _mean(values: Sequence[float]) -> float:
    return statistics.fmean(values) if values else 0.0


@dataclass
class Cell:
    """One prompt and one model, with the records of its repeated runs."""

    prompt: str | None
    model: str | None
    runs: list[Mapping[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        scores = [r["scores"] for r in self.runs]
        usage = [r["usage"] for r in self.runs]
        grounding = [s["grounding"]["rate"] if s.get("grounding") else None for s in scores]
        return {
            "prompt": self.prompt,
            "model": self.model,
            "repeats": len(self.runs),
            "overall": spread([s["overall"] for s in scores]),
            "components": {name: spread([s["components"].get(name, {}).get("f1") for s in scores]) for name in COMPONENTS},
            "grounding": spread(grounding),
            "tokens_in": round(_mean([u["tokens_in"] for u in usage])),
            "tokens_out": round(_mean([u["tokens_out"] for u in usage])),
            "cost_usd": round(_mean([u["cost_usd"] for u in usage]), 6),
            "cached": round(_mean([u["cached"] for u in usage])),
            "failed": round(_mean([len(r.get("errors") or {}) for r in self.runs]), 2),
            "articles": len(scores[0]["articles"]) if scores else 0,
            "runs": [r["id"] for r in self.runs],
        }


@dataclass
class Matrix:
    """The cells in prompt-major order, and how each repeat after the first asks the model again."""

    cells: list[Cell]
    repeat: int
    repeat_note: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "prompts": list(dict.fromkeys(c.prompt for c in self.cells)),
            "models": list(dict.fromkeys(c.model for c in self.cells)),
            "repeat": self.repeat,
            "repeat_note": self.repeat_note,
            "cells": [c.summary() for c in self.cells],
        }
