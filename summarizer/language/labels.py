"""The contract's values in Vietnamese words, for readers: kinds of gathering, session types and kinds of
decision, as the briefing and the spreadsheets (``--lang vi``) write them. Keys are the contract's own
(English) values; each word is as written."""

from __future__ import annotations

EVENT_KIND_WORDS = {"session": "kỳ họp", "meeting": "cuộc họp", "conference": "hội nghị", "other": "hoạt động"}
SESSION_TYPE_WORDS = {"regular": "thường lệ", "thematic": "chuyên đề", "extraordinary": "bất thường"}
# Each kind names both of its forms where the contract groups two (``relief``: miễn nhiệm and cho thôi),
# so a reader is never told which one when the record does not say.
DECISION_KIND_WORDS = {
    "resolution": "nghị quyết",
    "election": "bầu",
    "relief": "miễn nhiệm, cho thôi",
    "dismissal": "bãi nhiệm, cách chức",
    "confidence_vote": "lấy phiếu tín nhiệm",
    "approval": "thông qua, phê chuẩn",
    "other": "quyết định khác",
}
