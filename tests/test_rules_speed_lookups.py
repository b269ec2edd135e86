"""Lookups rewritten for speed (issue 15) answer as the plain scans they replaced, kept here as references:
searches confined to windows around the literals every match holds, and facts worked out once per article
instead of per sentence."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.language import dates

MANY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters and pieces that make and break day/month/year dates, document numbers and times.
_DATE_ALPHABET = st.sampled_from(list("0123456789/.-: ,aA\n") + ["19", "20", "/20", ".19", "-20", "2024", "12/3/", "ngày ", "lúc ", "Thứ Ba, "])
date_soup = st.lists(_DATE_ALPHABET, max_size=60).map("".join)


@MANY
@given(date_soup)
def test_a_header_field_holds_a_day_month_year_as_the_plain_search_finds(field: str) -> None:
    assert dates._holds_dmy(field) == (dates._HAS_DMY.search(field) is not None)


@MANY
@given(date_soup, st.sampled_from(["", " 10:30", ", 08h15", " lúc 7:05:09", "h30"]))
def test_the_header_that_opens_with_its_date_is_found_as_the_plain_search_finds(field: str, time: str) -> None:
    for text in (field, field + time, time + field):
        expected = dates._DMY_HEADERS[0].search(text)
        found = dates._header_search(dates._DMY_HEADERS[0], text)
        assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups()))
    for pattern in dates._DMY_HEADERS[1:]:
        expected = pattern.search(field)
        found = dates._header_search(pattern, field)
        assert (found and found.span()) == (expected and expected.span())
