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


# Sentences that name gatherings, sessions, officials and places, for the rule backend's own lookups.
_RULE_PIECES = st.sampled_from(
    [
        "Sáng 13/12, Kỳ họp thứ 20 HĐND tỉnh khai mạc. ",
        "Kỳ họp thứ 21 đã bầu ông Trần Văn An giữ chức Phó Chủ tịch UBND tỉnh. ",
        "Đồng chí Nguyễn Hoàng Long, Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì. ",
        "Tại Hà Nội, ông Lê Minh Hùng phát biểu. ",
        "Sáng nay Tại Bắc Ninh Phạm ",
        "Chiều 14/12, phiên họp thường kỳ UBND huyện diễn ra.\n",
        "Bà Hà Thị Nga cho biết; ",
        "Ông ",
        "TS. ",
        "các đồng chí ",
        "Hội nghị ",
        "\n",
        "Nguyễn ",
        "Chủ tịch ",
        "x ",
    ]
)
rule_text = st.lists(_RULE_PIECES, min_size=1, max_size=25).map("".join)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rule_text, st.data())
def test_a_gatherings_own_sentences_are_sought_as_the_scan_of_every_sentence_finds(text: str, data: st.DataObject) -> None:
    from summarizer.backends.rules.document import Document
    from summarizer.backends.rules.sentence_facts import section_and_claimed

    doc = Document(text, None)
    starts = [s.start for s in doc.sentences]
    claimed = {
        start: data.draw(st.integers(0, 3)) for start in data.draw(st.lists(st.sampled_from(starts), unique=True)) if starts
    } if starts else {}
    for _ in range(4):
        index = data.draw(st.integers(0, 3))
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, len(text)))
        # The reference: every sentence of the article, in order, kept when it starts in the section or is claimed.
        expected = [s for s in doc.sentences if start <= s.start < end or claimed.get(s.start) == index]
        assert section_and_claimed(doc, claimed, index, start, end) == expected


class _Everything:
    def __contains__(self, key: object) -> bool:
        return True


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rule_text)
def test_lone_capitals_skipped_by_the_mention_scan_start_no_mention(text: str) -> None:
    import pytest

    from summarizer.backends.rules import officials
    from summarizer.backends.rules.tokens import Tokens

    fast = officials.find_mentions(Tokens(text))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(officials, "_LONE_KEPT", _Everything())  # the reference: no token skipped as a lone capital
        reference = officials.find_mentions(Tokens(text))
    assert fast == reference
