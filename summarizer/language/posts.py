"""Posts: the heads a title opens with (``Phó Chủ tịch``, ``Bí thư``, ``UVTV``), which of them make a title
alone, and the words around a post (``nguyên``, ``kiêm``, being elected or appointed to it)."""

from __future__ import annotations

from .tables import entries, phrase, phrases, words

# Position heads: a title starts with one of these (the longest match wins).
POSITION_HEADS = tuple(
    sorted(
        (
            phrase(head)
            for head in entries(
                "Phó Chủ tịch Thường trực|Phó Chủ tịch|Chủ tịch|Phó Bí thư Thường trực|Phó Bí thư|Bí thư|Tổng Bí thư|"
                "Ủy viên dự khuyết|Ủy viên|Tỉnh ủy viên|Thành ủy viên|Huyện ủy viên|Quận ủy viên|Thị ủy viên|"
                "Đảng ủy viên|Trưởng|Phó Trưởng|Giám đốc|Phó Giám đốc|Tổng Giám đốc|Phó Tổng Giám đốc|"
                "Chánh Văn phòng|Phó Chánh Văn phòng|Chánh Thanh tra|Phó Chánh Thanh tra|Chánh án|Phó Chánh án|"
                "Viện trưởng|Phó Viện trưởng|Chủ nhiệm|Phó Chủ nhiệm|Thủ tướng|Phó Thủ tướng|Bộ trưởng|"
                "Thứ trưởng|Cục trưởng|Phó Cục trưởng|Chi cục trưởng|Tổng cục trưởng|Tư lệnh|Phó Tư lệnh|"
                "Chính ủy|Phó Chính ủy|Chỉ huy trưởng|Phó Chỉ huy trưởng|Đại biểu Quốc hội|Tổng Thư ký|"
                "Phó Tổng Thư ký|Bí thư Đảng đoàn|Trưởng phòng|Phó Trưởng phòng|Hiệu trưởng|"
                "Phó Hiệu trưởng|Chủ tịch nước|Phó Chủ tịch nước|Quyền Chủ tịch|Quyền Giám đốc|Chủ tịch Ủy ban|"
                "Phó Chủ tịch Ủy ban|Thường trực Ban Bí thư|UVTV|UVBTV|UV BTV|UVBCH|UV BCH|TUV|HUV|ĐUV|PCTTT|PCT|CT|PBT|PGĐ|UVTƯ|UVTW|UV TƯ|UVBCHTƯ|Đại biểu|"
                "Ủy viên Thường vụ|Ủy viên Ban Thường vụ|Phó Trưởng ban|Trưởng ban|Phó Trưởng Ban|Trưởng Ban|"
                "Trưởng đoàn|Phó Trưởng đoàn|Phó BT|Chuyên viên|UV|CV|"
                # the tone mark of ``tịch`` dropped by a typing slip, as portals print it now and then
                "Chủ tich|Phó Chủ tich"
            )
        ),
        key=len,
        reverse=True,
    )
)
# Heads that make a complete title with nothing after them.
COMPLETE_HEADS = phrases(
    "Tỉnh ủy viên|Thành ủy viên|Huyện ủy viên|Quận ủy viên|Thị ủy viên|Đảng ủy viên|Thủ tướng|"
    "Phó Thủ tướng|Tổng Bí thư|Chủ tịch nước|Phó Chủ tịch nước|Đại biểu Quốc hội|Thường trực Ban Bí thư|UVTV|UVBTV|UV BTV|TUV|HUV|ĐUV|"
    "PCTTT|PCT|CT|PBT|PGĐ"
)
# Heads that need something after them even though they read as complete words (``Trưởng`` alone).
BARE_HEADS = phrases("Trưởng|Phó Trưởng")

DEPUTY = "phó"
"""``phó Chủ tịch UBND huyện``: the deputy's post, its first word sometimes written in lower case."""
FORMER = "nguyên"
"""``nguyên Chủ tịch …``: a former holder of the post."""
CONCURRENTLY = "kiêm"
"""``Bí thư kiêm Chủ tịch``: a second post held at once."""

# A post given to or taken from a person named after it: ``… đối với ông Trần Quốc Toản``, ``… cho bà …``.
HOLDER_PREPOSITIONS = (phrase("đối với"), phrase("cho"))
# ``được bầu``, ``được bổ nhiệm``: how a person comes to a post (in the order they are tried).
APPOINTED = "được"
APPOINTING_VERBS = tuple(
    phrase(verb) for verb in entries("tín nhiệm bầu|bầu bổ sung|bầu|tái đắc cử|đắc cử|bổ nhiệm|phân công|điều động|giới thiệu")
)
ELECTED = tuple(phrase(verb) for verb in entries("tái đắc cử|đắc cử"))
# What leads from such a verb to the post (``giữ chức Phó Chủ tịch``, ``vào chức danh …``, ``làm …``).
TO_POSITION = tuple(
    phrase(words)
    for words in entries("giữ chức vụ|giữ chức danh|giữ chức|tái giữ chức|vào chức vụ|vào chức danh|vào vị trí|làm|là")
)
# Verbs by which a council fills or empties a post (``bầu thêm một Phó Chủ tịch UBND huyện``, ``miễn nhiệm …``):
# the post's level and nhiệm kỳ are the council's.
COUNCIL_VOTES = words("bầu|bầu bổ sung|bầu thêm|miễn nhiệm|bãi nhiệm|cho thôi|phê chuẩn|xác nhận kết quả bầu")
# Verbs that fill a post (``bầu thêm một Phó Chủ tịch UBND huyện nhiệm kỳ 2021 - 2026``): the nhiệm kỳ written
# with the post is the session's.
ELECTING = words("bầu|bầu bổ sung|bầu thêm")
ELECTED_TO = (*(phrase(words) for words in entries("chức vụ|chức danh|chức")), *TO_POSITION)
