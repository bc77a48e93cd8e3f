"""A value found in running text, with its character offsets into that text."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from smartcert.core.values.models import ParsedValue
from smartcert.core.values.periods import DateSpan, PartialDate


class MentionKind(StrEnum):
    DATE = "DATE"
    SPAN = "SPAN"
    MONEY = "MONEY"
    COUNT = "COUNT"
    PERCENT = "PERCENT"
    RATIO = "RATIO"


class Mention(BaseModel):
    """``text == source[start:end]`` always; ``value`` is the parse of ``text``."""

    model_config = ConfigDict(frozen=True)

    kind: MentionKind
    text: str
    start: int
    end: int
    value: DateSpan | PartialDate | ParsedValue
