"""``summarizer batch``: many articles to one results file, concurrently, resumably, nothing lost.

Input and output are streamed: articles are read one at a time and at most a small window of them
is in flight, so memory stays flat however many there are. Each result is written as one whole line
in a single unbuffered ``write``, so a killed run leaves every finished line intact and at most one
torn last line, which ``--resume`` drops before skipping the articles already done.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from summarizer.backends import Backend, get_backend, resolve_backend_name
from summarizer.backends.base import configured_model
from summarizer.errors import BackendError, ConfigError, OutputError, SummarizerError
from summarizer.extract import extract_article, stamp
from summarizer.results import is_error_record, is_results_file, is_results_record, iter_results
from summarizer.schemas import ArticleExtraction, extraction_to_dict
from summarizer.text.article import Article

FORMATS = ("jsonl", "csv")
LLM_AUTO_JOBS = 8
OPENAI_BATCH_POLL_SECONDS = 30.0
_LINE_SUFFIX = re.compile(r":\d+$")

Item = Article | SummarizerError


# --- records -----------------------------------------------------------------------------------


def success_record(article: Article, extraction: ArticleExtraction) -> dict:
    """The extraction as written to the results file, with where it came from and its content hash."""
    record = extraction_to_dict(extraction)
    record["source"] = article.source
    record["content_hash"] = article.content_hash
    return record


def error_record(error: SummarizerError, article: Article | None = None) -> dict:
    """An article that could not be processed: enough to find it again and to know why."""
    if article is not None:
        return {
            "article_id": article.id,
            "source": article.source,
            "content_hash": article.content_hash,
            "error": error.to_record(),
        }
    source = error.source
    article_id = Path(_LINE_SUFFIX.sub("", source)).stem if source else None
    return {"article_id": article_id, "source": source, "error": error.to_record()}


def report_error(record: dict) -> None:
    """One line on stderr naming the input that failed, as its error record in the results says."""
    where = record.get("source") or record.get("article_id") or "<unknown input>"
    print(f"summarizer: {where}: {record['error'].get('message', 'failed')}", file=sys.stderr)


def process_article(article: Article, backend: Backend) -> dict:
    """One article to one record; a failure of any kind becomes an error record, never an exception."""
    try:
        return success_record(article, extract_article(article, backend))
    except SummarizerError as exc:
        if exc.source is None:
            exc.source = article.source
        return error_record(exc, article)
    except Exception as exc:  # a bug in a backend must cost one article, not the run
        return error_record(BackendError(f"{type(exc).__name__}: {exc}", article.source), article)


_worker_backend: Backend | None = None


def _init_worker(backend: str, options: dict[str, object]) -> None:
    """Build the worker's own backend; Ctrl-C is the parent's to handle, so workers ignore it."""
    global _worker_backend
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_backend = get_backend(backend, quiet=True, **options)


def _process_in_worker(article: Article) -> dict:
    assert _worker_backend is not None, "worker initialiser did not run"
    return process_article(article, _worker_backend)


# --- running -----------------------------------------------------------------------------------


def _bounded_map(func: Callable[[Article], dict], items: Iterable[Item], executor: Executor | None, window: int) -> Iterator[tuple[Item, dict]]:
    """(item, record) in completion order, with at most ``window`` articles submitted and unfinished.

    Input errors need no work and pass straight through.
    """
    if executor is None:
        for item in items:
            yield item, error_record(item) if isinstance(item, SummarizerError) else func(item)
        return
    in_flight: dict[Future[dict], Article] = {}

    def drain(block_until: int) -> Iterator[tuple[Item, dict]]:
        while len(in_flight) > block_until:
            done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            for future in done:
                article = in_flight.pop(future)
                try:
                    yield article, future.result()
                except Exception as exc:  # the pool itself failed (a worker died): stop with a clear message
                    raise BackendError(f"worker failed: {type(exc).__name__}: {exc}", article.source) from None

    for item in items:
        if isinstance(item, SummarizerError):
            yield item, error_record(item)
            continue
        in_flight[executor.submit(func, item)] = item
        yield from drain(window - 1)
    yield from drain(0)


def backend_options(model: str | None, base_url: str | None, prompt: str | None, mode: str | None) -> dict[str, object]:
    given = {"model": model, "base_url": base_url, "prompt": prompt, "mode": mode}
    return {key: value for key, value in given.items() if value is not None}


def auto_jobs(backend: str) -> int:
    """Cores for the CPU-bound rules; a fixed fan-out for the I/O-bound LLM."""
    if backend == "llm":
        return LLM_AUTO_JOBS
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def extract_records(
    items: Iterable[Item],
    *,
    backend: str,
    jobs: int,
    options: dict[str, object],
) -> Iterator[tuple[Item, dict]]:
    """Every item to a record: processes for the rules (CPU-bound), threads for the LLM (I/O-bound).

    ``backend`` is a resolved name (regex or llm). The backend is built now, before the records are
    asked for, so that a configuration error stops the run before any output is touched.
    """
    instance = get_backend(backend, quiet=True, **options)
    return _extract_with(instance, items, backend=backend, jobs=jobs or auto_jobs(backend), options=options)


def _extract_with(
    instance: Backend, items: Iterable[Item], *, backend: str, jobs: int, options: dict[str, object]
) -> Iterator[tuple[Item, dict]]:
    window = max(2 * jobs, jobs + 4)
    if jobs == 1:
        yield from _bounded_map(partial(process_article, backend=instance), items, None, window)
        return
    executor: Executor
    if backend == "llm":
        executor = ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="extract")
        func: Callable[[Article], dict] = partial(process_article, backend=instance)
    else:
        executor = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker, initargs=(backend, options))
        func = _process_in_worker
    try:
        yield from _bounded_map(func, items, executor, window)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


def _openai_batch_records(
    items: Iterable[Item], *, options: dict[str, object]
) -> Iterator[tuple[Item, dict]]:
    """Records through the OpenAI Batch API; input errors are passed on as they are met."""
    from summarizer.openai_batch import run_openai_batch

    return _openai_batch_with(run_openai_batch, items, options=options)


def _openai_batch_with(
    run_openai_batch: Callable[..., Iterator[tuple[Article, ArticleExtraction | SummarizerError]]],
    items: Iterable[Item],
    *,
    options: dict[str, object],
) -> Iterator[tuple[Item, dict]]:
    pending_errors: list[SummarizerError] = []

    def articles() -> Iterator[Article]:
        for item in items:
            if isinstance(item, SummarizerError):
                pending_errors.append(item)
            else:
                yield item

    def flush_errors() -> Iterator[tuple[Item, dict]]:
        while pending_errors:
            error = pending_errors.pop(0)
            yield error, error_record(error)

    for article, result in run_openai_batch(
        articles(),
        model=options["model"],
        base_url=options.get("base_url"),
        prompt=options.get("prompt"),
        mode=options.get("mode"),
        poll_interval=OPENAI_BATCH_POLL_SECONDS,
    ):
        yield from flush_errors()
        if isinstance(result, SummarizerError):
            yield article, error_record(result, article)
        else:
            yield article, success_record(article, stamp(result, article))
    yield from flush_errors()


# --- the results file --------------------------------------------------------------------------


class ResultsWriter:
    """Appends records to the results file, each as one ``write`` of a whole line, unbuffered."""

    def __init__(self, path: Path, *, append: bool) -> None:
        flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
        try:
            self._fd = os.open(path, flags, 0o644)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", str(path)) from None
        self.path = path

    def write(self, record: dict) -> None:
        data = memoryview((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
        try:
            while data:
                data = data[os.write(self._fd, data) :]
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", str(self.path)) from None

    def close(self) -> None:
        os.close(self._fd)

    def __enter__(self) -> ResultsWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


@dataclass
class ResumeState:
    done: set[str] = field(default_factory=set)
    retried: int = 0
    torn: int = 0


def prepare_resume(path: Path) -> ResumeState:
    """Keep the successful records of an earlier run and return their content hashes.

    The file is rewritten without its failed records (they are retried) and without a torn last
    line; it is written beside the original and moved over it, so a kill here loses nothing.
    """
    state = ResumeState()
    if not path.exists():
        return state
    temporary = path.with_name(path.name + ".resume")
    try:
        with path.open("rb") as source, temporary.open("wb") as target:
            for number, raw in enumerate(source, start=1):
                if not raw.strip():
                    continue
                try:
                    record = json.loads(raw)
                except ValueError:
                    if raw.endswith(b"\n"):
                        raise OutputError(
                            f"line {number} is not JSON; refusing to resume into a file that is not a results file",
                            str(path),
                        ) from None
                    state.torn += 1
                    continue
                if not is_results_record(record):
                    raise OutputError(
                        f"line {number} is not a results record; refusing to resume into it", str(path)
                    )
                if is_error_record(record) or not record.get("content_hash"):
                    state.retried += 1
                    continue
                state.done.add(record["content_hash"])
                target.write(raw if raw.endswith(b"\n") else raw + b"\n")
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"cannot prepare resume: {exc.strerror or exc}", str(path)) from None
    except OutputError:
        temporary.unlink(missing_ok=True)
        raise
    return state


# --- the summary -------------------------------------------------------------------------------


@dataclass
class BatchSummary:
    """What a run did, from the records it wrote."""

    done: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    skipped: int = 0
    cached: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float = 0.0

    def add(self, record: dict) -> None:
        if is_error_record(record):
            self.failed[record["error"].get("kind", "error")] += 1
            return
        self.done += 1
        provenance = record.get("provenance") or {}
        self.cached += bool(provenance.get("cached"))
        self.tokens_in += provenance.get("tokens_in") or 0
        self.tokens_out += provenance.get("tokens_out") or 0
        self.cost_usd += provenance.get("cost_usd") or 0.0

    @property
    def failed_total(self) -> int:
        return sum(self.failed.values())

    def lines(self) -> list[str]:
        failed = f"failed {self.failed_total}"
        if self.failed:
            failed += " (" + ", ".join(f"{kind} {n}" for kind, n in sorted(self.failed.items())) + ")"
        first = f"done {self.done}, {failed}, cached {self.cached}"
        if self.skipped:
            first += f", skipped {self.skipped} already done"
        return [first, f"tokens {self.tokens_in:,} in, {self.tokens_out:,} out; cost ${self.cost_usd:.4f}"]


# --- inputs ------------------------------------------------------------------------------------


def count_inputs(inputs: list[str]) -> int | None:
    """How many articles the inputs hold, for the progress bar's ETA; None when it cannot be known
    cheaply (stdin). Walks folders the way ``iter_articles`` does, reading only JSONL line counts."""
    from summarizer.text.reading import FOLDER_SUFFIXES, JSONL_SUFFIXES, STDIN

    def count_file(path: Path) -> int:
        if path.suffix.lower() not in JSONL_SUFFIXES:
            return 1
        try:
            with path.open("rb") as handle:
                return sum(1 for line in handle if line.strip())
        except OSError:
            return 1

    total = 0
    for item in inputs:
        if item == STDIN:
            return None
        path = Path(item)
        if not path.is_dir():
            total += count_file(path)
            continue
        for folder, folders, files in os.walk(path):
            folders[:] = [name for name in folders if not name.startswith(".")]
            total += sum(
                count_file(Path(folder, name))
                for name in files
                if not name.startswith(".") and Path(name).suffix.lower() in FOLDER_SUFFIXES
            )
    return total


def _not_the_output(items: Iterable[Item], output: Path) -> Iterator[Item]:
    """Leave out the results file itself when it lies inside an input folder."""
    target = output.resolve()
    for item in items:
        source = item.source or ""
        if source and Path(_LINE_SUFFIX.sub("", source)).resolve() == target:
            continue
        yield item


def _not_done(items: Iterable[Item], done: set[str], summary: BatchSummary) -> Iterator[Item]:
    for item in items:
        if isinstance(item, Article) and item.content_hash in done:
            summary.skipped += 1
            continue
        yield item


def check_output(output: Path) -> None:
    """A results path must be a file in an existing folder: fail before any work is done."""
    if output.is_dir():
        raise OutputError("is a folder; give a file name such as results.jsonl", str(output))
    if not output.parent.is_dir():
        raise OutputError(f"folder {output.parent} does not exist", str(output))


# --- the command -------------------------------------------------------------------------------


def run_batch(
    inputs: list[str],
    output: Path,
    *,
    jobs: int = 0,
    backend: str = "auto",
    model: str | None = None,
    base_url: str | None = None,
    prompt: str | None = None,
    mode: str | None = None,
    resume: bool = False,
    openai_batch: bool = False,
    progress: bool = True,
) -> BatchSummary:
    """Write one record per article of ``inputs`` to ``output`` (JSONL) and return what was done."""
    from summarizer.progress import reporter
    from summarizer.text.reading import iter_articles

    if jobs < 0:
        raise ConfigError(f"--jobs must be 0 (auto) or more, not {jobs}", "--jobs")
    check_output(output)
    options = backend_options(model, base_url, prompt, mode)
    resolved = resolve_backend_name(backend, model)
    if openai_batch:
        chosen = configured_model(model)
        if resolved != "llm" or not chosen:
            raise ConfigError(
                "needs the llm backend and a model: pass --backend llm --model NAME (or set SUMMARIZER_MODEL)",
                "--openai-batch",
            )
        options["model"] = chosen

    summary = BatchSummary()
    done: set[str] = set()  # filled by prepare_resume below, before the first item is read
    items = _not_done(_not_the_output(iter_articles(list(inputs)), output), done, summary)
    if openai_batch:
        records = _openai_batch_records(items, options=options)
    else:
        records = extract_records(items, backend=resolved, jobs=jobs, options=options)
    state = prepare_resume(output) if resume else ResumeState()
    done |= state.done
    if state.torn:
        print(f"summarizer: {output}: dropped a torn last line from an interrupted run", file=sys.stderr)

    total = count_inputs(list(inputs)) if progress else None
    if total is not None and state.done:
        total = max(0, total - len(state.done))
    bar = reporter("batch", total) if progress else None
    with ResultsWriter(output, append=resume) as writer:
        try:
            for _item, record in records:
                writer.write(record)
                summary.add(record)
                if is_error_record(record):
                    report_error(record)
                if bar is not None:
                    bar.advance(failed=is_error_record(record))
        finally:
            if bar is not None:
                bar.close()
    return summary


def convert_to_csv(inputs: list[str], output: Path) -> int:
    """Results files to CSV tables without extracting anything again."""
    from summarizer.export_csv import csv_paths, write_csv_tables

    malformed: list[SummarizerError] = []

    def records() -> Iterator[dict]:
        for path in inputs:
            for record in iter_results(path):
                if isinstance(record, SummarizerError):
                    malformed.append(record)
                else:
                    yield record

    counts = write_csv_tables(records(), output)
    for error in malformed:
        print(f"summarizer: {error}", file=sys.stderr)
    _report_csv(counts, csv_paths(output))
    return 1 if malformed else 0


def _report_csv(counts: dict[str, int], paths: dict[str, Path]) -> None:
    for table, path in paths.items():
        print(f"summarizer: wrote {path} ({counts[table]} rows)", file=sys.stderr)


def run_batch_command(
    inputs: list[str],
    output: Path,
    *,
    jobs: int,
    backend: str,
    model: str | None,
    base_url: str | None,
    prompt: str | None,
    mode: str | None,
    resume: bool,
    output_format: str,
    openai_batch: bool,
) -> int:
    """The ``batch`` command: results JSONL (and CSV tables with ``--format csv`` or ``-o x.csv``).

    With ``--format csv`` and only results files as inputs, the results are converted to CSV without
    extracting again. Returns 0 when every article succeeded, 1 when some failed.
    """
    from summarizer.cli import EXIT_OK, EXIT_SOME_FAILED
    from summarizer.export_csv import csv_paths, write_csv_tables

    output_format = output_format.lower()
    if output_format not in FORMATS:
        raise ConfigError(f"unknown format {output_format!r}; choose jsonl or csv", "--format")
    if output.suffix.lower() == ".csv":
        output_format = "csv"
    results_inputs = [item for item in inputs if is_results_file(item)]
    if results_inputs:
        if output_format != "csv" or len(results_inputs) != len(inputs):
            raise ConfigError(
                "is a results file; to turn results into CSV tables pass only results files with --format csv",
                results_inputs[0],
            )
        check_output(output)
        return convert_to_csv(inputs, output)

    results_path = output.with_suffix(".jsonl") if output.suffix.lower() == ".csv" else output
    summary = run_batch(
        inputs,
        results_path,
        jobs=jobs,
        backend=backend,
        model=model,
        base_url=base_url,
        prompt=prompt,
        mode=mode,
        resume=resume,
        openai_batch=openai_batch,
    )
    for line in summary.lines():
        print(f"summarizer: {line}", file=sys.stderr)
    print(f"summarizer: wrote {results_path}", file=sys.stderr)
    if output_format == "csv":
        records = (r for r in iter_results(results_path) if not isinstance(r, SummarizerError))
        _report_csv(write_csv_tables(records, output), csv_paths(output))
    return EXIT_SOME_FAILED if summary.failed_total else EXIT_OK
