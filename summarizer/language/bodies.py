"""Bodies: councils and committees (HĐND, UBND), Party committees (Tỉnh ủy, Thành ủy…), their standing
parts (Ban Thường vụ, Thường trực), the lower-case words inside a body's name (``công tác``, ``đại biểu``),
and the words that open one."""

from __future__ import annotations

from .tables import phrase, phrases, words

HDND = "HĐND"
UBND = "UBND"
# Councils and committees, each spelling (short, typed without ``Đ``, written out) with its short form.
COUNCIL_SPELLINGS = {
    HDND: ("hđnd", "hdnd", "hđnđ", "hội đồng nhân dân"),
    UBND: ("ubnd", "ủy ban nhân dân"),
}
COUNCILS = {phrase(spelling): short for short, spellings in COUNCIL_SPELLINGS.items() for spelling in spellings}
# Abbreviations that name a whole body: a lower-case word after one is no part of the name.
WHOLE_BODY_ABBREVIATIONS = frozenset(
    spelling for spellings in COUNCIL_SPELLINGS.values() for spelling in spellings if " " not in spelling
)

# Party committees, written capitalised, and the level each belongs to.
PARTY_COMMITTEES = {
    phrase("tỉnh ủy"): ("Tỉnh ủy", "tỉnh"),
    phrase("thành ủy"): ("Thành ủy", "thành phố"),
    phrase("huyện ủy"): ("Huyện ủy", "huyện"),
    phrase("quận ủy"): ("Quận ủy", "quận"),
    phrase("thị ủy"): ("Thị ủy", "thị xã"),
}
PARTY_COMMITTEE_LEVELS = {short: level for short, level in PARTY_COMMITTEES.values()}
# Party bodies of any level, which the level word and the place follow as a council's do (``Đảng ủy xã Vĩnh
# Trạch``, ``Đảng bộ phường Tân Mỹ``), written capitalised: the committee, and the organisation whose congress
# (``Đại hội Đảng bộ … lần thứ I``) and conferences it holds.
PARTY_UNIT_BODIES = {phrase("đảng ủy"): "Đảng ủy", phrase("đảng bộ"): "Đảng bộ"}
# ``Ban Chấp hành (BCH) Đảng bộ xã Vi Hương``: the executive committee a Party organisation elects is its Party
# committee, which holds the organisation's conferences (organ ``Đảng ủy``, ``Tỉnh ủy`` at province level …).
EXECUTIVE_COMMITTEE = (phrase("ban chấp hành"), phrase("bch"))
PARTY_COMMITTEE_OF_LEVEL = {level: short for short, level in PARTY_COMMITTEES.values()}
UNIT_PARTY_COMMITTEE = "Đảng ủy"
ORGAN_FIRST_WORDS = frozenset(p[0] for p in (*COUNCILS, *PARTY_COMMITTEES, *PARTY_UNIT_BODIES))
# Standing parts of a committee or council: ``Ban Thường vụ Tỉnh ủy``, ``Thường trực HĐND``.
STANDING_PARTS = tuple(phrase(p) for p in ("ban thường vụ", "ban chấp hành", "thường trực"))
STANDING = STANDING_PARTS[2]
"""``thường trực``: the standing body of a council, also written in lower case."""
DELEGATION = "đoàn"
"""``Trưởng Đoàn Đại biểu Quốc hội tỉnh``: after ``Đoàn`` the deputies are the body's name, not a post."""
GROUP_LABEL = "lãnh đạo"
"""``lãnh đạo UBND tỉnh``: the leaders of a body, a group rather than a post."""
# Bodies whose khóa is not a council's: the Party's congresses and committees, and the UBND.
OTHER_TERM_BODIES = ("đảng bộ", "đại hội", "ban chấp hành", *(" ".join(p) for p in PARTY_COMMITTEES), *COUNCIL_SPELLINGS[UBND])
# The Party's bodies whose khóa and nhiệm kỳ a Party gathering takes (``Ban Thường vụ Tỉnh ủy khóa XX, nhiệm kỳ
# 2020 - 2025``, ``Đại hội … lần thứ I, nhiệm kỳ 2025 - 2030``), and the state's, whose terms it does not.
PARTY_TERM_BODIES = (
    "đảng bộ",
    "đại hội", "ban chấp hành", "ban thường vụ", *(" ".join(p) for p in (*PARTY_COMMITTEES, *PARTY_UNIT_BODIES))
)
STATE_TERM_BODIES = (*COUNCIL_SPELLINGS[HDND], *COUNCIL_SPELLINGS[UBND], "quốc hội")
PARTY_ORGANS = frozenset((*(short for short, _ in PARTY_COMMITTEES.values()), *PARTY_UNIT_BODIES.values()))
"""The Party's bodies by their short forms, as written (``Tỉnh ủy``, ``Đảng bộ``)."""

# Capitalised words that open a body's name (``Ban Chỉ đạo``, ``Sở Y tế``, ``Công an tỉnh``, ``Tỉnh ủy``).
BODY_FIRST_WORDS = words(
    "HĐND|UBND|Ban|Hội|Ủy|Sở|Bộ|Tổ|Thường|Văn|Đoàn|Mặt|Đảng|Cục|Công|Chính|Tòa|Viện|Liên|Chi|Quốc|"
    "Tỉnh|Thành|Huyện|Quận"
)

# Lower-case words found inside names of bodies (``Ban Công tác đại biểu``, ``Tỉnh ủy``).
ORGAN_WORDS = phrases(
    "ủy|viên|nhân dân|thường vụ|thường trực|chấp hành|trung ương|quốc hội|đại biểu|công tác|tổ chức|pháp chế|"
    "kinh tế|ngân sách|văn hóa|xã hội|dân tộc|tuyên giáo|kiểm tra|nội chính|dân vận|chỉ đạo|tài chính|"
    "kế hoạch|đầu tư|tư pháp|nội vụ|giáo dục|đào tạo|y tế|xây dựng|giao thông|vận tải|tài nguyên|"
    "môi trường|nông nghiệp|phát triển|nông thôn|công thương|khoa học|công nghệ|thông tin|truyền thông|"
    "lao động|thương binh|thể thao|du lịch|ngoại vụ|thanh tra|công an|quân sự|biên phòng|mặt trận|"
    "tổ quốc|phụ nữ|nông dân|cựu chiến binh|thanh niên|cộng sản|liên đoàn|văn phòng|hội đồng|ủy ban|"
    "đảng|đảng bộ|đảng đoàn|ban cán sự|bộ chính trị|nước|chính phủ|quốc phòng|an ninh|nhân dân tỉnh|"
    "hành chính|công|chính trị|bầu cử|thi đua|khen thưởng|dân chủ|pháp luật|tôn giáo|thống kê|thuế|"
    "hải quan|kho bạc|ngân hàng|bảo hiểm|điện lực|liên minh|hợp tác xã|doanh nghiệp|khối|cơ quan|"
    "thuộc|chủ nghĩa|hồ chí minh|ủy ban kiểm tra|kiểm sát|tòa án|xét xử|giám sát|dân nguyện|"
    "tiếp công dân|quy hoạch|kiến trúc|dự án|phòng chống|tham nhũng|tiêu cực|lãng phí|khu kinh tế|"
    "khu công nghiệp|đô thị|di dân|biên giới|lâm nghiệp|thủy sản|thủy lợi|công nghiệp|thương mại|"
    "dịch vụ|xúc tiến|đối ngoại|người cao tuổi|chữ thập đỏ|khuyến học|luật sư|nhà báo|văn học|nghệ thuật|"
    "thẩm định|nông thôn mới|chương trình|mục tiêu|quốc gia|giảm nghèo|bền vững|thiên tai|tìm kiếm|cứu nạn|"
    "cứu hộ|chuyển đổi số|cải cách|an toàn|thực phẩm|dịch bệnh|bình đẳng giới|tiến bộ|bảo vệ|chăm sóc|trẻ em|"
    "sức khỏe|giải phóng mặt bằng|bồi thường|hỗ trợ|tái định cư|trật tự|phòng cháy|chữa cháy|chỉ huy|"
    "trường|mầm non|mẫu giáo|tiểu học|trung học cơ sở|trung học phổ thông|phổ thông|dân tộc nội trú"
)
# A Party committee written in lower case inside a title is a word of its name too (``Bí thư huyện ủy``).
ORGAN_WORDS |= frozenset(PARTY_COMMITTEES)
