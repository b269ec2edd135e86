"""The count of resolutions a phrase gives (``thông qua 21 nghị quyết``, ``04 Nghị quyết quan trọng``), so
that a decision which only counts them is not said twice beside the session's ``resolutions_passed``."""

from __future__ import annotations

import re

from summarizer.text.normalize import fold

from .gatherings import DRAFT, RESOLUTION
from .patterns import spaced

_COUNTED = re.compile(rf"(?<!\d)(\d{{1,3}})\s+(?:{spaced(DRAFT)}\s+)?{spaced(RESOLUTION)}(?![^\W\d_])")


def resolution_count(text: str) -> int | None:
    """The number of nghị quyết ``text`` counts, written in digits; None when it counts none."""
    found = _COUNTED.search(fold(text))
    return int(found.group(1)) if found else None
