"""Bad input, end to end through ``summarizer batch`` and ``summarizer extract`` as a user runs them.

Each bad input gets one clear line naming it, the run goes on, the good articles are written,
nothing already written is lost, no traceback is shown, and the exit status is 1 when some failed.
Inputs in a legacy encoding are not bad: they are read, and must give the same record as UTF-8.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import seed_text

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
NAVIGATION_PAGE = (
    "<!doctype html><html><head><title>Cổng thông tin điện tử tỉnh Bắc Ninh</title></head><body>"
    "<nav><ul>" + "".join(f"<li><a href='/m{n}'>Chuyên mục {n}</a></li>" for n in range(40)) + "</ul></nav>"
    "<footer>Bản quyền thuộc Cổng thông tin điện tử tỉnh Bắc Ninh</footer></body></html>"
)
ENGLISH = (
    "The provincial People's Council held its regular meeting on Tuesday. Delegates discussed the budget "
    "for next year and approved several resolutions on infrastructure and education.\n"
)
NO_OFFICIALS = (
    "Sáng nay, trời Bắc Ninh có mưa rào rải rác, nhiệt độ dao động từ 18 đến 24 độ C.\n"
    "Người dân các xã ven sông Cầu đã chủ động thu hoạch lúa trước những đợt mưa lớn dự báo trong tuần tới.\n"
)
MISSING = "khong-co-bai-nay.txt"


def windows_1258(text: str) -> bytes:
    """Text as a Vietnamese Windows-1258 file: base letters precomposed, tone marks combining."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONE_MARKS))
        out.append(base + "".join(c for c in parts if c in TONE_MARKS))
    return "".join(out).encode("cp1258")


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str
    records: dict[str, dict]


def summarizer(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"SUMMARIZER_MODEL", "OPENAI_BASE_URL"}}
    return subprocess.run(
        [sys.executable, "-m", "summarizer", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300
    )


def make_inputs(folder: Path) -> Path:
    """A folder with two good articles and every kind of bad or awkward input."""
    folder.mkdir()
    (folder / "tot-1.txt").write_text(seed_text("000"), encoding="utf-8")
    (folder / "tot-2.txt").write_text(seed_text("001"), encoding="utf-8")
    (folder / "rong.txt").write_bytes(b"")
    (folder / "khoang-trang.txt").write_text(" \n\t\n   \n", encoding="utf-8")
    (folder / "anh.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 64)
    broken = seed_text("002").encode("utf-8")
    (folder / "hong-utf8.txt").write_bytes(broken[:500] + b"\xff\xfe" + broken[500:])
    (folder / "cp1258.txt").write_bytes(windows_1258(seed_text("001")))
    (folder / "utf16.txt").write_bytes(seed_text("000").encode("utf-16"))
    (folder / "menu.html").write_text(NAVIGATION_PAGE, encoding="utf-8")
    long_text = seed_text("002")
    (folder / "lon.txt").write_text(long_text * (20_000_000 // len(long_text.encode("utf-8")) + 1), encoding="utf-8")
    (folder / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "thoi-tiet.txt").write_text(NO_OFFICIALS, encoding="utf-8")
    lines = [
        json.dumps({"id": "jsonl-tot", "text": seed_text("003")}, ensure_ascii=False),
        '{"id": "jsonl-hong", "text": "Sáng 12/3, HĐND',
        json.dumps({"id": "jsonl-khong-text", "title": "Kỳ họp thứ 20"}, ensure_ascii=False),
        "",
    ]
    (folder / "tin.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (folder / "mat.txt").symlink_to(folder / "da-xoa.txt")
    (folder / "thu-muc.txt").mkdir()
    return folder


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Run:
    base = tmp_path_factory.mktemp("bad-inputs")
    inputs = make_inputs(base / "inputs")
    out = base / "results.jsonl"
    done = summarizer("batch", str(inputs), MISSING, "-o", str(out), "-b", "regex", "-j", "2", cwd=base)
    records = {}
    for line in out.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        records[record["source"] or record["article_id"]] = record
    return Run(done.returncode, done.stdout, done.stderr, records)


def record_for(run: Run, name: str) -> dict:
    (record,) = [r for source, r in run.records.items() if source.endswith(name)]
    return record


BAD = {
    "rong.txt": "empty",
    "khoang-trang.txt": "empty",
    "anh.txt": "binary",
    "hong-utf8.txt": "decode",
    "lon.txt": "too_large",
    "menu.html": "empty",
    "tin.jsonl:2": "malformed_record",
    "tin.jsonl:3": "malformed_record",
    "mat.txt": "not_a_file",
    MISSING: "not_found",
}


def test_the_batch_shows_no_traceback_and_exits_1_when_some_inputs_failed(batch: Run) -> None:
    assert "Traceback" not in batch.stderr
    assert batch.code == 1, batch.stderr


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_input_gets_an_error_record_of_its_kind(batch: Run, name: str) -> None:
    record = record_for(batch, name)
    assert record["error"]["kind"] == BAD[name]
    assert record["error"]["message"] and "\n" not in record["error"]["message"]


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_input_is_named_on_one_stderr_line(batch: Run, name: str) -> None:
    lines = [line for line in batch.stderr.splitlines() if name in line]
    assert len(lines) == 1, batch.stderr
    assert lines[0].startswith("summarizer: ")


@pytest.mark.parametrize("name", ["tot-1.txt", "tot-2.txt", "tin.jsonl:1"])
def test_good_articles_beside_bad_ones_still_produce_records(batch: Run, name: str) -> None:
    record = record_for(batch, name)
    assert "error" not in record
    assert record["officials"]


@pytest.mark.parametrize(("name", "utf8_name"), [("cp1258.txt", "tot-2.txt"), ("utf16.txt", "tot-1.txt")])
def test_a_legacy_encoded_article_gives_the_same_record_as_its_utf8_copy(batch: Run, name: str, utf8_name: str) -> None:
    record, utf8 = record_for(batch, name), record_for(batch, utf8_name)
    assert "error" not in record
    assert record["content_hash"] == utf8["content_hash"]  # the very same text once decoded
    assert record["officials"] == utf8["officials"]


@pytest.mark.parametrize("name", ["english.txt", "thoi-tiet.txt"])
def test_an_article_without_officials_gives_an_empty_record_not_an_error(batch: Run, name: str) -> None:
    record = record_for(batch, name)
    assert "error" not in record
    assert record["officials"] == [] and record["directives"] == []


def test_a_folder_named_like_a_file_is_walked_not_read(batch: Run) -> None:
    assert not any("thu-muc.txt" in source for source in batch.records)


def test_the_summary_line_counts_the_failures_by_kind(batch: Run) -> None:
    assert "failed 10 (binary 1, decode 1, empty 3, malformed_record 2, not_a_file 1, not_found 1, too_large 1)" in batch.stderr


# --- extract ----------------------------------------------------------------------------------


def test_extract_prints_good_articles_and_one_line_per_bad_input(tmp_path: Path) -> None:
    good = tmp_path / "tot.txt"
    good.write_text(seed_text("004"), encoding="utf-8")
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "anh.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)

    done = summarizer("extract", str(empty), str(good), str(binary), MISSING, "-b", "regex", "--compact", cwd=tmp_path)

    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    (printed,) = [json.loads(line) for line in done.stdout.splitlines()]
    assert printed["article_id"] == "tot" and printed["officials"]
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 3
    for line, name in zip(lines, [str(empty), str(binary), MISSING]):
        assert line.startswith(f"summarizer: {name}: ")


# --- outputs ----------------------------------------------------------------------------------


def test_an_output_in_a_missing_folder_fails_before_any_work(tmp_path: Path) -> None:
    (tmp_path / "tot.txt").write_text(seed_text("000"), encoding="utf-8")
    target = tmp_path / "khong-co" / "results.jsonl"

    done = summarizer("batch", str(tmp_path / "tot.txt"), "-o", str(target), "-b", "regex", cwd=tmp_path)

    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"summarizer: {target}: folder {target.parent} does not exist"]


def test_a_failed_rerun_does_not_lose_an_earlier_results_file(tmp_path: Path) -> None:
    (tmp_path / "tot.txt").write_text(seed_text("000"), encoding="utf-8")
    out = tmp_path / "results.jsonl"
    assert summarizer("batch", str(tmp_path / "tot.txt"), "-o", str(out), "-b", "regex", cwd=tmp_path).returncode == 0
    before = out.read_bytes()

    again = summarizer("batch", str(tmp_path / "tot.txt"), "-o", str(out), "-b", "regex", "--format", "xlsx", cwd=tmp_path)

    assert again.returncode == 2 and "Traceback" not in again.stderr
    assert out.read_bytes() == before


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads files whatever their mode")
def test_an_unreadable_file_is_an_error_record_and_the_rest_go_on(tmp_path: Path) -> None:
    folder = tmp_path / "tin"
    folder.mkdir()
    (folder / "tot.txt").write_text(seed_text("000"), encoding="utf-8")
    locked = folder / "khoa.txt"
    locked.write_text(seed_text("001"), encoding="utf-8")
    locked.chmod(0)
    out = tmp_path / "results.jsonl"
    try:
        done = summarizer("batch", str(folder), "-o", str(out), "-b", "regex", cwd=tmp_path)
    finally:
        locked.chmod(0o644)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert done.returncode == 1
    assert {r["article_id"]: r.get("error", {}).get("kind") for r in records} == {"tot": None, "khoa": "unreadable"}
