"""CSV tables for spreadsheet users: officials, directives and events, UTF-8 with a BOM, properly quoted."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import ExitStatus

EXIT_OK, EXIT_USAGE = ExitStatus.OK, ExitStatus.USAGE
from summarizer.export import csv_paths, write_csv_tables
from tests.conftest import ARTICLES
from tests.test_briefing import FAILED_RECORD, gold_records, write_results


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["batch", *args])
    return result.exit_code, result.stderr


def read_table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_results_convert_to_tables_named_after_the_output(tmp_path: Path) -> None:
    results = write_results(tmp_path / "results.jsonl", gold_records() + [FAILED_RECORD])
    code, stderr = invoke(str(results), "--format", "csv", "-o", str(tmp_path / "bang.csv"))
    assert code == EXIT_OK, stderr
    assert sorted(p.name for p in tmp_path.glob("bang.*.csv")) == ["bang.directives.csv", "bang.events.csv", "bang.officials.csv"]


def test_tables_start_with_a_bom_so_excel_shows_vietnamese(tmp_path: Path) -> None:
    write_csv_tables(gold_records(), tmp_path / "r.csv")
    for path in csv_paths(tmp_path / "r.csv").values():
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_officials_have_their_titles_joined_by_semicolons(tmp_path: Path) -> None:
    counts = write_csv_tables(gold_records(), tmp_path / "r.csv")
    rows = read_table(tmp_path / "r.officials.csv")
    assert counts["officials"] == len(rows) == 16
    long = next(row for row in rows if row["name"] == "Nguyễn Hoàng Long")
    assert long == {
        "article_id": "000_3d921e2792699054",
        "name": "Nguyễn Hoàng Long",
        "titles": "Phó Bí thư Thường trực Thành ủy; Chủ tịch HĐND thành phố",
        "source": str(ARTICLES / "000_3d921e2792699054.txt"),
    }


def test_directives_keep_commas_inside_cells_and_write_deadlines_as_iso_dates(tmp_path: Path) -> None:
    write_csv_tables(gold_records(), tmp_path / "r.csv")
    rows = read_table(tmp_path / "r.directives.csv")
    assert list(rows[0]) == ["article_id", "issuer", "verb", "addressees", "content", "deadline", "source"]
    long = next(row for row in rows if row["issuer"] == "Nguyễn Hoàng Long")
    assert long["addressees"] == "UBND thành phố; các cấp, các ngành, địa phương, đơn vị"
    assert long["deadline"] == ""
    dated = [row for row in rows if row["deadline"]]
    assert [(row["issuer"], row["deadline"]) for row in dated] == [("Hoàng Duy Chinh", "2025-03-10")]


def test_events_list_chairs_and_counts(tmp_path: Path) -> None:
    write_csv_tables(gold_records(), tmp_path / "r.csv")
    rows = read_table(tmp_path / "r.events.csv")
    bac_ninh = next(row for row in rows if row["locality"] == "Bắc Ninh")
    assert bac_ninh["chairs"] == "Nguyễn Hoàng Long; Nguyễn Thanh Mai"
    assert (bac_ninh["session_number"], bac_ninh["term"], bac_ninh["resolutions_passed"]) == ("20", "22", "14")


def test_quotes_and_line_breaks_round_trip_through_the_csv_reader(tmp_path: Path) -> None:
    content = 'hoàn thành "Đề án 06",\nbáo cáo trước ngày 10/3'
    record = {"article_id": "x", "directives": [{"issuer": "UBND tỉnh", "verb": "giao", "addressees": ["Sở Tư pháp"], "content": content, "deadline": None}]}
    write_csv_tables([record], tmp_path / "r.csv")
    assert read_table(tmp_path / "r.directives.csv")[0]["content"] == content


def test_a_cell_that_looks_like_a_formula_is_kept_as_text(tmp_path: Path) -> None:
    record = {"article_id": "x", "officials": [{"name": "=HYPERLINK(\"http://x\")", "titles": ["+Chủ tịch"]}]}
    write_csv_tables([record], tmp_path / "r.csv")
    row = read_table(tmp_path / "r.officials.csv")[0]
    assert row["name"] == "'=HYPERLINK(\"http://x\")"
    assert row["titles"] == "'+Chủ tịch"


def test_error_records_add_no_rows(tmp_path: Path) -> None:
    counts = write_csv_tables([FAILED_RECORD], tmp_path / "r.csv")
    assert counts == {"events": 0, "officials": 0, "directives": 0}
    assert read_table(tmp_path / "r.officials.csv") == []


def test_a_batch_to_a_csv_name_keeps_the_jsonl_results_beside_the_tables(tmp_path: Path) -> None:
    code, stderr = invoke(str(ARTICLES), "-o", str(tmp_path / "ket-qua.csv"), "-b", "regex")
    assert code == EXIT_OK, stderr
    records = [json.loads(line) for line in (tmp_path / "ket-qua.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(records) == 5
    officials = read_table(tmp_path / "ket-qua.officials.csv")
    assert {row["article_id"] for row in officials} <= {r["article_id"] for r in records}
    assert len(officials) == sum(len(r["officials"]) for r in records)


def test_a_results_file_given_without_csv_format_is_a_usage_error(tmp_path: Path) -> None:
    results = write_results(tmp_path / "results.jsonl", gold_records())
    code, stderr = invoke(str(results), "-o", str(tmp_path / "again.jsonl"))
    assert code == EXIT_USAGE
    assert "is a results file" in stderr and "--format csv" in stderr
