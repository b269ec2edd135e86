"""A run never writes over what it reads: outputs that resolve to an input are refused before any work."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from summarizer.errors import OutputError
from summarizer.text.sources import STDIN, URL_SCHEMES


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
