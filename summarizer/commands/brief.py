"""``summarizer brief``: a Vietnamese briefing, in Markdown or one self-contained HTML file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from summarizer.backends import BackendConfig
from summarizer.briefing.collect import CollectStats, collect_entries
from summarizer.briefing.model import BriefingOptions, build_briefing
from summarizer.briefing.render import RENDERERS, write_briefing
from summarizer.errors import ConfigError, ExitStatus, OutputError, say
from summarizer.pipeline.outputs import refuse_overwrite
from summarizer.pipeline.results import is_results_file


def parse_day(value: str | None, option: str) -> dt.date | None:
    """A ``YYYY-MM-DD`` option value as a date; a one-line usage error names the option otherwise."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ConfigError(f"expected a date as YYYY-MM-DD, got {value!r}", option) from None


def run(
    inputs: list[str],
    output: Path,
    config_for: object,
    *,
    sources: list[Path] | None = None,
    since: str | None = None,
    as_of: str | None = None,
) -> int:
    """Returns 1 when an input could not be read or extracted in this run, else 0 (error records a
    results file already holds are listed in the briefing but are not this run's failures).

    ``config_for`` is a callable giving the BackendConfig, called only when some input must be extracted.
    ``since`` and ``as_of`` are ``YYYY-MM-DD``: only gatherings from that day on; the day deadlines are
    checked against (today when not given).
    """
    options = BriefingOptions(since=parse_day(since, "--since"), as_of=parse_day(as_of, "--as-of") or dt.date.today())
    if output.suffix.lower() not in RENDERERS:
        raise ConfigError("the briefing is written as .md or .html", str(output))
    if not output.parent.is_dir():
        raise OutputError(f"folder {output.parent} does not exist", str(output))
    refuse_overwrite(inputs, [output])
    for folder in sources or []:
        if not folder.is_dir():
            raise ConfigError(f"not a folder: {folder}", "--sources")
    needs_backend = any(not is_results_file(item) for item in inputs)
    config: BackendConfig | None = config_for() if needs_backend else None  # type: ignore[operator]
    stats = CollectStats()
    entries = collect_entries(list(inputs), config=config, sources=sources or [], stats=stats)
    briefing = build_briefing(entries, options)
    write_briefing(briefing, output)
    say(
        f"wrote {output} ({briefing.article_count} articles, {len(briefing.failures)} failed, {briefing.gathering_count} gatherings, "
        f"{len(briefing.directives)} directives, {len(briefing.officials)} officials"
        + (f"; {briefing.left_out} articles before {options.since} left out" if briefing.left_out else "")
        + ")"
    )
    return ExitStatus.SOME_FAILED if stats.new_failures else ExitStatus.OK
