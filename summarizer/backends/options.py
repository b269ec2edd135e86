"""Each backend's options as a pydantic model: typed, validated, and filled from flags and environment.

Flags given on the command line win over environment variables, which win over the defaults here.
The models are plain data (no client, no network), so they are cheap to build, compare and pickle
into worker processes.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, ClassVar, Literal
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator

from summarizer.errors import ConfigError

Mode = Literal["tools", "json", "md_json", "json_schema"]
DEFAULT_PROMPT = "extract/v2"
FallbackPolicy = Literal["none", "rules"]


class BackendOptions(BaseModel):
    """Options every backend takes; subclasses add their own. Unknown names are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    # option name → environment variable it is read from when not given
    ENVIRONMENT: ClassVar[dict[str, str]] = {}

    @classmethod
    def build(cls, given: Mapping[str, Any], *, env: Mapping[str, str] | None = None) -> BackendOptions:
        """Options from ``given`` (None values ignored), then the environment; a bad value is a ConfigError."""
        env = os.environ if env is None else env
        values = {name: value for name, value in given.items() if value is not None}
        for name, variable in cls.ENVIRONMENT.items():
            if name not in values and env.get(variable):
                values[name] = env[variable]
        try:
            return cls.model_validate(values)
        except ValidationError as exc:
            first = exc.errors()[0]
            name = ".".join(str(part) for part in first["loc"]) or "options"
            flag = f"--{name.replace('_', '-')}" if name in cls.model_fields else name
            if first["type"] == "extra_forbidden":
                known = ", ".join(sorted(cls.model_fields)) or "none"
                raise ConfigError(f"unknown option {name!r} (this backend takes: {known})", flag) from None
            raise ConfigError(f"{first['msg']} (got {first.get('input')!r})", flag) from None

    def identity(self) -> dict[str, Any]:
        """What of these options shapes the extraction (for resume keys and run records)."""
        return {}


class RulesOptions(BackendOptions):
    """The rule-based backend takes no options."""


class LLMOptions(BackendOptions):
    """A model behind any OpenAI-compatible endpoint, and how to call it."""

    ENVIRONMENT: ClassVar[dict[str, str]] = {
        "model": "SUMMARIZER_MODEL",
        "base_url": "OPENAI_BASE_URL",
        "api_key": "OPENAI_API_KEY",
        "mode": "SUMMARIZER_MODE",
        "retry_attempts": "SUMMARIZER_RETRY_ATTEMPTS",
        "retry_base_delay": "SUMMARIZER_RETRY_BASE_DELAY",
        "retry_max_delay": "SUMMARIZER_RETRY_MAX_DELAY",
        "max_retry_after": "SUMMARIZER_MAX_RETRY_AFTER",
        "timeout": "SUMMARIZER_TIMEOUT",
        "temperature": "SUMMARIZER_TEMPERATURE",
        "max_tokens": "SUMMARIZER_MAX_TOKENS",
        "seed": "SUMMARIZER_SEED",
        "reasoning_effort": "SUMMARIZER_REASONING_EFFORT",
        "api_version": "OPENAI_API_VERSION",
    }

    model: str = Field(min_length=1, description="Model name, e.g. gpt-4o-mini or qwen2.5:14b.")
    base_url: str | None = Field(default=None, description="OpenAI-compatible endpoint; None for api.openai.com.")
    api_key: SecretStr | None = Field(default=None, description="Never logged, cached or printed.")
    prompt: str | None = Field(default=None, description="Prompt name and version, e.g. extract/v1.")
    mode: Mode | None = Field(default=None, description="How the answer's structure is asked for; None: the endpoint's default.")
    api_version: str | None = Field(default=None, description="Azure OpenAI's api-version for classic deployment URLs.")
    temperature: float | None = Field(default=None, ge=0.0, le=2.0, description="None: 0, or the model's default for reasoning models.")
    max_tokens: int | None = Field(default=None, ge=1, description="Largest answer, in tokens (sent as max_completion_tokens to reasoning models).")
    seed: int | None = None
    reasoning_effort: Literal["none", "minimal", "low", "medium", "high", "xhigh"] | None = None
    max_reasks: int = Field(default=2, ge=0, le=10, description="Re-asks after an invalid or ungrounded answer.")
    retry_attempts: int = Field(default=4, ge=1, le=20, description="HTTP attempts for a transient fault.")
    retry_base_delay: float = Field(default=1.0, ge=0.0, description="Seconds; doubled per attempt, with jitter.")
    retry_max_delay: float = Field(default=30.0, ge=0.0, description="Largest backoff, seconds.")
    max_retry_after: float = Field(default=60.0, ge=0.0, description="Largest Retry-After honoured, seconds.")
    timeout: float = Field(default=120.0, gt=0.0, description="Per-request timeout, seconds.")
    chunk_tokens: int = Field(default=6000, ge=200, description="Article tokens per request before splitting.")
    use_cache: bool = True

    @field_validator("model", "base_url", "prompt", mode="before")
    @classmethod
    def _stripped(cls, value: Any) -> Any:
        return value.strip() if isinstance(value, str) else value

    @field_validator("base_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parsed = urlparse(value)
        if parsed.scheme not in ("http", "https") or not parsed.hostname:
            raise ValueError("must be an http:// or https:// URL with a host, e.g. http://localhost:11434/v1")
        try:
            parsed.port
        except ValueError:
            raise ValueError("has a port that is not a number") from None
        return value

    @field_validator("mode", mode="before")
    @classmethod
    def _lower(cls, value: Any) -> Any:
        return value.strip().lower() if isinstance(value, str) else value

    def identity(self) -> dict[str, Any]:
        return {"model": self.model, "prompt": self.prompt or DEFAULT_PROMPT}
