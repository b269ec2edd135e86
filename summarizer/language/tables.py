"""How the vocabulary tables are written: ``|``-separated entries, kept in folded (matching) form.

Every entry is stored lower-case with the tone mark on the first vowel of ``oa/oe/uy`` pairs, the form
``summarizer.text.normalize.fold`` gives, so a token is looked up by its folded text. Tables are data;
the predicates that read them live beside them.
"""

from __future__ import annotations

from summarizer.text.normalize import fold


def entries(spec: str) -> list[str]:
    """The entries of a ``|``-separated table as written (blanks dropped), in order."""
    return [entry.strip() for entry in spec.split("|") if entry.strip()]


def words(spec: str) -> frozenset[str]:
    """A table of words or phrases, folded: ``"Ủy ban|họp"`` → ``{"ủy ban", "họp"}``."""
    return frozenset(fold(entry) for entry in entries(spec))


def phrases(spec: str) -> frozenset[tuple[str, ...]]:
    """A table of phrases as tuples of folded syllables: ``"Ban Thường vụ"`` → ``("ban", "thường", "vụ")``."""
    return frozenset(phrase(entry) for entry in entries(spec))


def phrase(text: str) -> tuple[str, ...]:
    """One phrase as a tuple of folded syllables."""
    return tuple(fold(text).split())


def first_words(table: frozenset[str] | frozenset[tuple[str, ...]]) -> frozenset[str]:
    """The first syllable of every entry: a token that is none of these starts no entry."""
    return frozenset((entry.split()[0] if isinstance(entry, str) else entry[0]) for entry in table)
