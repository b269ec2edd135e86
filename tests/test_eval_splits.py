"""``summarizer eval --split dev|test|all``: the fixed manifest ``evals/splits.json`` decides which
articles a run scores; the seeds stay in ``dev``."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from summarizer.cli import app

from .conftest import ARTICLES, EVALS, GOLD, SEEDS
from .test_eval_command import runs_dir, use_backend  # noqa: F401

MANIFEST = json.loads((EVALS / "splits.json").read_text(encoding="utf-8"))
EVERY_STEM = sorted(p.stem for p in (EVALS / "gold").glob("*.json"))


def scored_stems(*args: str) -> list[str]:
    result = CliRunner().invoke(app, ["eval", "--json", *args])
    assert result.exit_code == 0, result.stderr
    return [a["id"] for a in json.loads(result.stdout)["articles"]]


def test_dev_and_test_are_disjoint_and_together_hold_every_labelled_article():
    dev, test = set(MANIFEST["dev"]), set(MANIFEST["test"])
    assert not dev & test
    assert sorted(dev | test) == EVERY_STEM


def test_the_seed_articles_are_in_dev():
    assert sorted(s for s in MANIFEST["dev"] if s.startswith(SEEDS)) == sorted(s for s in EVERY_STEM if s.startswith(SEEDS))


def test_a_split_scores_exactly_its_articles(runs_dir, use_backend):  # noqa: F811
    use_backend(gold_dir=EVALS / "gold")
    assert scored_stems("--split", "dev") == sorted(MANIFEST["dev"])
    assert scored_stems("--split", "test") == sorted(MANIFEST["test"])
    assert scored_stems("--split", "all") == EVERY_STEM


def test_an_unknown_split_is_a_usage_error(runs_dir, use_backend):  # noqa: F811
    use_backend()
    result = CliRunner().invoke(app, ["eval", "--split", "train"])
    assert result.exit_code == 2 and "unknown split 'train'" in result.stderr


def test_a_gold_folder_without_a_manifest_can_only_be_scored_whole(runs_dir, use_backend):  # noqa: F811
    use_backend()
    result = CliRunner().invoke(app, ["eval", "--articles", str(ARTICLES), "--gold", str(GOLD), "--split", "dev"])
    assert result.exit_code == 2 and "use --split all" in result.stderr


def test_no_page_and_no_text_is_in_the_evaluation_set_twice() -> None:
    articles = sorted((EVALS / "articles").glob("*.txt"))
    pages = [path.stem.split("_", 1)[1] for path in articles]  # the hash of the page's URL
    texts = [path.read_text(encoding="utf-8").strip() for path in articles]
    assert len(set(pages)) == len(pages)
    assert len(set(texts)) == len(texts)
