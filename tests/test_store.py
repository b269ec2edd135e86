"""The SQLite cache and call log: location, concurrency, figures, and the cache commands."""

from __future__ import annotations

import json
import sqlite3
import threading
import time

import pytest
from typer.testing import CliRunner

from summarizer import store
from summarizer.cli import app


def record(**overrides) -> store.CallRecord:
    values = dict(model="gpt-4o-mini", prompt="extract/v1", article_id="bai-1", outcome="ok",
                  tokens_in=1200, tokens_out=300, attempts=1, cost_usd=0.00036)
    return store.CallRecord(**{**values, **overrides})


def key(n: int) -> str:
    return store.cache_key(model="gpt-4o-mini", messages=[{"role": "user", "content": f"Kỳ họp thứ {n}"}],
                           schema={"type": "object"}, mode="tools", params={"temperature": 0})


def test_the_database_lives_under_summarizer_home_in_wal_mode(tmp_path):
    store.log_call(record())

    assert store.db_path() == tmp_path / "home" / store.DB_NAME
    with sqlite3.connect(store.db_path()) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_the_cache_key_changes_with_each_part_and_never_with_dict_order():
    base = dict(model="m", messages=[{"role": "user", "content": "Bắc Ninh"}], schema={"a": 1, "b": 2}, mode="tools",
                params={"temperature": 0})

    assert store.cache_key(**base) == store.cache_key(**{**base, "schema": {"b": 2, "a": 1}})
    for change in ({"model": "n"}, {"mode": "json"}, {"params": {"temperature": 0.5}}, {"schema": {"a": 1}},
                   {"messages": [{"role": "user", "content": "Bắc Kạn"}]}):
        assert store.cache_key(**{**base, **change}) != store.cache_key(**base)


def test_a_cached_answer_comes_back_unchanged_and_counts_a_hit():
    answer = {"officials": [{"name": "Nguyễn Hoàng Long", "titles": ["Chủ tịch HĐND thành phố"]}]}
    store.cache_put(key(1), model="gpt-4o-mini", prompt="extract/v1", response=answer, tokens_in=10, tokens_out=5, cost_usd=None)

    hit = store.cache_get(key(1))

    assert hit.response == answer and (hit.tokens_in, hit.tokens_out) == (10, 5)
    assert store.cache_get(key(2)) is None
    assert store.stats()["hits"] == 1


def test_clearing_the_cache_keeps_the_call_log():
    for n in range(3):
        store.cache_put(key(n), model="m", prompt=None, response={}, tokens_in=0, tokens_out=0, cost_usd=None)
    store.log_call(record())

    assert store.clear_cache() == 3
    assert store.stats()["entries"] == 0 and store.stats()["calls"] == 1


def test_usage_since_sums_the_calls_after_a_moment():
    store.log_call(record(ts=time.time() - 100))
    start = time.time()
    store.log_call(record(tokens_in=100, tokens_out=50, attempts=2, outcome="reask"))
    store.log_call(record(tokens_in=0, tokens_out=0, outcome="cache_hit", cost_usd=0.0))
    store.log_call(record(tokens_in=40, tokens_out=0, outcome="server_error", cost_usd=None))

    usage = store.usage_since(start)

    assert (usage.calls, usage.cache_hits, usage.failures) == (3, 1, 1)
    assert (usage.tokens_in, usage.tokens_out, usage.attempts) == (140, 50, 4)


def test_the_process_counters_follow_every_logged_call():
    before = store.COUNTERS.snapshot()

    store.log_call(record(tokens_in=7, tokens_out=3))

    after = store.COUNTERS.snapshot()
    assert (after.calls - before.calls, after.tokens_in - before.tokens_in) == (1, 7)


def test_many_threads_write_the_log_and_cache_at_once_without_losing_a_row():
    def work(n: int) -> None:
        for i in range(10):
            store.log_call(record(article_id=f"bai-{n}-{i}"))
            store.cache_put(key(n * 100 + i), model="m", prompt=None, response={"n": n}, tokens_in=1, tokens_out=1, cost_usd=None)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    stats = store.stats()
    assert (stats["calls"], stats["entries"]) == (80, 80)


def test_stats_group_tokens_and_cost_by_model_and_prompt():
    store.log_call(record())
    store.log_call(record())
    store.log_call(record(model="qwen2.5:7b", cost_usd=None))

    rows = {(r["model"], r["prompt"]): r for r in store.stats()["by_model"]}

    assert rows[("gpt-4o-mini", "extract/v1")]["tokens_in"] == 2400
    assert rows[("gpt-4o-mini", "extract/v1")]["cost_usd"] == pytest.approx(0.00072)
    assert rows[("qwen2.5:7b", "extract/v1")]["cost_usd"] is None


def test_cache_stats_prints_json_and_cache_clear_reports_the_count():
    store.cache_put(key(1), model="m", prompt=None, response={}, tokens_in=0, tokens_out=0, cost_usd=None)
    store.log_call(record())
    runner = CliRunner()

    stats = runner.invoke(app, ["cache", "stats", "--json"])
    cleared = runner.invoke(app, ["cache", "clear"])

    assert stats.exit_code == 0 and json.loads(stats.stdout)["entries"] == 1
    assert cleared.exit_code == 0 and "removed 1 cached responses" in cleared.stderr


def test_cache_stats_prints_a_table_for_people():
    store.log_call(record())

    result = CliRunner().invoke(app, ["cache", "stats"])

    assert result.exit_code == 0
    assert "gpt-4o-mini" in result.stdout and "extract/v1" in result.stdout and "1200" in result.stdout


def test_an_unusable_home_is_a_one_line_error(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("không phải thư mục", encoding="utf-8")
    monkeypatch.setenv("SUMMARIZER_HOME", str(blocker / "home"))

    result = CliRunner().invoke(app, ["cache", "stats"])

    assert result.exit_code == 2
    assert "cannot open the cache database" in result.stderr and "Traceback" not in result.output


# --- migrations --------------------------------------------------------------------------------


def test_a_database_from_before_migrations_keeps_its_rows_and_records_the_first_migration(tmp_path):
    import sqlite3

    path = tmp_path / "old.sqlite3"
    old = sqlite3.connect(path)
    old.executescript(store.MIGRATIONS[0][1])
    old.execute("INSERT INTO calls (ts, model, outcome) VALUES (1.0, 'gpt-4o-mini', 'ok')")
    old.commit()
    old.close()

    conn = sqlite3.connect(path, isolation_level=None)
    applied = store.migrate(conn)

    assert applied == ["m001_cache_and_calls"]
    assert conn.execute("SELECT COUNT(*) FROM calls").fetchone() == (1,)
    assert store.migrate(conn) == []


def test_a_new_migration_runs_once_and_in_order_after_the_old_ones(tmp_path):
    import sqlite3

    conn = sqlite3.connect(tmp_path / "db.sqlite3", isolation_level=None)
    store.migrate(conn)
    later = (*store.MIGRATIONS, ("m999_calls_batch_id", "ALTER TABLE calls ADD COLUMN batch_id TEXT"))

    assert store.migrate(conn, later) == ["m999_calls_batch_id"]
    assert store.migrate(conn, later) == []
    columns = [row[1] for row in conn.execute("PRAGMA table_info(calls)")]
    assert columns[-1] == "batch_id"
    names = [row[0] for row in conn.execute("SELECT name FROM _migrations ORDER BY rowid")]
    assert names == ["m001_cache_and_calls", "m999_calls_batch_id"]
