"""Profiles, the indicator catalogue, and what an indicator builder returns."""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from samples.generator.doc import Block, Table
from samples.generator.fmt import month_index, month_of, round_half_up

HERE = Path(__file__).resolve().parent
# A copy of /work/shared/reference/city-2025-indicators.csv, so the generator runs anywhere.
CATALOGUE = HERE / "indicators.csv"
AREAS = ["행정", "주거", "교육", "문화관광", "경제", "보건복지", "환경에너지"]


@dataclass(frozen=True)
class Spec:
    code: str
    group: str
    subgroup: str
    area: str  # '' or '교통(필수)', '행정(선택)', …
    name: str
    points: int
    summary_format: str
    value_rule: str
    period_rule: str

    @property
    def area_name(self) -> str:
        return self.area.split("(")[0]


def load_catalogue() -> list[Spec]:
    with CATALOGUE.open(encoding="utf-8") as f:
        return [
            Spec(
                code=r["code"],
                group=r["group"],
                subgroup=r["subgroup"],
                area=r["area"],
                name=r["name"],
                points=int(r["points"]),
                summary_format=r["summary_format"],
                value_rule=r["value_rule"],
                period_rule=r["period_rule"],
            )
            for r in csv.DictReader(f)
        ]


def selected_specs(selected_areas: list[str]) -> list[Spec]:
    """Mandatory rows plus the rows of the three chosen optional areas, in catalogue order."""
    return [s for s in load_catalogue() if "(선택)" not in s.area or s.area_name in selected_areas]


@dataclass
class Profile:
    raw: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.raw[name]
        except KeyError as e:
            raise AttributeError(name) from e

    @classmethod
    def load(cls, path: Path) -> Profile:
        return cls(json.loads(path.read_text(encoding="utf-8")))


@dataclass
class EvPage:
    """One page of the evidence PDF; ``shows`` are strings printed on it as proof."""

    title: str
    blocks: list[Block]
    shows: list[str]


@dataclass
class Built:
    """Everything one indicator contributes: summary cell, data form, truth, evidence."""

    text: str
    value: Any
    unit: str | None
    derivation: dict[str, Any]
    form_title: str
    form_text: str
    analysis: str
    source: str
    tables: list[Table]
    evidence: list[EvPage]
    unit_label: str | None = None
    notes: list[str] = field(default_factory=list)
    components: dict[str, Any] = field(default_factory=dict)
    links: list[dict[str, Any]] = field(default_factory=list)
    items: list[dict[str, Any]] = field(default_factory=list)
    item_checks: list[str] = field(default_factory=list)


class Ctx:
    """Per-indicator context: the city, a private seeded RNG, period and population helpers."""

    def __init__(self, city: Profile, spec: Spec) -> None:
        self.city, self.spec, self.code = city, spec, spec.code
        self.rng = random.Random(f"{city.seed}:{spec.code}")  # str seeds are stable (sha512)
        self.start, self.end = city.period["start"], city.period["end"]
        self.done: dict[str, Built] = {}  # indicators built so far (cross-references)

    @property
    def name(self) -> str:
        return self.city.name

    def scaled(self, lo: int, hi: int) -> int:
        """A count scaled to the city's size (profile ``scale``), at least 1."""
        s = self.city.scale
        return max(1, round(self.rng.randint(lo, hi) * s))

    def months(self, n: int, start: str | None = None, end: str | None = None) -> list[str]:
        """``n`` sorted 'YYYY-MM' months inside [start, end] (default: the 2-year span)."""
        a, b = month_index(start or self.start), month_index(end or self.end)
        return sorted(month_of(self.rng.randint(a, b)) for _ in range(n))

    def days(self, n: int, start: str | None = None, end: str | None = None) -> list[str]:
        """``n`` sorted 'YYYY-MM-DD' dates inside the span (day 1–28 to stay valid)."""
        return sorted(f"{m}-{self.rng.randint(1, 28):02d}" for m in self.months(n, start, end))

    def pop(self, month: str = "2024-12") -> int:
        return int(self.city.population[month])

    def pop_in(self, unit: int, month: str = "2024-12") -> Decimal:
        """Population in 만명 (10000) or 천명 (1000), printed with 2 decimals."""
        return round_half_up(Decimal(self.pop(month)) / unit, 2)

    def pick(self, pool: list[Any], n: int) -> list[Any]:
        return self.rng.sample(pool, min(n, len(pool)))

    def pin(self) -> Any:
        """A figure the profile fixes for this indicator (variant bundles print the issue's
        own examples, e.g. '1,250백만원'); None keeps the seeded draw of the base bundles."""
        return self.city.raw.get("pins", {}).get(self.code)


def fit_total(items: list[dict[str, Any]], key: str, total: int) -> None:
    """Rescale the items' ``key`` so they add up to ``total`` exactly (each stays >= 1)."""
    have = sum(it[key] for it in items)
    for it in items:
        it[key] = max(1, it[key] * total // have)
    items[max(range(len(items)), key=lambda i: items[i][key])][key] += total - sum(
        it[key] for it in items
    )
