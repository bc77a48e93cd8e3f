"""How listed items are compared: names on a normalised key, dates as written."""

from __future__ import annotations

import re

from extractors.normalize import match_key
from extractors.values.periods import DateSpan, PartialDate
from schemas.claims import ListedItem

_NOT_WORD = re.compile(r"[\W_]+")


def name_key(text: str | None) -> str:
    """'「스마트 리빙랩」 운영' and '스마트리빙랩 운영' share a key: NFKC, no spaces, no
    punctuation or brackets, lower case."""
    return _NOT_WORD.sub("", match_key(text or "")).lower()


def when(item: ListedItem) -> PartialDate | DateSpan | None:
    return item.span or item.date


def overlap(a: PartialDate | DateSpan | None, b: PartialDate | DateSpan | None) -> bool:
    """Whether two dates may stand for a common day; an unknown date overlaps anything."""
    if a is None or b is None:
        return True
    return a.first_day() <= b.last_day() and b.first_day() <= a.last_day()
