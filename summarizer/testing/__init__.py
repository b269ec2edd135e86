"""Test doubles shared by the test suite and the benchmarks (``python -m summarizer.bench``)."""
