"""The gatherings reported so far are indexed (``gatherings.Reported``) so that the one a sentence goes on
reporting is found without scanning them all. Driven by the same reports, the index ends with exactly the
gatherings that the naive scan it replaced, kept here as the reference, ends with."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.backends.rules.event_dates import SentenceDays
from summarizer.backends.rules import gatherings as gatherings_module
from summarizer.backends.rules.gatherings import Gathering, Reported, _report, _same
from summarizer.backends.rules.part_days import CLOSE, MIDDLE, WHOLE

SOME = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
BASE = dt.date(2025, 1, 1)


def _naive_reported_before(gatherings: list[Gathering], found: Gathering, days: list) -> Gathering | None:
    for g in reversed(gatherings):
        if _same(g, found.kind, found.session_number, days):
            return g
        if not (g.planned or found.planned):
            return None
    return None


def _naive_report(gatherings: list[Gathering], found: Gathering, read: SentenceDays, *, fresh: bool, part) -> None:
    same = None if fresh else _naive_reported_before(gatherings, found, read.days)
    if same is None:
        found.add(read, part)
        gatherings.append(found)
        return
    same.anchors.append(found.anchors[0])
    same.add(read, part)
    same.session_number = same.session_number or found.session_number


days_strategy = st.lists(
    st.tuples(st.integers(0, 20) | st.integers(0, 300), st.integers(-1, 4) | st.integers(-1, 4) | st.integers(30, 80)).map(lambda p: (BASE + dt.timedelta(p[0]), BASE + dt.timedelta(p[0] + p[1]))),
    min_size=1,
    max_size=3,
) | st.just([])
report = st.tuples(
    st.sampled_from(["session", "session", "session", "meeting", None]),  # kind
    st.sampled_from([None, None, None, 0, 1, 2]),  # session number
    st.booleans(),  # planned
    days_strategy,
    st.booleans(),  # fresh
    st.sampled_from([WHOLE] * 6 + [MIDDLE, CLOSE]),
    st.integers(0, 9),  # 0: a sitting sentence adding days to the last gathering; 1: an agenda item appended
)


def _state(gatherings: list[Gathering]) -> list[tuple]:
    return [(g.kind, g.session_number, g.planned, g.first, g.last, g.anchors, g.middle, g.closing) for g in gatherings]


@SOME
@given(st.lists(report, min_size=30, max_size=150), st.sampled_from([0, 2, gatherings_module._SCAN_MAX]))
def test_the_gathering_a_sentence_goes_on_reporting_is_the_one_a_scan_finds(reports: list, scan_max: int) -> None:
    # ``scan_max``: candidates scanned before the index by day is kept (low: from the first reports on).
    kept = gatherings_module._SCAN_MAX
    gatherings_module._SCAN_MAX = scan_max
    try:
        _check(reports)
    finally:
        gatherings_module._SCAN_MAX = kept


def _check(reports: list) -> None:
    indexed = Reported()
    naive: list[Gathering] = []
    for n, (kind, number, planned, days, fresh, part, action) in enumerate(reports):
        read = SentenceDays(days, [], False)
        if action == 0 and naive:
            naive[-1].add(read, part)
            indexed[-1].add(read, part)
            indexed.dated(indexed[-1])
            continue
        if action == 1:
            naive.append(Gathering(kind, n, [n], days, None, number))
            indexed.append(Gathering(kind, n, [n], days, None, number))
            continue
        _naive_report(naive, Gathering(kind, n, [n], [], None, number, planned), read, fresh=fresh, part=part)
        _report(indexed, Gathering(kind, n, [n], [], None, number, planned), read, fresh=fresh, part=part)
    assert _state(list(indexed)) == _state(naive)
