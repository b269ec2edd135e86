"""The extraction contract: gold files validate unchanged and the exported JSON Schema stays in step."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from summarizer.schemas import SCHEMA_FILE, ArticleExtraction, Event, Span, dump_extraction, json_schema_text

from .conftest import EVALS, GOLD

OPTIONAL_WHEN_EMPTY = ("purpose", "decisions")


def without_empty_optional(data: dict) -> dict:
    """A gold file as the tool writes it: an event's purpose and decisions are left out when empty."""
    events = [{k: v for k, v in e.items() if not (k in OPTIONAL_WHEN_EMPTY and v in (None, []))} for e in data["events"]]
    return {**data, "events": events}


@pytest.mark.parametrize("path", sorted((EVALS / "gold").glob("*.json")), ids=lambda p: p.stem)
def test_every_gold_file_validates_and_round_trips_unchanged(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(dump_extraction(ArticleExtraction.model_validate(data))) == without_empty_optional(data)


def test_gold_returned_verbatim_as_model_json_is_accepted():
    raw = next(iter(sorted(GOLD.glob("*.json")))).read_text(encoding="utf-8")
    assert ArticleExtraction.model_validate_json(raw).events[0].kind == "session"


def test_exported_json_schema_matches_the_models():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == json_schema_text(), (
        "schemas/article_extraction.schema.json is stale: run `python -m summarizer.schemas`"
    )


def test_unknown_keys_from_a_model_are_tolerated():
    data = {"events": [{"kind": "meeting", "organ": "UBND", "confidence": 0.9}], "note": "x"}
    assert ArticleExtraction.model_validate(data).events[0].organ == "UBND"


def test_output_is_not_ascii_escaped():
    text = dump_extraction(ArticleExtraction(events=[Event(kind="session", organ="HĐND", locality="Bắc Ninh")]))
    assert "HĐND" in text and "\\u" not in text


def test_optional_fields_are_left_out_when_empty_but_contract_nulls_stay():
    data = json.loads(dump_extraction(ArticleExtraction(events=[Event(kind="session")])))
    assert data["published"] is None and data["events"][0]["term"] is None
    assert "evidence" not in data["events"][0] and "provenance" not in data


@pytest.mark.parametrize(
    "event",
    [
        {"kind": "kỳ họp"},
        {"kind": "session", "level": "tinh"},
        {"kind": "session", "term_period": "2021 - 2026"},
        {"kind": "session", "start_date": "13/12/2024"},
        {"kind": "session", "start_date": "2024-12-13", "end_date": "2024-12-12"},
        {"kind": "session", "session_number": 0},
    ],
)
def test_values_outside_the_contract_are_rejected(event):
    with pytest.raises(ValidationError):
        Event.model_validate(event)


def test_span_end_before_start_is_rejected():
    with pytest.raises(ValidationError):
        Span(start=10, end=4, text="")
