"""The shape of a person's name: family names, the syllables that open long Ê Đê / Gia Rai names, how a
name syllable is capitalised, and the words said before a name (address, degrees, military ranks)."""

from __future__ import annotations

from .tables import entries, first_words, phrase, words

# Family names, including those of ethnic minorities (Thái, Tày, Nùng, Mông, Dao, Ê Đê, Gia Rai…).
FAMILY_NAMES = words(
    "Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Đoàn|Trịnh|Mai|Đào|"
    "Cao|Lâm|Lương|Hà|Tạ|Tô|Trương|Vương|Phùng|Thái|Kiều|Lưu|Quách|Triệu|Đàm|Nông|Lục|Ma|Bế|Hứa|Lò|"
    "Lường|Cầm|Quàng|Vi|Vy|Sầm|Hầu|Giàng|Sùng|Thào|Vàng|Lầu|Mùa|Sình|Chảo|Bàn|Tẩn|Lã|Khổng|Mạc|Lạc|Phí|"
    "Cù|Phương|Đồng|Khúc|Thân|Tăng|Nghiêm|Âu|Châu|Doãn|Khương|Lại|Lữ|Nhữ|Ông|Quản|Tôn|Từ|Viên|Chu|Chử|"
    "Diệp|Kha|Khuất|La|Lỗ|Mẫn|Phó|Tiêu|Tống|Ung|Ứng|Bạch|Biện|Bành|Cấn|Dư|Đậu|Đới|Giáp|Lăng|Lều|Mông|"
    "Nìm|Sái|Thiều|Tiết|Xa|Mã|Nhâm|Trình|Tòng|Bạc|Sần|Hờ|Mè|Khà|Pờ|Lù|Vừ|Hạng|Cứ|Phàn|Lành|Chau|"
    "Ksor|Siu|Nay|Rơ|Rah|Kpă|Niê|Mlô|Êban|Bkrông|Byă|Adrơng|Y|H'|H’|Lâu|Thạch|Điểu|Danh|Chá|Tráng|Mua|Sồng|"
    "Hảng|Sộng|Chìu|Lỳ|Lừu|Seo|Sếnh|Đầu"
)
# Initial elements of Ê Đê / Gia Rai names (``Y Thanh Hà Niê Kdăm``, ``H'Yim Kđoh``) allow longer names.
LONG_NAME_STARTS = words("Y|H'|H’|Ksor|Rơ|Nay|Siu|Rah")
NAME_MAX_SYLLABLES = 4
LONG_NAME_MAX_SYLLABLES = 5
# Proper names shaped like a person's name that are not office holders in the article's sense.
NOT_PERSONS = words("Hồ Chí Minh|Tôn Đức Thắng|Võ Nguyên Giáp")

# Words that address a person and so make the next capitalised words a name (``đồng chí Lò Văn Pâng``).
PERSON_MARKERS = words("đồng chí|ông|bà|anh|chị")
PERSON_CLASSIFIERS = words("vị")
"""``các vị đại biểu``, ``các vị Ủy viên Bộ Chính trị``: a classifier of persons after a plural."""
COMRADE = phrase("đồng chí")
"""``đồng chí``: a Party member, an office holder even when no title is given."""
# The formal ways of naming an office holder in running text (``đồng chí``, ``ông``, ``bà``).
FORMAL_MARKERS = (COMRADE, phrase("ông"), phrase("bà"))
# Words of address that open a sentence before a name (``Ông Phạm Văn Hòa, Chủ tịch …``).
ADDRESS_WORDS = words("ông|bà")
# Academic degrees and ranks: said before a name, never a title.
# Academic degrees as abbreviated before a name, as written (``TS. Nguyễn …``, ``ThS Lê …``).
DEGREE_ABBREVIATIONS = entries("TS|ThS|PGS|GS|BS|KS")
DEGREES = words("Tiến sĩ|Thạc sĩ|PGS.TS|GS.TS|Bác sĩ|Kỹ sư|Cử nhân|Luật sư|Nhà báo") | words("|".join(DEGREE_ABBREVIATIONS))
RANKS = words(
    "Đại tướng|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Thượng úy|"
    "Trung úy|Thiếu úy|Chuẩn đô đốc|Phó Đô đốc"
)
HONORIFICS = DEGREES | RANKS
HONORIFIC_FIRST_WORDS = first_words(HONORIFICS)


def name_shaped(word: str) -> bool:
    """A capitalised syllable that can belong to a name: after its capital it is lower-case (``Pâng``,
    ``Kdăm``, ``H'Bla``), unlike an abbreviation (``HĐND``)."""
    return word[0].isupper() and (len(word) == 1 or word[1:].islower() or word[1] in "'’")
