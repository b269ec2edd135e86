"""What a gathering was for and what it decided: the words that introduce its purpose (``để``, ``nhằm``, ``về``,
a topic verb after its name: ``Hội nghị tổng kết …``), and the verbs of its decisions by kind (``bầu``,
``miễn nhiệm``, ``bãi nhiệm``, ``lấy phiếu tín nhiệm``, ``phê chuẩn``), with what makes one still to come or
another body's (``đề nghị … xem xét``)."""

from __future__ import annotations

from .tables import phrases, words

# ``… để xem xét, quyết định …``, ``… nhằm lắng nghe …``: the purpose clause.
PURPOSE_MARKERS = words("để|nhằm")
# Words right before a verb of passing that make it no decision taken: a purpose (``họp để thông qua …``), a noun
# (``Việc thông qua Quy chế là …``), a resolution's name (``Nghị quyết ban hành Quy chế …``).
NOT_TAKEN_BEFORE = words("để|nhằm|việc|nghị quyết")
# ``Kỳ họp chuyên đề về đầu tư công``, ``làm việc với Sở Tài chính về công tác thu chi …``: the topic.
TOPIC_MARKER = "về"
# Verbs that open the topic written in a gathering's name or right after it (``Hội nghị tổng kết công tác năm
# 2025``, ``họp đánh giá tình hình …``, ``Lễ Trao giải thưởng …``).
TOPIC_VERBS = words(
    "tổng kết|sơ kết|triển khai|đánh giá|thống nhất|lấy ý kiến|soát xét|xem xét|thảo luận|bàn|nghe|cho ý kiến|"
    "góp ý|tham gia ý kiến|quán triệt|công bố|trao|trao tặng|dâng hương|thông báo|báo cáo|lắng nghe|rà soát|"
    "kỷ niệm|biểu dương|tôn vinh|phát động|ra quân|bầu|kiện toàn|phổ biến|học tập|chúc tết|thăm|tặng quà|"
    "kiểm tra|giám sát|khảo sát|tiếp nhận|bàn giao|khánh thành|khởi công|gắn biển|tuyên dương|chuẩn bị"
)
# Words before which a purpose has ended: who chairs or attends the gathering.
PURPOSE_STOPS = phrases("dưới sự chủ trì|với sự tham dự|có sự tham dự|do đồng chí|dự hội nghị có|tham dự có")
# Modifiers a gathering's name may carry before its topic (``họp thường kỳ tháng 10 và triển khai …``).
NAME_MODIFIER_REACH = 8
"""Tokens after the gathering word within which a topic verb still names its topic."""

# Decisions by kind: the verbs that state them.
ELECTION_VERBS = words("bầu|bầu bổ sung|bầu thêm|tái cử")
REELECTED = words("tái cử")
"""``đồng chí A - Phó Chủ tịch HĐND thành phố khóa XX tái cử Phó Chủ tịch …``: the person stands before."""
RELIEF_VERBS = words("miễn nhiệm|thôi làm nhiệm vụ|thôi giữ chức|thôi giữ chức vụ|thôi giữ chức danh|thôi chức")
"""``(cho) thôi giữ chức``: read from ``thôi``, the word that says it."""
DISMISSAL_VERBS = words("bãi nhiệm|cách chức")
CONFIDENCE_VOTE = words("phiếu tín nhiệm")
"""``lấy phiếu tín nhiệm``, ``bỏ phiếu tín nhiệm``: read from ``phiếu``."""
APPROVAL_VERBS = words("phê chuẩn|chấp thuận")
# What a verb of passing approves when it is no resolution (``thông qua chủ trương vay vốn …``).
APPROVED_THINGS = words("chủ trương|đề án|kế hoạch|phương án|danh sách|quy hoạch|tờ trình|dự thảo|quy chế|quyết định|nội dung")
# Posts elected as a group, whose election names no person (``bầu Hội thẩm nhân dân …``).
GROUP_POSTS = words("hội thẩm|hội thẩm nhân dân")
# Words after which such a post's name has ended (``Hội thẩm Tòa án nhân dân thành phố nhiệm kỳ …``).
GROUP_POST_ENDS = words("nhiệm|khóa|gồm|của")
# ``được (các đại biểu) (tín nhiệm) bầu (tái) giữ chức``: a person elected, named before the verb.
ELECTED_PASSIVE = "được"
# Words after a decision verb and before its post (``bầu bổ sung chức danh …``, ``bầu giữ chức vụ …``).
POST_LEADS = phrases("chức danh|chức vụ|chức|giữ chức danh|giữ chức vụ|giữ chức|tái giữ chức|làm")
SERVING_AS = ("làm",)
"""``làm Chủ tịch``: leads to a post right after a name, never past the person's own titles."""
# Words before a decision verb in its clause that make it a request or a proposal, not a decision taken:
# ``Thường trực HĐND tỉnh đề nghị HĐND tỉnh xem xét, miễn nhiệm …``.
PROPOSALS = words("đề nghị|đề xuất|giới thiệu|trình|xin ý kiến")
# How a named resolution opens: ``Nghị quyết về …``, ``Nghị quyết ban hành Quy chế …``, ``Nghị quyết thông qua …``.
RESOLUTION_NAMES = words("nghị quyết về|nghị quyết ban hành|nghị quyết thông qua|nghị quyết phê chuẩn|nghị quyết quy định|nghị quyết sửa đổi")
