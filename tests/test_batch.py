"""``summarizer batch``: one record per article, concurrently, resumably, with error records for bad inputs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import ExitStatus, LLMError, OutputError
from summarizer.pipeline.results import ResultsFile
from summarizer.pipeline.summary import RunSummary
from summarizer.schemas import ArticleExtraction, Official
from tests.conftest import ARTICLES, kill_midway, seed_text

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = ExitStatus.OK, ExitStatus.SOME_FAILED, ExitStatus.USAGE

SENTENCES = [
    "Sáng {n}/12, Kỳ họp thứ {n}, HĐND huyện Tiên Du khóa XX khai mạc.",
    "Đồng chí Nguyễn Văn Hải, Chủ tịch UBND huyện yêu cầu các xã hoàn thành kế hoạch số {n}.",
    "Hội nghị đã thông qua {n} nghị quyết quan trọng.",
]


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["batch", *args])
    return result.exit_code, result.stderr


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def canonical(records: list[dict]) -> set[str]:
    return {json.dumps(record, ensure_ascii=False, sort_keys=True) for record in records}


def small_article(n: int) -> str:
    return " ".join(sentence.format(n=n) for sentence in SENTENCES) + "\n"


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        (folder / f"tin-{n:04d}.txt").write_text(small_article(n + 1), encoding="utf-8")
    return folder


def test_each_article_becomes_one_record_with_its_source_and_content_hash(tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    code, stderr = invoke(str(ARTICLES), "-o", str(out), "--backend", "regex", "--jobs", "1")
    records = read_lines(out)
    assert code == EXIT_OK, stderr
    assert sorted(r["article_id"] for r in records) == sorted(p.stem for p in ARTICLES.glob("*.txt"))
    for record in records:
        assert {"events", "officials", "directives", "provenance", "source", "content_hash"} <= set(record)
        assert Path(record["source"]).parent == ARTICLES


def test_parallel_runs_write_the_same_file_as_a_serial_run_byte_for_byte(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "tin", 12)
    (folder / "seed.txt").write_text(seed_text("000"), encoding="utf-8")
    serial, parallel = tmp_path / "serial.jsonl", tmp_path / "parallel.jsonl"
    assert invoke(str(folder), "-o", str(serial), "-b", "regex", "-j", "1")[0] == EXIT_OK
    assert invoke(str(folder), "-o", str(parallel), "-b", "regex", "-j", "3")[0] == EXIT_OK
    assert len(read_lines(parallel)) == 13
    assert parallel.read_bytes() == serial.read_bytes()


def test_records_come_in_input_order_sorted_folder_walk_first(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "tin", 5)
    out = tmp_path / "r.jsonl"
    assert invoke(str(folder), "-o", str(out), "-b", "regex", "-j", "2")[0] == EXIT_OK
    assert [r["article_id"] for r in read_lines(out)] == [f"tin-{n:04d}" for n in range(5)]


def test_bad_inputs_become_error_records_and_the_good_ones_are_still_written(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "tin", 2)
    (folder / "rong.txt").write_text("  \n", encoding="utf-8")
    (folder / "anh.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    out = tmp_path / "results.jsonl"
    code, stderr = invoke(str(folder), str(tmp_path / "khong-co.txt"), "-o", str(out), "-b", "regex", "-j", "2")
    records = read_lines(out)
    errors = {r["article_id"]: r for r in records if "error" in r}
    assert code == EXIT_SOME_FAILED
    assert len(records) == 5
    assert {name: r["error"]["kind"] for name, r in errors.items()} == {"rong": "empty", "anh": "binary", "khong-co": "not_found"}
    assert [r["article_id"] for r in records] == ["anh", "rong", "tin-0000", "tin-0001", "khong-co"]
    assert errors["anh"]["source"] == str(folder / "anh.txt")
    assert all(r["error"]["message"] for r in errors.values())
    assert sorted(r["article_id"] for r in records if "error" not in r) == ["tin-0000", "tin-0001"]
    assert "failed 3 (binary 1, empty 1, not_found 1)" in stderr


def test_the_summary_of_a_rules_run_reports_done_and_failed(tmp_path: Path) -> None:
    code, stderr = invoke(str(ARTICLES), "-o", str(tmp_path / "r.jsonl"), "-b", "regex")
    assert code == EXIT_OK
    assert "summarizer: done 5, failed 0\n" in stderr
    assert "tokens" not in stderr


def test_the_summary_adds_up_provenance_of_llm_records() -> None:
    summary = RunSummary()
    summary.add({"events": [], "provenance": {"backend": "llm", "tokens_in": 1200, "tokens_out": 300, "cost_usd": 0.002, "cached": False}})
    summary.add({"events": [], "provenance": {"backend": "llm", "tokens_in": 800, "tokens_out": 100, "cost_usd": 0.0, "cached": True}})
    summary.add({"article_id": "x", "error": {"kind": "llm", "message": "timeout"}})
    assert summary.lines() == ["done 2, failed 1 (llm 1)", "cached 1; tokens 2,000 in, 400 out; cost $0.0020"]


def test_the_summary_counts_fallbacks_and_says_when_a_cost_is_unknown() -> None:
    summary = RunSummary()
    summary.add({"events": [], "provenance": {"backend": "llm→regex", "fallback_reason": "timeout", "tokens_in": 0, "tokens_out": 0, "cost_usd": None}})
    summary.add({"events": [], "provenance": {"backend": "llm", "tokens_in": 10, "tokens_out": 5, "cost_usd": None}})
    assert summary.lines()[0] == "done 2 (1 fell back to the rules), failed 0"
    assert "unknown for 2" in summary.lines()[1]
    assert not summary.complete


def test_progress_is_plain_lines_on_stderr_when_not_a_terminal(tmp_path: Path) -> None:
    code, stderr = invoke(str(ARTICLES), "-o", str(tmp_path / "r.jsonl"), "-b", "regex", "-j", "1")
    assert code == EXIT_OK
    assert "batch: 5/5 (100%)" in stderr
    assert "\x1b[" not in stderr


def test_an_output_in_a_missing_folder_is_a_one_line_error(tmp_path: Path) -> None:
    target = tmp_path / "khong-co" / "results.jsonl"
    code, stderr = invoke(str(ARTICLES), "-o", str(target), "-b", "regex")
    assert code == EXIT_USAGE
    assert stderr.strip() == f"summarizer: {target}: folder {target.parent} does not exist"


def test_an_unknown_format_is_rejected_before_any_work(tmp_path: Path) -> None:
    code, stderr = invoke(str(ARTICLES), "-o", str(tmp_path / "r.jsonl"), "--format", "xlsx")
    assert code == EXIT_USAGE
    assert "unknown format 'xlsx'" in stderr
    assert not (tmp_path / "r.jsonl").exists()


def test_openai_batch_without_a_model_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUMMARIZER_MODEL", raising=False)
    code, stderr = invoke(str(ARTICLES), "-o", str(tmp_path / "r.jsonl"), "--openai-batch")
    assert code == EXIT_USAGE
    assert "--openai-batch: needs the llm backend and a model" in stderr
    assert "Traceback" not in stderr


def test_openai_batch_results_are_written_as_records(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Batch API path itself is tested with the LLM backend; here: its answers become records."""
    calls: list[dict] = []

    from summarizer.backends.llm.backend import LLMBackend

    def extract_many(self, articles):  # type: ignore[no-untyped-def]
        calls.append(self.model)
        for article in articles:
            if "0001" in article.id:
                yield article, LLMError("the model refused", article.source)
            else:
                yield article, ArticleExtraction(officials=[Official(name="Nguyễn Văn Hải", titles=["Chủ tịch UBND huyện"])])

    monkeypatch.setattr(LLMBackend, "extract_many", extract_many)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-key-000000")
    folder = write_articles(tmp_path / "tin", 3)
    out = tmp_path / "r.jsonl"
    code, _ = invoke(str(folder), str(tmp_path / "khong-co.txt"), "-o", str(out), "-b", "llm", "-m", "gpt-x", "--openai-batch")
    records = {r["article_id"]: r for r in read_lines(out)}
    assert code == EXIT_SOME_FAILED
    assert calls == ["gpt-x"]
    assert records["tin-0000"]["officials"][0]["name"] == "Nguyễn Văn Hải"
    assert records["tin-0000"]["content_hash"] and records["tin-0000"]["source"].endswith("tin-0000.txt")
    assert records["tin-0001"]["error"] == {"kind": "llm", "message": "the model refused"}
    assert records["khong-co"]["error"]["kind"] == "not_found"
    assert len(records) == 4


def test_a_configuration_error_leaves_an_earlier_results_file_untouched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SUMMARIZER_MODEL", raising=False)
    out = tmp_path / "r.jsonl"
    assert invoke(str(ARTICLES), "-o", str(out), "-b", "regex")[0] == EXIT_OK
    before = out.read_bytes()
    code, _ = invoke(str(ARTICLES), "-o", str(out), "-b", "llm")
    assert code == EXIT_USAGE
    assert out.read_bytes() == before


def test_the_results_file_inside_an_input_folder_is_not_read_as_input(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "tin", 3)
    out = folder / "results.jsonl"
    assert invoke(str(folder), "-o", str(out), "-b", "regex")[0] == EXIT_OK
    code, _ = invoke(str(folder), "-o", str(out), "-b", "regex", "--resume")
    assert code == EXIT_OK
    assert len(read_lines(out)) == 3


# --- resume ------------------------------------------------------------------------------------


def test_resume_skips_done_articles_and_retries_failed_ones(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "tin", 3)
    (folder / "sau.txt").write_text("", encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert invoke(str(folder), "-o", str(out), "-b", "regex")[0] == EXIT_SOME_FAILED
    (folder / "sau.txt").write_text(small_article(99), encoding="utf-8")
    code, stderr = invoke(str(folder), "-o", str(out), "-b", "regex", "--resume")
    records = read_lines(out)
    assert code == EXIT_OK
    assert sorted(r["article_id"] for r in records) == ["sau", "tin-0000", "tin-0001", "tin-0002"]
    assert not any("error" in r for r in records)
    assert "skipped 3 already done" in stderr


def test_resume_drops_a_torn_last_line(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "tin", 3)
    out = tmp_path / "results.jsonl"
    assert invoke(str(folder), "-o", str(out), "-b", "regex")[0] == EXIT_OK
    whole = out.read_bytes()
    out.write_bytes(whole[: len(whole) - 40])
    code, stderr = invoke(str(folder), "-o", str(out), "-b", "regex", "--resume")
    assert code == EXIT_OK
    assert "torn last line" in stderr
    assert sorted(r["article_id"] for r in read_lines(out)) == ["tin-0000", "tin-0001", "tin-0002"]


def test_resume_refuses_a_file_that_is_not_a_results_file(tmp_path: Path) -> None:
    notes = tmp_path / "ghi-chu.jsonl"
    notes.write_text('{"id": "a", "text": "Sáng nay HĐND họp."}\n', encoding="utf-8")
    with pytest.raises(OutputError, match="refusing to resume"):
        with ResultsFile(notes, resume=True, settings_hash="x"):
            pass
    assert notes.read_text(encoding="utf-8") == '{"id": "a", "text": "Sáng nay HĐND họp."}\n'


@pytest.mark.slow
def test_a_killed_run_resumes_to_exactly_one_line_per_article(tmp_path: Path) -> None:
    count = 3000
    source = tmp_path / "tin.jsonl"
    with source.open("w", encoding="utf-8") as handle:
        for n in range(count):
            handle.write(json.dumps({"id": f"tin-{n}", "text": small_article(n + 1)}, ensure_ascii=False) + "\n")
    out = tmp_path / "results.jsonl"
    command = [sys.executable, "-m", "summarizer", "batch", str(source), "-o", str(out), "-b", "regex", "-j", "2"]
    written = kill_midway(command, out, after_lines=50)
    assert 50 <= written < count

    resumed = subprocess.run([*command, "--resume"], capture_output=True, text=True, timeout=300)
    assert resumed.returncode == EXIT_OK, resumed.stderr
    ids = [record["article_id"] for record in read_lines(out)]
    assert len(ids) == count
    assert set(ids) == {f"tin-{n}" for n in range(count)}
