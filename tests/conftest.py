"""Shared fixtures: the project's own sample articles and gold labels, an isolated home for every
test, the loopback fake OpenAI server, and a batch killed half-way."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.testing.fake_openai import FakeOpenAI
from summarizer.text.article import Article

ROOT = Path(__file__).resolve().parent.parent
EVALS = ROOT / "evals"
SEEDS = ("000", "001", "002", "003", "004")


def _seed_copy() -> Path:
    """The five seed articles and their gold, alone in a folder of their own (evals/ holds many more):
    what most tests read, so that their figures and counts stay the seeds'."""
    folder = Path(tempfile.mkdtemp(prefix="summarizer-seeds-"))
    atexit.register(shutil.rmtree, folder, True)
    for kind, suffix in (("articles", ".txt"), ("gold", ".json")):
        (folder / kind).mkdir()
        for path in sorted((EVALS / kind).glob(f"*{suffix}")):
            if path.name.startswith(SEEDS):
                shutil.copy(path, folder / kind / path.name)
    return folder


_SEED_FOLDER = _seed_copy()
ARTICLES = _SEED_FOLDER / "articles"
GOLD = _SEED_FOLDER / "gold"
ENDPOINT_VARS = ("SUMMARIZER_MODEL", "OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZER_MODE")
# Read before any test clears them: the one test marked real_llm uses a configured endpoint.
REAL_ENDPOINT = {name: os.environ[name] for name in ENDPOINT_VARS if os.environ.get(name)}


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test touches the user's cache, call log or run records, or reaches a configured model."""
    home = tmp_path / "home"
    monkeypatch.setenv("SUMMARIZER_HOME", str(home))
    monkeypatch.setenv("SUMMARIZER_RUNS_DIR", str(tmp_path / "runs"))
    for name in ENDPOINT_VARS:
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def articles_dir() -> Path:
    return ARTICLES


@pytest.fixture
def gold_dir() -> Path:
    return GOLD


def seed_text(stem_prefix: str) -> str:
    """The text of the sample article whose file name starts with ``stem_prefix`` (e.g. ``"004"``)."""
    (path,) = ARTICLES.glob(f"{stem_prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def seed_article(stem_prefix: str) -> Article:
    return Article(id=f"seed-{stem_prefix}", text=seed_text(stem_prefix), source=f"{stem_prefix}.txt")


def gold_of(stem_prefix: str) -> dict:
    (path,) = GOLD.glob(f"{stem_prefix}_*.json")
    return json.loads(path.read_text(encoding="utf-8"))


def kill_midway(command: list[str], out: Path, *, after_lines: int, env: dict[str, str] | None = None) -> int:
    """Start a batch, SIGKILL it once ``after_lines`` results are written (to the run's partial file,
    ``.NAME.partial`` beside the output), and return how many were."""
    out = out.with_name(f".{out.name}.partial")
    run = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, env=env
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < after_lines):
            time.sleep(0.01)
        assert run.poll() is None, "the run finished before it could be killed: give it more articles"
    finally:
        if run.poll() is None:
            os.killpg(run.pid, signal.SIGKILL)
        run.wait(timeout=30)
    return out.read_bytes().count(b"\n")
