"""A batch through the LLM backend survives a realistic mix of faults, and a kill in the middle.

The fake server answers over real HTTP; its scripted faults are taken by requests in the order
they arrive, so with several jobs any article may meet any fault, as with a real endpoint.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarizer import store
from summarizer.backends.llm.pricing import cost_usd
from summarizer.backends import backend_config
from summarizer.pipeline.run import write_results
from summarizer.grounding import check_grounding
from summarizer.schemas import ArticleExtraction
from tests.conftest import kill_midway, seed_text
from tests.fake_openai import HALLUCINATED_OFFICIAL, Fault, FakeOpenAI

MODEL = "gpt-4o-mini"
SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi")
GIVEN = ("Văn Hải", "Thị Lan", "Minh Tuấn", "Đức Thắng", "Thanh Hà", "Quốc Cường", "Ngọc Anh")
PLACES = ("Tiên Du", "Quế Võ", "Yên Thế", "Lục Ngạn", "Cẩm Giàng", "Gia Bình")
PARAGRAPHS = (
    "Sáng {day}/{month}, Kỳ họp thứ {session}, HĐND huyện {place} khóa XX khai mạc.",
    "Đồng chí {name}, Chủ tịch UBND huyện {place}, yêu cầu các xã hoàn thành kế hoạch số {plan} trong tháng {month}.",
    "Kỳ họp đã thông qua {resolutions} nghị quyết quan trọng.",
)


@pytest.fixture(autouse=True)
def quick_retries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-faults")
    monkeypatch.setenv("SUMMARIZER_RETRY_BASE_DELAY", "0.001")
    monkeypatch.setenv("SUMMARIZER_RETRY_MAX_DELAY", "0.01")
    # Generous enough that a loaded 2-core CI machine answers every request that is not a timeout fault.
    monkeypatch.setenv("SUMMARIZER_TIMEOUT", "1.5")


def small_article(n: int) -> str:
    rng = random.Random(n)
    values = {
        "day": rng.randint(1, 28),
        "month": rng.randint(1, 12),
        "session": rng.randint(2, 30),
        "place": rng.choice(PLACES),
        "name": f"{rng.choice(SURNAMES)} {rng.choice(GIVEN)}",
        "plan": rng.randint(10, 300),
        "resolutions": rng.randint(3, 25),
    }
    return "\n".join(p.format(**values) for p in PARAGRAPHS) + "\n"


def write_articles(folder: Path, count: int) -> dict[str, str]:
    folder.mkdir(parents=True, exist_ok=True)
    texts = {}
    for n in range(count):
        texts[f"tin-{n:03d}"] = small_article(n)
        (folder / f"tin-{n:03d}.txt").write_text(texts[f"tin-{n:03d}"], encoding="utf-8")
    return texts


def fault_mix(count: int, seed: int = 7) -> list[Fault]:
    """About one request in three meets a fault, of every kind; the others are answered normally."""
    faults = (
        [Fault("429", retry_after="0")] * 12
        + [Fault("500")] * 12
        + [Fault("timeout", seconds=2.0)] * 4
        + [Fault("drop")] * 10
        + [Fault("malformed")] * 10
        + [Fault("invalid")] * 10
        + [Fault("hallucinate")] * 12
    )
    mix = faults + [Fault("delay", seconds=0.0)] * (count - len(faults))
    random.Random(seed).shuffle(mix)
    return mix


def run_batch(inputs: list[str], out: Path, *, jobs: int, base_url: str, fallback: str = "rules"):
    """The LLM backend over ``inputs`` into ``out``, the rules answering what the model fails (marked)."""
    config = backend_config("llm", model=MODEL, base_url=base_url, fallback=fallback)
    return write_results(inputs, out, config, jobs=jobs, progress=False)


def records_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def as_extraction(record: dict) -> ArticleExtraction:
    return ArticleExtraction.model_validate({k: v for k, v in record.items() if k not in {"source", "content_hash"}})


def people_named_in(extraction: ArticleExtraction) -> set[str]:
    """Every name an extraction puts forward: officials, chairs and issuers (not its provenance notes)."""
    chairs = {name for event in extraction.events for name in event.chairs}
    return {o.name for o in extraction.officials} | chairs | {d.issuer for d in extraction.directives}


def test_a_batch_under_a_fault_mix_has_a_grounded_or_fallback_result_for_every_article(fake: FakeOpenAI, tmp_path: Path) -> None:
    texts = write_articles(tmp_path / "tin", 200)
    fake.script(*fault_mix(200))
    out = tmp_path / "results.jsonl"

    summary = run_batch([str(tmp_path / "tin")], out, jobs=8, base_url=fake.base_url)

    records = records_of(out)
    assert summary.failed_total == 0
    assert sorted(r["article_id"] for r in records) == sorted(texts)
    for record in records:
        provenance = record["provenance"]
        assert provenance["backend"] in {"llm", "llm→regex"}
        if provenance["backend"] == "llm→regex":
            assert provenance["fallback_reason"]
        assert check_grounding(as_extraction(record), texts[record["article_id"]]).rate == 1.0
        assert HALLUCINATED_OFFICIAL["name"] not in people_named_in(as_extraction(record))


def test_the_call_log_accounts_for_every_request_of_a_faulty_batch(fake: FakeOpenAI, tmp_path: Path) -> None:
    write_articles(tmp_path / "tin", 200)
    fake.script(*fault_mix(200, seed=11))
    started = time.time()

    run_batch([str(tmp_path / "tin")], tmp_path / "r.jsonl", jobs=8, base_url=fake.base_url)

    calls = store.calls_since(started)
    fallbacks = [r for r in records_of(tmp_path / "r.jsonl") if r["provenance"]["backend"] == "llm→regex"]
    assert len(calls) == 200  # one logical call per (one-chunk) article
    assert sum(c.attempts for c in calls) == fake.count()
    assert sum(c.reasks for c in calls) > 0
    assert len([c for c in calls if c.outcome not in {"ok", "reask"}]) == len(fallbacks)


def test_tokens_of_failed_attempts_are_counted_in_the_cost(fake: FakeOpenAI, tmp_path: Path) -> None:
    write_articles(tmp_path / "tin", 30)
    fake.script(*["malformed", "invalid", "hallucinate", "429", "500", "drop"] * 3)
    started = time.time()

    run_batch([str(tmp_path / "tin")], tmp_path / "r.jsonl", jobs=4, base_url=fake.base_url)

    calls = store.calls_since(started)
    records = records_of(tmp_path / "r.jsonl")
    sent_in = sum(p for p, _ in fake.usage_sent)
    sent_out = sum(c for _, c in fake.usage_sent)
    assert len(fake.usage_sent) > len(records)  # some answers were rejected and asked again
    assert (sum(c.tokens_in for c in calls), sum(c.tokens_out for c in calls)) == (sent_in, sent_out)
    assert sum(r["provenance"]["tokens_in"] for r in records) == sent_in
    for record in records:
        prov = record["provenance"]
        assert prov["cost_usd"] == pytest.approx(cost_usd(MODEL, prov["tokens_in"], prov["tokens_out"]))


@pytest.mark.slow
def test_a_killed_llm_batch_resumes_to_exactly_one_line_per_article(fake: FakeOpenAI, tmp_path: Path) -> None:
    count = 80
    source = tmp_path / "tin.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for n in range(count):
            # Sample articles, each made unique by its first line; the fake answers them with their gold.
            text = f"Tin số {n + 1}\n" + seed_text(f"00{n % 5}")
            handle.write(json.dumps({"id": f"tin-{n}", "text": text}, ensure_ascii=False) + "\n")
    out = tmp_path / "results.jsonl"
    fake.script(*[Fault("delay", seconds=0.05)] * (2 * count))
    command = [
        sys.executable, "-m", "summarizer", "batch", str(source), "-o", str(out),
        "-b", "llm", "-m", MODEL, "--base-url", fake.base_url, "-j", "4", "--fallback", "rules",
    ]
    written = kill_midway(command, out, after_lines=10)
    assert 10 <= written < count
    calls_before_resume = fake.count()

    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=120)

    assert resumed.returncode == 0, resumed.stderr
    assert "Traceback" not in resumed.stderr
    ids = [r["article_id"] for r in records_of(out)]
    assert sorted(ids) == sorted(f"tin-{n}" for n in range(count))
    assert all(r["provenance"]["backend"] == "llm" for r in records_of(out))
    assert fake.count() - calls_before_resume <= count - written  # written articles are not asked again
