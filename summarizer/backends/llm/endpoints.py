"""Which kind of endpoint a base URL is, the client that speaks to it, and its sensible defaults.

| kind        | base URL                                                                 | client       | default mode |
|-------------|--------------------------------------------------------------------------|--------------|--------------|
| ``openai``  | none, or ``https://api.openai.com/v1``                                   | OpenAI       | tools        |
| ``azure``   | ``https://RES.openai.azure.com[/openai/deployments/DEP]?api-version=V``  | AzureOpenAI  | tools        |
| ``azure_v1``| ``https://RES.openai.azure.com/openai/v1``                               | OpenAI       | tools        |
| ``other``   | any OpenAI-compatible server (Ollama, vLLM, llama.cpp, LM Studio, proxies) | OpenAI     | json_schema  |

Azure's classic deployment URLs need an ``api-version`` (from the URL's query, ``-O api_version=`` or
``OPENAI_API_VERSION``) and send the key as ``api-key``; the model is the deployment's name unless the
URL names the deployment. The v1 endpoint is an OpenAI-compatible URL like any other. Structured
outputs are strict (``strict: true``) where the server enforces them: OpenAI and Azure.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit, urlunsplit

import openai

OPENAI_HOST = "api.openai.com"
OPENAI_URL = "https://api.openai.com/v1"
AZURE_HOSTS = (".openai.azure.com", ".cognitiveservices.azure.com", ".services.ai.azure.com")
AZURE_API_VERSION = "2024-10-21"


@dataclass(frozen=True)
class Endpoint:
    """A resolved endpoint: its kind, the URL the client is given, and Azure's deployment and version."""

    kind: str
    url: str
    deployment: str | None = None
    api_version: str | None = None

    @property
    def default_mode(self) -> str:
        """Tool calling where OpenAI's own models answer; JSON-schema output elsewhere (Ollama, vLLM,
        llama.cpp and LM Studio all take it, and LM Studio refuses ``json_object``)."""
        return "json_schema" if self.kind == "other" else "tools"

    @property
    def strict(self) -> bool:
        return self.kind != "other"

    @property
    def batch_url(self) -> str:
        """The ``url`` of a Batch API line: Azure's batches name the path without ``/v1``."""
        return "/chat/completions" if self.kind == "azure" else "/v1/chat/completions"

    def client(self, api_key: str, *, timeout: float) -> openai.OpenAI:
        """The openai client for this endpoint, its own retries off (transport.py retries)."""
        if self.kind == "azure":
            return openai.AzureOpenAI(
                api_key=api_key, azure_endpoint=self.url, azure_deployment=self.deployment,
                api_version=self.api_version, max_retries=0, timeout=timeout,
            )
        return openai.OpenAI(api_key=api_key, base_url=self.url, max_retries=0, timeout=timeout)


def resolve_endpoint(base_url: str | None, api_version: str | None = None, env: dict[str, Any] | None = None) -> Endpoint:
    """The endpoint a base URL (None for OpenAI's) names; see the table above."""
    if not base_url:
        return Endpoint("openai", OPENAI_URL)
    parts = urlsplit(base_url)
    host = (parts.hostname or "").lower()
    query = parse_qs(parts.query)
    version = (query.get("api-version") or [None])[0] or api_version or (env or {}).get("OPENAI_API_VERSION")
    path = parts.path.rstrip("/")
    if host == OPENAI_HOST:
        return Endpoint("openai", urlunsplit((parts.scheme, parts.netloc, path or "/v1", "", "")))
    azure_host = host.endswith(AZURE_HOSTS)
    if azure_host and "/openai/v1" in path:
        return Endpoint("azure_v1", urlunsplit((parts.scheme, parts.netloc, path, "", "")))
    if azure_host or query.get("api-version"):
        deployment = None
        if "/deployments/" in path:
            deployment = path.split("/deployments/", 1)[1].split("/", 1)[0] or None
        root = path.split("/openai", 1)[0]
        return Endpoint("azure", urlunsplit((parts.scheme, parts.netloc, root, "", "")), deployment, version or AZURE_API_VERSION)
    return Endpoint("other", base_url)
