"""Vietnamese briefings from extractions: the model (model.py: gatherings.py, people.py, checklist.py,
sources.py), the inputs (collect.py), rendering (render.py)."""

from summarizer.briefing.model import Briefing, BriefingOptions, Entry, build_briefing
from summarizer.briefing.render import RENDERERS, render_html, render_markdown, write_briefing

__all__ = [
    "RENDERERS",
    "Briefing",
    "BriefingOptions",
    "Entry",
    "build_briefing",
    "render_html",
    "render_markdown",
    "write_briefing",
]
