"""Place names: where one ends after a level word, which capitalised words never open one, and the
venues a gathering is held at (``tại hội trường UBND xã``) rather than by."""

from __future__ import annotations

from .tables import words

# Capitalised words that may follow a level word without being (part of) its place name: verbs and
# keywords of the genre written with a capital (``HĐND huyện Chủ trì``, ``UBND huyện Khóa XI``).
PLACE_STOPS = words(
    "khóa|khoá|chủ trì|chủ tọa|chủ toạ|điều hành|kỳ họp|kì họp|tổ chức|hội nghị|nhiệm kỳ|lần thứ|họp|phiên|"
    "thông qua|tiến hành|về|tại|năm|tháng|ngày|quý|và|với|cùng|đã|vừa|trong|theo|các|lãnh đạo|đồng chí|ông|bà"
)
# Capitalised words that open names of bodies, events and the nation, never a local place on their own.
NOT_PLACE_FIRST = words(
    "Ban|Phòng|Bộ|Sở|Đảng|Tết|Việt|Phó|Chủ|Trung|Quốc|Nhà|Chính|Tổ|Nhân|Ủy|Văn|Hội|Đoàn|Cục|Chi|Tòa|Viện|"
    "Mặt|Công|Trường|Bệnh|Kho|Ngân|Bảo|Thường|Kỳ|Phiên|Hồ|Xuân|Đông|Thu|Hạ|Nguyên|Đại|Nông|Khu|Tuần|Tháng|Năm|Ngày|Quý"
)
# ``tại hội trường …``: the building a gathering is held in, owned by a body that does not hold it.
VENUE_PREPOSITION = "tại"
VENUES = ("hội trường", "trụ sở", "phòng họp", "nhà văn hóa")
