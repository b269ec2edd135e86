"""Labels made elsewhere, as predictions: a folder of extraction JSON files, one per article stem.

Another labeller's labels or another system's output are scored against the gold exactly like a
backend's extractions (``summarizer eval --predictions DIR``), without running a backend. A gold
article with no file, or with a file that is not the contract, is scored as a miss and named.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from summarizer.errors import ConfigError
from summarizer.schemas import ArticleExtraction


def read_prediction(path: Path) -> ArticleExtraction:
    """One extraction file; raises ValueError with a reason in words when it is not the contract."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"unreadable prediction file {path.name}: {exc}") from None
    try:
        return ArticleExtraction.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ValueError(f"{path.name} does not follow the contract at {where}: {first['msg']}") from None


def load_predictions(folder: Path, stems: Iterable[str]) -> tuple[dict[str, ArticleExtraction], dict[str, str], list[str]]:
    """The prediction of every stem (an empty one where there is none), why each missing one is missing,
    and the files in ``folder`` that no stem asked for."""
    if not folder.is_dir():
        raise ConfigError(f"not a folder: {folder}", "--predictions")
    wanted = list(stems)
    predictions: dict[str, ArticleExtraction] = {}
    errors: dict[str, str] = {}
    for stem in wanted:
        path = folder / f"{stem}.json"
        try:
            if not path.is_file():
                raise ValueError(f"no prediction file {path.name} in {folder}")
            predictions[stem] = read_prediction(path).model_copy(update={"article_id": stem})
        except ValueError as exc:
            errors[stem] = str(exc)
            predictions[stem] = ArticleExtraction(article_id=stem)
    extra = sorted(p.stem for p in folder.glob("*.json") if p.stem not in set(wanted))
    return predictions, errors, extra
