"""Briefing → Markdown or one self-contained HTML file, through the Jinja2 templates beside this module.

HTML is autoescaped (article text is untrusted: a ``<script>`` in an article shows as text); the
Markdown template escapes Markdown's own markup characters with the ``md`` filter instead.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from summarizer.briefing.model import Briefing
from summarizer.briefing.sources import markdown_url
from summarizer.errors import ConfigError, OutputError
from summarizer.pipeline.outputs import check_output_path

TITLE = "Bản tin hoạt động chính quyền địa phương"
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_WS = re.compile(r"\s+")


def md_escape(value: object) -> str:
    """One line of Markdown that shows ``value`` literally."""
    return _MD_SPECIAL.sub(r"\\\1", _WS.sub(" ", str(value)).strip())


def capfirst(value: object) -> str:
    text = str(value)
    return text[:1].upper() + text[1:]


def join_and(items: list[str]) -> str:
    """``A``, ``A và B``, ``A, B và C``: how Vietnamese lists whom a directive addresses."""
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " và " + items[-1]


def plain(value: object) -> str:
    """A ``_phrases.j2`` sentence as plain text again, so the HTML template escapes it.

    That template is not autoescaped (Markdown shares it), yet Jinja marks a macro's output safe
    when an autoescaped template calls it, which would let article text through as markup.
    """
    return str.__str__(value) if isinstance(value, str) else str(value)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("summarizer.briefing", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters.update(md=md_escape, md_url=markdown_url, capfirst=capfirst, join_and=join_and, plain=plain)
    return env


def render_markdown(briefing: Briefing, *, title: str = TITLE) -> str:
    return environment().get_template("briefing.md.j2").render(b=briefing, title=title)


def render_html(briefing: Briefing, *, title: str = TITLE) -> str:
    return environment().get_template("briefing.html.j2").render(b=briefing, title=title)


RENDERERS = {".md": render_markdown, ".markdown": render_markdown, ".html": render_html, ".htm": render_html}


def write_briefing(briefing: Briefing, output: Path) -> None:
    """Render by the output's suffix and replace the file in one move, so a failed run keeps the old one."""
    render = RENDERERS.get(output.suffix.lower())
    if render is None:
        raise ConfigError("the briefing is written as .md or .html", str(output))
    check_output_path(output, "briefing.html")
    text = render(briefing)
    temporary = output.with_name(f".{output.name}.part")
    try:
        with temporary.open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, output)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"cannot write: {exc.strerror or exc} (an earlier briefing is kept)", str(output)) from None
