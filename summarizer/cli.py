"""The ``summarizer`` command: what the tool does, one command each.

Each command parses its flags and hands over to the module that does the work; errors reach the
user as one line on stderr, never as a traceback.
"""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path
from typing import Annotated, Callable, Optional, TypeVar

import typer

from summarizer.errors import SummarizerError

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2
EXIT_GATE = 3
EXIT_INTERNAL = 70

app = typer.Typer(
    name="summarizer",
    help="Structured records and briefings from Vietnamese local-government news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
cache_app = typer.Typer(help="Inspect or clear the LLM response cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")

F = TypeVar("F", bound=Callable[..., object])


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    print(f"summarizer: {message}", file=sys.stderr)
    return typer.Exit(code)


def user_errors(func: F) -> F:
    """Turn every error into a one-line message and an exit status."""

    @functools.wraps(func)
    def wrapper(*args: object, **kwargs: object) -> object:
        try:
            return func(*args, **kwargs)
        except SummarizerError as exc:
            raise fail(str(exc)) from None
        except KeyboardInterrupt:
            raise fail("interrupted", 130) from None
        except BrokenPipeError:
            sys.stderr.close()
            raise typer.Exit(EXIT_OK) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # the last line of defence: no traceback reaches a user
            if os.environ.get("SUMMARIZER_DEBUG"):
                raise
            raise fail(
                f"internal error: {type(exc).__name__}: {exc} (set SUMMARIZER_DEBUG=1 for details)",
                EXIT_INTERNAL,
            ) from None

    return wrapper  # type: ignore[return-value]


BackendOpt = Annotated[str, typer.Option("--backend", "-b", help="auto, regex or llm.")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", "-m", help="Model name (or SUMMARIZER_MODEL).")]
BaseUrlOpt = Annotated[
    Optional[str], typer.Option("--base-url", help="OpenAI-compatible endpoint (or OPENAI_BASE_URL).")
]
PromptOpt = Annotated[Optional[str], typer.Option("--prompt", help="Prompt name and version, e.g. extract/v1.")]
ModeOpt = Annotated[
    Optional[str], typer.Option("--mode", help="instructor mode: tools, json or md_json (or SUMMARIZER_MODE).")
]


@app.command()
@user_errors
def extract(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", help="Article files (.txt, .html, .jsonl) or - for stdin.")],
    backend: BackendOpt = "auto",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompt: PromptOpt = None,
    mode: ModeOpt = None,
    compact: Annotated[bool, typer.Option("--compact", help="One JSON object per line.")] = False,
) -> None:
    """Extract sessions, officials and directives from articles and print them as JSON."""
    from summarizer.extract import extract_to_stream

    failed = extract_to_stream(
        inputs,
        sys.stdout,
        backend=backend,
        model=model,
        base_url=base_url,
        prompt=prompt,
        mode=mode,
        indent=None if compact else 2,
    )
    raise typer.Exit(EXIT_SOME_FAILED if failed else EXIT_OK)


@app.command()
@user_errors
def batch(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", help="Files, folders (recursive) or - for stdin.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Results file (.jsonl).")],
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0, help="Articles processed at once (0 = auto).")] = 0,
    backend: BackendOpt = "auto",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompt: PromptOpt = None,
    mode: ModeOpt = None,
    resume: Annotated[bool, typer.Option("--resume", help="Skip articles already in the output.")] = False,
    output_format: Annotated[str, typer.Option("--format", help="jsonl, or csv for spreadsheet tables.")] = "jsonl",
    openai_batch: Annotated[
        bool, typer.Option("--openai-batch", help="Submit through the OpenAI Batch API (half price).")
    ] = False,
) -> None:
    """Structure many articles into one JSON line each, concurrently, resumably."""
    from summarizer.batch import run_batch_command

    raise typer.Exit(
        run_batch_command(
            inputs,
            output,
            jobs=jobs,
            backend=backend,
            model=model,
            base_url=base_url,
            prompt=prompt,
            mode=mode,
            resume=resume,
            output_format=output_format,
            openai_batch=openai_batch,
        )
    )


@app.command()
@user_errors
def brief(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT", help="Articles, folders, or a results .jsonl from batch.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="briefing.md or briefing.html.")],
    backend: BackendOpt = "auto",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompt: PromptOpt = None,
    mode: ModeOpt = None,
) -> None:
    """Write a Vietnamese briefing: gatherings by locality and date, directives as a checklist, officials."""
    from summarizer.briefing import run_brief_command

    raise typer.Exit(
        run_brief_command(
            inputs, output, backend=backend, model=model, base_url=base_url, prompt=prompt, mode=mode
        )
    )


@app.command("eval")
@user_errors
def eval_(
    articles: Annotated[Optional[Path], typer.Option("--articles", help="Folder of articles.")] = None,
    gold: Annotated[Optional[Path], typer.Option("--gold", help="Folder of gold JSON files.")] = None,
    backend: Annotated[str, typer.Option("--backend", "-b", help="regex or llm.")] = "regex",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompt: PromptOpt = None,
    mode: ModeOpt = None,
    baseline: Annotated[
        Optional[str], typer.Option("--baseline", help="A run record, or a prompt version to run as baseline.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    report: Annotated[Optional[Path], typer.Option("--report", help="Write a .md or .html report.")] = None,
    fail_under: Annotated[
        Optional[float], typer.Option("--fail-under", help="Exit non-zero when overall F1 is below this.")
    ] = None,
    max_drop: Annotated[
        float, typer.Option("--max-drop", help="With --baseline: largest allowed drop of a component F1.")
    ] = 0.02,
) -> None:
    """Score a backend and prompt against hand-labelled gold; compare with a baseline run."""
    from summarizer.evaluation.command import run_eval_command

    raise typer.Exit(
        run_eval_command(
            articles=articles,
            gold=gold,
            backend=backend,
            model=model,
            base_url=base_url,
            prompt=prompt,
            mode=mode,
            baseline=baseline,
            as_json=as_json,
            report=report,
            fail_under=fail_under,
            max_drop=max_drop,
        )
    )


@cache_app.command("stats")
@user_errors
def cache_stats(
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
) -> None:
    """Show cache size, hit counts, and token usage and cost by model and prompt."""
    from summarizer.store import print_stats

    print_stats(as_json=as_json)


@cache_app.command("clear")
@user_errors
def cache_clear() -> None:
    """Delete every cached response (the call log is kept)."""
    from summarizer.store import clear_cache

    removed = clear_cache()
    print(f"removed {removed} cached responses", file=sys.stderr)


@app.command()
@user_errors
def schema(
    check: Annotated[bool, typer.Option("--check", help="Exit non-zero if the exported file is stale.")] = False,
) -> None:
    """Print the JSON Schema of the extraction contract."""
    from summarizer.schemas import SCHEMA_FILE, json_schema_text

    text = json_schema_text()
    if check:
        current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
        if current != text:
            raise fail(f"{SCHEMA_FILE} is stale: run python -m summarizer.schemas", EXIT_SOME_FAILED)
        return
    sys.stdout.write(text)


if __name__ == "__main__":
    app()
