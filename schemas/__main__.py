"""``python -m summarizer.schemas`` rewrites the exported JSON Schema after a model change."""

from . import export_schema

print(export_schema())
