"""Portal cruft: the toolbars, visit counters, QR/social blocks and "other news" tails that Vietnamese
government portals wrap around an article when it is copied as text.

Cruft is blanked with spaces rather than removed, so the cleaned text has the same length as the
original and every offset found in it is an offset in the article as written. Newlines are kept so
line-based rules downstream still see the same lines.

The rules are deliberately conservative: a line is cruft only when it consists of nothing but portal
vocabulary (toolbar words, counters, QR/social labels), or it is a short date header whose leading and
trailing toolbar words are blanked while the date stays. Article sentences that merely mention
Facebook or a video are never touched.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# Words of article toolbars (font size, print, share, listen), as separate tokens, as written.
_TOOLBAR_WORDS = [
    "Tăng cỡ chữ", "Giảm cỡ chữ", "Cỡ chữ", "Phóng to", "Thu nhỏ", "Mặc định", "A+", "A-",
    "In bài viết", "In bài", "In trang", "Bản in", "Print", "Gốc",
    "Chia sẻ bài viết", "Chia sẻ", "Share", "Facebook", "Zalo", "Twitter", "LinkedIn", "Tweet", "Like",
    "Gửi email", "Gửi bài viết", "Gửi bài", "E-mail", "Email",
    "Nghe đọc bài viết", "Nghe đọc bài", "Nghe bài viết", "Nghe bài", "Đọc bài",
    "Lưu bài viết", "Lưu tin", "Sao chép liên kết", "Copy link", "Bình luận",
    "Quay lại", "Trở về", "Trở lại", "Về đầu trang", "Lên đầu trang", "Đầu trang",
]
_SEP = r"[\s|•·/–—:-]"
_TOKEN = "(?:" + "|".join(map(re.escape, _TOOLBAR_WORDS)) + ")"
# A view counter inside a header line, also in English: "View Count: 239", "Views 12".
_COUNTER = r"(?:(?:Số\s+)?lượt\s+(?:xem|đọc)|View\s+Count|Views?)\s*:?\s*\d[\d.,]*(?![\d/:-])"
_UNIT = rf"(?:{_TOKEN}|{_COUNTER})"

_LEADING = re.compile(rf"^{_SEP}*{_UNIT}(?={_SEP}|$)", _I)
_TRAILING = re.compile(rf"(?:^|(?<={_SEP})){_UNIT}{_SEP}*$", _I)
# Whether a line ends with a unit, read on the line reversed: one attempt at its first character instead
# of one at every position (``_TRAILING`` then finds where that unit starts). The counter reversed:
_COUNTER_REVERSED = r"(?<![\d/:-])[\d.,]*\d\s*:?\s*(?:(?:mex|cọđ)\s+tợưl(?:\s+ốS)?|tnuoC\s+weiV|s?weiV)"
_ENDS_WITH_UNIT = re.compile(
    rf"{_SEP}*(?:" + "|".join(re.escape(word[::-1]) for word in _TOOLBAR_WORDS) + rf"|{_COUNTER_REVERSED})(?:{_SEP}|$)", _I
)
_COUNTER_ANYWHERE = re.compile(_COUNTER, _I)
_COUNTER_WORDS = ("lượt", "view")
"""Every counter holds one of these words (in any case): a line without them holds none."""
_COUNTER_WORD = re.compile("|".join(_COUNTER_WORDS), _I)
_ONLY_SEPARATORS = re.compile(rf"{_SEP}*")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{4}-\d{2}-\d{2}\b")

# Lines that are cruft on their own: portal block markers, visit statistics, QR-code and social blocks.
_STAT_LABEL = (
    r"(?:Đang\s+online|Đang\s+truy\s+cập|Tất\s+cả|Hôm\s+nay|Hôm\s+qua|Trong\s+tuần|Tuần\s+này|Trong\s+tháng"
    r"|Tháng\s+này|Tổng\s+(?:số\s+)?lượt\s+truy\s+cập|Tổng\s+truy\s+cập|(?:Số\s+)?lượt\s+truy\s+cập)"
)
_STRONG_LINE = re.compile(
    "|".join(
        [
            r"PublishingPortal\s*-\s*Block_\w*",
            r"Thống\s+kê\s+(?:lượt\s+)?truy\s+cập",
            rf"{_STAT_LABEL}\s*:?\s*\d[\d.,]*",
            r"Đang\s+online",
            r"(?:Tổng\s+(?:số\s+)?)?lượt\s+truy\s+cập\s*:?",
            r"Tiện\s+ích\s+thông\s+tin",
            r"QR\s*code",
            r"QR\s*code\s*:.*",
            r"QR\s*code\s+Fanpage.*",
            r"Mã\s+QR(?:\s*code)?\s+truy\s+cập.*",
            r"Chúng\s+tôi\s+trên\s+(?:mạng\s+xã\s+hội|Facebook|Zalo|YouTube).*",
            r"Kết\s+nối\s+với\s+chúng\s+tôi",
            r"Theo\s+dõi\s+chúng\s+tôi\s+trên.*",
            r"Trang\s+chủ\s*[>»›/|].*",
        ]
    ),
    _I,
)
# Labels that are cruft only inside a block of other cruft (a footer's "Video" or a bare "Hôm nay").
_WEAK_LINE = re.compile(
    r"Videos?|Video\s+clip|Hình\s+ảnh|Thư\s+viện\s+ảnh|Liên\s+kết(?:\s+website)?|Fanpage"
    r"|Tất\s+cả|Hôm\s+nay|Hôm\s+qua|Trong\s+tuần|Tuần\s+này|Trong\s+tháng|Tháng\s+này",
    _I,
)
# Headings after which a portal lists other articles.
_TAIL_HEADING = re.compile(
    r"(?:Các\s+)?tin\s+(?:bài\s+|tức\s+)?(?:khác|liên\s+quan|cùng\s+chuyên\s+mục|cùng\s+lĩnh\s+vực|đã\s+đưa"
    r"|mới\s+hơn|cũ\s+hơn|mới\s+nhất|xem\s+nhiều|nổi\s+bật)"
    r"|(?:Các\s+)?bài\s+(?:viết\s+)?(?:khác|liên\s+quan|cùng\s+chuyên\s+mục)|Xem\s+thêm|Đọc\s+thêm",
    _I,
)
_HEADING_PUNCT = " \t:.…»>"
# The first word of every line the patterns above can take as cruft (after the separators and punctuation
# they allow before it): a line opening with none of these, ending in no toolbar unit and holding no
# counter is body text, and is passed over without trying each pattern.
_OPENING_WORDS = (
    "các", "tin", "bài", "xem", "đọc",  # headings of other articles
    "publishingportal", "thống", "đang", "tất", "hôm", "trong", "tuần", "tháng", "tổng", "số", "lượt", "tiện", "qr",
    "mã", "chúng", "kết", "theo", "trang",  # lines of portal blocks
    "video", "hình", "thư", "liên", "fanpage",  # weak labels
    *(word.split()[0].lower() for word in _TOOLBAR_WORDS),
)
_MAY_OPEN_CRUFT = re.compile(r"[\s|•·/–—:.…»>-]*(?:" + "|".join(map(re.escape, sorted(set(_OPENING_WORDS)))) + ")", _I)
_HEADER_MAX = 120
_TOOLBAR_LINE_MAX = 200
_HEADLINE_MAX = 160


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded."""
    spans, start = [], 0
    for match in re.finditer("\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _toolbar_spans(line: str) -> tuple[list[tuple[int, int]], bool]:
    """Spans of toolbar words and counters at the edges of a line, and whether nothing else is left."""
    spans = [m.span() for m in _COUNTER_ANYWHERE.finditer(line)] if _holds_counter_word(line) else []
    work = _COUNTER_ANYWHERE.sub(lambda m: " " * len(m.group()), line) if spans else line
    changed = True
    while changed:
        changed = False
        for pattern in (_LEADING, _TRAILING):
            if pattern is _TRAILING and not _ENDS_WITH_UNIT.match(work[::-1]):
                continue
            match = pattern.search(work)
            if match and match.group().strip():
                spans.append(match.span())
                work = work[: match.start()] + " " * (match.end() - match.start()) + work[match.end() :]
                changed = True
    return spans, bool(_ONLY_SEPARATORS.fullmatch(work))


def _may_end_with_cruft(line: str) -> bool:
    """The line ends with a toolbar unit or holds a visit counter somewhere."""
    return _ENDS_WITH_UNIT.match(line[::-1]) is not None or _holds_counter_word(line)


def _holds_counter_word(line: str) -> bool:
    return _COUNTER_WORD.search(line) is not None


def _stripped(line: str) -> str:
    return line.strip(" \t\u00a0")


def cruft_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) offsets of the cruft in ``text``."""
    lines = _lines(text)
    spans: list[tuple[int, int]] = []
    kind: list[str] = []  # per line: "cruft", "weak", "blank" or "body"
    tail_from: int | None = None

    for index, (start, end) in enumerate(lines):
        line = text[start:end]
        bare = _stripped(line)
        if not bare:
            kind.append("blank")
            continue
        if not _MAY_OPEN_CRUFT.match(line) and (len(line) > _TOOLBAR_LINE_MAX or not _may_end_with_cruft(line)):
            kind.append("body")
            continue
        if _TAIL_HEADING.fullmatch(bare.strip(_HEADING_PUNCT)) and tail_from is None:
            if start >= len(text) / 2:
                tail_from = index
                kind.append("cruft")
                break
            kind.append("cruft")
            spans.append((start, end))
            continue
        if _STRONG_LINE.fullmatch(bare):
            kind.append("cruft")
            spans.append((start, end))
            continue
        if _WEAK_LINE.fullmatch(bare.rstrip(":")):
            kind.append("weak")
            continue
        if len(line) <= _TOOLBAR_LINE_MAX:
            edge_spans, nothing_left = _toolbar_spans(line)
            if edge_spans and nothing_left:
                kind.append("cruft")
                spans.append((start, end))
                continue
            if edge_spans and len(line) <= _HEADER_MAX and _DATE.search(line):
                spans.extend((start + a, start + b) for a, b in edge_spans)
        kind.append("body")

    _blank_weak_neighbours(lines, kind, spans)
    _blank_headline_lists(text, lines, kind, spans)
    if tail_from is not None:
        spans.append((lines[tail_from][0], len(text)))
    return _merge(text, spans)


def _blank_weak_neighbours(lines: list[tuple[int, int]], kind: list[str], spans: list[tuple[int, int]]) -> None:
    """A weak label becomes cruft when its nearest non-blank neighbour is cruft (repeated until stable)."""
    changed = True
    while changed:
        changed = False
        for index, label in enumerate(kind):
            if label != "weak":
                continue
            if _neighbour(kind, index, -1) == "cruft" or _neighbour(kind, index, +1) == "cruft":
                kind[index] = "cruft"
                spans.append(lines[index])
                changed = True


def _neighbour(kind: list[str], index: int, step: int) -> str | None:
    index += step
    while 0 <= index < len(kind):
        if kind[index] != "blank":
            return kind[index]
        index += step
    return None


def _blank_headline_lists(
    text: str, lines: list[tuple[int, int]], kind: list[str], spans: list[tuple[int, int]]
) -> None:
    """After a related-news heading early in the text, blank the run of short headline lines under it."""
    for index, (start, end) in enumerate(lines[: len(kind)]):
        if kind[index] != "cruft" or not _TAIL_HEADING.fullmatch(_stripped(text[start:end]).strip(_HEADING_PUNCT)):
            continue
        for follow in range(index + 1, len(kind)):
            f_start, f_end = lines[follow]
            if kind[follow] == "blank":
                break
            if kind[follow] != "body" or f_end - f_start > _HEADLINE_MAX:
                break
            spans.append((f_start, f_end))


def _merge(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans, and spans separated only by whitespace (a block of cruft lines), become one."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and (start <= merged[-1][1] or not text[merged[-1][1] : start].strip()):
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def blank_cruft(text: str) -> str:
    """``text`` with its cruft replaced by spaces (newlines kept): same length, same offsets."""
    spans = cruft_spans(text)
    if not spans:
        return text
    parts: list[str] = []
    previous = 0
    for start, end in spans:
        parts.append(text[previous:start])
        parts.append(re.sub(r"[^\n]", " ", text[start:end]))
        previous = end
    parts.append(text[previous:])
    return "".join(parts)
