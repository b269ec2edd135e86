"""The loopback fake OpenAI server now lives in ``summarizer.testing.fake_openai`` (the benchmarks use
it too); the tests keep importing it from here."""

from summarizer.testing.fake_openai import (  # noqa: F401
    FAULTS,
    HALLUCINATED_OFFICIAL,
    INJECTED_OFFICIAL,
    INJECTION_MARKER,
    SEED_ARTICLES,
    SEED_GOLD,
    THINK_BLOCK,
    Fault,
    FakeOpenAI,
    Seen,
)
