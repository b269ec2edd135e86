"""Counts of true positives, false positives and false negatives, and the comparisons that make them.

Shared by every component of the scorer (scoring.py, decisions.py). P, R and F1 of a count with
nothing in it are ``None`` (nothing to count), never a perfect score.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from summarizer.text.normalize import tokens

# Two texts (directive contents, purposes, decision texts) are the same item when their token F1 is at least this.
SIMILARITY_THRESHOLD = 0.5


def rounded(value: float | None) -> float | None:
    """A score as stored in JSON: six decimals, ``None`` (nothing to count) kept as is."""
    return None if value is None else round(value, 6)


@dataclass
class Counts:
    """True positives, false positives and false negatives; P/R/F1 are ``None`` when there is nothing to count."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def empty(self) -> bool:
        """Nothing in gold and nothing predicted."""
        return not (self.tp or self.fp or self.fn)

    @property
    def precision(self) -> float | None:
        if self.empty:
            return None
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float | None:
        if self.empty:
            return None
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int | None]:
        return {
            "precision": rounded(self.precision),
            "recall": rounded(self.recall),
            "f1": rounded(self.f1),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Counts:
        return cls(int(data["tp"]), int(data["fp"]), int(data["fn"]))


def total(counts: Iterable[Counts]) -> Counts:
    """The sum of ``counts`` (an empty sum is an empty count)."""
    out = Counts()
    for c in counts:
        out = out + c
    return out


def compare_values(gold: object, predicted: object) -> Counts:
    """One field: TP when equal and non-null; FP when predicted and different (plus FN if gold); FN when missed."""
    if predicted is None:
        return Counts(fn=int(gold is not None))
    if gold is not None and gold == predicted:
        return Counts(tp=1)
    return Counts(fp=1, fn=int(gold is not None))


def compare_sets(gold: Iterable[str], predicted: Iterable[str]) -> Counts:
    """Two collections of keys, each key counted as often as it occurs."""
    g, p = Counter(gold), Counter(predicted)
    return Counts(tp=sum((g & p).values()), fp=sum((p - g).values()), fn=sum((g - p).values()))


def content_similarity(a: str, b: str) -> float:
    """Token F1 between two contents' keys: shortened or extended contents still match."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    overlap = sum((ta & tb).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(tb.values()), overlap / sum(ta.values())
    return 2 * p * r / (p + r)
