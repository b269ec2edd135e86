"""The briefing: Vietnamese sentences built from the fields, directives as a checklist, officials,
failures, and an HTML page whose items link to the highlighted sentence of their article.

Results are built from the gold labels (evals/gold), so these tests do not depend on how well a
backend extracts.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.briefing import build_briefing, render_html, render_markdown
from summarizer.briefing.model import Entry
from summarizer.briefing.wording import body_name, date_range
from summarizer.cli import app
from summarizer.pipeline.results import is_results_file
from summarizer.text.reading import read_article
from tests.conftest import ARTICLES, GOLD

FAILED_RECORD = {
    "article_id": "hong",
    "source": "tin/hong.txt",
    "error": {"kind": "binary", "message": "binary file (contains NUL bytes), not text"},
}


def gold_records() -> list[dict]:
    """Gold labels as a batch would write them: with the source path and the article's content hash."""
    records = []
    for gold in sorted(GOLD.glob("*.json")):
        record = json.loads(gold.read_text(encoding="utf-8"))
        source = ARTICLES / f"{gold.stem}.txt"
        record["source"] = str(source)
        record["content_hash"] = read_article(source).content_hash
        records.append(record)
    return records


def write_results(path: Path, records: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def results_file(tmp_path: Path) -> Path:
    return write_results(tmp_path / "results.jsonl", gold_records() + [FAILED_RECORD])


AS_OF = "2025-03-01"


def brief(inputs: list[str], output: Path, *options: str, sources: Path | None = ARTICLES) -> tuple[int, str]:
    """``summarizer brief`` as of 1 March 2025, allowed to re-read the sample articles (``--sources``) unless told not to."""
    allowed = ["--sources", str(sources)] if sources else []
    result = CliRunner().invoke(app, ["brief", *inputs, "-o", str(output), "--as-of", AS_OF, *allowed, *options])
    return result.exit_code, result.stderr


@pytest.fixture
def markdown(results_file: Path, tmp_path: Path) -> str:
    code, _ = brief([str(results_file)], tmp_path / "briefing.md")
    assert code == 0
    return (tmp_path / "briefing.md").read_text(encoding="utf-8")


def checklist(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("- [ ] ")]


# --- Markdown ----------------------------------------------------------------------------------


def test_a_session_is_one_sentence_with_body_session_term_dates_chairs_and_resolutions(markdown: str) -> None:
    assert (
        "Ngày 12–13/12/2024, HĐND thành phố Bắc Ninh khóa XXII họp kỳ thứ 20 (nhiệm kỳ 2021–2026), "
        "do Nguyễn Hoàng Long, Nguyễn Thanh Mai chủ tọa; thông qua 14 nghị quyết."
    ) in markdown


def test_a_sentence_says_only_what_is_known(markdown: str) -> None:
    lang_son = next(line for line in markdown.splitlines() if "Lạng Sơn khóa" in line)
    assert "Ngày 14–15/12/2023, HĐND thành phố Lạng Sơn khóa XXI họp kỳ thứ 12 (nhiệm kỳ 2021–2026); thông qua 6 nghị quyết." in lang_son
    assert "chủ tọa" not in lang_son


def test_an_extraordinary_session_and_a_meeting_read_as_such(markdown: str) -> None:
    assert "Ngày 03/02/2025, HĐND tỉnh Bắc Kạn họp bất thường, do Phương Thị Thanh, Trần Thị Lộc, Đồng Văn Lưu chủ tọa." in markdown
    assert "Ngày 04/02/2025, UBND tỉnh Bắc Kạn tổ chức cuộc họp, do Nguyễn Đăng Bình chủ trì." in markdown


def test_gatherings_are_grouped_by_locality_and_ordered_by_date(markdown: str) -> None:
    sections = re.split(r"^### ", markdown.split("## Chỉ đạo")[0], flags=re.M)[1:]
    headings = [section.splitlines()[0] for section in sections]
    assert headings == ["Bắc Kạn", "Bắc Ninh", "Hải Phòng", "Lạng Sơn"]
    bac_kan = sections[0]
    dates = re.findall(r"^- Ngày (\d\d)", bac_kan, flags=re.M)
    assert dates == ["17", "03", "03", "04", "07"]
    assert bac_kan.index("2020") < bac_kan.index("2025")


def test_directives_with_an_open_deadline_come_first(markdown: str) -> None:
    items = checklist(markdown)
    assert len(items) == 19
    assert items[0].startswith("- [ ] **Hạn 10/03/2025** — Hoàng Duy Chinh (")
    assert "yêu cầu các đơn vị, địa phương: khẩn trương rà soát" in items[0]


def test_the_other_directives_follow_newest_first(markdown: str) -> None:
    last_dates = [re.findall(r"(\d\d/\d\d/\d{4})", item)[-1] for item in checklist(markdown)[1:]]
    dates = [dt.datetime.strptime(d, "%d/%m/%Y").date() for d in last_dates]
    assert dates == sorted(dates, reverse=True)
    assert dates[0].year == 2025 and dates[-1].year == 2020


def test_a_directive_says_who_asked_whom_to_do_what(markdown: str) -> None:
    assert (
        "- [ ] Nguyễn Hoàng Long (Phó Bí thư Thường trực Thành ủy Bắc Ninh, Chủ tịch HĐND thành phố Bắc Ninh) "
        "đề nghị UBND thành phố và các cấp, các ngành, địa phương, đơn vị: "
        "chủ động triển khai đồng bộ, linh hoạt, sáng tạo các nhóm nhiệm vụ, giải pháp đã đề ra cho năm 2025"
    ) in markdown


def test_officials_are_listed_once_with_their_titles_and_places(markdown: str) -> None:
    officials = markdown.split("## Cán bộ được nhắc đến")[1]
    assert "- **Nguyễn Hoàng Long** — Phó Bí thư Thường trực Thành ủy Bắc Ninh, Chủ tịch HĐND thành phố Bắc Ninh _(" in officials
    assert officials.count("**Hoàng Duy Chinh**") == 1


def test_officials_are_in_vietnamese_alphabetical_order(markdown: str) -> None:
    names = re.findall(r"^- \*\*(.+?)\*\*", markdown.split("## Cán bộ được nhắc đến")[1], flags=re.M)
    assert names.index("Dương Hữu Bường") < names.index("Đoàn Thị Loan") < names.index("Hoàng Duy Chinh")


def test_failed_articles_are_listed_briefly_at_the_end(markdown: str) -> None:
    last_section = markdown.rstrip().split("\n## ")[-1]
    assert last_section.startswith("Không xử lý được")
    assert "- Không xử lý được: tin/hong.txt — binary file (contains NUL bytes), not text (binary)" in last_section


def test_the_overview_counts_what_the_briefing_holds(markdown: str) -> None:
    assert (
        "Tổng hợp từ 5 bài viết (từ 17/12/2020 đến 07/02/2025; 1 bài không xử lý được): 8 kỳ họp, cuộc họp, hội nghị; "
        "19 chỉ đạo; 16 cán bộ." in markdown
    )


def test_markdown_markup_in_extracted_text_is_shown_literally() -> None:
    record = {"article_id": "x", "officials": [{"name": "Nguyễn *Văn* A", "titles": ["Chủ tịch [UBND](http://x)"]}]}
    text = render_markdown(build_briefing([Entry(record)]))
    assert r"**Nguyễn \*Văn\* A** — Chủ tịch \[UBND\](http://x)" in text


def test_an_empty_section_is_left_out() -> None:
    text = render_markdown(build_briefing([Entry({"article_id": "x", "officials": [{"name": "Lê Văn B", "titles": []}]})]))
    assert "## Cán bộ được nhắc đến" in text
    assert "## Chỉ đạo" not in text and "## Kỳ họp" not in text and "Không xử lý được" not in text


# --- single values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (dt.date(2024, 12, 13), dt.date(2024, 12, 13), "Ngày 13/12/2024"),
        (dt.date(2024, 12, 12), dt.date(2024, 12, 13), "Ngày 12–13/12/2024"),
        (dt.date(2024, 11, 30), dt.date(2024, 12, 2), "Ngày 30/11–02/12/2024"),
        (dt.date(2024, 12, 31), dt.date(2025, 1, 2), "Ngày 31/12/2024–02/01/2025"),
        (None, dt.date(2025, 2, 3), "Ngày 03/02/2025"),
        (None, None, None),
    ],
)
def test_dates_are_written_the_vietnamese_way(start: dt.date | None, end: dt.date | None, expected: str | None) -> None:
    assert date_range(start, end) == expected


@pytest.mark.parametrize(
    ("organ", "level", "locality", "expected"),
    [
        ("HĐND", "thành phố", "Bắc Ninh", "HĐND thành phố Bắc Ninh"),
        ("Thành ủy", "thành phố", "Hải Phòng", "Thành ủy Hải Phòng"),
        ("Tỉnh uỷ", "tỉnh", "Bắc Kạn", "Tỉnh uỷ Bắc Kạn"),
        ("UBND", "tỉnh", None, "UBND tỉnh"),
        (
            "Ban Chỉ đạo triển khai xóa nhà tạm, nhà dột nát trên địa bàn tỉnh",
            "tỉnh",
            "Bắc Kạn",
            "Ban Chỉ đạo triển khai xóa nhà tạm, nhà dột nát trên địa bàn tỉnh",
        ),
        (None, "tỉnh", "Bắc Kạn", None),
    ],
)
def test_a_body_is_named_with_its_level_and_place(organ: str | None, level: str | None, locality: str | None, expected: str | None) -> None:
    assert body_name(organ, level, locality) == expected


# --- HTML --------------------------------------------------------------------------------------


@pytest.fixture
def html(results_file: Path, tmp_path: Path) -> str:
    code, _ = brief([str(results_file)], tmp_path / "briefing.html")
    assert code == 0
    return (tmp_path / "briefing.html").read_text(encoding="utf-8")


def marks(page: str) -> dict[str, str]:
    return dict(re.findall(r'<mark id="([^"]+)">(.*?)</mark>', page, flags=re.S))


def test_html_is_one_self_contained_page_readable_on_a_phone(html: str) -> None:
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html
    assert "<style>" in html
    assert not re.search(r"<link\b|<script\b[^>]*\bsrc=|<img\b|url\(", html)
    assert "@media" in html


def test_each_directive_links_to_the_highlighted_sentence_of_its_article(html: str) -> None:
    item = next(li for li in re.findall(r'<li class="directive">.*?</li>', html, flags=re.S) if "Nguyễn Mạnh Hiếu" in li)
    target = re.search(r'href="#([^"]+)"', item).group(1)
    sentence = marks(html)[target]
    assert "Nguyễn Mạnh Hiếu" in sentence or "tiếp tục triển khai, tập trung mọi nguồn lực" in sentence
    assert "tập trung mọi nguồn lực" in sentence


def test_every_link_points_at_a_mark_in_the_page(html: str) -> None:
    targets = re.findall(r'href="#([^"]+)"', html)
    assert len(targets) >= 40
    assert set(targets) <= set(marks(html))


def test_source_articles_are_included_collapsed(html: str) -> None:
    assert html.count("<details ") == 5
    assert "<details open" not in html


def test_article_text_is_escaped_so_a_script_in_an_article_is_shown_as_text() -> None:
    text = "Ông Nguyễn Văn An, Chủ tịch UBND xã <script>alert('x')</script> phát biểu. Đồng chí đề nghị & yêu cầu <b>mạnh</b>."
    record = {
        "article_id": "<b>bai</b>",
        "officials": [{"name": "Nguyễn Văn An", "titles": ["Chủ tịch UBND xã <i>X</i>"]}],
        "source": "<script>src</script>",
    }
    page = render_html(build_briefing([Entry(record, text, spans_trusted=True)]))
    assert "<script>alert" not in page and "<b>" not in page and "<i>X" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
    assert page.count("<script>") == 1  # the page's own reveal-on-anchor script


def test_markup_in_extracted_fields_is_escaped_in_every_section() -> None:
    record = {
        "article_id": "x",
        "events": [{"kind": "conference", "organ": "UBND", "level": "xã", "locality": "<img src=x onerror=alert(1)>", "title": "<b>Tổng kết</b>", "chairs": ["<i>Lê Văn B</i>"]}],
        "directives": [{"issuer": "Lê Văn B", "verb": "yêu cầu", "addressees": ["<u>các thôn</u>"], "content": "<script>alert(2)</script> hoàn thành", "deadline": None}],
    }
    page = render_html(build_briefing([Entry(record)]))
    body = page.split("<body>", 1)[1].split("<script>\n(function", 1)[0]
    assert not re.search(r"<(script|img|b|i|u)\b", body)
    assert "&lt;script&gt;alert(2)&lt;/script&gt; hoàn thành" in body
    assert "&lt;img src=x onerror=alert(1)&gt;" in body and "&lt;b&gt;Tổng kết&lt;/b&gt;" in body


def test_a_changed_source_file_is_located_by_key_not_by_stale_offsets() -> None:
    text = "Hội nghị diễn ra sáng nay. Chủ tịch Lê Văn Bình yêu cầu các xã hoàn thành trước ngày 10/3."
    stale = {"start": 0, "end": 8, "text": "Hội nghị"}
    record = {
        "article_id": "x",
        "directives": [{"issuer": "Lê Văn Bình", "verb": "yêu cầu", "addressees": ["các xã"], "content": "hoàn thành trước ngày 10/3", "deadline": None, "evidence": stale}],
    }
    page = render_html(build_briefing([Entry(record, text, spans_trusted=False)]))
    assert list(marks(page).values()) == ["Chủ tịch Lê Văn Bình yêu cầu các xã hoàn thành trước ngày 10/3."]


def test_items_whose_article_is_gone_link_nothing(tmp_path: Path) -> None:
    records = gold_records()[:1]
    records[0]["source"] = str(tmp_path / "da-xoa.txt")
    results = write_results(tmp_path / "results.jsonl", records)
    code, _ = brief([str(results)], tmp_path / "b.html")
    page = (tmp_path / "b.html").read_text(encoding="utf-8")
    assert code == 0
    assert "<details" not in page and 'href="#' not in page
    assert "Nguyễn Hoàng Long" in page


# --- inputs and outputs ------------------------------------------------------------------------


def test_a_results_file_is_told_apart_from_a_jsonl_of_articles(results_file: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles.jsonl"
    articles.write_text(json.dumps({"id": "a1", "text": "Sáng 13/12, HĐND tỉnh họp."}, ensure_ascii=False) + "\n", encoding="utf-8")
    assert is_results_file(results_file)
    assert not is_results_file(articles)


def test_briefing_from_articles_extracts_them_first(tmp_path: Path) -> None:
    code, _ = brief([str(ARTICLES)], tmp_path / "b.md")
    text = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert code == 0
    assert text.startswith("# Bản tin")
    assert "Tổng hợp từ 5 bài viết" in text


def test_an_unknown_briefing_format_is_a_one_line_error(results_file: Path, tmp_path: Path) -> None:
    code, stderr = brief([str(results_file)], tmp_path / "b.pdf")
    assert code == 2
    assert stderr.strip().count("\n") == 0 and "b.pdf" in stderr and ".md or .html" in stderr


def test_a_briefing_in_a_missing_folder_is_a_one_line_error(results_file: Path, tmp_path: Path) -> None:
    code, stderr = brief([str(results_file)], tmp_path / "khong-co" / "b.md")
    assert code == 2
    assert "does not exist" in stderr and "Traceback" not in stderr


def test_a_gathering_held_by_no_body_is_told_by_its_heading() -> None:
    record = {
        "article_id": "tuan",
        "events": [{"kind": "other", "level": "tỉnh", "locality": "Lào Cai", "start_date": "2025-02-03",
                    "end_date": "2025-02-03", "title": "Lãnh đạo tỉnh gặp mặt đầu Xuân"}],
    }
    page = render_markdown(build_briefing([Entry(record)]))
    assert "Ngày 03/02/2025, tại tỉnh Lào Cai: Lãnh đạo tỉnh gặp mặt đầu Xuân." in page


def test_a_gathering_held_by_a_body_is_introduced_by_its_heading() -> None:
    record = {
        "article_id": "ubnd",
        "events": [{"kind": "meeting", "organ": "UBND", "level": "tỉnh", "locality": "Lào Cai",
                    "start_date": "2025-02-04", "end_date": "2025-02-04", "chairs": ["Trịnh Xuân Trường"],
                    "title": "Phiên họp UBND tỉnh tháng 1/2025"}],
    }
    page = render_markdown(build_briefing([Entry(record)]))
    assert "Phiên họp UBND tỉnh tháng 1/2025: Ngày 04/02/2025, UBND tỉnh Lào Cai tổ chức cuộc họp, do Trịnh Xuân Trường chủ trì." in page
