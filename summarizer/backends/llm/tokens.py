"""Token counts without network access.

tiktoken downloads its BPE files on first use, which cannot happen here; ``bpe-openai`` ships the
o200k and cl100k tables inside its wheel and offers the same ``encode`` API. Models it does not
know (local models behind an OpenAI-compatible server) are counted with o200k_base: an estimate,
good enough to size chunks. The API's ``usage`` figures stay the source of truth for the call log.
"""

from __future__ import annotations

import warnings
from functools import lru_cache

with warnings.catch_warnings():  # bpe-openai 0.1.4 reads its tables with a deprecated importlib call
    warnings.simplefilter("ignore", DeprecationWarning)
    import bpe_openai

FALLBACK_ENCODING = "o200k_base"
# What every chat message costs besides its content, and what priming the reply costs
# (OpenAI's published accounting for the gpt-4o family).
TOKENS_PER_MESSAGE = 3
TOKENS_PER_REPLY = 3


@lru_cache(maxsize=16)
def encoding_name(model: str) -> str:
    """The BPE table a model uses; unknown models get o200k_base."""
    base = model.rsplit("/", 1)[-1]
    for candidate in (model, base):
        try:
            return bpe_openai.encoding_name_for_model(candidate)
        except (KeyError, bpe_openai.UnsupportedModelError):
            continue
    return FALLBACK_ENCODING


@lru_cache(maxsize=4)
def _encoding(name: str) -> bpe_openai.Encoding:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        encoding = bpe_openai.get_encoding(name)
        encoding.encode("Kỳ họp")  # loads the table now, inside this block
        return encoding


def count_tokens(text: str, model: str) -> int:
    return len(_encoding(encoding_name(model)).encode(text, disallowed_special=()))


def count_message_tokens(messages: list[dict], model: str) -> int:
    """Prompt tokens of a chat request's messages, as the API bills them."""
    total = TOKENS_PER_REPLY
    for message in messages:
        total += TOKENS_PER_MESSAGE
        for key, value in message.items():
            if isinstance(value, str):
                total += count_tokens(value, model)
    return total
