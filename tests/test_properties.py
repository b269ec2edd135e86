"""Properties that hold for any text: the text layer and the rule-based backend never break on input.

Hypothesis draws arbitrary Unicode (and text built from real Vietnamese phrases with noise in it);
whatever it finds, no exception escapes, offsets keep indexing the original text, and the output
always validates against the contract. Examples are bounded so the file runs in seconds.
"""

from __future__ import annotations

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer.errors import InputError
from summarizer.schemas import ArticleExtraction, Span
from summarizer.text.article import Article
from summarizer.text.cruft import blank_cruft
from summarizer.text.normalize import find_by_key, fold, match_key
from summarizer.text.reading import article_from_text, decode_bytes

BOUNDED = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FEW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

VIETNAMESE_LETTERS = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ"
PHRASES = (
    "Sáng 13/12, Kỳ họp thứ 20, HĐND thành phố Bắc Ninh khóa XXII khai mạc.",
    "Đồng chí Nguyễn Hoàng Long, Phó Bí thư Thường trực Thành ủy, Chủ tịch HĐND thành phố chủ trì.",
    "Chủ tịch UBND tỉnh Đoàn Thị Loan yêu cầu các sở, ngành hoàn thành kế hoạch trước ngày 30/6/2025.",
    "Uỷ ban MTTQ huyện đề nghị các xã tiếp tục rà soát hộ nghèo.",
    "Kỳ họp đã thông qua 14 nghị quyết quan trọng, nhiệm kỳ 2021-2026.",
    "Tham dự có các đồng chí: Trần Văn Bình, Giám đốc Sở Tài chính; Lê Thị Hoa, Phó Chủ tịch UBND huyện.",
    "PublishingPortal - Block_BanTin_Toolbar",
    "Tăng cỡ chữ Giảm cỡ chữ",
    "Số lượt xem 60",
    "In bài viết | Gửi email | Chia sẻ",
)

vietnamese_words = st.text(alphabet=VIETNAMESE_LETTERS + VIETNAMESE_LETTERS.upper(), min_size=1, max_size=8)
noisy_articles = st.lists(
    st.one_of(st.sampled_from(PHRASES), st.text(max_size=40), st.sampled_from(["\n", "\n\n", "\r\n", "\t", "\u00a0"])),
    max_size=25,
).map("".join)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# --- the text layer ----------------------------------------------------------------------------


@BOUNDED
@given(st.text())
def test_fold_keeps_the_length_of_any_text(text: str) -> None:
    assert len(fold(text)) == len(text)


@BOUNDED
@given(st.text())
def test_match_key_is_idempotent(text: str) -> None:
    assert match_key(match_key(text)) == match_key(text)


@BOUNDED
@given(st.lists(vietnamese_words, min_size=1, max_size=12), st.data())
def test_a_run_of_words_is_found_by_key_where_it_is(words: list[str], data: st.DataObject) -> None:
    haystack = nfc(" ".join(words))
    start = data.draw(st.integers(0, len(words) - 1))
    end = data.draw(st.integers(start + 1, len(words)))
    needle = nfc(" ".join(words[start:end]).upper())

    found = find_by_key(haystack, needle)

    assert found
    for begin, finish in found:
        assert match_key(haystack[begin:finish]) == match_key(needle)


@BOUNDED
@given(noisy_articles)
def test_blank_cruft_keeps_length_newlines_and_every_kept_character(text: str) -> None:
    blanked = blank_cruft(text)
    assert len(blanked) == len(text)
    for original, kept in zip(text, blanked):
        assert kept == original or (kept == " " and original != "\n")


@BOUNDED
@given(st.binary(max_size=400))
def test_any_bytes_decode_to_nfc_text_or_a_typed_input_error(data: bytes) -> None:
    try:
        text = decode_bytes(data, "ngau-nhien.txt")
    except InputError as exc:
        assert exc.source == "ngau-nhien.txt" and str(exc).startswith("ngau-nhien.txt: ")
        return
    assert text == nfc(text)
    assert "\r\n" not in text


@BOUNDED
@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters="\ufeff") | st.sampled_from("\n\t")))
def test_text_written_as_utf8_or_utf16_reads_back_as_its_nfc_form(text: str) -> None:
    expected = nfc(text)
    assert decode_bytes(text.encode("utf-8"), "bai.txt") == expected
    assert decode_bytes(text.encode("utf-16"), "bai.txt") == expected


@BOUNDED
@given(st.text())
def test_any_string_becomes_an_nfc_article_or_an_empty_article_error(text: str) -> None:
    try:
        article = article_from_text(text)
    except InputError as exc:
        assert exc.kind == "empty" and not text.strip()
        return
    assert article.text == nfc(article.text) and article.text.strip()
    assert len(article.clean) == len(article.text)


# --- the rule-based backend --------------------------------------------------------------------


def spans_of(extraction: ArticleExtraction) -> list[Span]:
    spans: list[Span | None] = [e.evidence for e in extraction.events]
    for official in extraction.officials:
        spans += [official.name_evidence, *official.title_evidence]
    spans += [d.evidence for d in extraction.directives]
    return [s for s in spans if s is not None]


def extract(text: str) -> tuple[Article, ArticleExtraction] | None:
    from summarizer.backends.rules import RuleBackend

    try:
        article = article_from_text(text, article_id="thu", source="thu.txt")
    except InputError:
        return None
    return article, RuleBackend().extract(article)


@FEW
@given(st.one_of(st.text(max_size=300), noisy_articles))
def test_the_rules_give_a_valid_extraction_for_any_text(text: str) -> None:
    result = extract(text)
    if result is None:
        return
    _, extraction = result
    assert ArticleExtraction.model_validate(extraction.model_dump()) == extraction


@FEW
@given(noisy_articles)
def test_every_evidence_span_of_the_rules_indexes_the_article_text(text: str) -> None:
    result = extract(text)
    if result is None:
        return
    article, extraction = result
    for span in spans_of(extraction):
        assert article.text[span.start : span.end] == span.text


def shifted(extraction: ArticleExtraction, by: int) -> dict:
    """The extraction as data, every evidence span moved by ``by`` characters."""
    def move(value: object) -> object:
        if isinstance(value, dict):
            moved = {k: move(v) for k, v in value.items()}
            if {"start", "end", "text"} <= value.keys():
                moved["start"], moved["end"] = value["start"] + by, value["end"] + by
            return moved
        if isinstance(value, list):
            return [move(v) for v in value]
        return value

    return move(extraction.model_dump(mode="json"))  # type: ignore[return-value]


@FEW
@given(noisy_articles, st.integers(1, 3), st.integers(0, 3))
def test_blank_lines_around_an_article_move_its_offsets_and_change_nothing_else(text: str, before: int, after: int) -> None:
    from summarizer.backends.rules import RuleBackend

    text = nfc(text)
    if not text.strip():
        return
    plain = RuleBackend().extract(Article(id="thu", text=text, source="thu.txt"))
    padded = RuleBackend().extract(Article(id="thu", text="\n" * before + text + "\n" * after, source="thu.txt"))
    assert shifted(padded, 0) == shifted(plain, before)


@FEW
@given(noisy_articles, noisy_articles)
def test_an_article_extracts_the_same_whatever_was_extracted_before_it(first: str, second: str) -> None:
    from summarizer.backends.rules import RuleBackend
    from summarizer.bench.rules import clear_caches

    first, second = nfc(first), nfc(second)
    if not second.strip():
        return
    article = Article(id="thu", text=second, source="thu.txt")
    clear_caches()
    alone = RuleBackend().extract(article)
    if first.strip():
        RuleBackend().extract(Article(id="truoc", text=first, source="truoc.txt"))
    assert RuleBackend().extract(Article(id="thu", text=second, source="thu.txt")) == alone
