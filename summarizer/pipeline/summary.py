"""What a run did, counted exactly from the records it wrote, as the one-line summary users read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .records import Record, fell_back, is_error_record


@dataclass
class RunSummary:
    """Counts of one run; ``cost_unknown`` counts answers whose cost could not be known."""

    backend: str = ""
    done: int = 0
    fell_back: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    skipped: int = 0
    redone: dict[str, int] = field(default_factory=dict)
    cached: int = 0
    tokens_in: int = 0
    tokens_out: int = 0
    cost_usd: float = 0.0
    cost_unknown: int = 0

    def add(self, record: Record) -> None:
        if is_error_record(record):
            self.failed[record["error"].get("kind", "error")] += 1
            return
        self.done += 1
        self.fell_back += fell_back(record)
        provenance = record.get("provenance") or {}
        if provenance.get("backend") in (None, "regex") and not fell_back(record):
            return
        self.cached += bool(provenance.get("cached"))
        self.tokens_in += provenance.get("tokens_in") or 0
        self.tokens_out += provenance.get("tokens_out") or 0
        if provenance.get("cost_usd") is None:
            self.cost_unknown += 1
        else:
            self.cost_usd += provenance["cost_usd"]

    @property
    def failed_total(self) -> int:
        return sum(self.failed.values())

    @property
    def complete(self) -> bool:
        """Every input got an extraction from the backend asked for."""
        return not self.failed_total and not self.fell_back

    def lines(self) -> list[str]:
        answered = f"done {self.done}"
        if self.fell_back:
            answered += f" ({self.fell_back} fell back to the rules)"
        failed = f"failed {self.failed_total}"
        if self.failed:
            failed += " (" + ", ".join(f"{kind} {n}" for kind, n in sorted(self.failed.items())) + ")"
        first = f"{answered}, {failed}"
        if self.skipped:
            first += f", skipped {self.skipped} already done"
        redone = ", ".join(f"{n} {why}" for why, n in self.redone.items() if n)
        if redone:
            first += f"; redone: {redone}"
        lines = [first]
        if self.tokens_in or self.tokens_out or self.cached or self.cost_unknown:
            cost = f"${self.cost_usd:.4f}"
            if self.cost_unknown:
                cost = f"{cost} + unknown for {self.cost_unknown} (no usage reported, or no price for the model)"
            lines.append(f"cached {self.cached}; tokens {self.tokens_in:,} in, {self.tokens_out:,} out; cost {cost}")
        return lines
