"""Function words the grammar turns on: conjunctions, plural determiners, prepositions, the copula."""

from __future__ import annotations

from .tables import phrase, phrases, words

AND = "và"
PLURAL = ("các", "những")
"""Determiners that make the noun after them plural (``các Phó Chủ tịch``)."""
COUNTED = (*PLURAL, "hai", "ba")
"""Determiners before a title held by more than one person (``hai Phó Chủ tịch``)."""
ALL_OF = "toàn"
"""``toàn dân``, ``toàn quân``: the whole of a group."""
OF = "của"
BELONGING = ("của", "thuộc")
"""``của Hải Phòng``, ``thuộc UBND tỉnh``: what an addressee belongs to."""
TOGETHER_WITH = ("cùng", "với")
"""``cùng với``: a partner named beside the one before (``với`` may be left out)."""
COPULA = "là"
FOR = "cho"
"""``giao cho các xã …``: the addressees follow the preposition."""
INCLUDING = phrase("bao gồm")
LISTING = phrases("gồm|bao gồm|gồm có|là")
"""``bầu hai Phó Chủ tịch UBND tỉnh, gồm: A, B``: the persons listed follow."""
"""``… bao gồm Báo cáo …``: the enumeration of what a request covers."""
PURPOSE = words("để|nhằm")
"""``… để thông qua …``: a purpose clause, which names other bodies than the subject."""
