"""``python -m summarizer.bench [--quick] [--json FILE] [--markdown] [--only SECTION]`` (``make bench``)."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Optional

import typer

from summarizer.errors import SummarizerError

from .figures import markdown_table, print_table, to_json
from .measure import BenchFailure
from .run import FULL, QUICK, SECTIONS, run_benchmarks

app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None)


@app.command()
def main(
    quick: Annotated[bool, typer.Option("--quick", help="Small sizes: a check that runs in seconds.")] = False,
    json_path: Annotated[Optional[Path], typer.Option("--json", help="Also write the figures as JSON to this file.")] = None,
    markdown: Annotated[bool, typer.Option("--markdown", help="Print a Markdown table instead of the rich one.")] = False,
    only: Annotated[Optional[list[str]], typer.Option("--only", help=f"Run only these sections: {', '.join(SECTIONS)}.")] = None,
    latency: Annotated[
        Optional[float], typer.Option("--latency", metavar="SECONDS", help="Simulated model latency of the LLM batch (default 2).")
    ] = None,
) -> None:
    """Measure speed, tokens, cost, cache and memory, and print them as one table."""
    settings = QUICK if quick else FULL
    if latency is not None:
        settings = replace(settings, llm_latency=latency)
    try:
        figures = run_benchmarks(settings, only or SECTIONS)
    except (SummarizerError, BenchFailure) as exc:
        print(f"summarizer bench: {exc}", file=sys.stderr)
        raise typer.Exit(1) from None
    if markdown:
        print(markdown_table(figures))
    else:
        print_table(figures, title=f"summarizer benchmarks{' (quick)' if quick else ''}")
    if json_path is not None:
        json_path.write_text(to_json(figures, settings.to_dict()) + "\n", encoding="utf-8")
        print(f"summarizer bench: wrote {json_path}", file=sys.stderr)


if __name__ == "__main__":
    app()
