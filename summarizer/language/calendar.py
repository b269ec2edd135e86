"""Date words: times of day, the words that introduce a day or a deadline, weekdays, month and year words,
and the labels portals print before an article's date."""

from __future__ import annotations

from .tables import entries

DAY = "ngày"
MONTH = "tháng"
YEAR = "năm"
QUARTER = "quý"
NUMBER = "số"
"""``số 35/2021``: a document number, whose slash is no date."""
TIMES_OF_DAY = ("sáng", "chiều", "tối", "trưa")
PART_OF_DAY = "buổi"
"""``buổi sáng``: a part of the day named as such."""
NIGHT = ("đêm", "khuya")
TODAY = "hôm"
DEICTIC_DAYS = ("qua", "nay")
"""``chiều qua 4.5`` (yesterday), ``sáng nay 9/6`` (this morning): said between the time of day and the date."""
LIST_OF_DAYS = "các"
"""``các ngày 14, 15 và 16/10``: days listed under one month."""
UNTIL = ("đến", "tới")
"""``từ 3/2 đến 7/2``: the end of a span of days."""
FROM = "từ"
# Weekdays: ``thứ`` and the day's number in words (``thứ Ba``), or ``chủ nhật``.
WEEKDAY = "thứ"
WEEKDAY_NUMBERS = ("hai", "ba", "tư", "năm", "sáu", "bảy")
SUNDAY = "chủ nhật"
SUNDAY_SHORT = "CN"
# Words after which a bare ``d/m`` is a date, beside the day, time-of-day and weekday words.
DATE_PREPOSITIONS = entries("từ|đến|tới|trước|sau|vào|đầu|cuối|hạn|hết")
# Words before a date that make it a deadline (``trước ngày 30/6``, ``chậm nhất là ngày …``).
DEADLINE_PHRASES = entries(
    "trước|chậm nhất|chậm nhất là|hạn chót|hạn chót là|không quá|không muộn hơn|đến hết|xong trước|trong thời hạn đến|"
    "phấn đấu đến|hoàn thành đến|hoàn thành trong"
)
END_OF_DAY = "hết ngày"
# Words before a span that make it a window the gathering falls in, not its days (``dự kiến tổ chức 01 ngày,
# trong khoảng từ ngày 28/6 đến 06/7``).
WINDOW_PHRASES = entries("trong khoảng|khoảng|trong khoảng thời gian|trong thời gian")
ISSUED = "ban hành"
"""``Nghị quyết số 25/2021/NQ-HĐND (ban hành) ngày …``: the date a cited document was issued."""
AT_TIME = "lúc"
# Labels a portal prints before an article's date (``Ngày đăng: 12/03/2024``, ``Cập nhật lúc …``).
PUBLISHED_LABELS = entries(
    "ngày đăng bài|ngày đăng tin|ngày đăng|đăng ngày|ngày xuất bản|cập nhật lúc|cập nhật|ngày|đăng lúc|thời gian"
)
WORKING_DAY = "ngày làm việc"
# Titles of a schedule of days (``Lịch công tác của thường trực UBND tỉnh``, ``LỊCH LÀM VIỆC CỦA LÃNH ĐẠO …``).
# A lunar date in brackets after a day's date (``THỨ BẢY 11/01/2025 (nhằm 12/12 ÂL)``): the same day, told by
# the lunar calendar; no day of its own.
LUNAR = ("âl", "âm lịch")
LUNAR_LEADS = ("nhằm", "tức", "ngày")
SCHEDULE_TITLES = entries("lịch công tác|lịch làm việc")
"""``ngày làm việc thứ 2 của kỳ họp``: the second day of a gathering."""
