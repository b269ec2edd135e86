"""The evaluation set: articles paired with their gold labels by file stem, and the hashes that identify it."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from summarizer.errors import ConfigError, EvalError, SummarizerError
from summarizer.schemas import ArticleExtraction
from summarizer.text.article import Article
from summarizer.text.reading import read_article

ARTICLE_SUFFIXES = (".txt", ".html", ".htm")
RUNS_DIR_ENV = "SUMMARIZER_RUNS_DIR"
SPLITS_FILE = "splits.json"
SPLITS = ("dev", "test", "all")


@dataclass(frozen=True)
class GoldItem:
    """One article and its gold extraction."""

    stem: str
    article: Article
    gold: ArticleExtraction
    article_path: Path
    gold_path: Path


def locate_evals_dir(cwd: Path | None = None) -> Path | None:
    """``evals/`` of the current directory, else of the repository holding the (editable) package."""
    here = (cwd or Path.cwd()) / "evals"
    if here.is_dir():
        return here
    beside_package = Path(__file__).resolve().parents[2] / "evals"
    if beside_package.is_dir():
        return beside_package
    return None


def resolve_dirs(articles: Path | None, gold: Path | None) -> tuple[Path, Path, Path | None]:
    """The articles and gold folders to use, defaulting to the project's ``evals/``; also that evals dir."""
    evals = locate_evals_dir()
    if (articles is None or gold is None) and evals is None:
        raise ConfigError("cannot find the project's evals/ folder: pass --articles and --gold", "eval")
    articles = articles or evals / "articles"  # type: ignore[operator]
    gold = gold or evals / "gold"  # type: ignore[operator]
    for flag, folder in (("--articles", articles), ("--gold", gold)):
        if not folder.is_dir():
            raise ConfigError(f"not a folder: {folder}", flag)
    return articles, gold, evals


def runs_dir_for(gold_dir: Path, evals_dir: Path | None) -> Path:
    """Where run records go: $SUMMARIZER_RUNS_DIR, else ``runs/`` of the evals folder, else beside the gold."""
    configured = os.environ.get(RUNS_DIR_ENV)
    if configured:
        return Path(configured)
    if evals_dir is not None and gold_dir.resolve().parent == evals_dir.resolve():
        return evals_dir / "runs"
    return gold_dir.resolve().parent / "runs"


def _article_files(folder: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.suffix.lower() in ARTICLE_SUFFIXES:
            files.setdefault(path.stem, path)
    return files


def gold_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".json")


def files_hash(paths: Iterable[Path]) -> str:
    """Identity of a set of files: their names and bytes, in sorted name order."""
    digest = hashlib.sha256()
    for path in sorted(paths, key=lambda p: p.name):
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:16]


def read_gold(path: Path) -> ArticleExtraction:
    """A gold file as an extraction; a file that is not valid JSON or not the contract is an EvalError."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"unreadable gold file: {exc}", str(path)) from None
    try:
        return ArticleExtraction.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise EvalError(f"gold does not follow the contract at {where}: {first['msg']}", str(path)) from None


def split_stems(gold_dir: Path, split: str) -> set[str] | None:
    """The stems of a split from the manifest beside the gold folder (``splits.json``); None for ``all``."""
    if split not in SPLITS:
        raise ConfigError(f"unknown split {split!r}; choose one of {', '.join(SPLITS)}", "--split")
    if split == "all":
        return None
    manifest = gold_dir.resolve().parent / SPLITS_FILE
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"no split manifest {manifest}; use --split all", "--split") from None
    except (OSError, ValueError) as exc:
        raise EvalError(f"unreadable split manifest: {exc}", str(manifest)) from None
    stems = data.get(split)
    if not isinstance(stems, list) or not all(isinstance(s, str) for s in stems):
        raise EvalError(f"the manifest has no list of stems for {split!r}", str(manifest))
    return set(stems)


def load_gold_set(articles_dir: Path, gold_dir: Path, split: str = "all") -> tuple[list[GoldItem], list[SummarizerError]]:
    """Every article of ``split`` with a gold file, in stem order; each unpaired or unreadable file is an error."""
    wanted = split_stems(gold_dir, split)
    articles = {s: p for s, p in _article_files(articles_dir).items() if wanted is None or s in wanted}
    golds = {p.stem: p for p in gold_files(gold_dir) if wanted is None or p.stem in wanted}
    errors: list[SummarizerError] = [
        EvalError(f"{stem} is in the {split} split but has neither an article nor a gold file", str(gold_dir))
        for stem in sorted((wanted or set()) - articles.keys() - golds.keys())
    ]
    items: list[GoldItem] = []
    for stem in sorted(articles.keys() | golds.keys()):
        if stem not in golds:
            errors.append(EvalError(f"no gold file {stem}.json in {gold_dir}; skipped", str(articles[stem])))
            continue
        if stem not in articles:
            errors.append(EvalError(f"no article {stem}.txt in {articles_dir}; skipped", str(golds[stem])))
            continue
        try:
            gold = read_gold(golds[stem])
            article = read_article(articles[stem])
        except SummarizerError as exc:
            errors.append(exc)
            continue
        items.append(GoldItem(stem, article, gold, articles[stem], golds[stem]))
    return items, errors
