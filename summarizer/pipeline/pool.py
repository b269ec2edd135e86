"""A backend over many articles at once, records coming out in input order.

The rule backend is CPU-bound and runs in worker processes (one per core); the LLM backend waits on
the network and runs in threads. At most ``window`` inputs are in flight, so memory stays flat
however many there are. Records come out in the order the inputs came in, whatever ``jobs`` is, so
identical runs write identical files. Worker processes end when their parent dies (Linux
``PR_SET_PDEATHSIG``, plus a check of the parent's pid), and a worker that dies takes only the
articles it held with it: the pool is rebuilt and the rest go on.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import partial

from summarizer.backends import BackendConfig
from summarizer.errors import BackendError, FatalBackendError, SummarizerError
from summarizer.text.article import Article

from .records import Kept, Record, error_record, extract_record

Item = Article | SummarizerError | Kept
_PR_SET_PDEATHSIG = 1
# A worker that died this many times while holding an article gives that article an error record.
_MAX_WORKER_DEATHS = 2


# --- in a worker process -------------------------------------------------------------------------

_worker: tuple[object, str] | None = None


def _die_with_parent(parent: int) -> None:
    """Ask the kernel to end this process when its parent dies; if the parent is already gone, end now."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)


def _init_worker(config: BackendConfig, parent: int) -> None:
    """Build the worker's own backend; Ctrl-C is the parent's to handle, so workers ignore it."""
    global _worker
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker = (config.build(), config.settings_hash)


def _in_worker(article: Article) -> Record:
    assert _worker is not None, "worker initialiser did not run"
    backend, settings_hash = _worker
    try:
        return extract_record(article, backend, settings_hash)
    except FatalBackendError as exc:  # sent back as a record: the parent raises it
        return {"fatal": exc.message, "fatal_source": exc.source}


# --- in the parent -------------------------------------------------------------------------------


@dataclass
class _Slot:
    item: Item
    future: Future[Record] | None = None
    record: Record | Kept | None = None
    deaths: int = 0


@dataclass
class OrderedPool:
    """Runs ``extract_record`` over items with ``jobs`` workers, yielding (item, record) in input order."""

    config: BackendConfig
    jobs: int
    window: int = 0
    _executor: Executor | None = field(default=None, init=False)
    _func: Callable[[Article], Record] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self.window = self.window or max(2 * self.jobs, self.jobs + 4)

    def _start(self) -> None:
        if self.config.spec.concurrency == "threads" or self.jobs == 1:
            backend = self.config.build()
            self._func = partial(_in_thread, backend=backend, settings_hash=self.config.settings_hash)
            if self.jobs > 1:
                self._executor = ThreadPoolExecutor(max_workers=self.jobs, thread_name_prefix="extract")
        else:
            self._executor = ProcessPoolExecutor(
                max_workers=self.jobs, initializer=_init_worker, initargs=(self.config, os.getpid())
            )
            self._func = _in_worker

    def run(self, items: Iterable[Item]) -> Iterator[tuple[Item, Record | Kept]]:
        self._start()
        try:
            if self._executor is None:
                for item in items:
                    yield item, self._serial(item)
                return
            yield from self._ordered(items)
        finally:
            if self._executor is not None:
                self._executor.shutdown(wait=True, cancel_futures=True)

    def _serial(self, item: Item) -> Record | Kept:
        if isinstance(item, Kept):
            return item
        if isinstance(item, SummarizerError):
            return error_record(item)
        assert self._func is not None
        return _checked(self._func(item))

    def _ordered(self, items: Iterable[Item]) -> Iterator[tuple[Item, Record | Kept]]:
        slots: deque[_Slot] = deque()
        for item in items:
            slot = _Slot(item)
            if isinstance(item, Kept):
                slot.record = item
            elif isinstance(item, SummarizerError):
                slot.record = error_record(item)
            else:
                self._submit(slot)
            slots.append(slot)
            while len(slots) >= self.window or (slots and _ready(slots[0])):
                yield self._take(slots)
        while slots:
            yield self._take(slots)

    def _submit(self, slot: _Slot) -> None:
        assert self._executor is not None and self._func is not None
        slot.future = self._executor.submit(self._func, slot.item)  # type: ignore[arg-type]

    def _take(self, slots: deque[_Slot]) -> tuple[Item, Record | Kept]:
        head = slots[0]
        while head.record is None:
            assert head.future is not None
            try:
                head.record = _checked(head.future.result())
            except BrokenProcessPool:
                self._rebuild(slots)
            except FatalBackendError:
                raise
            except Exception as exc:  # a thread's backend raised past extract_record: cost one article
                source = getattr(head.item, "source", None)
                head.record = error_record(BackendError(f"internal error: {type(exc).__name__}: {exc}", source), head.item)  # type: ignore[arg-type]
        slots.popleft()
        return head.item, head.record

    def _rebuild(self, slots: deque[_Slot]) -> None:
        """A worker process died: every article it may have held is counted, and resubmitted to a new pool
        unless it has now been in flight during too many deaths (then it gets an error record)."""
        assert self._executor is not None
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._start()
        for slot in slots:
            if slot.record is not None or slot.future is None:
                continue
            slot.deaths += 1
            if slot.deaths >= _MAX_WORKER_DEATHS:
                slot.record = error_record(
                    BackendError("the worker process died while extracting this article", slot.item.source),  # type: ignore[union-attr]
                    slot.item,  # type: ignore[arg-type]
                    self.config.settings_hash,
                )
            else:
                self._submit(slot)


def _ready(slot: _Slot) -> bool:
    return slot.record is not None or (slot.future is not None and slot.future.done())


def _in_thread(article: Article, *, backend: object, settings_hash: str) -> Record:
    return extract_record(article, backend, settings_hash)


def _checked(record: Record) -> Record:
    """A record from a worker; a fatal failure sent back from a process is raised here."""
    if "fatal" in record:
        raise FatalBackendError(record["fatal"], record.get("fatal_source"))
    return record
