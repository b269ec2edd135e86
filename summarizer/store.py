"""The LLM response cache and call log: one SQLite file in the user's data directory.

``cache`` maps a hash of everything that shapes an answer (model, rendered messages, schema, mode,
parameters) to the validated answer, so a re-run with an unchanged prompt makes no HTTP call.
``calls`` records every call the LLM backend made or answered from the cache: tokens (from the
API's ``usage``, failed attempts included), latency, attempts, outcome and estimated cost.

Several processes and threads share the file: each thread keeps its own connection, the database
is in WAL mode and waits for locks rather than failing, and its tables are created and changed by
numbered migrations recorded in the file. ``SUMMARIZER_HOME`` moves it.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from summarizer.errors import ConfigError

DB_NAME = "summarizer.sqlite3"
BUSY_TIMEOUT_MS = 30_000

# Numbered, append-only: each runs once per database, in order, and is recorded in ``_migrations``
# (in the manner of llm's migrations). A new column is a new migration, never an edit of an old one.
MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "m001_cache_and_calls",
        """
        CREATE TABLE IF NOT EXISTS cache (
            key TEXT PRIMARY KEY,
            model TEXT NOT NULL,
            prompt TEXT,
            created REAL NOT NULL,
            hits INTEGER NOT NULL DEFAULT 0,
            last_hit REAL,
            tokens_in INTEGER,
            tokens_out INTEGER,
            cost_usd REAL,
            response TEXT NOT NULL
        );
        CREATE TABLE IF NOT EXISTS calls (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            ts REAL NOT NULL,
            model TEXT NOT NULL,
            prompt TEXT,
            article_id TEXT,
            chunk INTEGER NOT NULL DEFAULT 0,
            mode TEXT,
            batch INTEGER NOT NULL DEFAULT 0,
            tokens_in INTEGER NOT NULL DEFAULT 0,
            tokens_out INTEGER NOT NULL DEFAULT 0,
            latency_s REAL NOT NULL DEFAULT 0,
            attempts INTEGER NOT NULL DEFAULT 0,
            reasks INTEGER NOT NULL DEFAULT 0,
            outcome TEXT NOT NULL,
            error TEXT,
            cost_usd REAL
        );
        CREATE INDEX IF NOT EXISTS calls_ts ON calls (ts);
        """,
    ),
)

_local = threading.local()
_ready: set[Path] = set()
_ready_lock = threading.Lock()


def home() -> Path:
    """Where the tool keeps its data: ``SUMMARIZER_HOME``, else the platform's user data directory."""
    configured = os.environ.get("SUMMARIZER_HOME")
    return Path(configured).expanduser() if configured else Path(platformdirs.user_data_dir("summarizer"))


def db_path() -> Path:
    return home() / DB_NAME


def migrate(conn: sqlite3.Connection, migrations: tuple[tuple[str, str], ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations this database has not had yet, in order, each in its own transaction;
    returns the names applied. ``conn`` must be in autocommit mode (isolation_level None)."""
    conn.execute("CREATE TABLE IF NOT EXISTS _migrations (name TEXT PRIMARY KEY, applied REAL NOT NULL)")
    applied = []
    for name, script in migrations:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM _migrations WHERE name = ?", (name,)).fetchone():
                conn.execute("COMMIT")
                continue
            for statement in filter(str.strip, script.split(";")):
                conn.execute(statement)
            conn.execute("INSERT INTO _migrations (name, applied) VALUES (?, ?)", (name, time.time()))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(name)
    return applied


def _connection(target: Path) -> sqlite3.Connection:
    """This thread's open connection to ``target``: one per thread and process, reused across
    operations (opening one per operation cost a sixth of the client's CPU per article)."""
    key = (os.getpid(), str(target))
    pool: dict[tuple[int, str], sqlite3.Connection] | None = getattr(_local, "connections", None)
    if pool is None:
        pool = _local.connections = {}
    conn = pool.get(key)
    if conn is not None:
        return conn
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(target, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        with _ready_lock:
            if target not in _ready:
                conn.execute("PRAGMA journal_mode = WAL")
                migrate(conn)
                _ready.add(target)
    except (OSError, sqlite3.Error) as exc:
        raise ConfigError(f"cannot open the cache database: {exc}", str(target)) from None
    pool[key] = conn
    return conn


@contextmanager
def connect(path: Path | None = None) -> Iterator[sqlite3.Connection]:
    """This thread's connection, inside one transaction: committed on success, rolled back on error."""
    target = path or db_path()
    conn = _connection(target)
    try:
        conn.execute("BEGIN")
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise ConfigError(f"cache database error: {exc}", str(target)) from None
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def cache_key(*, model: str, messages: list[dict], schema: Any, mode: str, params: dict[str, Any]) -> str:
    """sha256 of everything that shapes the answer; the API key is never part of it."""
    material = json.dumps(
        {"model": model, "messages": messages, "schema": schema, "mode": mode, "params": params},
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class CachedAnswer:
    response: dict[str, Any]
    tokens_in: int
    tokens_out: int
    cost_usd: float | None


def cache_get(key: str) -> CachedAnswer | None:
    with connect() as conn:
        row = conn.execute(
            "SELECT response, tokens_in, tokens_out, cost_usd FROM cache WHERE key = ?", (key,)
        ).fetchone()
        if row is None:
            return None
        conn.execute("UPDATE cache SET hits = hits + 1, last_hit = ? WHERE key = ?", (time.time(), key))
    return CachedAnswer(json.loads(row[0]), row[1] or 0, row[2] or 0, row[3])


def cache_put(
    key: str,
    *,
    model: str,
    prompt: str | None,
    response: dict[str, Any],
    tokens_in: int,
    tokens_out: int,
    cost_usd: float | None,
) -> None:
    with connect() as conn:
        conn.execute(
            "INSERT OR REPLACE INTO cache (key, model, prompt, created, tokens_in, tokens_out, cost_usd, response) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, model, prompt, time.time(), tokens_in, tokens_out, cost_usd, json.dumps(response, ensure_ascii=False)),
        )


def clear_cache() -> int:
    """Delete every cached answer; the call log is kept. Returns how many were removed."""
    with connect() as conn:
        removed = conn.execute("DELETE FROM cache").rowcount
    _connection(db_path()).execute("VACUUM")
    return removed


@dataclass
class CallRecord:
    """One LLM call (or one answer served from the cache) as the call log keeps it."""

    model: str
    prompt: str | None
    article_id: str | None
    outcome: str
    tokens_in: int = 0
    tokens_out: int = 0
    latency_s: float = 0.0
    attempts: int = 0
    reasks: int = 0
    error: str | None = None
    cost_usd: float | None = None
    mode: str | None = None
    batch: bool = False
    chunk: int = 0
    ts: float = field(default_factory=time.time)


@dataclass
class Usage:
    """Totals over some calls: what a batch, an eval or a benchmark run spent."""

    calls: int = 0
    cache_hits: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float = 0.0
    attempts: int = 0
    failures: int = 0

    def add(self, record: CallRecord) -> None:
        self.calls += 1
        self.cache_hits += record.outcome == "cache_hit"
        self.tokens_in += record.tokens_in
        self.tokens_out += record.tokens_out
        self.cost_usd += record.cost_usd or 0.0
        self.attempts += record.attempts
        self.failures += record.outcome not in {"ok", "reask", "cache_hit"}


class Counters:
    """Per-process usage totals, for code that wants figures without querying the database."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._usage = Usage()

    def add(self, record: CallRecord) -> None:
        with self._lock:
            self._usage.add(record)

    def snapshot(self) -> Usage:
        with self._lock:
            return Usage(**asdict(self._usage))


COUNTERS = Counters()


def log_call(record: CallRecord) -> None:
    COUNTERS.add(record)
    values = asdict(record)
    values["batch"] = int(record.batch)
    columns = ", ".join(values)
    with connect() as conn:
        conn.execute(f"INSERT INTO calls ({columns}) VALUES ({', '.join('?' * len(values))})", tuple(values.values()))


def calls_since(ts: float) -> list[CallRecord]:
    names = [f for f in CallRecord.__dataclass_fields__]
    with connect() as conn:
        rows = conn.execute(f"SELECT {', '.join(names)} FROM calls WHERE ts >= ? ORDER BY id", (ts,)).fetchall()
    return [CallRecord(**{**dict(zip(names, row)), "batch": bool(row[names.index("batch")])}) for row in rows]


def usage_since(ts: float) -> Usage:
    """What every process spent since ``ts`` (a ``time.time()`` value), from the call log."""
    usage = Usage()
    for record in calls_since(ts):
        usage.add(record)
    return usage


def stats() -> dict[str, Any]:
    path = db_path()
    with connect() as conn:
        entries, hits = conn.execute("SELECT COUNT(*), COALESCE(SUM(hits), 0) FROM cache").fetchone()
        rows = conn.execute(
            "SELECT model, COALESCE(prompt, ''), COUNT(*), SUM(outcome = 'cache_hit'), "
            "SUM(outcome NOT IN ('ok', 'reask', 'cache_hit')), SUM(tokens_in), SUM(tokens_out), "
            "SUM(cost_usd), COUNT(cost_usd) FROM calls GROUP BY model, prompt ORDER BY model, prompt"
        ).fetchall()
    size = sum(p.stat().st_size for p in path.parent.glob(DB_NAME + "*") if p.is_file())
    by_model = [
        {
            "model": model,
            "prompt": prompt or None,
            "calls": calls,
            "cache_hits": cache_hits,
            "failures": failures,
            "tokens_in": tokens_in,
            "tokens_out": tokens_out,
            "cost_usd": round(cost, 6) if priced else None,
        }
        for model, prompt, calls, cache_hits, failures, tokens_in, tokens_out, cost, priced in rows
    ]
    return {
        "path": str(path),
        "entries": entries,
        "size_bytes": size,
        "hits": hits,
        "calls": sum(r["calls"] for r in by_model),
        "tokens_in": sum(r["tokens_in"] for r in by_model),
        "tokens_out": sum(r["tokens_out"] for r in by_model),
        "cost_usd": round(sum(r["cost_usd"] or 0.0 for r in by_model), 6),
        "by_model": by_model,
    }


def print_stats(*, as_json: bool = False) -> None:
    data = stats()
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console
    from rich.table import Column, Table

    console = Console()
    console.print(f"cache: {data['path']}", soft_wrap=True, highlight=False)
    console.print(
        f"{data['entries']} cached answers, {data['size_bytes'] / 1024:.0f} KiB, {data['hits']} hits; "
        f"{data['calls']} calls, {data['tokens_in']} tokens in, {data['tokens_out']} out, "
        f"${data['cost_usd']:.4f}",
        soft_wrap=True,
        highlight=False,
    )
    if not data["by_model"]:
        return
    headers = ["calls", "hits", "failed", "tokens in", "tokens out", "USD"]
    table = Table(
        Column("model", no_wrap=True),
        Column("prompt", no_wrap=True),
        *(Column(h, justify="right") for h in headers),
    )
    for row in data["by_model"]:
        cost = "unknown" if row["cost_usd"] is None else f"{row['cost_usd']:.4f}"
        table.add_row(
            row["model"], row["prompt"] or "", str(row["calls"]), str(row["cache_hits"]), str(row["failures"]),
            str(row["tokens_in"]), str(row["tokens_out"]), cost,
        )
    console.print(table)
