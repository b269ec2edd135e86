"""Who is who: every title with its place, and one entry per person.

A title that ends on a level without naming the place (``Chủ tịch HĐND thành phố``) takes the place of
the article's gathering at that level (``Chủ tịch HĐND thành phố Bắc Ninh``), when the article's
gatherings name one place at that level; otherwise it stays as written. A title is *placed* when it
names its place or took one, or belongs to a national body.

People are told apart by name and placed post: two records are one person only when their names and
at least one placed title agree (``Nguyễn Văn Hùng, Phó Chủ tịch HĐND huyện …`` and ``Nguyễn Văn Hùng,
Chủ tịch UBND tỉnh …`` stay two). A record with no placed title is never merged with another one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from summarizer.language.abbreviations import expand_abbreviations
from summarizer.language.title_places import names_place, trailing_level
from summarizer.schemas import Event, Official
from summarizer.text.normalize import match_key

from .highlight import Anchor
from .sources import SourceLabel
from .wording import name_order


@dataclass(frozen=True)
class PlacedTitle:
    text: str
    placed: bool

    @property
    def key(self) -> str:
        return title_key(self.text)


def title_key(title: str) -> str:
    """Titles compared with abbreviations written out: ``Ủy viên BTV Thành ủy`` is ``Ủy viên Ban Thường vụ Thành ủy``."""
    return match_key(expand_abbreviations(title))


class ArticlePlaces:
    """The place an article's gatherings name at each level, when they name only one there."""

    def __init__(self, events: Iterable[Event]) -> None:
        seen: dict[str, dict[str, str]] = {}
        for event in events:
            if event.level and event.locality:
                seen.setdefault(event.level, {}).setdefault(match_key(event.locality), event.locality)
        self._places = {level: next(iter(names.values())) for level, names in seen.items() if len(names) == 1}

    def at(self, level: str) -> str | None:
        return self._places.get(level)


def place_title(title: str, places: ArticlePlaces) -> PlacedTitle:
    """``title`` with its place: as written when it names one, completed from the gathering's locality
    when it ends on that gathering's level, else as written and unplaced."""
    level = trailing_level(title)
    if level is not None:
        locality = places.at(level)
        return PlacedTitle(f"{title} {locality}", True) if locality else PlacedTitle(title, False)
    return PlacedTitle(title, names_place(title))


@dataclass
class Mention:
    """Where an entry's person is named: the article (``article`` is its input's position) and the sentence."""

    article: int
    source: SourceLabel
    anchor: Anchor


@dataclass
class OfficialItem:
    name: str
    titles: list[str]
    mentions: list[Mention]
    sort_key: tuple = ()


@dataclass
class _Record:
    name: str
    name_key: str
    titles: list[PlacedTitle]
    mention: Mention
    order: int


class WhoIsWho:
    """Collects the officials of every article and merges those whose name and a placed title agree."""

    def __init__(self) -> None:
        self._records: list[_Record] = []

    def add(self, official: Official, places: ArticlePlaces, mention: Mention) -> list[PlacedTitle]:
        """Record one official of one article; returns the titles with their places."""
        titles = [place_title(title, places) for title in official.titles]
        self._records.append(_Record(official.name, match_key(official.name), titles, mention, len(self._records)))
        return titles

    def _groups(self) -> list[list[_Record]]:
        parent = list(range(len(self._records)))

        def root(i: int) -> int:
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        first_with: dict[tuple[str, str], int] = {}
        for record in self._records:
            for title in record.titles:
                if not title.placed:
                    continue
                other = first_with.setdefault((record.name_key, title.key), record.order)
                a, b = root(other), root(record.order)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        groups: dict[int, list[_Record]] = {}
        for record in self._records:
            groups.setdefault(root(record.order), []).append(record)
        return list(groups.values())

    def entries(self) -> list[OfficialItem]:
        """One entry per person, in Vietnamese alphabetical order (then by first title, then first mention)."""
        items = []
        for group in self._groups():
            titles: dict[str, str] = {}
            mentions: dict[int, Mention] = {}
            for record in group:
                for title in record.titles:
                    titles.setdefault(title.key, title.text)
                mentions.setdefault(record.mention.article, record.mention)
            first = group[0]
            shown = list(titles.values())
            items.append(
                OfficialItem(
                    first.name,
                    shown,
                    list(mentions.values()),
                    (name_order(first.name), title_key(shown[0]) if shown else "", first.order),
                )
            )
        return sorted(items, key=lambda item: item.sort_key)


def titles_by_name(people: Iterable[tuple[str, list[PlacedTitle]]]) -> dict[str, list[PlacedTitle]]:
    """An article's officials by name key; a name two of them share maps to no titles (which one spoke is unknown)."""
    found: dict[str, list[PlacedTitle]] = {}
    for name, titles in people:
        key = match_key(name)
        found[key] = [] if key in found else titles
    return found


def issuer_with_post(issuer: str, people: dict[str, list[PlacedTitle]], places: ArticlePlaces) -> str:
    """A directive's issuer as a reader needs it: a person with the posts the article gives them and their
    places (``Nguyễn Hoàng Long (Chủ tịch HĐND thành phố Bắc Ninh)``), or a body with its place."""
    titles = people.get(match_key(issuer))
    if titles:
        return f"{issuer} ({', '.join(title.text for title in titles)})"
    if titles is None:
        return place_title(issuer, places).text
    return issuer
