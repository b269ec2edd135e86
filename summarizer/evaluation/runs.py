"""Run records: one JSON file per evaluation, enough to compare it with any later run.

A record holds the scores, every prediction, what produced them (backend, model, prompt and its
template hash, token usage and cost from provenance) and the hashes of the gold and article sets,
so that two runs are only ever compared on the same gold.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from summarizer.errors import EvalError, OutputError
from summarizer.schemas import ArticleExtraction, extraction_to_dict

from .scoring import CorpusScore

RECORD_VERSION = 1


def usage_of(predictions: Sequence[ArticleExtraction]) -> dict[str, Any]:
    """Token usage and cost summed over the predictions' provenance; which backends answered.
    ``cost_unknown`` counts model answers whose cost could not be known (no usage, or no price):
    they are not counted as free."""
    tokens_in = tokens_out = cached = unknown = 0
    cost = 0.0
    backends: Counter[str] = Counter()
    for p in predictions:
        prov = p.provenance
        if prov is None:
            continue
        backends[prov.backend] += 1
        tokens_in += prov.tokens_in or 0
        tokens_out += prov.tokens_out or 0
        cost += prov.cost_usd or 0.0
        unknown += int(prov.cost_usd is None and prov.backend not in {"regex"})
        cached += int(bool(prov.cached))
    return {
        "tokens_in": tokens_in,
        "tokens_out": tokens_out,
        "cost_usd": round(cost, 6),
        "cost_unknown": unknown,
        "cached": cached,
        "backends": dict(sorted(backends.items())),
    }


def _prompt_of(predictions: Sequence[ArticleExtraction], requested: str | None) -> tuple[str | None, str | None]:
    """The prompt name/version and template hash the predictions report, else the one asked for."""
    for p in predictions:
        if p.provenance is not None and p.provenance.prompt:
            return p.provenance.prompt, p.provenance.prompt_hash
    return requested, None


def _model_of(predictions: Sequence[ArticleExtraction], requested: str | None) -> str | None:
    for p in predictions:
        if p.provenance is not None and p.provenance.model:
            return p.provenance.model
    return requested


def build_record(
    *,
    scores: CorpusScore,
    predictions: Mapping[str, ArticleExtraction],
    backend: str,
    model: str | None,
    prompt: str | None,
    mode: str | None,
    gold_hash: str,
    articles_hash: str,
    errors: Mapping[str, str] | None = None,
    source: str | None = None,
    now: dt.datetime | None = None,
) -> dict[str, Any]:
    """A run record; its id is the UTC time plus a short hash of the time and of what was scored.

    ``source`` names the folder of prediction files a run scored instead of running a backend."""
    preds = list(predictions.values())
    prompt_name, prompt_hash = _prompt_of(preds, prompt)
    usage = usage_of(preds)
    answered = list(usage["backends"])
    body: dict[str, Any] = {
        "version": RECORD_VERSION,
        "backend": answered[0] if len(answered) == 1 else backend,
        "model": _model_of(preds, model),
        "prompt": prompt_name,
        "prompt_hash": prompt_hash,
        "mode": mode,
        "source": source,
        "gold_hash": gold_hash,
        "articles_hash": articles_hash,
        "usage": usage,
        "errors": dict(errors or {}),
        "scores": scores.to_dict(),
        "predictions": {stem: extraction_to_dict(p) for stem, p in predictions.items()},
    }
    when = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    # The exact time is hashed too, so two runs within one second never share an id.
    identity = json.dumps([when.isoformat(), body], ensure_ascii=False, sort_keys=True)
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:8]
    return {"id": f"{when:%Y%m%dT%H%M%SZ}-{digest}", "created": when.isoformat(timespec="seconds"), **body}


FALLBACK_MARK = "→"


def fallen_back(record: Mapping[str, Any]) -> list[str]:
    """Articles a second backend answered after the first failed (provenance such as ``llm→regex``)."""
    out = []
    for stem, prediction in (record.get("predictions") or {}).items():
        backend = ((prediction or {}).get("provenance") or {}).get("backend") or ""
        if FALLBACK_MARK in backend:
            out.append(stem)
    return sorted(out)


def describe(record: Mapping[str, Any]) -> dict[str, Any]:
    """One side of a comparison, named by what made it: backend, model, prompt version and date, then
    the run id; with the articles it holds that the backend did not answer itself."""
    created = str(record.get("created") or "")
    date = created[:16].replace("T", " ") + " UTC" if created else None
    parts = [str(record.get("backend") or "?")]
    parts += [str(record[key]) for key in ("model", "prompt") if record.get(key)]
    if record.get("source"):
        parts.append(f"from {record['source']}")
    label = " · ".join(parts) + (f", {date}" if date else "") + f" (run {record.get('id')})"
    return {
        "id": record.get("id"),
        "backend": record.get("backend"),
        "model": record.get("model"),
        "prompt": record.get("prompt"),
        "prompt_hash": record.get("prompt_hash"),
        "source": record.get("source"),
        "date": created or None,
        "label": label,
        "fallen_back": fallen_back(record),
        "failed": sorted((record.get("errors") or {}).keys()),
    }


def save_record(record: Mapping[str, Any], runs_dir: Path) -> Path:
    """Write the record atomically as ``<runs_dir>/<id>.json``."""
    try:
        runs_dir.mkdir(parents=True, exist_ok=True)
        path = runs_dir / f"{record['id']}.json"
        fd, tmp = tempfile.mkstemp(dir=runs_dir, prefix=".run-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False, indent=2)
            out.write("\n")
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot save the run record: {exc.strerror or exc}", str(runs_dir)) from None
    return path


def load_record(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalError(f"unreadable run record: {exc}", str(path)) from None
    if not isinstance(data, dict) or not {"id", "gold_hash", "scores", "predictions"} <= data.keys():
        raise EvalError("not a run record (needs id, gold_hash, scores and predictions)", str(path))
    return data


def list_records(runs_dir: Path) -> list[Path]:
    """Saved records, oldest first (ids start with their UTC time)."""
    if not runs_dir.is_dir():
        return []
    return sorted(p for p in runs_dir.glob("*.json") if not p.name.startswith("."))


def find_record(ref: str, runs_dir: Path) -> Path | None:
    """A record named by path, by id (or a unique id prefix) in ``runs_dir``, or ``latest``; None if no such."""
    if ref == "latest":
        records = list_records(runs_dir)
        return records[-1] if records else None
    as_path = Path(ref)
    if as_path.suffix == ".json" or as_path.is_file():
        return as_path if as_path.is_file() else None
    exact = runs_dir / f"{ref}.json"
    if exact.is_file():
        return exact
    prefixed = [p for p in list_records(runs_dir) if p.stem.startswith(ref)]
    return prefixed[0] if len(prefixed) == 1 else None
