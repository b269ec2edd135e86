"""The ``summarizer`` command: what the tool does, one command each.

Each command parses its flags, builds the run's configuration and hands over to its module in
``summarizer.commands``; the exit status and the one-line error path are ``summarizer.errors``'.
Command modules are imported when their command runs, so ``summarizer --help`` starts at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Optional

import typer

from summarizer import __version__
from summarizer.errors import ConfigError, ExitStatus, guarded

app = typer.Typer(
    name="summarizer",
    help="Structured records and briefings from Vietnamese local-government news.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
cache_app = typer.Typer(help="Inspect or clear the LLM response cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")


def _version(value: bool) -> None:
    if value:
        print(f"summarizer {__version__}")
        raise typer.Exit(ExitStatus.OK)


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Structured records and briefings from Vietnamese local-government news."""


def _exit(status: int) -> None:
    raise typer.Exit(int(status))


InputsArg = Annotated[list[str], typer.Argument(metavar="INPUT...", help="Files, folders (recursive), URLs or - for stdin.")]
BackendOpt = Annotated[str, typer.Option("--backend", "-b", metavar="NAME", help="auto, regex or llm.")]
ModelOpt = Annotated[Optional[str], typer.Option("--model", "-m", metavar="MODEL", help="Model name (or SUMMARIZER_MODEL).")]
BaseUrlOpt = Annotated[
    Optional[str], typer.Option("--base-url", metavar="URL", help="OpenAI-compatible endpoint (or OPENAI_BASE_URL).")
]
PromptOpt = Annotated[Optional[str], typer.Option("--prompt", metavar="NAME", help="Prompt name and version, e.g. extract/v1.")]
ModeOpt = Annotated[
    Optional[str],
    typer.Option("--mode", metavar="MODE", help="How the answer's structure is asked for: tools, json, json_schema or md_json (or SUMMARIZER_MODE)."),
]
FallbackOpt = Annotated[
    Optional[str],
    typer.Option("--fallback", metavar="POLICY", help="When the model fails an article: none (an error record, the default) or rules (the rule backend answers, marked)."),
]
OptionOpt = Annotated[
    Optional[list[str]],
    typer.Option("--option", "-O", metavar="NAME=VALUE", help="A backend option, repeatable: -O temperature=0.2 -O max_tokens=4000 -O seed=7 -O reasoning_effort=low."),
]
JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=0, metavar="N", help="Articles processed at once (0 = the backend's default).")]


def _config(
    backend: str,
    model: str | None,
    base_url: str | None,
    prompt: str | None,
    mode: str | None,
    fallback: str | None,
    option: list[str] | None,
    *,
    quiet: bool = False,
) -> Any:
    from summarizer.backends import backend_config

    extra: dict[str, str] = {}
    for item in option or []:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise ConfigError(f"expected NAME=VALUE, got {item!r}", "--option")
        extra[name.strip().replace("-", "_")] = value.strip()
    return backend_config(
        backend, fallback=fallback, quiet=quiet, model=model, base_url=base_url, prompt=prompt, mode=mode, **extra
    )


@app.command()
def extract(
    inputs: InputsArg,
    backend: BackendOpt = "auto",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompt: PromptOpt = None,
    mode: ModeOpt = None,
    fallback: FallbackOpt = None,
    option: OptionOpt = None,
    pretty: Annotated[Optional[bool], typer.Option("--pretty/--compact", help="Indented JSON, or one object per line (default: indented for one article, JSON Lines for several).")] = None,
) -> None:
    """Print the extraction of each article as JSON (JSON Lines for several articles)."""

    def body() -> int:
        from summarizer.commands import extract as command

        return command.run(inputs, _config(backend, model, base_url, prompt, mode, fallback, option), pretty=pretty)

    _exit(guarded(body))


@app.command()
def batch(
    inputs: InputsArg,
    output: Annotated[str, typer.Option("--output", "-o", metavar="FILE", help="Results file (.jsonl), .csv for spreadsheet tables, or - for stdout.")],
    jobs: JobsOpt = 0,
    backend: BackendOpt = "auto",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompt: PromptOpt = None,
    mode: ModeOpt = None,
    fallback: FallbackOpt = None,
    option: OptionOpt = None,
    resume: Annotated[bool, typer.Option("--resume", help="Keep the records of inputs already done with the same text and settings; redo the rest.")] = False,
    output_format: Annotated[Optional[str], typer.Option("--format", metavar="FORMAT", help="jsonl, or csv for spreadsheet tables (default: by the output's suffix).")] = None,
    lang: Annotated[str, typer.Option("--lang", metavar="LANG", help="CSV headers and values: en, or vi for Vietnamese.")] = "en",
    openai_batch: Annotated[bool, typer.Option("--openai-batch", help="Submit through the OpenAI Batch API (half price).")] = False,
    shard: Annotated[Optional[str], typer.Option("--shard", metavar="I/N", help="Only part I of N of the inputs (stable by article id), to split a corpus across machines; the parts' results files concatenate.")] = None,
    batch_id: Annotated[
        Optional[str],
        typer.Option("--batch-id", metavar="ID", help="Collect this OpenAI batch (an interrupted --openai-batch run's) instead of paying for its requests again."),
    ] = None,
) -> None:
    """Structure many articles into one JSON line each, concurrently, resumably, in input order."""

    def body() -> int:
        from summarizer.commands import batch as command

        config = _config(backend, model, base_url, prompt, mode, fallback, option, quiet=command.converts(inputs))
        return command.run(
            inputs, output, config, jobs=jobs, resume=resume, output_format=output_format, openai_batch=openai_batch,
            shard=shard, batch_id=batch_id, lang=lang,
        )

    _exit(guarded(body))


@app.command()
def brief(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT...", help="Results .jsonl files from batch, articles, folders or URLs.")],
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="briefing.md or briefing.html.")],
    sources: Annotated[
        Optional[list[Path]],
        typer.Option("--sources", metavar="FOLDER", help="Folder whose article files the briefing may re-read to show and highlight sources."),
    ] = None,
    since: Annotated[
        Optional[str],
        typer.Option("--since", metavar="DATE", help="Only gatherings on or after DATE (YYYY-MM-DD), with the directives and officials of their articles."),
    ] = None,
    as_of: Annotated[
        Optional[str], typer.Option("--as-of", metavar="DATE", help="Mark deadlines before DATE (YYYY-MM-DD) as passed (default: today).")
    ] = None,
    backend: BackendOpt = "auto",
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    prompt: PromptOpt = None,
    mode: ModeOpt = None,
    fallback: FallbackOpt = None,
    option: OptionOpt = None,
) -> None:
    """Write a Vietnamese briefing: gatherings by locality and date, directives as a checklist, officials."""

    def body() -> int:
        from summarizer.commands import brief as command

        return command.run(
            inputs,
            output,
            lambda: _config(backend, model, base_url, prompt, mode, fallback, option),
            sources=sources,
            since=since,
            as_of=as_of,
        )

    _exit(guarded(body))


@app.command("eval")
def eval_(
    articles: Annotated[Optional[Path], typer.Option("--articles", metavar="FOLDER", help="Folder of articles.")] = None,
    gold: Annotated[Optional[Path], typer.Option("--gold", metavar="FOLDER", help="Folder of gold JSON files.")] = None,
    split: Annotated[str, typer.Option("--split", metavar="SPLIT", help="dev, test or all (splits.json beside the gold folder).")] = "all",
    backend: Annotated[str, typer.Option("--backend", "-b", metavar="NAME", help="regex or llm.")] = "regex",
    model: Annotated[
        Optional[list[str]],
        typer.Option("--model", "-m", metavar="MODEL", help="Model name (or SUMMARIZER_MODEL); repeat it for a prompts × models table."),
    ] = None,
    base_url: BaseUrlOpt = None,
    prompt: Annotated[
        Optional[list[str]],
        typer.Option("--prompt", metavar="NAME", help="Prompt name and version, e.g. extract/v1; repeat it for a prompts × models table."),
    ] = None,
    mode: ModeOpt = None,
    option: OptionOpt = None,
    repeat: Annotated[
        int, typer.Option("--repeat", min=1, metavar="N", help="Run each prompt and model N times: mean and spread of F1 (repeat k adds k-1 to the seed).")
    ] = 1,
    predictions: Annotated[
        Optional[Path],
        typer.Option("--predictions", metavar="FOLDER", help="Score a folder of extraction JSON files (one per article stem) instead of running a backend."),
    ] = None,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=1, metavar="N", help="Articles sent to the llm backend at once (default 1).")
    ] = 1,
    baseline: Annotated[
        Optional[str], typer.Option("--baseline", metavar="RUN", help="A run record, or a prompt version to run as baseline.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    report: Annotated[Optional[Path], typer.Option("--report", metavar="FILE", help="Write a .md or .html report.")] = None,
    fail_under: Annotated[
        Optional[float], typer.Option("--fail-under", metavar="F1", help="Exit 3 when overall F1 is below this.")
    ] = None,
    max_drop: Annotated[
        float, typer.Option("--max-drop", metavar="F1", help="With --baseline: largest allowed drop of a component F1.")
    ] = 0.02,
) -> None:
    """Score a backend and prompt against hand-labelled gold; compare with a baseline run; tabulate prompts × models."""

    def body() -> int:
        from summarizer.commands import evaluate as command
        from summarizer.errors import ConfigError

        if predictions is not None:
            given = [flag for flag, value in (("--model", model), ("--prompt", prompt), ("--base-url", base_url),
                     ("--mode", mode), ("--option", option)) if value] + (["--backend"] if backend != "regex" else [])
            if given:
                raise ConfigError(f"prediction files are scored as they are: no backend runs, so drop {', '.join(given)}", "--predictions")
        configs = [
            _config(backend, m, base_url, p, mode, "none", option, quiet=True)
            for p in dict.fromkeys(prompt or [None])
            for m in dict.fromkeys(model or [None])
        ]
        return command.run(
            configs, articles=articles, gold=gold, split=split, baseline=baseline, as_json=as_json, report=report,
            fail_under=fail_under, max_drop=max_drop, predictions=predictions, repeat=repeat, jobs=jobs,
        )

    _exit(guarded(body))


@cache_app.command("stats")
def cache_stats(as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False) -> None:
    """Show cache size, hit counts, and token usage and cost by model and prompt."""

    def body() -> int:
        from summarizer.commands import maintenance

        return maintenance.cache_stats(as_json=as_json)

    _exit(guarded(body))


@cache_app.command("clear")
def cache_clear() -> None:
    """Delete every cached response (the call log is kept)."""

    def body() -> int:
        from summarizer.commands import maintenance

        return maintenance.cache_clear()

    _exit(guarded(body))


@app.command()
def schema(
    check: Annotated[bool, typer.Option("--check", help="Exit 1 if the exported file is stale.")] = False,
) -> None:
    """Print the JSON Schema of the extraction contract."""

    def body() -> int:
        from summarizer.commands import maintenance

        return maintenance.schema(check=check)

    _exit(guarded(body))


if __name__ == "__main__":
    app()
