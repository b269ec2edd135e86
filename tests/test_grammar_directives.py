"""Directing grammar, sentence by sentence: who asks, with which verb, of whom, and what (``None`` rows: the
verb is a noun or a complement there, no request). Add a row to pin down a new sentence.
"""

from __future__ import annotations

import pytest

from summarizer.backends.rules import RuleBackend
from summarizer.text.article import Article
from summarizer.text.normalize import nfc

HEADER = "2024-12-13 09:00:00\n"
DIRECTIVES = [
    # (sentence, [(issuer, verb, addressees, content)])
    (
        "Chủ tịch UBND tỉnh Đoàn Thị Loan yêu cầu các sở, ngành hoàn thành kế hoạch trước ngày 30/6/2025.",
        [("Đoàn Thị Loan", "yêu cầu", ["các sở, ngành"], "hoàn thành kế hoạch trước ngày 30/6/2025")],
    ),
    (
        "UBND tỉnh yêu cầu UBND các huyện, thành phố khẩn trương rà soát.",
        [("UBND tỉnh", "yêu cầu", ["UBND các huyện, thành phố"], "khẩn trương rà soát")],
    ),
    (
        "Đồng chí Nguyễn Văn An, Chủ tịch UBND huyện đề nghị các xã, thị trấn tiếp tục rà soát hộ nghèo.",
        [("Nguyễn Văn An", "đề nghị", ["các xã, thị trấn"], "tiếp tục rà soát hộ nghèo")],
    ),
    ("Ông Trần Văn Bình, Giám đốc Sở Tài chính cho biết đáp ứng được yêu cầu của đại biểu.", []),
]


@pytest.mark.parametrize(("sentence", "directives"), DIRECTIVES)
def test_a_request_is_read_as_issuer_verb_addressees_and_content(
    sentence: str, directives: list[tuple[str, str, list[str], str]]
) -> None:
    article = Article(id="t", text=nfc(HEADER + sentence), source="t.txt")
    found = RuleBackend().extract(article).directives
    assert [(d.issuer, d.verb, d.addressees, d.content) for d in found] == directives
