"""Installs stay whole: every distribution the tool needs is pinned in requirements.lock, and what is
installed is what the lock says (make run, make test and CI install with ``-c requirements.lock``)."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
_PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==([^\s;]+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def locked() -> dict[str, str]:
    pins = {}
    for line in LOCK.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            pins[canonical(match.group(1))] = match.group(2)
    return pins


def needed(name: str = "summarizer", extras: tuple[str, ...] = ("test",)) -> set[str]:
    """The installed distributions ``name`` needs, transitively (markers evaluated for this Python)."""
    seen: set[str] = set()
    stack = [(name, extras)]
    while stack:
        current, wanted = stack.pop()
        for text in metadata.requires(current) or []:
            requirement = Requirement(text)
            environments = [{"extra": e} for e in wanted] or [{"extra": ""}]
            if requirement.marker and not any(requirement.marker.evaluate(env) for env in environments):
                continue
            key = canonical(requirement.name)
            if key not in seen:
                seen.add(key)
                stack.append((requirement.name, tuple(requirement.extras)))
    return seen


def test_every_distribution_the_tool_needs_is_pinned_in_the_lock_file() -> None:
    assert needed() - set(locked()) == set()


def test_what_is_installed_is_what_the_lock_file_pins() -> None:
    pins = locked()
    wrong = {name: (metadata.version(name), pins[name]) for name in needed() if metadata.version(name) != pins[name]}
    assert wrong == {}


def test_the_makefile_installs_from_the_lock_file() -> None:
    assert "-c $(LOCK)" in (ROOT / "Makefile").read_text(encoding="utf-8")
