"""Who is who: one entry per person (name plus post and place), every title with its place, directives with
the issuer's post and place."""

from __future__ import annotations

import datetime as dt
import re

from summarizer.briefing import BriefingOptions, Entry, build_briefing, render_markdown
from summarizer.briefing.people import ArticlePlaces, place_title
from summarizer.schemas import Event

AS_OF = BriefingOptions(as_of=dt.date(2025, 3, 1))


def article(article_id: str, level: str, locality: str, officials: list[tuple[str, list[str]]], **extra: object) -> dict:
    return {
        "article_id": article_id,
        "events": [{"kind": "session", "organ": "HĐND", "level": level, "locality": locality, "start_date": "2024-12-12"}],
        "officials": [{"name": name, "titles": titles} for name, titles in officials],
        **extra,
    }


def people(*records: dict) -> list[str]:
    page = render_markdown(build_briefing([Entry(record) for record in records], AS_OF))
    section = page.split("## Cán bộ được nhắc đến", 1)[1].split("\n## ", 1)[0]
    return [re.sub(r" _\(.*$", "", line) for line in section.splitlines() if line.startswith("- **")]


def checklist(*records: dict) -> list[str]:
    page = render_markdown(build_briefing([Entry(record) for record in records], AS_OF))
    return [line for line in page.splitlines() if line.startswith("- [ ] ")]


def test_two_men_with_one_name_in_different_posts_and_places_are_two_entries() -> None:
    district = article("huyen", "huyện", "Bảo Lâm", [("Nguyễn Văn Hùng", ["Phó Chủ tịch HĐND huyện"])])
    province = article("tinh", "tỉnh", "Cao Bằng", [("Nguyễn Văn Hùng", ["Chủ tịch UBND tỉnh"])])
    assert people(district, province) == [
        "- **Nguyễn Văn Hùng** — Chủ tịch UBND tỉnh Cao Bằng",
        "- **Nguyễn Văn Hùng** — Phó Chủ tịch HĐND huyện Bảo Lâm",
    ]


def test_two_men_with_one_name_in_one_article_stay_two() -> None:
    record = article("tinh", "tỉnh", "Cao Bằng", [("Nguyễn Văn Hùng", ["Chủ tịch UBND tỉnh"]),
                                                 ("Nguyễn Văn Hùng", ["Phó Chủ tịch HĐND huyện Bảo Lâm"])])
    assert len(people(record)) == 2


def test_one_post_in_two_places_is_two_people() -> None:
    bac_ninh = article("bac-ninh", "thành phố", "Bắc Ninh", [("Nguyễn Văn Hùng", ["Chủ tịch HĐND thành phố"])])
    lang_son = article("lang-son", "thành phố", "Lạng Sơn", [("Nguyễn Văn Hùng", ["Chủ tịch HĐND thành phố"])])
    assert people(bac_ninh, lang_son) == [
        "- **Nguyễn Văn Hùng** — Chủ tịch HĐND thành phố Bắc Ninh",
        "- **Nguyễn Văn Hùng** — Chủ tịch HĐND thành phố Lạng Sơn",
    ]


def test_the_same_person_in_two_articles_is_one_entry_when_post_and_place_agree() -> None:
    first = article("phien-1", "thành phố", "Bắc Ninh", [("Nguyễn Hoàng Long", ["Phó Bí thư Thường trực Thành ủy", "Chủ tịch HĐND thành phố"])])
    second = article("phien-2", "tỉnh", "Bắc Ninh", [("Nguyễn Hoàng Long", ["Chủ tịch Hội đồng nhân dân thành phố Bắc Ninh", "Tỉnh ủy viên"])])
    entries = people(first, second)
    assert entries == [
        "- **Nguyễn Hoàng Long** — Phó Bí thư Thường trực Thành ủy Bắc Ninh, Chủ tịch HĐND thành phố Bắc Ninh, Tỉnh ủy viên"
    ]


def test_a_merged_person_names_every_article_they_appear_in() -> None:
    first = article("phien-1", "thành phố", "Bắc Ninh", [("Nguyễn Hoàng Long", ["Chủ tịch HĐND thành phố"])], headline="Khai mạc Kỳ họp thứ 20")
    second = article("phien-2", "thành phố", "Bắc Ninh", [("Nguyễn Hoàng Long", ["Chủ tịch HĐND thành phố"])], headline="Bế mạc Kỳ họp thứ 20")
    page = render_markdown(build_briefing([Entry(first), Entry(second)], AS_OF))
    line = next(line for line in page.splitlines() if line.startswith("- **Nguyễn Hoàng Long**"))
    assert "_(Khai mạc Kỳ họp thứ 20)_ _(Bế mạc Kỳ họp thứ 20)_" in line


def test_titles_that_name_no_place_never_merge_people() -> None:
    first = article("a", "thành phố", "Lạng Sơn", [("Hoàng Văn Minh", ["Ủy viên Ban Thường vụ Tỉnh ủy"])])
    second = article("b", "thành phố", "Bắc Kạn", [("Hoàng Văn Minh", ["Ủy viên Ban Thường vụ Tỉnh ủy"])])
    assert len(people(first, second)) == 2


def test_a_title_takes_the_gatherings_place_when_it_ends_on_the_gatherings_level() -> None:
    places = ArticlePlaces([Event(kind="session", organ="HĐND", level="thành phố", locality="Bắc Ninh")])
    assert place_title("Chủ tịch HĐND thành phố", places).text == "Chủ tịch HĐND thành phố Bắc Ninh"
    assert place_title("Ủy viên BTV Thành ủy", places).text == "Ủy viên BTV Thành ủy Bắc Ninh"
    assert place_title("Phó Chủ tịch UBND TP", places).text == "Phó Chủ tịch UBND TP Bắc Ninh"


def test_a_title_at_another_level_than_the_gathering_stays_as_written() -> None:
    places = ArticlePlaces([Event(kind="session", organ="HĐND", level="thành phố", locality="Lạng Sơn")])
    placed = place_title("Uỷ viên Ban Thường vụ Tỉnh uỷ", places)
    assert (placed.text, placed.placed) == ("Uỷ viên Ban Thường vụ Tỉnh uỷ", False)
    assert place_title("Chủ tịch UBND các xã", places).text == "Chủ tịch UBND các xã"


def test_a_title_stays_as_written_when_the_article_names_two_places_at_its_level() -> None:
    places = ArticlePlaces([
        Event(kind="conference", organ="UBND", level="huyện", locality="Bảo Lâm"),
        Event(kind="conference", organ="UBND", level="huyện", locality="Bảo Lạc"),
    ])
    assert place_title("Chủ tịch UBND huyện", places).text == "Chủ tịch UBND huyện"


def test_a_title_that_names_its_place_or_a_national_body_is_kept_and_placed() -> None:
    places = ArticlePlaces([Event(kind="session", organ="HĐND", level="tỉnh", locality="Bắc Kạn")])
    assert place_title("Bí thư Thành ủy Bắc Kạn", places) == place_title("Bí thư Thành ủy Bắc Kạn", ArticlePlaces([]))
    assert place_title("Bí thư Thành ủy Bắc Kạn", places).placed
    assert place_title("Ủy viên Trung ương Đảng", places).placed


def test_a_directive_names_its_issuers_post_and_place() -> None:
    record = article(
        "bac-ninh", "thành phố", "Bắc Ninh", [("Nguyễn Mạnh Hiếu", ["Phó Bí thư Thành ủy", "Chủ tịch UBND thành phố"])],
        directives=[{"issuer": "Nguyễn Mạnh Hiếu", "verb": "yêu cầu", "addressees": ["các phòng, ban"],
                     "content": "tập trung mọi nguồn lực", "deadline": None}],
    )
    assert checklist(record)[0].startswith(
        "- [ ] Nguyễn Mạnh Hiếu (Phó Bí thư Thành ủy Bắc Ninh, Chủ tịch UBND thành phố Bắc Ninh) yêu cầu các phòng, ban: "
    )


def test_a_body_issuing_a_directive_takes_its_place() -> None:
    record = article("bac-kan", "tỉnh", "Bắc Kạn", [], directives=[
        {"issuer": "UBND tỉnh", "verb": "giao", "addressees": ["Sở Tài chính"], "content": "hoàn thiện hồ sơ vay vốn", "deadline": None}])
    assert checklist(record)[0].startswith("- [ ] UBND tỉnh Bắc Kạn giao Sở Tài chính: hoàn thiện hồ sơ vay vốn")


def test_an_issuer_two_officials_share_a_name_with_is_given_no_post() -> None:
    record = article("tinh", "tỉnh", "Cao Bằng", [("Nguyễn Văn Hùng", ["Chủ tịch UBND tỉnh"]),
                                                 ("Nguyễn Văn Hùng", ["Phó Chủ tịch HĐND huyện Bảo Lâm"])],
                     directives=[{"issuer": "Nguyễn Văn Hùng", "verb": "đề nghị", "content": "rà soát", "deadline": None}])
    assert checklist(record)[0].startswith("- [ ] Nguyễn Văn Hùng đề nghị: rà soát")
