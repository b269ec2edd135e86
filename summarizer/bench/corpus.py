"""A deterministic corpus of variants of the sample articles, for throughput and memory figures.

Five articles are too few to time a backend on, and timing it on copies would let any cache or
branch predictor flatter it. Each variant is a sample article with its body paragraphs shuffled,
its officials renamed from a list of Vietnamese names, its numbers, dates and years changed, and
its locality and administrative level swapped, so the text stays realistic but is never the same
twice. The same index always gives the same variant.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from summarizer.errors import ConfigError
from summarizer.evaluation.goldset import GoldItem, load_gold_set, locate_evals_dir

SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Lương", "Mai")
MIDDLE_NAMES = ("Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Xuân", "Công", "Thu", "Hồng", "Anh", "Quang", "Bá")
GIVEN_NAMES = (
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Huyền", "Khánh", "Lan",
    "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thắng", "Thảo", "Trang", "Tuấn",
    "Tùng", "Vinh", "Yến",
)
LOCALITIES = (
    "Thái Nguyên", "Tuyên Quang", "Phú Thọ", "Hưng Yên", "Nam Định", "Ninh Bình", "Thanh Hóa", "Nghệ An",
    "Quảng Trị", "Quảng Ngãi", "Bình Định", "Khánh Hòa", "Đắk Lắk", "Lâm Đồng", "Tây Ninh", "Đồng Tháp",
    "Cần Thơ", "Sóc Trăng", "Cà Mau", "Tiên Du", "Quế Võ", "Yên Thế", "Lục Ngạn", "Cẩm Giàng",
)
# The header and lead stay first; the rest of the paragraphs are shuffled.
KEPT_IN_PLACE = 2
LEVELS = ("tỉnh", "thành phố", "huyện", "thị xã", "quận", "xã", "phường")
_NUMBER_OR_DATE = re.compile(
    r"(?<![\d/:-])(?:"
    r"(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})"
    r"|(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"|(?P<day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<year>\d{4}))?"
    r"|(?P<number>\d+)"
    r")(?![\d/:])"
)


@dataclass(frozen=True)
class Seed:
    """A sample article and the names, localities and levels its gold labels say it contains."""

    text: str
    names: tuple[str, ...]
    localities: tuple[str, ...]
    levels: tuple[str, ...]


def load_seeds(evals_dir: Path | None = None) -> list[Seed]:
    """The project's sample articles (``evals/``) with what their gold says can be swapped."""
    evals = evals_dir or locate_evals_dir()
    if evals is None:
        raise ConfigError("cannot find the project's evals/ folder for the sample articles", "bench")
    items, _ = load_gold_set(evals / "articles", evals / "gold")
    if not items:
        raise ConfigError(f"no sample article with gold labels in {evals}", "bench")
    return [_seed(item) for item in items]


def _seed(item: GoldItem) -> Seed:
    gold = item.gold
    names = {o.name for o in gold.officials} | {c for e in gold.events for c in e.chairs}
    localities = {e.locality for e in gold.events if e.locality}
    levels = {e.level for e in gold.events if e.level}
    return Seed(
        text=item.article.text,
        names=_longest_first(names),
        localities=_longest_first(localities),
        levels=_longest_first(levels),
    )


def _longest_first(words: set[str]) -> tuple[str, ...]:
    """Longest first (a name is replaced before any shorter one inside it), ties in name order: sorting the set by
    length alone kept equal-length names in the set's order, which changes with the hash seed, so the variants
    did too from one process to the next."""
    return tuple(sorted(words, key=lambda word: (-len(word), word)))


def random_name(rng: random.Random) -> str:
    return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}"


def _replace_words(text: str, old: str, new: str) -> str:
    """Whole-word replacement of ``old`` as written and with a capital first letter."""
    for before, after in ((old, new), (old[:1].upper() + old[1:], new[:1].upper() + new[1:])):
        text = re.sub(rf"(?<!\w){re.escape(before)}(?!\w)", after, text)
    return text


def _change_numbers(text: str, rng: random.Random) -> str:
    """New valid dates and times, years moved together by a few years, other numbers of the same width."""
    shift = rng.randint(-3, 2)

    def year(value: str) -> str:
        return str(int(value) + shift)

    def same_width(value: str, low: int, high: int) -> str:
        return f"{rng.randint(low, high):0{len(value)}d}"

    def replace(m: re.Match[str]) -> str:
        if m["iso_y"]:
            return f"{year(m['iso_y'])}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if m["hour"]:
            second = f":{rng.randint(0, 59):02d}" if m["second"] else ""
            return f"{same_width(m['hour'], 6, 18)}:{rng.randint(0, 59):02d}{second}"
        if m["day"]:
            date = f"{same_width(m['day'], 1, 28)}/{same_width(m['month'], 1, 12)}"
            return date + (f"/{year(m['year'])}" if m["year"] else "")
        digits = m["number"]
        if len(digits) == 4 and 1990 <= int(digits) <= 2035:
            return year(digits)
        low = 0 if digits.startswith("0") else 10 ** (len(digits) - 1)
        return same_width(digits, low, 10 ** len(digits) - 1)

    return _NUMBER_OR_DATE.sub(replace, text)


def make_variant(seed: Seed, rng: random.Random) -> str:
    """One variant of a sample article (see the module docstring for what changes)."""
    paragraphs = seed.text.split("\n")
    body = paragraphs[KEPT_IN_PLACE:]
    rng.shuffle(body)
    text = "\n".join(paragraphs[:KEPT_IN_PLACE] + body)
    for name in seed.names:
        text = text.replace(name, random_name(rng))
    for locality in seed.localities:
        text = _replace_words(text, locality, rng.choice(LOCALITIES))
    for level in seed.levels:
        text = _replace_words(text, level, rng.choice([lv for lv in LEVELS if lv != level]))
    return _change_numbers(text, rng)


def variants(count: int, *, seeds: list[Seed] | None = None, start: int = 0) -> Iterator[tuple[str, str]]:
    """``(id, text)`` of variants ``start`` … ``start + count - 1``, cycling through the sample articles."""
    pool = seeds or load_seeds()
    for index in range(start, start + count):
        rng = random.Random(f"summarizer-bench:{index}")
        yield f"variant-{index:05d}", make_variant(pool[index % len(pool)], rng)


def write_corpus(folder: Path, count: int, *, seeds: list[Seed] | None = None) -> list[Path]:
    """Write ``count`` variants as UTF-8 ``.txt`` files into ``folder``; returns their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for article_id, text in variants(count, seeds=seeds):
        path = folder / f"{article_id}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
