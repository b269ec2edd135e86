"""``summarizer extract``: print the extraction of each article as JSON.

One article prints indented JSON; several print JSON Lines, one object per line (``--pretty``
indents them anyway). Articles are printed in input order; a bad input is one line on stderr and
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
    """``pretty`` None: indented for one input that is one article, JSON Lines otherwise."""
    summary = RunSummary(backend=config.name)
    first: str | None = None
    printed = 0
    for _item, record in structure(read_inputs(inputs), config, jobs=jobs):
        assert not isinstance(record, Kept)
        summary.add(record)
        if is_error_record(record):
            say(f"{record.get('source')}: {record['error']['message']}")
            continue
        extraction = {k: v for k, v in record.items() if k not in _RECORD_ONLY}
        indent = 2 if pretty else None
        if pretty is None:
            # One article: indented; decided once a second one shows up, so output streams.
            if first is None and printed == 0:
                first = json.dumps(extraction, ensure_ascii=False, indent=2)
                continue
            if first is not None:
                sys.stdout.write(json.dumps(json.loads(first), ensure_ascii=False) + "\n")
                first = None
        sys.stdout.write(json.dumps(extraction, ensure_ascii=False, indent=indent) + "\n")
        sys.stdout.flush()
        printed += 1
    if first is not None:
        sys.stdout.write(first + "\n")
    return ExitStatus.OK if summary.complete else ExitStatus.SOME_FAILED
