"""Which inputs a run reads, in a fixed order: files as given, folders walked, stdin, URLs.

The one place that decides what counts as an input, shared by reading (reading.py) and by the
progress bar's count. Folders are walked depth-first in name order; hidden entries are ignored;
an entry that cannot be an article (an unsupported type, a FIFO or device, a broken or looping
symlink) is one typed error naming it, and the rest of the folder is read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from summarizer.errors import InputError, NotFoundError, NotRegularFileError, UnreadableError, UnsupportedFormatError, say

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED = ", ".join(sorted(TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES))
STDIN = "-"
URL_SCHEMES = ("http://", "https://")

Kind = Literal["text", "html", "jsonl"]


@dataclass(frozen=True)
class FileSource:
    """An article file (or JSONL file of articles) to read; ``id_base`` names its articles."""

    path: Path
    kind: Kind
    id_base: str


@dataclass(frozen=True)
class StreamSource:
    """Standard input."""


@dataclass(frozen=True)
class UrlSource:
    """An article page or a feed, by URL."""

    url: str


Source = FileSource | StreamSource | UrlSource


def kind_of(path: Path, *, given: bool) -> Kind | None:
    """The kind of a file by its suffix; a file named directly may have none (then it is text)."""
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES or (given and suffix == ""):
        return "text"
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    return None


def _file_type(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device")):
        if test(mode):
            return name
    return "not a regular file"


def _stat(path: Path) -> os.stat_result | InputError:
    """The target's status, or the error that names why it has none (missing, broken or looping link)."""
    try:
        return path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            return NotRegularFileError("broken symlink (its target does not exist)", str(path))
        return NotFoundError("no such file or folder", str(path))
    except PermissionError:
        return UnreadableError("permission denied", str(path))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return NotRegularFileError("symlink loop", str(path))
        return UnreadableError(f"cannot access: {exc.strerror or exc}", str(path))


def _file(path: Path, info: os.stat_result, id_base: str, *, given: bool) -> FileSource | InputError:
    if not stat.S_ISREG(info.st_mode):
        return NotRegularFileError(f"not a regular file ({_file_type(info.st_mode)})", str(path))
    kind = kind_of(path, given=given)
    if kind is None:
        suffix = path.suffix.lower() or "without an extension"
        return UnsupportedFormatError(f"unsupported type {suffix} (use {SUPPORTED})", str(path))
    return FileSource(path, kind, id_base)


Skip = Callable[[Path], "str | None"]
"""Why a file inside a folder is no input (``an output of summarizer …``), or None when it is one."""


def _walk_folder(
    folder: Path, prefix: str, ancestors: tuple[tuple[int, int], ...], exclude: frozenset[Path],
    skip: Skip | None, quiet: bool,
) -> Iterator[FileSource | InputError]:
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing if not entry.name.startswith("."))
    except PermissionError:
        yield UnreadableError("cannot list folder: permission denied", str(folder))
        return
    except OSError as exc:
        yield UnreadableError(f"cannot list folder: {exc.strerror or exc}", str(folder))
        return
    for name in names:
        child = folder / name
        info = _stat(child)
        if isinstance(info, InputError):
            yield info
            continue
        if stat.S_ISDIR(info.st_mode):
            identity = (info.st_dev, info.st_ino)
            if identity in ancestors:
                yield NotRegularFileError("symlink loop (leads back to a folder above it)", str(child))
                continue
            yield from _walk_folder(child, f"{prefix}{name}/", (*ancestors, identity), exclude, skip, quiet)
            continue
        if _excluded(child, exclude):
            continue
        reason = skip(child) if skip is not None else None
        if reason is not None:
            if not quiet:
                say(f"{child}: skipped, {reason}")
            continue
        yield _file(child, info, f"{prefix}{Path(name).stem}", given=False)


def _excluded(path: Path, exclude: frozenset[Path]) -> bool:
    if not exclude:
        return False
    try:
        return path.resolve() in exclude
    except OSError:
        return False


def walk(
    inputs: Iterable[str | Path], *, exclude: Iterable[Path] = (), skip: Skip | None = None, quiet: bool = False
) -> Iterator[Source | InputError]:
    """Every input source in order; ``exclude`` (resolved paths, e.g. the run's own outputs) is passed over
    inside folders, and so is a file ``skip`` gives a reason for (said on stderr unless ``quiet``). An input
    that cannot be read is yielded as its typed error."""
    excluded = frozenset(exclude)
    for item in inputs:
        text = str(item)
        if text == STDIN:
            yield StreamSource()
            continue
        if text.lower().startswith(URL_SCHEMES):
            yield UrlSource(text)
            continue
        path = Path(item)
        info = _stat(path)
        if isinstance(info, InputError):
            yield info
        elif stat.S_ISDIR(info.st_mode):
            found = False
            for source in _walk_folder(path, "", ((info.st_dev, info.st_ino),), excluded, skip, quiet):
                found = True
                yield source
            if not found:
                yield NotFoundError(f"no {SUPPORTED} files in this folder", str(path))
        else:
            yield _file(path, info, path.stem, given=True)


def count(inputs: Iterable[str | Path], *, exclude: Iterable[Path] = (), skip: Skip | None = None) -> int | None:
    """How many records the inputs will give (JSONL lines counted); None when unknowable (stdin, URLs)."""
    total = 0
    for source in walk(inputs, exclude=exclude, skip=skip, quiet=True):
        if isinstance(source, (StreamSource, UrlSource)):
            return None
        if isinstance(source, FileSource) and source.kind == "jsonl":
            total += _jsonl_records(source.path)
        else:
            total += 1
    return total


def _jsonl_records(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return max(1, sum(1 for line in handle if line.strip()))
    except OSError:
        return 1
