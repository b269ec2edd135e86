"""An extraction as users see it: values in the article's own spelling without its invisible characters, and
every span indexing the article's text.

The rules read ``Article.clean``, where invisible characters inside a word stand after it (``Nguy\u200bễn``
reads ``Nguyễn\u200b``) and a hard-wrapped paragraph's line breaks are spaces. A value cut from it may hold
those set-aside characters, and a span may end inside a word whose invisible characters were moved: values
drop them, spans take in what their last word holds, and each span's text is the article's own.
"""

from __future__ import annotations

from summarizer.schemas import ArticleExtraction, Span
from summarizer.text.normalize import INVISIBLE, has_invisible, strip_invisible


def as_seen(extraction: ArticleExtraction, text: str, clean: str) -> ArticleExtraction:
    """``extraction`` with its values stripped of invisible characters and its spans over ``text`` (the
    article as read; ``clean``, of the same length, is what the rules read)."""
    if not has_invisible(text) and clean.count("\n") == text.count("\n"):
        return extraction  # read as written: nothing set aside, no line joined

    def span(found: Span | None) -> Span | None:
        if found is None:
            return None
        end = found.end
        while end < len(clean) and clean[end] in INVISIBLE and end > found.start:
            end += 1
        return Span(start=found.start, end=end, text=text[found.start : end])

    def value(found: str | None) -> str | None:
        return None if found is None else strip_invisible(found)

    for event in extraction.events:
        event.organ, event.locality = value(event.organ), value(event.locality)
        event.title, event.purpose = value(event.title), value(event.purpose)
        event.chairs = [strip_invisible(name) for name in event.chairs]
        event.evidence = span(event.evidence)
        for decision in event.decisions:
            decision.text = strip_invisible(decision.text)
            decision.person, decision.post = value(decision.person), value(decision.post)
            decision.evidence = span(decision.evidence)
    for official in extraction.officials:
        official.name = strip_invisible(official.name)
        official.titles = [strip_invisible(title) for title in official.titles]
        official.name_evidence = span(official.name_evidence)
        official.title_evidence = [s for s in map(span, official.title_evidence) if s is not None]
    for directive in extraction.directives:
        directive.issuer, directive.verb = strip_invisible(directive.issuer), strip_invisible(directive.verb)
        directive.addressees = [strip_invisible(addressee) for addressee in directive.addressees]
        directive.content = strip_invisible(directive.content)
        directive.evidence = span(directive.evidence)
    return extraction
