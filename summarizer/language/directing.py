"""Directing: the verbs of a request (``yêu cầu``, ``đề nghị``, ``giao`` …), what makes one a noun instead,
the adverbs and connectives between a subject and its verb, and the grammar of addressees."""

from __future__ import annotations

from .tables import first_words, phrase, phrases, words

# Directing verbs (LABELING.md) in the order they are tried (longest first).
DIRECTING_VERBS = ("mong muốn", "kêu gọi", "yêu cầu", "đề nghị", "chỉ đạo", "lưu ý", "giao")
ASSIGN = "giao"
"""``giao``: a request only with addressees (``giao các Ban …``); ``giao cho`` and ``giao nhiệm vụ cho`` put them
after ``cho``."""
TASK = ("nhiệm", "vụ")
# Verbs that are requests wherever they stand in their subject's chain of predicates.
CHAINED_VERBS = frozenset({"kêu gọi", "đề nghị", "yêu cầu"})
# Words after which a directing verb is a noun or a complement, never a request being made.
# Verbs whose object ``yêu cầu`` is, a noun, anywhere before it in its clause (``đáp ứng kỳ vọng của nhân dân và
# yêu cầu phát triển …``, ``đáp ứng yêu cầu …``).
NOUN_GOVERNORS = {"yêu cầu": words("đáp ứng")}
# Words right before ``yêu cầu`` that make it a noun (``phải đưa yêu cầu phòng, chống dịch lên trên hết``,
# ``theo yêu cầu``, ``các yêu cầu``).
NOUN_BEFORE = {"yêu cầu": words("đưa|đặt|nêu|theo|các|những|đúng|mọi")}
# ``dự và chỉ đạo Đại hội``, ``tham dự và chỉ đạo``: attending, not a request (LABELING.md: ``dự chỉ đạo``).
ATTENDING = words("dự|tham dự")
VERB_NOUN_AFTER = {
    "yêu cầu": words("của|đặt ra|nhiệm vụ|thực tiễn|công việc|đề ra|cao|ngày càng"),
    "đề nghị": words("của|khen thưởng|xét"),
    "chỉ đạo": words("của|điều hành|tuyến|thực hiện|sát sao|quyết liệt"),
    "giao": words(
        "thông|ước|lưu|dịch|nhận|ban|tiếp|thương|hữu|khoán|kết|ca|hàng|diện|thoa|liên|đất|rừng|nộp|quyền|"
        "thừa|tranh"
    ),
    "lưu ý": words("của"),
    "mong muốn": words("của"),
    "kêu gọi": words("của|đầu tư|vốn"),
}
# Adverbs that may stand between a subject and its verb (``cũng mong muốn``, ``UBND tỉnh vừa họp``).
SUBJECT_ADVERBS = words(
    "cũng|đã|còn|thì|đồng thời|tiếp tục|trực tiếp|luôn|thẳng thắn|một lần nữa|cũng đã|vừa|đang|mới|đột xuất|khẩn|đặc biệt"
)
# A first-person subject: ``“Tôi yêu cầu …”, ông Quang nhấn mạnh`` is the speaker's request.
FIRST_PERSON = words("tôi|chúng tôi")
# What opens an item of a list written on the lines after a request's colon (``yêu cầu các sở, ngành:`` then
# ``- Tập trung …``, ``1. Đẩy nhanh …``, ``Một là, …``), beside a list mark or a number.
LIST_ITEM_OPENERS = words("một là|hai là|ba là|bốn là|năm là|thứ nhất|thứ hai|thứ ba|thứ tư|thứ năm")
# Words that join a verb to the one before it with the same subject (``…; yêu cầu``, ``và yêu cầu``).
COORDINATORS = words("và|đồng thời|cùng với đó|bên cạnh đó|ngoài ra")

# Sentence openers after which a directing verb with no subject is the previous speaker's
# (``Đồng thời đề nghị …``: LABELING.md, a named speaker's words going on; ``Trong đó, … lưu ý …`` details the
# request before it and is none of its own); and framing phrases that, with their comma, do the same (``Đối với …, giao …``).
DROPPED_SUBJECT_CONNECTIVES = words("đồng thời|bên cạnh đó|cùng với đó|ngoài ra|mặt khác|tiếp đó|sau đó|cuối cùng")
DROPPED_SUBJECT_FRAMES = words("đối với|về|để|nhằm|trên cơ sở|căn cứ|riêng|với")
# Heads that open a verb when a word follows them (``ban hành``: to issue; ``tổ chức thực hiện``): no addressee.
HEAD_VERBS = {("ban",): words("hành|bố"), ("tổ", "chức"): words("thực hiện|triển khai")}
# Who a request is addressed to: determiners and head nouns of the addressee phrase.
ADDRESSEE_DETERMINERS = words("các|những|toàn thể|toàn bộ|tất cả|mỗi|từng|toàn|cả|mọi|một số")
ADDRESSEE_HEADS = phrases(
    "cấp|ngành|địa phương|đơn vị|cơ quan|sở|ban|phòng|đại biểu|vị đại biểu|đồng chí|cán bộ|đảng viên|"
    "công chức|viên chức|người lao động|doanh nghiệp|nhân dân|hội viên|thành viên|lãnh đạo|người đứng đầu|"
    "thủ trưởng|cấp ủy|chính quyền|hệ thống chính trị|mặt trận|đoàn thể|tổ chức|lực lượng|ngành chức năng|"
    "xã|phường|huyện|thị xã|thị trấn|thôn|bản|tổ|hộ|trường|bệnh viện|chủ đầu tư|nhà thầu|tập thể|cá nhân|"
    "tỉnh|thành phố|quận|hợp tác xã|chi bộ|đảng bộ|ủy ban|hội đồng|văn phòng|ban ngành|sở ngành|"
    "cơ sở|hội|đoàn|tổ đại biểu|cử tri|người dân|bà con|học sinh|giáo viên|thầy cô|y bác sĩ|chiến sĩ|"
    "cán bộ chiến sĩ|quân và dân|đội ngũ|ngành y tế|ngành giáo dục|lãnh đạo các|ủy viên|thường trực|"
    "chủ tịch|bí thư|giám đốc|trưởng|chi nhánh|công ty|ngân hàng|nhà trường|gia đình|chủ tịch ubnd|"
    "bộ phận|bộ phận tham mưu|bộ phận chuyên môn|cơ quan chuyên môn|cơ quan tham mưu|ngành liên quan|phòng ban|"
    "dân|quân|đồng bào|dân tộc"
)
# Heads that address a group only after ``toàn`` (``toàn dân``, ``toàn quân``).
WHOLE_ONLY_HEADS = phrases("dân|quân")
# Heads that are an addressee only with a determiner or in a list (``các xã``; a bare ``tổ chức`` is a verb).
DETERMINED_ONLY_HEADS = phrases("tổ chức|tỉnh|thành phố|huyện|xã")
# ``lãnh đạo``: the leadership of a body named after it, else a verb.
LEADERSHIP = phrase("lãnh đạo")
ORGANISATION = phrase("tổ chức")
"""``tổ chức``: an organisation as a head, but a verb after another addressee (``các xã tổ chức …``)."""
# Lower-case words that qualify an addressee (``các phòng, ban chuyên môn``, ``các ngành có liên quan``).
ADDRESSEE_MODIFIERS = words(
    "chuyên môn|liên quan|có liên quan|chức năng|tham mưu|trực thuộc|cấp tỉnh|cấp huyện|cấp xã|trên địa bàn|đảng|"
    "cơ sở|đoàn thể"
)
# Addressee heads that open a separate body in a list (``…, người đứng đầu các cơ quan``).
BODY_HEADS = phrases(
    "người đứng đầu|thủ trưởng|đồng chí|vị|lãnh đạo|cấp ủy|hệ thống chính trị|ủy ban|"
    "hội đồng|văn phòng|thường trực|mặt trận|bí thư|chủ tịch|giám đốc"
)
# Heads of a unit's leadership, capitalised or not: ``Thủ trưởng các cơ quan`` names no body in full.
UNIT_LEADER_FIRST_WORDS = first_words(phrases("thủ trưởng"))
# Words that open a time or purpose phrase before the addressees (``đề nghị trong năm 2025, các đơn vị…``).
ADVERBIAL_OPENERS = words(
    "trong|ngay|năm|thời gian|để|từ|sau|trước|đến|những|khi|nhằm|với|trên cơ sở|đối với|thời gian tới|"
    "từ nay|từ nay đến|giai đoạn|tháng|quý|dịp|thời điểm|bên cạnh|cùng với|về|qua"
)
ADVERBIAL_OPENER_FIRST_WORDS = ADVERBIAL_OPENERS | first_words(ADVERBIAL_OPENERS)
# Clause openers that name a new subject after ``;`` (the request before it has ended).
SUBJECT_OPENERS = words("các|những|mỗi|toàn thể|tất cả|mọi|cơ quan|đồng chí|người đứng đầu|lãnh đạo")

# Verbs of saying and judging: a clause opening with one reports the speaker, not the request.
SPEECH_VERBS = words(
    "chỉ rõ|chỉ ra|nhấn mạnh|biểu dương|phê bình|ghi nhận|đánh giá|khẳng định|cho rằng|nêu rõ|lưu ý rằng|"
    "thông tin|cho biết|chia sẻ|bày tỏ|đề cập|điểm lại|phân tích|thẳng thắn chỉ|chúc mừng|gửi lời"
)
