"""What a gathering was for and what it decided, scored only where the gold labels them.

The rules are LABELING.md's addendum ("Purpose and decisions of a gathering", its Scoring paragraph).
Both are optional event fields that older gold files (the five seeds) do not carry. A gold file
labels a field when one of its events has the key, null or empty included (pydantic's
``model_fields_set``: a key the file leaves out is not there); an article whose gold does not label a
field counts nothing for it, whatever was predicted.

- ``events.purpose`` is a field of aligned events, equal when its token F1 with the gold is at least
  0.5 (as directive contents are compared). As for every event field, the purpose of an unaligned
  event is a miss (gold) or a false alarm (predicted).
- ``decisions`` are matched one to one within each aligned pair of events: the same kind, and the
  same person by name key when the gold decision names one, else texts whose token F1 is at least
  0.5. Decisions of unaligned events are misses (gold) or false alarms (predicted).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from summarizer.schemas import Decision, Event

from .counts import SIMILARITY_THRESHOLD, Counts, content_similarity
from .keys import name_key
from .matching import max_weight_matching


def labelled(events: Sequence[Event], name: str) -> bool:
    """Whether gold ``events`` label the optional field ``name``: one of them was given the key."""
    return any(name in event.model_fields_set for event in events)


def same_text(gold: str, predicted: str) -> bool:
    """Two texts say the same thing when their token F1 is at least SIMILARITY_THRESHOLD."""
    return content_similarity(gold, predicted) >= SIMILARITY_THRESHOLD


def compare_purpose(gold: str | None, predicted: str | None) -> Counts:
    """One purpose: TP when the texts are the same (``same_text``); FP when predicted and different (plus
    FN when gold has one); FN when gold has one and nothing was predicted."""
    if predicted is None:
        return Counts(fn=int(gold is not None))
    if gold is not None and same_text(gold, predicted):
        return Counts(tp=1)
    return Counts(fp=1, fn=int(gold is not None))


def decision_weight(gold: Decision, predicted: Decision) -> float:
    """How well ``predicted`` stands for ``gold``: 0 when it cannot (another kind; another or no person
    when gold names one; texts under the threshold when it does not), else more for closer texts."""
    if gold.kind != predicted.kind:
        return 0.0
    similarity = content_similarity(gold.text, predicted.text)
    person = name_key(gold.person) if gold.person else ""
    if person:
        return 1.0 + similarity if predicted.person and name_key(predicted.person) == person else 0.0
    return similarity if similarity >= SIMILARITY_THRESHOLD else 0.0


def decision_item(decision: Decision) -> dict[str, Any]:
    """A decision as the score's details show it."""
    return {"kind": decision.kind, "text": decision.text, "person": decision.person, "post": decision.post}


def score_decisions(
    gold: Sequence[Event], predicted: Sequence[Event], pairs: Sequence[tuple[int, int]]
) -> tuple[Counts, dict[str, Any]]:
    """Decisions one to one within the aligned events ``pairs`` (gold index, predicted index); the
    details name what was found, missed and invented, and ``pairs`` holds
    ``[gold event, gold decision, predicted event, predicted decision]``."""
    partner: Mapping[int, int] = dict(pairs)
    matched: list[list[int]] = []
    found: list[dict[str, Any]] = []
    missed: list[dict[str, Any]] = []
    false_alarms: list[dict[str, Any]] = []
    for gi, event in enumerate(gold):
        pi = partner.get(gi)
        theirs = predicted[pi].decisions if pi is not None else []
        weights = [[decision_weight(g, p) for p in theirs] for g in event.decisions]
        matches = max_weight_matching(weights) if theirs else []
        matched += [[gi, gd, pi, pd] for gd, pd in matches]  # type: ignore[list-item]
        found += [decision_item(event.decisions[gd]) for gd, _ in matches]
        taken_gold = {gd for gd, _ in matches}
        taken_pred = {pd for _, pd in matches}
        missed += [decision_item(d) for gd, d in enumerate(event.decisions) if gd not in taken_gold]
        false_alarms += [decision_item(d) for pd, d in enumerate(theirs) if pd not in taken_pred]
    paired_pred = set(partner.values())
    for pi, event in enumerate(predicted):
        if pi not in paired_pred:
            false_alarms += [decision_item(d) for d in event.decisions]
    counts = Counts(tp=len(found), fp=len(false_alarms), fn=len(missed))
    return counts, {"pairs": matched, "found": found, "missed": missed, "false_alarms": false_alarms}


def no_decisions() -> dict[str, Any]:
    """The details of an article whose gold does not label decisions."""
    return {"pairs": [], "found": [], "missed": [], "false_alarms": []}
