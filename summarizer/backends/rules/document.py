"""An article analysed once for all rule families: tokens, sentences, dates, person mentions, and who a
title or a bare ``đồng chí`` refers to."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import accumulate

from summarizer.language.dates import DateMention, Prefer, YearResolver, find_dates
from summarizer.text.normalize import match_key

from .officials import Mention, Person, collect_people, find_mentions
from .sentences import Sentence, split_sentences
from .titles import comparison_key
from .tokens import Tokens


@dataclass
class Document:
    text: str
    """The text the rules read (portal cruft blanked; same offsets as the article)."""
    published: dt.date | None
    toks: Tokens = field(init=False)
    sentences: list[Sentence] = field(init=False)
    dates: list[DateMention] = field(init=False)
    mentions: list[Mention] = field(init=False)
    people: list[Person] = field(init=False)
    name_starts: set[int] = field(init=False)
    """Offsets where the article names a person (a capitalised run there is no place name)."""
    memo: dict[object, object] = field(init=False, default_factory=dict)
    """Facts of the whole article a rule works out once, keyed by the function that works them out."""

    def __post_init__(self) -> None:
        self.toks = Tokens(self.text)
        self.sentences = split_sentences(self.text)
        self._sentence_starts = [s.start for s in self.sentences]
        self.dates = find_dates(self.text)
        self._date_starts = [m.start for m in self.dates]
        self._years = YearResolver(self.text, self.dates, self.published)
        self.mentions = find_mentions(self.toks)
        self.people = collect_people(self.mentions)
        self.name_starts = {m.name_start for m in self.mentions if m.kind == "named"}
        # Mentions in article order, their starts almost sorted (a chain of titles before a name starts where
        # its first title does): the highest start so far and the lowest from here on bound any lookup.
        starts = [m.start for m in self.mentions]
        self._mention_reach = list(accumulate(starts, max))
        self._mention_floor = list(accumulate(reversed(starts), min))[::-1]
        titles = sorted((t.start, t.end) for m in self.mentions for t in m.titles)
        self._titles = titles
        self._title_starts = [start for start, _ in titles]
        self._title_reach = list(accumulate((end for _, end in titles), max))
        self._people_by_key = {match_key(p.name): p for p in self.people}
        self._people_by_name: dict[str, Person | None] = {}
        # Named mentions of known people, in order: who holds a title is looked up among these.
        self._named = [
            (m.start, person)
            for m in self.mentions
            if m.kind == "named" and m.name is not None and (person := self.person(m.name)) is not None
        ]
        self._holders: dict[tuple[str, ...], tuple[list[int], list[Person]]] = {}
        self._by_title: dict[tuple[str, ...], list[Person]] | None = None
        self._positions: dict[int, list[int]] = {}
        self._speakers: list[tuple[int, str]] | None = None
        """Who speaks where (``_speaker_timeline``), worked out on first asking: most articles never ask."""
        self._speaker_starts: list[int] = []

    def mentions_after(self, offset: int) -> Iterator[Mention]:
        """The mentions in article order from the first that starts at or after ``offset`` (all those before
        it start before ``offset``)."""
        mentions = self.mentions
        for index in range(bisect_left(self._mention_reach, offset), len(mentions)):
            yield mentions[index]

    def mentions_from(self, start: int, end: int) -> list[Mention]:
        """The mentions that start between two offsets, in article order."""
        out = []
        floor = self._mention_floor
        for index in range(bisect_left(self._mention_reach, start), len(self.mentions)):
            if floor[index] >= end:
                break
            mention = self.mentions[index]
            if start <= mention.start < end:
                out.append(mention)
        return out

    def in_title(self, offset: int) -> bool:
        """``offset`` lies inside a title of some mention (a body named there holds no gathering)."""
        index = bisect_right(self._title_starts, offset)
        return index > 0 and self._title_reach[index - 1] > offset

    def title_start(self, offset: int) -> int | None:
        """Where the title holding ``offset`` starts (the earliest, when titles overlap); None outside any."""
        index = bisect_right(self._title_starts, offset)
        if index == 0 or self._title_reach[index - 1] <= offset:
            return None
        while index > 0 and self._title_reach[index - 1] > offset:
            index -= 1
        return next(start for start, end in self._titles[index:] if start <= offset < end)

    def sentences_from(self, start: int, end: int) -> list[Sentence]:
        """The sentences that start between two offsets, in order."""
        starts = self._sentence_starts
        return self.sentences[bisect_left(starts, start) : bisect_left(starts, end)]

    def sentence_at(self, offset: int) -> Sentence | None:
        index = bisect_right(self._sentence_starts, offset) - 1
        if index < 0:
            return None
        sentence = self.sentences[index]
        return sentence if offset < sentence.end else None

    def dates_from(self, start: int, end: int) -> list[DateMention]:
        """The date mentions that start between two offsets, in order."""
        return self.dates[bisect_left(self._date_starts, start) : bisect_left(self._date_starts, end)]

    def dates_before(self, offset: int) -> Iterator[DateMention]:
        """The date mentions that start before ``offset``, the nearest first."""
        index = bisect_left(self._date_starts, offset)
        return (self.dates[i] for i in range(index - 1, -1, -1))

    def resolve_date(self, mention: DateMention, prefer: Prefer) -> tuple[dt.date, dt.date] | None:
        """A date mention's days, its year from the header, a nearby full date, or a year stated nearby."""
        return self._years.resolve(mention, prefer)

    def person(self, name: str) -> Person | None:
        found = self._people_by_name.get(name)
        if found is None and name not in self._people_by_name:
            found = self._people_by_name[name] = self._people_by_key.get(match_key(name))
        return found

    def holder_of(self, title: str, offset: int) -> Person | None:
        """The person holding ``title`` (``Bí thư Thành ủy``): the latest named before ``offset``, else the first."""
        key = comparison_key(title)
        holders = self._holders.get(key)
        if holders is None:
            # The named mentions, in article order, of the persons with a title that reads ``key``.
            positions = sorted(i for person in self._title_holders().get(key, ()) for i in self._positions[id(person)])
            holders = self._holders[key] = ([self._named[i][0] for i in positions], [self._named[i][1] for i in positions])
        starts, persons = holders
        if not starts:
            return None
        index = bisect_left(starts, offset) - 1
        return persons[index] if index >= 0 else persons[0]

    def _title_holders(self) -> dict[tuple[str, ...], list[Person]]:
        """For every way of reading a title (``Bí thư``, ``Bí thư Thành ủy``, ``Bí thư Thành ủy Bắc Ninh``…),
        the named persons holding one that reads so (``Person.holds``), worked out once."""
        if self._by_title is None:
            self._by_title = {}
            self._positions = {}
            for position, (_, person) in enumerate(self._named):
                self._positions.setdefault(id(person), []).append(position)
            for person in {id(person): person for _, person in self._named}.values():
                for prefix in person.readings():
                    self._by_title.setdefault(prefix, []).append(person)
        return self._by_title

    def resolve(self, mention: Mention, offset: int) -> str | None:
        """The name a mention stands for at ``offset``: its own, its title's holder, or the last speaker."""
        if mention.kind == "named":
            return mention.name if mention.name and self.person(mention.name) else None
        if mention.kind == "title":
            holder = self.holder_of(mention.titles[0].text, offset)
            return holder.name if holder else None
        return self.last_speaker(offset)

    def last_speaker(self, offset: int) -> str | None:
        """The person most recently named in running text before ``offset`` (captions do not count)."""
        if self._speakers is None:
            self._speakers = self._speaker_timeline()
            self._speaker_starts = [pos for pos, _ in self._speakers]
        index = bisect_right(self._speaker_starts, offset) - 1
        return self._speakers[index][1] if index >= 0 else None

    def _speaker_timeline(self) -> list[tuple[int, str]]:
        timeline: list[tuple[int, str]] = []
        for mention in self.mentions:
            sentence = self.sentence_at(mention.start)
            if sentence is None or sentence.caption or mention.kind == "pronoun":
                continue
            if mention.kind == "named":
                name = mention.name if mention.name and self.person(mention.name) else None
            else:
                holder = self.holder_of(mention.titles[0].text, mention.start)
                name = holder.name if holder else None
            if name:
                timeline.append((mention.start, name))
        return timeline
