"""CI gate: the rule-based backend keeps the quality it reached on the project's gold articles.

Run through the same evaluation code as ``summarizer eval``; a regression below these floors fails CI.
"""

from __future__ import annotations

import pytest

from summarizer.backends.rules import RuleBackend
from summarizer.commands.evaluate import predict, score_predictions
from summarizer.evaluation.goldset import load_gold_set

from .conftest import ARTICLES, GOLD

OVERALL_FLOOR = 0.95
COMPONENT_FLOOR = 0.90


@pytest.fixture(scope="module")
def scores() -> dict:
    items, errors = load_gold_set(ARTICLES, GOLD)
    assert not errors and items
    predictions, failures = predict(items, RuleBackend())
    return score_predictions(items, predictions, failures).to_dict()


def test_overall_f1_of_the_rule_backend_stays_above_its_floor(scores):
    assert scores["overall"] >= OVERALL_FLOOR


@pytest.mark.parametrize("component", ["events", "officials", "titles", "directives"])
def test_each_component_f1_of_the_rule_backend_stays_above_its_floor(scores, component):
    assert scores["components"][component]["f1"] >= COMPONENT_FLOOR


def test_everything_the_rule_backend_extracts_is_grounded_in_the_article(scores):
    assert scores["grounding"]["rate"] == 1.0
