"""Events: the gatherings an article reports, one per kỳ họp, phiên họp, hội nghị or other meeting.

``gatherings`` finds the sentences that report each gathering; here each becomes an ``Event`` with the
fields the labelling guide asks for, read from its part of the article (from its heading or reporting
sentence to the next gathering's): the body that holds it and its place (``bodies``), its days
(``event_dates``), the session's number, khóa and type and the resolutions passed (``sessions``), and
who chaired it (``chairs``). Fields the reporting sentences leave implicit (the place, the khóa) come
from the rest of the article.
"""

from __future__ import annotations

from summarizer.language.bodies import HDND, PARTY_ORGANS
from summarizer.language.gatherings import CONGRESS, SESSION
from summarizer.language.patterns import any_word
from summarizer.language.levels import PROVINCE
from summarizer.schemas import Event, Span
from summarizer.text.normalize import fold

from .bodies import article_places, council_sits, holder, place_named_for, unit_place
from .schedules import schedule_owner
from .chairs import chairs
from .event_dates import term_days
from .document import Document
from .gathering_words import gathering_word
from .gatherings import Gathering, find_gatherings
from .outcomes import decisions, purpose
from .part_days import stated_length
from .sentences import Sentence
from .sentence_facts import SentenceFacts, section_and_claimed
from .sessions import CouncilTerms, resolution_counts, session_type, sitting_number, term


def find_events(doc: Document, headlines: tuple[str, ...] = ()) -> list[Event]:
    """Every gathering the article reports, in article order.

    ``headlines`` are other texts of the article (its title, its text before cruft was blanked, where
    portals repeat the headline) in which a council's khóa may be written when the body omits it.
    """
    facts = SentenceFacts(doc)
    gatherings = find_gatherings(doc, facts)
    if not gatherings:
        return []
    context = _ArticleContext(doc, headlines, facts)
    context.claimed = _claimed_sentences(doc, facts, gatherings)
    events = [_event(doc, g, gatherings, index, context) for index, g in enumerate(gatherings)]
    headline = _headline(doc) if len(gatherings) == 1 else None
    for g, event in zip(gatherings, events):
        event.title = _label(doc, g.heading) or headline
    return events


_LABEL_MAX = 160
_LABEL_MIN_WORDS = 4
_LABEL_TRIM = " \t-–—•*+:"


def _label(doc: Document, line: Sentence | None) -> str | None:
    """A short line without final punctuation, verbatim, when it names a gathering (``Lãnh đạo tỉnh gặp
    mặt đầu Xuân``); a date line or a byline names none."""
    if line is None or not line.caption:
        return None
    text = doc.text[line.start : line.end].strip(_LABEL_TRIM)
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if len(text) > _LABEL_MAX or len(words) < _LABEL_MIN_WORDS or gathering_word(fold(text)) is None:
        return None
    return text


def _headline(doc: Document) -> str | None:
    """The article's headline: its first line, when that line is a label."""
    return _label(doc, doc.sentences[0]) if doc.sentences else None


_UNSET = object()
_SESSION_WORD = any_word((SESSION,))
_TWO_NAMES = ("meeting", "conference")
"""Kinds one gathering is often called by both (``họp`` in the headline, ``hội nghị`` below)."""
_DECIDING = ("session", "meeting")
"""Gatherings that decide (a council's session, a body's meeting); see ``_decides``."""


class _ArticleContext:
    """What every event may borrow from the whole article, worked out once and only when asked for."""

    def __init__(self, doc: Document, headlines: tuple[str, ...], facts: SentenceFacts) -> None:
        self._doc = doc
        self.facts = facts
        self._places: dict[str, str] | None = None
        self._unit_place: object = _UNSET
        self.council_terms = CouncilTerms(doc, headlines)
        self.claimed: dict[int, int] = {}
        """Sentences naming a session number only one gathering has, by start: that gathering's index."""

    def schedule_place(self) -> str | None:
        """The place of the body whose schedule the article is (named in its opening lines)."""
        owner = schedule_owner(self._doc)
        if owner is None:
            return None
        return owner.locality or (self.place(owner.level) if owner.level else None)

    def place(self, level: str) -> str | None:
        if self._places is None:
            self._places = article_places(self._doc)
        if level in self._places:
            return self._places[level]
        if level == PROVINCE or self._places:
            return None
        if self._unit_place is _UNSET:
            self._unit_place = unit_place(self._doc)
        return self._unit_place  # type: ignore[return-value]


def _event(doc: Document, g: Gathering, all_gatherings: list[Gathering], index: int, context: _ArticleContext) -> Event:
    anchor = g.anchors[0]
    section_start = 0 if index == 0 else _opening(g)
    section_end = _opening(all_gatherings[index + 1]) if index + 1 < len(all_gatherings) else len(doc.text)
    support = _supporting(doc, context.facts, g, section_start, section_end)
    texts = [*(s for s in ([g.heading] if g.heading else [])), *g.anchors, *support]

    kind = g.kind or "other"
    headline = _headline_naming(doc, anchor) if len(all_gatherings) == 1 else None
    if headline is not None and kind in _TWO_NAMES and headline[0] in _TWO_NAMES:
        kind = headline[0]
    organ, level, locality = holder(doc, g, kind, texts)
    sitting = sitting_number(doc, g.keyword_at) if kind == "meeting" and organ == HDND else None
    if sitting is not None and council_sits(doc, g) and _called_session(doc, g, section_start, section_end):
        # The council's own ``phiên họp lần thứ nhất``, called ``kỳ họp`` further on: its first session.
        kind = "session"
    if locality is None and level is not None:
        locality = context.place(level)
    if locality is None and organ is None:
        # ``Tại Hà Nội diễn ra Lễ …``: a gathering with no named holder takes the place named for it.
        locality = place_named_for(doc, anchor)
    if locality is None and g.listed:
        # An item of a schedule: the place of the leaders whose schedule it is.
        locality = context.schedule_place()
    congress = doc.toks.folded.startswith(CONGRESS, g.keyword_at)
    khoa, period = term(doc, texts, organ, level, context.council_terms, congress=congress, session=kind == "session")
    if kind != "session" and any(context.facts.session_number(s.start, s.end) == 1 for s in texts):
        # A meeting that prepares the first session of a new council: the khóa written is the new council's.
        khoa, period = None, None
    start, end = g.span(stated_length(doc, [*g.anchors, *support]))
    number = None
    if kind == "session":
        # A planned session takes its number from the sentences announcing it, up to its days (``triệu tập Kỳ họp
        # thứ 31 … Kỳ họp làm việc … ngày 13 tháng 12``): those after speak of others (``Đối với kỳ họp chuyên đề
        # thứ Tư, …``, a caption's ``Kỳ họp thứ 16 … vừa qua``).
        numbered = [s for s in texts if s.start <= anchor.start or s in g.anchors] if g.planned else texts
        number = g.session_number or sitting or next(
            (n for n in (context.facts.session_number(s.start, s.end) for s in numbered) if n is not None), None
        )
        if start is None and number == 1 and period is not None:
            # The first session of a new term sits in the term's first year.
            start, end = term_days(g.pending, int(period[:4])) or (None, None)
    counts = resolution_counts(doc, section_start, section_end)
    decided = []
    if _decides(kind, organ) and not g.planned:
        for a, b in _own_ranges(doc, context.claimed, index, section_start, section_end):
            # the section's own counts when the range is the whole section (unless sentences are claimed)
            decided += decisions(doc, a, b, counts if (a, b) == (section_start, section_end) else resolution_counts(doc, a, b))
    return Event(
        kind=kind,  # type: ignore[arg-type]
        organ=organ,
        level=level,  # type: ignore[arg-type]
        locality=locality,
        session_number=number,
        term=khoa,
        term_period=period,
        session_type=session_type(  # type: ignore[arg-type]
            doc, [*texts, headline[1]] if headline else texts, kind,
            None if g.planned else [*g.anchors, *([headline[1]] if headline else [])],
        ),
        start_date=start,
        end_date=end,
        chairs=chairs(doc, section_start, section_end),
        resolutions_passed=counts[0][2] if counts else None,
        purpose=purpose(doc, context.facts, g.keyword_at, g.anchors, support),
        decisions=decided,
        evidence=Span(start=anchor.start, end=anchor.end, text=doc.text[anchor.start : anchor.end]),
    )


def _claimed_sentences(doc: Document, facts: SentenceFacts, gatherings: list[Gathering]) -> dict[int, int]:
    """The sentences that name a session number only one of the article's gatherings has (``Kỳ họp thứ 30 đã bầu
    …`` after a sentence on session 28), by start, with the index of that gathering: what they report is its."""
    owners: dict[int, list[int]] = {}
    for index, g in enumerate(gatherings):
        if g.session_number is not None:
            owners.setdefault(g.session_number, []).append(index)
    if len(owners) < 2:
        return {}
    claimed: dict[int, int] = {}
    for sentence in doc.sentences:
        number = facts.session_number(sentence.start, sentence.end)
        found = owners.get(number) if number is not None else None
        if found is not None and len(found) == 1:
            claimed[sentence.start] = found[0]
    return claimed


def _own_ranges(doc: Document, claimed: dict[int, int], index: int, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of the article whose decisions are the gathering's: its section without the sentences another
    gathering claims, and the sentences it claims elsewhere (offsets, in order)."""
    if not claimed:
        return [(start, end)]
    ranges: list[tuple[int, int]] = []
    # Only the section's sentences and those the gathering claims elsewhere can be its (not every sentence of
    # the article for every gathering: an article of many gatherings stays linear).
    for sentence in section_and_claimed(doc, claimed, index, start, end):
        owner = claimed.get(sentence.start)
        inside = start <= sentence.start < end
        if (inside and owner in (None, index)) or (not inside and owner == index):
            if ranges and ranges[-1][1] >= sentence.start - 2:
                ranges[-1] = (ranges[-1][0], sentence.end)
            else:
                ranges.append((sentence.start, sentence.end))
    return ranges


def _decides(kind: str, organ: str | None) -> bool:
    """A council's session, a body's meeting and a Party committee's conference (``Hội nghị BCH Đảng bộ …
    thông qua … nghị quyết``) decide; another conference or a visit reports no decision."""
    return kind in _DECIDING or (kind == "conference" and organ in PARTY_ORGANS)


def _headline_naming(doc: Document, anchor: Sentence) -> tuple[str, Sentence] | None:
    """The headline over the body that reports an article's one gathering, with the kind it names it by: the
    headline's name decides the kind when the body calls it otherwise (LABELING.md: ``họp thường kỳ`` in the
    headline and ``tổ chức hội nghị`` below give ``meeting``), and its words say the gathering's type."""
    headline = doc.sentences[0] if doc.sentences else None
    if headline is None or headline.start == anchor.start or "\n" not in doc.text[headline.end : anchor.start]:
        return None
    found = gathering_word(doc.toks.folded[headline.start : headline.end])
    return (found[0], headline) if found is not None else None


def _called_session(doc: Document, g: Gathering, start: int, end: int) -> bool:
    """The gathering is called a ``kỳ họp`` in a later sentence of its section, and its reporting sentence
    names no session it would be about (``họp thống nhất nội dung kỳ họp thứ 10``)."""
    folded = doc.toks.folded
    anchor = g.anchors[0]
    if _SESSION_WORD.search(folded, anchor.start, anchor.end):
        return False
    return _SESSION_WORD.search(folded, anchor.end, end) is not None


def _opening(g: Gathering) -> int:
    """Where a gathering's part of the article begins: its heading, else its reporting sentence."""
    return g.heading.start if g.heading is not None else g.anchors[0].start


def _supporting(doc: Document, facts: SentenceFacts, g: Gathering, start: int, end: int) -> list[Sentence]:
    """Other sentences of the section that name the same kind of gathering (a title line, a closing line)."""
    out = []
    anchors = set(g.anchors)
    for sentence in doc.sentences_from(start, end):
        if sentence in anchors:
            continue
        keyword = facts.named(sentence.start, sentence.end)
        if keyword is None or keyword[0] != g.kind:
            continue
        number = facts.session_number(sentence.start, sentence.end) if g.kind == "session" else None
        if number and g.session_number and number != g.session_number:
            continue
        out.append(sentence)
    return out
