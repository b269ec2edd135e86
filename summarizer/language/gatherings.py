"""Gatherings: the words that name a kỳ họp, phiên họp, hội nghị or other meeting (by kind), phrases that
hold such a word without reporting one, plans, chairing, session types, and the words around a session's
number, term and resolutions."""

from __future__ import annotations

from .tables import entries, words

SESSION = "kỳ họp"
MEET = "họp"
"""``UBND tỉnh họp``: the verb of a body meeting (also the word of an informal meeting)."""
CONGRESS = "đại hội"
"""``Đại hội Đảng bộ … lần thứ I, nhiệm kỳ 2025 - 2030``: a Party congress."""
DELEGATES = "đại biểu"
"""``Đại hội đại biểu Đảng bộ tỉnh``: a congress of delegates, named for the body it is of."""
# Gatherings of no council's or committee's own kind: visits, ceremonies, meetings with voters, congresses.
OTHER_GATHERINGS = words(
    "gặp mặt|tiếp xúc cử tri|TXCT|thăm|thăm hỏi|làm việc với|buổi làm việc|tọa đàm|hội thảo|lễ|đối thoại|"
    "chúc tết|chúc mừng|tiếp công dân|hội đàm|khảo sát|giám sát|kiểm tra|dự lễ|mít tinh|diễn đàn|hội thi|"
    f"hội nghị giao ban|gặp gỡ|dâng hương|{CONGRESS}"
)
# Gatherings named by the verb their holder does (``Đoàn Đại biểu Quốc hội tỉnh tiếp xúc cử tri …``).
GATHERING_VERBS = words(
    "tiếp xúc cử tri|thăm|thăm hỏi|làm việc với|kiểm tra|khảo sát|giám sát|tiếp công dân|đối thoại|chúc tết|"
    "gặp mặt|gặp gỡ|dâng hương"
)
# Gatherings by kind (first match in a sentence decides); ``TXCT`` is how portals shorten ``tiếp xúc cử tri``.
GATHERINGS = (
    ("session", words(SESSION)),
    ("meeting", words("phiên họp|cuộc họp|buổi họp|họp|giao ban|hội ý")),
    ("conference", words("hội nghị|tổng kết|sơ kết")),
    ("other", OTHER_GATHERINGS),
)
# A round-up's summary of its week (``Hội nghị …; Thường trực HĐND tỉnh tổ chức hội nghị liên tịch … là những sự
# kiện trong tuần``): the gatherings it names are reported by the entries below it.
ROUND_UP_SUMMARY = words("là những sự kiện|là một số sự kiện|là các sự kiện|là những hoạt động|là một số hoạt động")
WORK_OF = "công tác"
"""``công tác đối thoại``, ``công tác giám sát``: the work of a kind of gathering, not a gathering held (but
``Đoàn công tác làm việc với …``, ``Đoàn công tác khảo sát …``: a working delegation's visit)."""
WORKS = ("đối thoại", "tiếp công dân", "tiếp xúc cử tri", "txct", "kiểm tra", "giám sát")
# Phrases that contain a gathering word without reporting a gathering.
GATHERING_FALSE = words(
    "trung tâm hội nghị|hội trường|phòng họp|phiên làm việc|ngày làm việc|phiên chất vấn|lễ hội|lễ tân|"
    "họp báo|họp dân|họp mặt|tổng kết thực tiễn|lần thứ|nghị quyết kỳ họp|thành phần họp|thành phần dự họp|"
    "kiểm tra, giám sát|hoạt động giám sát|chương trình giám sát|"
    "nội dung giám sát|sau giám sát|thăm nắm|kiểm tra gắt gao|phòng tiếp công dân|trụ sở tiếp công dân|p. họp|p.họp"
) | words("|".join(f"{WORK_OF} {work}" for work in WORKS))
# Sittings within a gathering: a dated sentence naming one adds its day to the gathering.
SITTINGS = entries(
    "phiên làm việc|phiên chất vấn|phiên khai mạc|phiên bế mạc|phiên thảo luận|phiên họp chiều|phiên họp sáng"
)
# Part-day reports (LABELING.md): a sentence that goes on with a gathering already open or reports one of its
# middle sittings dates a middle day; one that reports its closing dates its last day.
CONTINUING = words("tiếp tục chương trình|tiếp tục phiên làm việc|tiếp tục làm việc|tiếp tục kỳ họp|tiếp tục hội nghị")
MIDDLE_SITTINGS = words("phiên chất vấn|phiên thảo luận|chất vấn và trả lời chất vấn")
CLOSING = words("bế mạc|phiên bế mạc")
OPENING = words("khai mạc|phiên khai mạc")
LONGEST_SITTING_DAYS = 31
"""A span of dates longer than this is a period (the years an anniversary counts, ``(03/02/1930 -
03/02/2025)``; a plan's months), never the days a gathering sits: a council sits for days, the National
Assembly for about a month at most."""
# A stated length: ``diễn ra trong 02 ngày``, ``sau 1,5 ngày làm việc``.
LENGTH_LEADS = words("trong|sau")
HOSTED_BY = "làm việc với"
"""``… làm việc với UBND huyện``: the host follows, not the body that holds the gathering."""
# Verbs a body holds a gathering with (``UBND tỉnh tổ chức họp``), said between the body and ``họp``.
HOLDING_VERBS = words("tổ chức|tiến hành")
# Adverbs of the future between a body and its verb of holding (``Chủ tịch UBND xã sẽ tổ chức hội nghị``).
FUTURE_ADVERBS = words("sẽ|sắp|dự kiến")
# Partners: ``HĐND huyện phối hợp với UBND huyện tổ chức …`` (the partners hold nothing).
COOPERATION = "phối hợp"
COOPERATION_PARTNERS = ("với", "cùng")

# Words before a gathering word that make it planned rather than reported (``sẽ tổ chức kỳ họp``).
PLAN_MARKERS = words("sẽ|dự kiến|sắp|dự định|triệu tập|kế hoạch tổ chức|chuẩn bị tổ chức|sắp tới")
# Words right before a plan marker that make it past: ``đã triệu tập đại biểu dự kỳ họp`` reports a session.
PAST_MARKERS = words("đã|vừa")
# ``Theo đó, thời gian tiếp xúc từ ngày 7 đến 25-10``, ``I. Thời gian và địa điểm: Từ ngày …``: a sentence that gives
# the days of the gathering named just before it.
TIME_FIELD = "thời gian"
TIME_FIELD_LEADS = ("theo đó,", "theo đó")
# A plan moved: ``theo dự kiến … vào ngày 09/5; tuy nhiên … điều chỉnh thời gian … sang ngày 08/5``: the dates
# after ``sang`` replace those written before the verb of moving.
RESCHEDULING = words("điều chỉnh|thay đổi|lùi|dời|hoãn|chuyển")
RESCHEDULED_TO = "sang"
# Words between a date and a planned gathering that make the date that of its preparation, not of its
# sitting: ``Ngày 6/9, Thường trực sẽ ban hành kế hoạch tổ chức kỳ họp``, ``Ngày 20/9 quyết định triệu tập …``.
PREPARATION = words(
    "kế hoạch|quyết định|ban hành|chuẩn bị|thông báo|thống nhất|nội dung|thời gian|chương trình|trình|tờ trình|"
    "giấy mời|công văn|báo cáo|kết quả"
)
CHAIR_VERBS = words("chủ tọa|chủ trì|điều hành")
# ``đồng chủ trì``, ``cùng chủ trì``: one of several chairs; ``làm Chủ tọa kỳ họp``: acting as chair.
CO_CHAIR = ("đồng", "cùng", "làm")
# After a chair verb, what leads to the chairs named after it: ``sự chủ trì của``, ``chủ trì bởi``,
# ``Chủ trì hội nghị có các đồng chí: …``, ``Chủ trì cuộc họp: ông …``.
CHAIRED_BY = ("của", "bởi")
CHAIRED_GATHERINGS = entries("kỳ họp|hội nghị|phiên họp|cuộc họp")
CHAIRED_SITTINGS = entries("buổi họp|buổi làm việc")
CHAIRS_LISTED = ("có", "là", "gồm")
# ``Hội nghị do Thường trực Đảng ủy xã chủ trì, gồm các đồng chí: A, …; B, …``: the chairing body's members,
# listed after its comma.
CHAIRS_LISTED_AFTER_COMMA = ("gồm",)
# Nouns a type word may qualify instead of the gathering: ``nội dung chuyên đề``, ``nghị quyết chuyên đề``,
# ``giám sát chuyên đề`` say nothing of the session's type.
TYPED_NOT_GATHERING = words("nội dung|nghị quyết|giám sát|báo cáo|vấn đề|đề án|chương trình|sinh hoạt|tờ trình|chuyên mục")
SESSION_TYPES = (
    ("extraordinary", words("bất thường|phát sinh đột xuất|giải quyết công việc phát sinh")),
    ("thematic", words("chuyên đề")),
    ("regular", words("thường lệ|lệ kỳ|thường kỳ|họp lệ")),
)
# A council's term and its years: ``khóa XXII``, ``nhiệm kỳ 2021 - 2026``.
TERM = "khóa"
TERM_AS_WRITTEN = "khoá"
"""``khoá``: the term word with the tone mark on its second vowel, as some portals write it."""
TERM_PERIOD = "nhiệm kỳ"
# A term written for an election, or for the councils of all levels, is no one gathering's: ``bầu cử đại biểu
# HĐND các cấp nhiệm kỳ 2031 – 2036``.
ELECTION_WORDS = words("bầu cử|ứng cử")
ALL_LEVELS = "các cấp"
# ``thông qua (tổng số) 14 (dự thảo) nghị quyết``, ``ban hành 05 Nghị quyết``: the resolutions a session passed.
PASSED = "thông qua"
PASSING_VERBS = words(f"{PASSED}|ban hành|biểu quyết")
# ``trình HĐND tỉnh ban hành 15 nghị quyết``: what is submitted is not yet passed.
SUBMITTING = words("trình")
DRAFT = "dự thảo"
RESOLUTION = "nghị quyết"
# Words after which a body named with its gathering has ended (``cuộc họp Ban Chỉ đạo … lần thứ hai``).
BODY_NAME_STOPS = entries("lần|vào|ngày|sáng|chiều|tối|năm|tháng|quý|để|nhằm|tại|do|với|về")
