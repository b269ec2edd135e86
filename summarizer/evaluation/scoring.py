"""Scoring an extraction against its gold label: the numbers every prompt and model change is judged by.

Pure and deterministic: the same gold and prediction give the same numbers on every machine.
Five components, each a count of true positives, false positives and false negatives:

- ``events``: gold and predicted events are aligned one to one so that the most fields agree; each
  field (and each chair, by name key) is then a TP when equal and non-null, an FP when predicted
  non-null and different (also an FN when gold is non-null), an FN when predicted null and gold
  non-null. Fields of unaligned events are all FN (gold) or FP (predicted).
- ``officials``: one to one by exact name key (``Hùng`` ≠ ``Hưng``).
- ``titles``: title sets of matched officials by abbreviation-expanded key, compared without a
  body's term written after them (``khóa VIII``, ``, nhiệm kỳ 2021 – 2026``: LABELING.md, "The term
  inside a title"); titles of unmatched officials are misses (gold) or false alarms (predicted).
- ``directives``: one to one maximising the token F1 of the contents; a pair counts when that
  similarity is at least 0.5 and the issuers agree by key.
- ``decisions``: what each gathering decided, one to one within aligned events by kind and person
  (or, without a person, by the token F1 of the texts), only where the gold labels decisions; the
  field ``events.purpose`` likewise (decisions.py). Neither moves the alignment of events, and
  purpose is a field row outside the ``events`` component.

Precision, recall and F1 of empty counts: a component or field with nothing in gold and nothing
predicted has nothing to count, and its P, R and F1 are ``None`` (``n/a`` in tables, ``null`` in
JSON), never a perfect score; with gold items but no prediction precision and recall are 0, and so
on. ``overall`` is the mean F1 of the four components events, officials, titles and directives
(OVERALL_COMPONENTS) that have something to count (``None`` when none has): ``decisions`` is shown
as its own row and kept out of it, so overall figures stay comparable with runs scored before gold
labelled decisions. Corpus scores are micro-averages: counts summed over articles, then P/R/F1.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from summarizer.grounding import KeyedText, check_grounding
from summarizer.schemas import EVENT_FIELDS as CONTRACT_EVENT_FIELDS
from summarizer.schemas import ArticleExtraction, Directive, Event, Official
from summarizer.text.normalize import match_key, nfc

from .counts import SIMILARITY_THRESHOLD, Counts, compare_sets, compare_values, content_similarity, rounded, total
from .decisions import compare_purpose, labelled, no_decisions, score_decisions
from .keys import name_key, title_key
from .matching import max_weight_matching

# The components the overall F1 is the mean of; decisions is scored and shown beside them.
OVERALL_COMPONENTS = ("events", "officials", "titles", "directives")
COMPONENTS = (*OVERALL_COMPONENTS, "decisions")
OVERALL_NOTE = "Overall F1 is the mean of events, officials, titles and directives; decisions is scored apart"
# Scalar event fields, each scored equal / different / missing; chairs are scored per name.
EVENT_FIELDS = tuple(name for name in CONTRACT_EVENT_FIELDS if name != "chairs")
# The field rows summed into the events component (not purpose: see the module docstring).
EVENT_COMPONENT_FIELDS = (*(f"events.{name}" for name in EVENT_FIELDS), "events.chairs")
FIELDS = (
    *EVENT_COMPONENT_FIELDS,
    "events.purpose",
    "directives.issuer",
    "directives.addressees",
    "directives.deadline",
)

# A body's term written after a title: `khóa VIII`, `khoá 16`, `, nhiệm kỳ 2021 – 2026`, `- NK 2016-2021`,
# `(nhiệm kỳ 2020-2025)`, one after another; and `khóa XX tái cử …` with all that follows it.
_DASH = r"[-–—]"
_TERM = (
    r"(?:kh(?:óa|oá)\s+(?:(?-i:[IVXLC]+)|\d+)\b"
    r"|(?:nhi[ệe]m\s+k[ỳy]|NK)\s*:?\s*(?:\d{4}\s*" + _DASH + r"\s*\d{4}|(?-i:[IVXLC]+)\b|\d+\b))"
)
_TRAILING_TERMS = re.compile(r"(?:\s*[,(]?\s*(?:" + _DASH + r"\s*)?" + _TERM + r"\s*\)?)+\s*$", re.IGNORECASE)
_RE_ELECTED = re.compile(r"\s+kh(?:óa|oá)\s+(?:(?-i:[IVXLC]+)|\d+)\s+tái\s+cử\b.*$", re.IGNORECASE | re.DOTALL)


def without_term(title: str) -> str:
    """The title without a body's term written after it: the term is the gathering's, not the post's."""
    text = nfc(title)
    stripped = _TRAILING_TERMS.sub("", _RE_ELECTED.sub("", text)).rstrip(" ,;-–—")
    return stripped or text


def scored_title_key(title: str) -> str:
    """The key titles are compared by: ``title_key`` of the title without its trailing term."""
    return title_key(without_term(title))


def overall_of(components: Mapping[str, Counts]) -> float | None:
    """Mean F1 of the OVERALL_COMPONENTS that have something to count; ``None`` when none has."""
    known = [f1 for f1 in (components[name].f1 for name in OVERALL_COMPONENTS) if f1 is not None]
    return sum(known) / len(known) if known else None


@dataclass
class ArticleScore:
    """The score of one article, with what was found, missed and invented (for reports and diffs)."""

    article_id: str
    components: dict[str, Counts]
    fields: dict[str, Counts]
    details: dict[str, Any]
    grounding: tuple[int, int] | None = None
    error: str | None = None

    @property
    def overall(self) -> float | None:
        return overall_of(self.components)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.article_id,
            "overall": rounded(self.overall),
            "components": {name: self.components[name].to_dict() for name in COMPONENTS},
            "fields": {name: self.fields[name].to_dict() for name in FIELDS},
            "grounding": _grounding_dict(self.grounding),
            "details": self.details,
        }
        if self.error:
            data["error"] = self.error
        return data


@dataclass
class CorpusScore:
    """Micro-averaged scores over articles, plus every article's own score."""

    articles: list[ArticleScore] = field(default_factory=list)

    @property
    def components(self) -> dict[str, Counts]:
        return {name: total(a.components[name] for a in self.articles) for name in COMPONENTS}

    @property
    def fields(self) -> dict[str, Counts]:
        return {name: total(a.fields[name] for a in self.articles) for name in FIELDS}

    @property
    def overall(self) -> float | None:
        return overall_of(self.components)

    @property
    def grounding(self) -> tuple[int, int] | None:
        known = [a.grounding for a in self.articles if a.grounding is not None]
        if not known:
            return None
        return sum(g[0] for g in known), sum(g[1] for g in known)

    def to_dict(self) -> dict[str, Any]:
        components = self.components
        fields = self.fields
        return {
            "overall": rounded(self.overall),
            "components": {name: components[name].to_dict() for name in COMPONENTS},
            "fields": {name: fields[name].to_dict() for name in FIELDS},
            "grounding": _grounding_dict(self.grounding),
            "articles": [a.to_dict() for a in self.articles],
        }


def _grounding_dict(grounding: tuple[int, int] | None) -> dict[str, Any] | None:
    if grounding is None:
        return None
    found, checked = grounding
    return {"rate": round(found / checked, 6) if checked else None, "found": found, "total": checked}


def _as_extraction(value: ArticleExtraction | Mapping[str, Any]) -> ArticleExtraction:
    """A dict validated as the contract, a model as it is: either way each event keeps the keys its
    file gave (``model_fields_set``), which say whether the gold labels purpose and decisions."""
    return value if isinstance(value, ArticleExtraction) else ArticleExtraction.model_validate(value)


# --- field comparison -------------------------------------------------------------------------


def _event_value(event: Event | None, name: str) -> object:
    if event is None:
        return None
    value = getattr(event, name)
    if value is None:
        return None
    if name == "organ":
        return title_key(value) or None
    if name == "locality":
        return match_key(value) or None
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _chair_keys(event: Event | None) -> list[str]:
    return [k for k in (name_key(n) for n in event.chairs) if k] if event else []


def compare_events(gold: Event | None, predicted: Event | None) -> dict[str, Counts]:
    """Per-field counts of one aligned pair (``None`` on one side for an unaligned event)."""
    counts = {f"events.{name}": compare_values(_event_value(gold, name), _event_value(predicted, name)) for name in EVENT_FIELDS}
    counts["events.chairs"] = compare_sets(_chair_keys(gold), _chair_keys(predicted))
    return counts


def _event_label(event: Event) -> str:
    parts = [event.kind, event.organ, event.level, event.locality]
    if event.start_date:
        parts.append(event.start_date.isoformat())
    return " ".join(str(p) for p in parts if p)


def _event_mismatches(gold: Event, predicted: Event, *, purpose: bool = False) -> list[dict[str, Any]]:
    out = []
    for name in EVENT_FIELDS:
        if _event_value(gold, name) != _event_value(predicted, name):
            out.append({"field": name, "gold": _plain(getattr(gold, name)), "predicted": _plain(getattr(predicted, name))})
    if sorted(_chair_keys(gold)) != sorted(_chair_keys(predicted)):
        out.append({"field": "chairs", "gold": list(gold.chairs), "predicted": list(predicted.chairs)})
    if purpose and compare_purpose(gold.purpose, predicted.purpose).tp == 0 and (gold.purpose or predicted.purpose):
        out.append({"field": "purpose", "gold": gold.purpose, "predicted": predicted.purpose})
    return out


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, dt.date) else value


def score_events(
    gold: Sequence[Event], predicted: Sequence[Event], *, purpose: bool = False
) -> tuple[dict[str, Counts], list[dict[str, Any]]]:
    """Align events to maximise agreeing contract fields, then count every field (``events.purpose``
    too when ``purpose``: the gold labels it); returns counts and alignment."""
    pair_counts = [[compare_events(g, p) for p in predicted] for g in gold]
    weights = [[sum(c.tp for c in row.values()) for row in line] for line in pair_counts]
    pairs = max_weight_matching(weights)
    totals = {name: Counts() for name in FIELDS if name.startswith("events.")}
    alignment: list[dict[str, Any]] = []
    gold_done, pred_done = set(), set()
    for gi, pi in pairs:
        gold_done.add(gi)
        pred_done.add(pi)
        for name, c in pair_counts[gi][pi].items():
            totals[name] = totals[name] + c
        if purpose:
            totals["events.purpose"] = totals["events.purpose"] + compare_purpose(gold[gi].purpose, predicted[pi].purpose)
        mismatches = _event_mismatches(gold[gi], predicted[pi], purpose=purpose)
        alignment.append({"gold": gi, "predicted": pi, "label": _event_label(gold[gi]), "mismatches": mismatches})
    for gi, event in enumerate(gold):
        if gi not in gold_done:
            for name, c in compare_events(event, None).items():
                totals[name] = totals[name] + c
            if purpose:
                totals["events.purpose"] = totals["events.purpose"] + compare_purpose(event.purpose, None)
            alignment.append({"gold": gi, "predicted": None, "label": _event_label(event), "mismatches": []})
    for pi, event in enumerate(predicted):
        if pi not in pred_done:
            for name, c in compare_events(None, event).items():
                totals[name] = totals[name] + c
            if purpose:
                totals["events.purpose"] = totals["events.purpose"] + compare_purpose(None, event.purpose)
            alignment.append({"gold": None, "predicted": pi, "label": _event_label(event), "mismatches": []})
    return totals, alignment


# --- officials and titles ---------------------------------------------------------------------


def _pair_by_key(gold_keys: Sequence[str], pred_keys: Sequence[str]) -> list[tuple[int, int]]:
    """One-to-one pairs of equal keys, each gold item taking the first unused prediction."""
    free: dict[str, list[int]] = {}
    for j, key in enumerate(pred_keys):
        if key:
            free.setdefault(key, []).append(j)
    pairs = []
    for i, key in enumerate(gold_keys):
        if free.get(key):
            pairs.append((i, free[key].pop(0)))
    return pairs


def _titles_by_key(official: Official) -> dict[str, str]:
    out: dict[str, str] = {}
    for title in official.titles:
        key = scored_title_key(title)
        if key and key not in out:
            out[key] = title
    return out


def score_officials(gold: Sequence[Official], predicted: Sequence[Official]) -> tuple[Counts, Counts, dict[str, Any]]:
    """Officials by exact name key, titles of matched officials by expanded key."""
    pairs = _pair_by_key([name_key(o.name) for o in gold], [name_key(o.name) for o in predicted])
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    officials = Counts(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))
    titles = Counts()
    found: list[list[str]] = []
    missed: list[list[str]] = []
    false_alarms: list[list[str]] = []
    for i, j in pairs:
        g, p = _titles_by_key(gold[i]), _titles_by_key(predicted[j])
        titles = titles + Counts(tp=len(g.keys() & p.keys()), fp=len(p.keys() - g.keys()), fn=len(g.keys() - p.keys()))
        found += [[gold[i].name, t] for k, t in g.items() if k in p]
        missed += [[gold[i].name, t] for k, t in g.items() if k not in p]
        false_alarms += [[predicted[j].name, t] for k, t in p.items() if k not in g]
    for i, official in enumerate(gold):
        if i not in matched_gold:
            g = _titles_by_key(official)
            titles = titles + Counts(fn=len(g))
            missed += [[official.name, t] for t in g.values()]
    for j, official in enumerate(predicted):
        if j not in matched_pred:
            p = _titles_by_key(official)
            titles = titles + Counts(fp=len(p))
            false_alarms += [[official.name, t] for t in p.values()]
    details = {
        "officials": {
            "pairs": [[i, j] for i, j in pairs],
            "found": [gold[i].name for i, _ in pairs],
            "missed": [o.name for i, o in enumerate(gold) if i not in matched_gold],
            "false_alarms": [o.name for j, o in enumerate(predicted) if j not in matched_pred],
        },
        "titles": {"found": found, "missed": missed, "false_alarms": false_alarms},
    }
    return officials, titles, details


# --- directives -------------------------------------------------------------------------------


def _directive_item(d: Directive) -> dict[str, str]:
    return {"issuer": d.issuer, "verb": d.verb, "content": d.content}


def score_directives(
    gold: Sequence[Directive], predicted: Sequence[Directive]
) -> tuple[Counts, dict[str, Counts], dict[str, Any]]:
    """Directives one to one by content similarity with agreeing issuers; issuer, addressees, deadline too."""
    sims = [[content_similarity(g.content, p.content) for p in predicted] for g in gold]
    same_issuer = [[title_key(g.issuer) == title_key(p.issuer) for p in predicted] for g in gold]
    weights = [
        [s if s >= SIMILARITY_THRESHOLD and same else 0.0 for s, same in zip(row, issuers)]
        for row, issuers in zip(sims, same_issuer)
    ]
    pairs = max_weight_matching(weights)
    directives = Counts(tp=len(pairs), fp=len(predicted) - len(pairs), fn=len(gold) - len(pairs))

    # Issuer attribution: align by content alone, then ask whether the issuer agrees.
    by_content = max_weight_matching([[s if s >= SIMILARITY_THRESHOLD else 0.0 for s in row] for row in sims])
    issuer_tp = sum(1 for i, j in by_content if same_issuer[i][j])
    issuer = Counts(tp=issuer_tp, fp=len(predicted) - issuer_tp, fn=len(gold) - issuer_tp)

    addressees = Counts()
    deadline = Counts()
    for i, j in pairs:
        addressees = addressees + compare_sets(
            {k for k in map(title_key, gold[i].addressees) if k}, {k for k in map(title_key, predicted[j].addressees) if k}
        )
        deadline = deadline + compare_values(gold[i].deadline, predicted[j].deadline)
    matched_gold = {i for i, _ in pairs}
    matched_pred = {j for _, j in pairs}
    details = {
        "pairs": [[i, j] for i, j in pairs],
        "found": [_directive_item(gold[i]) for i, _ in pairs],
        "missed": [_directive_item(d) for i, d in enumerate(gold) if i not in matched_gold],
        "false_alarms": [_directive_item(d) for j, d in enumerate(predicted) if j not in matched_pred],
    }
    fields = {"directives.issuer": issuer, "directives.addressees": addressees, "directives.deadline": deadline}
    return directives, fields, details


# --- articles and corpora ---------------------------------------------------------------------


def score_article(
    gold: ArticleExtraction | Mapping[str, Any],
    predicted: ArticleExtraction | Mapping[str, Any],
    *,
    text: str | KeyedText | None = None,
    article_id: str | None = None,
    error: str | None = None,
) -> ArticleScore:
    """Score one prediction against its gold; with the article ``text`` also its grounding rate.
    Purpose and decisions count only when the gold labels them (``decisions.labelled``)."""
    g, p = _as_extraction(gold), _as_extraction(predicted)
    marked = {"purpose": labelled(g.events, "purpose"), "decisions": labelled(g.events, "decisions")}
    event_fields, alignment = score_events(g.events, p.events, purpose=marked["purpose"])
    officials, titles, official_details = score_officials(g.officials, p.officials)
    directives, directive_fields, directive_details = score_directives(g.directives, p.directives)
    if marked["decisions"]:
        pairs = [(a["gold"], a["predicted"]) for a in alignment if a["gold"] is not None and a["predicted"] is not None]
        decisions, decision_details = score_decisions(g.events, p.events, pairs)
    else:
        decisions, decision_details = Counts(), no_decisions()
    fields = {**event_fields, **directive_fields}
    components = {
        "events": total(event_fields[name] for name in EVENT_COMPONENT_FIELDS),
        "officials": officials,
        "titles": titles,
        "directives": directives,
        "decisions": decisions,
    }
    grounding = None
    if text is not None:
        report = check_grounding(p, text)
        grounding = (report.found, report.total)
    details = {
        "events": alignment,
        **official_details,
        "directives": directive_details,
        "decisions": decision_details,
        "labelled": marked,
    }
    return ArticleScore(
        article_id=article_id or g.article_id or p.article_id or "",
        components=components,
        fields={name: fields[name] for name in FIELDS},
        details=details,
        grounding=grounding,
        error=error,
    )


def score_corpus(articles: Iterable[ArticleScore]) -> CorpusScore:
    return CorpusScore(list(articles))
