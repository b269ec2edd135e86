"""The answer the model fills, and the grounding checks that make instructor re-ask it.

``Answer`` holds the contract's own Event, Official and Directive types, so a valid answer is an
ArticleExtraction minus the fields the tool fills itself. When it is validated with a context
(``grounding_context(text)``), every name, title, chair, issuer, directive content, purpose and
decision (text, person, post) must occur in the article, evidence spans must point at their text,
and dates and counts must be written in the article; otherwise a ValueError lists every ungrounded
item, which instructor sends back to the model as the reason to try again.

The optional event fields ``purpose`` and ``decisions`` are asked for only by a prompt that declares
them (prompts.py, ``Prompt.asks``): ``answer_model(asks)`` is the answer of such a prompt, whose
schema shows them; any other answer drops them, so a prompt that does not ask for them never
returns them.

The schema the model sees is the contract's, compacted (no descriptions: the prompt carries the
rules; no evidence spans: they are located in the text afterwards), to keep the prompt small. A
prompt may declare a lean schema (``Prompt.lean``): then the constraints the answer is validated
against anyway (minimum lengths and values, date formats, patterns) are not shown either, and the
prompt states what the model needs of them (dates as YYYY-MM-DD).
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Iterable
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, ValidationInfo, model_validator

from summarizer.language.gatherings import GATHERINGS
from summarizer.language.patterns import any_word
from summarizer.grounding import KeyedText, date_occurs, length_occurs, number_occurs
from summarizer.schemas import ArticleExtraction, Directive, Event, Official, Span
from summarizer.text.normalize import fold, match_key, nfc

# Optional event fields a prompt version may ask for (it declares which: prompts.py).
ASKABLE_FIELDS: tuple[str, ...] = ("purpose", "decisions")
# Fields the model is never asked for: evidence is located afterwards, the rest is filled by the tool.
NEVER_ASKED = frozenset({"evidence", "name_evidence", "title_evidence", "title", "summary", "provenance", "article_id"})
# What the schema of a prompt asking for no optional field hides (extract/v1).
MODEL_HIDDEN_FIELDS = NEVER_ASKED | frozenset(ASKABLE_FIELDS)
# Schema definitions the model never sees; Decision only when decisions are asked for.
_HIDDEN_DEFS = frozenset({"Span", "Provenance"})
_SCHEMA_NOISE = frozenset({"title", "description", "default"})
# What a lean schema also leaves out: constraints pydantic checks on every answer (a breach is re-asked).
LEAN_LEFT_OUT = frozenset({"minLength", "minimum", "format", "pattern"})
MAX_LISTED = 12
LISTS = ("events", "officials", "directives")
ANSWER_KEYS = ("published", *LISTS)
_SCHEMA_KEYS = frozenset({"properties", "$defs", "$schema", "type", "required"})
_SCHEMAS: dict[tuple[Any, ...], dict[str, Any]] = {}


def _nfc_all(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, dict):
        return {key: _nfc_all(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_nfc_all(item) for item in value]
    return value


def unwrap(data: Any) -> Any:
    """The extraction inside a single wrapping key (``{"data": {...}}``, ``{"ArticleExtraction": {...}}``),
    or ``data`` unchanged. Only an object holding at least one of the answer's lists is taken out."""
    for _ in range(2):  # a wrapper in a wrapper, at most
        if not (isinstance(data, dict) and len(data) == 1):
            return data
        ((key, inner),) = data.items()
        if key in ANSWER_KEYS or not isinstance(inner, dict) or not any(name in inner for name in LISTS):
            return data
        data = inner
    return data


def answer_object(data: Any) -> Any:
    """The model's answer as the contract's object: NFC text, a wrapping key removed, explicit nulls
    for lists as empty lists. Raises ValueError, in words the model is re-asked with, for a hollow one."""
    if not isinstance(data, dict):
        return data
    data = unwrap(_nfc_all(data))
    if not isinstance(data, dict):
        return data
    if not data:
        raise ValueError(
            "the answer is an empty object {}: give published, events, officials and directives "
            "(an empty list where the article has none)"
        )
    if not any(name in data for name in ANSWER_KEYS) and _SCHEMA_KEYS & set(data):
        raise ValueError(
            "the answer is the JSON schema itself, not an object filled from the article: give "
            "published, events, officials and directives"
        )
    return {key: ([] if key in LISTS and value is None else value) for key, value in data.items()}


class Answer(BaseModel):
    """Events, officials and directives of one Vietnamese local-government news article."""

    model_config = ConfigDict(title="ArticleExtraction")
    # The optional event fields this answer carries (ASKABLE_FIELDS); the others are dropped.
    asks: ClassVar[frozenset[str]] = frozenset()
    # Whether the schema the model sees leaves out LEAN_LEFT_OUT.
    lean: ClassVar[bool] = False

    published: dt.date | None = None
    events: list[Event]
    officials: list[Official]
    directives: list[Directive]

    @model_validator(mode="before")
    @classmethod
    def _as_answer(cls, data: Any) -> Any:
        return answer_object(data)

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:  # type: ignore[override]
        # instructor asks for the schema on every request; it never changes, so build it once.
        key = (cls, args, tuple(sorted(kwargs.items())))
        if key not in _SCHEMAS:
            full = super().model_json_schema(*args, **kwargs)
            schema = compact_schema(full, MODEL_HIDDEN_FIELDS - cls.asks, lean=cls.lean)
            schema["title"] = full.get("title", "ArticleExtraction")
            schema["description"] = (cls.__doc__ or "").strip()
            _SCHEMAS[key] = schema
        return copy.deepcopy(_SCHEMAS[key])

    @model_validator(mode="after")
    def _grounded(self, info: ValidationInfo) -> Answer:
        for event in self.events:
            for name in ASKABLE_FIELDS:
                if name not in self.asks and name in event.model_fields_set:
                    setattr(event, name, Event.model_fields[name].get_default(call_default_factory=True))
                    event.model_fields_set.discard(name)
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


def answer_model(asks: Iterable[str] = (), *, lean: bool = False) -> type[Answer]:
    """The answer of a prompt asking for the optional event fields ``asks`` (some of ASKABLE_FIELDS),
    its schema lean or not: ``Answer`` itself for none and not lean, else a subclass whose schema
    shows them. One class per shape, so its schema and instructor's wrapper of it are built once. An
    unknown field is a ValueError."""
    wanted = frozenset(asks)
    unknown = sorted(wanted - set(ASKABLE_FIELDS))
    if unknown:
        raise ValueError(f"no optional event field {', '.join(unknown)}; a prompt may ask for {', '.join(ASKABLE_FIELDS)}")
    if not wanted and not lean:
        return Answer
    known = _ANSWERS.get((wanted, lean))
    if known is not None:
        return known
    name = "_".join(["Answer", *sorted(wanted), *(["lean"] if lean else [])])
    made = type(name, (Answer,), {"__module__": __name__, "__doc__": Answer.__doc__, "asks": wanted, "lean": lean})
    return _ANSWERS.setdefault((wanted, lean), made)  # the first one made, should two threads race


# The answer class of each shape (a registry, not a cache: a class is the same class for the whole run).
_ANSWERS: dict[tuple[frozenset[str], bool], type[Answer]] = {}


def grounding_context(text: str, published: dt.date | None = None) -> dict[str, Any]:
    """The validation context for one article (or chunk): its keyed text and the years it may use."""
    return {"keyed": KeyedText(text), "known_years": {published.year} if published else set()}


def compact_schema(node: Any, hidden: frozenset[str] = MODEL_HIDDEN_FIELDS, *, lean: bool = False) -> Any:
    """The contract's JSON schema without descriptions, titles, defaults and the ``hidden`` fields (and
    the definitions only they use), with ``anyOf [X, null]`` written as ``type: [X, "null"]``: the same
    shape in about a third of the tokens. ``lean`` also leaves out LEAN_LEFT_OUT."""
    if isinstance(node, list):
        return [compact_schema(v, hidden, lean=lean) for v in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    hidden_defs = _HIDDEN_DEFS | ({"Decision"} if "decisions" in hidden else set())
    noise = _SCHEMA_NOISE | LEAN_LEFT_OUT if lean else _SCHEMA_NOISE
    for key, value in node.items():
        if key in noise:
            continue
        if key == "properties":
            out[key] = {name: compact_schema(sub, hidden, lean=lean) for name, sub in value.items() if name not in hidden}
        elif key == "required":
            kept = [name for name in value if name not in hidden]
            if kept:
                out[key] = kept
        elif key == "$defs":
            out[key] = {name: compact_schema(sub, hidden, lean=lean) for name, sub in value.items() if name not in hidden_defs}
        else:
            out[key] = compact_schema(value, hidden, lean=lean)
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


def _lasts(keyed: KeyedText, start: dt.date | None, end: dt.date | None) -> bool:
    """The last day follows from the first and a length the article states (``ngày 23/7 … diễn ra trong 2 ngày``)."""
    return start is not None and end is not None and end > start and length_occurs(keyed, (end - start).days + 1)


def grounding_problems(answer: Answer, keyed: KeyedText, known_years: set[int] | None = None) -> list[str]:
    """Every item of the answer that the article does not support, as a short description."""
    problems: list[str] = []

    def need(value: str, label: str) -> str:
        """``value`` as the article spells it; an ungrounded value is listed and kept."""
        span = keyed.find(value)
        if span is None:
            problems.append(f"{label} {value!r}")
            return value
        return article_spelling(value, span)

    def plausible_date(value: dt.date | None, label: str) -> None:
        if value and not date_occurs(keyed, value.day, value.month, value.year, known_years=known_years):
            problems.append(f"{label} {value.isoformat()} (day and month not written in the article)")

    for official in answer.officials:
        official.name = need(official.name, "official name")
        official.titles = [need(title, f"title of {official.name}:") for title in official.titles]
        official.name_evidence = _check_span(official.name_evidence, keyed, f"{official.name}", problems)
        official.title_evidence = [
            s for s in (_check_span(s, keyed, f"{official.name} title", problems) for s in official.title_evidence) if s
        ]
    for event in answer.events:
        event.chairs = [need(chair, "chair") for chair in event.chairs]
        if event.purpose:
            event.purpose = need(event.purpose, "purpose")
        for decision in event.decisions:
            decision.text = need(decision.text, f"decision ({decision.kind})")
            decision.person = need(decision.person, "decision person") if decision.person else None
            decision.post = need(decision.post, "decision post") if decision.post else None
            decision.evidence = _check_span(decision.evidence, keyed, "decision", problems)
        plausible_date(event.start_date, "start_date")
        if not _lasts(keyed, event.start_date, event.end_date):
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
        directive.issuer = need(directive.issuer, "directive issuer")
        directive.content = need(directive.content, "directive content")
        directive.addressees = [_respelled(addressee, keyed) for addressee in directive.addressees]
        plausible_date(directive.deadline, "deadline")
        directive.evidence = _check_span(directive.evidence, keyed, "directive", problems)
    return problems


def article_spelling(value: str, span: Span) -> str:
    """The article's own spelling of ``value`` found at ``span`` (same key: case or tone placement
    differ), unless the article breaks it across lines."""
    return span.text if span.text != value and "\n" not in span.text else value


def _respelled(value: str, keyed: KeyedText) -> str:
    """An addressee as the article spells it when the article has it; addressees are not required to be
    verbatim, so one the article does not have is kept as given."""
    span = keyed.find(value)
    return article_spelling(value, span) if span is not None else value


REASK_PREFIX = (
    "These values are not in the article text. Copy names, titles, issuers and contents verbatim "
    "from the article, give only dates and numbers the article states, or leave the item out: "
)


def reask_message(problems: list[str]) -> str:
    """What the model is re-asked with: the rule, then every ungrounded item (the first MAX_LISTED)."""
    shown = problems[:MAX_LISTED]
    more = f"; and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
    return REASK_PREFIX + "; ".join(shown) + more


def locate_evidence(extraction: ArticleExtraction, text: str | KeyedText) -> ArticleExtraction:
    """Fill missing evidence spans of officials, directives, decisions and events by finding each item in the
    article (offsets index ``text``); an event's is the sentence that reports it (``_event_sentence``)."""
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
    events = []
    for e in extraction.events:
        update = {}
        if any(d.evidence is None for d in e.decisions):
            update["decisions"] = [d.model_copy(update={"evidence": keyed.find(d.text)}) if d.evidence is None else d for d in e.decisions]
        if e.evidence is None:
            update["evidence"] = _event_sentence(keyed, e)
        events.append(e.model_copy(update=update) if update else e)
    return extraction.model_copy(update={"events": events, "officials": officials, "directives": directives})


_SENTENCE_ENDS = re.compile(r"[.!?…\n]")
_GATHERING_WORD = any_word(w for _, words in GATHERINGS for w in words)


def _event_sentence(keyed: KeyedText, event: Event) -> Span | None:
    """The sentence that reports an event: the first that writes its first day (``15/9``, ``15-9``, ``15.9``,
    ``ngày 15 tháng 9``) beside a word naming a gathering, else the one holding its purpose or a chair, else
    the first that writes its first day; None when the article holds none of them."""
    dated: list[Span] = []
    if event.start_date is not None:
        day, month = event.start_date.day, event.start_date.month
        pattern = rf"(?<!\d)0?{day}\s*[/.-]\s*0?{month}(?!\d)|(?<!\d)0?{day}\s+tháng\s+0?{month}(?!\d)"
        dated = [_sentence_of(keyed.text, m.start(), m.end()) for m in re.finditer(pattern, keyed.text)]
    named = next((span for span in (keyed.find(v) for v in (event.purpose, *event.chairs) if v) if span), None)
    return (
        next((span for span in dated if _GATHERING_WORD.search(fold(span.text))), None)
        or (_sentence_of(keyed.text, named.start, named.end) if named else None)
        or (dated[0] if dated else None)
    )


def _sentence_of(text: str, first: int, last: int) -> Span:
    """The sentence of ``text`` around the characters from ``first`` to ``last``, trimmed."""
    start = max((m.end() for m in _SENTENCE_ENDS.finditer(text, 0, first)), default=0)
    stop = _SENTENCE_ENDS.search(text, last)
    end = stop.end() if stop is not None and stop.group() != "\n" else (stop.start() if stop else len(text))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start=start, end=end, text=text[start:end])
