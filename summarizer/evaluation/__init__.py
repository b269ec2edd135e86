"""Evaluation: score extractions against hand-labelled gold, record runs, compare them.

From Python::

    from summarizer.evaluation import score_article, score_corpus
    corpus = score_corpus(score_article(gold, predicted, text=article.text) for gold, predicted, article in items)
    corpus.overall, corpus.components["officials"].f1, corpus.to_dict()
"""

from .keys import expand_abbreviations, name_key, title_key
from .matching import max_weight_matching
from .scoring import (
    COMPONENTS,
    FIELDS,
    OVERALL_COMPONENTS,
    ArticleScore,
    CorpusScore,
    Counts,
    content_similarity,
    score_article,
    score_corpus,
)

__all__ = [
    "COMPONENTS",
    "FIELDS",
    "OVERALL_COMPONENTS",
    "ArticleScore",
    "CorpusScore",
    "Counts",
    "content_similarity",
    "expand_abbreviations",
    "max_weight_matching",
    "name_key",
    "score_article",
    "score_corpus",
    "title_key",
]
