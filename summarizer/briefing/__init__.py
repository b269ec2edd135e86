"""``summarizer brief``: a Vietnamese briefing, in Markdown or one self-contained HTML file."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from summarizer.briefing.collect import CollectStats, collect_entries
from summarizer.briefing.model import Briefing, Entry, build_briefing
from summarizer.briefing.render import RENDERERS, render_html, render_markdown
from summarizer.errors import ConfigError, OutputError


def write_briefing(briefing: Briefing, output: Path) -> None:
    """Render by the output's suffix and replace the file in one move, so a failed run keeps the old one."""
    render = RENDERERS.get(output.suffix.lower())
    if render is None:
        raise ConfigError("the briefing is written as .md or .html", str(output))
    if output.is_dir():
        raise OutputError("is a folder; give a file name such as briefing.html", str(output))
    if not output.parent.is_dir():
        raise OutputError(f"folder {output.parent} does not exist", str(output))
    text = render(briefing)
    temporary = output.with_name(output.name + ".part")
    try:
        temporary.write_text(text, encoding="utf-8", newline="\n")
        os.replace(temporary, output)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror or exc}", str(output)) from None


def run_brief_command(
    inputs: list[str],
    output: Path,
    *,
    backend: str,
    model: str | None,
    base_url: str | None,
    prompt: str | None,
    mode: str | None,
) -> int:
    """Returns 1 when an input could not be read or extracted in this run, else 0 (error records a
    results file already holds are listed in the briefing but are not this run's failures)."""
    from summarizer.batch import backend_options
    from summarizer.cli import EXIT_OK, EXIT_SOME_FAILED

    if output.suffix.lower() not in RENDERERS:
        raise ConfigError("the briefing is written as .md or .html", str(output))
    if not output.parent.is_dir():
        raise OutputError(f"folder {output.parent} does not exist", str(output))
    stats = CollectStats()
    entries = collect_entries(list(inputs), backend=backend, options=backend_options(model, base_url, prompt, mode), stats=stats)
    briefing = build_briefing(entries)
    write_briefing(briefing, output)
    print(
        f"summarizer: wrote {output} ({briefing.article_count} articles, {briefing.gathering_count} gatherings, "
        f"{len(briefing.directives)} directives, {len(briefing.officials)} officials)",
        file=sys.stderr,
    )
    return EXIT_SOME_FAILED if stats.new_failures else EXIT_OK


__all__ = ["Briefing", "Entry", "build_briefing", "render_html", "render_markdown", "run_brief_command", "write_briefing"]
