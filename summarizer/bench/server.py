"""The fake OpenAI server in a child process, so that its CPU time is never counted as the client's.

In the same process the fake's answering (matching the article against the sample articles,
serialising gold) would compete with the client's threads for the GIL, and the benchmark would
measure the two together. The child is driven over a pipe: script latency, count calls, stop.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing.connection import Connection
from typing import Any

from summarizer.testing.fake_openai import Fault, FakeOpenAI


def _serve(conn: Connection) -> None:
    with FakeOpenAI() as fake:
        conn.send(fake.base_url)
        while True:
            command, *args = conn.recv()
            if command == "latency":
                seconds, count = args
                fake.script(*[Fault("delay", seconds=seconds)] * count)
                conn.send(None)
            elif command == "count":
                conn.send(fake.count())
            else:
                conn.send(None)
                return


class FakeServerProcess:
    """``with FakeServerProcess() as server:`` → ``server.base_url``, ``server.latency(s, n)``, ``server.count()``."""

    def __init__(self) -> None:
        self._context = multiprocessing.get_context("spawn")
        self._conn: Connection | None = None
        self._process: Any = None
        self.base_url = ""

    def __enter__(self) -> FakeServerProcess:
        parent, child = self._context.Pipe()
        self._process = self._context.Process(target=_serve, args=(child,), daemon=True)
        self._process.start()
        child.close()
        self._conn = parent
        if not parent.poll(60):
            self._process.kill()
            raise RuntimeError("the fake OpenAI server did not start within 60 s")
        self.base_url = parent.recv()
        return self

    def _ask(self, *message: Any) -> Any:
        assert self._conn is not None, "use FakeServerProcess as a context manager"
        self._conn.send(message)
        return self._conn.recv()

    def latency(self, seconds: float, count: int) -> None:
        """Hold each of the next ``count`` chat answers for ``seconds``."""
        self._ask("latency", seconds, count)

    def count(self) -> int:
        """Chat completion requests received so far."""
        return int(self._ask("count"))

    def __exit__(self, *exc: object) -> None:
        try:
            self._ask("stop")
        except (EOFError, OSError):
            pass
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        if self._conn is not None:
            self._conn.close()
