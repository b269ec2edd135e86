"""Directives: one per directing verb (yêu cầu, đề nghị, chỉ đạo, giao, lưu ý, mong muốn, kêu gọi) whose
subject is a named official, a title or ``đồng chí`` that resolves to one, or a body.

A verb counts only where a subject stands right before it (``Chủ tịch UBND tỉnh Nguyễn Đăng Bình đề
nghị``, ``Đồng chí đề nghị``, ``UBND tỉnh yêu cầu``) or where it continues that subject's sentence
(``…; yêu cầu``, ``… và yêu cầu``). Everywhere else it is a noun or a complement: ``đáp ứng được yêu
cầu của đại biểu``, ``dưới sự lãnh đạo, chỉ đạo của``, ``dự chỉ đạo kỳ họp``, ``nhiệm vụ được giao``.
After the verb come the addressees (a noun phrase of bodies and groups) and the content, which runs to
the end of the sentence or to a clause with a subject of its own.
"""

from __future__ import annotations

import datetime as dt
from itertools import islice
import re
from bisect import bisect_left

from summarizer.language.bodies import BODY_FIRST_WORDS, STANDING
from summarizer.language.directing import (
    ADDRESSEE_DETERMINERS,
    ADDRESSEE_HEADS,
    ADDRESSEE_MODIFIERS,
    ADVERBIAL_OPENER_FIRST_WORDS,
    ASSIGN,
    ATTENDING,
    BODY_HEADS,
    CHAINED_VERBS,
    COORDINATORS,
    DETERMINED_ONLY_HEADS,
    DIRECTING_VERBS,
    DROPPED_SUBJECT_CONNECTIVES,
    DROPPED_SUBJECT_FRAMES,
    FIRST_PERSON,
    HEAD_VERBS,
    LEADERSHIP,
    LIST_ITEM_OPENERS,
    NOUN_BEFORE,
    NOUN_GOVERNORS,
    ORGANISATION,
    SPEECH_VERBS,
    SUBJECT_ADVERBS,
    SUBJECT_OPENERS,
    TASK,
    UNIT_LEADER_FIRST_WORDS,
    VERB_NOUN_AFTER,
    WHOLE_ONLY_HEADS,
)
from summarizer.language.function_words import ALL_OF, AND, BELONGING, COPULA, FOR, INCLUDING, PLURAL, TOGETHER_WITH
from summarizer.language.levels import LOCAL_LEVELS
from summarizer.language.patterns import any_word
from summarizer.language.tables import first_words
from summarizer.schemas import Directive, Span

from .document import Document
from .officials import Mention
from .sentences import Sentence
from .titles import continue_body, head_at, level_at, organ_at
from .tokens import PhraseTrie, Tokens

_VERB = any_word(DIRECTING_VERBS)
_LAST_DAY_REACH = 12
_ATTENDING = re.compile(rf"(?<![^\W\d_])(?:{'|'.join(sorted(ATTENDING, key=len, reverse=True))})\s+(?:{AND}\s+)?$")
_ATTENDING_REACH = 16
_GOVERNORS = {verb: any_word(words) for verb, words in NOUN_GOVERNORS.items()}
_HEADS = PhraseTrie(ADDRESSEE_HEADS)
_BODY_HEADS = PhraseTrie(BODY_HEADS)
# First words: most tokens start no determiner, and are passed over with one set lookup.
_DETERMINER_FIRSTS = first_words(ADDRESSEE_DETERMINERS)
_WITH = " ".join(TOGETHER_WITH)
_INCLUDING_FIRST = frozenset(INCLUDING[:1])
_TRAILING = " \t.,;:…/"
_OPENING_MARKS = ("(", "“", '"')
_CONTENT_MIN_TOKENS = 2
_ADVERBIAL_COMMAS = 3
_DROPPED_SUBJECT_REACH = 2
_FRAME_MAX_TOKENS = 40
# A line that is an item of a list: a mark, a number, or an ordinal phrase, then the item.
_LIST_ITEM = re.compile(
    rf"\s*(?:[-–+•*]\s*|\(?\d{{1,2}}[.)]\s+|[^\W\d_]\)\s+|(?i:{'|'.join(sorted(LIST_ITEM_OPENERS))})\s*[,:]\s*)\S"
)
_FINAL_MARKS = ".!?…:;\"”’)"
_CLOSING_QUOTES = "”\"»"
_OPENING_QUOTES = "“\"«"


def find_directives(doc: Document) -> list[Directive]:
    """Every directive of the article, in order, each request repeated word for word kept once."""
    toks = doc.toks
    mention_by_end = {m.end: m for m in doc.mentions}
    out: list[Directive] = []
    seen: set[tuple[str, str, str]] = set()
    # The issuer of the last directive and the index of its sentence: a subjectless request in the next
    # sentences (``Đồng thời đề nghị …``, ``Đối với …, giao …``) is theirs.
    last: tuple[str, int] | None = None
    for number, sentence in enumerate(doc.sentences):
        accepted: list[tuple[int, int, str, str]] = []
        previous_issuer: str | None = None
        for match in _VERB.finditer(toks.folded, sentence.start, sentence.end):
            v = toks.at(match.start())
            verb_len = len(match.group().split())
            if _used_as_noun(toks, v + verb_len, match.group()) or _bracketed_note(toks, v) or _governed(doc, sentence, match):
                continue
            if accepted and accepted[-1][2] == ASSIGN and _task_of_assignment(doc, accepted[-1][0], v, mention_by_end):
                continue  # ``giao Thường trực HĐND xây dựng kế hoạch …; chỉ đạo việc theo dõi …``: a task assigned
            issuer = _issuer(doc, sentence, v, mention_by_end, previous_issuer)
            if issuer is None and _subject_dropped(toks, sentence, v, verb_len):
                recent = last[0] if last is not None and number - last[1] <= _DROPPED_SUBJECT_REACH else None
                issuer = recent or doc.last_speaker(toks.starts[v])
            if issuer is None and match.group() in CHAINED_VERBS:
                issuer = _chained_issuer(doc, sentence, v, verb_len)
            if issuer is not None:
                accepted.append((v, verb_len, match.group(), issuer))
                previous_issuer = issuer
                last = (issuer, number)
        reach = _list_end(doc.text, sentence.end) if accepted else sentence.end
        for index, (v, verb_len, verb_key, issuer) in enumerate(accepted):
            stop = toks.starts[accepted[index + 1][0]] if index + 1 < len(accepted) else reach
            directive = _directive(doc, issuer, v, verb_len, verb_key, _quotation_end(doc.text, sentence.start, toks.starts[v], stop), reach)
            if directive is None:
                continue
            key = (directive.issuer, directive.verb.lower(), " ".join(directive.content.lower().split()))
            if key in seen:
                continue
            seen.add(key)
            out.append(directive)
    return out


def _task_of_assignment(doc: Document, assigned: int, v: int, mention_by_end: dict[int, Mention]) -> bool:
    """The directing verb at token ``v`` names one more task of the ``giao`` at token ``assigned``: a
    semicolon stands between them and nobody is named as its own subject."""
    toks = doc.toks
    if ";" not in doc.text[toks.starts[assigned] : toks.starts[v]]:
        return False
    k = _adverbs_start(toks, v, assigned + 1)
    gap = toks.gap(k).strip()
    return gap.endswith(";") or (not gap and toks.ends[k - 1] not in mention_by_end and _body_before(toks, k, toks.starts[assigned]) is None)


def _chained_issuer(doc: Document, sentence: Sentence, v: int, verb_len: int) -> str | None:
    """``Đồng chí A, Chủ tịch HĐND xã bế mạc kỳ họp và nhấn mạnh … kêu gọi toàn Đảng, toàn dân …``: the
    last of a chain of predicates whose subject opens the sentence, when the request names its addressees."""
    toks = doc.toks
    if sentence.caption or not parse_addressees(toks, v + verb_len, sentence.end)[0]:
        return None
    first = toks.at(sentence.start)
    before = [m for m in doc.mentions_from(sentence.start, toks.starts[v]) if m.end <= toks.starts[v]]
    if not before:
        # ``UBND thành phố Đà Nẵng vừa ban hành Công điện … yêu cầu …``: a body opening the sentence.
        return _sentence_body(doc, sentence, v)
    if before[0].kind == "pronoun":
        return None
    opening = toks.at(before[0].start)
    if opening - first > 2 or any(m.kind == "named" and m.name != before[0].name for m in before[1:]):
        return None
    return doc.resolve(before[0], before[0].start)


def _subject_dropped(toks: Tokens, sentence: Sentence, v: int, verb_len: int) -> bool:
    """A sentence that goes on with the previous speaker's requests without naming them: a connective
    opens it (``Đồng thời đề nghị …``, ``Bên cạnh đó, yêu cầu …``), or a framing phrase and its comma
    (``Đối với kế hoạch khảo sát …, giao các Ban …``), or the verb itself with its addressees (``Đề nghị
    UBND huyện chỉ đạo …`` after a sentence in which the speaker is named), adverbs of the verb left aside
    (``Trong đó, đặc biệt lưu ý …``)."""
    first = toks.at(sentence.start)
    if v == first and not sentence.caption:
        units, _ = parse_addressees(toks, v + verb_len, sentence.end)
        return bool(units)
    if v <= first or v - first > _FRAME_MAX_TOKENS:
        return False
    for end in {v, _adverbs_start(toks, v, first)}:
        opening = toks.phrase(first, end)
        if end > first and opening in DROPPED_SUBJECT_CONNECTIVES and (toks.joined(first, end) or toks.gap(end).strip() == ","):
            return True
    if toks.gap(v).strip() != "," or toks.gap(v - 1).strip():
        return False
    return any(toks.phrase(first, first + len(o.split())) == o for o in DROPPED_SUBJECT_FRAMES)


def _adverbs_start(toks: Tokens, v: int, floor: int) -> int:
    """Where the adverbs right before the verb at ``v`` start (``đặc biệt`` lưu ý), not before token ``floor``."""
    while v > floor and toks.spaced(v):
        for length in (2, 1):
            if v - length >= floor and " ".join(toks.keys(v - length, v)) in SUBJECT_ADVERBS:
                v -= length
                break
        else:
            break
    return v


def _bracketed_note(toks: Tokens, v: int) -> bool:
    """``(Giao Văn phòng … chuẩn bị)``: a schedule's note in brackets names no giver, and is no request."""
    return v > 0 and toks.gap(v).rstrip().endswith("(")


def _used_as_noun(toks: Tokens, after: int, verb: str) -> bool:
    """``yêu cầu của``, ``giao thông``: the verb word is part of a noun here (never before a capitalised name:
    ``giao Ban Cán sự đảng …`` assigns, where ``giao ban`` is a briefing)."""
    if after >= toks.n or not toks.spaced(after) or toks.cap_list[after]:
        return False
    blocked = VERB_NOUN_AFTER.get(verb, frozenset())
    two = " ".join(toks.keys(after, after + 2))
    return toks.key_list[after] in blocked or two in blocked


def _governed(doc: Document, sentence: Sentence, match: re.Match[str]) -> bool:
    """The verb word is the object of a verb before it in its clause (``đáp ứng … và yêu cầu phát triển …``), or
    goes with attending (``dự và chỉ đạo Đại hội``)."""
    if _ATTENDING.search(doc.toks.folded, max(sentence.start, match.start() - _ATTENDING_REACH), match.start()):
        return True
    toks = doc.toks
    v = toks.at(match.start())
    if v > 0 and toks.spaced(v) and toks.key_list[v - 1] in NOUN_BEFORE.get(match.group(), ()):
        return True  # ``đưa yêu cầu … lên trên hết``, ``theo yêu cầu``: a noun
    governor = _GOVERNORS.get(match.group())
    if governor is None:
        return False
    folded = doc.toks.folded
    clause = max(sentence.start, *(folded.rfind(mark, sentence.start, match.start()) for mark in ",;:"))
    return governor.search(folded, clause, match.start()) is not None


def _issuer(
    doc: Document, sentence: Sentence, v: int, mention_by_end: dict[int, Mention], previous: str | None
) -> str | None:
    toks = doc.toks
    k = _adverbs_start(toks, v, 0)
    if k == 0:
        return None
    gap = toks.gap(k)
    if toks.key_list[k - 1] in FIRST_PERSON and not gap.strip():
        # ``“Tôi đề nghị …”, đồng chí A nhấn mạnh``: the speaker's request.
        return _speaker(doc, sentence, toks.starts[v])
    subject_end = toks.ends[k - 1]
    mention = mention_by_end.get(subject_end)
    if mention is not None and not gap.strip():
        resolved = doc.resolve(mention, toks.starts[v])
        if resolved is not None or mention.kind != "title":
            return resolved
        # a post no one is named for: the body it also names (``Thường trực Ban Bí thư giao …``), if it is one
    body = _body_before(toks, k, sentence.start)
    if body is not None and not gap.strip():
        return body
    coordinated = ";" in gap or (toks.key_list[k - 1] in COORDINATORS and toks.spaced(k))
    # ``…, đồng thời yêu cầu …``: a coordinator read as an adverb of the verb joins it to the sentence's subject.
    coordinated = coordinated or any(" ".join(toks.keys(i, j)) in COORDINATORS for i in range(k, v) for j in (i + 1, i + 2) if j <= v)
    if not coordinated and k >= 2 and " ".join(toks.keys(k - 2, k)) in COORDINATORS:
        coordinated = True
    if coordinated:
        return previous or _sentence_subject(doc, sentence, toks.starts[v]) or _sentence_body(doc, sentence, k)
    return None


def _speaker(doc: Document, sentence: Sentence, offset: int) -> str | None:
    """Who says a quotation holding ``offset``: the person named after it in the sentence, else the person
    last named before it."""
    for mention in doc.mentions_from(offset, sentence.end):
        if mention.kind != "pronoun":
            name = doc.resolve(mention, mention.start)
            if name:
                return name
    return doc.last_speaker(offset)


def _quotation_end(text: str, start: int, offset: int, stop: int) -> int:
    """A request inside a quotation (``“Tôi đề nghị …”, ông A nói``) ends with it: where the quotation
    opened before ``offset`` closes, else ``stop``."""
    opening = max(text.rfind(q, start, offset) for q in _OPENING_QUOTES)
    if opening < 0 or any(q in text[opening + 1 : offset] for q in _CLOSING_QUOTES if q != '"'):
        return stop
    closing = [i for i in (text.find(q, offset, stop) for q in _CLOSING_QUOTES) if i >= 0]
    return min(closing) if closing else stop


def _body_before(toks: Tokens, end: int, floor: int) -> str | None:
    """A body named just before token ``end`` at the head of its clause (``UBND tỉnh``, ``Thường trực HĐND``)."""
    for start in range(max(0, end - 10), end):
        if toks.starts[start] < floor or toks.key_list[start] not in BODY_FIRST_WORDS:
            continue
        if toks.gap(start).endswith(("/", "-")):
            continue  # ``Công văn số 123/UBND-KT``: a document's number, not a body
        if not toks.cap_list[start] and not _lower_standing_body(toks, start):
            continue
        head_end = head_at(toks, start)
        if head_end is not None:
            if head_end == end and toks.match(start, STANDING) and (toks.starts[start] == floor or not toks.spaced(start)):
                return toks.span_text(start, end)  # ``Thường trực Ban Bí thư chỉ đạo``: the body, no one's post
            continue  # a post (``Chủ tịch UBND tỉnh``), not a body
        if start > 0 and toks.spaced(start) and toks.key_list[start - 1] != AND:
            if toks.starts[start] != floor:
                continue
        body_end, _ = continue_body(toks, start)
        if body_end == end and (organ_at(toks, start) or end - start >= 2):
            return toks.span_text(start, end)
    return None


def _lower_standing_body(toks: Tokens, start: int) -> bool:
    """``thường trực HĐND huyện``: the standing body of a council, as some portals write it in lower case."""
    return toks.match(start, STANDING) and start + len(STANDING) < toks.n and organ_at(toks, start + len(STANDING)) is not None


def _sentence_subject(doc: Document, sentence: Sentence, before: int) -> str | None:
    """The person the sentence is about: its first person mention before ``before``."""
    for mention in doc.mentions_after(sentence.start):
        if mention.start >= sentence.start and mention.end <= before:
            return doc.resolve(mention, mention.start)
        if mention.start >= before:
            break
    return None


def _sentence_body(doc: Document, sentence: Sentence, before: int) -> str | None:
    """The body the sentence is about: one opening a clause before token ``before`` and followed by its verb
    (``Tại phiên họp …, Thường trực HĐND thành phố đánh giá cao …; đề nghị …``)."""
    toks = doc.toks
    first = toks.at(sentence.start)
    for j in range(first, before):
        if j != first and not toks.gap(j).strip().endswith(","):
            continue
        if not ((toks.cap_list[j] and toks.key_list[j] in BODY_FIRST_WORDS) or _lower_standing_body(toks, j)):
            continue
        end, _ = continue_body(toks, j)
        if end < before and (organ_at(toks, j) or end - j >= 2) and not toks.gap(end).strip():
            return toks.span_text(j, end)
    return None


def _directive(
    doc: Document, issuer: str, v: int, verb_len: int, verb_key: str, stop: int, sentence_end: int
) -> Directive | None:
    toks = doc.toks
    verb_text = toks.span_text(v, v + verb_len)
    c = v + verb_len
    if c >= toks.n or toks.starts[c] >= sentence_end:
        return None
    c = _skip_premise(toks, c, sentence_end)
    if _cut_after_addressees(toks, c, sentence_end):
        return None
    if verb_key == ASSIGN and toks.keys(c, c + len(TASK)) == TASK and c + len(TASK) < toks.n and toks.key_list[c + len(TASK)] == FOR:
        c += len(TASK)  # ``giao nhiệm vụ cho Ban Tổ chức …``: the task word, then the addressees after ``cho``
    if verb_key == ASSIGN and toks.key_list[c] == FOR and c + 1 < toks.n and toks.spaced(c + 1):
        c += 1  # ``giao cho các xã …``: the addressees follow the preposition
    units, content = parse_addressees(toks, c, sentence_end)
    if not units and toks.key_list[c] in ADVERBIAL_OPENER_FIRST_WORDS:
        units, content = _after_adverbial(toks, c, sentence_end, units, content)
    if verb_key == ASSIGN and not units:
        return None
    end_char = _content_end(toks, content, min(stop, sentence_end), sentence_end)
    if content >= toks.n or toks.starts[content] >= end_char:
        return None
    start_char = toks.starts[content]
    if toks.gap(content).rstrip()[-1:] in _OPENING_MARKS:
        start_char -= len(toks.gap(content)) - len(toks.gap(content).rstrip()) + 1  # ``(1) Tập trung …``
    end_char = _before_enumeration(toks, content, end_char)
    text = doc.text[start_char:end_char].rstrip(_TRAILING)
    while text and text[-1] in _CLOSING_QUOTES and not any(q in text for q in _OPENING_QUOTES):
        text = text[:-1].rstrip(_TRAILING)  # ``đề nghị: “Các đơn vị phải …”``: the quotation's closing mark
    if len(text.split()) < _CONTENT_MIN_TOKENS:
        return None
    end_char = start_char + len(text)
    return Directive(
        issuer=issuer,
        verb=verb_text,
        addressees=_addressee_texts(toks, units),
        content=text,
        deadline=_deadline(doc, start_char, end_char),
        evidence=Span(start=start_char, end=end_char, text=doc.text[start_char:end_char]),
    )


def _cut_after_addressees(toks: Tokens, c: int, sentence_end: int) -> bool:
    """``… kêu gọi các cơ quan, đoàn thể và đồng bào các dân tộc trên địa bàn tỉnh`` at the end of an excerpt:
    the sentence breaks off (no final stop) right after the addressees, before the request."""
    if toks.text[sentence_end - 1 : sentence_end] in _FINAL_MARKS:
        return False
    units, k = _addressee_run(toks, c, sentence_end)
    return bool(units) and (k >= toks.n or toks.starts[k] >= sentence_end)


def _skip_premise(toks: Tokens, c: int, sentence_end: int) -> int:
    """``đề nghị: năm 2021 là năm đầu tiên …; địa phương nghiên cứu …``: the request follows the premise."""
    if ":" not in toks.gap(c):
        return c
    for k in range(c, min(c + 6, toks.n)):
        if toks.starts[k] >= sentence_end or (k > c and toks.gap(k).strip()):
            break
        if toks.key_list[k] == COPULA:
            for j in range(k, toks.n):
                if toks.starts[j] >= sentence_end:
                    return c
                if ";" in toks.gap(j):
                    return j
            return c
    return c


def _after_adverbial(
    toks: Tokens, c: int, sentence_end: int, units: list[tuple[int, int, str]], content: int
) -> tuple[list[tuple[int, int, str]], int]:
    """``đề nghị trong năm 2025, các đơn vị …``: addressees after a time or purpose phrase and its comma."""
    commas = 0
    for k in range(c + 1, toks.n):
        if toks.starts[k] >= sentence_end:
            break
        gap = toks.gap(k)
        if ";" in gap:
            break
        if "," in gap:
            commas += 1
            if commas > _ADVERBIAL_COMMAS:
                break
            found, after = parse_addressees(toks, k, sentence_end)
            if found and after < toks.n and toks.starts[after] < sentence_end:
                return found, after
    return units, content


def _head_len(toks: Tokens, k: int, *, determined: bool) -> int:
    length = _HEADS.longest(toks, k)
    if length:
        words = toks.keys(k, k + length)
        if words == LEADERSHIP and not _followed_by_body(toks, k + length):
            return 0
        if words in DETERMINED_ONLY_HEADS and not determined:
            return 0
        if words in WHOLE_ONLY_HEADS and (k == 0 or toks.key_list[k - 1] != ALL_OF):
            return 0
        after = k + length
        if words in HEAD_VERBS and after < toks.n and toks.spaced(after) and toks.key_list[after] in HEAD_VERBS[words]:
            return 0  # ``ban hành kế hoạch``: a verb
    return length


def _followed_by_body(toks: Tokens, k: int) -> bool:
    return k < toks.n and toks.spaced(k) and (toks.cap_list[k] or toks.key_list[k] in ADDRESSEE_DETERMINERS)


def _determiner_len(toks: Tokens, k: int) -> int:
    if k >= toks.n or toks.key_list[k] not in _DETERMINER_FIRSTS:
        return 0
    for length in (2, 1):
        if k + length <= toks.n and all(toks.spaced(k + j) for j in range(1, length)):
            if " ".join(toks.keys(k, k + length)) in ADDRESSEE_DETERMINERS:
                return length
    return 0


def _unit(toks: Tokens, k: int, limit: int, *, listed: bool = False) -> int:
    """End of one addressee (``các đồng chí đại biểu HĐND thành phố``), or ``k`` when none starts here.

    ``listed``: the unit follows a comma or ``và`` in a list, where a bare ``thị xã`` or ``tổ chức`` is
    a member of the list rather than the start of the content.
    """
    j = k
    while j < toks.n and toks.starts[j] < limit and (j == k or toks.spaced(j)):
        d = _determiner_len(toks, j)
        if not d:
            break
        j += d
    determined = j > k or listed
    if j >= toks.n or toks.starts[j] >= limit or (j > k and not toks.spaced(j)):
        return k
    length = _head_len(toks, j, determined=determined)
    if toks.cap_list[j] and head_at(toks, j) is None:
        # ``Ban Cán sự đảng UBND tỉnh``: a body named in full, over its head (``Ban``) and on.
        j = max(j + length, continue_body(toks, j)[0])
    elif length:
        j += length
    elif toks.cap_list[j]:
        j = head_at(toks, j) or j
    else:
        return k
    return _modifiers(toks, j, limit)


def _modifiers(toks: Tokens, j: int, limit: int) -> int:
    """What may follow an addressee's head: its body, level, place, ``các phường``, ``của Hải Phòng``."""
    while j < toks.n and toks.starts[j] < limit and toks.spaced(j):
        if toks.cap_list[j]:
            head_end = head_at(toks, j)
            j = head_end if head_end else continue_body(toks, j)[0]
            continue
        length = level_at(toks, j)
        if length:
            j += length
            continue
        d = _determiner_len(toks, j)
        if d and j + d < toks.n and toks.spaced(j + d) and _head_len(toks, j + d, determined=True):
            j += d + _head_len(toks, j + d, determined=True)
            continue
        if toks.key_list[j] in BELONGING and j + 1 < toks.n and toks.spaced(j + 1):
            if toks.cap_list[j + 1] or _determiner_len(toks, j + 1):
                j = _unit(toks, j + 1, limit)
                continue
        length = _head_len(toks, j, determined=True)
        if length and toks.keys(j, j + length) != ORGANISATION:
            j += length
            continue
        length = _modifier_len(toks, j)
        if length and not (j + length < toks.n and toks.spaced(j + length) and toks.cap_list[j + length]):
            j += length  # but ``tham mưu UBND tỉnh``: a verb and its object
            continue
        break
    return j


def _modifier_len(toks: Tokens, k: int) -> int:
    """``chuyên môn``, ``liên quan``, ``có liên quan``, ``đảng`` after an addressee's head (``các phòng, ban chuyên
    môn``, ``tổ chức đảng``)."""
    for length in (3, 2, 1):
        if k + length <= toks.n and toks.joined(k, k + length) and toks.phrase(k, k + length) in ADDRESSEE_MODIFIERS:
            return length
    return 0


def parse_addressees(toks: Tokens, c: int, limit: int) -> tuple[list[tuple[int, int, str]], int]:
    """Addressee units from token ``c`` (each with the separator before it) and where the content starts."""
    units, k = _addressee_run(toks, c, limit)
    if units and (k >= toks.n or toks.starts[k] >= limit):
        return [], c
    if units and (toks.gap(k).strip() == "," or toks.gap(k).strip()[:1] == ":"):
        return units, k
    if units and toks.gap(k).strip():
        return [], c
    return units, k


def _addressee_run(toks: Tokens, c: int, limit: int) -> tuple[list[tuple[int, int, str]], int]:
    """The addressee units listed from token ``c`` (each with the separator before it) and where they end."""
    units: list[tuple[int, int, str]] = []
    k = c
    separator = ""
    while k < toks.n and toks.starts[k] < limit:
        end = _unit(toks, k, limit, listed=bool(units))
        if end == k:
            break
        units.append((k, end, separator))
        k = end
        if k >= toks.n or toks.starts[k] >= limit:
            break
        gap = toks.gap(k).strip()
        if gap == "," and _unit(toks, k, limit, listed=True) > k:
            separator = ","
            continue
        if not gap and toks.key_list[k] == AND and k + 1 < toks.n and _unit(toks, k + 1, limit, listed=True) > k + 1:
            separator = AND
            k += 1
            continue
        if not gap and toks.key_list[k] == ALL_OF and _unit(toks, k, limit, listed=True) > k:
            separator = ""  # ``toàn dân toàn quân``: groups of the whole set side by side
            continue
        if not gap and toks.key_list[k] == TOGETHER_WITH[0]:
            step = 2 if k + 1 < toks.n and toks.key_list[k + 1] == TOGETHER_WITH[1] else 1
            if k + step < toks.n and _unit(toks, k + step, limit) > k + step:
                separator = _WITH
                k += step
                continue
        break
    return units, k


def _starts_body(toks: Tokens, start: int) -> bool:
    if toks.cap_list[start]:
        return True
    return _BODY_HEADS.longest(toks, start + _determiner_len(toks, start), joined=False) > 0


def _addressee_texts(toks: Tokens, units: list[tuple[int, int, str]]) -> list[str]:
    """Units grouped into bodies: a list splits where a new body opens (``…, người đứng đầu các cơ quan``)
    or after a body named in full (``UBND thành phố, các cấp, các ngành``), and at ``cùng với``."""
    groups: list[tuple[int, int]] = []
    for start, end, separator in units:
        if groups:
            previous_start, _ = groups[-1]
            # ``Các sở, ngành``: a determiner capitalised at the head of the clause names no body.
            head = previous_start + (_determiner_len(toks, previous_start) if toks.cap_list[previous_start] else 0)
            named_before = toks.cap_list[head] and toks.key_list[head] not in UNIT_LEADER_FIRST_WORDS
            if separator == "," and _more_levels(toks, groups[-1][1], start, end):
                groups[-1] = (groups[-1][0], end)  # ``UBND các xã, thị trấn``: one body at two kinds of place
            elif separator == _WITH or _starts_body(toks, start) or named_before:
                groups.append((start, end))
            else:
                groups[-1] = (groups[-1][0], end)
        else:
            groups.append((start, end))
    return [toks.span_text(start, end) for start, end in groups]


def _more_levels(toks: Tokens, previous_end: int, start: int, end: int) -> bool:
    """The unit is a bare kind of place (``thị trấn``) listed after ``các xã``, which ends the previous unit."""
    if toks.keys(start, end) not in LOCAL_LEVELS:
        return False
    for length in (1, 2):
        k = previous_end - length
        if k >= 1 and toks.keys(k, previous_end) in LOCAL_LEVELS and toks.key_list[k - 1] in PLURAL:
            return True
    return False


def _content_end(toks: Tokens, content: int, stop: int, sentence_end: int) -> int:
    """The content ends at the next directing verb of the sentence or at a clause with its own subject."""
    end = stop
    # Only a token after a semicolon can open such a clause: jump from one semicolon to the next.
    last = -1
    semicolon = toks.text.find(";", toks.ends[content], stop) if content < toks.n else -1
    while semicolon != -1:
        k = toks.at(semicolon)
        if k >= toks.n or toks.starts[k] >= stop:
            break
        semicolon = toks.text.find(";", semicolon + 1, stop)
        if k != last:
            last = k
            opener = toks.key_list[k] in SUBJECT_OPENERS or " ".join(toks.keys(k, k + 2)) in SUBJECT_OPENERS
            if opener or toks.cap_list[k]:
                units, after = parse_addressees(toks, k, sentence_end)
                if units and after > k:
                    return toks.ends[k - 1]
            if " ".join(toks.keys(k, k + 2)) in SPEECH_VERBS:
                return toks.ends[k - 1]
    if stop < sentence_end:
        # Stop before ``; yêu cầu`` / ``và yêu cầu`` of the next directive.
        k = toks.at(stop) - 1
        while k > content and (toks.key_list[k] in COORDINATORS or toks.key_list[k] in SUBJECT_ADVERBS):
            k -= 1
        end = toks.ends[k] if k >= content else stop
    return end


def _before_enumeration(toks: Tokens, content: int, end: int) -> int:
    """``chuẩn bị các báo cáo phục vụ kỳ họp bao gồm Báo cáo …; Tờ trình …``: the request ends where the
    documents it covers are enumerated by name."""
    candidates = toks.indices(_INCLUDING_FIRST)
    for index in range(bisect_left(candidates, content + 1), len(candidates)):
        k = candidates[index]
        if not (k + 2 < toks.n and toks.ends[k + 1] <= end):
            break
        if toks.match(k, INCLUDING) and (toks.cap_list[k + 2] or ":" in toks.gap(k + 2)):
            return toks.ends[k - 1]
    return end


def _list_end(text: str, end: int) -> int:
    """A sentence that ends on a colon goes on in the list items written on the lines after it (``- Tập
    trung …``, ``1. Đẩy nhanh …``, ``Một là, …``): where the last of them ends (``end`` when none follows)."""
    if not text[:end].rstrip().endswith(":"):
        return end
    reach = end
    line_end = text.find("\n", end)
    while line_end != -1:
        start = line_end + 1
        line_end = text.find("\n", start)
        line = text[start : len(text) if line_end == -1 else line_end]
        if not line.strip():
            continue
        if not _LIST_ITEM.match(line):
            break
        reach = start + len(line.rstrip())
    return reach


def _deadline(doc: Document, start: int, end: int) -> dt.date | None:
    """The day a request must be done by (``trước ngày 31/1``): never before the day the article last dated
    before it (a year-less deadline after a meeting of 28/11/2024 falls in 2025)."""
    for mention in doc.dates_from(start, end):
        if mention.deadline:
            resolved = doc.resolve_date(mention, "future")
            if not resolved:
                continue
            day = resolved[1]
            since = _last_day_before(doc, mention.start)
            if not mention.explicit and since is not None and day < since:
                day = _next_year(day)
            return day
    return None


def _last_day_before(doc: Document, offset: int) -> dt.date | None:
    """The last day of the latest date before ``offset`` that is no deadline, resolved, among the
    ``_LAST_DAY_REACH`` date mentions before it (a bound: a list of deadlines costs no more than its length)."""
    for mention in islice(doc.dates_before(offset), _LAST_DAY_REACH):
        if mention.deadline or mention.cited:
            continue
        resolved = doc.resolve_date(mention, "past")
        if resolved:
            return resolved[1]
    return None


def _next_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)
