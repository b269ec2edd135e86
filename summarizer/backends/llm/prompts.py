"""Versioned prompt templates, loaded from the ``summarizer.prompts`` package and rendered with jinja2.

A prompt is named ``<task>/v<N>`` (``extract/v1``) and is two files, ``<task>/v<N>.system.j2`` and
``<task>/v<N>.user.j2``. Its hash covers both template sources (not the article), so results made
with different wording never share a cache entry or a comparison row.

A prompt declares the answer it wants in Jinja comments of its system template (the model never
sees them): ``{# asks: purpose, decisions #}`` names the optional event fields it asks for, which
the answer schema then shows; ``{# schema: lean #}`` sends the schema without the constraints the
answer is validated against anyway (validation.answer_model). A prompt without them asks for no
optional field and sends the full compact schema.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import jinja2

from summarizer.errors import ConfigError
from summarizer.text.normalize import nfc

from summarizer.backends.options import DEFAULT_PROMPT

from .validation import Answer, answer_model

_NAME = re.compile(r"^(?P<task>[a-z_]+)(?:/v(?P<version>\d+))?$")
_DECLARATION = re.compile(r"\{#-?\s*(?P<key>asks|schema):(?P<value>[^#]*?)-?#\}")
SCHEMA_STYLES = ("full", "lean")

_ENV = jinja2.Environment(
    undefined=jinja2.StrictUndefined,
    autoescape=False,
    keep_trailing_newline=False,
    trim_blocks=False,
)


@dataclass(frozen=True)
class Prompt:
    """One version of one prompt: its two templates and the hash that identifies it."""

    name: str
    system_source: str
    user_source: str

    def _declared(self, key: str) -> str | None:
        m = next((m for m in _DECLARATION.finditer(self.system_source) if m.group("key") == key), None)
        return m.group("value").strip() if m else None

    @property
    def asks(self) -> frozenset[str]:
        """The optional event fields the system template declares it asks for (``{# asks: … #}``)."""
        return frozenset(f.strip() for f in (self._declared("asks") or "").split(",") if f.strip())

    @property
    def schema_style(self) -> str:
        """``lean`` when the system template declares ``{# schema: lean #}``, else ``full``."""
        return self._declared("schema") or "full"

    @property
    def answer(self) -> type[Answer]:
        """The answer model this prompt asks for (ValueError for a declaration that names no such thing)."""
        if self.schema_style not in SCHEMA_STYLES:
            raise ValueError(f"no schema style {self.schema_style!r}; choose {' or '.join(SCHEMA_STYLES)}")
        return answer_model(self.asks, lean=self.schema_style == "lean")

    @property
    def hash(self) -> str:
        digest = hashlib.sha256(f"{self.system_source}\0{self.user_source}".encode("utf-8"))
        return digest.hexdigest()[:16]

    def render(
        self, text: str, *, article_id: str | None = None, published: str | None = None
    ) -> list[dict[str, str]]:
        """The chat messages for one article (or one chunk of it).

        The article sits between fence lines carrying a hash of its own content, so text inside
        the article cannot close the fence and pose as instructions.
        """
        fence = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
        values = {"text": text, "fence": fence, "article_id": article_id, "published": published}
        system = _compiled(self.system_source).render(**values)
        user = _compiled(self.user_source).render(**values)
        return [{"role": "system", "content": nfc(system)}, {"role": "user", "content": nfc(user)}]


@lru_cache(maxsize=32)
def _compiled(source: str) -> jinja2.Template:
    """Templates are compiled once, not once per article."""
    return _ENV.from_string(source)


def _folder(task: str) -> resources.abc.Traversable:
    return resources.files("summarizer.prompts").joinpath(task)


def available_versions(task: str) -> list[int]:
    folder = _folder(task)
    if not folder.is_dir():
        return []
    found = {
        int(m.group(1))
        for entry in folder.iterdir()
        if (m := re.fullmatch(r"v(\d+)\.system\.j2", entry.name))
    }
    return sorted(found)


@lru_cache(maxsize=16)
def load_prompt(name: str | None = None) -> Prompt:
    """``extract/v1``, or ``extract`` for its latest version; an unknown name is a ConfigError."""
    wanted = (name or DEFAULT_PROMPT).strip()
    m = _NAME.match(wanted)
    if not m:
        raise ConfigError(f"prompt name {wanted!r} is not of the form task/vN (e.g. {DEFAULT_PROMPT})", "--prompt")
    task = m.group("task")
    versions = available_versions(task)
    if not versions:
        raise ConfigError(f"no prompt called {task!r}", "--prompt")
    version = int(m.group("version")) if m.group("version") else versions[-1]
    if version not in versions:
        listed = ", ".join(f"{task}/v{v}" for v in versions)
        raise ConfigError(f"no prompt {task}/v{version}; available: {listed}", "--prompt")
    folder = _folder(task)
    prompt = Prompt(
        name=f"{task}/v{version}",
        system_source=folder.joinpath(f"v{version}.system.j2").read_text(encoding="utf-8"),
        user_source=folder.joinpath(f"v{version}.user.j2").read_text(encoding="utf-8"),
    )
    try:
        prompt.answer
    except ValueError as exc:
        raise ConfigError(f"prompt {prompt.name}: {exc}", "--prompt") from None
    return prompt
