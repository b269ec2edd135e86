"""The rule-based backend as a whole: quality on the labelled articles, determinism, any input, evidence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from summarizer.backends.rules import RuleBackend
from summarizer.evaluation import score_article, score_corpus
from summarizer.evaluation.goldset import load_gold_set
from summarizer.schemas import ArticleExtraction, dump_extraction
from summarizer.text.article import Article
from tests.conftest import ARTICLES, GOLD


def test_the_labelled_articles_score_above_the_quality_bar() -> None:
    items, errors = load_gold_set(ARTICLES, GOLD)
    assert items and not errors
    backend = RuleBackend()
    corpus = score_corpus(score_article(item.gold, backend.extract(item.article)) for item in items)
    assert corpus.overall >= 0.90
    for component in ("events", "officials", "titles", "directives"):
        assert corpus.components[component].f1 >= 0.80, component


def test_the_same_article_gives_byte_identical_json() -> None:
    items, _ = load_gold_set(ARTICLES, GOLD)
    backend = RuleBackend()
    for item in items:
        assert dump_extraction(backend.extract(item.article)) == dump_extraction(RuleBackend().extract(item.article))


def test_provenance_names_the_rule_based_backend() -> None:
    result = RuleBackend().extract(Article(id="t", text="Sáng 13/12, HĐND tỉnh họp.", source="t"))
    assert result.provenance is not None and result.provenance.backend == "regex"


def test_every_evidence_span_of_a_labelled_article_is_its_text() -> None:
    items, _ = load_gold_set(ARTICLES, GOLD)
    for item in items:
        result = RuleBackend().extract(item.article)
        spans = [e.evidence for e in result.events] + [d.evidence for d in result.directives]
        for official in result.officials:
            spans += [official.name_evidence, *official.title_evidence]
        for span in spans:
            assert span is not None and item.article.text[span.start : span.end] == span.text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.text(max_size=40),
            st.sampled_from(
                [
                    "Sáng 13/12, ", "Kỳ họp thứ ", "HĐND tỉnh ", "Chủ tịch UBND tỉnh ", "Nguyễn Văn An", ", ", "; ",
                    "đồng chí ", "yêu cầu ", "đề nghị: ", "giao ", "các sở, ngành ", "trước ngày 31/2 ", "khóa XXII",
                    "\n", ". ", "Y Thanh", "H'", " - ", "thông qua 14 Nghị quyết", "tỉnh ", "các Phó Chủ tịch ",
                ]
            ),
        ),
        max_size=40,
    )
)
def test_any_text_gives_a_valid_extraction(pieces: list[str]) -> None:
    text = "".join(pieces)
    result = RuleBackend().extract(Article(id="t", text=text, source="t"))
    assert ArticleExtraction.model_validate(result.model_dump()) == result


def test_english_and_empty_texts_give_empty_extractions() -> None:
    for text in ("", "The council met on Monday and passed 14 resolutions.", "\n\n \t"):
        result = RuleBackend().extract(Article(id="t", text=text, source="t"))
        assert (result.events, result.officials, result.directives) == ([], [], [])
