"""Purpose and decisions end to end: the real openai and instructor clients over loopback HTTP against the
fake server, which answers an evals article with its gold labels and the event fields the request's
schema names. extract/v2 asks for purpose and decisions and gets them grounded; extract/v1 neither asks
for them nor returns them; the eval scores them where the gold labels them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.backends.llm import LLMBackend
from summarizer.cli import app
from summarizer.grounding import check_grounding
from summarizer.testing.fake_openai import asked_event_fields
from summarizer.text.reading import read_article

from .conftest import EVALS
from .test_eval_command import runs_dir  # noqa: F401

# 106: an HĐND session that relieves and elects a Phó Chủ tịch; 114: a first session electing the
# key posts, with a purpose; 003: a seed, whose gold labels neither.
STEMS = ("106", "114", "003")
MODES = ["tools", "json_schema", "json", "md_json"]


def stem_of(prefix: str) -> str:
    (path,) = (EVALS / "gold").glob(f"{prefix}_*.json")
    return path.stem


def gold_events(prefix: str) -> list[dict]:
    return json.loads((EVALS / "gold" / f"{stem_of(prefix)}.json").read_text(encoding="utf-8"))["events"]


def article(prefix: str):
    return read_article(EVALS / "articles" / f"{stem_of(prefix)}.txt")


def backend(fake, **options) -> LLMBackend:
    defaults = {"model": "gpt-4o-mini", "base_url": fake.base_url, "api_key": "sk-test", "retry_base_delay": 0.001, "timeout": 5.0}
    return LLMBackend(**{**defaults, **options})


@pytest.mark.parametrize("mode", MODES)
def test_a_v2_run_asks_for_purpose_and_decisions_and_returns_them_grounded(fake, mode):
    result = backend(fake, prompt="extract/v2", mode=mode).extract(article("114"))

    (body,) = fake.chat_requests()
    assert {"purpose", "decisions"} <= asked_event_fields(body)
    (gold,) = gold_events("114")
    (event,) = result.events
    assert event.purpose == gold["purpose"]
    assert [d.model_dump(exclude={"evidence"}) for d in event.decisions] == gold["decisions"]
    assert all(d.evidence is not None for d in event.decisions)
    assert check_grounding(result, article("114").text).rate == 1.0


@pytest.mark.parametrize("mode", MODES)
def test_a_v1_run_neither_asks_for_nor_returns_them(fake, mode):
    result = backend(fake, prompt="extract/v1", mode=mode).extract(article("106"))

    (body,) = fake.chat_requests()
    assert not {"purpose", "decisions"} & asked_event_fields(body)
    assert "Decision" not in json.dumps(body)
    (event,) = result.events
    assert event.purpose is None and event.decisions == []
    assert event.session_number == gold_events("106")[0]["session_number"]


def test_a_v1_run_drops_decisions_a_model_volunteers_without_asking_it_again(fake):
    volunteered = json.loads((EVALS / "gold" / f"{stem_of('106')}.json").read_text(encoding="utf-8"))
    volunteered["events"][0]["decisions"][0]["person"] = "Trần Văn Bịa"  # ungrounded, and not asked for
    fake.enqueue(volunteered)

    result = backend(fake, prompt="extract/v1").extract(article("106"))

    assert fake.count() == 1
    assert result.events[0].decisions == []


def test_an_ungrounded_decision_makes_a_v2_run_ask_again_naming_it(fake):
    invented = json.loads((EVALS / "gold" / f"{stem_of('106')}.json").read_text(encoding="utf-8"))
    invented["events"][0]["decisions"][2]["person"] = "Từ Văn Giang"
    fake.enqueue(invented)

    result = backend(fake, prompt="extract/v2").extract(article("106"))

    assert fake.count() == 2
    reask = json.dumps(fake.chat_requests()[1]["messages"][2:], ensure_ascii=False)
    assert "decision person 'Từ Văn Giang'" in reask
    assert [d.person for d in result.events[0].decisions] == [None, "Trần Phú Hùng", "Từ Thái Giang"]


@pytest.fixture
def evalset(tmp_path) -> tuple[Path, Path]:
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    for prefix in STEMS:
        shutil.copy(EVALS / "articles" / f"{stem_of(prefix)}.txt", articles)
        shutil.copy(EVALS / "gold" / f"{stem_of(prefix)}.json", gold)
    return articles, gold


def eval_llm(fake, evalset: tuple[Path, Path], prompt: str) -> dict:
    articles, gold = evalset
    result = CliRunner().invoke(
        app,
        [
            "eval", "--articles", str(articles), "--gold", str(gold), "--backend", "llm", "--model", "gpt-4o-mini",
            "--base-url", fake.base_url, "--prompt", prompt, "-O", "retry_base_delay=0.001", "--json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_eval_of_a_v2_run_scores_its_decisions_and_purposes(fake, runs_dir, evalset):  # noqa: F811
    data = eval_llm(fake, evalset, "extract/v2")
    decisions = sum(len(e["decisions"]) for prefix in STEMS[:2] for e in gold_events(prefix))
    assert data["components"]["decisions"] | {"precision": 0, "recall": 0} == {
        "precision": 0, "recall": 0, "f1": 1.0, "tp": decisions, "fp": 0, "fn": 0,
    }
    assert data["fields"]["events.purpose"]["f1"] == 1.0
    assert data["grounding"]["rate"] == 1.0 and data["overall"] == 1.0
    seed = next(a for a in data["articles"] if a["id"].startswith("003"))
    assert seed["components"]["decisions"]["f1"] is None


def test_the_eval_of_a_v1_run_finds_no_decision_and_keeps_its_overall(fake, runs_dir, evalset):  # noqa: F811
    data = eval_llm(fake, evalset, "extract/v1")
    assert data["components"]["decisions"]["tp"] == 0 and data["components"]["decisions"]["fn"] > 0
    assert data["fields"]["events.purpose"]["recall"] == 0.0
    assert data["overall"] == 1.0  # decisions and purpose are scored apart from it


def test_every_gold_label_answered_through_v2_is_grounded_and_scores_its_decisions_and_purposes_whole(fake, runs_dir):  # noqa: F811
    result = CliRunner().invoke(
        app,
        [
            "eval", "--articles", str(EVALS / "articles"), "--gold", str(EVALS / "gold"), "--backend", "llm",
            "--model", "gpt-4o-mini", "--base-url", fake.base_url, "--prompt", "extract/v2", "--jobs", "4", "--json",
        ],
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["errors"] == {} and data["grounding"]["rate"] == 1.0
    assert data["components"]["decisions"]["f1"] == data["fields"]["events.purpose"]["f1"] == 1.0
    assert data["components"]["decisions"]["tp"] == 53 and data["fields"]["events.purpose"]["tp"] == 112  # evals/README.md: 36 + 11 + 2 + 2 + 2 and 77 + 12 + 14 + 1 + 8 (groups E, F, G and H)
