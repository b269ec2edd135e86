"""The chat-completions request body of each mode: how the answer's structure is asked for.

| mode          | what is sent                                                                         |
|---------------|--------------------------------------------------------------------------------------|
| ``tools``     | one function tool with the schema, forced by ``tool_choice``; ``parallel_tool_calls: false`` |
| ``json_schema`` | ``response_format: {"type": "json_schema", ...}``, ``strict`` where the server enforces it |
| ``json``      | ``response_format: {"type": "json_object"}`` and the schema in the system message      |
| ``md_json``   | no structured-output parameter: the schema in the system message, the answer in a fence |

The same body serves a live call and a Batch API line. The schema is the answer's of the prompt in
use (``Answer`` or ``answer_model(prompt.asks)``); everything constant (the schemas, the instruction
text) is built once per process and answer.
"""

from __future__ import annotations

import copy
import json
from functools import lru_cache
from typing import Any

from .validation import Answer

MODES: tuple[str, ...] = ("tools", "json_schema", "json", "md_json")
NAME = "ArticleExtraction"
_STRICT_DROPPED = frozenset({"minLength", "maxLength", "minProperties", "maxProperties", "uniqueItems"})


@lru_cache(maxsize=8)
def answer_schema(answer: type[Answer] = Answer) -> dict[str, Any]:
    """The compact schema of the model's answer (see validation.py)."""
    return answer.model_json_schema()


def strict_schema(node: Any) -> Any:
    """``node`` as OpenAI's strict structured outputs take it: every object closed
    (``additionalProperties: false``) with every property required (nullable ones stay nullable), and
    keywords strict mode refuses dropped (the answer is validated in full afterwards anyway)."""
    if isinstance(node, list):
        return [strict_schema(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: strict_schema(value) for key, value in node.items() if key not in _STRICT_DROPPED}
    if out.get("type") == "object" and isinstance(out.get("properties"), dict):
        out["additionalProperties"] = False
        out["required"] = list(out["properties"])
    return out


@lru_cache(maxsize=16)
def _schema(strict: bool, answer: type[Answer] = Answer) -> dict[str, Any]:
    """The schema a tool or response format carries: in strict mode, and for a lean answer, without the
    title and description the tool or format already names it by."""
    schema = answer_schema(answer)
    if strict or answer.lean:
        schema = {k: v for k, v in schema.items() if k not in {"title", "description"}}
    return strict_schema(schema) if strict else schema


def schema_for(strict: bool, answer: type[Answer] = Answer) -> dict[str, Any]:
    """A fresh copy of the schema sent (callers may not mutate the cached one)."""
    return copy.deepcopy(_schema(strict, answer))


@lru_cache(maxsize=8)
def schema_instruction(answer: type[Answer] = Answer) -> str:
    """What the json and md_json modes add to the system message."""
    schema = json.dumps(answer_schema(answer), ensure_ascii=False, separators=(",", ":"))
    return (
        "Answer with one JSON object, an instance of this JSON Schema (fill it from the article; do not "
        f"repeat the schema):\n{schema}"
    )


MD_JSON_REQUEST = "Return the JSON object in a ```json code block."


def _with_instruction(messages: list[dict[str, Any]], answer: type[Answer]) -> list[dict[str, Any]]:
    out = [dict(message) for message in messages]
    if out and out[0].get("role") == "system" and isinstance(out[0].get("content"), str):
        out[0]["content"] = f"{out[0]['content']}\n\n{schema_instruction(answer)}"
    else:
        out.insert(0, {"role": "system", "content": schema_instruction(answer)})
    return out


def build_body(
    mode: str,
    messages: list[dict[str, Any]],
    *,
    model: str,
    params: dict[str, Any],
    strict: bool = False,
    answer: type[Answer] = Answer,
) -> dict[str, Any]:
    """The request body for ``mode`` (one of MODES) asking for ``answer``'s schema; ``params`` are the
    generation parameters, as sent."""
    body: dict[str, Any] = {"model": model, **params}
    if mode == "tools":
        function = {"name": NAME, "description": (answer.__doc__ or "").strip(), "parameters": _schema(False, answer)}
        body["tools"] = [{"type": "function", "function": function}]
        body["tool_choice"] = {"type": "function", "function": {"name": NAME}}
        body["messages"] = [dict(m) for m in messages]
    elif mode == "json_schema":
        json_schema: dict[str, Any] = {"name": NAME, "schema": _schema(strict, answer)}
        if strict:
            json_schema["strict"] = True
        body["response_format"] = {"type": "json_schema", "json_schema": json_schema}
        body["messages"] = [dict(m) for m in messages]
    elif mode == "json":
        body["response_format"] = {"type": "json_object"}
        body["messages"] = _with_instruction(messages, answer)
    elif mode == "md_json":
        body["messages"] = [*_with_instruction(messages, answer), {"role": "user", "content": MD_JSON_REQUEST}]
    else:
        raise ValueError(f"unknown mode {mode!r}")
    if mode != "tools":
        body.pop("parallel_tool_calls", None)
    return body
