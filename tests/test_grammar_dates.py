"""Date grammar, phrase by phrase: the days a phrase names (years from the article's date when it gives
none), and whether they are a deadline or the date of a cited document. Add a row to pin down a new phrase.
"""

from __future__ import annotations

import datetime as dt

import pytest

from summarizer.language.dates import find_dates
from summarizer.text.normalize import nfc

ARTICLE_DATE = dt.date(2024, 12, 13)
D = dt.date.fromisoformat

DATES = [
    # (phrase, [(first day, last day, deadline, cited)])
    ("ngày 12 và 13/12", [(D("2024-12-12"), D("2024-12-13"), False, False)]),
    ("ngày 12 và sáng ngày 13/12", [(D("2024-12-12"), D("2024-12-13"), False, False)]),
    ("Sáng 13/12", [(D("2024-12-13"), D("2024-12-13"), False, False)]),
    ("Chiều19/5", [(D("2024-05-19"), D("2024-05-19"), False, False)]),
    ("Chiều 12.5", [(D("2024-05-12"), D("2024-05-12"), False, False)]),
    ("từ 3/2 - 7/2/2025", [(D("2025-02-03"), D("2025-02-07"), False, False)]),
    ("từ 3/2 đến 7/2/2025", [(D("2025-02-03"), D("2025-02-07"), False, False)]),
    ("14-15/12/2023", [(D("2023-12-14"), D("2023-12-15"), False, False)]),
    ("12-3-2024", [(D("2024-03-12"), D("2024-03-12"), False, False)]),
    ("ngày 13 tháng 12 năm 2024", [(D("2024-12-13"), D("2024-12-13"), False, False)]),
    ("trước ngày 30/6/2025", [(D("2025-06-30"), D("2025-06-30"), True, False)]),
    ("Nghị quyết số 25/2021/NQ-HĐND ngày 30/12/2021", [(D("2021-12-30"), D("2021-12-30"), False, True)]),
    ("từ ngày 16 đến ngày 17 tháng 11 năm 2023", [(D("2023-11-16"), D("2023-11-17"), False, False)]),
    ("từ ngày 16 đến 17-11", [(D("2024-11-16"), D("2024-11-17"), False, False)]),
    ("các ngày 14, 15 và 16-10", [(D("2024-10-14"), D("2024-10-16"), False, False)]),
    ("Ngày 15 và 16.10", [(D("2024-10-15"), D("2024-10-16"), False, False)]),
    ("từ ngày 14.10-20.10", [(D("2024-10-14"), D("2024-10-20"), False, False)]),
    ("diễn ra trong 2 ngày (từ 25 - 26.12.2019)", [(D("2019-12-25"), D("2019-12-26"), False, False)]),
    ("ngày 25 và 26-12-2019", [(D("2019-12-25"), D("2019-12-26"), False, False)]),
    ("Từ ngày 01/12/2025 - ngày 02/12/2025", [(D("2025-12-01"), D("2025-12-02"), False, False)]),
    ("chiều qua 4.5", [(D("2024-05-04"), D("2024-05-04"), False, False)]),
    ("Chỉ thị số 05-CT/TW ngày 15-5-2016", [(D("2016-05-15"), D("2016-05-15"), False, True)]),
    ("Quyết định số 2314 -QĐ/TU ngày 20/6/2025", [(D("2025-06-20"), D("2025-06-20"), False, True)]),
    ("thông qua 4/5 nội dung", []),
    ("1/3 nhóm nhiệm vụ", []),
    ("16/18 chỉ tiêu", []),
    ("tháng 5/2020", []),
    ("Nghị quyết số 35/2021/QH15", []),
]


@pytest.mark.parametrize(("phrase", "days"), DATES)
def test_a_date_phrase_is_read_as_its_days(phrase: str, days: list[tuple[dt.date, dt.date, bool, bool]]) -> None:
    found = []
    for mention in find_dates(nfc(phrase)):
        first, last = mention.resolve(ARTICLE_DATE, "past") or (None, None)
        found.append((first, last, mention.deadline, mention.cited))
    assert found == days
