"""The results file: one JSON record per line, read back by ``brief``, CSV export and ``--resume``.

Writing. A run holds a lock on the file (``.NAME.lock`` beside it, via filelock) so a second run on
the same output stops at once naming the first. Records go, one whole line per ``write``, to a
hidden partial file beside the output (``.NAME.partial``), in input order; when the run completes,
the partial file gets the old records this run did not replace and is moved over the output in one
step. A run that stops early (interrupted, killed, a fatal error, a full disk) leaves the output as
it was and its progress in the partial file, which the next ``--resume`` takes up.

Resuming. An old record is kept when its input's identity (``source_key``), its text's
``content_hash`` and its ``settings_hash`` (backend, model, prompt, schema) all match an input of
this run; error records are retried, edited articles redone, records made with other settings
redone (and counted), and records of inputs not given this time are kept after the rest.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import filelock

from summarizer.errors import MalformedRecordError, OutputError, SummarizerError, UnreadableError, say
from summarizer.text.article import Article

from .outputs import check_output_path
from .records import Kept, Record, dumps, is_error_record, is_results_record


# --- reading -------------------------------------------------------------------------------------


def is_results_file(path: str | Path) -> bool:
    """A ``.jsonl`` file whose first record is a results record; never raises."""
    path = Path(path)
    if path.suffix.lower() != ".jsonl":
        return False
    try:
        if not path.is_file():
            return False
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    return is_results_record(json.loads(line))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    return False


def iter_results(path: str | Path) -> Iterator[Record | SummarizerError]:
    """Each record of a results file in order; a line that is not a record is a typed error value.

    A torn last line (a run killed mid-write) is skipped: it is the one line a killed run may leave.
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


# --- the paths a run writes ----------------------------------------------------------------------


def partial_path(output: Path) -> Path:
    return output.with_name(f".{output.name}.partial")


def lock_path(output: Path) -> Path:
    return output.with_name(f".{output.name}.lock")


def check_output(output: Path) -> None:
    """A results path must be a regular file (or none yet) in an existing, writable folder; devices and
    FIFOs are refused (``-o -`` writes to stdout)."""
    check_output_path(output, "results.jsonl", devices_hint=", or - for stdout")


# --- the old records a resume keeps --------------------------------------------------------------


@dataclass
class _Old:
    file: Path
    offset: int
    content_hash: str | None
    settings_hash: str | None
    failed: bool


@dataclass
class ResumeIndex:
    """Old records by input identity (offsets into their files, not the records: memory stays small)."""

    entries: dict[str, _Old] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)
    torn: int = 0

    def add(self, key: str, old: _Old) -> None:
        if key not in self.entries:
            self.order.append(key)
        self.entries[key] = old


def _index_file(path: Path, index: ResumeIndex) -> None:
    with path.open("rb") as handle:
        offset = 0
        for number, raw in enumerate(handle, start=1):
            here, offset = offset, offset + len(raw)
            if not raw.strip():
                continue
            try:
                record = json.loads(raw)
            except ValueError:
                if raw.endswith(b"\n"):
                    raise OutputError(
                        f"line {number} is not JSON; refusing to resume into a file that is not a results file", str(path)
                    ) from None
                index.torn += 1
                continue
            if not is_results_record(record):
                raise OutputError(f"line {number} is not a results record; refusing to resume into it", str(path))
            key = record.get("source_key") or record.get("source") or record.get("article_id")
            if not isinstance(key, str):
                continue
            index.add(key, _Old(path, here, record.get("content_hash"), record.get("settings_hash"), is_error_record(record)))


def _read_line(old: _Old) -> bytes:
    with old.file.open("rb") as handle:
        handle.seek(old.offset)
        line = handle.readline()
    return line if line.endswith(b"\n") else line + b"\n"


# --- writing ---------------------------------------------------------------------------------------


@dataclass
class ResumeCounts:
    kept: int = 0
    redone_failed: int = 0
    redone_edited: int = 0
    redone_settings: int = 0


class ResultsFile:
    """The output of one run: locked, written through the partial file, moved into place at the end.

    Use as a context manager; inside, ``decide(article)`` gives the old line of an article already
    done (``write_kept`` writes it in its place), and ``write(record)`` adds a new record.
    """

    def __init__(self, path: Path, *, resume: bool, settings_hash: str) -> None:
        self.path = path
        self.resume = resume
        self.settings_hash = settings_hash
        self.partial = partial_path(path)
        self.counts = ResumeCounts()
        self._lock = filelock.FileLock(str(lock_path(path)), timeout=0)
        self._fd: int | None = None
        self._index = ResumeIndex()
        self._seen: set[str] = set()
        self._recovered: Path | None = None

    # -- lifecycle ----------------------------------------------------------------------------------

    def __enter__(self) -> ResultsFile:
        check_output(self.path)
        try:
            self._lock.acquire()
        except filelock.Timeout:
            raise OutputError(f"another summarizer run is writing this file ({_owner(lock_path(self.path))}); "
                              "wait for it to end or choose another output", str(self.path)) from None
        except OSError as exc:
            raise OutputError(f"cannot lock: {exc.strerror or exc}", str(self.path)) from None
        try:
            _write_owner(lock_path(self.path))
            if self.resume:
                self._load_index()
            self._fd = self._open(self.partial, recovered=self._recovered)
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *exc_info: object) -> None:
        try:
            if self._fd is not None:
                self._finish(complete=exc_type is None)
        finally:
            self._lock.release()

    def _load_index(self) -> None:
        recovered = self.partial.with_name(self.partial.name + ".recovered")
        if recovered.exists() and not self.partial.exists():
            os.replace(recovered, self.partial)  # progress an earlier, refused resume set aside
        if self.partial.exists():
            # A run killed outright: its progress goes first, then the older output's other records.
            self._recovered = recovered
            os.replace(self.partial, self._recovered)
            try:
                if self.path.exists():
                    _index_file(self.path, self._index)
                _index_file(self._recovered, self._index)
            except BaseException:
                os.replace(self._recovered, self.partial)  # kept where the next --resume looks for it
                self._recovered = None
                raise
            say(f"{self.path}: taking up the progress of an interrupted run")
        elif self.path.exists():
            _index_file(self.path, self._index)
        if self._index.torn:
            say(f"{self.path}: dropped a torn last line from an interrupted run")

    def _open(self, path: Path, *, recovered: Path | None) -> int:
        try:
            return os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0), 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", str(self.path)) from None

    def _finish(self, *, complete: bool) -> None:
        """Old records of inputs this run did not see are kept; then, when the run completed, the
        partial file becomes the output. A run that stopped early leaves the output as it was and
        its progress in the partial file, for ``--resume``."""
        try:
            for key in self._index.order:
                if key not in self._seen:
                    self._write_bytes(_read_line(self._index.entries[key]))
            written = os.lseek(self._fd, 0, os.SEEK_CUR)  # type: ignore[arg-type]
            os.fsync(self._fd)  # type: ignore[arg-type]
            os.close(self._fd)  # type: ignore[arg-type]
            self._fd = None
            if complete:
                os.replace(self.partial, self.path)
            elif written:
                say(f"{self.path}: the run stopped early; its progress is kept: run again with --resume to continue")
            else:
                self.partial.unlink(missing_ok=True)
            if self._recovered is not None:
                self._recovered.unlink(missing_ok=True)
        except OSError as exc:
            if complete:
                raise OutputError(f"cannot write: {exc.strerror or exc} (the earlier results are kept)", str(self.path)) from None
        finally:
            if self._fd is not None:
                os.close(self._fd)
                self._fd = None

    # -- records ------------------------------------------------------------------------------------

    def decide(self, article: Article) -> Kept | None:
        """The old line of ``article`` when it is already done (to be written in its place), else None."""
        key = article.identity
        old = self._index.entries.get(key)
        if old is None or key in self._seen:
            return None
        if old.failed:
            self.counts.redone_failed += 1
        elif old.content_hash != article.content_hash:
            self.counts.redone_edited += 1
        elif old.settings_hash != self.settings_hash:
            self.counts.redone_settings += 1
        else:
            self._seen.add(key)
            self.counts.kept += 1
            return Kept(_read_line(old), article.source)
        return None

    def write_kept(self, kept: Kept) -> None:
        self._write_bytes(kept.line)

    def write(self, record: Record) -> None:
        key = record.get("source_key")
        if isinstance(key, str):
            self._seen.add(key)
        self._write_bytes((dumps(record) + "\n").encode("utf-8"))

    def _write_bytes(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._fd, view) :]  # type: ignore[arg-type]
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc} (the earlier results are kept)", str(self.path)) from None


def _write_owner(path: Path) -> None:
    """Who holds the lock, for the message another run prints."""
    try:
        path.write_text(f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n", encoding="utf-8")
    except OSError:
        pass


def _owner(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "pid unknown"
    except OSError:
        return "pid unknown"
