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
