"""Turning files, folders, JSONL records and stdin into Articles.

Every input that cannot become an article is yielded as a typed InputError naming it (never raised
from ``iter_articles``), so a batch goes on past one bad file. Folders and JSONL files are streamed:
one article is in memory at a time.
"""

from __future__ import annotations

import codecs
import datetime as dt
import io
import itertools
import json
import logging
import os
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from summarizer.errors import (
    BinaryInputError,
    DecodeError,
    EmptyArticleError,
    InputError,
    MalformedRecordError,
    NotFoundError,
    UnreadableError,
    UnsupportedFormatError,
)
from summarizer.text.article import Article
from summarizer.text.normalize import nfc

TEXT_SUFFIXES = {".txt", ""}
HTML_SUFFIXES = {".html", ".htm"}
JSONL_SUFFIXES = {".jsonl"}
FOLDER_SUFFIXES = {".txt", ".html", ".htm", ".jsonl"}
TEXT_FIELDS = ("text", "content", "body")
ID_FIELDS = ("id", "article_id")
STDIN = "-"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\f\x0b\x1a") + b"\x7f"
_BINARY_SAMPLE = 8192
_BINARY_CONTROL_SHARE = 0.05
_PLAUSIBILITY_SAMPLE = 65536
_C0_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(r"\A\s*(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)
# A page whose extracted text has no line of this many words holds menus and labels, not an article.
_PROSE_WORDS = 8
_ISO_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?")

# trafilatura logs "discarding data" for pages without article text; that case is reported as a typed error.
logging.getLogger("trafilatura").addHandler(logging.NullHandler())


# --- decoding ----------------------------------------------------------------------------------


def _finish(text: str) -> str:
    """NFC, Windows line ends as \\n; nothing else changes (spaces and tone placement stay as written)."""
    return nfc(text.replace("\r\n", "\n"))


def _check_binary(data: bytes, source: str) -> None:
    if b"\x00" in data:
        raise BinaryInputError("binary file (contains NUL bytes), not text", source)
    sample = data[:_BINARY_SAMPLE]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if sample and controls / len(sample) > _BINARY_CONTROL_SHARE:
        raise BinaryInputError("binary file (many control bytes), not text", source)


def _looks_like_broken_utf8(data: bytes) -> bool:
    """Mostly valid UTF-8 with a few bad bytes: a damaged UTF-8 file, not a legacy encoding."""
    decoded = data.decode("utf-8", errors="replace")
    bad = decoded.count("\ufffd")
    good = sum(1 for ch in decoded[:_PLAUSIBILITY_SAMPLE] if ord(ch) > 127 and ch != "\ufffd")
    return good > bad


def _plausible_vietnamese(text: str) -> bool:
    """Whether a Windows-1258 decoding reads as text: no stray controls, mostly letters and spaces,
    mostly basic Latin letters, and every combining tone mark attached to a vowel."""
    if _C0_CONTROLS.search(text):
        return False
    sample = text[:_PLAUSIBILITY_SAMPLE]
    if not sample.strip():
        return True
    letters = sum(1 for ch in sample if ch.isalpha())
    spaces = sum(1 for ch in sample if ch.isspace())
    ascii_letters = sum(1 for ch in sample if ch.isascii() and ch.isalpha())
    loose_marks = sum(1 for ch in sample if unicodedata.category(ch) == "Mn")
    return (
        (letters + spaces) / len(sample) >= 0.7
        and letters > 0
        and ascii_letters / letters >= 0.4
        and loose_marks <= 0.01 * letters
    )


def decode_bytes(data: bytes, source: str) -> str:
    """Decode file bytes: a BOM names the codec; else strict UTF-8; else Windows-1258 if it reads as text."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return _finish(data.decode(codec))
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {codec.upper()} at byte {exc.start}", source) from None
    _check_binary(data, source)
    try:
        return _finish(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if not _looks_like_broken_utf8(data):
        try:
            text = _finish(data.decode("cp1258"))
        except UnicodeDecodeError:
            text = None
        if text is not None and _plausible_vietnamese(text):
            return text
    raise DecodeError(
        f"not UTF-8 (invalid byte 0x{data[utf8_error.start]:02x} at offset {utf8_error.start}) "
        "and not readable as Windows-1258",
        source,
    )


def decode_html(data: bytes, source: str) -> str:
    """Decode an HTML page, trusting a BOM first, then its ``<meta charset>``, then the text strategy."""
    if not any(data.startswith(bom) for bom, _ in _BOMS):
        match = _META_CHARSET.search(data[:4096])
        if match:
            try:
                codec = codecs.lookup(match.group(1).decode("ascii")).name
            except LookupError:
                codec = None
            if codec and not codec.startswith(("utf-16", "utf-32")):
                try:
                    return _finish(data.decode(codec))
                except UnicodeDecodeError:
                    pass
    return decode_bytes(data, source)


# --- building articles -------------------------------------------------------------------------


def article_from_text(text: str, *, article_id: str = "text", source: str = "<text>") -> Article:
    """An article from a string already in memory (NFC, \\r\\n → \\n)."""
    text = _finish(text)
    if not text.strip():
        raise EmptyArticleError("no text (empty or whitespace only)", source)
    return Article(id=article_id, text=text, source=source)


def article_from_html(html: str, *, article_id: str, source: str) -> Article:
    """The main article of a portal page (trafilatura), with its title and publication date if found."""
    import trafilatura

    # Precision mode, because trafilatura's recall fallbacks turn a navigation-only page into a list of
    # menu items; tables off, because old portals lay the whole page out in one table and trafilatura
    # would flatten the article into a single table row.
    document = trafilatura.bare_extraction(
        html,
        output_format="python",
        with_metadata=True,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
    )
    body = _finish(document.text or "") if document is not None else ""
    if not any(len(line.split()) >= _PROSE_WORDS for line in body.splitlines()):
        raise EmptyArticleError("no article text found in the page (navigation only?)", source)
    meta = {"format": "html"}
    if document.url:
        meta["url"] = document.url
    return Article(
        id=article_id,
        text=body,
        source=source,
        published=_parse_date(document.date),
        title=_finish(document.title).strip() if document.title else None,
        meta=meta,
    )


def _parse_date(value: object) -> dt.date | None:
    if not isinstance(value, str):
        return None
    match = _ISO_DATE.fullmatch(value.strip())
    if not match:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise NotFoundError("no such file", str(path)) from None
    except PermissionError:
        raise UnreadableError("permission denied", str(path)) from None
    except IsADirectoryError:
        raise UnreadableError("is a folder, not a file", str(path)) from None
    except OSError as exc:
        raise UnreadableError(f"cannot read: {exc.strerror or exc}", str(path)) from None


def _article_from_document(data: bytes, *, article_id: str, source: str, html: bool) -> Article:
    if html:
        return article_from_html(decode_html(data, source), article_id=article_id, source=source)
    return article_from_text(decode_bytes(data, source), article_id=article_id, source=source)


def read_article(path: str | Path) -> Article:
    """One .txt or .html file as an Article; raises the typed InputError naming the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if path.is_dir():
        raise UnreadableError("is a folder, not a file", str(path))
    if suffix in JSONL_SUFFIXES:
        raise UnsupportedFormatError("a .jsonl file holds many articles: read it with iter_articles", str(path))
    if suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
        raise UnsupportedFormatError(
            f"unsupported file type {suffix!r} (use .txt, .html, .htm or .jsonl)", str(path)
        )
    data = _read_bytes(path)
    return _article_from_document(data, article_id=path.stem, source=str(path), html=suffix in HTML_SUFFIXES)


# --- JSONL -------------------------------------------------------------------------------------


def _record_article(record: object, *, default_id: str, source: str) -> Article:
    if not isinstance(record, dict):
        raise MalformedRecordError("record is not a JSON object", source)
    record_id = next(
        (
            str(record[k])
            for k in ID_FIELDS
            if isinstance(record.get(k), (str, int)) and not isinstance(record[k], bool) and str(record[k]).strip()
        ),
        default_id,
    )
    published = record.get("published")
    if published is not None and _parse_date(published) is None:
        raise MalformedRecordError(f"published is not an ISO date: {published!r}", source)
    text = next((record[k] for k in TEXT_FIELDS if isinstance(record.get(k), str)), None)
    if text is not None:
        article = article_from_text(text, article_id=record_id, source=source)
    elif isinstance(record.get("html"), str):
        article = article_from_html(record["html"], article_id=record_id, source=source)
    else:
        raise MalformedRecordError("record has no text field (text, content, body or html)", source)
    title = record.get("title")
    meta = dict(article.meta) | {"format": "jsonl"}
    if isinstance(record.get("url"), str):
        meta["url"] = record["url"]
    return Article(
        id=record_id,
        text=article.text,
        source=source,
        published=_parse_date(published) or article.published,
        title=_finish(title).strip() if isinstance(title, str) and title.strip() else article.title,
        meta=meta,
    )


def _iter_jsonl_lines(lines: Iterable[bytes], *, stem: str, source: str) -> Iterator[Article | InputError]:
    """One Article or error per non-empty line; ``source:LINE`` names each record."""
    records = 0
    for number, raw in enumerate(lines, start=1):
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
        line_source = f"{source}:{number}"
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield DecodeError(f"line is not UTF-8 (byte {exc.start})", line_source)
            continue
        if not line.strip():
            continue
        records += 1
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield MalformedRecordError(f"not valid JSON ({exc.msg}, column {exc.colno})", line_source)
            continue
        try:
            yield _record_article(record, default_id=f"{stem}:{number}", source=line_source)
        except InputError as exc:
            yield exc
    if not records:
        yield EmptyArticleError("no records (empty JSONL)", source)


def _iter_jsonl_file(path: Path) -> Iterator[Article | InputError]:
    try:
        handle: BinaryIO = open(path, "rb")
    except PermissionError:
        yield UnreadableError("permission denied", str(path))
        return
    except OSError as exc:
        yield UnreadableError(f"cannot read: {exc.strerror or exc}", str(path))
        return
    with handle:
        head = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
        codec = next((c for bom, c in _BOMS if head.startswith(bom) and c.startswith("utf-")), None)
        lines: Iterable[bytes] = handle
        if codec in ("utf-16", "utf-32"):
            lines = (line.encode("utf-8") for line in io.TextIOWrapper(handle, encoding=codec, newline=""))
        try:
            yield from _iter_jsonl_lines(lines, stem=path.stem, source=str(path))
        except UnicodeDecodeError as exc:
            yield DecodeError(f"invalid {codec.upper() if codec else 'text'} ({exc.reason})", str(path))
        except OSError as exc:
            yield UnreadableError(f"read failed: {exc.strerror or exc}", str(path))


# --- files, folders, stdin ---------------------------------------------------------------------


def _iter_file(path: Path) -> Iterator[Article | InputError]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from _iter_jsonl_file(path)
        return
    try:
        yield read_article(path)
    except InputError as exc:
        yield exc


def _iter_folder(folder: Path, seen: set[tuple[int, int]]) -> Iterator[Article | InputError]:
    """Depth-first in name order; hidden entries and other file types are skipped; symlink loops are cut."""
    try:
        info = folder.stat()
        key = (info.st_dev, info.st_ino)
        if key in seen:
            return
        seen.add(key)
        with os.scandir(folder) as listing:
            entries = sorted(((e.name, e.is_dir()) for e in listing if not e.name.startswith(".")))
    except PermissionError:
        yield UnreadableError("cannot list folder: permission denied", str(folder))
        return
    except OSError as exc:
        yield UnreadableError(f"cannot list folder: {exc.strerror or exc}", str(folder))
        return
    for name, is_dir in entries:
        child = folder / name
        if is_dir:
            yield from _iter_folder(child, seen)
        elif child.suffix.lower() in FOLDER_SUFFIXES:
            yield from _iter_file(child)


def _stdin_binary() -> BinaryIO:
    stream = sys.stdin
    if stream is None:
        return io.BytesIO()
    buffer = getattr(stream, "buffer", None)
    if buffer is not None:
        return buffer
    return io.BytesIO(stream.read().encode("utf-8"))


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line.lstrip(codecs.BOM_UTF8).decode("utf-8")), dict)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False


def _iter_stdin() -> Iterator[Article | InputError]:
    """JSONL when the first non-empty line is a JSON object (then streamed, so a bad later line is
    reported as that line, as for a file); otherwise one article, HTML if it starts like a page."""
    source = "<stdin>"
    stream = _stdin_binary()
    head: list[bytes] = []
    try:
        for raw in stream:
            head.append(raw)
            if raw.strip():
                break
        if head and _is_json_object(head[-1]):
            yield from _iter_jsonl_lines(itertools.chain(head, stream), stem="stdin", source=source)
            return
        data = b"".join(head) + stream.read()
    except OSError as exc:
        yield UnreadableError(f"cannot read: {exc.strerror or exc}", source)
        return
    try:
        text = decode_bytes(data, source)
        if _HTML_START.match(text):
            yield article_from_html(text, article_id="stdin", source=source)
        else:
            yield article_from_text(text, article_id="stdin", source=source)
    except InputError as exc:
        yield exc


def iter_articles(inputs: list[str | Path]) -> Iterator[Article | InputError]:
    """Every article of every input, in order; an input that cannot become one is yielded as its error."""
    for item in inputs:
        if str(item) == STDIN:
            yield from _iter_stdin()
            continue
        path = Path(item)
        try:
            exists, is_dir = path.exists(), path.is_dir()
        except OSError as exc:
            yield UnreadableError(f"cannot access: {exc.strerror or exc}", str(path))
            continue
        if not exists:
            yield NotFoundError("no such file or folder", str(path))
        elif is_dir:
            found = False
            for result in _iter_folder(path, set()):
                found = True
                yield result
            if not found:
                yield NotFoundError("no .txt, .html, .htm or .jsonl files in this folder", str(path))
        else:
            yield from _iter_file(path)
