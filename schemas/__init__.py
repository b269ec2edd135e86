"""The extraction contract (installed as ``summarizer.schemas``)."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

from .extraction import (
    DECISION_KINDS,
    EVENT_FIELDS,
    EVENT_KINDS,
    LEVELS,
    SESSION_TYPES,
    ArticleExtraction,
    Decision,
    Directive,
    Event,
    Official,
    Provenance,
    Span,
)

SCHEMA_FILE = Path(__file__).with_name("article_extraction.schema.json")


def json_schema() -> dict:
    """The JSON Schema of ArticleExtraction: what the LLM sees and what the export file holds."""
    return ArticleExtraction.model_json_schema()


def json_schema_text() -> str:
    return json.dumps(json_schema(), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


@cache
def schema_hash() -> str:
    """Short hash of the schema, recorded in provenance so results from different contracts are not mixed."""
    return hashlib.sha256(json_schema_text().encode("utf-8")).hexdigest()[:16]


def export_schema(path: Path = SCHEMA_FILE) -> Path:
    path.write_text(json_schema_text(), encoding="utf-8")
    return path


__all__ = [
    "DECISION_KINDS",
    "Decision",
    "EVENT_FIELDS",
    "EVENT_KINDS",
    "LEVELS",
    "SESSION_TYPES",
    "ArticleExtraction",
    "Directive",
    "Event",
    "Official",
    "Provenance",
    "Span",
    "SCHEMA_FILE",
    "json_schema",
    "json_schema_text",
    "schema_hash",
    "export_schema",
]


# Optional fields beyond the contract: omitted from output when empty, so outputs read like gold files.
_OPTIONAL_KEYS = {"title", "purpose", "decisions", "evidence", "name_evidence", "title_evidence", "summary", "provenance"}


def _prune(value: object) -> object:
    if isinstance(value, dict):
        return {
            k: _prune(v)
            for k, v in value.items()
            if not (k in _OPTIONAL_KEYS and (v is None or v == []))
        }
    if isinstance(value, list):
        return [_prune(v) for v in value]
    return value


def extraction_to_dict(extraction: ArticleExtraction) -> dict:
    """JSON-ready dict: every contract field present (nulls included), empty optional fields left out."""
    return _prune(extraction.model_dump(mode="json"))  # type: ignore[return-value]


def dump_extraction(extraction: ArticleExtraction, *, indent: int | None = 2) -> str:
    """UTF-8 JSON text, not ASCII-escaped, deterministic for the same extraction."""
    return json.dumps(extraction_to_dict(extraction), ensure_ascii=False, indent=indent)


__all__ += ["extraction_to_dict", "dump_extraction"]
