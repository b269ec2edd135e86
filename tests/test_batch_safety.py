"""Batch structuring loses nothing: inputs protected, one true record per input, deterministic, bounded.

Each test is one everyday way a run used to lose or invent data, and what it must do instead.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import ExitStatus
from tests.conftest import ARTICLES, seed_text

LEAD = "Sáng {n}/12, Kỳ họp thứ {n}, HĐND huyện Tiên Du khóa XX khai mạc. Đồng chí Nguyễn Văn Hải, Chủ tịch UBND huyện yêu cầu các xã hoàn thành kế hoạch số {n}.\n"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def articles(folder: Path, count: int, start: int = 1) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(start, start + count):
        (folder / f"tin-{n:03d}.txt").write_text(LEAD.format(n=n), encoding="utf-8")
    return folder


def jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


# --- inputs are never overwritten ----------------------------------------------------------------


def test_a_csv_output_whose_results_file_would_be_the_input_is_refused(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "tin.jsonl", [{"id": "a", "text": LEAD.format(n=1)}])
    before = source.read_bytes()
    code, _, stderr = run("batch", str(source), "-o", str(tmp_path / "tin.csv"), "-b", "regex")
    assert code == ExitStatus.USAGE
    assert stderr.strip() == f"summarizer: {tmp_path / 'tin.jsonl'}: would overwrite the input {source}; choose another output"
    assert source.read_bytes() == before


def test_a_results_file_written_over_its_own_input_is_refused(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "tin.jsonl", [{"id": "a", "text": LEAD.format(n=1)}])
    code, _, stderr = run("batch", str(source), "-o", str(source), "-b", "regex")
    assert code == ExitStatus.USAGE and "would overwrite the input" in stderr
    assert "Kỳ họp thứ 1" in source.read_text(encoding="utf-8")


def test_a_briefing_written_over_the_page_it_reads_is_refused(tmp_path: Path) -> None:
    page = tmp_path / "trang.html"
    page.write_text(f"<html><body><p>{LEAD.format(n=1)}</p></body></html>", encoding="utf-8")
    before = page.read_bytes()
    code, _, stderr = run("brief", str(page), "-o", str(page), "-b", "regex")
    assert code == ExitStatus.USAGE and "would overwrite the input" in stderr
    assert page.read_bytes() == before


# --- one writer per output -----------------------------------------------------------------------


def test_a_second_run_on_the_same_output_refuses_naming_the_first(tmp_path: Path) -> None:
    folder = articles(tmp_path / "tin", 3)
    out = tmp_path / "r.jsonl"
    lock = tmp_path / ".r.jsonl.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import filelock, time; l = filelock.FileLock({str(lock)!r}); l.acquire(); "
         f"open({str(lock)!r}, 'w').write('pid 4242 since 2026-11-30 09:00:00'); print('held', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        code, _, stderr = run("batch", str(folder), "-o", str(out), "-b", "regex")
    finally:
        holder.kill()
        holder.wait()
    assert code == ExitStatus.USAGE
    assert "another summarizer run is writing this file (pid 4242 since 2026-11-30 09:00:00)" in stderr
    assert not out.exists()


# --- a bad record is an error record -------------------------------------------------------------


def test_a_record_with_a_lone_surrogate_is_an_error_record_and_the_batch_goes_on(tmp_path: Path) -> None:
    source = tmp_path / "tin.jsonl"
    source.write_text(
        '{"id": "a", "text": "' + LEAD.format(n=1).strip() + '"}\n'
        '{"id": "b\\ud800", "text": "Ph\\udc00 ban"}\n'
        '{"id": "c", "text": "Hội nghị \\ud83d"}\n'
        '{"id": "d", "text": "' + LEAD.format(n=4).strip() + '"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "r.jsonl"
    code, _, stderr = run("batch", str(source), "-o", str(out), "-b", "regex")
    records = lines(out)
    assert code == ExitStatus.SOME_FAILED
    assert [r.get("error", {}).get("kind") for r in records] == [None, "malformed_record", "decode", None]
    assert "lone surrogate" in records[1]["error"]["message"] and "lone surrogate" in records[2]["error"]["message"]
    assert "internal error" not in stderr
    code, _, stderr = run("batch", str(source), "-o", str(out), "-b", "regex", "--resume")
    assert code == ExitStatus.SOME_FAILED and "skipped 2 already done" in stderr and len(lines(out)) == 4


def test_a_file_name_that_is_not_utf8_is_written_as_an_escaped_name(tmp_path: Path) -> None:
    folder = tmp_path / "tin"
    folder.mkdir()
    name = os.fsencode(str(folder)) + b"/bai-\xff.txt"
    with open(name, "wb") as handle:
        handle.write(LEAD.format(n=1).encode("utf-8"))
    out = tmp_path / "r.jsonl"
    code, _, _ = run("batch", str(folder), "-o", str(out), "-b", "regex")
    (record,) = lines(out)
    assert code == ExitStatus.OK
    assert record["source"].endswith("bai-\\xff.txt") and record["events"]


# --- resume keys on the input, its text and the settings -----------------------------------------


def test_an_article_republished_under_another_name_gets_its_own_record(tmp_path: Path) -> None:
    folder = articles(tmp_path / "tin", 2)
    out = tmp_path / "r.jsonl"
    assert run("batch", str(folder), "-o", str(out), "-b", "regex")[0] == ExitStatus.OK
    (folder / "tin-009.txt").write_text(LEAD.format(n=1), encoding="utf-8")
    code, _, stderr = run("batch", str(folder), "-o", str(out), "-b", "regex", "--resume")
    assert code == ExitStatus.OK and "skipped 2 already done" in stderr
    assert [r["article_id"] for r in lines(out)] == ["tin-001", "tin-002", "tin-009"]


def test_an_edited_article_replaces_its_old_record(tmp_path: Path) -> None:
    folder = articles(tmp_path / "tin", 2)
    out = tmp_path / "r.jsonl"
    assert run("batch", str(folder), "-o", str(out), "-b", "regex")[0] == ExitStatus.OK
    (folder / "tin-001.txt").write_text(LEAD.format(n=7), encoding="utf-8")
    code, _, stderr = run("batch", str(folder), "-o", str(out), "-b", "regex", "--resume")
    records = lines(out)
    assert code == ExitStatus.OK and "redone: 1 edited since" in stderr
    assert [r["article_id"] for r in records] == ["tin-001", "tin-002"]
    assert records[0]["events"][0]["session_number"] == 7


def test_records_made_with_other_settings_are_redone_and_the_run_says_so(tmp_path: Path) -> None:
    folder = articles(tmp_path / "tin", 2)
    out = tmp_path / "r.jsonl"
    assert run("batch", str(folder), "-o", str(out), "-b", "regex")[0] == ExitStatus.OK
    records = lines(out)
    for record in records:
        record["settings_hash"] = "made-by-another"
    jsonl(out, records)
    code, _, stderr = run("batch", str(folder), "-o", str(out), "-b", "regex", "--resume")
    assert code == ExitStatus.OK and "redone: 2 made with other settings" in stderr
    assert {r["settings_hash"] for r in lines(out)} != {"made-by-another"}


def test_records_of_inputs_not_given_this_time_are_kept(tmp_path: Path) -> None:
    first, second = articles(tmp_path / "a", 2), articles(tmp_path / "b", 1, start=5)
    out = tmp_path / "r.jsonl"
    assert run("batch", str(first), "-o", str(out), "-b", "regex")[0] == ExitStatus.OK
    assert run("batch", str(second), "-o", str(out), "-b", "regex", "--resume")[0] == ExitStatus.OK
    assert [r["article_id"] for r in lines(out)] == ["tin-005", "tin-001", "tin-002"]


# --- deterministic -------------------------------------------------------------------------------


def test_identical_runs_write_identical_files_whatever_the_jobs(tmp_path: Path) -> None:
    folder = articles(tmp_path / "tin", 9)
    (folder / "seed.txt").write_text(seed_text("004"), encoding="utf-8")
    outputs = [tmp_path / f"r{jobs}-{n}.jsonl" for jobs in (1, 2, 4) for n in range(2)]
    for out in outputs:
        assert run("batch", str(folder), "-o", str(out), "-b", "regex", "-j", out.stem[1])[0] == ExitStatus.OK
    assert len({out.read_bytes() for out in outputs}) == 1


def test_identical_briefings_are_byte_identical(tmp_path: Path) -> None:
    results = tmp_path / "r.jsonl"
    assert run("batch", str(ARTICLES), "-o", str(results), "-b", "regex", "-j", "2")[0] == ExitStatus.OK
    pages = []
    for n in range(2):
        page = tmp_path / f"b{n}.html"
        assert run("brief", str(results), "-o", str(page), "--sources", str(ARTICLES))[0] == ExitStatus.OK
        pages.append(page.read_bytes())
    assert pages[0] == pages[1]


# --- bounded -------------------------------------------------------------------------------------


def test_a_device_given_as_input_is_refused_without_reading_it(tmp_path: Path) -> None:
    code, _, stderr = run("extract", "/dev/zero", "-b", "regex")
    assert code == ExitStatus.SOME_FAILED
    assert stderr.strip().endswith("/dev/zero: not a regular file (a character device)")


def test_a_fifo_in_an_input_folder_is_an_error_record_and_does_not_hang(tmp_path: Path) -> None:
    folder = articles(tmp_path / "tin", 1)
    os.mkfifo(folder / "ong.txt")
    out = tmp_path / "r.jsonl"
    code, _, _ = run("batch", str(folder), "-o", str(out), "-b", "regex")
    records = {r["article_id"]: r for r in lines(out)}
    assert code == ExitStatus.SOME_FAILED
    assert records["ong"]["error"] == {"kind": "not_a_file", "message": "not a regular file (a FIFO)"}
    assert "events" in records["tin-001"]


def test_a_stdin_longer_than_the_limit_is_too_large(tmp_path: Path) -> None:
    from summarizer.text.article import MAX_PAGE_BYTES

    code, _, stderr = run("extract", "-", "-b", "regex", input="a " * (MAX_PAGE_BYTES // 2 + 10))
    assert code == ExitStatus.SOME_FAILED and "too large" in stderr


# --- folders -------------------------------------------------------------------------------------


def test_a_looping_symlink_is_one_error_record_and_the_rest_of_the_folder_is_read(tmp_path: Path) -> None:
    folder = articles(tmp_path / "tin", 2)
    (folder / "vong").symlink_to(folder)
    (folder / "gay.txt").symlink_to(folder / "khong-co.txt")
    out = tmp_path / "r.jsonl"
    code, _, _ = run("batch", str(folder), "-o", str(out), "-b", "regex")
    errors = {r["article_id"]: r["error"]["message"] for r in lines(out) if "error" in r}
    assert code == ExitStatus.SOME_FAILED
    assert errors == {"vong": "symlink loop (leads back to a folder above it)", "gay": "broken symlink (its target does not exist)"}
    assert sum("events" in r for r in lines(out)) == 2


def test_unsupported_files_get_an_error_record_and_hidden_ones_are_ignored(tmp_path: Path) -> None:
    folder = articles(tmp_path / "tin", 1)
    (folder / "to-trinh.pdf").write_bytes(b"%PDF-1.7")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    out = tmp_path / "r.jsonl"
    code, _, _ = run("batch", str(folder), "-o", str(out), "-b", "regex")
    records = lines(out)
    assert code == ExitStatus.SOME_FAILED
    assert [r["article_id"] for r in records] == ["tin-001", "to-trinh"]
    assert records[1]["error"]["message"] == "unsupported type .pdf (use .htm, .html, .jsonl, .txt)"


# --- no orphans ----------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_worker_processes_end_when_their_parent_is_killed(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "tin.jsonl", [{"id": f"t{n}", "text": seed_text("004")} for n in range(4000)])
    parent = subprocess.Popen(
        [sys.executable, "-m", "summarizer", "batch", str(source), "-o", str(tmp_path / "r.jsonl"), "-b", "regex", "-j", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline and len(workers) < 2:
        workers = _children(parent.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the workers did not start"
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(Path(f"/proc/{w}").exists() and "Z" not in Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0] for w in workers):
        time.sleep(0.1)
    alive = [w for w in workers if Path(f"/proc/{w}").exists() and Path(f"/proc/{w}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"]
    assert alive == []


# --- brief reads only what it was given ----------------------------------------------------------


def test_brief_does_not_embed_a_file_a_results_line_points_at(tmp_path: Path) -> None:
    secret = tmp_path / "bi-mat.txt"
    secret.write_text("Mật khẩu quản trị: hunter2. " + LEAD.format(n=1), encoding="utf-8")
    results = jsonl(tmp_path / "r.jsonl", [{"article_id": "x", "source": str(secret), "events": [], "officials": [], "directives": []}])
    page = tmp_path / "b.html"
    code, _, _ = run("brief", str(results), "-o", str(page))
    assert code == ExitStatus.OK
    assert "hunter2" not in page.read_text(encoding="utf-8")
    code, _, _ = run("brief", str(results), "-o", str(page), "--sources", str(tmp_path))
    assert "hunter2" in page.read_text(encoding="utf-8")


# --- clean output errors -------------------------------------------------------------------------


def test_a_device_as_output_is_a_one_line_error(tmp_path: Path) -> None:
    code, _, stderr = run("batch", str(ARTICLES), "-o", "/dev/full", "-b", "regex")
    assert code == ExitStatus.USAGE
    assert stderr.strip() == "summarizer: /dev/full: is not a regular file; give a file name such as results.jsonl, or - for stdout"


def test_a_full_disk_during_a_resume_keeps_the_earlier_results(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = articles(tmp_path / "tin", 3)
    out = tmp_path / "r.jsonl"
    assert run("batch", str(folder), "-o", str(out), "-b", "regex")[0] == ExitStatus.OK
    before = out.read_bytes()
    articles(folder, 2, start=4)

    def full(fd: int, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    code, _, stderr = run("batch", str(folder), "-o", str(out), "-b", "regex", "--resume")
    monkeypatch.undo()
    assert code == ExitStatus.USAGE
    assert "No space left on device (the earlier results are kept)" in stderr and "internal error" not in stderr
    assert out.read_bytes() == before


@pytest.mark.parametrize("url", ["localhost:11434", "http//x", "ftp://example.com/v1", "http://host:port/v1"])
def test_a_malformed_base_url_is_a_one_line_error(tmp_path: Path, url: str) -> None:
    code, _, stderr = run("extract", str(ARTICLES), "-b", "llm", "-m", "qwen2.5", "--base-url", url)
    assert code == ExitStatus.USAGE
    assert stderr.startswith("summarizer: --base-url: ") and stderr.count("\n") == 1


# --- ids -----------------------------------------------------------------------------------------


def test_jsonl_records_without_an_id_are_named_by_file_and_line(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "tin.jsonl", [{"text": LEAD.format(n=1)}, {"text": LEAD.format(n=2)}])
    out = tmp_path / "r.jsonl"
    assert run("batch", str(source), "-o", str(out), "-b", "regex")[0] == ExitStatus.OK
    assert [r["article_id"] for r in lines(out)] == ["tin:1", "tin:2"]


def test_same_named_files_in_different_folders_get_distinct_ids(tmp_path: Path) -> None:
    root = tmp_path / "tin"
    for folder in ("ha-noi", "hue"):
        (root / folder).mkdir(parents=True)
        (root / folder / "ky-hop.txt").write_text(LEAD.format(n=len(folder)), encoding="utf-8")
    out = tmp_path / "r.jsonl"
    assert run("batch", str(root), "-o", str(out), "-b", "regex")[0] == ExitStatus.OK
    assert [r["article_id"] for r in lines(out)] == ["ha-noi/ky-hop", "hue/ky-hop"]


def test_a_repeated_id_is_reported_and_made_unique(tmp_path: Path) -> None:
    source = jsonl(tmp_path / "tin.jsonl", [{"id": "a", "text": LEAD.format(n=1)}, {"id": "a", "text": LEAD.format(n=2)}])
    out = tmp_path / "r.jsonl"
    code, _, stderr = run("batch", str(source), "-o", str(out), "-b", "regex")
    assert code == ExitStatus.OK
    assert [r["article_id"] for r in lines(out)] == ["a", "a~2"]
    assert f"{source}:2: article id 'a' was already used by {source}:1; this one is 'a~2'" in stderr


# --- CLI conventions -----------------------------------------------------------------------------


def test_dash_output_writes_json_lines_to_stdout_and_the_summary_to_stderr(tmp_path: Path) -> None:
    code, stdout, stderr = run("batch", str(ARTICLES), "-o", "-", "-b", "regex")
    assert code == ExitStatus.OK
    assert [json.loads(line)["article_id"] for line in stdout.splitlines()] == sorted(p.stem for p in ARTICLES.glob("*.txt"))
    assert "done 5, failed 0" in stderr


def test_extract_prints_json_lines_for_several_articles_and_indented_json_for_one() -> None:
    code, stdout, _ = run("extract", str(ARTICLES), "-b", "regex")
    assert code == ExitStatus.OK and len(stdout.splitlines()) == 5
    code, stdout, _ = run("extract", str(next(ARTICLES.glob("000_*.txt"))), "-b", "regex")
    assert stdout.startswith("{\n  ")
    code, stdout, _ = run("extract", str(ARTICLES), "-b", "regex", "--pretty")
    assert stdout.count('\n{\n  "article_id"') == 4


def test_version_is_printed() -> None:
    code, stdout, _ = run("--version")
    assert code == ExitStatus.OK and stdout.startswith("summarizer ")


@pytest.mark.parametrize("command", ["extract", "batch", "brief", "eval", "cache", "schema"])
def test_help_shows_no_type_placeholders(command: str) -> None:
    code, stdout, _ = run(command, "--help")
    assert code == ExitStatus.OK
    assert "<str>" not in stdout and "<path>" not in stdout and "<int" not in stdout and "<float" not in stdout


def test_shell_completion_can_be_installed() -> None:
    code, stdout, _ = run("--help")
    assert "--install-completion" in stdout


# --- shards --------------------------------------------------------------------------------------


def test_shards_split_the_inputs_once_each_and_concatenate_into_the_whole_run(tmp_path: Path) -> None:
    folder = articles(tmp_path / "tin", 30)
    whole = tmp_path / "whole.jsonl"
    assert run("batch", str(folder), "-o", str(whole), "-b", "regex")[0] == ExitStatus.OK
    parts = []
    for index in (1, 2, 3):
        part = tmp_path / f"part{index}.jsonl"
        assert run("batch", str(folder), "-o", str(part), "-b", "regex", "--shard", f"{index}/3")[0] == ExitStatus.OK
        parts.append(lines(part))
    assert all(parts), "every part got some of the 30 inputs"
    joined = sorted((json.dumps(r, sort_keys=True, ensure_ascii=False) for part in parts for r in part))
    assert joined == sorted(json.dumps(r, sort_keys=True, ensure_ascii=False) for r in lines(whole))


def test_a_shard_is_the_same_whatever_the_folder_is_called(tmp_path: Path) -> None:
    first, second = articles(tmp_path / "may-1", 12), articles(tmp_path / "may-2", 12)
    ids = []
    for folder in (first, second):
        out = tmp_path / f"{folder.name}.jsonl"
        assert run("batch", str(folder), "-o", str(out), "-b", "regex", "--shard", "2/4")[0] == ExitStatus.OK
        ids.append([r["article_id"] for r in lines(out)])
    assert ids[0] == ids[1]


@pytest.mark.parametrize("value", ["0/3", "4/3", "a/b", "3"])
def test_a_malformed_shard_is_a_one_line_error(tmp_path: Path, value: str) -> None:
    code, _, stderr = run("batch", str(ARTICLES), "-o", str(tmp_path / "r.jsonl"), "-b", "regex", "--shard", value)
    assert code == ExitStatus.USAGE and stderr.startswith("summarizer: --shard: ")


# --- what a new user found ---------------------------------------------------------------------------


def test_extract_prints_json_lines_when_a_second_input_fails(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("Ngày 5/9/2025, UBND xã Tân Phú tổ chức phiên họp thường kỳ.\n", encoding="utf-8")
    code, stdout, stderr = run("extract", str(tmp_path / "empty.txt"), str(good), "-b", "regex")
    assert code == ExitStatus.SOME_FAILED and "empty.txt" in stderr
    (line,) = stdout.splitlines()
    assert json.loads(line)["article_id"] == "good"


def test_eval_refuses_a_predictions_folder_with_no_prediction_for_any_article(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kỳ họp thứ 20.\n", encoding="utf-8")
    code, _, stderr = run("eval", "--predictions", str(tmp_path))
    assert code == ExitStatus.USAGE and "no usable prediction file" in stderr and len(stderr.strip().splitlines()) == 1


def test_a_csv_output_with_format_jsonl_is_a_usage_error(tmp_path: Path) -> None:
    folder = articles(tmp_path / "in", 1)
    code, _, stderr = run("batch", str(folder), "-o", str(tmp_path / "x.csv"), "--format", "jsonl", "-b", "regex")
    assert code == ExitStatus.USAGE and stderr.startswith("summarizer: --format: ")
    assert not (tmp_path / "x.csv").exists() and not (tmp_path / "x.jsonl").exists()


def test_turning_results_into_csv_says_nothing_about_a_backend(tmp_path: Path) -> None:
    folder = articles(tmp_path / "in", 1)
    assert run("batch", str(folder), "-o", str(tmp_path / "r.jsonl"), "-b", "regex")[0] == ExitStatus.OK
    code, _, stderr = run("batch", str(tmp_path / "r.jsonl"), "-o", str(tmp_path / "r.csv"))
    assert code == ExitStatus.OK and "model" not in stderr and "backend" not in stderr


def test_the_tools_own_outputs_in_an_input_folder_are_skipped_with_a_word(tmp_path: Path) -> None:
    folder = articles(tmp_path / "news", 2)
    assert run("batch", str(folder), "-o", str(folder / "r.jsonl"), "-b", "regex")[0] == ExitStatus.OK
    assert run("brief", str(folder), "-o", str(folder / "b.md"), "-b", "regex")[0] == ExitStatus.OK
    code, _, stderr = run("brief", str(folder), "-o", str(folder / "b.html"), "-b", "regex")
    assert code == ExitStatus.OK
    assert stderr.count("skipped, an output of summarizer") == 2  # r.jsonl and b.md, each said once
    code, _, stderr = run("batch", str(folder), "-o", str(tmp_path / "again.jsonl"), "-b", "regex")
    assert code == ExitStatus.OK and len(lines(tmp_path / "again.jsonl")) == 2


def test_an_error_records_source_key_is_as_absolute_as_an_articles(tmp_path: Path) -> None:
    folder = articles(tmp_path / "in", 1)
    (folder / "bin.txt").write_bytes(b"\x00\x01")
    run("batch", str(folder), "-o", str(tmp_path / "r.jsonl"), "-b", "regex")
    keys = [record["source_key"] for record in lines(tmp_path / "r.jsonl")]
    assert len(keys) == 2 and all(Path(key).is_absolute() for key in keys)


def test_a_refused_resume_keeps_the_progress_for_the_next_one(tmp_path: Path) -> None:
    folder = articles(tmp_path / "in", 3)
    out = tmp_path / "out.jsonl"
    assert run("batch", str(folder), "-o", str(out), "-b", "regex")[0] == ExitStatus.OK
    progress = tmp_path / ".out.jsonl.partial"
    progress.write_bytes(out.read_bytes())  # an interrupted run's progress
    out.write_text("không phải kết quả\n", encoding="utf-8")  # and an output that is no results file

    code, _, stderr = run("batch", str(folder), "-o", str(out), "-b", "regex", "--resume")
    assert code == ExitStatus.USAGE and progress.exists()

    out.unlink()
    code, _, stderr = run("batch", str(folder), "-o", str(out), "-b", "regex", "--resume")
    assert code == ExitStatus.OK and "taking up the progress" in stderr and len(lines(out)) == 3
