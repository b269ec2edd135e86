"""Administrative vocabulary of Vietnamese local-government news, in folded (matching) form.

Every entry is written lower-case with the tone mark on the first vowel of ``oa/oe/uy`` pairs, the
form ``summarizer.text.normalize.fold`` produces, so a token is looked up by its folded text.
"""

from __future__ import annotations

from summarizer.text.normalize import fold


def _folded(words: str) -> frozenset[str]:
    return frozenset(fold(w.strip()) for w in words.split("|") if w.strip())


# Family names, including those of ethnic minorities (Thái, Tày, Nùng, Mông, Dao, Ê Đê, Gia Rai…).
FAMILY_NAMES = _folded(
    "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Đoàn|Trịnh|Mai|Đào|"
    "Cao|Lâm|Lương|Hà|Tạ|Tô|Trương|Vương|Phùng|Thái|Kiều|Lưu|Quách|Triệu|Đàm|Nông|Lục|Ma|Bế|Hứa|Lò|"
    "Lường|Cầm|Quàng|Vi|Vy|Sầm|Hầu|Giàng|Sùng|Thào|Vàng|Lầu|Mùa|Sình|Chảo|Bàn|Tẩn|Lã|Khổng|Mạc|Lạc|Phí|"
    "Cù|Phương|Đồng|Khúc|Thân|Tăng|Nghiêm|Âu|Châu|Doãn|Khương|Lại|Lữ|Nhữ|Ông|Quản|Tôn|Từ|Viên|Chu|Chử|"
    "Diệp|Kha|Khuất|La|Lỗ|Mẫn|Phó|Tiêu|Tống|Ung|Ứng|Bạch|Biện|Bành|Cấn|Dư|Đậu|Đới|Giáp|Lăng|Lều|Mông|"
    "Nìm|Sái|Thiều|Tiết|Xa|Mã|Nhâm|Trình|Tòng|Bạc|Sần|Hờ|Mè|Khà|Pờ|Lù|Vừ|Hạng|Cứ|Phàn|Lành|Chau|"
    "Ksor|Siu|Nay|Rơ|Rah|Kpă|Niê|Mlô|Êban|Bkrông|Byă|Adrơng|Y|H'|H’|Lâu|Thạch|Điểu|Danh|Chá|Tráng|Mua|Sồng|"
    "Hảng|Sộng|Chìu|Lỳ|Lừu|Seo|Sếnh"
)
# Initial elements of Ê Đê / Gia Rai names (``Y Thanh Hà Niê Kdăm``, ``H'Yim Kđoh``) allow longer names.
LONG_NAME_STARTS = _folded("Y|H'|H’|Ksor|Rơ|Nay|Siu|Rah")
# Proper names shaped like a person's name that are not office holders in the article's sense.
NOT_PERSONS = _folded("Hồ Chí Minh|Tôn Đức Thắng|Võ Nguyên Giáp")

# Position heads: a title starts with one of these (the longest match wins).
POSITION_HEADS = tuple(
    sorted(
        (
            tuple(fold(h).split())
            for h in (
                "Phó Chủ tịch Thường trực|Phó Chủ tịch|Chủ tịch|Phó Bí thư Thường trực|Phó Bí thư|Bí thư|Tổng Bí thư|"
                "Ủy viên dự khuyết|Ủy viên|Tỉnh ủy viên|Thành ủy viên|Huyện ủy viên|Quận ủy viên|Thị ủy viên|"
                "Đảng ủy viên|Trưởng|Phó Trưởng|Giám đốc|Phó Giám đốc|Tổng Giám đốc|Phó Tổng Giám đốc|"
                "Chánh Văn phòng|Phó Chánh Văn phòng|Chánh Thanh tra|Phó Chánh Thanh tra|Chánh án|Phó Chánh án|"
                "Viện trưởng|Phó Viện trưởng|Chủ nhiệm|Phó Chủ nhiệm|Thủ tướng|Phó Thủ tướng|Bộ trưởng|"
                "Thứ trưởng|Cục trưởng|Phó Cục trưởng|Chi cục trưởng|Tổng cục trưởng|Tư lệnh|Phó Tư lệnh|"
                "Chính ủy|Phó Chính ủy|Chỉ huy trưởng|Phó Chỉ huy trưởng|Đại biểu Quốc hội|Tổng Thư ký|"
                "Phó Tổng Thư ký|Bí thư Đảng đoàn|Trưởng phòng|Phó Trưởng phòng|Hiệu trưởng|"
                "Phó Hiệu trưởng|Chủ tịch nước|Phó Chủ tịch nước|Quyền Chủ tịch|Quyền Giám đốc|Chủ tịch Ủy ban|"
                "Phó Chủ tịch Ủy ban|UVTV|UVBTV|UV BTV|UVBCH|UV BCH|TUV|HUV|ĐUV|PCT|PBT|PGĐ|UVTƯ|UVTW|UV TƯ|UVBCHTƯ|Đại biểu|"
                "Ủy viên Thường vụ|Ủy viên Ban Thường vụ|Phó Trưởng ban|Trưởng ban|Phó Trưởng Ban|Trưởng Ban|"
                # the tone mark of ``tịch`` dropped by a typing slip, as portals print it now and then
                "Chủ tich|Phó Chủ tich"
            ).split("|")
        ),
        key=len,
        reverse=True,
    )
)
# Heads that make a complete title with nothing after them.
COMPLETE_HEADS = frozenset(
    tuple(fold(h).split())
    for h in "Tỉnh ủy viên|Thành ủy viên|Huyện ủy viên|Quận ủy viên|Thị ủy viên|Đảng ủy viên|Thủ tướng|"
    "Phó Thủ tướng|Tổng Bí thư|Chủ tịch nước|Phó Chủ tịch nước|Đại biểu Quốc hội|UVTV|UVBTV|UV BTV|TUV|HUV|"
    "ĐUV".split("|")
)
# Heads that need something after them even though they read as complete words (``Trưởng`` alone).
BARE_HEADS = frozenset({("trưởng",), ("phó", "trưởng")})

# Lower-case words found inside names of bodies (``Ban Công tác đại biểu``, ``Tỉnh ủy``).
ORGAN_WORDS = frozenset(
    tuple(fold(w).split())
    for w in (
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
        "sức khỏe|giải phóng mặt bằng|bồi thường|hỗ trợ|tái định cư|trật tự|phòng cháy|chữa cháy"
    ).split("|")
)
ORGAN_WORD_MAX = max(len(w) for w in ORGAN_WORDS)

# Administrative levels, as written after a body (``HĐND tỉnh``, ``UBND thành phố``).
LEVELS = {
    ("tỉnh",): "tỉnh",
    ("thành", "phố"): "thành phố",
    ("huyện",): "huyện",
    ("quận",): "quận",
    ("thị", "xã"): "thị xã",
    ("xã",): "xã",
    ("phường",): "phường",
    ("thị", "trấn"): "thị trấn",
}
# Level words as portals abbreviate them before a place name.
ABBREVIATED_LEVELS = {"h": "huyện", "tp": "thành phố", "tx": "thị xã", "q": "quận", "x": "xã"}
# Capitalised words that may follow a level word without being (part of) its place name: verbs and
# keywords of the genre written with a capital (``HĐND huyện Chủ trì``, ``UBND huyện Khóa XI``).
PLACE_STOPS = _folded(
    "khóa|khoá|chủ trì|chủ tọa|chủ toạ|điều hành|kỳ họp|kì họp|tổ chức|hội nghị|nhiệm kỳ|lần thứ|họp|phiên|"
    "thông qua|tiến hành|về|tại|năm|tháng|ngày|quý|và|với|cùng|đã|vừa|trong|theo|các|lãnh đạo|đồng chí|ông|bà"
)
LEVEL_KEYS = tuple(sorted(LEVELS, key=len, reverse=True))

# Party committees, written capitalised, and the level each belongs to.
PARTY_COMMITTEES = {
    ("tỉnh", "ủy"): ("Tỉnh ủy", "tỉnh"),
    ("thành", "ủy"): ("Thành ủy", "thành phố"),
    ("huyện", "ủy"): ("Huyện ủy", "huyện"),
    ("quận", "ủy"): ("Quận ủy", "quận"),
    ("thị", "ủy"): ("Thị ủy", "thị xã"),
}
# Councils and committees by their short form.
COUNCILS = {
    ("hđnd",): "HĐND",
    ("hdnd",): "HĐND",
    ("hội", "đồng", "nhân", "dân"): "HĐND",
    ("ubnd",): "UBND",
    ("ủy", "ban", "nhân", "dân"): "UBND",
}

# Abbreviations written out, for comparing titles (``BTV`` and ``Ban Thường vụ`` are one title).
ABBREVIATIONS = {
    "hđnd": "hội đồng nhân dân",
    "tich": "tịch",
    "hđnđ": "hội đồng nhân dân",
    "hdnd": "hội đồng nhân dân",
    "tt": "thường trực",
    "ubnd": "ủy ban nhân dân",
    "btv": "ban thường vụ",
    "bch": "ban chấp hành",
    "đbqh": "đại biểu quốc hội",
    "mttq": "mặt trận tổ quốc",
    "ubmttq": "ủy ban mặt trận tổ quốc",
    "tw": "trung ương",
    "tư": "trung ương",
    "bcđ": "ban chỉ đạo",
    "ubkt": "ủy ban kiểm tra",
    "uvtv": "ủy viên thường vụ",
    "uvbtv": "ủy viên ban thường vụ",
    "uv": "ủy viên",
    "tuv": "tỉnh ủy viên",
    "huv": "huyện ủy viên",
    "pct": "phó chủ tịch",
    "pbt": "phó bí thư",
    "pgđ": "phó giám đốc",
}

# Academic degrees and ranks: said before a name, never a title.
DEGREES = _folded("Tiến sĩ|Thạc sĩ|TS|ThS|PGS|GS|PGS.TS|GS.TS|BS|Bác sĩ|Kỹ sư|KS|Cử nhân|Luật sư|Nhà báo")
RANKS = _folded(
    "Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Thượng úy|"
    "Trung úy|Thiếu úy|Chuẩn đô đốc|Phó Đô đốc"
)

# Words that address a person and so make the next capitalised words a name (``đồng chí Lò Văn Pâng``).
PERSON_MARKERS = _folded("đồng chí|ông|bà|anh|chị")

# Directing verbs (LABELING.md) in the order they are tried (longest first).
DIRECTING_VERBS = ("mong muốn", "kêu gọi", "yêu cầu", "đề nghị", "chỉ đạo", "lưu ý", "giao")
# Words after which a directing verb is a noun or a complement, never a request being made.
VERB_NOUN_AFTER = {
    "yêu cầu": _folded("của|đặt ra|nhiệm vụ|thực tiễn|công việc|đề ra|cao|ngày càng"),
    "đề nghị": _folded("của|khen thưởng|xét"),
    "chỉ đạo": _folded("của|điều hành|tuyến|thực hiện|sát sao|quyết liệt"),
    "giao": _folded(
        "thông|ước|lưu|dịch|nhận|ban|tiếp|thương|hữu|khoán|kết|ca|hàng|diện|thoa|liên|đất|rừng|nộp|quyền|"
        "thừa|tranh|nhiệm vụ cho"
    ),
    "lưu ý": _folded("của"),
    "mong muốn": _folded("của"),
    "kêu gọi": _folded("của|đầu tư|vốn"),
}
# Adverbs that may stand between a subject and its directing verb (``cũng mong muốn``).
SUBJECT_ADVERBS = _folded("cũng|đã|còn|thì|đồng thời|tiếp tục|trực tiếp|luôn|thẳng thắn|một lần nữa|cũng đã")
# Words that join a verb to the one before it with the same subject (``…; yêu cầu``, ``và yêu cầu``).
COORDINATORS = _folded("và|đồng thời|cùng với đó|bên cạnh đó|ngoài ra")

# Sentence openers after which a directing verb with no subject is the previous speaker's
# (``Đồng thời đề nghị …``); and framing phrases that, with their comma, do the same (``Đối với …, giao …``).
DROPPED_SUBJECT_CONNECTIVES = _folded("đồng thời|bên cạnh đó|cùng với đó|ngoài ra|mặt khác|tiếp đó|sau đó|cuối cùng")
DROPPED_SUBJECT_FRAMES = _folded("đối với|về|để|nhằm|trên cơ sở|căn cứ|riêng|với")
# Who a request is addressed to: determiners and head nouns of the addressee phrase.
ADDRESSEE_DETERMINERS = _folded("các|những|toàn thể|tất cả|mỗi|từng|toàn|cả|mọi|một số")
ADDRESSEE_HEADS = frozenset(
    tuple(fold(w).split())
    for w in (
        "cấp|ngành|địa phương|đơn vị|cơ quan|sở|ban|phòng|đại biểu|vị đại biểu|đồng chí|cán bộ|đảng viên|"
        "công chức|viên chức|người lao động|doanh nghiệp|nhân dân|hội viên|thành viên|lãnh đạo|người đứng đầu|"
        "thủ trưởng|cấp ủy|chính quyền|hệ thống chính trị|mặt trận|đoàn thể|tổ chức|lực lượng|ngành chức năng|"
        "xã|phường|huyện|thị xã|thị trấn|thôn|bản|tổ|hộ|trường|bệnh viện|chủ đầu tư|nhà thầu|tập thể|cá nhân|"
        "tỉnh|thành phố|quận|hợp tác xã|chi bộ|đảng bộ|ủy ban|hội đồng|văn phòng|ban ngành|sở ngành|"
        "cơ sở|hội|đoàn|tổ đại biểu|cử tri|người dân|bà con|học sinh|giáo viên|thầy cô|y bác sĩ|chiến sĩ|"
        "cán bộ chiến sĩ|quân và dân|đội ngũ|ngành y tế|ngành giáo dục|lãnh đạo các|ủy viên|thường trực|"
        "chủ tịch|bí thư|giám đốc|trưởng|chi nhánh|công ty|ngân hàng|nhà trường|gia đình|chủ tịch ubnd|"
        "bộ phận|bộ phận tham mưu|bộ phận chuyên môn|cơ quan chuyên môn|cơ quan tham mưu|ngành liên quan|phòng ban|"
        "dân|quân"
    ).split("|")
)
# Lower-case words that qualify an addressee (``các phòng, ban chuyên môn``, ``các ngành có liên quan``).
ADDRESSEE_MODIFIERS = _folded("chuyên môn|liên quan|có liên quan|chức năng|tham mưu|trực thuộc|cấp tỉnh|cấp huyện|cấp xã")
# Addressee heads that open a separate body in a list (``…, người đứng đầu các cơ quan``).
BODY_HEADS = frozenset(
    tuple(fold(w).split())
    for w in "người đứng đầu|thủ trưởng|đồng chí|vị|lãnh đạo|cấp ủy|hệ thống chính trị|ủy ban|"
    "hội đồng|văn phòng|thường trực|mặt trận|bí thư|chủ tịch|giám đốc".split("|")
)
# Words that open a time or purpose phrase before the addressees (``đề nghị trong năm 2025, các đơn vị…``).
ADVERBIAL_OPENERS = _folded(
    "trong|ngay|năm|thời gian|để|từ|sau|trước|đến|những|khi|nhằm|với|trên cơ sở|đối với|thời gian tới|"
    "từ nay|từ nay đến|giai đoạn|tháng|quý|dịp|thời điểm|bên cạnh|cùng với|về|qua"
)
# Clause openers that name a new subject after ``;`` (the request before it has ended).
SUBJECT_OPENERS = _folded("các|những|mỗi|toàn thể|tất cả|mọi|cơ quan|đồng chí|người đứng đầu|lãnh đạo")

# Verbs of saying and judging: a clause opening with one reports the speaker, not the request.
SPEECH_VERBS = _folded(
    "chỉ rõ|chỉ ra|nhấn mạnh|biểu dương|phê bình|ghi nhận|đánh giá|khẳng định|cho rằng|nêu rõ|lưu ý rằng|"
    "thông tin|cho biết|chia sẻ|bày tỏ|đề cập|điểm lại|phân tích|thẳng thắn chỉ|chúc mừng|gửi lời"
)
# Gatherings by kind (first match in a sentence decides).
GATHERINGS = (
    ("session", _folded("kỳ họp")),
    ("meeting", _folded("phiên họp|cuộc họp|buổi họp|họp")),
    ("conference", _folded("hội nghị|tổng kết|sơ kết")),
    (
        "other",
        _folded(
            "gặp mặt|tiếp xúc cử tri|thăm|thăm hỏi|làm việc với|buổi làm việc|tọa đàm|hội thảo|lễ|đối thoại|"
            "chúc tết|chúc mừng|tiếp công dân|hội đàm|khảo sát|giám sát|kiểm tra|dự lễ|mít tinh|diễn đàn|hội thi|"
            "giao ban|hội nghị giao ban|gặp gỡ"
        ),
    ),
)
# Phrases that contain a gathering word without reporting a gathering.
GATHERING_FALSE = _folded(
    "trung tâm hội nghị|hội trường|phòng họp|phiên làm việc|ngày làm việc|phiên chất vấn|lễ hội|lễ tân|"
    "họp báo|họp dân|họp mặt|tổng kết thực tiễn|lần thứ|nghị quyết kỳ họp|"
    "kiểm tra, giám sát|công tác kiểm tra|công tác giám sát|hoạt động giám sát|chương trình giám sát|"
    "nội dung giám sát|sau giám sát|thăm nắm|kiểm tra gắt gao"
)
# Words before a gathering word that make it planned rather than reported (``sẽ tổ chức kỳ họp``).
PLAN_MARKERS = _folded("sẽ|dự kiến|sắp|dự định|triệu tập|kế hoạch tổ chức|chuẩn bị tổ chức|sắp tới")
CHAIR_VERBS = _folded("chủ tọa|chủ trì|điều hành")
SESSION_TYPES = (
    ("extraordinary", _folded("bất thường|phát sinh đột xuất|giải quyết công việc phát sinh")),
    ("thematic", _folded("chuyên đề")),
    ("regular", _folded("thường lệ|lệ kỳ|thường kỳ|họp lệ")),
)
