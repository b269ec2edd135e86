"""What a call costs, in USD: prices from the maintained ``genai-prices`` library, a small override
table for what it does not cover, and the Batch API's half price.

A model neither knows (a local model, a release newer than the library) has no price, and its cost
is reported as unknown (None), never as zero. Input tokens the provider served from its prompt cache
(``usage.prompt_tokens_details.cached_tokens``) are priced at the cache-read price.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version

BATCH_DISCOUNT = 0.5
PROVIDER = "openai"
_MILLION = 1_000_000


@dataclass(frozen=True)
class Price:
    """USD per million tokens: input, output, and input read from the provider's prompt cache."""

    input_per_m: float
    output_per_m: float
    cached_input_per_m: float | None = None


# Prices genai-prices lacks or gets wrong for this tool's use, by model name (checked by hand; say when).
# Entries here win over the library.
OVERRIDES: dict[str, Price] = {}


def source() -> str:
    """Where prices come from, for reports: ``genai-prices 0.2.3``."""
    return f"genai-prices {version('genai-prices')}"


def _name(model: str) -> str:
    return model.rsplit("/", 1)[-1].strip().lower()


@lru_cache(maxsize=256)
def _library_price(name: str) -> Price | None:
    from genai_prices import Usage, calc_price

    try:
        full = calc_price(Usage(input_tokens=_MILLION, output_tokens=_MILLION), name, provider_id=PROVIDER)
        cached = calc_price(Usage(input_tokens=_MILLION, cache_read_tokens=_MILLION), name, provider_id=PROVIDER)
    except LookupError:
        return None
    return Price(float(full.input_price), float(full.output_price), float(cached.input_price))


def price_of(model: str) -> Price | None:
    """The price of a model (dated snapshots such as gpt-4o-mini-2024-07-18 priced as their family)."""
    name = _name(model)
    if name in OVERRIDES:
        return OVERRIDES[name]
    families = sorted((k for k in OVERRIDES if name.startswith(k + "-")), key=len, reverse=True)
    if families:
        return OVERRIDES[families[0]]
    return _library_price(name)


def cost_usd(model: str, tokens_in: int, tokens_out: int, *, cached_in: int = 0, batch: bool = False) -> float | None:
    """USD for one call's tokens (``tokens_in`` includes ``cached_in``); None when the model has no price."""
    price = price_of(model)
    if price is None:
        return None
    cached_in = min(max(cached_in, 0), tokens_in)
    cached_rate = price.input_per_m if price.cached_input_per_m is None else price.cached_input_per_m
    cost = ((tokens_in - cached_in) * price.input_per_m + cached_in * cached_rate + tokens_out * price.output_per_m) / _MILLION
    return cost * (BATCH_DISCOUNT if batch else 1.0)
