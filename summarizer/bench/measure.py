"""Timing and environment helpers shared by the benchmarks."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")


class BenchFailure(RuntimeError):
    """A benchmark run that did not do what it measures (then its figure would be meaningless)."""


def timed(fn: Callable[[], T]) -> tuple[T, float]:
    """The result of ``fn()`` and the wall-clock seconds it took."""
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


@contextmanager
def scoped_env(**values: str | None) -> Iterator[None]:
    """Set (or, with None, remove) environment variables for the duration of a block."""
    saved = {name: os.environ.get(name) for name in values}
    try:
        _set_env(values)
        yield
    finally:
        _set_env(saved)


def _set_env(values: dict[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
