"""How real OpenAI-compatible servers and models shape an answer, for the fake server to answer with.

Each shape takes the answer the fake would give (an answer dict) and the request body, and returns
the completion a real server would send, or an HTTP error. The field reports they stand for:

| shape | what a real server or model sends |
|---|---|
| ``think`` | ``<think>…</think>`` reasoning, braces inside, then the JSON (DeepSeek-R1, Qwen3 via Ollama) |
| ``think_unopened`` | reasoning then ``</think>`` then the JSON: the chat template pre-filled ``<think>`` |
| ``think_fenced`` | reasoning with a fenced empty draft, ``</think>``, then a fenced answer |
| ``fenced`` / ``fenced_unclosed`` | the JSON in a ```json fence, closed or cut before its closing fence |
| ``prose_fenced`` / ``prose_json`` | a sentence of prose, then the fence or the bare JSON, then more prose |
| ``reasoning_content`` | ``content`` null, the answer in ``reasoning_content`` (vLLM's reasoning parser) |
| ``reasoning_field`` | ``content`` empty, the answer in ``reasoning`` (Ollama's OpenAI endpoint) |
| ``reasoning_only`` | reasoning text and no answer at all |
| ``wrapped_data`` / ``wrapped_title`` | the answer inside ``{"data": …}`` or ``{"ArticleExtraction": …}`` |
| ``schema_echo`` / ``empty_object`` | the JSON schema echoed back; ``{}`` (Ollama's format=json on a bad day) |
| ``split_tool_calls`` | the answer split over two tool calls (events and officials, then directives) |
| ``content_filter`` / ``no_choices`` / ``null_message`` | Azure's and Gemini's filtered answers |
| ``refusal`` | OpenAI's ``refusal`` field |
| ``truncated`` | the answer cut at the output token limit (``finish_reason: length``) |
| ``no_usage`` / ``null_usage`` / ``null_usage_fields`` | ``usage`` omitted, null, or with null counts |
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Callable
from typing import Any

THINK = 'Okay, the user wants JSON like {"published": null, "events": [], "officials": [], "directives": []}. Let me read the article.\n'
THINK_FENCED = (
    'The output format is:\n```json\n{"published": null, "events": [], "officials": [], "directives": []}\n```\n'
    "Now let me read the article.\n"
)
SCHEMA_ECHO = {
    "title": "ArticleExtraction",
    "type": "object",
    "properties": {"events": {"type": "array"}, "officials": {"type": "array"}, "directives": {"type": "array"}},
}
Message = dict[str, Any]


def completion(message: Message | None, body: dict[str, Any], *, finish: str = "stop", usage: Any = "count") -> dict[str, Any]:
    """A chat.completion around one assistant message (None: a choice without a message)."""
    text = json.dumps(message, ensure_ascii=False) if message else ""
    prompt_tokens = sum(len(str(m.get("content") or "")) for m in body.get("messages", [])) // 4
    completion_tokens = max(1, len(text) // 4)
    out: dict[str, Any] = {
        "id": f"chatcmpl-{uuid.uuid4().hex[:12]}",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "fake"),
        "choices": [{
            "index": 0,
            "message": None if message is None else {"role": "assistant", **message},
            "finish_reason": finish,
            "logprobs": None,
        }],
    }
    if usage == "count":
        out["usage"] = {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
                        "total_tokens": prompt_tokens + completion_tokens}
    elif usage != "omit":
        out["usage"] = usage
    return out


def plain_message(answer: dict[str, Any], body: dict[str, Any], *, think: str = "") -> Message:
    """What a well-behaved server sends for ``body``'s mode: a tool call, JSON content, or a fence."""
    text = json.dumps(answer, ensure_ascii=False)
    if body.get("tools"):
        return {"content": think or None, "tool_calls": [tool_call(text, body)]}
    if body.get("response_format"):
        return {"content": think + text}
    return {"content": f"{think}Here is the extraction.\n```json\n{text}\n```"}


def tool_call(arguments: str, body: dict[str, Any]) -> dict[str, Any]:
    name = body["tools"][0]["function"]["name"] if body.get("tools") else "ArticleExtraction"
    return {"id": f"call_{uuid.uuid4().hex[:8]}", "type": "function", "function": {"name": name, "arguments": arguments}}


def _content(text: str, body: dict[str, Any]) -> Message:
    """An answer in ``content`` whatever the mode (a server that ignores tool_choice answers in text)."""
    return {"content": text}


def _split(answer: dict[str, Any], body: dict[str, Any]) -> Message:
    first = {**answer, "directives": []}
    second = {"published": None, "events": [], "officials": [], "directives": answer.get("directives", [])}
    calls = [tool_call(json.dumps(part, ensure_ascii=False), body) for part in (first, second)]
    return {"content": None, "tool_calls": calls}


def _as_message(payload: Any, body: dict[str, Any]) -> Message:
    return plain_message(payload, body) if isinstance(payload, dict) else _content(str(payload), body)


_J = lambda a: json.dumps(a, ensure_ascii=False)  # noqa: E731

# shape → (answer, body) → assistant message
MESSAGES: dict[str, Callable[[dict[str, Any], dict[str, Any]], Message]] = {
    "think": lambda a, b: plain_message(a, b, think=f"<think>\n{THINK}</think>\n\n"),
    "think_unopened": lambda a, b: _content(f"{THINK}</think>\n\n{_J(a)}", b),
    "think_fenced": lambda a, b: _content(f"{THINK_FENCED}</think>\n\n```json\n{_J(a)}\n```", b),
    "fenced": lambda a, b: _content(f"```json\n{_J(a)}\n```", b),
    "fenced_unclosed": lambda a, b: _content(f"```json\n{_J(a)}\n", b),
    "prose_fenced": lambda a, b: _content(f"Here is the extraction:\n\n```json\n{_J(a)}\n```\nLet me know if you need more.", b),
    "prose_json": lambda a, b: _content(f"Here is the extraction:\n{_J(a)}\nI hope this helps.", b),
    "reasoning_content": lambda a, b: {"content": None, "reasoning_content": _J(a)},
    "reasoning_field": lambda a, b: {"content": "", "reasoning": _J(a)},
    "reasoning_only": lambda a, b: {"content": f"<think>\n{THINK}The article names a session and"},
    "wrapped_data": lambda a, b: _as_message({"data": a}, b),
    "wrapped_title": lambda a, b: _as_message({"ArticleExtraction": a}, b),
    "schema_echo": lambda a, b: _as_message(SCHEMA_ECHO, b),
    "empty_object": lambda a, b: _as_message({}, b),
    "split_tool_calls": _split,
    "refusal": lambda a, b: {"content": None, "refusal": "I can't help with that request."},
}
# shape → finish_reason, for shapes whose message is plain
FINISH = {"truncated": "length", "content_filter": "content_filter"}
USAGE = {"no_usage": "omit", "null_usage": None, "null_usage_fields": {"prompt_tokens": None, "completion_tokens": None, "total_tokens": None}}
SHAPES = frozenset(MESSAGES) | frozenset(FINISH) | frozenset(USAGE) | {"no_choices", "null_message"}


def shaped(shape: str | None, answer: dict[str, Any], body: dict[str, Any], *, think: bool = False) -> dict[str, Any]:
    """The completion for ``answer`` in ``shape`` (None: the mode's plain shape)."""
    if shape == "no_choices":
        filtered = [{"prompt_index": 0, "content_filter_results": {"hate": {"filtered": True, "severity": "high"}}}]
        return {"id": "", "object": "", "created": 0, "model": "", "choices": [], "prompt_filter_results": filtered}
    if shape == "null_message":
        return completion(None, body, finish="content_filter")
    if shape in MESSAGES:
        message = MESSAGES[shape](answer, body)
    else:
        message = plain_message(answer, body, think=f"<think>\n{THINK}</think>\n" if think else "")
    if shape == "truncated":
        for call in message.get("tool_calls") or []:
            call["function"]["arguments"] = call["function"]["arguments"][:120]
        if isinstance(message.get("content"), str):
            message["content"] = message["content"][:120]
    if shape == "content_filter":
        message = {"content": None}
    finish = FINISH.get(shape or "", "tool_calls" if message.get("tool_calls") else "stop")
    return completion(message, body, finish=finish, usage=USAGE.get(shape or "", "count"))
