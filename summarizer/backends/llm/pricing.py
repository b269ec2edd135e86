"""What a call costs: list prices in USD per million tokens, and the Batch API's half price.

Prices change; the table says when it was checked. A model not in it (a local model, a new
release) has no known price, and its cost is reported as unknown rather than as zero.
"""

from __future__ import annotations

from dataclasses import dataclass

PRICES_CHECKED = "2025-06"
BATCH_DISCOUNT = 0.5


@dataclass(frozen=True)
class Price:
    input_per_m: float
    output_per_m: float


PRICES: dict[str, Price] = {
    "gpt-4o-mini": Price(0.15, 0.60),
    "gpt-4o": Price(2.50, 10.00),
    "gpt-4.1-mini": Price(0.40, 1.60),
    "gpt-4.1-nano": Price(0.10, 0.40),
    "gpt-4.1": Price(2.00, 8.00),
}


def price_of(model: str) -> Price | None:
    """The price of a model, matching dated snapshots (gpt-4o-mini-2024-07-18) to their family."""
    name = model.rsplit("/", 1)[-1].lower()
    if name in PRICES:
        return PRICES[name]
    families = sorted((k for k in PRICES if name.startswith(k + "-")), key=len, reverse=True)
    return PRICES[families[0]] if families else None


def cost_usd(model: str, tokens_in: int, tokens_out: int, *, batch: bool = False) -> float | None:
    price = price_of(model)
    if price is None:
        return None
    cost = (tokens_in * price.input_per_m + tokens_out * price.output_per_m) / 1_000_000
    return cost * (BATCH_DISCOUNT if batch else 1.0)
