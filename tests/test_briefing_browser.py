"""The HTML briefing as a reader's browser shows it: headless Chromium renders the page and dumps its DOM.

Chromium comes from Debian's package (scripts/install-browser.sh, run by ``make test``). Without it
these tests are skipped on a developer's machine and fail in CI (env ``CI`` set).
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from summarizer.briefing import build_briefing, render_html, write_briefing
from summarizer.briefing.model import Entry
from tests.test_briefing import FAILED_RECORD, gold_records

pytestmark = pytest.mark.browser

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else None)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("chromium is missing in CI: scripts/install-browser.sh should have installed it")
    pytest.skip("chromium is not installed (run scripts/install-browser.sh as root)")


def dump_dom(page: Path, tmp_path: Path, fragment: str = "") -> str:
    """The DOM after Chromium loaded the page and ran its script."""
    profile = tmp_path / "chromium-profile"
    result = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--dump-dom", page.resolve().as_uri() + fragment],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "<html" in result.stdout, result.stderr[-2000:]
    return result.stdout


class Dom(HTMLParser):
    """Just enough of the rendered DOM: elements by id, links, list items by class, open details."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: dict[str, str] = {}
        self.links: list[str] = []
        self.items: dict[str, int] = {}
        self.open_details: list[str] = []
        self.mark_text: dict[str, str] = {}
        self._in_mark: str | None = None
        self.title = ""
        self._in_title = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids[attributes["id"]] = tag
        if tag == "a" and (attributes.get("href") or "").startswith("#"):
            self.links.append(attributes["href"][1:])
        if tag == "li" and attributes.get("class"):
            self.items[attributes["class"]] = self.items.get(attributes["class"], 0) + 1
        if tag == "details" and "open" in attributes:
            self.open_details.append(attributes.get("id") or "")
        if tag == "mark":
            self._in_mark = attributes.get("id")
            self.mark_text[self._in_mark or ""] = ""
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = None
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_mark is not None:
            self.mark_text[self._in_mark] += data
        if self._in_title:
            self.title += data


@pytest.fixture
def briefing_page(tmp_path: Path) -> Path:
    entries = []
    for record in gold_records():
        article_text = Path(record["source"]).read_text(encoding="utf-8")
        entries.append(Entry(record, article_text.replace("\r\n", "\n"), spans_trusted=True))
    page = tmp_path / "briefing.html"
    write_briefing(build_briefing(entries + [Entry(FAILED_RECORD)]), page)
    return page


def test_the_rendered_page_shows_every_item(briefing_page: Path, tmp_path: Path) -> None:
    dom = Dom(dump_dom(briefing_page, tmp_path))
    assert dom.items == {"gathering": 8, "directive": 19, "official": 16, "failure": 1}
    assert dom.title == "Bản tin hoạt động chính quyền địa phương"


def test_every_link_in_the_rendered_page_reaches_a_highlighted_sentence(briefing_page: Path, tmp_path: Path) -> None:
    dom = Dom(dump_dom(briefing_page, tmp_path))
    assert len(dom.links) >= 40
    assert all(dom.ids.get(target) == "mark" for target in dom.links)
    assert all(dom.mark_text[target].strip() for target in dom.links)


def test_following_a_link_opens_the_collapsed_article_at_its_sentence(briefing_page: Path, tmp_path: Path) -> None:
    closed = Dom(dump_dom(briefing_page, tmp_path))
    assert closed.open_details == []
    target = next(t for t in closed.links if "Nguyễn Mạnh Hiếu" in closed.mark_text[t])
    html = dump_dom(briefing_page, tmp_path, f"#{target}")
    opened = Dom(html)
    assert len(opened.open_details) == 1
    article = opened.open_details[0]
    section = html.split(f'id="{article}"', 1)[1].split("</details>", 1)[0]
    assert f'id="{target}"' in section


def test_a_script_inside_an_article_is_shown_as_text_and_never_runs(tmp_path: Path) -> None:
    text = "Chủ tịch UBND xã Nguyễn Văn An phát biểu <script>document.title = 'bị chèn mã'</script> tại hội nghị."
    record = {"article_id": "bai-1", "officials": [{"name": "Nguyễn Văn An", "titles": ["Chủ tịch UBND xã"]}]}
    page = tmp_path / "escaped.html"
    page.write_text(render_html(build_briefing([Entry(record, text, spans_trusted=True)])), encoding="utf-8")
    dom = Dom(dump_dom(page, tmp_path))
    assert dom.title == "Bản tin hoạt động chính quyền địa phương"
    assert any("<script>document.title" in sentence for sentence in dom.mark_text.values())


# --- desktop and phone widths ----------------------------------------------------------------------

LONG_RECORD = {
    "article_id": "lang-son-ky-hop-chuyen-de-bau-bo-sung-pho-chu-tich-ubnd-thanh-pho-nhiem-ky-2021-2026",
    "headline": "HĐND thành phố Lạng Sơn miễn nhiệm, bầu bổ sung Phó Chủ tịch UBND thành phố và lấy phiếu tín nhiệm",
    "publisher": "Cổng thông tin điện tử thành phố Lạng Sơn (langsoncity.langson.gov.vn)",
    "url": "https://langsoncity.langson.gov.vn/tin-tuc/" + "hdnd-thanh-pho-mien-nhiem-bau-bo-sung" * 4,
    "events": [{
        "kind": "session", "organ": "HĐND", "level": "thành phố", "locality": "Lạng Sơn", "session_number": 14,
        "term": 21, "term_period": "2021-2026", "session_type": "thematic", "start_date": "2024-05-20", "end_date": "2024-05-20",
        "chairs": ["Hoàng Thị Hằng", "Vi Văn Sơn"],
        "purpose": "xem xét, quyết định công tác cán bộ và chủ trương đầu tư các dự án sử dụng vốn đầu tư công",
        "decisions": [
            {"kind": "relief", "text": "miễn nhiệm chức vụ Phó Chủ tịch UBND thành phố đối với ông Nguyễn Văn An",
             "person": "Nguyễn Văn An", "post": "Phó Chủ tịch UBND thành phố"},
            {"kind": "election", "text": "bầu bổ sung ông Hoàng Văn Bình giữ chức Phó Chủ tịch UBND thành phố",
             "person": "Hoàng Văn Bình", "post": "Phó Chủ tịch UBND thành phố"},
            {"kind": "confidence_vote", "text": "lấy phiếu tín nhiệm đối với 27 người giữ chức vụ do HĐND thành phố bầu"},
        ],
    }],
    "directives": [{"issuer": "Hoàng Thị Hằng", "verb": "đề nghị", "addressees": ["UBND thành phố"],
                    "content": "khẩn trương hoàn thiện hồ sơ chủ trương đầu tư https://langsoncity.langson.gov.vn/" + "x" * 120,
                    "deadline": "2024-06-30"}],
}


def phone_and_desktop_page(tmp_path: Path) -> Path:
    entries = [Entry(record, Path(record["source"]).read_text(encoding="utf-8"), spans_trusted=True) for record in gold_records()]
    page = tmp_path / "briefing.html"
    write_briefing(build_briefing(entries + [Entry(LONG_RECORD), Entry(FAILED_RECORD)]), page)
    return page


def measure(page: Path, tmp_path: Path, width: int) -> dict[str, str]:
    """The page shown in a frame ``width`` CSS pixels wide: how wide its content is, how wide the frame
    is, whether the narrow-screen rules apply, and the size of its text."""
    frame = page.with_name("frame.html")
    frame.write_text(
        f'<!DOCTYPE html><html><head><title>-</title></head><body style="margin:0">'
        f'<iframe id="f" src="{page.name}" style="width:{width}px;height:900px;border:0"></iframe><script>'
        'document.getElementById("f").addEventListener("load", function () {'
        " var d = this.contentDocument, w = this.contentWindow, li = d.querySelector('li.gathering');"
        " document.title = [d.documentElement.scrollWidth, d.documentElement.clientWidth,"
        " w.matchMedia('(max-width: 30rem)').matches, parseFloat(w.getComputedStyle(li).fontSize)].join(' ');"
        "});</script></body></html>",
        encoding="utf-8",
    )
    profile = tmp_path / "chromium-profile"
    result = subprocess.run(
        [chromium(), *CHROMIUM_FLAGS, "--allow-file-access-from-files", f"--user-data-dir={profile}", "--dump-dom", frame.resolve().as_uri()],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    content, viewport, narrow, font = Dom(result.stdout).title.split()
    return {"content": content, "viewport": viewport, "narrow": narrow, "font": font}


@pytest.mark.parametrize(("width", "narrow"), [(1280, "false"), (360, "true")])
def test_the_page_fits_the_screen_at_desktop_and_phone_widths(tmp_path: Path, width: int, narrow: str) -> None:
    shown = measure(phone_and_desktop_page(tmp_path), tmp_path, width)
    assert int(shown["content"]) <= int(shown["viewport"]), shown
    assert shown["narrow"] == narrow
    assert float(shown["font"]) >= 15
