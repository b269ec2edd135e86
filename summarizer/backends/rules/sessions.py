"""A session's fields: its number (``Kỳ họp thứ 20``), the council's khóa and nhiệm kỳ (``HĐND tỉnh khóa
XVIII, nhiệm kỳ 2021 - 2026``), its type (``chuyên đề``, ``bất thường``, ``thường kỳ``) and the number of
resolutions it passed (``thông qua 14 nghị quyết``)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from summarizer.language.bodies import (
    COUNCIL_SPELLINGS,
    HDND,
    OTHER_TERM_BODIES,
    PARTY_ORGANS,
    PARTY_TERM_BODIES,
    STANDING,
    STATE_TERM_BODIES,
)
from summarizer.language.function_words import OF
from summarizer.language.gatherings import (
    TYPED_NOT_GATHERING,
    ALL_LEVELS,
    CONGRESS,
    DRAFT,
    ELECTION_WORDS,
    PASSED,
    PASSING_VERBS,
    PLAN_MARKERS,
    RESOLUTION,
    SESSION,
    SESSION_TYPES,
    SUBMITTING,
    TERM,
    TERM_AS_WRITTEN,
    TERM_PERIOD,
)
from summarizer.language.numerals import CARDINAL_UNITS, ORDINAL, TEN, TIMES, leading_ordinal
from summarizer.language.posts import ELECTING
from summarizer.language.patterns import alternation, any_word, spaced
from summarizer.text.normalize import fold

from .document import Document
from .gathering_words import gathering_word, last_gathering_word
from .sentences import Sentence
from .tokens import Tokens

_COUNCIL_NAME = alternation(COUNCIL_SPELLINGS[HDND])
_SESSION_TYPE_WORDS = alternation(sorted((w for _, words in SESSION_TYPES for w in words), key=len, reverse=True))
# ``Kỳ họp thứ 20``, ``Kỳ họp chuyên đề thứ Tư``, ``kỳ họp của Thường trực HĐND tỉnh lần thứ hai``: the
# words before the number.
_SESSION_NUMBER = re.compile(
    rf"{spaced(SESSION)}\s+(?:{_SESSION_TYPE_WORDS}\s+)?(?:(?:{OF}\s+)?(?:{spaced(' '.join(STANDING))}\s+)?{_COUNCIL_NAME}[^,.;:]{{0,40}}?\s+)?"
    rf"(?:{TIMES}\s+)?{ORDINAL}\s+"
)
_TERM = any_word((TERM,), tail=r"\s+")
_SITTING_NUMBER = re.compile(rf"[^\W\d_]+(?:\s+[^\W\d_]+)?\s+(?:{TIMES}\s+)?{ORDINAL}\s+")
_PERIOD = re.compile(rf"{spaced(TERM_PERIOD)}\s+((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)")
_COUNCIL = re.compile(rf"{_COUNCIL_NAME}\s+")
# A khóa or nhiệm kỳ belongs to the council when the council (or its session) was named last before it,
# not one of the bodies whose terms news also writes (``Đảng bộ tỉnh khóa XX``, ``UBND tỉnh nhiệm kỳ …``).
_COUNCIL_CONTEXT = re.compile("|".join(spaced(name) for name in (*COUNCIL_SPELLINGS[HDND], SESSION)))
_OTHER_TERM_CONTEXT = re.compile("|".join(spaced(name) for name in OTHER_TERM_BODIES))
_PARTY_CONTEXT = re.compile("|".join(spaced(name) for name in PARTY_TERM_BODIES))
_STATE_CONTEXT = re.compile("|".join(spaced(name) for name in STATE_TERM_BODIES))
_TermContexts = tuple[re.Pattern[str], re.Pattern[str]]
"""The body whose term is sought, and bodies whose terms it does not take (named after it)."""
_COUNCIL_TERMS: _TermContexts = (_COUNCIL_CONTEXT, _OTHER_TERM_CONTEXT)
_PARTY_TERMS: _TermContexts = (_PARTY_CONTEXT, _STATE_CONTEXT)
_CONGRESS_WORD = re.compile(spaced(CONGRESS))
_ELECTION = any_word(ELECTION_WORDS)
_ELECTION_REACH = 40
_ALL_LEVELS = re.compile(rf"\s+{spaced(ALL_LEVELS)}\b")
_CONTEXT_REACH = 90
_PLAN_REACH = 12
_ELECTING = any_word(ELECTING | ELECTION_WORDS)
_ELECTED_PERIOD_REACH = 100
_COUNCIL_REACH = 120
# ``14 (dự thảo) nghị quyết``, ``mười hai nghị quyết``: a count of resolutions, found from the resolution word
# back to its count, token by token.
_RESOLUTION_WORD = any_word((RESOLUTION,))
_DRAFT = tuple(DRAFT.split())
_COUNT_DIGITS = 3
_NUMBER_WORDS = frozenset((*CARDINAL_UNITS, TEN))
"""Words a count in words opens with (``hai``, ``mười``)."""
_PASSING = any_word(PASSING_VERBS)
_PLAN = any_word(PLAN_MARKERS)
_SUBMITTED = any_word(SUBMITTING)
_COUNTED_BEFORE = re.compile(r"\d\s+$")
_CLAUSE_MARKS = ".;!?\n"
_SESSION_TYPES = [(kind, any_word(words)) for kind, words in SESSION_TYPES]
_ANY_SESSION_TYPE = any_word(word for _, words in SESSION_TYPES for word in words)
_SESSION_WORDS = SESSION.split()
_TYPED_NOT_GATHERING = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(sorted(TYPED_NOT_GATHERING, key=len, reverse=True))})\s+$")
# A council and its khóa as written, in lower case (``khoá`` as well as ``khóa``): lines of the headlines
# that hold both are the only ones folded and searched.
_COUNCIL_WRITTEN = re.compile(_COUNCIL_NAME)
_TERM_WRITTEN = re.compile(f"{TERM}|{TERM_AS_WRITTEN}")


def session_number(doc: Document, start: int, end: int) -> int | None:
    """The number of the session named between two offsets (``Kỳ họp thứ Mười lăm`` → 15)."""
    for m in _SESSION_NUMBER.finditer(doc.toks.folded, start, end):
        parsed = leading_ordinal(doc.text[m.end() : m.end() + 20])
        if parsed:
            return parsed[0]
    return None


def sitting_number(doc: Document, keyword_at: int) -> int | None:
    """The ordinal written right after the gathering word at ``keyword_at`` (``phiên họp lần thứ nhất`` → 1)."""
    m = _SITTING_NUMBER.match(doc.toks.folded, keyword_at)
    parsed = leading_ordinal(doc.text[m.end() : m.end() + 20]) if m else None
    return parsed[0] if parsed else None


def council_lines(headlines: Iterable[str]) -> list[tuple[str, str]]:
    """Lines of other texts of the article (its title, its headline) that write a council and its khóa,
    folded and as written (the rest is never searched)."""
    lines = []
    for headline in headlines:
        if not (_COUNCIL_WRITTEN.search(headline.lower()) and _TERM_WRITTEN.search(headline.lower())):
            continue
        for line in headline.splitlines():
            lower = line.lower()
            if _COUNCIL_WRITTEN.search(lower) and _TERM_WRITTEN.search(lower):
                lines.append((fold(line), line))
    return lines


class CouncilTerms:
    """The khóa and nhiệm kỳ the article (or its title) writes after ``HĐND <level>``, for each level,
    worked out once per level: the first of each written after such a mention, in the article's order."""

    def __init__(self, doc: Document, headlines: Iterable[str]) -> None:
        self._doc = doc
        self._headlines = headlines
        self._by_level: dict[str | None, tuple[int | None, str | None]] = {}
        self._lines: list[tuple[str, str]] | None = None

    def written_for(self, level: str | None) -> tuple[int | None, str | None]:
        """The khóa and nhiệm kỳ written for the council of ``level`` (of any level when None)."""
        if level not in self._by_level:
            self._by_level[level] = self._scan(level)
        return self._by_level[level]

    def _sources(self) -> Iterator[tuple[str, str]]:
        """The article, then the lines of its headlines that write a council's khóa (read only if needed)."""
        yield self._doc.toks.folded, self._doc.text
        if self._lines is None:
            self._lines = council_lines(self._headlines)
        yield from self._lines

    def _scan(self, level: str | None) -> tuple[int | None, str | None]:
        found: int | None = None
        period: str | None = None
        for folded, text in self._sources():
            for m in _COUNCIL.finditer(folded):
                if level and not folded.startswith(level, m.end()):
                    continue
                t, p = _term_in(folded, text, m.start(), min(len(text), m.end() + _COUNCIL_REACH), near_council=True)
                found = found or t
                period = period or p
                if found and period:
                    return found, period
        return found, period


def term(
    doc: Document,
    texts: list[Sentence],
    organ: str | None,
    level: str | None,
    article: CouncilTerms,
    *,
    congress: bool = False,
    session: bool = False,
) -> tuple[int | None, str | None]:
    """The khóa and nhiệm kỳ of the body holding the gathering: a council's from the event's sentences, else
    wherever the article (or its title) writes ``HĐND <level> … khóa …``; a Party body's (``Ban Thường vụ
    Tỉnh ủy khóa XX, nhiệm kỳ 2020 - 2025``, a ``congress``'s ``nhiệm kỳ 2025 - 2030``) from the event's
    sentences; a congress's term is none of another Party gathering's (``triển khai Kế hoạch tổ chức Đại hội
    … nhiệm kỳ 2025 - 2030``)."""
    party: bool | None = None
    if organ == HDND:
        contexts = _COUNCIL_TERMS
    elif organ in PARTY_ORGANS:
        contexts, party = _PARTY_TERMS, congress
    else:
        return None, None
    found: int | None = None
    period: str | None = None
    for sentence in texts:
        t, p = _term_in(doc.toks.folded, doc.text, sentence.start, sentence.end, contexts, congress=party)
        found = found or t
        period = period or p
    if organ == HDND and (found is None or period is None):
        t, p = article.written_for(level)
        found = found or t
        period = period or p
    if session and period is None:
        period = next((p for p in (_elected_period(doc, s) for s in texts) if p), None)
    return found, period


def _elected_period(doc: Document, sentence: Sentence) -> str | None:
    """The nhiệm kỳ written with a post the session fills (``bầu thêm một Phó Chủ tịch Ủy ban nhân dân huyện
    nhiệm kỳ 2021 - 2026``)."""
    folded = doc.toks.folded
    for m in _ELECTING.finditer(folded, sentence.start, sentence.end):
        if m.group() in ELECTION_WORDS:
            continue  # ``bầu cử``: an election, not a post filled
        pm = _PERIOD.search(folded, m.end(), min(sentence.end, m.end() + _ELECTED_PERIOD_REACH))
        if pm:
            return f"{pm.group(1)}-{pm.group(2)}"
    return None


def _term_in(
    folded: str,
    text: str,
    start: int,
    end: int,
    contexts: _TermContexts = _COUNCIL_TERMS,
    *,
    near_council: bool = False,
    congress: bool | None = None,
) -> tuple[int | None, str | None]:
    """The first khóa (and the nhiệm kỳ after it) or nhiệm kỳ between two offsets written for the body that
    ``contexts`` names: the body named last before it is that body, and no election's (``bầu cử đại biểu
    HĐND các cấp nhiệm kỳ 2031 – 2036``); a Party term is a congress's only for a congress (``congress``), and
    of a congress only for it."""
    own, _ = contexts
    found: int | None = None
    period: str | None = None
    for m in _TERM.finditer(folded, start, end):
        before = folded[max(start, m.start() - _CONTEXT_REACH) : m.start()]
        if not near_council and not own.search(before):
            continue
        if not _written_for(before, contexts, default=0) or _congress_term(before, congress):
            continue
        parsed = leading_ordinal(text[m.end() : m.end() + 12])
        if parsed is None:
            continue
        found = parsed[0]
        after = folded[m.end() : m.end() + 40]
        pm = _PERIOD.search(after)
        if pm:
            period = f"{pm.group(1)}-{pm.group(2)}"
        break
    if period is None:
        for pm in _PERIOD.finditer(folded, start, end):
            before = folded[max(start, pm.start() - _CONTEXT_REACH) : pm.start()]
            if _written_for(before, contexts, default=-1) and not _congress_term(before, congress):
                period = f"{pm.group(1)}-{pm.group(2)}"
                break
    return found, period


def _congress_term(before: str, congress: bool | None) -> bool:
    """A Party gathering that is no congress does not take a congress's term (``triển khai Kế hoạch tổ chức
    Đại hội đại biểu Đảng bộ phường … lần thứ I, nhiệm kỳ 2025 - 2030``)."""
    return congress is False and _CONGRESS_WORD.search(before) is not None


def _written_for(before: str, contexts: _TermContexts, *, default: int) -> bool:
    """A term written after ``before`` is the body's: it is named there (or, ``default`` 0, need not be),
    no other body after it, and no election before it nor all levels after it."""
    own, other = contexts
    named = list(own.finditer(before))
    last = named[-1].end() if named else default
    if last < 0 or other.search(before[last:]) or _ALL_LEVELS.match(before, last):
        return False
    opening = named[-1].start() if named else 0
    return not _ELECTION.search(before, max(0, opening - _ELECTION_REACH))


def session_type(doc: Document, texts: list[Sentence], kind: str, anchors: list[Sentence] | None = None) -> str | None:
    """``thường kỳ``, ``chuyên đề``, ``bất thường`` as said of this gathering: for a meeting that prepares a
    session (``thống nhất thời gian tổ chức Kỳ họp thứ 14 (bất thường)``) the type is the session's. Outside
    the sentences that report the gathering (``anchors``), a type said after a plan is another gathering's
    (``… sẽ trình … tại kỳ họp thường lệ giữa năm``)."""
    reporting = {s.start for s in anchors} if anchors is not None else None
    for sentence in texts:
        segment = doc.toks.folded[sentence.start : sentence.end]
        if _ANY_SESSION_TYPE.search(segment) is None:
            continue  # no type word in the sentence (each type's word is a word of this union)
        for name, pattern in _SESSION_TYPES:
            for m in pattern.finditer(segment):
                if reporting is not None and sentence.start not in reporting and _PLAN.search(segment, 0, m.start()):
                    continue
                if kind != "session" and last_gathering_word(segment, m.start()) == _SESSION_WORDS:
                    continue
                if _TYPED_NOT_GATHERING.search(segment, max(0, m.start() - 16), m.start()):
                    continue  # ``nội dung chuyên đề``: the type of something else
                return name
    return None


def _by_the_gathering(clause: str) -> bool:
    """The clause before an issuing verb names the gathering as its subject (``Kỳ họp ban hành …``), not a
    number of gatherings (``55 kỳ họp chuyên đề``)."""
    word = gathering_word(clause)
    return word is not None and _COUNTED_BEFORE.search(clause, 0, word[1]) is None


def resolutions(doc: Document, start: int, end: int) -> int | None:
    """How many resolutions the section between two offsets says were passed: a count of nghị quyết after a
    verb of passing in its clause (``thông qua 05 nghị quyết``, ``ban hành 05 Nghị quyết``, ``thông qua các
    báo cáo … cùng 11 nghị quyết``), unless the verb is still planned (``dự kiến thông qua …``)."""
    found = resolution_counts(doc, start, end)
    return found[0][2] if found else None


def resolution_counts(doc: Document, start: int, end: int) -> list[tuple[int, int, int]]:
    """Every count of resolutions passed between two offsets (see ``resolutions``): where its verb starts,
    where the count's phrase ends, and the count."""
    toks = doc.toks
    folded = toks.folded
    out = []
    for word in _RESOLUTION_WORD.finditer(folded, start, end):
        found = _count_before(toks, toks.at(word.start()))
        if found is None:
            continue
        count_start, count = found
        if count_start < start:
            continue
        clause = max(start, *(folded.rfind(mark, start, count_start) + 1 for mark in _CLAUSE_MARKS))
        verbs = list(_PASSING.finditer(folded, clause, count_start))
        if not verbs:
            continue
        verb = verbs[-1]
        if _PLAN.search(folded, clause, verb.start()) or _SUBMITTED.search(folded, max(clause, verb.start() - _PLAN_REACH), verb.start()):
            continue  # ``HĐND tỉnh sẽ xem xét, thông qua 15 nghị quyết``, ``trình HĐND ban hành …``: still to pass
        if verb.group() != PASSED and not _by_the_gathering(folded[clause : verb.start()]):
            continue  # ``tổ chức 55 kỳ họp chuyên đề, ban hành 826 nghị quyết``: a year's review
        joined = len(verbs) > 1 and not folded[verbs[-2].end() : verb.start()].strip()
        opening = verbs[-2].start() if joined else verb.start()  # ``biểu quyết thông qua``
        out.append((opening, word.end(), count))
    return out


def _count_before(toks: Tokens, k: int) -> tuple[int, int] | None:
    """The count written before the resolution word at token ``k`` (``14``, ``mười hai``, past ``dự thảo``):
    where it starts and its value."""
    j = k - len(_DRAFT) if k >= len(_DRAFT) and toks.keys(k - len(_DRAFT), k) == _DRAFT else k
    if j == 0 or not toks.spaced(j):
        return None
    if toks.key_list[j - 1].isdigit():
        word = toks.key_list[j - 1]
        return (toks.starts[j - 1], int(word)) if len(word) <= _COUNT_DIGITS else None
    for length in (2, 1):
        first = j - length
        if first < 0 or toks.key_list[first] not in _NUMBER_WORDS or not toks.joined(first, j):
            continue
        raw = toks.span_text(first, j)
        parsed = leading_ordinal(raw)
        if parsed is not None and parsed[1] == len(raw):
            return toks.starts[first], parsed[0]
    return None
