"""Who chaired a gathering: the persons named just before ``chủ tọa``/``chủ trì``/``điều hành`` (``Các đồng
chí: … chủ tọa``, ``do đồng chí … chủ trì``, ``… đồng chủ trì``), or after ``sự chủ trì của`` (``của các đồng
chí: A, …; B, …``), ``Chủ trì hội nghị có …``, ``Chủ trì cuộc họp: ông …``, ``do Thường trực … chủ trì, gồm
các đồng chí: A, …; B, …``."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from summarizer.language.function_words import AND, PLURAL
from summarizer.language.gatherings import CHAIR_VERBS, CHAIRED_BY, CHAIRED_GATHERINGS, CHAIRED_SITTINGS, CHAIRS_LISTED, CHAIRS_LISTED_AFTER_COMMA, CO_CHAIR
from summarizer.language.names import COMRADE, FORMAL_MARKERS
from summarizer.language.patterns import alternation, any_word, spaced

from .document import Document
from .officials import Mention
from .sentences import Sentence

_CHAIR = any_word(CHAIR_VERBS)
_MARKERS = tuple(" ".join(marker) for marker in FORMAL_MARKERS)
_CHAIRED_BY = re.compile(
    r"\s*(?:"
    + "|".join(rf"{word}\s+" for word in CHAIRED_BY)
    + rf"|(?:{alternation((*CHAIRED_GATHERINGS, *CHAIRED_SITTINGS))}\s*)?(?:{alternation(CHAIRS_LISTED)}\s+|:\s*)"
    + rf"|,\s*{alternation(CHAIRS_LISTED_AFTER_COMMA)}\s+"
    + rf"|{alternation(CHAIRED_GATHERINGS)}\s+(?={'|'.join(map(spaced, _MARKERS))}))"
)
_BEFORE_VERB = ("", *CO_CHAIR)
_BEFORE_NAME = ("", *_MARKERS, *(f"{plural} {' '.join(COMRADE)}" for plural in PLURAL))
_JOINERS = (AND, "")


def chairs(doc: Document, start: int, end: int) -> list[str]:
    """Names said to chair the gathering whose section runs between two offsets, from the first sentence
    of the section that names any: in running text, else in a photo caption (``Các ông: A, …; B, … chủ tọa
    hội nghị``)."""
    in_caption: list[str] = []
    folded = doc.toks.folded
    for sentence in doc.sentences_from(start, end):
        if sentence.caption and in_caption:
            continue
        verbs = list(_CHAIR.finditer(folded, sentence.start, sentence.end))
        if not verbs:
            continue
        names = _chairs_in(doc, sentence, verbs)
        if names and not sentence.caption:
            return names
        if names:
            in_caption = names
    return in_caption


def _chairs_in(doc: Document, sentence: Sentence, verbs: list[re.Match[str]]) -> list[str]:
    """The persons ``sentence`` says chair the gathering, at its chair verbs ``verbs``."""
    names: list[str] = []
    seen: set[str] = set()
    folded = doc.toks.folded
    in_sentence = [x for x in doc.mentions_from(sentence.start, sentence.end) if x.kind != "pronoun"]
    ends = [x.end for x in in_sentence]
    starts = [x.start for x in in_sentence]
    # Mentions almost always stand in order of their ends and starts; then the mentions before a verb
    # are a prefix of the sentence's, and those already taken as chairs need not be taken again.
    ordered = ends == sorted(ends) and starts == sorted(starts)
    taken = 0
    for m in verbs:
        if ordered:
            count = bisect_right(ends, m.start())
            before = in_sentence[taken:count] if count > taken else []
            last = in_sentence[count - 1] if count else None
        else:
            before = [x for x in in_sentence if x.end <= m.start()]
            last = before[-1] if before else None
        found: list[Mention] = []
        if last is not None and folded[last.end : m.start()].strip(" )") in _BEFORE_VERB:
            found = before
            taken = max(taken, count) if ordered else taken
        else:
            by = _CHAIRED_BY.match(folded, m.end())
            if by:
                after = _from(in_sentence, starts, by.end(), ordered)
                first = next(after, None)
                opening = by.end()
                if first is not None and first.kind == "title" and folded[first.end : first.end + 2].strip().startswith(":"):
                    # ``Chủ trì hội nghị gồm các đồng chí Ủy viên Bộ Chính trị: A; B``: a post the chairs share.
                    opening = folded.index(":", first.end) + 1
                    first = next(after, None)
                if first is not None and _adjacent(doc, opening, first.start):
                    found = [first]
                    for nxt in after:
                        if not _joined(doc, found[-1].end, nxt.start):
                            break
                        found.append(nxt)
        for mention in found:
            name = doc.resolve(mention, mention.start)
            if name and name not in seen:
                seen.add(name)
                names.append(name)
    return names


def _from(mentions: list[Mention], starts: list[int], offset: int, ordered: bool) -> Iterator[Mention]:
    """The mentions starting at or after ``offset``, in order."""
    if ordered:
        return (mentions[i] for i in range(bisect_left(starts, offset), len(mentions)))
    return (x for x in mentions if x.start >= offset)


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
