"""Shared fixtures: paths to the project's own sample articles and gold labels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "evals" / "articles"
GOLD = ROOT / "evals" / "gold"


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


def gold_of(stem_prefix: str) -> dict:
    (path,) = GOLD.glob(f"{stem_prefix}_*.json")
    return json.loads(path.read_text(encoding="utf-8"))
