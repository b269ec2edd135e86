"""Reading the answer out of a chat completion, in whatever shape a real server gives it.

Servers and models wrap the JSON they were asked for in many ways: reasoning text before it, with or
without the opening ``<think>`` (a chat template may pre-fill it), a ```` ```json ```` fence closed or
not, a sentence of prose before or after, an empty ``content`` with the answer in ``reasoning_content``
(vLLM) or ``reasoning`` (Ollama), or the answer split over several tool calls. ``read_reply`` finds the
answer object in all of them on the first call, so nothing readable is paid for twice.

A reply that holds no answer and would hold none if asked again (a body that is not a completion,
no choices, an answer filtered by the provider's content filter, a refusal) raises ``Unanswered``
with the reason in words; it is never re-asked. A reply that holds no readable answer but might on a
re-ask gives a ``Reading`` with no payload and the ``problem`` in words.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from .validation import LISTS, unwrap

_THINK_CLOSE = re.compile(r"</think(?:ing)?>", re.I)
_THINK_OPEN = re.compile(r"<think(?:ing)?>", re.I)
REASONING_FIELDS = ("reasoning_content", "reasoning")
# Decoding work allowed per character of a text when looking for JSON in it (a bound, as in
# instructor's own extractor: malformed braces in a long reasoning text must not cost quadratic time).
_WORK_PER_CHAR = 16


class Unanswered(Exception):
    """A reply with no answer that a re-ask would not change. ``fatal``: the endpoint, not the article."""

    def __init__(self, kind: str, reason: str, *, fatal: bool = False) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason
        self.fatal = fatal


@dataclass(frozen=True)
class Reading:
    """The answer object found in a reply (several tool calls merged), or why none was found."""

    payload: dict[str, Any] | None
    problem: str | None = None


def page_title(body: str) -> str | None:
    """The ``<title>`` of an HTML page, or its first heading, for a one-line reason."""

    class _Title(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: dict[str, str] = {}
            self._in: str | None = None

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            if tag in {"title", "h1"} and tag not in self.found:
                self._in = tag

        def handle_endtag(self, tag: str) -> None:
            self._in = None

        def handle_data(self, data: str) -> None:
            if self._in and data.strip():
                self.found.setdefault(self._in, " ".join(data.split()))

    parser = _Title()
    try:
        parser.feed(body[:20_000])
    except Exception:  # a page too broken to parse still gets a reason, without its title
        return None
    return parser.found.get("title") or parser.found.get("h1")


def describe_body(body: str) -> str:
    """What a non-JSON body is, in words: ``an HTML page titled 'Open WebUI'`` or its first characters."""
    text = body.strip()
    if text[:200].lower().startswith(("<!doctype", "<html", "<head", "<body")) or "<html" in text[:500].lower():
        title = page_title(text)
        return f"an HTML page titled {title!r}" if title else "an HTML page"
    if not text:
        return "an empty body"
    one_line = " ".join(text.split())
    return f"text that is not JSON ({one_line[:80]!r})"


def check_completion(completion: Any) -> None:
    """Raise Unanswered when ``completion`` is not a chat completion holding a message to read."""
    if isinstance(completion, (str, bytes)):
        body = completion.decode("utf-8", "replace") if isinstance(completion, bytes) else completion
        raise Unanswered(
            "not_json",
            f"the server answered 200 with {describe_body(body)}, not a JSON chat completion",
            fatal=True,
        )
    choices = getattr(completion, "choices", None)
    if not choices:
        extra = getattr(completion, "model_extra", None) or {}
        if extra.get("prompt_filter_results") or extra.get("prompt_annotations"):
            raise Unanswered("content_filter", "the provider's content filter withheld the answer (no choices were returned)")
        raise Unanswered("no_choices", "the server answered with no choices (no answer at all)")
    choice = choices[0]
    message = getattr(choice, "message", None)
    finish = getattr(choice, "finish_reason", None)
    if finish == "content_filter":
        raise Unanswered("content_filter", "the answer was filtered by the provider's content filter")
    if message is None:
        raise Unanswered("no_message", f"the server answered with an empty choice (no message; finish_reason {finish!r})")
    refusal = getattr(message, "refusal", None)
    if refusal:
        raise Unanswered("refusal", f"the model refused: {' '.join(str(refusal).split())[:200]}")


def json_objects(text: str) -> list[dict[str, Any]]:
    """Every top-level JSON object written in ``text``, in order (inside fences or prose alike)."""
    return [value for value, _end in _objects(text)]


def _objects(text: str) -> list[tuple[dict[str, Any], int]]:
    """Every top-level JSON object in ``text`` with the offset where it ends."""
    decoder = json.JSONDecoder()
    found: list[tuple[dict[str, Any], int]] = []
    budget = _WORK_PER_CHAR * len(text)
    index = text.find("{")
    while index != -1 and budget > 0:
        try:
            value, end = decoder.raw_decode(text, index)
        except (json.JSONDecodeError, RecursionError):
            budget -= len(text) - index
            index = text.find("{", index + 1)
            continue
        if isinstance(value, dict):
            found.append((value, end))
        index = text.find("{", end)
    return found


def _answer_like(value: dict[str, Any]) -> bool:
    unwrapped = unwrap(value)
    return isinstance(unwrapped, dict) and any(name in unwrapped for name in LISTS)


def split_reasoning(text: str) -> tuple[str, str]:
    """(reasoning, the rest) of a text: reasoning ends at the last ``</think>`` whether or not its
    opening tag is there (a chat template may pre-fill it); an unclosed ``<think>`` runs to the end."""
    closes = list(_THINK_CLOSE.finditer(text))
    if closes:
        return text[: closes[-1].start()], text[closes[-1].end() :]
    opened = _THINK_OPEN.search(text)
    if opened:
        return text[opened.end() :], text[: opened.start()]
    return "", text


def answer_in_text(text: str) -> tuple[dict[str, Any] | None, str | None]:
    """(the answer object in ``text``, None) or (None, why there is none).

    Of the JSON objects written in the text (in a fence, closed or not, or in prose), the last one
    shaped like an answer wins (drafts and examples come first, the answer last), else the last one.
    """
    stripped = text.strip()
    if stripped.startswith("{"):
        try:
            value = json.loads(stripped)
        except ValueError:
            value = None
        if isinstance(value, dict):
            return value, None
    objects = json_objects(text)
    if not objects:
        shown = " ".join(text.split())[:80]
        return None, (f"the answer held no JSON object ({shown!r})" if shown else "the answer was empty")
    answers = [value for value in objects if _answer_like(value)]
    return (answers or objects)[-1], None


def _field(message: Any, name: str) -> Any:
    value = getattr(message, name, None)
    if value is None:
        extra = getattr(message, "model_extra", None) or {}
        value = extra.get(name)
    return value


def _text(value: Any) -> str:
    if isinstance(value, list):  # content parts
        return "".join(part.get("text", "") for part in value if isinstance(part, dict))
    return value if isinstance(value, str) else ""


def concluding_answer(reasoning: str) -> dict[str, Any] | None:
    """The answer a reasoning text ends with (the whole text, or its last JSON object with nothing but
    a closing fence after it); drafts the reasoning goes on from are not answers."""
    answers = [(value, end) for value, end in _objects(reasoning) if _answer_like(value)]
    if not answers:
        return None
    value, end = answers[-1]
    return value if not reasoning[end:].strip().strip("`").strip() else None


def read_content(message: Any) -> Reading:
    """The answer in a message's text, after any reasoning; when nothing follows the reasoning, the
    answer-shaped object the reasoning ends with (``reasoning_content``, ``reasoning``, ``<think>``)."""
    reasoning, visible = split_reasoning(_text(_field(message, "content")))
    if visible.strip():
        return Reading(*answer_in_text(visible))
    sides = [_text(_field(message, name)) for name in REASONING_FIELDS] + [reasoning]
    for side in sides:
        final = concluding_answer(side)
        if final is not None:
            return Reading(final)
    if any(side.strip() for side in sides):
        return Reading(None, "the answer held only reasoning text, no JSON answer")
    return Reading(None, "the answer was empty")


def merge_parts(parts: list[dict[str, Any]]) -> dict[str, Any]:
    """One answer from answers split over several tool calls: lists joined (exact repeats once), the
    first non-null of every other field."""
    merged: dict[str, Any] = {}
    for part in parts:
        part = unwrap(part)
        if not isinstance(part, dict):
            continue
        for key, value in part.items():
            if key in LISTS and isinstance(value, list):
                items = merged.setdefault(key, [])
                items.extend(item for item in value if item not in items)
            elif merged.get(key) is None:
                merged[key] = value
    return merged


def read_tool_calls(message: Any) -> Reading | None:
    """The answer in a message's tool calls, every call merged; None when it has none."""
    calls = _field(message, "tool_calls") or []
    if not calls:
        function_call = _field(message, "function_call")
        calls = [type("Call", (), {"function": function_call})()] if function_call is not None else []
    if not calls:
        return None
    parts: list[dict[str, Any]] = []
    for number, call in enumerate(calls, 1):
        arguments = getattr(getattr(call, "function", None), "arguments", None)
        if isinstance(arguments, dict):
            parts.append(arguments)
            continue
        payload, problem = answer_in_text(split_reasoning(arguments or "")[1])
        if payload is None:
            which = f"tool call {number} of {len(calls)}" if len(calls) > 1 else "the tool call"
            return Reading(None, f"{which} held no JSON object in its arguments ({problem})")
        parts.append(payload)
    return Reading(parts[0] if len(parts) == 1 else merge_parts(parts))


def read_reply(completion: Any) -> Reading:
    """The answer in a chat completion: tool calls first (all of them), else the message's text.

    Raises Unanswered for a reply that holds no answer and would not on a re-ask.
    """
    check_completion(completion)
    message = completion.choices[0].message
    return read_tool_calls(message) or read_content(message)
