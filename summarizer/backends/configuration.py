"""One configuration object for a run: which backend, its typed options, and the fallback policy.

Built once from the command line (or the Python API) and handed to every command, pipeline and
worker process; it replaces the loose strings that used to travel from command to command.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from summarizer.errors import ConfigError, say

from .options import BackendOptions, FallbackPolicy
from .registry import BackendSpec, spec_of

if TYPE_CHECKING:
    from .base import Backend

AUTO = "auto"
FALLBACK_POLICIES: tuple[str, ...] = FallbackPolicy.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class BackendConfig:
    """A resolved backend name (never ``auto``), its options, and what to do when it fails an article.

    ``fallback="rules"`` answers an article the backend failed on with the rule-based backend,
    marked in its provenance; ``"none"`` makes it an error record. Either way the run reports it.
    """

    name: str
    options: BackendOptions
    fallback: FallbackPolicy = "none"

    @property
    def spec(self) -> BackendSpec:
        return spec_of(self.name)

    def build(self) -> Backend:
        """The backend, wrapped in the fallback when the policy asks for one."""
        backend = self.spec.build(self.options)
        if self.fallback == "rules" and self.name != "regex":
            from .fallback import FallbackBackend

            rules = rules_config()
            return FallbackBackend(backend, rules.spec.build(rules.options))
        return backend

    def jobs(self, asked: int = 0) -> int:
        """Articles at once: as asked, else the backend's default, else one per core."""
        if asked:
            return asked
        if self.spec.default_jobs:
            return self.spec.default_jobs
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except AttributeError:
            return max(1, os.cpu_count() or 1)

    def identity(self) -> dict[str, Any]:
        """What shapes the extraction: backend, its model and prompt, and the contract's schema hash."""
        from summarizer.schemas import schema_hash

        return {"backend": self.name, **self.options.identity(), "schema": schema_hash()}

    @property
    def settings_hash(self) -> str:
        """Short hash of ``identity()``: a results record made with other settings is redone on resume."""
        material = json.dumps(self.identity(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(material.encode("utf-8")).hexdigest()[:16]


def rules_config() -> BackendConfig:
    return BackendConfig("regex", spec_of("regex").options())


def resolve_name(name: str, given: Mapping[str, Any], *, env: Mapping[str, str] | None = None, quiet: bool = False) -> str:
    """``auto`` is the LLM when a model is configured (flag or SUMMARIZER_MODEL), else the rules, with a notice."""
    env = os.environ if env is None else env
    if name != AUTO:
        return spec_of(name).name
    if given.get("model") or env.get("SUMMARIZER_MODEL"):
        return "llm"
    if not quiet:
        say("no model configured (--model or SUMMARIZER_MODEL); using the rule-based backend")
    return "regex"


def backend_config(
    name: str = AUTO,
    *,
    fallback: str | None = None,
    quiet: bool = False,
    env: Mapping[str, str] | None = None,
    **given: Any,
) -> BackendConfig:
    """A run's configuration from a backend name and options as a user gives them (flags, kwargs).

    Options that do not apply to the chosen backend are an error when given explicitly (not None),
    except the LLM's options with the rules chosen by ``auto``.
    """
    resolved = resolve_name(name, given, env=env, quiet=quiet)
    spec = spec_of(resolved)
    values = {k: v for k, v in given.items() if v is not None}
    if resolved == "regex":
        if name == AUTO or not values:
            values = {}
        else:
            raise ConfigError(f"the rule-based backend takes no options (got {', '.join(sorted(values))})", "--backend")
    elif "model" not in values and not (env if env is not None else os.environ).get("SUMMARIZER_MODEL"):
        raise ConfigError(f"the {resolved} backend needs {spec.needs}", "--model")
    policy = (fallback or os.environ.get("SUMMARIZER_FALLBACK") or "none").strip().lower()
    if policy not in FALLBACK_POLICIES:
        raise ConfigError(f"unknown fallback policy {policy!r}; choose none or rules", "--fallback")
    return BackendConfig(resolved, spec.options.build(values, env=env), policy)  # type: ignore[arg-type]
