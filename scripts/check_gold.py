"""Check labelled gold files against their articles: the contract, and that the text is the article's.

Usage: python scripts/check_gold.py [--articles DIR] [--gold DIR] [STEM ...]

For each gold file: it validates as an ArticleExtraction, its article_id is its file stem, and every
name, title, chair, issuer, addressee and directive content occurs verbatim in the article (NFC, white space runs
compared as one space).
Prints one line per problem and exits 1 when there is any.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

from summarizer.errors import SummarizerError
from summarizer.evaluation.goldset import read_gold
from summarizer.text.reading import read_article


def _spaced(text: str) -> str:
    """NFC with every run of white space (a non-breaking space included) as one space."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text))


def problems(article_text: str, gold_path: Path) -> list[str]:
    gold = read_gold(gold_path)
    text = _spaced(article_text)
    found: list[str] = []
    if gold.article_id != gold_path.stem:
        found.append(f"article_id {gold.article_id!r} is not the file stem {gold_path.stem!r}")

    def need(kind: str, value: str | None) -> None:
        if value and _spaced(value) not in text:
            found.append(f"{kind} not verbatim in the article: {value!r}")

    for event in gold.events:
        for chair in event.chairs:
            need("chair", chair)
            if chair not in {o.name for o in gold.officials}:
                found.append(f"chair {chair!r} is not among the officials")
    for official in gold.officials:
        need("name", official.name)
        for title in official.titles:
            need("title", title)
    for directive in gold.directives:
        need("issuer", directive.issuer)
        need("verb", directive.verb)
        for addressee in directive.addressees:
            need("addressee", addressee)
        need("content", directive.content)
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=Path("evals/articles"))
    parser.add_argument("--gold", type=Path, default=Path("evals/gold"))
    parser.add_argument("stems", nargs="*")
    args = parser.parse_args()
    paths = [args.gold / f"{s}.json" for s in args.stems] or sorted(args.gold.glob("*.json"))
    bad = 0
    for gold_path in paths:
        article_path = args.articles / f"{gold_path.stem}.txt"
        try:
            issues = problems(read_article(article_path).text, gold_path)
        except SummarizerError as exc:
            issues = [str(exc)]
        for issue in issues:
            print(f"{gold_path.name}: {issue}")
        bad += bool(issues)
    print(f"{len(paths)} gold files checked, {bad} with problems", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
