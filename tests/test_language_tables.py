"""The language package is the one home of the vocabulary: its tables are in matching form, and the rules
write no word of their own."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import summarizer.backends.rules as rules
import summarizer.language as language
from summarizer.text.normalize import fold

LANGUAGE_MODULES = [importlib.import_module(f"summarizer.language.{m.name}") for m in pkgutil.iter_modules(language.__path__)]
# Tables kept as written (read from the text as it stands, case ignored or not), not in matching form; the
# date words are all read so (``summarizer.language.dates``).
AS_WRITTEN = {"ABBREVIATIONS", "ABBREVIATED_LEVELS", "DOTTED_ONLY", "DEGREE_ABBREVIATIONS", "NON_FINAL_ABBREVIATIONS",
              "SUNDAY_SHORT", "HDND", "UBND", "ROMAN_VALUES", "BODY_NAME_STOPS", "COUNCIL_SPELLINGS",
              "PARTY_COMMITTEES", "PARTY_COMMITTEE_LEVELS", "TERM_AS_WRITTEN", "PARTY_UNIT_BODIES", "PARTY_ORGANS",
              "UNIT_PARTY_COMMITTEE"}
AS_WRITTEN_MODULES = {"summarizer.language.calendar", "summarizer.language.dates"}
# Values of the output contract and of the rules' own bookkeeping, which are English, not Vietnamese.
CONTRACT_WORDS = {"session", "meeting", "conference", "other", "named", "title", "pronoun", "past", "future", "nearest",
                  "thematic", "regular", "extraordinary", "regex", "RuleBackend", "resolution", "election", "relief",
                  "dismissal", "confidence", "vote", "approval"}


def _words(value: object) -> list[str]:
    """The words of a table: its entries, the keys of a mapping and its values that are tables (a plain
    string value is what a key stands for, as written: ``HĐND``, ``Tỉnh ủy``)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [w for k in value for w in _words(k)] + [w for v in value.values() if not isinstance(v, str) for w in _words(v)]
    if isinstance(value, (frozenset, set, tuple, list)):
        return [w for item in value for w in _words(item)]
    return []


@pytest.mark.parametrize("module", [m for m in LANGUAGE_MODULES if m.__name__ not in AS_WRITTEN_MODULES], ids=lambda m: m.__name__)
def test_every_table_is_in_matching_form(module: object) -> None:
    for name, value in vars(module).items():
        if name.isupper() and not name.startswith("_") and name not in AS_WRITTEN:
            for word in _words(value):
                assert fold(word) == word, (name, word)


def _literals(path: Path) -> list[tuple[int, str]]:
    """String literals of a module that are not docstrings, with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            docstrings.add(id(body[0].value))
        if isinstance(body, list):
            for before, after in zip(body, body[1:]):  # attribute docstrings
                if isinstance(before, (ast.Assign, ast.AnnAssign)) and isinstance(after, ast.Expr):
                    docstrings.add(id(after.value))
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
    ]


def _words_of_literal(literal: str) -> list[str]:
    """Words in a literal once regex syntax (``\\s``, ``(?P<name>…)``) is set aside; a capital range such as
    ``A-ZĐ`` is a character class, not a word."""
    text = re.sub(r"\(\?P[<=]\w+>?|\\[A-Za-z]|[A-Z]-[A-ZĐ]+", " ", literal)
    return [w for w in re.findall(r"[^\W\d_]+", text) if (len(w) > 1 or not w.isascii()) and w not in CONTRACT_WORDS]


@pytest.mark.parametrize("path", sorted(Path(rules.__file__).parent.glob("*.py")), ids=lambda p: p.name)
def test_the_rules_write_no_word_of_their_own(path: Path) -> None:
    found = [(line, words) for line, literal in _literals(path) if (words := _words_of_literal(literal))]
    assert found == []


vocabulary_pieces = st.sampled_from(
    ["chủ trì", "chủ tọa", "chủ", "trì", "điều hành", "yêu cầu", "giao", "giao ban", "phiên làm việc", "phiên", "khóa",
     "thành phố", "tỉnh", "sẽ", "dự kiến", "x", "2", "'", "a"]
)
texts_with_vocabulary = st.lists(
    st.tuples(vocabulary_pieces, st.sampled_from(["", " ", "  ", "\n", ", "])), max_size=10
).map(lambda parts: "".join(word + gap for word, gap in parts))


@settings(max_examples=300, deadline=None)
@given(texts_with_vocabulary, st.data())
def test_a_vocabulary_found_by_its_first_syllables_matches_like_its_pattern(text: str, data: st.DataObject) -> None:
    from summarizer.language.directing import DIRECTING_VERBS
    from summarizer.language.gatherings import CHAIR_VERBS, PLAN_MARKERS, SITTINGS, TERM
    from summarizer.language.levels import LEVEL_NAMES
    from summarizer.language.patterns import Vocabulary, any_word

    text = "x, " * 1000 + text  # as long as an article, which is searched through its first syllables
    pos = data.draw(st.integers(2990, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    for words, tail in ((CHAIR_VERBS, ""), (DIRECTING_VERBS, ""), (SITTINGS, ""), (PLAN_MARKERS, ""), ((TERM,), r"\s+"),
                        (LEVEL_NAMES, r" (?=[^\W\d_])")):
        vocabulary = any_word(words, tail=tail)
        assert isinstance(vocabulary, Vocabulary)
        spans = [m.span() for m in vocabulary.pattern.finditer(text, pos, endpos)]
        assert [m.span() for m in vocabulary.finditer(text, pos, endpos)] == spans
        found = vocabulary.search(text, pos, endpos)
        assert (found.span() if found else None) == (spans[0] if spans else None)
