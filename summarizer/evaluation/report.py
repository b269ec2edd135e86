"""Evaluation reports: Markdown for a pull request, one self-contained HTML page for reading articles.

The HTML page shows, per article, gold and prediction side by side with the differing items marked
(``sidebyside``), and the article's text with gold and predicted items marked where they occur (the
prediction's evidence span when it has a valid one, else the first occurrence by key), so a reader
sees at a glance what was found, missed and invented. Article text is escaped by jinja2. A
prompts × models matrix has a report of its own (``write_matrix_report``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from summarizer.errors import ConfigError, OutputError
from summarizer.grounding import GROUNDED_ITEMS, KeyedText
from summarizer.schemas import ArticleExtraction, Span
from summarizer.text.normalize import find_by_key

from .keys import name_key
from .scoring import COMPONENTS, FIELDS, OVERALL_NOTE, scored_title_key
from .sidebyside import side_by_side
from .formatting import interval, listed, money, score, signed, spread_text

TEMPLATES = Path(__file__).with_name("templates")
FORMATS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}


def report_format(path: Path, kind: str = "report") -> str:
    """The template of a report (``report`` or ``matrix``) for a path, chosen by extension; anything
    else is a ConfigError."""
    suffix = FORMATS.get(path.suffix.lower())
    if suffix is None:
        raise ConfigError("the report must be a .md or .html file", str(path))
    return f"{kind}.{suffix}.j2"


@dataclass
class Mark:
    start: int
    end: int
    status: str  # hit, miss or false
    label: str


@dataclass
class Segment:
    text: str
    classes: str
    title: str


def _valid_span(span: Span | None, text: str) -> Span | None:
    if span is None or span.end > len(text) or text[span.start : span.end] != span.text:
        return None
    return span


def _locate(keyed: KeyedText, value: str, evidence: Span | None = None, near: int | None = None) -> Span | None:
    """The evidence span when valid; else the occurrence nearest ``near`` (a title beside its holder's name)."""
    valid = _valid_span(evidence, keyed.text)
    if valid is not None or near is None:
        return valid or keyed.find(value)
    found = find_by_key(keyed.text, value)
    if not found:
        return None
    start, end = min(found, key=lambda se: (abs(se[0] - near), se[0]))
    return Span(start=start, end=end, text=keyed.text[start:end])


def article_marks(
    text: str, gold: ArticleExtraction, predicted: ArticleExtraction, details: Mapping[str, Any]
) -> tuple[list[Mark], list[str]]:
    """Where gold and predicted items stand in the text, with their status; items that could not be located."""
    keyed = KeyedText(text)
    marks: list[Mark] = []
    unlocated: list[str] = []

    def add(value: str, status: str, label: str, evidence: Span | None = None, near: int | None = None) -> int | None:
        span = _locate(keyed, value, evidence, near)
        if span is None:
            unlocated.append(f"{label}: {value}")
            return None
        marks.append(Mark(span.start, span.end, status, label))
        return span.start

    found_names = {name_key(n) for n in details["officials"]["found"]}
    found_titles = {(name_key(n), scored_title_key(t)) for n, t in details["titles"]["found"]}
    for o in gold.officials:
        hit = name_key(o.name) in found_names
        at = add(o.name, "hit" if hit else "miss", "official found" if hit else "official missed")
        for t in o.titles:
            hit = (name_key(o.name), scored_title_key(t)) in found_titles
            add(t, "hit" if hit else "miss", f"title of {o.name} {'found' if hit else 'missed'}", near=at)
    false_names = {name_key(n) for n in details["officials"]["false_alarms"]}
    false_titles = {(name_key(n), scored_title_key(t)) for n, t in details["titles"]["false_alarms"]}
    for o in predicted.officials:
        at = None
        if name_key(o.name) in false_names:
            at = add(o.name, "false", "official not in gold", o.name_evidence)
        else:
            located = _locate(keyed, o.name, o.name_evidence)
            at = located.start if located else None
        for i, t in enumerate(o.titles):
            if (name_key(o.name), scored_title_key(t)) in false_titles:
                evidence = o.title_evidence[i] if i < len(o.title_evidence) else None
                add(t, "false", f"title of {o.name} not in gold", evidence, near=at)
    found_contents = {d["content"] for d in details["directives"]["found"]}
    for d in gold.directives:
        hit = d.content in found_contents
        add(d.content, "hit" if hit else "miss", f"directive of {d.issuer} {'found' if hit else 'missed'}")
    false_contents = {d["content"] for d in details["directives"]["false_alarms"]}
    for d in predicted.directives:
        if d.content in false_contents:
            add(d.content, "false", f"directive of {d.issuer} not in gold", d.evidence)
    if details.get("labelled", {}).get("decisions"):
        found_decisions = {(x["kind"], x["text"]) for x in details["decisions"]["found"]}
        for decision in (x for e in gold.events for x in e.decisions):
            hit = (decision.kind, decision.text) in found_decisions
            add(decision.text, "hit" if hit else "miss", f"decision ({decision.kind}) {'found' if hit else 'missed'}")
        false_decisions = {(x["kind"], x["text"]) for x in details["decisions"]["false_alarms"]}
        for decision in (x for e in predicted.events for x in e.decisions):
            if (decision.kind, decision.text) in false_decisions:
                add(decision.text, "false", f"decision ({decision.kind}) not in gold", decision.evidence)
    return marks, unlocated


def segments(text: str, marks: Sequence[Mark]) -> list[Segment]:
    """The text cut at every mark boundary; each piece carries the statuses and labels covering it."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:]):
        covering = [m for m in marks if m.start <= a and m.end >= b]
        statuses = sorted({m.status for m in covering})
        out.append(Segment(text[a:b], " ".join(statuses), "; ".join(dict.fromkeys(m.label for m in covering))))
    return out


def _shown(value: object) -> str:
    """A field value as a reader expects it: null for missing, lists joined."""
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def _markdown_text(value: object) -> object:
    """Article-derived text shown literally in Markdown: angle brackets must not become HTML."""
    return value.replace("<", "&lt;").replace(">", "&gt;") if isinstance(value, str) else value


def _environment(html: bool) -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=html,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=None if html else _markdown_text,
    )
    env.filters["num"] = score
    env.filters["signed"] = signed
    env.filters["interval"] = interval
    env.filters["cell"] = lambda v: str(v).replace("|", "\\|").replace("\n", " ")
    env.filters["value"] = _shown
    env.filters["spread"] = spread_text
    env.filters["money"] = money
    env.globals["listed"] = lambda name, metric: listed(name, metric, ("overall", *COMPONENTS))
    return env


def render_report(
    path: Path,
    *,
    record: Mapping[str, Any],
    texts: Mapping[str, str],
    golds: Mapping[str, ArticleExtraction],
    comparison: Mapping[str, Any] | None = None,
) -> str:
    """The report text for ``path``'s format (.md or .html)."""
    template = report_format(path)
    html = template.endswith(".html.j2")
    scores = record["scores"]
    articles = []
    for article in scores["articles"]:
        stem = article["id"]
        predicted = ArticleExtraction.model_validate(record["predictions"].get(stem, {}))
        entry: dict[str, Any] = {"score": article, "gold": golds.get(stem), "predicted": predicted}
        if html and stem in golds:
            entry["rows"] = side_by_side(golds[stem], predicted, article["details"])
        if html and stem in texts and stem in golds:
            marks, unlocated = article_marks(texts[stem], golds[stem], predicted, article["details"])
            entry["segments"] = segments(texts[stem], marks)
            entry["unlocated"] = unlocated
        articles.append(entry)
    return _environment(html).get_template(template).render(
        record=record,
        scores=scores,
        articles=articles,
        comparison=comparison,
        components=COMPONENTS,
        fields=FIELDS,
        overall_note=OVERALL_NOTE,
        grounded_items=GROUNDED_ITEMS,
    )


def render_matrix_report(path: Path, *, matrix: Mapping[str, Any], articles: int, gold_hash: str) -> str:
    """The prompts × models report for ``path``'s format (.md or .html)."""
    template = report_format(path, "matrix")
    return _environment(template.endswith(".html.j2")).get_template(template).render(
        matrix=matrix, articles=articles, gold_hash=gold_hash, components=COMPONENTS
    )


def write_matrix_report(path: Path, **context: Any) -> Path:
    return _write(path, render_matrix_report(path, **context))


def write_report(path: Path, **context: Any) -> Path:
    return _write(path, render_report(path, **context))


def _write(path: Path, text: str) -> Path:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise OutputError(f"cannot write the report: {exc.strerror or exc}", str(path)) from None
    return path
