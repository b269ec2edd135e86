"""Spreadsheet tables from results records: events, officials and directives, one CSV file each.

Written as UTF-8 with a BOM so that Excel shows Vietnamese correctly, through the csv module so
that commas, quotes and line breaks inside a cell are quoted properly. Records are streamed: the
three files are written side by side, one record at a time.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from contextlib import ExitStack
from pathlib import Path

from summarizer.errors import OutputError
from summarizer.pipeline.records import is_error_record
from summarizer.schemas import EVENT_FIELDS

LIST_SEPARATOR = "; "
TABLES = ("events", "officials", "directives")

COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("article_id", *EVENT_FIELDS, "source"),
    "officials": ("article_id", "name", "titles", "source"),
    "directives": ("article_id", "issuer", "verb", "addressees", "content", "deadline", "source"),
}

# A cell starting with one of these is run as a formula by spreadsheet programs; article text is
# untrusted, so such a cell is prefixed with an apostrophe (shown as text, OWASP's advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_paths(output: Path) -> dict[str, Path]:
    """``out/results.csv`` or ``out/results.jsonl`` → ``out/results.officials.csv`` and its siblings."""
    stem = output.stem if output.suffix.lower() in (".csv", ".jsonl") else output.name
    return {table: output.with_name(f"{stem}.{table}.csv") for table in TABLES}


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def table_rows(record: dict) -> dict[str, list[list[str]]]:
    """The rows one extraction record contributes to each table (none for an error record)."""
    rows: dict[str, list[list[str]]] = {table: [] for table in TABLES}
    if is_error_record(record):
        return rows
    shared = {"article_id": record.get("article_id"), "source": record.get("source")}
    for table in TABLES:
        for item in record.get(table) or []:
            values = {**item, **shared}
            rows[table].append([_cell(values.get(column)) for column in COLUMNS[table]])
    return rows


def write_csv_tables(records: Iterable[dict], output: Path) -> dict[str, int]:
    """Write the three tables next to ``output``; returns the row count of each table.

    Each file is written under a temporary name and moved into place at the end, so a failed export
    never leaves a half table behind an older complete one.
    """
    paths = csv_paths(output)
    counts = {table: 0 for table in TABLES}
    temporary = {table: path.with_name(path.name + ".part") for table, path in paths.items()}
    try:
        with ExitStack() as stack:
            writers = {}
            for table in TABLES:
                handle = stack.enter_context(temporary[table].open("w", encoding="utf-8-sig", newline=""))
                writers[table] = csv.writer(handle)
                writers[table].writerow(COLUMNS[table])
            for record in records:
                for table, rows in table_rows(record).items():
                    writers[table].writerows(rows)
                    counts[table] += len(rows)
        for table in TABLES:
            os.replace(temporary[table], paths[table])
    except OSError as exc:
        for path in temporary.values():
            path.unlink(missing_ok=True)
        raise OutputError(f"cannot write CSV: {exc.strerror or exc}", str(output)) from None
    return counts
