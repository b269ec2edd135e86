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
