"""One service rule set (program kind "service"), validated: the 2023 smart city SERVICE
certification's items, ladders, levels, eligibility, documents and periods as data.

    rs = load_service_ruleset("service-2023")        # smartcert.schemas.catalogue
    rs.item("S-112").criteria[1].steps[0].params      # {'rating_min': 4.0}
    rs.items_for("L2")                                # the 20 S-pages an L2 service is scored on
    rs.total_for("L3")                                # 100
    rs.shortfalls("L1", {"1": 14, "2": 41, "3": 16})  # [부합성 14 < 과락 15]
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from smartcert.core.normalize import match_key
from smartcert.schemas.catalogue.base import RulesetIdentity
from smartcert.schemas.catalogue.service.items import (
    CertIndicator,
    Criterion,
    EvalItem,
    PressTier,
    SubItem,
)
from smartcert.schemas.catalogue.service.sections import (
    Discrepancy,
    Documents,
    Eligibility,
    Level,
    Levels,
    Periods,
    SelfRow,
    ServiceMeta,
)

_CODE = re.compile(r"^S-?(\d)(\d)(\d)$", re.IGNORECASE)


@dataclass(frozen=True)
class Shortfall:
    """A pass condition not met: an 인증지표 under its 과락, or the total under 70."""

    subject: str  # the 인증지표 number, or 'total'
    name: str
    score: float
    required: float
    clause: str


def years_before(day: date, years: int) -> date:
    """The same calendar day `years` earlier (29 Feb → 28 Feb)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


class ServiceRuleSet(RulesetIdentity, BaseModel):
    model_config = ConfigDict(frozen=True)

    meta: ServiceMeta
    indicators: list[CertIndicator]
    eval_items: list[EvalItem]
    sub_items: list[SubItem]
    press_tiers: list[PressTier]
    levels: Levels
    eligibility: Eligibility
    documents: Documents
    periods: Periods
    folder: str = Field(default="", exclude=True)

    # ── identity ──

    @property
    def program(self) -> str:
        return self.meta.program


    # ── structure ──
    @property
    def codes(self) -> list[str]:
        return [s.code for s in self.sub_items]

    def get(self, key: str) -> SubItem | None:
        """A 세부평가항목 by code ('S-111', 's111') or number ('1.1.1')."""
        k = match_key(key)
        m = _CODE.match(k)
        number = ".".join(m.groups()) if m else k.rstrip(".")
        return next((s for s in self.sub_items if s.number == number), None)

    def item(self, key: str) -> SubItem:
        found = self.get(key)
        if found is None:
            raise KeyError(f"{self.id}: unknown 세부평가항목 {key!r}")
        return found

    def indicator(self, number: str) -> CertIndicator:
        return next(i for i in self.indicators if i.number == number)

    def eval_item(self, number: str) -> EvalItem:
        return next(g for g in self.eval_items if g.number == number)

    def items_of(self, group: str) -> list[SubItem]:
        return [s for s in self.sub_items if s.group == group]

    # ── levels ──
    def level(self, key: str) -> Level:
        """A level by id ('L2'), name or alias ('네트워크 연계서비스')."""
        k = match_key(key)
        for lv in self.levels.levels:
            if k in {match_key(x) for x in (lv.id, lv.name, *lv.aliases)}:
                return lv
        raise KeyError(f"{self.id}: unknown service level {key!r}")

    @property
    def scored_levels(self) -> list[Level]:
        return [lv for lv in self.levels.levels if lv.eligible]

    def groups_for(self, level: str) -> list[EvalItem]:
        """The 평가항목 a service of `level` is scored on: every block outside the
        choose-one 인증지표, plus the level's own 구성 및 기능 block."""
        lv = self.level(level)
        if not lv.eligible:
            raise ValueError(f"{self.id}: level {lv.name} is not eligible for certification")
        chosen = {i.number for i in self.indicators if i.choose_one}
        return [g for g in self.eval_items if g.indicator not in chosen or g.number == lv.group]

    def items_for(self, level: str) -> list[SubItem]:
        groups = {g.number for g in self.groups_for(level)}
        return [s for s in self.sub_items if s.group in groups]

    def total_for(self, level: str) -> int:
        return sum(s.points for s in self.items_for(level))

    # ── rows (참고1 / 자체평가표) ──
    def criteria_of_row(self, row: str) -> list[tuple[SubItem, Criterion]]:
        """The criteria scoring a printed row (two for a 교통/환경·에너지 특화지표 row)."""
        return [(s, c) for s in self.sub_items for c in s.criteria if c.row == row]

    def self_row(self, printed: str) -> SelfRow | None:
        """The 자체평가표 row printed with this number ('2.2.5.1')."""
        key = printed.strip().rstrip(".")
        return next((r for r in self.documents.self_assessment.rows if r.printed == key), None)

    # ── press tiers ──
    def press_tier(self, tier: str) -> PressTier:
        key = match_key(tier).removesuffix("군")
        return next(t for t in self.press_tiers if t.tier == key)

    def tiers_of(self, outlet: str) -> list[PressTier]:
        """The tiers that list an outlet by name. Several for names printed in more than one
        tier (KBS 전국방송 가 / 지역방송 나): the printed qualifier then decides; none for an
        unlisted outlet (다군, unless it belongs to a listed group such as 'G20 주요매체')."""
        key = match_key(outlet).casefold()
        return [t for t in self.press_tiers
                if any(match_key(n).casefold() == key for n in t.names)]

    # ── periods ──
    @property
    def deadline(self) -> datetime:
        return datetime.fromisoformat(self.periods.deadline)

    def window(self, window_id: str, applied: date | None = None) -> tuple[date, date]:
        """First and last day of a named window. Counted from the application date when
        known; otherwise the widest span any application date in the submission window
        allows (a check must not fail a date some application date would accept)."""
        w = next((x for x in self.periods.windows if x.id == window_id), None)
        if w is None:
            raise KeyError(f"{self.id}: unknown window {window_id!r}")
        end = self.deadline.date()
        if w.anchor == "deadline":
            return years_before(end, w.years), end
        first = applied or date.fromisoformat(self.periods.submission.start)
        return years_before(first, w.years), applied or end

    # ── documents ──
    @property
    def program_markers(self) -> list[str]:
        """Printed words that tell this program's documents from the city call's."""
        return [m.text for m in self.documents.markers]

    def discrepancy(self, did: str) -> Discrepancy:
        return next(d for d in self.meta.discrepancies if d.id == did)

    # ── pass conditions ──
    def shortfalls(self, level: str, scores: Mapping[str, float]) -> list[Shortfall]:
        """What keeps a service of `level` from certification, given its score per 인증지표
        ('1', '2', '3'; '2' is the level's 구성 및 기능 block): each 과락 and the total."""
        self.groups_for(level)  # refuses an ineligible level
        missing = [i.number for i in self.indicators if i.number not in scores]
        if missing:
            raise ValueError(f"{self.id}: no score for 인증지표 {', '.join(missing)}")
        out = [Shortfall(i.number, i.name, scores[i.number], i.minimum, i.minimum_clause)
               for i in self.indicators if scores[i.number] < i.minimum]
        pm = self.levels.pass_mark
        total = sum(scores[i.number] for i in self.indicators)
        if total < pm.min_total:
            out.append(Shortfall("total", "합계", total, pm.min_total, pm.clause))
        return out
