"""The LLM backend: any OpenAI-compatible model through instructor, grounded, cached and logged."""

from .backend import LLMBackend, prompt_overhead_tokens

__all__ = ["LLMBackend", "prompt_overhead_tokens"]
