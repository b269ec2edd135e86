"""Sources people recognise: every item names its article by headline, publisher, publication date and
link; "bài ngày" is the publication date only; the page is the same, byte for byte, on every run."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from summarizer.briefing import BriefingOptions, Entry, build_briefing, render_html, render_markdown
from summarizer.cli import app
from tests.conftest import ARTICLES, ROOT
from tests.test_briefing import brief, checklist, gold_records, markdown, results_file, write_results  # noqa: F401 (fixtures)
from tests.test_web_inputs import Site, site  # noqa: F401 (fixture)

AS_OF = BriefingOptions(as_of=dt.date(2025, 3, 1))
TEXT = "Sáng 12/3, Thường trực HĐND thành phố Hải Phòng tổ chức hội nghị tổng kết công tác năm 2023.\n"
PORTAL = {
    "article_id": "hai-phong-tong-ket",
    "headline": "HĐND các cấp thành phố tổng kết công tác năm 2023",
    "publisher": "Cổng thông tin điện tử thành phố Hải Phòng",
    "url": "https://haiphong.gov.vn/tin-tuc/hdnd-tong-ket-2023.html",
    "published": "2024-03-12",
    "events": [{"kind": "conference", "organ": "HĐND", "level": "thành phố", "locality": "Hải Phòng",
                "start_date": "2024-03-12", "end_date": "2024-03-12"}],
}


def test_an_item_names_its_article_by_headline_publisher_publication_date_and_link() -> None:
    page = render_markdown(build_briefing([Entry(PORTAL)], AS_OF))
    assert (
        "_(HĐND các cấp thành phố tổng kết công tác năm 2023, Cổng thông tin điện tử thành phố Hải Phòng, "
        "bài ngày 12/03/2024, [trang gốc](https://haiphong.gov.vn/tin-tuc/hdnd-tong-ket-2023.html))_"
    ) in page


def test_in_html_the_headline_leads_to_the_sentence_and_the_link_to_the_page() -> None:
    page = render_html(build_briefing([Entry(PORTAL, TEXT, spans_trusted=True)], AS_OF))
    item = re.search(r'<li class="gathering">.*?</li>', page, flags=re.S).group()
    assert re.search(r'<a href="#a-hai-phong-tong-ket-o0"[^>]*>HĐND các cấp thành phố tổng kết công tác năm 2023</a>', item)
    assert '<a class="ext" href="https://haiphong.gov.vn/tin-tuc/hdnd-tong-ket-2023.html" rel="noopener noreferrer">' in item


def test_only_web_addresses_become_links() -> None:
    record = {**PORTAL, "url": "javascript:alert(document.cookie)"}
    page = render_html(build_briefing([Entry(record)], AS_OF))
    markdown = render_markdown(build_briefing([Entry(record)], AS_OF))
    assert "javascript:" not in page and "javascript:" not in markdown
    assert "trang gốc" not in page


def test_a_markdown_link_cannot_be_closed_early_by_its_address() -> None:
    record = {**PORTAL, "url": "https://example.vn/tin/(ky-hop)/x y"}
    assert "[trang gốc]" not in render_markdown(build_briefing([Entry(record)], AS_OF))
    record = {**PORTAL, "url": "https://example.vn/tin/(ky-hop)/x"}
    assert "[trang gốc](https://example.vn/tin/%28ky-hop%29/x)" in render_markdown(build_briefing([Entry(record)], AS_OF))


def test_a_plain_text_article_is_named_by_its_first_line_when_that_reads_as_a_headline(markdown: str) -> None:
    bac_kan_2020 = next(line for line in markdown.splitlines() if line.startswith("- Ngày 17–18/12/2020"))
    assert bac_kan_2020.endswith("_(Khai mạc kỳ họp thứ 11 HĐND thành phố Bắc Kạn khóa VI, nhiệm kỳ 2016 -2021)_")


def test_an_article_that_opens_with_its_lead_is_named_by_its_id(markdown: str) -> None:
    bac_ninh = next(line for line in markdown.splitlines() if line.startswith("- Ngày 12–13/12/2024"))
    assert bac_ninh.endswith(r"_(bài 000\_3d921e2792699054, bài ngày 13/12/2024)_")


def test_bai_ngay_is_the_publication_date_only(markdown: str) -> None:
    lang_son = [line for line in markdown.splitlines() if "001\\_27897bcfdda26760" in line]
    assert lang_son and not any("bài ngày" in line for line in lang_son)


def test_directives_of_an_undated_article_say_their_gatherings_days_as_such(markdown: str) -> None:
    loan = [item for item in checklist(markdown) if item.startswith("- [ ] Đoàn Thị Loan")]
    assert len(loan) == 2
    assert all("(kỳ họp ngày 14–15/12/2023) _(bài 001\\_27897bcfdda26760)_" in item for item in loan)


def test_a_batch_of_text_files_keeps_each_headline_it_can_read(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    result = CliRunner().invoke(app, ["batch", str(ARTICLES), "-o", str(out), "-b", "regex"])
    assert result.exit_code == 0, result.stderr
    headlines = {r["article_id"]: r.get("headline") for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert headlines["003_75ce8d8befd73617"] == "Khai mạc kỳ họp thứ 11 HĐND thành phố Bắc Kạn khóa VI, nhiệm kỳ 2016 -2021"
    assert headlines["000_3d921e2792699054"] is None


def test_two_inputs_with_one_article_id_keep_their_own_anchors() -> None:
    first = {"article_id": "tin", "officials": [{"name": "Nguyễn Văn An", "titles": ["Chủ tịch UBND xã"]}]}
    second = {"article_id": "tin", "officials": [{"name": "Lê Thị Bình", "titles": ["Chủ tịch HĐND xã"]}]}
    page = render_html(build_briefing([
        Entry(first, "Ông Nguyễn Văn An, Chủ tịch UBND xã phát biểu.", spans_trusted=True),
        Entry(second, "Bà Lê Thị Bình, Chủ tịch HĐND xã phát biểu.", spans_trusted=True),
    ], AS_OF))
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    assert '<details id="a-tin">' in page and '<details id="a-tin-2">' in page
    assert set(re.findall(r'href="#([^"]+)"', page)) == {"a-tin-o0", "a-tin-2-o0"}


def _brief_in_a_fresh_process(results: Path, output: Path, seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    command = [sys.executable, "-m", "summarizer", "brief", str(results), "-o", str(output), "--sources", str(ARTICLES), "--as-of", "2025-03-01"]
    subprocess.run(command, check=True, capture_output=True, env=env, cwd=ROOT, timeout=120)
    return output.read_bytes()


def test_the_html_is_byte_identical_across_runs(tmp_path: Path) -> None:
    results = write_results(tmp_path / "results.jsonl", gold_records())
    first = _brief_in_a_fresh_process(results, tmp_path / "a.html", "1")
    second = _brief_in_a_fresh_process(results, tmp_path / "b.html", "4242")
    assert first == second
    code, _ = brief([str(results)], tmp_path / "c.html")
    assert code == 0 and (tmp_path / "c.html").read_bytes() == first


def test_a_briefing_from_a_feed_names_each_article_by_its_page_title_and_links_the_page(site: Site, tmp_path: Path) -> None:
    page = tmp_path / "b.md"
    CliRunner().invoke(app, ["brief", f"{site.base}/rss/tin-hoat-dong.rss", "-o", str(page), "-b", "regex", "--as-of", "2025-08-01"])
    text = page.read_text(encoding="utf-8")
    assert f"Kỳ họp thứ 20 HĐND thành phố Bắc Ninh khóa XXII, bài ngày 13/12/2024, [trang gốc]({site.base}/tin/ky-hop-thu-20.html))_" in text
    assert f"_(Hội nghị sơ kết công tác 6 tháng đầu năm, bài ngày 10/07/2025, [trang gốc]({site.base}/tin/so-ket.html))_" in text
