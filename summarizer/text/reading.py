"""Turning inputs (files, folders, JSONL records, stdin) into Articles, bounded and in input order.

Every input that cannot become an article is yielded as a typed InputError naming it (never raised
from ``iter_articles``), so a run goes on past one bad file or record. Files are stat-ed before they
are read and never read past their byte limit; JSONL files and stdin are streamed line by line, so
one article is in memory at a time. Ids are unique within a run: a repeated id is reported and
the later article gets ``id~2``, ``id~3``….
"""

from __future__ import annotations

import codecs
import dataclasses
import io
import itertools
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from summarizer.errors import (
    DecodeError,
    EmptyArticleError,
    InputError,
    MalformedRecordError,
    NotFoundError,
    NotRegularFileError,
    TooLargeError,
    UnreadableError,
    UnsupportedFormatError,
    say,
)

from .article import MAX_ARTICLE_CHARS, MAX_PAGE_BYTES, MAX_TEXT_BYTES, Article
from .decoding import BOMS, decode_bytes, decode_html, finish_text, lone_surrogate_at, parse_record_date
from .html import article_from_html
from .sources import FileSource, Skip, StreamSource, UrlSource, kind_of, walk

TEXT_FIELDS = ("text", "content", "body")
ID_FIELDS = ("id", "article_id")
STDIN_SOURCE = "<stdin>"


# --- single articles ---------------------------------------------------------------------------


def article_from_text(text: str, *, article_id: str = "text", source: str = "<text>", key: str = "") -> Article:
    """An article from a string already in memory (NFC, \\r\\n → \\n); too long or empty is an InputError."""
    at = lone_surrogate_at(text)
    if at is not None:
        raise DecodeError(f"text holds a lone surrogate (U+{ord(text[at]):04X}) at character {at}, not valid Unicode", source)
    text = finish_text(text)
    if not text.strip():
        raise EmptyArticleError("no text (empty or whitespace only)", source)
    check_length(len(text), source)
    return Article(id=article_id, text=text, source=source, key=key)


def check_length(characters: int, source: str) -> None:
    if characters > MAX_ARTICLE_CHARS:
        raise TooLargeError(
            f"too long for one article ({characters:,} characters, the limit is {MAX_ARTICLE_CHARS:,}); "
            "split it into articles, e.g. one JSONL record each",
            source,
        )


def read_bounded(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes; stat first, never read past the limit."""
    source = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise NotFoundError("no such file", source) from None
    except PermissionError:
        raise UnreadableError("permission denied", source) from None
    except IsADirectoryError:
        raise UnreadableError("is a folder, not a file", source) from None
    except OSError as exc:
        raise UnreadableError(f"cannot read: {exc.strerror or exc}", source) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableError("is a folder, not a file", source)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError("not a regular file (a FIFO, socket or device)", source)
        if info.st_size > limit:
            raise TooLargeError(f"too large ({info.st_size:,} bytes, the limit is {limit:,})", source)
    except BaseException:
        os.close(fd)
        raise
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise UnreadableError(f"cannot read: {exc.strerror or exc}", source) from None
    if len(data) > limit:
        raise TooLargeError(f"too large (more than {limit:,} bytes)", source)
    return data


def _document(data: bytes, *, article_id: str, source: str, html: bool, key: str) -> Article:
    if html:
        article = article_from_html(decode_html(data, source), article_id=article_id, source=source, key=key)
        check_length(len(article.text), source)
        return article
    return article_from_text(decode_bytes(data, source), article_id=article_id, source=source, key=key)


def read_article(path: str | Path, *, article_id: str | None = None) -> Article:
    """One .txt or .html file as an Article; raises the typed InputError naming the file."""
    path = Path(path)
    kind = kind_of(path, given=True)
    if kind == "jsonl":
        raise UnsupportedFormatError("a .jsonl file holds many articles: read it with iter_articles", str(path))
    if kind is None:
        raise UnsupportedFormatError(f"unsupported type {path.suffix.lower()} (use .txt, .html, .htm or .jsonl)", str(path))
    html = kind == "html"
    data = read_bounded(path, MAX_PAGE_BYTES if html else MAX_TEXT_BYTES)
    return _document(data, article_id=article_id or path.stem, source=str(path), html=html, key=_path_key(path))


def _path_key(path: Path) -> str:
    return os.path.abspath(path)


# --- JSONL -------------------------------------------------------------------------------------


def _record_id(record: dict) -> str | None:
    for name in ID_FIELDS:
        value = record.get(name)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def _record_article(record: object, *, default_id: str, source: str, file_key: str) -> Article:
    if not isinstance(record, dict):
        raise MalformedRecordError("record is not a JSON object", source)
    given_id = _record_id(record)
    if given_id is not None and lone_surrogate_at(given_id) is not None:
        raise MalformedRecordError("id holds a lone surrogate, not valid Unicode", source)
    record_id = given_id or default_id
    key = f"{file_key}#{given_id}" if given_id else f"{file_key}:{default_id.rsplit(':', 1)[-1]}"
    published = record.get("published")
    if isinstance(published, str) and not published.strip():
        published = None  # ``"published": ""``: not known
    if published is not None and parse_record_date(published) is None:
        raise MalformedRecordError(f"published is not a date (2025-09-18 or 18/09/2025): {published!r}", source)
    text = next((record[k] for k in TEXT_FIELDS if isinstance(record.get(k), str)), None)
    if text is not None:
        article = article_from_text(text, article_id=record_id, source=source, key=key)
    elif isinstance(record.get("html"), str):
        html = record["html"]
        if lone_surrogate_at(html) is not None:
            raise DecodeError("html holds a lone surrogate, not valid Unicode", source)
        article = article_from_html(html, article_id=record_id, source=source, key=key)
        check_length(len(article.text), source)
    else:
        raise MalformedRecordError("record has no text field (text, content, body or html)", source)
    meta = dict(article.meta) | {"format": "jsonl"}
    for name in ("url", "publisher"):
        value = record.get(name)
        if isinstance(value, str) and value.strip() and lone_surrogate_at(value) is None:
            meta[name] = finish_text(value).strip()
    title = record.get("title")
    if not (isinstance(title, str) and title.strip() and lone_surrogate_at(title) is None):
        title = None
    return Article(
        id=record_id,
        text=article.text,
        source=source,
        published=parse_record_date(published) or article.published,
        title=finish_text(title).strip() if title else article.title,
        meta=meta,
        key=key,
    )


def _bounded_lines(handle: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """Lines of at most ``limit`` bytes; a longer line is skipped to its end and yielded as None."""
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = handle.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
            continue
        yield line


def _iter_jsonl_lines(lines: Iterable[bytes | None], *, id_base: str, source: str, file_key: str) -> Iterator[Article | InputError]:
    """One Article or error per non-empty line; ``source:LINE`` names each record."""
    records = 0
    for number, raw in enumerate(lines, start=1):
        line_source = f"{source}:{number}"
        if raw is None:
            records += 1
            yield TooLargeError(f"record longer than {MAX_TEXT_BYTES:,} bytes", line_source)
            continue
        if number == 1 and raw.startswith(codecs.BOM_UTF8):
            raw = raw[len(codecs.BOM_UTF8) :]
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
            yield _record_article(record, default_id=f"{id_base}:{number}", source=line_source, file_key=file_key)
        except InputError as exc:
            given = _record_id(record) if isinstance(record, dict) else None
            if given is not None and lone_surrogate_at(given) is None:
                exc.article_id = given  # the error record keeps the id the record gave itself
            yield exc
    if not records:
        yield EmptyArticleError("no records (empty JSONL)", source)


def _iter_jsonl_file(path: Path, id_base: str) -> Iterator[Article | InputError]:
    source = str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        handle: BinaryIO = os.fdopen(fd, "rb")
    except PermissionError:
        yield UnreadableError("permission denied", source)
        return
    except OSError as exc:
        yield UnreadableError(f"cannot read: {exc.strerror or exc}", source)
        return
    with handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            yield NotRegularFileError("not a regular file (a FIFO, socket or device)", source)
            return
        head = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
        codec = next((c for bom, c in BOMS if head.startswith(bom) and c.startswith("utf-")), None)
        lines: Iterable[bytes | None] = _bounded_lines(handle, MAX_TEXT_BYTES)
        if codec in ("utf-16", "utf-32"):
            text = io.TextIOWrapper(handle, encoding=codec, newline="")
            lines = (line.encode("utf-8") for line in iter(lambda: text.readline(MAX_TEXT_BYTES + 1), ""))
        try:
            yield from _iter_jsonl_lines(lines, id_base=id_base, source=source, file_key=_path_key(path))
        except UnicodeDecodeError as exc:
            yield DecodeError(f"invalid {codec.upper() if codec else 'text'} ({exc.reason})", source)
        except OSError as exc:
            yield UnreadableError(f"read failed: {exc.strerror or exc}", source)


# --- stdin ---------------------------------------------------------------------------------------


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


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<head", "<body"))


def _iter_stdin() -> Iterator[Article | InputError]:
    """JSONL when the first non-empty line is a JSON object (then streamed, so a bad later line is
    reported as that line, as for a file); otherwise one article, HTML if it starts like a page."""
    stream = _stdin_binary()
    lines = _bounded_lines(stream, MAX_TEXT_BYTES)
    head: list[bytes] = []
    try:
        for raw in lines:
            if raw is None:
                yield TooLargeError(f"too large (more than {MAX_TEXT_BYTES:,} bytes on one line)", STDIN_SOURCE)
                return
            head.append(raw)
            if raw.strip():
                break
        if head and _is_json_object(head[-1]):
            yield from _iter_jsonl_lines(itertools.chain(head, lines), id_base="stdin", source=STDIN_SOURCE, file_key=STDIN_SOURCE)
            return
        data = b"".join(head) + stream.read(MAX_PAGE_BYTES + 1 - sum(map(len, head)))
    except OSError as exc:
        yield UnreadableError(f"cannot read: {exc.strerror or exc}", STDIN_SOURCE)
        return
    if len(data) > MAX_PAGE_BYTES:
        yield TooLargeError(f"too large (more than {MAX_PAGE_BYTES:,} bytes)", STDIN_SOURCE)
        return
    try:
        text = decode_bytes(data, STDIN_SOURCE)
        if _looks_like_html(text):
            yield _document(data, article_id="stdin", source=STDIN_SOURCE, html=True, key=STDIN_SOURCE)
        else:
            yield article_from_text(text, article_id="stdin", source=STDIN_SOURCE, key=STDIN_SOURCE)
    except InputError as exc:
        yield exc


# --- every input -------------------------------------------------------------------------------


def _read_source(source: FileSource | StreamSource | UrlSource) -> Iterator[Article | InputError]:
    if isinstance(source, StreamSource):
        yield from _iter_stdin()
    elif isinstance(source, UrlSource):
        from .web import iter_url  # urllib3 and feedparser load only when a URL is given

        yield from iter_url(source.url)
    elif source.kind == "jsonl":
        yield from _iter_jsonl_file(source.path, source.id_base)
    else:
        try:
            yield read_article(source.path, article_id=source.id_base)
        except InputError as exc:
            yield exc


def iter_articles(
    inputs: Iterable[str | Path], *, exclude: Iterable[Path] = (), skip: Skip | None = None
) -> Iterator[Article | InputError]:
    """Every article of every input, in input order; an input that cannot become one is yielded as its error.

    ``exclude`` lists resolved paths to pass over inside folders (a run's own outputs); ``skip`` says why a
    file found in a folder is no input (``sources.walk``).
    """
    seen: dict[str, str] = {}
    for source in walk(inputs, exclude=exclude, skip=skip):
        if isinstance(source, InputError):
            yield source
            continue
        for item in _read_source(source):
            if isinstance(item, Article):
                item = _unique(item, seen)
            yield item


def _unique(article: Article, seen: dict[str, str]) -> Article:
    """The article, renamed ``id~N`` when its id was already used in this run (reported once per repeat)."""
    if article.id not in seen:
        seen[article.id] = article.source
        return article
    number = 2
    while f"{article.id}~{number}" in seen:
        number += 1
    new_id = f"{article.id}~{number}"
    say(f"{article.source}: article id {article.id!r} was already used by {seen[article.id]}; this one is {new_id!r}")
    seen[new_id] = article.source
    return dataclasses.replace(article, id=new_id)
