"""What one article's requests are and what they spent: shared by live calls and the Batch API."""

from __future__ import annotations

from dataclasses import dataclass, field

from summarizer import store

from .chunking import Chunk


@dataclass
class ChunkRequest:
    """One call's worth of an article: the chunk, its rendered messages and its cache key."""

    chunk: Chunk
    messages: list[dict[str, str]]
    key: str


@dataclass
class ArticleUsage:
    """What one article's calls spent; ``cost_usd`` is None as soon as one call's cost is unknown."""

    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float | None = 0.0
    cached: bool = True
    calls: list[store.CallRecord] = field(default_factory=list)

    def add(self, record: store.CallRecord, *, cached: bool, cost_usd: float | None) -> None:
        self.tokens_in += record.tokens_in
        self.tokens_out += record.tokens_out
        self.cost_usd = None if self.cost_usd is None or cost_usd is None else self.cost_usd + cost_usd
        self.cached = self.cached and cached
        self.calls.append(record)
