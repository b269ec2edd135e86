"""``summarizer batch``: many articles to one results file, concurrently, resumably, in input order.

With ``--format csv`` (or ``-o x.csv``) the three spreadsheet tables are written beside the results
(``x.jsonl`` holds the records, ``x.csv`` the events, ``x.officials.csv`` and ``x.directives.csv`` the
others; ``--lang vi`` for Vietnamese headers and values); with only results files as inputs, they are
converted to CSV without extracting again. ``-o -`` writes the records to stdout.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from summarizer.backends import BackendConfig
from summarizer.errors import ConfigError, ExitStatus, OutputError, SummarizerError, say
from summarizer.export import check_lang, csv_paths, write_csv_tables
from summarizer.pipeline.outputs import refuse_overwrite
from summarizer.pipeline.records import Kept, Record, dumps
from summarizer.pipeline.results import check_output, is_results_file, iter_results, lock_path, partial_path
from summarizer.pipeline.run import Shard, count_record, read_inputs, structure, write_results
from summarizer.pipeline.summary import RunSummary

FORMATS = ("jsonl", "csv")
STDOUT = "-"


def run(
    inputs: list[str],
    output: str,
    config: BackendConfig,
    *,
    jobs: int = 0,
    resume: bool = False,
    output_format: str | None = None,
    openai_batch: bool = False,
    progress: bool = True,
    shard: str | None = None,
    batch_id: str | None = None,
    lang: str = "en",
) -> int:
    """Returns 0 when every input got an extraction from the backend asked for, else 1.

    ``batch_id``: collect that OpenAI batch (an interrupted ``--openai-batch`` run's) before submitting
    what it does not hold; implies ``openai_batch``."""
    openai_batch = openai_batch or bool(batch_id)
    asked = output_format.lower() if output_format is not None else None
    if asked is not None and asked not in FORMATS:
        raise ConfigError(f"unknown format {asked!r}; choose jsonl or csv", "--format")
    if asked == "jsonl" and output != STDOUT and Path(output).suffix.lower() == ".csv":
        raise ConfigError(f"{output} asks for CSV tables and --format jsonl for JSON Lines: drop one of them", "--format")
    output_format = asked or "jsonl"
    lang = check_lang(lang)
    if jobs < 0:
        raise ConfigError(f"must be 0 (auto) or more, not {jobs}", "--jobs")
    if openai_batch and config.name != "llm":
        raise ConfigError("needs the llm backend and a model: pass --backend llm --model NAME", "--openai-batch")
    part = Shard.parse(shard) if shard else None
    if output == STDOUT:
        if resume or output_format == "csv":
            raise ConfigError("--resume and --format csv need an output file, not -", "--output")
        return _to_stdout(inputs, config, jobs=jobs, many=openai_batch, shard=part, batch_id=batch_id)

    target = Path(output)
    if target.suffix.lower() == ".csv":
        output_format = "csv"
    results_inputs = [item for item in inputs if is_results_file(item)]
    if results_inputs:
        if output_format != "csv" or len(results_inputs) != len(inputs):
            raise ConfigError(
                "is a results file; to turn results into CSV tables pass only results files with --format csv",
                results_inputs[0],
            )
        check_output(target)
        refuse_overwrite(inputs, csv_paths(target).values())
        return convert_to_csv(inputs, target, lang)

    results_path = target.with_suffix(".jsonl") if target.suffix.lower() == ".csv" else target
    outputs = [results_path, partial_path(results_path), lock_path(results_path)]
    if output_format == "csv":
        outputs += csv_paths(target).values()
    refuse_overwrite(inputs, outputs)
    summary = write_results(
        inputs, results_path, config, jobs=jobs, resume=resume, many=openai_batch, progress=progress, exclude=outputs,
        shard=part,
        batch_id=batch_id,
    )
    for line in summary.lines():
        say(line)
    say(f"wrote {results_path}")
    if output_format == "csv":
        records = (r for r in iter_results(results_path) if not isinstance(r, SummarizerError))
        _report_csv(write_csv_tables(records, target, lang), csv_paths(target))
    return ExitStatus.OK if summary.complete else ExitStatus.SOME_FAILED


def _to_stdout(
    inputs: list[str], config: BackendConfig, *, jobs: int, many: bool, shard: Shard | None, batch_id: str | None = None
) -> int:
    summary = RunSummary(backend=config.name)
    for _item, record in structure(read_inputs(inputs, shard=shard), config, jobs=jobs, many=many, batch_id=batch_id):
        assert not isinstance(record, Kept)
        sys.stdout.write(dumps(record) + "\n")
        sys.stdout.flush()
        count_record(summary, record)
    for line in summary.lines():
        say(line)
    return ExitStatus.OK if summary.complete else ExitStatus.SOME_FAILED


def converts(inputs: list[str]) -> bool:
    """Every input is a results file: the run turns results into CSV and structures nothing (no backend)."""
    return bool(inputs) and all(is_results_file(item) for item in inputs)


def convert_to_csv(inputs: list[str], output: Path, lang: str = "en") -> int:
    """Results files to CSV tables without extracting anything again."""
    malformed: list[SummarizerError] = []

    def records() -> Iterator[Record]:
        for path in inputs:
            for record in iter_results(path):
                if isinstance(record, SummarizerError):
                    malformed.append(record)
                else:
                    yield record

    counts = write_csv_tables(records(), output, lang)
    for error in malformed:
        say(str(error))
    _report_csv(counts, csv_paths(output))
    return ExitStatus.SOME_FAILED if malformed else ExitStatus.OK


def _report_csv(counts: dict[str, int], paths: dict[str, Path]) -> None:
    for table, path in paths.items():
        say(f"wrote {path} ({table}: {counts[table]} rows)")


__all__ = ["FORMATS", "OutputError", "convert_to_csv", "run"]
