"""Responses in the shapes real servers send (tests/data/exchanges/), replayed to the real clients.

Each must give the seed article's gold extraction on one call, with the cost its usage supports.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from summarizer.backends.llm import LLMBackend
from summarizer.backends.llm.pricing import cost_usd
from tests.conftest import gold_of, seed_article
from tests.fake_openai import Fault

EXCHANGES = sorted((Path(__file__).parent / "data" / "exchanges").glob("*.json"))


def exchange(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", EXCHANGES, ids=[p.stem for p in EXCHANGES])
def test_a_recorded_shape_gives_the_gold_extraction_on_one_call(fake, path):
    data = exchange(path)
    fake.enqueue(Fault("raw", body=data["response"]))
    backend = LLMBackend(model=data["model"], base_url=fake.base_url, mode=data["mode"], api_key="sk-test-exchanges-00000000")

    result = backend.extract(seed_article(data["article"]))

    gold = gold_of(data["article"])
    assert fake.count() == 1
    assert [o.name for o in result.officials] == [o["name"] for o in gold["officials"]]
    assert [d.content for d in result.directives] == [d["content"] for d in gold["directives"]]
    assert len(result.events) == len(gold["events"])
    usage = data["response"]["usage"]
    assert (result.provenance.tokens_in, result.provenance.tokens_out) == (usage["prompt_tokens"], usage["completion_tokens"])


def test_openais_cached_prompt_tokens_are_priced_at_the_cache_read_price(fake):
    data = exchange(next(p for p in EXCHANGES if p.stem == "openai_tools"))
    fake.enqueue(Fault("raw", body=data["response"]))

    result = LLMBackend(model="gpt-4o-mini", base_url=fake.base_url, mode="tools", api_key="sk-test-exchanges-00000000").extract(
        seed_article("003")
    )

    usage = data["response"]["usage"]
    cached = usage["prompt_tokens_details"]["cached_tokens"]
    expected = cost_usd("gpt-4o-mini", usage["prompt_tokens"], usage["completion_tokens"], cached_in=cached)
    assert result.provenance.cost_usd == pytest.approx(expected)
    assert expected < cost_usd("gpt-4o-mini", usage["prompt_tokens"], usage["completion_tokens"])


@pytest.mark.parametrize("name", ["ollama_json_reasoning", "llamacpp_json_schema"])
def test_a_local_model_has_an_unknown_cost_whatever_name_the_server_answers_with(fake, name):
    data = exchange(next(p for p in EXCHANGES if p.stem == name))
    fake.enqueue(Fault("raw", body=data["response"]))

    result = LLMBackend(model=data["model"], base_url=fake.base_url, mode=data["mode"]).extract(seed_article("003"))

    assert result.provenance.cost_usd is None and result.provenance.tokens_in == data["response"]["usage"]["prompt_tokens"]
