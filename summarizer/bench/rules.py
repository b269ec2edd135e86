"""The rule-based backend: articles per CPU-second on one core, its cost over merely tokenising the text,
and its cost on crafted worst-case inputs over real text of the same size.

Every figure is CPU time (``time.process_time``) of this one process, so a burst of load on a shared
machine moves none of them, and every ratio compares work measured in the same rounds, interleaved:

- the *tokenising floor*: read the file, decode it, NFC, and one ``re.findall(r"\\w+", text)`` pass —
  the least any extractor that looks at every word must do;
- the *read-and-normalise floor*: ``read_article`` (decode, NFC, line endings, plausibility checks);
- the full extraction: ``read_article`` and the rule backend.

Before each measurement every ``functools`` cache of the package is cleared, so that a text timed again
never answers from what its previous round left behind (word-level tables such as a syllable's matching
key stay warm, as they do in any batch). Figures are medians over rounds.

Crafted inputs (``evals/perf/*.txt``: long capitalised runs, dates without a header, many gatherings) are
each timed against real text of the same length, built by concatenating the sample articles: no input
shape may cost the rules much more than real text of its size.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from summarizer.backends import Backend, get_backend
from summarizer.evaluation.goldset import locate_evals_dir
from summarizer.extract import extract_article
from summarizer.text.reading import read_article

from .figures import Figure

SECTION = "rule-based backend"
_WORDS = re.compile(r"\w+")
CRAFTED_DIR = "perf"
"""Folder of ``evals/`` holding the crafted worst-case inputs."""
_CRAFTED_ROUNDS_MAX = 3


def cpu_time(fn: Callable[[], object]) -> float:
    """CPU seconds of this process spent in ``fn()``."""
    started = time.process_time()
    fn()
    return time.process_time() - started


def clear_caches() -> None:
    """Empty every ``functools`` cache of the package's loaded modules (see the module docstring)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith("summarizer.") or module is None:
            continue
        for value in list(vars(module).values()):
            clear = getattr(value, "cache_clear", None)
            if callable(clear) and getattr(value, "__module__", None) == name:
                clear()


def tokenising_floor(paths: Sequence[Path]) -> None:
    """Read, decode, NFC and find every word of each file: the floor the rules are compared with."""
    for path in paths:
        _WORDS.findall(unicodedata.normalize("NFC", path.read_bytes().decode("utf-8")))


def _read(paths: Sequence[Path]) -> None:
    for path in paths:
        read_article(path)


def _read_and_extract(paths: Sequence[Path], backend: Backend) -> None:
    for path in paths:
        extract_article(read_article(path), backend)


def _cold(fn: Callable[[], object]) -> float:
    clear_caches()
    return cpu_time(fn)


class _Rounds:
    """CPU times of the floors and of the full extraction, one entry per round."""

    def __init__(self) -> None:
        self.tokenising: list[float] = []
        self.reading: list[float] = []
        self.full: list[float] = []
        self.articles: list[int] = []

    def measure(self, paths: Sequence[Path], backend: Backend) -> None:
        self.tokenising.append(_cold(lambda: tokenising_floor(paths)))
        self.reading.append(_cold(lambda: _read(paths)))
        self.full.append(_cold(lambda: _read_and_extract(paths, backend)))
        self.articles.append(len(paths))

    def rate(self) -> float:
        return statistics.median(n / t for n, t in zip(self.articles, self.full))

    def over(self, floor: list[float]) -> float:
        return statistics.median(full / low for full, low in zip(self.full, floor))


def real_text_of_length(samples: Sequence[Path], length: int) -> str:
    """Sample articles concatenated (one after another, as a long page would hold them) to ``length`` characters."""
    texts = [read_article(path).text for path in samples]
    out: list[str] = []
    size = 0
    index = 0
    while size < length:
        out.append(texts[index % len(texts)])
        size += len(out[-1]) + 1
        index += 1
    return "\n".join(out)[:length]


def crafted_inputs() -> list[Path]:
    """The crafted worst-case inputs kept in ``evals/perf/``, in name order (none without the folder)."""
    evals = locate_evals_dir()
    folder = evals / CRAFTED_DIR if evals is not None else None
    return sorted(folder.glob("*.txt")) if folder is not None and folder.is_dir() else []


def bench_crafted(samples: Sequence[Path], crafted: Sequence[Path], backend: Backend, *, rounds: int) -> list[Figure]:
    """For each crafted input: its CPU time ÷ that of real text of the same length, median of ``rounds``."""
    figures = []
    with tempfile.TemporaryDirectory(prefix="summarizer-bench-real-") as temporary:
        for path in crafted:
            length = len(read_article(path).text)
            real = Path(temporary) / f"real-{path.stem}.txt"
            real.write_text(real_text_of_length(samples, length), encoding="utf-8")
            ratios = []
            for _ in range(rounds):
                real_time = _cold(lambda: _read_and_extract([real], backend))
                crafted_time = _cold(lambda: _read_and_extract([path], backend))
                ratios.append(crafted_time / real_time)
            figures.append(
                Figure(SECTION, f"crafted {path.stem}: CPU time / real text of its size", statistics.median(ratios), "ratio",
                       f"{length:,} characters (evals/perf/{path.name}) ÷ sample articles concatenated to that length, "
                       f"median of {rounds}")
            )
    return figures


def bench_rules(samples: Sequence[Path], corpus: Sequence[Path], *, repeats: int, block: int) -> list[Figure]:
    backend = get_backend("regex", quiet=True)
    _read_and_extract(samples, backend)  # vocabularies, compiled patterns: paid once per process
    sample_rounds = _Rounds()
    for _ in range(max(1, repeats)):
        sample_rounds.measure(samples, backend)
    corpus_rounds = _Rounds()
    blocks = [corpus[i : i + block] for i in range(0, len(corpus), block)]
    for paths in blocks:
        corpus_rounds.measure(paths, backend)
    sample_note = f"{len(samples)} sample articles, median of {max(1, repeats)} rounds, CPU time, one process"
    corpus_note = f"{len(corpus):,} generated variants, median of {len(blocks)} blocks of {block}, CPU time, one process"
    floor_note = "read + extract ÷ read, NFC, re.findall(r'\\w+'): interleaved rounds, caches cleared, CPU time"
    reading_note = "read + extract ÷ read, decode, NFC (read_article): interleaved rounds, CPU time"
    figures = [
        Figure(SECTION, "sample articles per second per core", sample_rounds.rate(), "articles/s", sample_note),
        Figure(SECTION, "sample: time / tokenising floor", sample_rounds.over(sample_rounds.tokenising), "ratio", floor_note),
        Figure(SECTION, "sample: time / read-and-normalise floor", sample_rounds.over(sample_rounds.reading), "ratio", reading_note),
    ]
    if blocks:
        figures += [
            Figure(SECTION, "variants per second per core", corpus_rounds.rate(), "articles/s", corpus_note),
            Figure(SECTION, "variants: time / tokenising floor", corpus_rounds.over(corpus_rounds.tokenising), "ratio", floor_note),
            Figure(SECTION, "variants: time / read-and-normalise floor", corpus_rounds.over(corpus_rounds.reading), "ratio", reading_note),
        ]
    rounds = max(1, min(_CRAFTED_ROUNDS_MAX, repeats // 5))
    return figures + bench_crafted(samples, crafted_inputs(), backend, rounds=rounds)
