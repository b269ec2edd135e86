"""The rule-based backend: articles per second on one core, and its cost over merely reading.

Both are measured in this one process (one core), each against the floor of the same work
without extraction: reading the file, decoding it and normalising it to NFC (``read_article``).
The sample articles are timed as a whole, repeatedly; the generated corpus in blocks; the figure
is the median, so a burst of load on a shared machine moves neither.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from pathlib import Path

from summarizer.backends import Backend, get_backend
from summarizer.extract import extract_article
from summarizer.text.reading import read_article

from .figures import Figure
from .measure import timed

SECTION = "rule-based backend"


def _read(paths: Sequence[Path]) -> None:
    for path in paths:
        read_article(path)


def _read_and_extract(paths: Sequence[Path], backend: Backend) -> None:
    for path in paths:
        extract_article(read_article(path), backend)


def _time_blocks(blocks: Sequence[Sequence[Path]], backend: Backend) -> tuple[list[float], list[float]]:
    """(extraction rates in articles/s, extraction time ÷ reading time) per block."""
    rates, ratios = [], []
    for block in blocks:
        _, floor = timed(lambda: _read(block))
        _, full = timed(lambda: _read_and_extract(block, backend))
        rates.append(len(block) / full)
        ratios.append(full / floor)
    return rates, ratios


def bench_rules(samples: Sequence[Path], corpus: Sequence[Path], *, repeats: int, block: int) -> list[Figure]:
    backend = get_backend("regex", quiet=True)
    _read_and_extract(samples, backend)  # vocabularies, compiled patterns: paid once per process
    sample_rates, sample_ratios = _time_blocks([samples] * max(1, repeats), backend)
    blocks = [corpus[i : i + block] for i in range(0, len(corpus), block)]
    corpus_rates, corpus_ratios = _time_blocks(blocks, backend)
    sample_note = f"{len(samples)} sample articles, median of {max(1, repeats)} passes, one process"
    corpus_note = f"{len(corpus):,} generated variants, median of {len(blocks)} blocks of {block}, one process"
    return [
        Figure(SECTION, "sample articles per second per core", statistics.median(sample_rates), "articles/s", sample_note),
        Figure(SECTION, "sample: time / read-and-normalise floor", statistics.median(sample_ratios), "ratio",
               "read + extract ÷ read, decode, NFC (read_article)"),
        Figure(SECTION, "variants per second per core", statistics.median(corpus_rates), "articles/s", corpus_note),
        Figure(SECTION, "variants: time / read-and-normalise floor", statistics.median(corpus_ratios), "ratio",
               "read + extract ÷ read, decode, NFC (read_article)"),
    ]
