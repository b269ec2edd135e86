"""Generation parameters as each model family takes them, and what to do when a server refuses one.

OpenAI's reasoning models (the o1, o3 and o4 families and gpt-5) take no ``temperature`` but their
default and want ``max_completion_tokens`` instead of ``max_tokens`` (OpenAI's error messages:
"Unsupported value: 'temperature' does not support 0 with this model", "Unsupported parameter:
'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead."). Other models
get ``temperature`` 0 unless the user sets one.

A name does not always say the family (an Azure deployment is named by its owner), so a 400 that
names a parameter is read once: a parameter the tool chose itself is dropped, ``max_tokens`` is
renamed, and the call is sent again, with one notice. A parameter the user set is never dropped
silently: that 400 stops the run and names the option to change.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

_REASONING_FAMILY = re.compile(r"^(?:o\d+(?:$|[-_.])|gpt-5)", re.I)
# Parameters a server may name in a 400, as they appear in its message or its error's ``param``.
KNOWN = ("max_completion_tokens", "max_tokens", "temperature", "parallel_tool_calls", "reasoning_effort", "seed", "top_p")
_NAMED = re.compile(r"\b(" + "|".join(KNOWN) + r")\b")
DEFAULT_TEMPERATURE = 0.0


def is_reasoning_model(model: str) -> bool:
    """gpt-5*, o1*, o3*, o4* (after any ``provider/`` prefix): no temperature, max_completion_tokens."""
    return bool(_REASONING_FAMILY.match(model.rsplit("/", 1)[-1]))


@dataclass
class Parameters:
    """The generation parameters sent with every request, and which of them the user set."""

    values: dict[str, Any] = field(default_factory=dict)
    given: frozenset[str] = frozenset()

    @classmethod
    def for_model(
        cls,
        model: str,
        *,
        temperature: float | None = None,
        max_tokens: int | None = None,
        seed: int | None = None,
        reasoning_effort: str | None = None,
        tools: bool = False,
    ) -> Parameters:
        """What to send to ``model``: the user's options in the family's names, and the tool's defaults."""
        reasoning = is_reasoning_model(model)
        values: dict[str, Any] = {}
        given: set[str] = set()
        if temperature is not None:
            values["temperature"] = temperature
            given.add("temperature")
        elif not reasoning:
            values["temperature"] = DEFAULT_TEMPERATURE
        if max_tokens:
            name = "max_completion_tokens" if reasoning else "max_tokens"
            values[name] = max_tokens
            given.add(name)
        if seed is not None:
            values["seed"] = seed
            given.add("seed")
        if reasoning_effort:
            values["reasoning_effort"] = reasoning_effort
            given.add("reasoning_effort")
        if tools:
            values["parallel_tool_calls"] = False
        return cls(values, frozenset(given))

    def adapted(self, named: str) -> tuple[Parameters, str] | None:
        """These parameters without (or with the right name for) the one a server refused, and the
        notice to show; None when it is the user's to change (or not sent at all)."""
        if named not in self.values:
            return None
        values = dict(self.values)
        if named == "max_tokens":
            values["max_completion_tokens"] = values.pop("max_tokens")
            given = (self.given - {"max_tokens"}) | {"max_completion_tokens"}
            return Parameters(values, given), "the server takes max_completion_tokens, not max_tokens: sending that"
        if named in self.given:
            return None
        del values[named]
        what = {"temperature": "temperature (the model's default is used)"}.get(named, named)
        return Parameters(values, self.given), f"the server does not take {what}: sending none"


def refused_parameter(message: str, param: str | None = None) -> str | None:
    """The parameter a 400 says the server does not take, from the error's ``param`` or its message."""
    if param in KNOWN:
        return param
    if not re.search(r"unsupported|not supported|unrecognized|unknown|not allowed|not permitted|does not support|invalid", message, re.I):
        return None
    found = _NAMED.findall(message)
    if "max_tokens" in found and "max_completion_tokens" in found:
        return "max_tokens"
    return found[0] if found else None

