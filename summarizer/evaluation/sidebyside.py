"""Gold and prediction side by side, item by item, with what differs marked: the report's per-article view.

Rows follow the scorer's own alignment (``ArticleScore.details``): an aligned event shows every field
either side gives, marked where the two differ, then its decisions, marked found, missed or not in
gold (purpose and decisions are marked only where the gold labels them); an official shows the name and each title, marked
found, missed or not in gold; a matched directive shows issuer, verb, content, addressees and
deadline, marked where they differ. An item on one side only fills its row on that side.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from summarizer.schemas import ArticleExtraction, Decision, Directive, Event, Official
from summarizer.text.normalize import match_key

from .keys import title_key
from .scoring import EVENT_FIELDS, scored_title_key

SAME, DIFFERS, MISSED, EXTRA = "same", "differs", "miss", "false"


@dataclass
class Entry:
    """One line of a side: ``field: value`` (or a bare value), and how it compares with the other side."""

    text: str
    status: str
    field: str | None = None


@dataclass
class Row:
    kind: str  # event, official or directive
    gold: list[Entry] = field(default_factory=list)
    predicted: list[Entry] = field(default_factory=list)

    @property
    def status(self) -> str:
        """The row as a whole: missed or extra when one side is empty, else differs or same."""
        if not self.predicted:
            return MISSED
        if not self.gold:
            return EXTRA
        statuses = {e.status for e in (*self.gold, *self.predicted)}
        return SAME if statuses == {SAME} else DIFFERS


def _shown(value: object) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    return str(value)


def _decision_text(decision: Decision) -> str:
    who = ", ".join(v for v in (decision.person, decision.post) if v)
    return f"decision: {decision.kind}: {decision.text}" + (f" ({who})" if who else "")


def _event_rows(gold: Sequence[Event], predicted: Sequence[Event], details: Mapping[str, Any]) -> list[Row]:
    labelled = details.get("labelled", {})
    decided = details.get("decisions", {}).get("pairs", [])
    found_gold = {(gi, gd) for gi, gd, _, _ in decided}
    found_pred = {(pi, pd) for _, _, pi, pd in decided}
    rows = []
    for pair in details["events"]:
        g = gold[pair["gold"]] if pair["gold"] is not None else None
        p = predicted[pair["predicted"]] if pair["predicted"] is not None else None
        differing = {m["field"] for m in pair.get("mismatches", [])}
        row = Row("event")
        for name in (*EVENT_FIELDS, "chairs", "purpose"):
            for side, event, alone in ((row.gold, g, MISSED), (row.predicted, p, EXTRA)):
                if event is None:
                    continue
                value = getattr(event, name)
                if value is None or value == []:
                    continue
                if name == "purpose" and not labelled.get("purpose"):
                    status = SAME
                else:
                    status = alone if g is None or p is None else (DIFFERS if name in differing else SAME)
                side.append(Entry(f"{name}: {_shown(value)}", status, name))
        for side, event, index, found, alone in (
            (row.gold, g, pair["gold"], found_gold, MISSED),
            (row.predicted, p, pair["predicted"], found_pred, EXTRA),
        ):
            for number, decision in enumerate(event.decisions if event is not None else []):
                status = SAME if not labelled.get("decisions") or (index, number) in found else alone
                side.append(Entry(_decision_text(decision), status, "decisions"))
        rows.append(row)
    return rows


def _official_side(official: Official, named: str, titled: Mapping[str, str]) -> list[Entry]:
    entries = [Entry(official.name, named, "name")]
    entries += [Entry(t, titled.get(scored_title_key(t), named), "title") for t in official.titles]
    return entries


def _official_rows(gold: Sequence[Official], predicted: Sequence[Official], pairs: Sequence[Sequence[int]]) -> list[Row]:
    rows = []
    for i, j in pairs:
        g_keys = {scored_title_key(t) for t in gold[i].titles}
        p_keys = {scored_title_key(t) for t in predicted[j].titles}
        rows.append(
            Row(
                "official",
                _official_side(gold[i], SAME, {k: SAME if k in p_keys else MISSED for k in g_keys}),
                _official_side(predicted[j], SAME, {k: SAME if k in g_keys else EXTRA for k in p_keys}),
            )
        )
    paired_gold = {i for i, _ in pairs}
    paired_pred = {j for _, j in pairs}
    rows += [Row("official", _official_side(o, MISSED, {}), []) for i, o in enumerate(gold) if i not in paired_gold]
    rows += [Row("official", [], _official_side(o, EXTRA, {})) for j, o in enumerate(predicted) if j not in paired_pred]
    return rows


def _directive_parts(d: Directive) -> dict[str, tuple[str, object]]:
    """Each shown part of a directive: its text, and the key it compares by."""
    return {
        "issuer": (d.issuer, title_key(d.issuer)),
        "verb": (d.verb, match_key(d.verb)),
        "content": (d.content, match_key(d.content)),
        "addressees": (_shown(d.addressees), sorted(title_key(a) for a in d.addressees)),
        "deadline": (_shown(d.deadline) if d.deadline else "", d.deadline),
    }


def _directive_side(d: Directive, status_of: Mapping[str, str], alone: str | None) -> list[Entry]:
    return [
        Entry(f"{name}: {text}", alone or status_of[name], name)
        for name, (text, _) in _directive_parts(d).items()
        if text
    ]


def _directive_rows(gold: Sequence[Directive], predicted: Sequence[Directive], pairs: Sequence[Sequence[int]]) -> list[Row]:
    rows = []
    for i, j in pairs:
        g, p = _directive_parts(gold[i]), _directive_parts(predicted[j])
        status_of = {name: SAME if g[name][1] == p[name][1] else DIFFERS for name in g}
        rows.append(Row("directive", _directive_side(gold[i], status_of, None), _directive_side(predicted[j], status_of, None)))
    paired_gold = {i for i, _ in pairs}
    paired_pred = {j for _, j in pairs}
    rows += [Row("directive", _directive_side(d, {}, MISSED), []) for i, d in enumerate(gold) if i not in paired_gold]
    rows += [Row("directive", [], _directive_side(d, {}, EXTRA)) for j, d in enumerate(predicted) if j not in paired_pred]
    return rows


def side_by_side(gold: ArticleExtraction, predicted: ArticleExtraction, details: Mapping[str, Any]) -> list[Row]:
    """Rows of events, then officials, then directives, each gold beside its prediction."""
    return [
        *_event_rows(gold.events, predicted.events, details),
        *_official_rows(gold.officials, predicted.officials, details["officials"].get("pairs", [])),
        *_directive_rows(gold.directives, predicted.directives, details["directives"].get("pairs", [])),
    ]
