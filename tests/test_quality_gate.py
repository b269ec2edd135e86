"""CI gate: the rule-based backend keeps the quality it reached on the project's gold articles.

Run through the same evaluation code as ``summarizer eval``: the five seed articles stay at 1.000,
and the ``dev`` split (evals/splits.json) stays above its floors. The ``test`` split is not gated
here: it is measured for the README, never developed against.
"""

from __future__ import annotations

import pytest

from summarizer.backends.rules import RuleBackend
from summarizer.commands.evaluate import predict, score_predictions
from summarizer.evaluation.goldset import load_gold_set
from summarizer.evaluation.scoring import OVERALL_COMPONENTS

from .conftest import EVALS, SEEDS
DEV_OVERALL_FLOOR = 0.93
DEV_COMPONENT_FLOOR = 0.90


def scored(split: str, keep=lambda stem: True) -> dict:
    items, errors = load_gold_set(EVALS / "articles", EVALS / "gold", split)
    items = [item for item in items if keep(item.stem)]
    assert not errors and items
    predictions, failures = predict(items, RuleBackend())
    return score_predictions(items, predictions, failures).to_dict()


@pytest.fixture(scope="module")
def seeds() -> dict:
    return scored("dev", keep=lambda stem: stem.startswith(SEEDS))


@pytest.fixture(scope="module")
def dev() -> dict:
    return scored("dev")


def test_the_seed_articles_stay_at_one(seeds):
    assert seeds["overall"] == 1.0
    assert all(seeds["components"][name]["f1"] == 1.0 for name in OVERALL_COMPONENTS)
    assert seeds["components"]["decisions"]["f1"] is None  # the seeds label no decisions


def test_overall_f1_on_the_dev_split_stays_above_its_floor(dev):
    assert dev["overall"] >= DEV_OVERALL_FLOOR


@pytest.mark.parametrize("component", ["events", "officials", "titles", "directives"])
def test_each_component_f1_on_the_dev_split_stays_above_its_floor(dev, component):
    assert dev["components"][component]["f1"] >= DEV_COMPONENT_FLOOR


def test_everything_the_rule_backend_extracts_on_dev_is_grounded_in_the_article(dev):
    assert dev["grounding"]["rate"] == 1.0
