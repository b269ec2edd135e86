"""``summarizer extract``: print the extraction of each article as JSON.

One input that is one article prints indented JSON; several inputs (or articles, or failures) print JSON
Lines, one object per line (``--pretty`` indents them anyway). Articles are printed in input order; a bad input is one line on stderr and
the rest go on.
"""

from __future__ import annotations

import json
import sys

from summarizer.backends import BackendConfig
from summarizer.errors import ExitStatus, say
from summarizer.pipeline.records import Kept, is_error_record
from summarizer.pipeline.run import read_inputs, structure
from summarizer.pipeline.summary import RunSummary

_RECORD_ONLY = ("source", "source_key", "content_hash", "settings_hash", "headline", "url", "publisher")


def run(inputs: list[str], config: BackendConfig, *, pretty: bool | None = None, jobs: int = 1) -> int:
    """``pretty`` None: indented for one input that is one article, JSON Lines otherwise (a failed input counts)."""
    summary = RunSummary(backend=config.name)
    first: dict | None = None
    seen = 0
    for _item, record in structure(read_inputs(inputs), config, jobs=jobs):
        assert not isinstance(record, Kept)
        summary.add(record)
        seen += 1
        if pretty is None and first is not None:
            # A second input showed up (an article or a failure): JSON Lines from the first on, streaming.
            _write(first, None)
            first = None
        if is_error_record(record):
            say(f"{record.get('source')}: {record['error']['message']}")
            continue
        extraction = {k: v for k, v in record.items() if k not in _RECORD_ONLY}
        if pretty is None and seen == 1:
            first = extraction  # one input that is one article: indented, once no second one shows up
            continue
        _write(extraction, 2 if pretty else None)
    if first is not None:
        _write(first, 2)
    return ExitStatus.OK if summary.complete else ExitStatus.SOME_FAILED


def _write(extraction: dict, indent: int | None) -> None:
    sys.stdout.write(json.dumps(extraction, ensure_ascii=False, indent=indent) + "\n")
    sys.stdout.flush()
