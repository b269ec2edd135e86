"""Who chaired a gathering: the persons named just before ``chủ tọa``/``chủ trì``/``điều hành`` (``Các đồng
chí: … chủ tọa``, ``do đồng chí … chủ trì``, ``… đồng chủ trì``), or after ``sự chủ trì của`` (``của các đồng
chí: A, …; B, …``), ``Chủ trì hội nghị có …``, ``Chủ trì cuộc họp: ông …``."""

from __future__ import annotations

import re

from summarizer.language.function_words import AND, PLURAL
from summarizer.language.gatherings import CHAIR_VERBS, CHAIRED_BY, CHAIRED_GATHERINGS, CHAIRED_SITTINGS, CHAIRS_LISTED, CO_CHAIR
from summarizer.language.names import COMRADE, FORMAL_MARKERS
from summarizer.language.patterns import alternation, any_word, spaced

from .document import Document
from .officials import Mention

_CHAIR = any_word(CHAIR_VERBS)
_MARKERS = tuple(" ".join(marker) for marker in FORMAL_MARKERS)
_CHAIRED_BY = re.compile(
    r"\s*(?:"
    + "|".join(rf"{word}\s+" for word in CHAIRED_BY)
    + rf"|(?:{alternation((*CHAIRED_GATHERINGS, *CHAIRED_SITTINGS))}\s*)?(?:{alternation(CHAIRS_LISTED)}\s+|:\s*)"
    + rf"|{alternation(CHAIRED_GATHERINGS)}\s+(?={'|'.join(map(spaced, _MARKERS))}))"
)
_BEFORE_VERB = ("", *CO_CHAIR)
_BEFORE_NAME = ("", *_MARKERS, *(f"{plural} {' '.join(COMRADE)}" for plural in PLURAL))
_JOINERS = (AND, "")


def chairs(doc: Document, start: int, end: int) -> list[str]:
    """Names said to chair the gathering whose section runs between two offsets, from the first sentence
    of the section that names any."""
    names: list[str] = []
    for sentence in doc.sentences_from(start, end):
        if sentence.caption:
            continue
        verbs = list(_CHAIR.finditer(doc.toks.folded, sentence.start, sentence.end))
        if not verbs:
            continue
        in_sentence = [x for x in doc.mentions_from(sentence.start, sentence.end) if x.kind != "pronoun"]
        for m in verbs:
            before = [x for x in in_sentence if x.end <= m.start()]
            found: list[Mention] = []
            if before and doc.toks.folded[before[-1].end : m.start()].strip(" )") in _BEFORE_VERB:
                found = before
            else:
                by = _CHAIRED_BY.match(doc.toks.folded, m.end())
                after = [x for x in in_sentence if by and x.start >= by.end()]
                if by and after and _adjacent(doc, by.end(), after[0].start):
                    found = [after[0]]
                    for nxt in after[1:]:
                        if not _joined(doc, found[-1].end, nxt.start):
                            break
                        found.append(nxt)
            for mention in found:
                name = doc.resolve(mention, mention.start)
                if name and name not in names:
                    names.append(name)
        if names:
            break
    return names


def _adjacent(doc: Document, end: int, start: int) -> bool:
    """Only ``đồng chí``/``ông``/``bà`` stand between ``end`` and ``start``."""
    return doc.toks.folded[end:start].strip(" :") in _BEFORE_NAME


def _joined(doc: Document, end: int, start: int) -> bool:
    """Two mentions listed together: ``…, đồng chí Y`` / ``… và đồng chí Y``."""
    between = doc.toks.folded[end:start].strip(" ,;")
    for joiner in _JOINERS:
        rest = between[len(joiner) :].strip() if between.startswith(joiner) else None
        if rest is not None and rest in ("", *_MARKERS):
            return True
    return False
