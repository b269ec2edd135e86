"""The checklist is for action: open deadlines first, soonest first, then the newest; passed deadlines marked
against --as-of (today by default); --since limits the briefing to recent gatherings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from summarizer.briefing import BriefingOptions, Entry, build_briefing, render_html, render_markdown
from tests.test_briefing import brief, checklist, gold_records, write_results


def directive(content: str, deadline: str | None = None) -> dict:
    return {"issuer": "UBND tỉnh", "verb": "yêu cầu", "addressees": ["các sở, ngành"], "content": content, "deadline": deadline}


def article(article_id: str, published: str | None, *directives: dict, events: list[dict] | None = None) -> dict:
    return {"article_id": article_id, "published": published, "events": events or [], "directives": list(directives)}


def contents(page: str) -> list[str]:
    return [re.search(r"các sở, ngành: (.+?) _\(", item).group(1) for item in checklist(page)]


def page_as_of(day: dt.date, *records: dict) -> str:
    return render_markdown(build_briefing([Entry(record) for record in records], BriefingOptions(as_of=day)))


RECORDS = (
    article("2020", "2020-12-18", directive("rà soát quy hoạch sử dụng đất")),
    article("2024", "2024-12-13", directive("báo cáo kết quả giải ngân", "2025-03-31"), directive("hoàn thành đề án", "2024-12-31")),
    article("2025", "2025-02-07", directive("phê duyệt danh sách nhà tạm", "2025-03-10"), directive("rút kinh nghiệm")),
)


def test_open_deadlines_come_first_soonest_first_then_the_newest() -> None:
    assert contents(page_as_of(dt.date(2025, 3, 1), *RECORDS)) == [
        "phê duyệt danh sách nhà tạm",
        "báo cáo kết quả giải ngân",
        "rút kinh nghiệm",
        "hoàn thành đề án",
        "rà soát quy hoạch sử dụng đất",
    ]


def test_a_passed_deadline_is_marked_against_the_as_of_date() -> None:
    page = page_as_of(dt.date(2025, 3, 1), *RECORDS)
    items = checklist(page)
    assert items[0].startswith("- [ ] **Hạn 10/03/2025** — ")
    assert next(i for i in items if "hoàn thành đề án" in i).startswith("- [ ] **Đã quá hạn 31/12/2024** — ")
    assert "Hạn tính đến ngày 01/03/2025: 1 chỉ đạo đã quá hạn." in page


def test_a_deadline_on_the_as_of_date_is_still_open() -> None:
    items = checklist(page_as_of(dt.date(2025, 3, 10), *RECORDS))
    assert items[0].startswith("- [ ] **Hạn 10/03/2025** — ")


def test_deadlines_are_checked_against_today_by_default() -> None:
    records = [article("xa", None, directive("nộp báo cáo", "2001-01-31"), directive("hoàn thành", "2999-12-31"))]
    page = render_markdown(build_briefing([Entry(record) for record in records]))
    assert "**Hạn 31/12/2999**" in page and "**Đã quá hạn 31/01/2001**" in page
    assert f"Hạn tính đến ngày {dt.date.today():%d/%m/%Y}" in page


def test_the_html_marks_a_passed_deadline_apart() -> None:
    page = render_html(build_briefing([Entry(RECORDS[1])], BriefingOptions(as_of=dt.date(2025, 3, 1))))
    assert '<span class="deadline overdue">Đã quá hạn 31/12/2024</span>' in page
    assert '<span class="deadline">Hạn 31/03/2025</span>' in page


# --- --since -------------------------------------------------------------------------------------


def test_since_keeps_recent_gatherings_with_the_directives_and_officials_of_their_articles(tmp_path: Path) -> None:
    results = write_results(tmp_path / "results.jsonl", gold_records())
    code, stderr = brief([str(results)], tmp_path / "b.md", "--since", "2025-01-01")
    page = (tmp_path / "b.md").read_text(encoding="utf-8")
    assert code == 0
    assert re.findall(r"^### (.+)$", page, flags=re.M) == ["Bắc Kạn"]
    assert "2020" not in page.split("## Kỳ họp", 1)[1]
    assert len(checklist(page)) == 8
    assert "**Hoàng Duy Chinh**" in page and "**Nguyễn Hoàng Long**" not in page
    assert "Chỉ gồm các hoạt động từ ngày 01/01/2025 (4 bài viết về hoạt động trước ngày đó không đưa vào)." in page
    assert "4 articles before 2025-01-01 left out" in stderr


def test_since_keeps_the_recent_gatherings_of_a_round_up_and_drops_its_older_ones() -> None:
    events = [{"kind": "meeting", "organ": "UBND", "level": "tỉnh", "locality": "Bắc Kạn", "start_date": day, "end_date": day}
              for day in ("2025-01-27", "2025-02-04")]
    record = article("tuan", "2025-02-07", events=events)
    page = render_markdown(build_briefing([Entry(record)], BriefingOptions(since=dt.date(2025, 2, 1), as_of=dt.date(2025, 3, 1))))
    assert "Ngày 04/02/2025" in page and "Ngày 27/01/2025" not in page


def test_since_keeps_an_undated_gathering_by_its_articles_publication_date() -> None:
    undated = [{"kind": "conference", "organ": "UBND", "level": "xã", "locality": "Tân Lập"}]
    options = BriefingOptions(since=dt.date(2025, 2, 1), as_of=dt.date(2025, 3, 1))
    recent = render_markdown(build_briefing([Entry(article("moi", "2025-02-05", events=undated))], options))
    old = render_markdown(build_briefing([Entry(article("cu", "2025-01-05", events=undated))], options))
    unknown = render_markdown(build_briefing([Entry(article("chua-ro", None, events=undated))], options))
    assert "### Tân Lập" in recent
    assert "### Tân Lập" not in old and "### Tân Lập" not in unknown


def test_since_keeps_a_recent_article_with_no_gathering() -> None:
    options = BriefingOptions(since=dt.date(2025, 2, 1), as_of=dt.date(2025, 3, 1))
    page = render_markdown(build_briefing([Entry(RECORDS[2]), Entry(RECORDS[0])], options))
    assert contents(page) == ["phê duyệt danh sách nhà tạm", "rút kinh nghiệm"]


def test_a_date_that_is_not_a_date_is_a_one_line_usage_error(tmp_path: Path) -> None:
    results = write_results(tmp_path / "results.jsonl", gold_records())
    for option in ("--since", "--as-of"):
        code, stderr = brief([str(results)], tmp_path / "b.md", option, "13/12/2024")
        assert code == 2
        assert option in stderr and "YYYY-MM-DD" in stderr and stderr.strip().count("\n") == 0
    assert not (tmp_path / "b.md").exists()


def test_since_counts_undated_articles_apart_from_those_before_it() -> None:
    undated = [{"kind": "conference", "organ": "UBND", "level": "xã", "locality": "Tân Lập"}]
    options = BriefingOptions(since=dt.date(2025, 2, 1), as_of=dt.date(2025, 3, 1))
    page = render_markdown(build_briefing([Entry(article("cu", "2025-01-05", events=undated)), Entry(article("chua-ro", None, events=undated))], options))
    assert "(1 bài viết về hoạt động trước ngày đó không đưa vào) (1 bài viết không rõ ngày cũng không đưa vào)" in page
