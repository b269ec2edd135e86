"""The answer the model fills, and the grounding checks that make instructor re-ask it.

``Answer`` holds the contract's own Event, Official and Directive types, so a valid answer is an
ArticleExtraction minus the fields the tool fills itself. When it is validated with a context
(``grounding_context(text)``), every name, title, chair, issuer and directive content must occur
in the article, evidence spans must point at their text, and dates and counts must be written in
the article; otherwise a ValueError lists every ungrounded item, which instructor sends back to
the model as the reason to try again.

The schema the model sees is the contract's, compacted (no descriptions: the prompt carries the
rules; no evidence spans: they are located in the text afterwards), to keep the prompt small.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, model_validator

from summarizer.grounding import KeyedText, date_occurs, number_occurs
from summarizer.schemas import ArticleExtraction, Directive, Event, Official, Span
from summarizer.text.normalize import match_key

# Fields the model is not asked for: evidence is located afterwards, the rest is filled by the tool
# (purpose and decisions wait for a prompt version that asks for them).
MODEL_HIDDEN_FIELDS = frozenset(
    {"evidence", "name_evidence", "title_evidence", "title", "summary", "provenance", "article_id", "purpose", "decisions"}
)
_SCHEMA_NOISE = frozenset({"title", "description", "default"})
MAX_LISTED = 12
_SCHEMAS: dict[tuple[Any, ...], dict[str, Any]] = {}


class Answer(BaseModel):
    """Events, officials and directives of one Vietnamese local-government news article."""

    model_config = ConfigDict(title="ArticleExtraction")

    published: dt.date | None = None
    events: list[Event] = Field(default_factory=list)
    officials: list[Official] = Field(default_factory=list)
    directives: list[Directive] = Field(default_factory=list)

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:  # type: ignore[override]
        # instructor asks for the schema on every request; it never changes, so build it once.
        key = (args, tuple(sorted(kwargs.items())))
        if key not in _SCHEMAS:
            full = super().model_json_schema(*args, **kwargs)
            schema = compact_schema(full)
            schema["title"] = full.get("title", "ArticleExtraction")
            schema["description"] = (cls.__doc__ or "").strip()
            _SCHEMAS[key] = schema
        return copy.deepcopy(_SCHEMAS[key])

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> Answer:
        context = info.context if isinstance(info.context, dict) else None
        if context and isinstance(context.get("keyed"), KeyedText):
            problems = grounding_problems(self, context["keyed"], context.get("known_years", set()))
            if problems:
                raise ValueError(reask_message(problems))
        return self

    def to_extraction(self) -> ArticleExtraction:
        return ArticleExtraction(
            published=self.published, events=self.events, officials=self.officials, directives=self.directives
        )


def grounding_context(text: str, published: dt.date | None = None) -> dict[str, Any]:
    """The validation context for one article (or chunk): its keyed text and the years it may use."""
    return {"keyed": KeyedText(text), "known_years": {published.year} if published else set()}


def compact_schema(node: Any) -> Any:
    """The contract's JSON schema without descriptions, titles, defaults and hidden fields, with
    ``anyOf [X, null]`` written as ``type: [X, "null"]``: the same shape in about a third of the tokens."""
    if isinstance(node, list):
        return [compact_schema(v) for v in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _SCHEMA_NOISE:
            continue
        if key == "properties":
            out[key] = {name: compact_schema(sub) for name, sub in value.items() if name not in MODEL_HIDDEN_FIELDS}
        elif key == "required":
            kept = [name for name in value if name not in MODEL_HIDDEN_FIELDS]
            if kept:
                out[key] = kept
        elif key == "$defs":
            out[key] = {name: compact_schema(sub) for name, sub in value.items() if name not in {"Span", "Provenance", "Decision"}}
        else:
            out[key] = compact_schema(value)
    options = out.get("anyOf")
    if isinstance(options, list) and len(options) == 2 and {"type": "null"} in options:
        (other,) = [o for o in options if o != {"type": "null"}]
        if "type" in other and isinstance(other["type"], str):
            del out["anyOf"]
            out.update(other)
            out["type"] = [other["type"], "null"]
            if "enum" in out:
                out["enum"] = [*out["enum"], None]
    return out


def _check_span(span: Span | None, keyed: KeyedText, label: str, problems: list[str]) -> Span | None:
    """A span is right when its offsets hold its text; if only its text is right, move the offsets."""
    if span is None:
        return None
    if span.end <= len(keyed.text) and match_key(keyed.text[span.start : span.end]) == match_key(span.text):
        return span
    found = keyed.find(span.text)
    if found is None:
        problems.append(f"{label} evidence {span.text!r}")
        return None
    return found


def grounding_problems(answer: Answer, keyed: KeyedText, known_years: set[int] | None = None) -> list[str]:
    """Every item of the answer that the article does not support, as a short description."""
    problems: list[str] = []

    def need(value: str, label: str) -> None:
        if not keyed.contains(value):
            problems.append(f"{label} {value!r}")

    def plausible_date(value: dt.date | None, label: str) -> None:
        if value and not date_occurs(keyed, value.day, value.month, value.year, known_years=known_years):
            problems.append(f"{label} {value.isoformat()} (day and month not written in the article)")

    for official in answer.officials:
        need(official.name, "official name")
        for title in official.titles:
            need(title, f"title of {official.name}:")
        official.name_evidence = _check_span(official.name_evidence, keyed, f"{official.name}", problems)
        official.title_evidence = [
            s for s in (_check_span(s, keyed, f"{official.name} title", problems) for s in official.title_evidence) if s
        ]
    for event in answer.events:
        for chair in event.chairs:
            need(chair, "chair")
        plausible_date(event.start_date, "start_date")
        plausible_date(event.end_date, "end_date")
        if event.session_number is not None and not number_occurs(keyed, event.session_number, ordinal=True):
            problems.append(f"session_number {event.session_number} (not written in the article)")
        if event.term is not None and not number_occurs(keyed, event.term):
            problems.append(f"term {event.term} (not written in the article)")
        if event.resolutions_passed and not number_occurs(keyed, event.resolutions_passed):
            problems.append(f"resolutions_passed {event.resolutions_passed} (not written in the article)")
        if event.term_period:
            first, last = event.term_period.split("-")
            if first not in keyed.text or last not in keyed.text:
                problems.append(f"term_period {event.term_period} (years not written in the article)")
        event.evidence = _check_span(event.evidence, keyed, "event", problems)
    for directive in answer.directives:
        need(directive.issuer, "directive issuer")
        need(directive.content, "directive content")
        plausible_date(directive.deadline, "deadline")
        directive.evidence = _check_span(directive.evidence, keyed, "directive", problems)
    return problems


def reask_message(problems: list[str]) -> str:
    shown = problems[:MAX_LISTED]
    more = f"; and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
    return (
        "These values are not in the article text. Copy names, titles, issuers and contents verbatim "
        "from the article, give only dates and numbers the article states, or leave the item out: "
        + "; ".join(shown)
        + more
    )


def locate_evidence(extraction: ArticleExtraction, text: str | KeyedText) -> ArticleExtraction:
    """Fill missing evidence spans by finding each item in the article (offsets index ``text``)."""
    keyed = text if isinstance(text, KeyedText) else KeyedText(text)
    officials = []
    for official in extraction.officials:
        update: dict[str, Any] = {}
        if official.name_evidence is None:
            update["name_evidence"] = keyed.find(official.name)
        if not official.title_evidence and official.titles:
            spans = [keyed.find(title) for title in official.titles]
            if all(spans):
                update["title_evidence"] = spans
        officials.append(official.model_copy(update=update) if update else official)
    directives = [
        d.model_copy(update={"evidence": keyed.find(d.content)}) if d.evidence is None else d
        for d in extraction.directives
    ]
    return extraction.model_copy(update={"officials": officials, "directives": directives})
