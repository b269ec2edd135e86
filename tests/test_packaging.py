"""The built wheel works on its own: installed into a fresh venv, outside the repository, the command
runs, finds the exported schema inside the installed package, and ships the prompt templates."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The build happens on a copy, so setuptools' build/ and *.egg-info never land in the shared tree.
_NOT_SOURCE = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", "out", "tests"
)
PROMPT_SUFFIXES = {".j2", ".md", ".json"}


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{' '.join(args)} failed:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(venv bin folder, a working folder outside the repository, environment) with the wheel installed."""
    base = tmp_path_factory.mktemp("packaging")
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCE)
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV", "PYTHONHOME"}}
    wheels = base / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "--quiet", "-w", str(wheels)], source, env)
    (wheel,) = wheels.glob("summarizer-*.whl")
    venv.create(base / "venv", with_pip=True)
    bin_dir = base / "venv" / "bin"
    _run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], base, env)
    work = base / "elsewhere"
    work.mkdir()
    return bin_dir, work, env


@pytest.mark.slow
def test_installed_command_prints_its_help(installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, work, env = installed
    result = _run([str(bin_dir / "summarizer"), "--help"], work, env)
    for command in ("extract", "batch", "brief", "eval", "schema"):
        assert command in result.stdout


@pytest.mark.slow
def test_installed_schema_command_finds_the_exported_schema_in_the_package(
    installed: tuple[Path, Path, dict[str, str]],
) -> None:
    bin_dir, work, env = installed
    printed = _run([str(bin_dir / "summarizer"), "schema"], work, env).stdout
    assert json.loads(printed)["title"] == "ArticleExtraction"
    _run([str(bin_dir / "summarizer"), "schema", "--check"], work, env)
    probe = (
        "import importlib.resources as r, summarizer.schemas as s;"
        "f = r.files('summarizer.schemas') / 'article_extraction.schema.json';"
        "print(f.is_file(), 'site-packages' in str(s.__file__))"
    )
    assert _run([str(bin_dir / "python"), "-c", probe], work, env).stdout.split() == ["True", "True"]


@pytest.mark.slow
def test_installed_package_ships_every_prompt_file(installed: tuple[Path, Path, dict[str, str]]) -> None:
    bin_dir, work, env = installed
    expected = sorted(
        p.relative_to(ROOT / "prompts").as_posix()
        for p in (ROOT / "prompts").rglob("*")
        if p.is_file() and p.suffix in PROMPT_SUFFIXES
    )
    probe = (
        "import importlib.resources as r, json\n"
        "def walk(node, prefix=''):\n"
        "    for child in node.iterdir():\n"
        "        name = prefix + child.name\n"
        "        if child.is_dir():\n"
        "            yield from walk(child, name + '/')\n"
        "        elif not name.endswith(('.py', '.pyc')):\n"
        "            yield name\n"
        "print(json.dumps(sorted(walk(r.files('summarizer.prompts')))))\n"
    )
    installed_files = json.loads(_run([str(bin_dir / "python"), "-c", probe], work, env).stdout)
    assert installed_files == expected


@pytest.mark.slow
def test_installed_with_the_pip_python_ships_the_html_path_works(installed: tuple[Path, Path, dict[str, str]]) -> None:
    """``python3 -m venv v && v/bin/pip install .``: every module the HTML path imports comes with it."""
    bin_dir, work, env = installed
    page = work / "trang.html"
    shutil.copy(ROOT / "tests" / "data" / "portal_page.html", page)
    printed = _run([str(bin_dir / "summarizer"), "extract", str(page), "-b", "regex"], work, env).stdout
    extraction = json.loads(printed)
    assert extraction["article_id"] == "trang" and extraction["events"]
