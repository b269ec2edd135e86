"""Article URLs and RSS/Atom feeds as inputs, against a loopback server serving saved pages and a feed."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.errors import ExitStatus, FetchError, TooLargeError
from summarizer.text import web
from summarizer.text.article import Article
from summarizer.text.reading import iter_articles

DATA = Path(__file__).resolve().parent / "data"
PAGE = (DATA / "portal_page.html").read_bytes()
SECOND_PAGE = (
    "<html><head><title>Hội nghị sơ kết công tác 6 tháng đầu năm</title></head><body><article>"
    "<p>Sáng 10/7/2025, UBND tỉnh Lạng Sơn tổ chức Hội nghị sơ kết công tác 6 tháng đầu năm. Đồng chí Nguyễn "
    "Văn An, Chủ tịch UBND tỉnh chủ trì hội nghị và yêu cầu các sở, ngành hoàn thành kế hoạch trước ngày 31/7.</p>"
    "</article></body></html>"
).encode("utf-8")


def feed(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Tin hoạt động</title>
<item><title>Kỳ họp thứ 20</title><link>{base}/tin/ky-hop-thu-20.html</link><pubDate>Fri, 13 Dec 2024 09:31:27 GMT</pubDate></item>
<item><title>Hội nghị sơ kết</title><link>{base}/tin/so-ket.html</link><pubDate>Thu, 10 Jul 2025 08:00:00 GMT</pubDate></item>
<item><title>Bài đã gỡ</title><link>{base}/tin/da-go.html</link></item>
</channel></rss>""".encode("utf-8")


class Site:
    """A loopback site: saved pages, a feed, a page that fails once, a missing page and a huge one."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.user_agents: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                site.user_agents.append(self.headers.get("User-Agent", ""))
                routes = {
                    "/tin/ky-hop-thu-20.html": (200, "text/html; charset=utf-8", PAGE),
                    "/tin/so-ket.html": (200, "text/html; charset=utf-8", SECOND_PAGE),
                    "/rss/tin-hoat-dong.rss": (200, "application/rss+xml", feed(site.base)),
                }
                if self.path == "/tin/lan-dau-loi.html":
                    status, kind, body = (503, "text/plain", b"busy") if site.hits[self.path] == 1 else routes["/tin/so-ket.html"]
                elif self.path == "/tin/rat-lon.html":
                    status, kind, body = 200, "text/html", b"<html>" + b"x" * (web.MAX_PAGE_BYTES + 10)
                else:
                    status, kind, body = routes.get(self.path, (404, "text/plain", b"not found"))
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                if status == 503:
                    self.send_header("Retry-After", "0")
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client stopped reading at its size bound

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def site() -> Iterator[Site]:
    served = Site()
    yield served
    served.close()


def test_an_article_url_becomes_an_article_with_its_title_date_and_address(site: Site) -> None:
    (article,) = list(iter_articles([f"{site.base}/tin/ky-hop-thu-20.html"]))
    assert isinstance(article, Article)
    assert article.id == "ky-hop-thu-20"
    assert article.title == "Kỳ họp thứ 20 HĐND thành phố Bắc Ninh khóa XXII"
    assert str(article.published) == "2024-12-13"
    assert article.meta["url"] == f"{site.base}/tin/ky-hop-thu-20.html"
    assert article.identity == f"{site.base}/tin/ky-hop-thu-20.html"
    assert "Kỳ họp thứ 20" in article.text


def test_a_feed_gives_each_entry_its_article_and_a_failed_entry_its_error(site: Site) -> None:
    items = list(iter_articles([f"{site.base}/rss/tin-hoat-dong.rss"]))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "FetchError"]
    assert items[1].title == "Hội nghị sơ kết công tác 6 tháng đầu năm"
    assert str(items[1].published) == "2025-07-10"
    assert str(items[2]) == f"{site.base}/tin/da-go.html: the server answered 404"


def test_a_busy_server_is_asked_again_and_a_missing_page_is_one_error(site: Site) -> None:
    items = list(iter_articles([f"{site.base}/tin/lan-dau-loi.html", f"{site.base}/tin/khong-co.html"]))
    assert isinstance(items[0], Article) and site.hits["/tin/lan-dau-loi.html"] == 2
    assert isinstance(items[1], FetchError) and "404" in items[1].message


def test_a_page_over_the_size_bound_is_refused(site: Site) -> None:
    (item,) = list(iter_articles([f"{site.base}/tin/rat-lon.html"]))
    assert isinstance(item, TooLargeError)


def test_requests_name_the_tool_in_their_user_agent(site: Site) -> None:
    list(iter_articles([f"{site.base}/tin/so-ket.html"]))
    assert site.user_agents and all(agent.startswith("summarizer/") for agent in site.user_agents)


def test_a_server_that_does_not_answer_is_a_fetch_error_after_the_attempts(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []
    with pytest.raises(FetchError, match=r"could not connect .*after 3 attempts"):
        web.fetch("http://127.0.0.1:9/tin.html", sleep=waits.append)
    assert len(waits) == 2


def test_batch_and_brief_take_a_feed_url(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    result = CliRunner().invoke(app, ["batch", f"{site.base}/rss/tin-hoat-dong.rss", "-o", str(out), "-b", "regex"])
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert result.exit_code == ExitStatus.SOME_FAILED
    assert [r["article_id"] for r in records] == ["ky-hop-thu-20", "so-ket", "da-go"]
    assert records[1]["headline"] == "Hội nghị sơ kết công tác 6 tháng đầu năm"
    assert records[1]["url"] == f"{site.base}/tin/so-ket.html"
    page = tmp_path / "b.html"
    result = CliRunner().invoke(app, ["brief", f"{site.base}/rss/tin-hoat-dong.rss", "-o", str(page), "-b", "regex"])
    assert result.exit_code == ExitStatus.SOME_FAILED
    assert "Hội nghị sơ kết công tác 6 tháng đầu năm" in page.read_text(encoding="utf-8")


def test_a_resumed_url_is_redone_only_when_its_page_changed(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    url = f"{site.base}/tin/so-ket.html"
    assert CliRunner().invoke(app, ["batch", url, "-o", str(out), "-b", "regex"]).exit_code == ExitStatus.OK
    result = CliRunner().invoke(app, ["batch", url, "-o", str(out), "-b", "regex", "--resume"])
    assert result.exit_code == ExitStatus.OK and "skipped 1 already done" in result.stderr
