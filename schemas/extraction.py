"""The extraction contract: what every backend returns and what the LLM is asked to fill.

Field names, types, enums and null conventions follow evals/LABELING.md exactly, so a gold file
validates unchanged and a gold file returned verbatim by a model is accepted. Everything beyond
the contract (evidence spans, title, summary, provenance) is optional.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

EventKind = Literal["session", "meeting", "conference", "other"]
Level = Literal["tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn"]
SessionType = Literal["regular", "thematic", "extraordinary"]
DecisionKind = Literal["resolution", "election", "relief", "dismissal", "confidence_vote", "approval", "other"]

EVENT_KINDS: tuple[str, ...] = EventKind.__args__  # type: ignore[attr-defined]
LEVELS: tuple[str, ...] = Level.__args__  # type: ignore[attr-defined]
SESSION_TYPES: tuple[str, ...] = SessionType.__args__  # type: ignore[attr-defined]
DECISION_KINDS: tuple[str, ...] = DecisionKind.__args__  # type: ignore[attr-defined]


class Span(BaseModel):
    """Where an item stands in the article: character offsets into the article text as read."""

    start: int = Field(ge=0, description="Offset of the first character in the article text.")
    end: int = Field(ge=0, description="Offset just past the last character.")
    text: str = Field(description="The article text between start and end, verbatim.")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self


class Decision(BaseModel):
    """One thing a gathering decided (LABELING.md, "Purpose and decisions")."""

    kind: DecisionKind = Field(
        description="resolution = a nghị quyết passed (text: its name when given); election = someone elected "
        "(bầu) to a post; relief = relieved of a post (miễn nhiệm, cho thôi); dismissal = removed (bãi nhiệm, "
        "cách chức); confidence_vote = a vote of confidence (lấy phiếu tín nhiệm); approval = a plan, loan, "
        "budget or policy approved (phê chuẩn, thông qua, chấp thuận); other."
    )
    text: str = Field(min_length=1, description="What was decided, as written in the article (shortened, never reworded).")
    person: str | None = Field(default=None, description="The person elected, relieved or dismissed, as written.")
    post: str | None = Field(default=None, description="The post to or from which, as written.")
    evidence: Span | None = Field(default=None, description="Optional: where the decision is written.")


class Event(BaseModel):
    """One gathering the article reports on (not one it merely mentions)."""

    kind: EventKind = Field(
        description="session = kỳ họp of an HĐND; meeting = phiên họp/cuộc họp; "
        "conference = hội nghị; other = anything else (gặp mặt, thăm, tiếp xúc cử tri…)."
    )
    organ: str | None = Field(
        default=None,
        description="Body holding it, short form: HĐND, UBND, Tỉnh ủy, Thành ủy, Huyện ủy, or the "
        "full name of another body. Thường trực HĐND counts as HĐND. null if no single body.",
    )
    level: Level | None = Field(default=None, description="Administrative level of that body.")
    locality: str | None = Field(
        default=None, description="Place name without its level word (Bắc Ninh, not thành phố Bắc Ninh)."
    )
    session_number: int | None = Field(
        default=None,
        ge=1,
        description="Ordinal of the kỳ họp (thứ 20 → 20, thứ Ba → 3). null for numbered gatherings "
        "that are not a kỳ họp (phiên họp thứ 26, lần thứ hai).",
    )
    term: int | None = Field(default=None, ge=1, description="The khóa as an integer (khóa XXII → 22).")
    term_period: str | None = Field(
        default=None, pattern=r"^\d{4}-\d{4}$", description="The nhiệm kỳ as YYYY-YYYY."
    )
    session_type: SessionType | None = Field(
        default=None,
        description="Only when stated: regular (thường lệ, thường kỳ), thematic (chuyên đề), "
        "extraordinary (bất thường, giải quyết công việc phát sinh đột xuất).",
    )
    start_date: dt.date | None = Field(default=None, description="First day it sat, YYYY-MM-DD.")
    end_date: dt.date | None = Field(default=None, description="Last day it sat, YYYY-MM-DD.")
    chairs: list[str] = Field(
        default_factory=list,
        description="Names of the officials said to chair it (chủ tọa, chủ trì, điều hành), in article order.",
    )
    resolutions_passed: int | None = Field(
        default=None, ge=0, description="Number of nghị quyết it passed, when stated."
    )
    title: str | None = Field(default=None, description="Optional short label of the gathering.")
    purpose: str | None = Field(
        default=None,
        description="Optional: what the gathering was for, as written (the clause after để, nhằm, về, or its "
        "name's topic: 'sơ kết công tác 6 tháng đầu năm'); null when the article does not say.",
    )
    decisions: list[Decision] = Field(
        default_factory=list, description="Optional: what it decided: resolutions, elections, reliefs, approvals."
    )
    evidence: Span | None = Field(default=None, description="Optional: the sentence that reports it.")

    @model_validator(mode="after")
    def _dates_ordered(self) -> Event:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError(f"end_date {self.end_date} is before start_date {self.start_date}")
        return self


# The contract's own event fields, in the labelling guide's order (the optional extras are not among them).
EVENT_FIELDS: tuple[str, ...] = (
    "kind",
    "organ",
    "level",
    "locality",
    "session_number",
    "term",
    "term_period",
    "session_type",
    "start_date",
    "end_date",
    "chairs",
    "resolutions_passed",
)


class Official(BaseModel):
    """A named person holding a public or Party office (never a byline or reporter)."""

    name: str = Field(min_length=1, description="Full name as written in the article.")
    titles: list[str] = Field(
        default_factory=list,
        description="Every position given to the person, split at the commas separating positions, "
        "each as in its fullest mention, in order of first mention. Degrees are not titles.",
    )
    name_evidence: Span | None = Field(default=None, description="Optional: first mention of the name.")
    title_evidence: list[Span] = Field(
        default_factory=list, description="Optional: one span per title, in the order of titles."
    )


class Directive(BaseModel):
    """One occurrence of a directing verb (yêu cầu, đề nghị, chỉ đạo, giao, lưu ý, mong muốn, kêu gọi)."""

    issuer: str = Field(
        min_length=1, description="Name of the official giving it (resolve đồng chí to the name), or the body."
    )
    verb: str = Field(min_length=1, description="The directing verb as written.")
    addressees: list[str] = Field(
        default_factory=list, description="Who must act, as written, split where separate bodies are listed."
    )
    content: str = Field(
        min_length=1,
        description="What must be done: the text after the verb and addressees to the end of the clause "
        "or sentence, as written (may be shortened, never reworded).",
    )
    deadline: dt.date | None = Field(default=None, description="Date set for it, YYYY-MM-DD, else null.")
    evidence: Span | None = Field(default=None, description="Optional: the span of the content.")


class Provenance(BaseModel):
    """Which backend, model and prompt produced an extraction, so a result can be traced and compared."""

    backend: str = Field(description="regex, llm, or llm→regex when the LLM failed and the rules answered.")
    model: str | None = None
    prompt: str | None = Field(default=None, description="Prompt name and version, e.g. extract/v1.")
    prompt_hash: str | None = None
    schema_hash: str | None = None
    fallback_reason: str | None = None
    tokens_in: int | None = None
    tokens_out: int | None = None
    cost_usd: float | None = None
    cached: bool | None = None


class ArticleExtraction(BaseModel):
    """Everything extracted from one article: its events, officials and directives."""

    model_config = ConfigDict(title="ArticleExtraction")

    article_id: str | None = Field(default=None, description="The article's file stem or record id.")
    published: dt.date | None = Field(default=None, description="Publication date when shown, else null.")
    events: list[Event] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    directives: list[Directive] = Field(default_factory=list)
    summary: str | None = Field(default=None, description="Optional one-sentence summary in Vietnamese.")
    provenance: Provenance | None = Field(default=None, description="Filled by the tool, not by the model.")
