"""``summarizer eval --report``: a Markdown summary, and one self-contained, escaped HTML page."""

from __future__ import annotations

import json
import re
import shutil

from typer.testing import CliRunner

from summarizer.cli import app

from .conftest import ARTICLES, GOLD
from .test_eval_command import drop_last_official, run_eval, runs_dir, use_backend  # noqa: F401

SCRIPT_STEM = "900_script"
SCRIPT_TEXT = (
    "Chiều 5/3, Chủ tịch UBND tỉnh Nguyễn Đăng Bình chủ trì phiên họp thường kỳ tháng 3. "
    "Bình luận độc giả: <script>alert('xss')</script>"
)
SCRIPT_GOLD = {
    "article_id": SCRIPT_STEM,
    "published": None,
    "events": [],
    "officials": [{"name": "Nguyễn Đăng Bình", "titles": ["Chủ tịch UBND tỉnh"]}],
    "directives": [],
}


def test_markdown_report_has_the_tables_and_each_articles_misses(tmp_path, runs_dir, use_backend):  # noqa: F811
    use_backend(drop_last_official)
    report = tmp_path / "eval.md"
    result = run_eval("--report", str(report))
    assert result.exit_code == 0, result.stderr
    text = report.read_text(encoding="utf-8")
    assert "| officials | 1.000 | 0.688 | 0.815 | 11 | 0 | 5 |" in text
    assert "| events.start_date |" in text
    assert "### 000_3d921e2792699054" in text
    assert "- missed official: Nguyễn Mạnh Hiếu" in text


def test_markdown_report_includes_the_baseline_comparison(tmp_path, runs_dir, use_backend):  # noqa: F811
    use_backend()
    first = json.loads(run_eval("--json").stdout)["run"]["id"]
    use_backend(drop_last_official)
    report = tmp_path / "eval.md"
    run_eval("--baseline", first, "--report", str(report))
    text = report.read_text(encoding="utf-8")
    assert "## Compared with a baseline" in text
    assert re.search(rf"- Baseline: llm · test-model · extract/v9, \d{{4}}-\d\d-\d\d \d\d:\d\d UTC \(run {first}\)", text)
    assert "- lost (officials): Nguyễn Mạnh Hiếu" in text


def test_html_report_is_one_self_contained_page_marking_found_and_missed_items(tmp_path, runs_dir, use_backend):  # noqa: F811
    use_backend(drop_last_official)
    report = tmp_path / "eval.html"
    assert run_eval("--report", str(report)).exit_code == 0
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page
    assert not re.search(r"<(link|script|img)\b", page) and "http" not in page
    assert '<mark class="miss" title="official missed">Nguyễn Mạnh Hiếu</mark>' in page
    assert '<mark class="hit" title="official found">Nguyễn Hoàng Long</mark>' in page


def test_html_report_shows_an_article_containing_a_script_tag_as_text(tmp_path, runs_dir, use_backend):  # noqa: F811
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    shutil.copytree(ARTICLES, articles)
    shutil.copytree(GOLD, gold)
    (articles / f"{SCRIPT_STEM}.txt").write_text(SCRIPT_TEXT, encoding="utf-8")
    (gold / f"{SCRIPT_STEM}.json").write_text(json.dumps(SCRIPT_GOLD, ensure_ascii=False), encoding="utf-8")
    use_backend(gold_dir=gold)
    report = tmp_path / "eval.html"
    result = CliRunner().invoke(
        app, ["eval", "--articles", str(articles), "--gold", str(gold), "--report", str(report)]
    )
    assert result.exit_code == 0, result.stderr
    page = report.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in page
    assert "<script>" not in page


def test_html_report_shows_gold_and_prediction_side_by_side_with_the_differences_marked(tmp_path, runs_dir, use_backend):  # noqa: F811
    def earlier_start(data: dict) -> dict:
        if data["article_id"] != "000_3d921e2792699054":
            return data
        events = [data["events"][0] | {"start_date": "2024-12-11"}, *data["events"][1:]]
        return drop_last_official(data) | {"events": events}

    use_backend(earlier_start)
    report = tmp_path / "eval.html"
    assert run_eval("--report", str(report)).exit_code == 0
    page = report.read_text(encoding="utf-8")
    article = page[page.index("000_3d921e2792699054 — overall") :]
    article = article[: article.index("</table>")]
    assert "<th>gold</th><th>prediction</th>" in article
    assert '<div class="differs">start_date: 2024-12-12</div>' in article
    assert '<div class="differs">start_date: 2024-12-11</div>' in article
    assert '<div class="same">organ: HĐND</div>' in article
    missed = '<tr class="miss"><td>official</td>\n<td><div class="miss">Nguyễn Mạnh Hiếu</div>'
    assert missed in article and '<div class="none">—</div>' in article
