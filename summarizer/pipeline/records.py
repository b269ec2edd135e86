"""The record of one input in a results file: its extraction, or the error that stopped it.

Every record names its input three ways: ``article_id`` (unique in the run), ``source`` (as the
user gave it, for people) and ``source_key`` (the input's identity, for resume), and carries the
``content_hash`` of its text and the ``settings_hash`` of the backend settings that made it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from summarizer.errors import BackendError, FatalBackendError, SummarizerError
from summarizer.extract import extract_article
from summarizer.language.headlines import text_headline
from summarizer.schemas import ArticleExtraction, extraction_to_dict
from summarizer.text.article import Article

Record = dict[str, Any]


@dataclass(frozen=True)
class Kept:
    """An input a resume found already done: its old results line, written again in its place."""

    line: bytes
    source: str
EXTRACTION_KEYS = ("events", "officials", "directives")


def printable(text: str) -> str:
    """``text`` made safe to write as UTF-8: undecodable file-name bytes as ``\\xNN``, lone surrogates as ``\\udNNN``."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _article_fields(article: Article, settings_hash: str | None) -> Record:
    fields: Record = {"source": printable(article.source), "source_key": printable(article.identity), "content_hash": article.content_hash}
    headline = article.title or text_headline(article.clean)
    if headline:
        fields["headline"] = headline
    for name in ("url", "sitename", "publisher"):
        if article.meta.get(name):
            fields["publisher" if name == "sitename" else name] = article.meta[name]
    if settings_hash:
        fields["settings_hash"] = settings_hash
    return fields


def success_record(article: Article, extraction: ArticleExtraction, settings_hash: str | None = None) -> Record:
    """The extraction as written to the results file, with where it came from."""
    record = extraction_to_dict(extraction)
    record.update(_article_fields(article, settings_hash))
    return record


def error_record(error: SummarizerError, article: Article | None = None, settings_hash: str | None = None) -> Record:
    """An input that could not be processed: enough to find it again and to know why."""
    if article is not None:
        record: Record = {"article_id": printable(article.id), **_article_fields(article, settings_hash)}
    else:
        source = printable(error.source) if error.source else None
        given = printable(error.article_id) if error.article_id else None
        record = {"article_id": given or _id_of_source(source), "source": source, "source_key": _key_of_source(source)}
    record["error"] = {"kind": error.kind, "message": printable(error.message)}
    return record


def _key_of_source(source: str | None) -> str | None:
    """The identity of an input that never became an article, as an article's would read: a file by its
    absolute path (a JSONL line with its number after it); a URL or stdin as given."""
    if not source or "://" in source or source.startswith("<"):
        return source
    path, _, line = source.rpartition(":")
    if line.isdigit() and path and path.lower().endswith(".jsonl"):
        return f"{os.path.abspath(path)}:{line}"
    return os.path.abspath(source)


def _id_of_source(source: str | None) -> str | None:
    """An id for an input that never became an article: its file stem (with the JSONL line)."""
    if not source:
        return None
    path, _, line = source.rpartition(":")
    if line.isdigit() and path:
        return f"{Path(path).stem}:{line}"
    return Path(source).stem or source


def extract_record(article: Article, backend: Any, settings_hash: str | None = None) -> Record:
    """One article to one record; every failure becomes an error record, except a FatalBackendError,
    which stops the run (it would fail every article)."""
    try:
        return success_record(article, extract_article(article, backend), settings_hash)
    except FatalBackendError:
        raise
    except SummarizerError as exc:
        if exc.source is None:
            exc.source = article.source
        return error_record(exc, article, settings_hash)
    except Exception as exc:  # a bug in a backend must cost one article, not the run
        return error_record(BackendError(f"internal error: {type(exc).__name__}: {exc}", article.source), article, settings_hash)


def is_error_record(record: Record) -> bool:
    return isinstance(record.get("error"), dict)


def is_results_record(record: object) -> bool:
    """An extraction record or an error record, as opposed to an article record (which has ``text``)."""
    if not isinstance(record, dict) or "text" in record:
        return False
    return any(key in record for key in EXTRACTION_KEYS) or is_error_record(record)


def fell_back(record: Record) -> bool:
    """Whether another backend answered for the one asked (provenance ``llm→regex``)."""
    provenance = record.get("provenance") or {}
    return bool(provenance.get("fallback_reason")) or "→" in str(provenance.get("backend") or "")


def dumps(record: Record) -> str:
    """One results line (no newline): JSON, UTF-8 as written, every string writable."""
    try:
        line = json.dumps(record, ensure_ascii=False)
        line.encode("utf-8")
        return line
    except UnicodeEncodeError:
        return json.dumps(_printable_all(record), ensure_ascii=False)


def _printable_all(value: Any) -> Any:
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable(str(k)): _printable_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable_all(v) for v in value]
    return value
