"""Spreadsheet tables from results records: events, officials and directives, one CSV file each.

``-o x.csv`` writes the events to ``x.csv`` and the other tables beside it, ``x.officials.csv`` and
``x.directives.csv``. Every row names its article by headline, publication date and link; events
carry their own days, purpose and decisions, officials and directives the days of their article's
gatherings (``event_dates``). With ``lang="vi"`` headers and the contract's values (kinds, session
types, decision kinds) are in Vietnamese; levels already are, dates stay ISO ``YYYY-MM-DD`` so that
they sort.

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

from summarizer.errors import ConfigError, OutputError
from summarizer.language.labels import DECISION_KIND_WORDS, EVENT_KIND_WORDS, SESSION_TYPE_WORDS
from summarizer.pipeline.records import is_error_record
from summarizer.schemas import EVENT_FIELDS

LIST_SEPARATOR = "; "
TABLES = ("events", "officials", "directives")
LANGUAGES = ("en", "vi")

_ARTICLE = ("article_id", "headline", "published")
_LINKS = ("source", "url", "publisher")
COLUMNS: dict[str, tuple[str, ...]] = {
    "events": (*_ARTICLE, *EVENT_FIELDS, "title", "purpose", "decisions", *_LINKS),
    "officials": (*_ARTICLE, "event_dates", "name", "titles", *_LINKS),
    "directives": (*_ARTICLE, "event_dates", "issuer", "verb", "addressees", "content", "deadline", *_LINKS),
}
VIETNAMESE_HEADERS = {
    "article_id": "mã bài",
    "headline": "tiêu đề bài",
    "published": "ngày đăng",
    "kind": "loại",
    "organ": "cơ quan",
    "level": "cấp",
    "locality": "địa phương",
    "session_number": "kỳ họp thứ",
    "term": "khóa",
    "term_period": "nhiệm kỳ",
    "session_type": "loại kỳ họp",
    "start_date": "ngày bắt đầu",
    "end_date": "ngày kết thúc",
    "chairs": "chủ trì, chủ tọa",
    "resolutions_passed": "số nghị quyết thông qua",
    "title": "tên hoạt động",
    "purpose": "nội dung",
    "decisions": "quyết định",
    "event_dates": "ngày hoạt động",
    "name": "họ tên",
    "titles": "chức vụ",
    "issuer": "người chỉ đạo",
    "verb": "động từ chỉ đạo",
    "addressees": "đối tượng",
    "content": "nội dung chỉ đạo",
    "deadline": "hạn",
    "source": "tệp nguồn",
    "url": "đường dẫn",
    "publisher": "trang tin",
}
_VIETNAMESE_VALUES = {"kind": EVENT_KIND_WORDS, "session_type": SESSION_TYPE_WORDS}

# A cell starting with one of these is run as a formula by spreadsheet programs; article text is
# untrusted, so such a cell is prefixed with an apostrophe (shown as text, OWASP's advice).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_paths(output: Path) -> dict[str, Path]:
    """``out/x.csv`` or ``out/x.jsonl`` → events in ``out/x.csv``, the others in ``out/x.officials.csv``
    and ``out/x.directives.csv``."""
    stem = output.stem if output.suffix.lower() in (".csv", ".jsonl") else output.name
    return {table: output.with_name(f"{stem}.csv" if table == "events" else f"{stem}.{table}.csv") for table in TABLES}


def check_lang(lang: str) -> str:
    """``lang`` in lower case when it is one the tables are written in; a usage error naming ``--lang`` otherwise."""
    if lang.lower() not in LANGUAGES:
        raise ConfigError(f"unknown language {lang!r}; choose en or vi", "--lang")
    return lang.lower()


def headers(table: str, lang: str = "en") -> list[str]:
    """The header row of a table: the field names, or their Vietnamese names with ``lang="vi"``."""
    return [VIETNAMESE_HEADERS[column] if lang == "vi" else column for column in COLUMNS[table]]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = LIST_SEPARATOR.join(str(item) for item in value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _decision(decision: dict, lang: str) -> str:
    """``election: bầu … (Từ Thái Giang, Phó Chủ tịch HĐND tỉnh)``: the kind, the text as written, the person and post."""
    kind = str(decision.get("kind") or "other")
    kind = DECISION_KIND_WORDS.get(kind, kind) if lang == "vi" else kind
    who = ", ".join(str(part) for part in (decision.get("person"), decision.get("post")) if part)
    return f"{kind}: {decision.get('text') or ''}" + (f" ({who})" if who else "")


def _days(event: dict) -> str | None:
    """An event's days: ``2024-12-12/2024-12-13`` (ISO 8601 interval), one day, or None."""
    start, end = event.get("start_date"), event.get("end_date")
    if start and end and start != end:
        return f"{start}/{end}"
    return start or end


def _event_values(event: dict, lang: str) -> dict:
    values = dict(event)
    values["decisions"] = [_decision(d, lang) for d in event.get("decisions") or [] if isinstance(d, dict)]
    if lang == "vi":
        for column, words in _VIETNAMESE_VALUES.items():
            values[column] = words.get(values.get(column) or "", values.get(column))
    return values


def table_rows(record: dict, lang: str = "en") -> dict[str, list[list[str]]]:
    """The rows one extraction record contributes to each table (none for an error record)."""
    rows: dict[str, list[list[str]]] = {table: [] for table in TABLES}
    if is_error_record(record):
        return rows
    events = [event for event in record.get("events") or [] if isinstance(event, dict)]
    dates = [days for days in dict.fromkeys(_days(event) for event in events) if days]
    shared = {name: record.get(name) for name in (*_ARTICLE, *_LINKS)} | {"event_dates": dates}
    for table in TABLES:
        for item in record.get(table) or []:
            if not isinstance(item, dict):
                continue
            values = {**(_event_values(item, lang) if table == "events" else item), **shared}
            rows[table].append([_cell(values.get(column)) for column in COLUMNS[table]])
    return rows


def write_csv_tables(records: Iterable[dict], output: Path, lang: str = "en") -> dict[str, int]:
    """Write the three tables at ``output`` and beside it; returns the row count of each table.

    Each file is written under a temporary name and moved into place at the end, so a failed export
    never leaves a half table behind an older complete one.
    """
    lang = check_lang(lang)
    paths = csv_paths(output)
    counts = {table: 0 for table in TABLES}
    temporary = {table: path.with_name(path.name + ".part") for table, path in paths.items()}
    try:
        with ExitStack() as stack:
            writers = {}
            for table in TABLES:
                handle = stack.enter_context(temporary[table].open("w", encoding="utf-8-sig", newline=""))
                writers[table] = csv.writer(handle)
                writers[table].writerow(headers(table, lang))
            for record in records:
                for table, rows in table_rows(record, lang).items():
                    writers[table].writerows(rows)
                    counts[table] += len(rows)
        for table in TABLES:
            os.replace(temporary[table], paths[table])
    except OSError as exc:
        for path in temporary.values():
            path.unlink(missing_ok=True)
        raise OutputError(f"cannot write CSV: {exc.strerror or exc}", str(output)) from None
    return counts
