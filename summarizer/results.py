"""Results files written by ``summarizer batch``: one JSON record per line, an extraction or an error.

Both ``brief`` and the CSV export read them, and ``batch --resume`` re-reads its own output, so the
rules for recognising a results file and for tolerating a torn last line live here once.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from summarizer.errors import MalformedRecordError, SummarizerError, UnreadableError

_EXTRACTION_KEYS = ("events", "officials", "directives")


def is_error_record(record: dict) -> bool:
    return isinstance(record.get("error"), dict)


def is_results_record(record: object) -> bool:
    """An extraction record or an error record, as opposed to an article record (which has ``text``)."""
    if not isinstance(record, dict) or "text" in record:
        return False
    return any(key in record for key in _EXTRACTION_KEYS) or is_error_record(record)


def is_results_file(path: str | Path) -> bool:
    """A ``.jsonl`` file whose first record is a results record; never raises."""
    path = Path(path)
    if path.suffix.lower() != ".jsonl" or not path.is_file():
        return False
    try:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    return is_results_record(json.loads(line))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return False


def iter_results(path: str | Path) -> Iterator[dict | SummarizerError]:
    """Each record of a results file in order; a line that is not a JSON object is a typed error value.

    A torn last line (a run killed mid-write) is skipped silently: it is the one line a killed run
    may leave, and ``batch --resume`` redoes its article.
    """
    path = Path(path)
    try:
        handle = path.open(encoding="utf-8", errors="replace")
    except OSError as exc:
        yield UnreadableError(exc.strerror or str(exc), str(path))
        return
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except ValueError:
                if line.endswith("\n"):
                    yield MalformedRecordError(f"line {number} is not a JSON record", str(path))
                continue
            if not is_results_record(record):
                yield MalformedRecordError(f"line {number} is not an extraction or error record", str(path))
                continue
            yield record
