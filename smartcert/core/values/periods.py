"""Dates as precise as they were written, and spans between two of them.

A submission writes "'23.05" (a month), "2023. 5. 12." (a day) or "'23" (a year);
`PartialDate` keeps that precision so a period check can ask for the first or last
day it may stand for.
"""

from __future__ import annotations

import calendar
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, computed_field, model_validator

Precision = Literal["day", "month", "year"]


class PartialDate(BaseModel):
    model_config = ConfigDict(frozen=True)

    year: int
    month: int | None = None
    day: int | None = None

    @model_validator(mode="after")
    def _check(self) -> PartialDate:
        if not 1 <= self.year <= 9999:
            raise ValueError(f"year {self.year} out of range")
        if self.month is None:
            if self.day is not None:
                raise ValueError("a day needs a month")
            return self
        if not 1 <= self.month <= 12:
            raise ValueError(f"month {self.month} out of range")
        if (
            self.day is not None
            and not 1 <= self.day <= calendar.monthrange(self.year, self.month)[1]
        ):
            raise ValueError(f"day {self.day} does not exist in {self.year}-{self.month:02d}")
        return self

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def __str__(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


class DateSpan(BaseModel):
    """ "2023.08~2025.07": start and end as written; the end is inclusive."""

    model_config = ConfigDict(frozen=True)

    start: PartialDate
    end: PartialDate

    @model_validator(mode="after")
    def _ordered(self) -> DateSpan:
        if (
            self.end.last_day() < self.start.first_day()
            or self.end.first_day() < self.start.first_day()
        ):
            raise ValueError(f"span ends ({self.end}) before it starts ({self.start})")
        return self

    def first_day(self) -> date:
        return self.start.first_day()

    def last_day(self) -> date:
        return self.end.last_day()

    def months(self) -> int:
        """Calendar months touched, both ends included: 2023.08~2025.07 → 24, '23.01~02 → 2."""
        first, last = self.first_day(), self.last_day()
        return (last.year - first.year) * 12 + last.month - first.month + 1

    def contains(self, other: PartialDate | DateSpan | date) -> bool:
        """Whether every day ``other`` may stand for lies inside the span."""
        if isinstance(other, date):
            return self.first_day() <= other <= self.last_day()
        return self.first_day() <= other.first_day() and other.last_day() <= self.last_day()

    def __str__(self) -> str:
        return f"{self.start}~{self.end}"
