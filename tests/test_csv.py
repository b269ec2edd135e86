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


def test_results_convert_to_the_events_table_at_the_output_and_its_siblings_beside_it(tmp_path: Path) -> None:
    results = write_results(tmp_path / "results.jsonl", gold_records() + [FAILED_RECORD])
    code, stderr = invoke(str(results), "--format", "csv", "-o", str(tmp_path / "bang.csv"))
    assert code == EXIT_OK, stderr
    assert sorted(p.name for p in tmp_path.glob("bang*.csv")) == ["bang.csv", "bang.directives.csv", "bang.officials.csv"]
    assert len(read_table(tmp_path / "bang.csv")) == 8


def test_the_summary_names_every_table_it_wrote(tmp_path: Path) -> None:
    results = write_results(tmp_path / "results.jsonl", gold_records())
    code, stderr = invoke(str(results), "--format", "csv", "-o", str(tmp_path / "bang.csv"))
    assert code == EXIT_OK
    assert f"wrote {tmp_path / 'bang.csv'} (events: 8 rows)" in stderr
    assert f"wrote {tmp_path / 'bang.officials.csv'} (officials: 16 rows)" in stderr
    assert f"wrote {tmp_path / 'bang.directives.csv'} (directives: 19 rows)" in stderr


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
        "headline": "",
        "published": "2024-12-13",
        "event_dates": "2024-12-12/2024-12-13",
        "name": "Nguyễn Hoàng Long",
        "titles": "Phó Bí thư Thường trực Thành ủy; Chủ tịch HĐND thành phố",
        "source": str(ARTICLES / "000_3d921e2792699054.txt"),
        "url": "",
        "publisher": "",
    }


def test_directives_keep_commas_inside_cells_and_write_deadlines_as_iso_dates(tmp_path: Path) -> None:
    write_csv_tables(gold_records(), tmp_path / "r.csv")
    rows = read_table(tmp_path / "r.directives.csv")
    assert list(rows[0]) == [
        "article_id", "headline", "published", "event_dates", "issuer", "verb", "addressees", "content", "deadline",
        "source", "url", "publisher",
    ]
    long = next(row for row in rows if row["issuer"] == "Nguyễn Hoàng Long")
    assert long["addressees"] == "UBND thành phố; các cấp, các ngành, địa phương, đơn vị"
    assert long["deadline"] == ""
    dated = [row for row in rows if row["deadline"]]
    assert [(row["issuer"], row["deadline"]) for row in dated] == [("Hoàng Duy Chinh", "2025-03-10")]


def test_events_list_chairs_and_counts(tmp_path: Path) -> None:
    write_csv_tables(gold_records(), tmp_path / "r.csv")
    rows = read_table(tmp_path / "r.csv")
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


# --- the article, its dates, purpose and decisions ----------------------------------------------

DAK_LAK = {
    "article_id": "106_dak_lak",
    "headline": "Miễn nhiệm, bầu bổ sung Phó Chủ tịch HĐND tỉnh Đắk Lắk",
    "url": "https://daklak.gov.vn/tin/ky-hop-chuyen-de",
    "publisher": "Cổng thông tin điện tử tỉnh Đắk Lắk",
    "published": "2025-09-15",
    "events": [{
        "kind": "session", "organ": "HĐND", "level": "tỉnh", "locality": "Đắk Lắk", "session_type": "thematic",
        "start_date": "2025-09-15", "end_date": "2025-09-15",
        "purpose": "xem xét, quyết định công tác cán bộ thuộc thẩm quyền",
        "decisions": [
            {"kind": "relief", "text": "miễn nhiệm chức danh Phó Chủ tịch HĐND tỉnh Đắk Lắk đối với ông Trần Phú Hùng",
             "person": "Trần Phú Hùng", "post": "Phó Chủ tịch HĐND tỉnh Đắk Lắk"},
            {"kind": "resolution", "text": "thông qua 5 nghị quyết"},
        ],
    }],
    "directives": [{"issuer": "Huỳnh Thị Chiến Hòa", "verb": "đề nghị", "addressees": ["UBND tỉnh"],
                    "content": "sớm triển khai các nghị quyết", "deadline": None}],
}


def test_every_table_names_the_article_by_headline_publication_date_and_link(tmp_path: Path) -> None:
    write_csv_tables([DAK_LAK], tmp_path / "r.csv")
    for path in csv_paths(tmp_path / "r.csv").values():
        for row in read_table(path):
            assert row["headline"] == "Miễn nhiệm, bầu bổ sung Phó Chủ tịch HĐND tỉnh Đắk Lắk"
            assert row["published"] == "2025-09-15"
            assert row["url"] == "https://daklak.gov.vn/tin/ky-hop-chuyen-de"
            assert row["publisher"] == "Cổng thông tin điện tử tỉnh Đắk Lắk"


def test_directives_carry_the_days_of_their_articles_gatherings_apart_from_the_publication_date(tmp_path: Path) -> None:
    records = [dict(r) for r in gold_records() if r["article_id"].startswith("001")]
    write_csv_tables(records, tmp_path / "r.csv")
    row = read_table(tmp_path / "r.directives.csv")[0]
    assert (row["published"], row["event_dates"]) == ("", "2023-12-14/2023-12-15")


def test_events_carry_their_purpose_and_decisions_with_person_and_post(tmp_path: Path) -> None:
    write_csv_tables([DAK_LAK], tmp_path / "r.csv")
    row = read_table(tmp_path / "r.csv")[0]
    assert row["purpose"] == "xem xét, quyết định công tác cán bộ thuộc thẩm quyền"
    assert row["decisions"] == (
        "relief: miễn nhiệm chức danh Phó Chủ tịch HĐND tỉnh Đắk Lắk đối với ông Trần Phú Hùng "
        "(Trần Phú Hùng, Phó Chủ tịch HĐND tỉnh Đắk Lắk); resolution: thông qua 5 nghị quyết"
    )


def test_vietnamese_tables_have_vietnamese_headers_kinds_and_session_types(tmp_path: Path) -> None:
    write_csv_tables([DAK_LAK], tmp_path / "r.csv", lang="vi")
    row = read_table(tmp_path / "r.csv")[0]
    assert (row["loại"], row["cấp"], row["loại kỳ họp"], row["ngày bắt đầu"]) == ("kỳ họp", "tỉnh", "chuyên đề", "2025-09-15")
    assert row["quyết định"].startswith("miễn nhiệm, cho thôi: miễn nhiệm chức danh Phó Chủ tịch HĐND tỉnh Đắk Lắk")
    assert list(read_table(tmp_path / "r.directives.csv")[0])[:4] == ["mã bài", "tiêu đề bài", "ngày đăng", "ngày hoạt động"]


def test_batch_writes_vietnamese_tables_with_lang_vi(tmp_path: Path) -> None:
    results = write_results(tmp_path / "results.jsonl", gold_records())
    code, stderr = invoke(str(results), "--format", "csv", "--lang", "vi", "-o", str(tmp_path / "bang.csv"))
    assert code == EXIT_OK, stderr
    kinds = {row["loại"] for row in read_table(tmp_path / "bang.csv")}
    assert kinds == {"kỳ họp", "cuộc họp", "hội nghị", "hoạt động"}


def test_an_unknown_table_language_is_a_usage_error_before_anything_runs(tmp_path: Path) -> None:
    code, stderr = invoke(str(ARTICLES), "-o", str(tmp_path / "x.csv"), "--lang", "fr", "-b", "regex")
    assert code == EXIT_USAGE
    assert "--lang" in stderr and "en or vi" in stderr
    assert list(tmp_path.iterdir()) == []
