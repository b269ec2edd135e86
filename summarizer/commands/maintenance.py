"""``summarizer cache`` and ``summarizer schema``: the LLM cache and the contract's JSON Schema."""

from __future__ import annotations

import sys

from summarizer.errors import ExitStatus, say
from summarizer.schemas import SCHEMA_FILE, json_schema_text
from summarizer.store import clear_cache, print_stats


def cache_stats(*, as_json: bool) -> int:
    print_stats(as_json=as_json)
    return ExitStatus.OK


def cache_clear() -> int:
    say(f"removed {clear_cache()} cached responses")
    return ExitStatus.OK


def schema(*, check: bool) -> int:
    """Print the JSON Schema of the contract, or with ``check`` exit 1 when the exported file is stale."""
    text = json_schema_text()
    if check:
        current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
        if current != text:
            say(f"{SCHEMA_FILE} is stale: run python -m summarizer.schemas")
            return ExitStatus.SOME_FAILED
        return ExitStatus.OK
    sys.stdout.write(text)
    return ExitStatus.OK
