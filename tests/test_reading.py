"""Reading inputs: every way an article arrives, and every way an input can fail to be one."""

from __future__ import annotations

import codecs
import io
import json
import os
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from summarizer.errors import (
    BinaryInputError,
    DecodeError,
    EmptyArticleError,
    InputError,
    MalformedRecordError,
    NotFoundError,
    TooLargeError,
    UnreadableError,
    UnsupportedFormatError,
)
from summarizer.text.article import MAX_TEXT_BYTES, Article
from summarizer.text.reading import article_from_text, iter_articles, read_article

DATA = Path(__file__).resolve().parent / "data"

LEAD = (
    "Sáng 13/12, Kỳ họp thứ 20, HĐND thành phố Bắc Ninh khóa XXII tiếp tục phiên làm việc với nhiều nội dung "
    "quan trọng. Các đồng chí: Nguyễn Hoàng Long, Phó Bí thư Thường trực Thành ủy, Chủ tịch HĐND thành phố; "
    "Nguyễn Thanh Mai, Ủy viên BTV Thành ủy, Phó Chủ tịch HĐND thành phố chủ tọa Kỳ họp."
)
SECOND = (
    "Trong hai ngày 14-15/12/2023, HĐND thành phố Lạng Sơn tổ chức kỳ họp thứ 12 khoá XXI nhiệm kỳ 2021-2026. "
    "Đồng chí Đoàn Thị Loan, Uỷ viên Ban Thường vụ Tỉnh uỷ, Bí thư Thành uỷ dự chỉ đạo kỳ họp."
)
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258_bytes(text: str) -> bytes:
    """Encode as Windows-1258 does: letters precomposed with their shape, tone marks as combining characters."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        out.append(base + "".join(c for c in parts if c in _TONES))
    return "".join(out).encode("cp1258")


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


def only(items: Iterator[Article | InputError]) -> Article | InputError:
    (item,) = list(items)
    return item


def feed_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


# --- encodings -----------------------------------------------------------------------------------


def test_utf8_text_file_becomes_an_article_named_after_its_stem(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "bac_ninh.txt", LEAD))
    assert (article.id, article.text, article.source) == ("bac_ninh", LEAD, str(tmp_path / "bac_ninh.txt"))
    assert article.published is None


def test_decomposed_utf8_is_returned_composed(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "a.txt", unicodedata.normalize("NFD", LEAD)))
    assert article.text == LEAD


def test_utf8_byte_order_mark_is_dropped(tmp_path: Path) -> None:
    article = read_article(write(tmp_path / "a.txt", "\ufeff".encode() + LEAD.encode("utf-8")))
    assert article.text == LEAD


@pytest.mark.parametrize("encode", [
    lambda s: s.encode("utf-16"),
    lambda s: codecs.BOM_UTF16_LE + s.encode("utf-16-le"),
    lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"),
], ids=["native", "little-endian", "big-endian"])
def test_utf16_with_byte_order_mark_is_decoded(tmp_path: Path, encode) -> None:
    assert read_article(write(tmp_path / "a.txt", encode(LEAD))).text == LEAD


def test_windows_1258_file_is_decoded_and_tone_marks_composed(tmp_path: Path) -> None:
    data = cp1258_bytes(SECOND)
    assert b"\xcc" in data or b"\xec" in data  # the tone marks really are separate bytes
    assert read_article(write(tmp_path / "cu.txt", data)).text == SECOND


@pytest.mark.parametrize("data", [
    bytes(range(0x80, 0x100)) * 8,  # includes bytes Windows-1258 leaves undefined
    bytes(range(0xA1, 0xC0)) * 8,  # all defined, but only symbols: no plausible text
    cp1258_bytes(SECOND) + b"\x1b[0m",  # a stray escape control: not plain text
], ids=["undefined", "symbols", "controls"])
def test_bytes_that_are_neither_utf8_nor_vietnamese_are_a_decode_error(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path / "rac.txt", data)
    with pytest.raises(DecodeError) as caught:
        read_article(path)
    assert caught.value.source == str(path)


def test_damaged_utf8_is_a_decode_error_not_mojibake(tmp_path: Path) -> None:
    data = LEAD.encode("utf-8")
    damaged = data[:40] + b"\xe1\xbb" + data[40:]
    with pytest.raises(DecodeError, match="offset 40"):
        read_article(write(tmp_path / "hong.txt", damaged))


def test_nul_bytes_mean_a_binary_file(tmp_path: Path) -> None:
    with pytest.raises(BinaryInputError):
        read_article(write(tmp_path / "anh.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)))


def test_many_control_bytes_mean_a_binary_file(tmp_path: Path) -> None:
    with pytest.raises(BinaryInputError):
        read_article(write(tmp_path / "x.txt", b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 50))


def test_windows_line_ends_become_newlines_and_everything_else_stays(tmp_path: Path) -> None:
    text = "Uỷ ban MTTQ  thành phố\r\nỦy viên BTV Thành ủy\r\n"
    assert read_article(write(tmp_path / "a.txt", text)).text == "Uỷ ban MTTQ  thành phố\nỦy viên BTV Thành ủy\n"


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  \n"], ids=["empty", "whitespace"])
def test_empty_or_blank_file_is_an_empty_article_error(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "trong.txt", content)
    item = only(iter_articles([path]))
    assert isinstance(item, EmptyArticleError) and item.source == str(path)


def test_a_file_of_over_a_megabyte_is_read_whole(tmp_path: Path) -> None:
    paragraph = (LEAD + "\r\n").encode("utf-8")
    path = write(tmp_path / "lon.txt", paragraph * (1_200_000 // len(paragraph)))
    article = read_article(path)
    assert len(path.read_bytes()) > 1_000_000
    assert article.text.count("\n") == article.text.count("Nguyễn Hoàng Long") > 3_000
    assert "\r" not in article.text


def test_a_file_over_the_byte_limit_is_refused_from_its_size_without_reading_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "lon.txt", b"a" * (MAX_TEXT_BYTES + 1))
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: pytest.fail("opened for reading"), raising=True)
    with pytest.raises(TooLargeError, match=f"too large \\({MAX_TEXT_BYTES + 1:,} bytes"):
        read_article(path)


# --- HTML ----------------------------------------------------------------------------------------


def test_html_page_gives_the_article_without_menu_sidebar_or_footer() -> None:
    article = read_article(DATA / "portal_page.html")
    assert "Nguyễn Hoàng Long, Phó Bí thư Thường trực Thành ủy" in article.text
    assert "thông qua 14 Nghị quyết quan trọng" in article.text
    for portal in ("Thủ tục hành chính", "Liên kết website", "Thống kê truy cập", "Bản quyền thuộc về"):
        assert portal not in article.text
    assert article.title == "Kỳ họp thứ 20 HĐND thành phố Bắc Ninh khóa XXII"
    assert article.published is not None and article.published.isoformat() == "2024-12-13"
    assert article.id == "portal_page"


def test_table_layout_page_keeps_one_paragraph_per_line() -> None:
    article = read_article(DATA / "portal_table_layout.html")
    lines = article.text.splitlines()
    assert any(line.startswith("Sáng 12/3, tại Trung tâm Hội nghị thành phố") for line in lines)
    assert any(line.startswith("Tới dự, về phía Trung ương có đồng chí Nguyễn Thị Thanh") for line in lines)
    assert "Đang online" not in article.text and "Văn bản" not in article.text
    assert article.published is not None and article.published.isoformat() == "2024-03-12"


def test_html_declaring_windows_1258_is_decoded_with_it(tmp_path: Path) -> None:
    page = (DATA / "portal_table_layout.html").read_text(encoding="utf-8").replace("charset=utf-8", "charset=windows-1258")
    article = read_article(write(tmp_path / "cu.htm", cp1258_bytes(page)))
    assert "Ủy viên Ủy ban Thường vụ Quốc hội" in article.text


def test_navigation_only_page_is_an_empty_article_error() -> None:
    item = only(iter_articles([DATA / "navigation_only.html"]))
    assert isinstance(item, EmptyArticleError)
    assert item.source == str(DATA / "navigation_only.html")


# --- JSONL ---------------------------------------------------------------------------------------


def test_jsonl_gives_an_article_per_record_and_an_error_per_bad_line(tmp_path: Path) -> None:
    page = (DATA / "portal_page.html").read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "bn-20", "text": LEAD, "published": "2024-12-13", "title": "Kỳ họp thứ 20"}, ensure_ascii=False),
        '{"id": "hong", "text": "Kỳ họp thứ 12',
        json.dumps({"content": SECOND, "url": "https://langson.gov.vn/ky-hop-12"}, ensure_ascii=False),
        "",
        json.dumps({"id": "thieu", "title": "Không có nội dung"}, ensure_ascii=False),
        json.dumps({"article_id": 7, "html": page}, ensure_ascii=False),
        json.dumps({"body": "Phiên họp UBND tỉnh tháng 1/2025 do Chủ tịch UBND tỉnh Nguyễn Đăng Bình chủ trì."}, ensure_ascii=False),
    ]
    path = write(tmp_path / "tin.jsonl", "\n".join(lines) + "\n")
    items = list(iter_articles([path]))

    assert [type(i).__name__ for i in items] == [
        "Article", "MalformedRecordError", "Article", "MalformedRecordError", "Article", "Article",
    ]
    first, broken, second, lacking, from_html, body_only = items
    assert (first.id, first.text, first.title, str(first.published)) == ("bn-20", LEAD, "Kỳ họp thứ 20", "2024-12-13")
    assert first.source == f"{path}:1"
    assert broken.source == f"{path}:2" and lacking.source == f"{path}:5"
    assert (second.id, second.text, second.meta["url"]) == ("tin:3", SECOND, "https://langson.gov.vn/ky-hop-12")
    assert from_html.id == "7" and "Nguyễn Hoàng Long" in from_html.text and "Trang chủ" not in from_html.text
    assert body_only.id == "tin:7"


def test_jsonl_in_utf16_with_byte_order_mark_is_read(tmp_path: Path) -> None:
    lines = [json.dumps({"id": n, "text": t}, ensure_ascii=False) for n, t in ((1, LEAD), (2, SECOND))]
    items = list(iter_articles([write(tmp_path / "a.jsonl", "\n".join(lines).encode("utf-16"))]))
    assert [(i.id, i.text) for i in items] == [("1", LEAD), ("2", SECOND)]


def test_jsonl_boolean_id_is_not_an_id(tmp_path: Path) -> None:
    item = only(iter_articles([write(tmp_path / "a.jsonl", json.dumps({"id": True, "text": LEAD}) + "\n")]))
    assert item.id == "a:1"


def test_jsonl_record_with_a_bad_published_date_is_malformed(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", json.dumps({"text": LEAD, "published": "13/2024"}) + "\n")
    item = only(iter_articles([path]))
    assert isinstance(item, MalformedRecordError) and item.source == f"{path}:1"


def test_jsonl_line_that_is_not_an_object_is_malformed(tmp_path: Path) -> None:
    item = only(iter_articles([write(tmp_path / "a.jsonl", '["Kỳ họp thứ 20"]\n')]))
    assert isinstance(item, MalformedRecordError)


def test_jsonl_record_with_blank_text_is_an_empty_article(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", json.dumps({"id": "x", "text": "  \n "}) + "\n")
    item = only(iter_articles([path]))
    assert isinstance(item, EmptyArticleError) and item.source == f"{path}:1"


def test_empty_jsonl_file_is_an_empty_article_error(tmp_path: Path) -> None:
    assert isinstance(only(iter_articles([write(tmp_path / "a.jsonl", "\n\n")])), EmptyArticleError)


def test_read_article_refuses_a_jsonl_file(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedFormatError):
        read_article(write(tmp_path / "a.jsonl", json.dumps({"text": LEAD}) + "\n"))


# --- stdin ---------------------------------------------------------------------------------------


def test_stdin_text_is_one_article_named_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, (LEAD + "\r\n" + SECOND).encode("utf-8"))
    article = only(iter_articles(["-"]))
    assert isinstance(article, Article)
    assert (article.id, article.source, article.text) == ("stdin", "<stdin>", LEAD + "\n" + SECOND)


def test_stdin_jsonl_gives_its_records(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [json.dumps({"id": "a", "text": LEAD}, ensure_ascii=False), "", "{bad", json.dumps({"text": SECOND}, ensure_ascii=False)]
    feed_stdin(monkeypatch, "\n".join(lines).encode("utf-8"))
    items = list(iter_articles(["-"]))
    assert [getattr(i, "id", type(i).__name__) for i in items] == ["a", "MalformedRecordError", "stdin:4"]
    assert items[1].source == "<stdin>:3"


def test_stdin_html_page_is_extracted(monkeypatch: pytest.MonkeyPatch) -> None:
    feed_stdin(monkeypatch, (DATA / "portal_page.html").read_bytes())
    article = only(iter_articles(["-"]))
    assert isinstance(article, Article) and "Chủ tịch HĐND thành phố" in article.text and "Giới thiệu" not in article.text


def test_stdin_is_read_record_by_record(monkeypatch: pytest.MonkeyPatch) -> None:
    consumed: list[bytes] = []

    class Lines(io.RawIOBase):
        def __init__(self, lines: list[bytes]) -> None:
            self.pending = lines

        def readline(self, size: int = -1) -> bytes:
            if not self.pending:
                return b""
            consumed.append(self.pending.pop(0))
            return consumed[-1]

    records = [(json.dumps({"id": str(n), "text": LEAD}, ensure_ascii=False) + "\n").encode() for n in range(5)]
    monkeypatch.setattr(sys, "stdin", type("Stdin", (), {"buffer": Lines(records)})())
    stream = iter_articles(["-"])
    assert next(stream).id == "0"
    assert len(consumed) == 1


# --- files and folders ---------------------------------------------------------------------------


def test_folder_is_read_recursively_in_name_order_skipping_hidden_files(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", SECOND)
    write(tmp_path / "a" / "z.txt", LEAD)
    write(tmp_path / "a" / "c.jsonl", json.dumps({"id": "rec", "text": LEAD}, ensure_ascii=False) + "\n")
    write(tmp_path / "c.htm", (DATA / "portal_page.html").read_bytes())
    write(tmp_path / ".an" / "x.txt", LEAD)
    write(tmp_path / ".nhap.txt", LEAD)
    assert [i.id for i in iter_articles([tmp_path])] == ["rec", "a/z", "b", "c"]


def test_unsupported_files_in_a_folder_are_each_an_error_naming_the_type(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", LEAD)
    write(tmp_path / "bao-cao.pdf", b"%PDF-1.7")
    write(tmp_path / "to-trinh.docx", b"PK\x03\x04")
    items = list(iter_articles([tmp_path]))
    assert [type(i).__name__ for i in items] == ["Article", "UnsupportedFormatError", "UnsupportedFormatError"]
    assert "unsupported type .pdf" in str(items[1]) and items[1].source == str(tmp_path / "bao-cao.pdf")


def test_folder_is_streamed_one_file_at_a_time(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", LEAD)
    later = write(tmp_path / "b.txt", SECOND)
    stream = iter_articles([tmp_path])
    assert next(stream).id == "a"
    later.unlink()
    assert isinstance(next(stream), NotFoundError)


def test_folder_without_articles_is_reported(tmp_path: Path) -> None:
    write(tmp_path / ".ghi_chu.txt", "không phải bài viết")
    item = only(iter_articles([tmp_path]))
    assert isinstance(item, NotFoundError) and item.source == str(tmp_path)


def test_folder_that_cannot_be_listed_is_an_unreadable_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(os, "scandir", refuse)
    item = only(iter_articles([tmp_path]))
    assert isinstance(item, UnreadableError) and item.source == str(tmp_path)


def test_file_that_cannot_be_read_is_an_unreadable_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "khoa.txt", LEAD)

    real_open = os.open

    def refuse(name: object, *args: object, **kwargs: object) -> int:
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    item = only(iter_articles([path]))
    assert isinstance(item, UnreadableError) and "permission denied" in str(item)


def test_missing_path_is_not_found_and_the_rest_go_on(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", LEAD)
    items = list(iter_articles([tmp_path / "khong_co.txt", good]))
    assert isinstance(items[0], NotFoundError) and items[0].source == str(tmp_path / "khong_co.txt")
    assert isinstance(items[1], Article)


def test_explicit_file_of_another_type_is_unsupported(tmp_path: Path) -> None:
    item = only(iter_articles([write(tmp_path / "bai.docx", b"PK\x03\x04")]))
    assert isinstance(item, UnsupportedFormatError)


def test_errors_print_as_one_line_naming_the_input(tmp_path: Path) -> None:
    inputs = [tmp_path / "khong_co.txt", write(tmp_path / "x.bin.txt", bytes(100)), write(tmp_path / "t.txt", " ")]
    errors = list(iter_articles(inputs))
    for error, path in zip(errors, inputs):
        assert isinstance(error, InputError)
        assert "\n" not in str(error) and str(error).startswith(str(path))


# --- text already in memory ----------------------------------------------------------------------


def test_article_from_text_normalises_and_names_it() -> None:
    article = article_from_text(unicodedata.normalize("NFD", LEAD) + "\r\n", article_id="bn")
    assert (article.id, article.source, article.text) == ("bn", "<text>", LEAD + "\n")


def test_article_from_blank_text_is_an_empty_article_error() -> None:
    with pytest.raises(EmptyArticleError):
        article_from_text(" \n ")


def test_a_records_published_date_may_be_empty_or_written_day_first(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "p5", "text": LEAD, "published": ""}, ensure_ascii=False),
        json.dumps({"id": "p6", "text": LEAD, "published": "18/09/2025"}, ensure_ascii=False),
        json.dumps({"id": "p7", "text": LEAD, "published": "hôm qua"}, ensure_ascii=False),
    ]
    path = write(tmp_path / "pub.jsonl", "\n".join(lines) + "\n")
    empty, day_first, unreadable = list(iter_articles([path]))

    assert (empty.id, day_first.id, str(day_first.published)) == ("p5", "p6", "2025-09-18")
    assert isinstance(unreadable, MalformedRecordError) and unreadable.article_id == "p7"
    assert "hôm qua" in unreadable.message
