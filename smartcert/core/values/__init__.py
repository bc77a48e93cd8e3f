"""Korean value parsing: numbers with units, dates and periods, mentions in running text.

The parsers are pure and cheap to import; the spaCy/Kiwi names (`korean_nlp`,
`find_mentions`, `iter_mentions`) load spaCy only when first used.
"""

from __future__ import annotations

from typing import Any

from smartcert.core.values.dates import find_dates, parse_date, parse_span
from smartcert.core.values.mention import Mention, MentionKind
from smartcert.core.values.models import Flag, ParsedValue, Part, Per
from smartcert.core.values.numbers import parse_number, parse_value, to_million_won
from smartcert.core.values.periods import DateSpan, PartialDate

__all__ = [
    "DateSpan",
    "Flag",
    "Mention",
    "MentionKind",
    "ParsedValue",
    "Part",
    "PartialDate",
    "Per",
    "find_dates",
    "find_mentions",
    "iter_mentions",
    "korean_nlp",
    "parse_date",
    "parse_number",
    "parse_span",
    "parse_value",
    "to_million_won",
]

_LAZY = frozenset({"find_mentions", "iter_mentions", "korean_nlp"})


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from smartcert.core.values import nlp

        return getattr(nlp, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
