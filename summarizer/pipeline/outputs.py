"""A run never writes over what it reads: outputs that resolve to an input are refused before any work."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from summarizer.errors import OutputError
from summarizer.text.sources import STDIN, URL_SCHEMES


def check_output_path(output: Path, example: str, *, devices_hint: str = "") -> None:
    """An output must be a regular file (or none yet) in an existing, writable folder: OutputError
    naming it otherwise, before any work is done. ``example`` is a file name to suggest."""
    if output.is_dir():
        raise OutputError(f"is a folder; give a file name such as {example}", str(output))
    if output.exists() and not output.is_file():
        raise OutputError(f"is not a regular file; give a file name such as {example}{devices_hint}", str(output))
    if not output.parent.is_dir():
        raise OutputError(f"folder {output.parent} does not exist", str(output))
    if not os.access(output.parent, os.W_OK):
        raise OutputError(f"folder {output.parent} is not writable", str(output))


def _same_file(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
        return a.resolve() == b.resolve()
    except OSError:
        return False


def refuse_overwrite(inputs: Iterable[str | Path], outputs: Iterable[Path]) -> None:
    """OutputError (exit 2) when an output, or a file derived from it, is one of the inputs given."""
    files = [Path(i) for i in map(str, inputs) if i != STDIN and not i.lower().startswith(URL_SCHEMES)]
    files = [f for f in files if not f.is_dir()]
    for output in outputs:
        for given in files:
            if _same_file(output, given):
                raise OutputError(f"would overwrite the input {given}; choose another output", str(output))


# The mark every briefing carries (``briefing.html.j2``: a generator meta tag in its head; ``briefing.md.j2``: a
# comment on its last line), so that a later run finds its own briefings among its inputs.
GENERATOR_MARKS = (b'<meta name="generator" content="summarizer">', b"<!-- generator: summarizer -->")
_BRIEFING_SUFFIXES = (".html", ".htm", ".md")
_HEAD = 4096
_TAIL = 256


def is_briefing(path: Path) -> bool:
    """A briefing this tool wrote: its generator mark in its first 4 KB (HTML) or its last bytes (Markdown);
    never raises."""
    suffix = path.suffix.lower()
    if suffix not in _BRIEFING_SUFFIXES:
        return False
    try:
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
            if suffix == ".md":
                handle.seek(max(0, os.fstat(handle.fileno()).st_size - _TAIL))
                head += handle.read()
    except OSError:
        return False
    return any(mark in head for mark in GENERATOR_MARKS)
