"""Models of one indicator of a rule set: its value rule, period rule, exclusions and form.

The data lives in `schemas/rulesets/<id>/indicators.yaml`; these models only describe and
type it. Every fact carries the clause of the call it comes from, so a validator can cite it.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field

from smartcert.core.normalize import match_key
from smartcert.schemas.catalogue.base import CatalogueModel

ValueKind = Literal[
    "count",  # a number of listed items or a printed total (00건/00개/00명)
    "bool",  # O/X, 여부, 유무
    "ratio",  # numerator / denominator (per 1만명, 1천명, 1km …)
    "percent",  # numerator / denominator × 100
    "decrease_percent",  # (base − current) / base × 100
    "two_part_sum",  # 국내 00건, 국외 00건 → the sum
    "kind_count",  # 000종, 000건 → the 건 figure
    "amount_million_won",  # 000백만원
    "number_in_thousand_persons",  # 00천명
    "free_text",  # 지자체 자체 설정 지표: no primary value
]
PeriodKind = Literal["2y", "asof", "current", "base", "years", "none"]
AliasSource = Literal["summary", "points", "form", "heading", "csv", "ruleset-2023", "other"]
FieldRole = Literal[
    "no", "category", "name", "date", "span", "year", "amount", "count", "org", "dept",
    "text", "link", "flag", "ratio",
]
ComponentRole = Literal["input", "total", "derived", "flag", "text"]




class Alias(CatalogueModel):
    text: str
    source: AliasSource
    clause: str = ""
    typo: bool = False  # the call prints it this way by mistake ('방법 CCTV' for 방범)


class Clauses(CatalogueModel):
    """Where the indicator is printed. A complete rule set has all of summary/points/form;
    a partial one may only know where its code and name are listed (`listing`)."""

    summary: str | None = None
    points: str | None = None
    form: str | None = None
    listing: str | None = None


class PointsTableEntry(CatalogueModel):
    """How the 평가배점 table words and places the indicator."""

    name: str
    item: str
    subitem: str


class ValueRule(CatalogueModel):
    """How the indicator's single primary value is read and, where possible, recomputed."""

    kind: ValueKind
    primary: str | None = None  # component id holding the primary value
    parts: list[str] = Field(default_factory=list)  # components combined (sum / any / 종+건)
    numerator: list[str] = Field(default_factory=list)  # summed
    denominator: list[str] = Field(default_factory=list)  # summed
    base: str | None = None  # decrease_percent: the earlier figure
    current: str | None = None  # decrease_percent: the later figure
    multiplier: int = 1
    # the call contradicts itself on some forms (title per 1만명, total row "*100")
    alt_multipliers: list[int] = Field(default_factory=list)
    per: str | None = None  # "1만명", "1천명", "1km"
    decimals: int | None = None
    description: str = ""
    clause: str

    def component_ids(self) -> list[str]:
        ids = [self.primary, self.base, self.current, *self.parts]
        ids += [*self.numerator, *self.denominator]
        return [i for i in ids if i]


class PeriodRule(CatalogueModel):
    kind: PeriodKind
    base: str | None = None  # "2024-12" or "2024" for kind == base
    years: list[int] = Field(default_factory=list)  # kind == years
    alternatives: list[str] = Field(default_factory=list)  # other bases the call also prints
    note: str = ""
    clause: str

    @property
    def code(self) -> str:
        """The short form the reference CSV uses: '2y', 'base:2024-12', 'years:2023-2024'."""
        if self.kind == "base":
            return f"base:{self.base}"
        if self.kind == "years":
            return f"years:{min(self.years)}-{max(self.years)}"
        return "" if self.kind == "none" else self.kind


class Exclusion(CatalogueModel):
    id: str
    text: str
    keywords: list[str] = Field(default_factory=list)  # hints for a first screening only
    clause: str


class IndicatorRule(CatalogueModel):
    """Any other stated condition (e.g. separate sessions by date, no overlap with B-1-1)."""

    id: str
    text: str
    params: dict[str, Any] = Field(default_factory=dict)
    clause: str


class ComponentSpec(CatalogueModel):
    """One figure of the data form: an input (A), a total, a derived value (B/A), a flag."""

    id: str
    label: str
    unit: str | None = None
    letter: str | None = None  # the (A)/(B) printed on the form
    formula: str | None = None  # as printed, typos included
    role: ComponentRole = "input"
    year: int | None = None


class ItemField(CatalogueModel):
    """One column of a listed-item table."""

    name: str  # the header as printed
    role: FieldRole
    unit: str | None = None
    values: list[str] = Field(default_factory=list)  # the closed set a category column takes
    sums_to: str | None = None  # the component the column adds up to


class ItemList(CatalogueModel):
    """A table of listed items (awards, sessions, APIs …) with the fields of each row."""

    id: str
    label: str
    fields: list[ItemField]
    count_to: str | None = None  # the component equal to the number of rows
    clause: str

    def field_with(self, *roles: FieldRole) -> ItemField | None:
        return next((f for f in self.fields if f.role in roles), None)

    @property
    def date_field(self) -> ItemField | None:
        """The column a period check reads (a date, a span or a year)."""
        return self.field_with("date", "span", "year")

    @property
    def name_field(self) -> ItemField | None:
        return self.field_with("name")


class Form(CatalogueModel):
    """The indicator's data form (자료구축양식) and the 지표/분석자료/자료출처 rows above it."""

    heading: str | None = None  # the ①… heading above the form
    title: str | None = None  # the 지표 row, left cell
    summary_text: str | None = None  # the 지표 row, right cell ("표창 총 00건")
    unit_note: str | None = None  # "(단위: 건)"
    analysis: list[str] = Field(default_factory=list)  # 분석자료
    sources: list[str] = Field(default_factory=list)  # 자료출처
    base_date: str | None = None  # "2025-06" for '25.06 기준
    components: list[ComponentSpec] = Field(default_factory=list)
    lists: list[ItemList] = Field(default_factory=list)
    free: bool = False  # the call prints no data form (자체 설정 지표)
    note: str = ""

    def component(self, cid: str) -> ComponentSpec | None:
        return next((c for c in self.components if c.id == cid), None)


class Indicator(CatalogueModel):
    code: str
    name: str
    group: str
    subgroup: str
    area: str | None = None
    # None only in a partial rule set (complete: false); the loader enforces them otherwise
    points: int | None = None
    summary_format: str | None = None
    unit: str | None = None  # unit of the primary value
    points_table: PointsTableEntry | None = None
    clauses: Clauses
    aliases: list[Alias] = Field(default_factory=list)
    value_rule: ValueRule | None = None
    period_rule: PeriodRule | None = None
    exclusions: list[Exclusion] = Field(default_factory=list)
    rules: list[IndicatorRule] = Field(default_factory=list)
    form: Form | None = None
    successor: str | None = None  # the code of the same indicator in a later rule set

    def all_names(self) -> list[Alias]:
        """The name, the explicit aliases and the wordings of the points table and the form."""
        cl = self.clauses
        out = [Alias(text=self.name, source="summary", clause=cl.summary or cl.listing or "")]
        out += self.aliases
        if self.points_table:
            out.append(Alias(text=self.points_table.name, source="points", clause=cl.points or ""))
        if self.form and self.form.title:
            out.append(Alias(text=self.form.title, source="form", clause=cl.form or ""))
        if self.form and self.form.heading:
            out.append(Alias(text=self.form.heading, source="heading", clause=cl.form or ""))
        # a wording the data marks as a misprint is one wherever the call repeats it
        typos = {match_key(a.text) for a in self.aliases if a.typo}
        return [a.model_copy(update={"typo": True}) if match_key(a.text) in typos else a
                for a in out]

    def exclusion(self, eid: str) -> Exclusion | None:
        return next((e for e in self.exclusions if e.id == eid), None)

    def rule(self, rid: str) -> IndicatorRule | None:
        """The `rules:` entry `rid`. Every reader of entries goes through here
        (tests/test_requirements.py records the calls to prove each entry has a consumer)."""
        return next((r for r in self.rules if r.id == rid), None)

    def rules_of(self, *ids: str) -> list[IndicatorRule]:
        """The entries among `ids` this indicator declares, in declaration order."""
        return [e for r in self.rules if r.id in ids and (e := self.rule(r.id)) is not None]

    def rules_prefixed(self, prefix: str) -> list[IndicatorRule]:
        """The entries whose id starts with `prefix` ('sum_of': every total the form states)."""
        return [e for r in self.rules
                if r.id.startswith(prefix) and (e := self.rule(r.id)) is not None]
