"""The import structure is a contract: data flows one way and nothing imports the CLI (import-linter)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_import_contracts_in_pyproject_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint), "--config", str(ROOT / "pyproject.toml")], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def imported_modules(folder: Path) -> set[str]:
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
    return found


def test_the_contract_and_the_prompts_import_nothing_of_the_tool_but_its_options_and_errors() -> None:
    # schemas/ and prompts/ install as summarizer.schemas and summarizer.prompts from outside the
    # package folder, where import-linter does not look: their imports are checked here.
    for folder in (ROOT / "schemas", ROOT / "prompts"):
        ours = {m for m in imported_modules(folder) if m.startswith("summarizer")}
        assert ours <= {"summarizer.errors"}, f"{folder.name}/ imports {sorted(ours)}"
