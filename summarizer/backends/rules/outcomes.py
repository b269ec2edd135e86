"""What a gathering was for and what it decided (LABELING.md, addendum: ``purpose`` and ``decisions``).

The purpose is the clause after ``để`` or ``nhằm`` that follows the gathering's word in a sentence reporting
it (``tổ chức Kỳ họp chuyên đề thứ Ba để xem xét, quyết định …``), else the topic its name carries (``Hội nghị
tổng kết công tác năm 2025 …``, ``họp thường kỳ tháng 10 và triển khai …``, ``Lễ Trao giải thưởng …``), else
the topic after ``về`` (``làm việc với Sở Tài chính về công tác thu chi …``), as written to the end of its
sentence.

The decisions are read from the gathering's part of the article, in order, each once: resolutions (a count
after a verb of passing, else the resolutions it names, else its passing of resolutions), persons elected,
relieved or dismissed with their post, votes of confidence, and approvals. A decision still to come (``sẽ``,
``dự kiến``), submitted (``trình``) or proposed by another body (``Thường trực HĐND đề nghị HĐND xem xét,
miễn nhiệm …``) is none of the gathering's.
"""

from __future__ import annotations

import re

from summarizer.language.directing import DIRECTING_VERBS
from summarizer.language.function_words import AND, OF
from summarizer.language.gatherings import DRAFT, PASSING_VERBS, PLAN_MARKERS, RESOLUTION
from summarizer.language.names import FORMAL_MARKERS
from summarizer.language.posts import HOLDER_PREPOSITIONS
from summarizer.language.outcomes import (
    APPROVAL_VERBS,
    APPROVED_THINGS,
    CONFIDENCE_VOTE,
    DISMISSAL_VERBS,
    ELECTED_PASSIVE,
    ELECTION_VERBS,
    GROUP_POST_ENDS,
    GROUP_POSTS,
    NAME_MODIFIER_REACH,
    POST_LEADS,
    SERVING_AS,
    PROPOSALS,
    NOT_TAKEN_BEFORE,
    PURPOSE_MARKERS,
    PURPOSE_STOPS,
    REELECTED,
    RELIEF_VERBS,
    RESOLUTION_NAMES,
    TOPIC_MARKER,
    TOPIC_VERBS,
)
from summarizer.language.gatherings import ELECTION_WORDS
from summarizer.language.patterns import any_word, spaced
from summarizer.schemas import Decision, Span
from summarizer.text.normalize import fold

from .document import Document
from .names import name_at
from .sentence_facts import SentenceFacts
from .sentences import Sentence
from .titles import parse_title, term_start
from .tokens import PhraseTrie, Tokens

_PURPOSE = any_word(PURPOSE_MARKERS)
_TOPIC = any_word(TOPIC_VERBS)
_TOPIC_MARKER = any_word((TOPIC_MARKER,))
_STOPS = re.compile("|".join(rf"[,\s]\s*{spaced(' '.join(p))}\b" for p in sorted(PURPOSE_STOPS)))
_KINDS = (
    ("confidence_vote", CONFIDENCE_VOTE),
    ("dismissal", DISMISSAL_VERBS),
    ("relief", RELIEF_VERBS),
    ("election", ELECTION_VERBS),
    ("approval", APPROVAL_VERBS),
)
_VERB_KIND = {verb: kind for kind, verbs in _KINDS for verb in verbs}
# Verbs of decisions on persons, and of approvals: two vocabularies of few first syllables each, so that a part
# of the article is searched through them (``patterns.Vocabulary``).
_PERSON_VERB = any_word((_VERB_KIND.keys() - APPROVAL_VERBS) | ELECTION_WORDS)
_APPROVAL = any_word(APPROVAL_VERBS)
_REQUEST = any_word(DIRECTING_VERBS)
_OF = re.compile(rf"\s+{OF}(?![^\W\d_])")
_APPROVED = any_word(APPROVED_THINGS)
_PLAN = any_word(PLAN_MARKERS)
_PROPOSAL = any_word(PROPOSALS)
_PASSING = any_word(PASSING_VERBS)
_NOT_TAKEN_BEFORE = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(sorted(NOT_TAKEN_BEFORE, key=len, reverse=True))})\s+$")
_NOT_TAKEN_REACH = 14
_COUNT_TO_LIST = 30
"""Characters from a count of resolutions to the colon that opens their list (``4 nghị quyết quan trọng, cụ thể:``)."""
_RESOLUTION_NAMES = re.compile(rf"\b(?:{'|'.join(spaced(name) for name in sorted(RESOLUTION_NAMES, key=len, reverse=True))})\b")
_RESOLUTION_WORD = re.compile(rf"\b{spaced(RESOLUTION)}\b")
_POST_LEADS = PhraseTrie(POST_LEADS)
_OWN_TITLES_REACH = 20
"""Tokens of a person's own titles that may stand between their name and ``giữ chức``."""
_GROUP_POSTS = any_word(GROUP_POSTS)
_HOLDER = any_word((" ".join(HOLDER_PREPOSITIONS[0]),))
_COUNTED = re.compile(r"\d+\s+$")
_CLAUSE_MARKS = ";"
_TRIM = " \t\n,.;:–-"
_DECISION_TEXT_MAX = 300
_PASSIVE = any_word((ELECTED_PASSIVE,))
_PASSIVE_REACH = 60
_JOINT_REACH = 10
_DRAFT = re.compile(rf"\b{spaced(DRAFT)}\s+{spaced(RESOLUTION)}\b")


def purpose(
    doc: Document, facts: SentenceFacts, keyword_at: int, anchors: list[Sentence], support: list[Sentence]
) -> str | None:
    """What the gathering whose word stands at ``keyword_at`` (in its first reporting sentence) was for, as
    written (see the module docstring); None when the article does not say."""
    folded = doc.toks.folded
    first = anchors[0]
    found = _purpose_after(doc, first, keyword_at)
    if found:
        return found
    for sentence in [*anchors[1:], *support]:
        word = facts.gathering(sentence.start, sentence.end)
        if word is not None:
            marker = _PURPOSE.search(folded, sentence.start + word[1], min(sentence.end, sentence.start + word[1] + 40))
            if marker is not None:
                return _clause_text(doc, marker.end(), sentence.end)
    return None


def _purpose_after(doc: Document, sentence: Sentence, keyword_at: int) -> str | None:
    folded = doc.toks.folded
    marker = _PURPOSE.search(folded, keyword_at, sentence.end)
    if marker is not None:
        return _clause_text(doc, marker.end(), sentence.end)
    toks = doc.toks
    k = toks.at(keyword_at)
    reach = toks.starts[min(toks.n - 1, k + NAME_MODIFIER_REACH)] if k < toks.n else sentence.end
    topic = _TOPIC.search(folded, keyword_at, min(sentence.end, reach + 1))
    if topic is not None:
        return _clause_text(doc, topic.start(), sentence.end)
    about = _TOPIC_MARKER.search(folded, keyword_at, sentence.end)
    if about is not None:
        return _clause_text(doc, about.end(), sentence.end)
    return None


def _clause_text(doc: Document, start: int, end: int) -> str | None:
    """The text from ``start`` to the end of its sentence, before who chairs or attends, trimmed."""
    stop = _STOPS.search(doc.toks.folded, start, end)
    if stop is not None:
        end = stop.start()
    text = doc.text[start:end].strip(_TRIM)
    return text or None


def decisions(doc: Document, start: int, end: int, counts: list[tuple[int, int, int]]) -> list[Decision]:
    """What the gathering whose part of the article runs between two offsets decided, in order, each once
    (``counts``: the counts of resolutions passed there, ``sessions.resolution_counts``)."""
    out: list[Decision] = []
    seen: set[tuple[str, str]] = set()

    def add(decision: Decision | None) -> None:
        if decision is None:
            return
        key = (decision.kind, _key(decision))
        if key not in seen:
            seen.add(key)
            out.append(decision)

    resolutions = _resolutions(doc, start, end, counts)
    found: list[tuple[int, Decision]] = [(d.evidence.start if d.evidence else 0, d) for d in resolutions]
    found.extend((d.evidence.start if d.evidence else 0, d) for d in _person_decisions(doc, start, end))
    for _, decision in sorted(found, key=lambda item: item[0]):
        add(decision)
    return out


def _key(decision: Decision) -> str:
    if decision.person:
        return " ".join(decision.person.lower().split())
    if decision.kind == "resolution":
        return decision.text.lower()
    return " ".join((decision.post or decision.text).lower().split())


def _clause(doc: Document, sentence: Sentence, offset: int) -> tuple[int, int]:
    """The clause of ``sentence`` holding ``offset``: between semicolons."""
    text = doc.text
    start = max(sentence.start, text.rfind(_CLAUSE_MARKS, sentence.start, offset) + 1)
    stop = text.find(_CLAUSE_MARKS, offset, sentence.end)
    return start, (sentence.end if stop < 0 else stop)


def _taken(doc: Document, clause_start: int, verb_start: int) -> bool:
    """Nothing before the verb in its clause makes the decision planned, submitted, proposed or requested."""
    folded = doc.toks.folded
    if _NOT_TAKEN_BEFORE.search(folded, max(clause_start, verb_start - _NOT_TAKEN_REACH), verb_start):
        return False  # ``để thông qua …``, ``Việc thông qua … là …``, ``Nghị quyết ban hành …``
    if any(_OF.match(folded, m.end()) is None for m in _REQUEST.finditer(folded, clause_start, verb_start)):
        return False  # ``giao Sở … tham mưu UBND tỉnh ban hành kế hoạch …``: a request, not a decision taken
    return _PLAN.search(folded, clause_start, verb_start) is None and _PROPOSAL.search(folded, clause_start, verb_start) is None


def _span(doc: Document, start: int, end: int) -> tuple[str, Span] | None:
    text = doc.text[start:end].strip(_TRIM)
    if not text:
        return None
    start = doc.text.index(text, start)
    return text[:_DECISION_TEXT_MAX], Span(start=start, end=start + len(text), text=text)


def _resolutions(doc: Document, start: int, end: int, counts: list[tuple[int, int, int]]) -> list[Decision]:
    """The resolutions passed: the first count of them (its phrase), else each one named after a verb of
    passing (``thông qua Nghị quyết về … và Nghị quyết về …``), else the passing of resolutions as said; and
    what a verb of passing approves that is no resolution (``thông qua chủ trương …``)."""
    counted: list[Decision] = []
    for verb_start, count_end, _ in counts:
        sentence = doc.sentence_at(verb_start)
        listed = _listed_after_count(doc, count_end, sentence.end) if sentence else []
        if listed:
            # ``thông qua 4 nghị quyết quan trọng, cụ thể: Nghị quyết về …; Nghị quyết về …``
            return [*listed, *_approvals_and_named(doc, start, end)[1]]
    for verb_start, count_end, _ in counts:
        sentence = doc.sentence_at(verb_start)
        stop = _clause(doc, sentence, verb_start)[1] if sentence else count_end
        made = _span(doc, verb_start, _before_comma(doc, count_end, stop))
        if made:
            counted = [Decision(kind="resolution", text=made[0], evidence=made[1])]
            break
    named, approvals, generic = _approvals_and_named(doc, start, end)
    return [*(counted or named or generic), *approvals]


def _approvals_and_named(doc: Document, start: int, end: int) -> tuple[list[Decision], list[Decision], list[Decision]]:
    """After each verb of passing between two offsets: the resolutions it names, what it approves that is no
    resolution, and the passing of resolutions as said when it names none."""
    folded = doc.toks.folded
    named: list[Decision] = []
    generic: list[Decision] = []
    approvals: list[Decision] = []
    for verb in _PASSING.finditer(folded, start, end):
        sentence = doc.sentence_at(verb.start())
        if sentence is None:
            continue
        clause_start, clause_end = _clause(doc, sentence, verb.start())
        if not _taken(doc, clause_start, verb.start()):
            continue
        if _APPROVED.match(folded, verb.end() + 1):
            # ``thông qua chủ trương vay vốn …``: an approval, not a resolution.
            made = _span(doc, verb.start(), _before_comma(doc, verb.end(), clause_end))
            if made:
                approvals.append(Decision(kind="approval", text=made[0], evidence=made[1]))
            continue
        names = list(_RESOLUTION_NAMES.finditer(folded, verb.end(), clause_end))
        for index, m in enumerate(names):
            item_end = names[index + 1].start() if index + 1 < len(names) else clause_end
            made = _span(doc, m.start(), _before_joint(doc, item_end))
            if made:
                named.append(Decision(kind="resolution", text=made[0], evidence=made[1]))
        if not names and not generic and _RESOLUTION_WORD.search(folded, verb.end(), clause_end) and not _DRAFT.search(folded, verb.end(), clause_end):
            made = _span(doc, verb.start(), _before_comma(doc, verb.end(), clause_end))
            if made:
                generic.append(Decision(kind="resolution", text=made[0], evidence=made[1]))
    return named, approvals, generic


def _listed_after_count(doc: Document, count_end: int, sentence_end: int) -> list[Decision]:
    """The resolutions a count announces and then lists after a colon, each by its name (LABELING.md: one item
    per resolution the article names)."""
    colon = doc.text.find(":", count_end, sentence_end)
    if colon < 0 or colon - count_end > _COUNT_TO_LIST:
        return []
    folded = doc.toks.folded
    names = list(_RESOLUTION_NAMES.finditer(folded, colon, sentence_end))
    out: list[Decision] = []
    for index, m in enumerate(names):
        item_end = names[index + 1].start() if index + 1 < len(names) else sentence_end
        made = _span(doc, m.start(), _before_joint(doc, item_end))
        if made:
            out.append(Decision(kind="resolution", text=made[0], evidence=made[1]))
    return out


def _before_comma(doc: Document, start: int, end: int) -> int:
    """Where a decision's phrase from ``start`` ends: its clause's end, or a comma before it."""
    comma = doc.text.find(",", start, end)
    return end if comma < 0 else comma


def _before_joint(doc: Document, end: int) -> int:
    """Before the ``và`` that joins the next named resolution."""
    text = doc.toks.folded[max(0, end - _JOINT_REACH) : end].rstrip()
    return end - _JOINT_REACH + len(text) - len(AND) if text.endswith(f" {AND}") and end >= _JOINT_REACH else end


def _person_decisions(doc: Document, start: int, end: int) -> list[Decision]:
    """Elections, reliefs, dismissals, votes of confidence and approvals stated between two offsets."""
    toks = doc.toks
    folded = toks.folded
    out: list[Decision] = []
    verbs = sorted((*_PERSON_VERB.finditer(folded, start, end), *_APPROVAL.finditer(folded, start, end)), key=lambda m: m.start())
    for verb in verbs:
        kind = _VERB_KIND.get(verb.group())
        sentence = doc.sentence_at(verb.start())
        if kind is None or sentence is None:
            continue  # ``bầu cử``: an election, not a post filled
        clause_start, clause_end = _clause(doc, sentence, verb.start())
        if not _taken(doc, clause_start, verb.start()):
            continue
        if kind == "approval":
            if _OF.match(folded, verb.end()):
                continue  # ``Được sự chấp thuận của Ban Thường vụ …``: a noun, someone else's approval
            made = _span(doc, verb.start(), clause_end)
            if made:
                out.append(Decision(kind="approval", text=made[0], evidence=made[1]))
            continue
        k = toks.at(verb.end())
        k += _POST_LEADS.longest(toks, k) if k < toks.n and toks.spaced(k) else 0
        person = _person_at(toks, k)  # ``bầu ông Trần Văn A giữ chức …``
        if person is not None:
            k = person[1] + _POST_LEADS.longest(toks, person[1])
            lead = _post_lead_after(toks, k, clause_end)
            if lead is not None:
                k = lead  # ``bầu đồng chí A, Phó Bí thư Tỉnh ủy giữ chức Chủ tịch HĐND tỉnh``: the post after giữ chức
        post_parse = parse_title(toks, k, lower=True) if k < toks.n and toks.starts[k] < clause_end else None
        post_end = post_parse.end if post_parse else k
        post = toks.span_text(post_parse.start, term_start(toks, post_parse.start, post_parse.end)) if post_parse else None
        text_start = verb.start()
        if person is None:
            holder = _HOLDER.search(folded, toks.starts[post_end] if post_end < toks.n else clause_end, clause_end)
            person = _person_at(toks, toks.at(holder.end())) if holder else None
        passive = _PASSIVE.search(folded, max(clause_start, verb.start() - _PASSIVE_REACH), verb.start())
        if person is None and (passive is not None or verb.group() in REELECTED):
            # ``ông A, … được các đại biểu tín nhiệm bầu giữ chức …``, ``đồng chí B - … tái cử …``
            named = _named_before(doc, clause_start, passive.start() if passive else verb.start())
            if named is not None:
                person, text_start = named, toks.starts[named[0]]
        if person is None:
            if kind != "election" or not _group_post(doc, verb.end(), post):
                continue
            made = _span(doc, verb.start(), clause_end)
            if made:
                out.append(Decision(kind="election", text=made[0], post=_group_post(doc, verb.end(), post), evidence=made[1]))
            continue
        name = toks.span_text(*person)
        end = max(toks.ends[person[1] - 1], toks.ends[post_end - 1] if post_parse else 0)
        made = _span(doc, text_start, end)
        if made and (post or kind == "confidence_vote"):
            out.append(Decision(kind=kind, text=made[0], person=name, post=post, evidence=made[1]))  # type: ignore[arg-type]
    return out




def _post_lead_after(toks: Tokens, k: int, clause_end: int) -> int | None:
    """Where the post starts after ``giữ chức`` (or another post lead) past the person's own titles, from token
    ``k`` to the clause's end; None when there is none (the post follows the person)."""
    j = k
    while j < toks.n and toks.starts[j] < clause_end and j - k <= _OWN_TITLES_REACH:
        length = _POST_LEADS.longest(toks, j) if j > k and toks.spaced(j) else 0
        if length and toks.keys(j, j + length) != SERVING_AS:
            return j + length
        j += 1
    return None


def _person_at(toks: Tokens, k: int) -> tuple[int, int] | None:
    """A person named at token ``k`` after ``ông``/``bà``/``đồng chí``."""
    for marker in FORMAL_MARKERS:
        if toks.match(k, marker) and k + len(marker) < toks.n and toks.spaced(k + len(marker)):
            return name_at(toks, k + len(marker), strong=True)
    return None


def _named_before(doc: Document, start: int, end: int) -> tuple[int, int] | None:
    """The last person named between two offsets (``ông Nguyễn Đức Tuy, …, Bí thư Thành ủy được … bầu``)."""
    found = None
    for mention in doc.mentions_from(start, end):
        if mention.kind == "named" and mention.name and doc.person(mention.name):
            found = mention
    if found is None:
        return None
    toks = doc.toks
    return toks.at(found.name_start), toks.at(found.name_end)


def _group_post(doc: Document, after: int, post: str | None) -> str | None:
    """A post elected as a group, with no person named: a counted one (``bầu 15 ủy viên UBND thành phố``)
    or a group post (``bầu Hội thẩm nhân dân …``)."""
    toks = doc.toks
    k = toks.at(after)
    if k < toks.n and _GROUP_POSTS.match(toks.folded, toks.starts[k]):
        stop = toks.text.find(",", toks.starts[k])
        line_end = toks.text.find("\n", toks.starts[k])
        ends = [i for i in (stop, line_end, toks.text.find(";", toks.starts[k]), toks.text.find(".", toks.starts[k])) if i >= 0]
        end = min(ends) if ends else len(toks.text)
        words = toks.text[toks.starts[k] : end].split()
        cut = next((i for i, w in enumerate(words) if fold(w) in GROUP_POST_ENDS), len(words))
        return " ".join(words[:cut]) or None
    if k + 1 < toks.n and toks.key_list[k].isdigit() and post is None:
        parsed = parse_title(toks, k + 1, lower=True)
        return toks.span_text(parsed.start, term_start(toks, parsed.start, parsed.end)) if parsed else None
    return None

