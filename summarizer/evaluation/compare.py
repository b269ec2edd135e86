"""Comparing a run with a baseline: what moved, how sure we are (paired bootstrap), and what changed per article.

The bootstrap resamples articles, not items: both runs are scored on the same resampled articles,
so the interval is of the difference itself and article difficulty cancels out. A metric with
nothing to count on either side (``None``) has no difference: its Δ and interval are ``None`` too,
and a resample where it has nothing to count is left out of its interval.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from summarizer.errors import EvalError

from summarizer.text.normalize import match_key

from .keys import name_key, title_key
from .runs import describe
from .scoring import COMPONENTS, FIELDS, Counts, overall_of, rounded, scored_title_key

RESAMPLES = 2000
SEED = 20240613
METRICS = ("overall", *COMPONENTS, *FIELDS)
_EPSILON = 1e-9


@dataclass
class MetricDelta:
    """One metric on both sides; ``None`` where a side has nothing to count."""

    name: str
    baseline: float | None
    current: float | None
    low: float | None
    high: float | None

    @property
    def delta(self) -> float | None:
        if self.baseline is None or self.current is None:
            return None
        return self.current - self.baseline

    @property
    def moved(self) -> bool:
        return self.delta is not None and abs(self.delta) > _EPSILON

    def to_dict(self) -> dict[str, Any]:
        return {
            "baseline": rounded(self.baseline),
            "current": rounded(self.current),
            "delta": rounded(self.delta),
            "ci95": None if self.low is None or self.high is None else [round(self.low, 6), round(self.high, 6)],
        }


@dataclass
class ArticleChanges:
    """Gold items the current run found that the baseline missed (gained) and the reverse (lost)."""

    article_id: str
    gained: dict[str, list[str]] = field(default_factory=dict)
    lost: dict[str, list[str]] = field(default_factory=dict)
    new_false_alarms: dict[str, list[str]] = field(default_factory=dict)
    fixed_false_alarms: dict[str, list[str]] = field(default_factory=dict)
    overall_baseline: float | None = None
    overall_current: float | None = None

    @property
    def empty(self) -> bool:
        return not (self.gained or self.lost or self.new_false_alarms or self.fixed_false_alarms)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "overall_baseline": rounded(self.overall_baseline),
            "overall_current": rounded(self.overall_current),
            "gained": self.gained,
            "lost": self.lost,
            "new_false_alarms": self.new_false_alarms,
            "fixed_false_alarms": self.fixed_false_alarms,
        }


@dataclass
class Comparison:
    """Two runs on the same gold, each side named by ``runs.describe`` (backend, model, prompt, date, id)."""

    baseline: dict[str, Any]
    current: dict[str, Any]
    articles_compared: int
    metrics: dict[str, MetricDelta]
    articles: list[ArticleChanges]
    unpaired: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        """Why the comparison is not of the backends it names: a side holding articles another backend
        answered after the first failed, or articles no backend answered (error records)."""
        out = []
        for role, side in (("baseline", self.baseline), ("current run", self.current)):
            if side["fallen_back"]:
                out.append(
                    f"the {role} ({side['label']}) holds {len(side['fallen_back'])} article(s) answered by a fallback "
                    f"after its backend failed: {', '.join(side['fallen_back'])}"
                )
            if side["failed"]:
                out.append(
                    f"the {role} ({side['label']}) holds {len(side['failed'])} article(s) its backend failed "
                    f"(scored as misses): {', '.join(side['failed'])}"
                )
        return out

    def drops(self, max_drop: float) -> list[MetricDelta]:
        """Overall and component F1s that fell by more than ``max_drop``."""
        return [
            m
            for name, m in self.metrics.items()
            if name in ("overall", *COMPONENTS) and m.delta is not None and -m.delta > max_drop + _EPSILON
        ]

    def to_dict(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline,
            "current": self.current,
            "problems": self.problems(),
            "articles_compared": self.articles_compared,
            "unpaired": self.unpaired,
            "resamples": RESAMPLES,
            "seed": SEED,
            "metrics": {name: m.to_dict() for name, m in self.metrics.items()},
            "articles": [a.to_dict() for a in self.articles if not a.empty],
        }


def _article_counts(article: Mapping[str, Any]) -> dict[str, Counts]:
    """An article's counts per component and field; one a record made before it existed lacks is left out
    (``decisions`` and ``events.purpose`` in older records), so it has no difference rather than a false one."""
    counts = {name: Counts.from_dict(article["components"][name]) for name in COMPONENTS if name in article["components"]}
    counts.update({name: Counts.from_dict(article["fields"][name]) for name in FIELDS if name in article["fields"]})
    return counts


def _metric_values(totals: Mapping[str, Counts]) -> dict[str, float | None]:
    values = {name: c.f1 for name, c in totals.items()}
    values["overall"] = overall_of(totals)
    return values


def _totals(per_article: Sequence[Mapping[str, Counts]], weights: Mapping[int, int]) -> dict[str, Counts]:
    totals: dict[str, Counts] = {}
    for index, times in weights.items():
        for name, c in per_article[index].items():
            prev = totals.get(name, Counts())
            totals[name] = Counts(prev.tp + c.tp * times, prev.fp + c.fp * times, prev.fn + c.fn * times)
    return totals


def paired_bootstrap(
    baseline: Sequence[Mapping[str, Counts]],
    current: Sequence[Mapping[str, Counts]],
    *,
    resamples: int = RESAMPLES,
    seed: int = SEED,
) -> dict[str, tuple[float, float] | None]:
    """95% interval of (current − baseline) for every metric, resampling paired articles with replacement.

    Resamples where either side has nothing to count for a metric are left out of its interval;
    a metric never counted on both sides has no interval (``None``).
    """
    n = len(baseline)
    rng = random.Random(seed)
    diffs: dict[str, list[float]] = {}
    for _ in range(resamples):
        weights = Counter(rng.randrange(n) for _ in range(n))
        base = _metric_values(_totals(baseline, weights))
        cur = _metric_values(_totals(current, weights))
        for name, value in cur.items():
            values = diffs.setdefault(name, [])
            if value is not None and base.get(name) is not None:
                values.append(value - base[name])  # type: ignore[operator]
    intervals: dict[str, tuple[float, float] | None] = {}
    for name, values in diffs.items():
        values.sort()
        intervals[name] = (
            (values[int(0.025 * (len(values) - 1))], values[int(round(0.975 * (len(values) - 1)))]) if values else None
        )
    return intervals


Items = dict[str, dict[str, dict[tuple[str, ...], str]]]
# The kinds of items whose changes a comparison lists, each from the score's details of that name.
ITEM_KINDS = ("officials", "titles", "directives", "decisions")


def item_key(kind: str, item: Any) -> tuple[str, ...]:
    """What identifies an item across runs: the keys scoring compares it by, so a non-breaking space,
    a tone-mark placement (``Uỷ``/``Ủy``) or a composed/decomposed letter never makes it another item."""
    if kind == "titles":
        return name_key(item[0]), scored_title_key(item[1])
    if kind == "directives":
        return title_key(item["issuer"]), match_key(item["content"])
    if kind == "decisions":
        return item["kind"], name_key(item["person"] or ""), match_key(item["text"])
    return (name_key(str(item)),)


def item_label(kind: str, item: Any) -> str:
    """An item as a reader sees it, written as the run that holds it wrote it."""
    if kind == "titles":
        return f"{item[0]}: {item[1]}"
    if kind == "directives":
        return f"{item['issuer']} {item['verb']}: {item['content']}"
    if kind == "decisions":
        return f"{item['kind']}: {item['text']}"
    return str(item)


def _item_sets(details: Mapping[str, Any]) -> Items:
    """Per kind (ITEM_KINDS) and part (found, missed, false alarms): key → label; a kind a record made
    before it existed lacks has no items."""
    parts = ("found", "missed", "false_alarms")
    return {
        kind: {part: {item_key(kind, x): item_label(kind, x) for x in details.get(kind, {}).get(part, [])} for part in parts}
        for kind in ITEM_KINDS
    }


def _article_changes(base: Mapping[str, Any], cur: Mapping[str, Any]) -> ArticleChanges:
    """The items gained and lost, of the kinds both records scored."""
    b, c = _item_sets(base["details"]), _item_sets(cur["details"])
    changes = ArticleChanges(base["id"], overall_baseline=base["overall"], overall_current=cur["overall"])
    for kind in (k for k in ITEM_KINDS if k in base["details"] and k in cur["details"]):
        parts = {
            "gained": _only_in(c[kind]["found"], b[kind]["found"]),
            "lost": _only_in(b[kind]["found"], c[kind]["found"]),
            "new_false_alarms": _only_in(c[kind]["false_alarms"], b[kind]["false_alarms"]),
            "fixed_false_alarms": _only_in(b[kind]["false_alarms"], c[kind]["false_alarms"]),
        }
        for attr, items in parts.items():
            if items:
                getattr(changes, attr)[kind] = items
    return changes


def _only_in(these: Mapping[tuple[str, ...], str], those: Mapping[tuple[str, ...], str]) -> list[str]:
    """Labels of the items in ``these`` whose key is not in ``those``, sorted."""
    return sorted(label for key, label in these.items() if key not in those)


def _delta(name: str, baseline: float | None, current: float | None, interval: tuple[float, float] | None) -> MetricDelta:
    if baseline is None or current is None or interval is None:
        return MetricDelta(name, baseline, current, None, None)
    return MetricDelta(name, baseline, current, *interval)


def compare_runs(baseline: Mapping[str, Any], current: Mapping[str, Any]) -> Comparison:
    """Compare two run records article by article; refuses records scored on different gold sets."""
    if baseline.get("gold_hash") != current.get("gold_hash"):
        raise EvalError(
            f"run {baseline.get('id')} was scored on a different gold set (gold hash {baseline.get('gold_hash')} "
            f"≠ {current.get('gold_hash')}); re-run the baseline on the current gold",
            "--baseline",
        )
    base_articles = {a["id"]: a for a in baseline["scores"]["articles"]}
    cur_articles = {a["id"]: a for a in current["scores"]["articles"]}
    shared = sorted(base_articles.keys() & cur_articles.keys())
    if not shared:
        raise EvalError(f"run {baseline.get('id')} has no article in common with this run", "--baseline")
    unpaired = sorted(base_articles.keys() ^ cur_articles.keys())
    base_counts = [_article_counts(base_articles[a]) for a in shared]
    cur_counts = [_article_counts(cur_articles[a]) for a in shared]
    everything = dict.fromkeys(range(len(shared)), 1)
    base_values = _metric_values(_totals(base_counts, everything))
    cur_values = _metric_values(_totals(cur_counts, everything))
    intervals = paired_bootstrap(base_counts, cur_counts)
    metrics = {
        name: _delta(name, base_values[name], cur_values[name], intervals.get(name))
        for name in METRICS
        if name in cur_values and name in base_values
    }
    changes = [_article_changes(base_articles[a], cur_articles[a]) for a in shared]
    return Comparison(describe(baseline), describe(current), len(shared), metrics, changes, unpaired)
