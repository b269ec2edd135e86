"""Offline token counts and the price table."""

from __future__ import annotations

import pytest

from summarizer.backends.llm.pricing import cost_usd, price_of
from summarizer.backends.llm.tokens import count_message_tokens, count_tokens, encoding_name


def test_openai_models_use_o200k_and_unknown_models_fall_back_to_it():
    assert encoding_name("gpt-4o-mini") == encoding_name("gpt-4.1-mini") == "o200k_base"
    assert encoding_name("qwen2.5:7b-instruct") == "o200k_base"


def test_vietnamese_text_is_counted_offline_and_deterministically():
    text = "Sáng 13/12, Kỳ họp thứ 20, HĐND thành phố Bắc Ninh khóa XXII tiếp tục phiên làm việc."

    assert count_tokens(text, "gpt-4o-mini") == count_tokens(text, "gpt-4o-mini") > 10
    assert count_tokens(text + " " + text, "gpt-4o-mini") > count_tokens(text, "gpt-4o-mini")


def test_special_token_text_in_an_article_is_counted_as_text():
    assert count_tokens("<|endoftext|>", "gpt-4o-mini") > 1


def test_message_counts_include_the_per_message_overhead():
    messages = [{"role": "system", "content": "a"}, {"role": "user", "content": "b"}]

    assert count_message_tokens(messages, "gpt-4o-mini") == 3 + 2 * 3 + 2 + 2


def test_both_default_models_have_prices_and_dated_snapshots_match_their_family():
    assert price_of("gpt-4o-mini").input_per_m == 0.15
    assert price_of("gpt-4.1-mini").output_per_m == 1.60
    assert price_of("gpt-4o-mini-2024-07-18") == price_of("gpt-4o-mini")
    assert price_of("openai/gpt-4.1-mini") == price_of("gpt-4.1-mini")


def test_cost_is_per_million_tokens_and_the_batch_api_costs_half():
    assert cost_usd("gpt-4o-mini", 1_000_000, 1_000_000) == pytest.approx(0.75)
    assert cost_usd("gpt-4o-mini", 1_000_000, 1_000_000, batch=True) == pytest.approx(0.375)


def test_a_model_without_a_known_price_has_an_unknown_cost():
    assert cost_usd("llama3.1:8b", 1000, 1000) is None


def test_prices_come_from_genai_prices_with_the_cache_read_price_for_cached_prompt_tokens():
    price = price_of("gpt-5-mini")

    assert (price.input_per_m, price.output_per_m) == (0.25, 2.0)
    assert cost_usd("gpt-4o-mini", 1_000_000, 0, cached_in=1_000_000) == pytest.approx(price_of("gpt-4o-mini").cached_input_per_m)


def test_an_override_wins_over_the_library(monkeypatch):
    from summarizer.backends.llm import pricing

    monkeypatch.setitem(pricing.OVERRIDES, "gpt-4o-mini", pricing.Price(1.0, 2.0))

    assert cost_usd("gpt-4o-mini-2024-07-18", 1_000_000, 1_000_000) == pytest.approx(3.0)
