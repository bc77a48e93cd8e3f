"""One rule set: the call's indicators, points, periods and grades as data, validated.

    rs = load_ruleset("city-2025")                 # smartcert.schemas.catalogue
    rs.indicator("A-1-2").period_rule.kind          # '2y'
    rs.indicators_for(["행정", "교육", "환경에너지"])  # the 53 rows a submission has
    rs.find_by_name("인구 1천명 당 방법 CCTV 수")     # [C-2-1] (the call's typo is an alias)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from smartcert.core.normalize import match_key
from smartcert.schemas.catalogue.base import CatalogueError, RulesetIdentity
from smartcert.schemas.catalogue.forms import FormTemplate, FormTemplates
from smartcert.schemas.catalogue.indicators import Indicator, IndicatorRule
from smartcert.schemas.catalogue.meta import Documents, Meta, Periods
from smartcert.schemas.catalogue.names import NameMatcher, name_keys
from smartcert.schemas.catalogue.program import (
    Applicants,
    ApplicantType,
    Area,
    Grade,
    Grades,
    Qualitative,
    QualitativeUnit,
    StageSpec,
    Structure,
)


class RuleSet(RulesetIdentity, BaseModel):
    """One rule set, validated. For a complete one, every indicator has points, value rule,
    period rule and form; a partial one (`complete` false) is for lookup, never scoring."""

    model_config = ConfigDict(frozen=True)

    meta: Meta
    structure: Structure
    indicators: list[Indicator]
    qualitative: Qualitative | None = None
    grades: Grades | None = None
    applicants: Applicants | None = None
    periods: Periods | None = None
    documents: Documents | None = None
    # every form's printed structure, transcribed from the call (forms.yaml)
    forms: FormTemplates | None = None
    folder: str = Field(default="", exclude=True)
    _index: dict[str, tuple[str, ...]] | None = PrivateAttr(default=None)

    # ── identity (id, version, complete: RulesetIdentity) ──
    @property
    def can_score(self) -> bool:
        """Only a complete rule set may be used to score (and even then provisionally)."""
        return self.meta.complete

    def require_complete(self) -> None:
        if not self.meta.complete:
            raise CatalogueError(self.id, [
                "incomplete rule set: cannot be used for scoring; missing: "
                + "; ".join(self.meta.missing)])

    # ── indicators ──
    @property
    def codes(self) -> list[str]:
        return [i.code for i in self.indicators]

    def get(self, code: str) -> Indicator | None:
        key = match_key(code).upper()
        return next((i for i in self.indicators if i.code == key), None)

    def rule_entries(self, rid: str) -> list[tuple[Indicator, IndicatorRule]]:
        """Every indicator whose `rules:` declare entry `rid`, with that entry: how a check
        that serves several indicators ('smart_city_named' of A-2-3, B-1-1, B-3-1) reads them.
        Goes through `Indicator.rule`, the one reader of entries (tests/test_requirements.py
        records its calls to prove each declared entry has a consumer)."""
        return [(ind, entry) for ind in self.indicators if (entry := ind.rule(rid)) is not None]

    def form_template(self, code: str) -> FormTemplate | None:
        """The data form of `code` as the call prints it (None: no template transcribed)."""
        return self.forms.form(code) if self.forms is not None else None

    def indicator(self, code: str) -> Indicator:
        found = self.get(code)
        if found is None:
            raise KeyError(f"{self.id}: unknown indicator code {code!r}")
        return found

    def area(self, name: str) -> Area | None:
        """An area by id, name or alias ('문화 관광' → culture_tourism)."""
        key = match_key(name)
        for a in self.structure.areas:
            if key in {match_key(x) for x in (a.id, a.name, *a.aliases)}:
                return a
        return None

    @property
    def mandatory_areas(self) -> list[Area]:
        return [a for a in self.structure.areas if a.mandatory]

    @property
    def optional_areas(self) -> list[Area]:
        return [a for a in self.structure.areas if not a.mandatory]

    def indicators_for(self, selected_areas: Iterable[str]) -> list[Indicator]:
        """The indicators of a submission: all outside optional areas plus those of the
        selected areas, in catalogue order. Unknown area names raise ValueError; the number
        of areas is not enforced here (see `selection_problems`)."""
        chosen: set[str] = set()
        for name in selected_areas:
            a = self.area(name)
            if a is None:
                raise ValueError(f"{self.id}: unknown service area {name!r}")
            chosen.add(a.id)
        optional = {a.id for a in self.optional_areas}
        return [i for i in self.indicators if i.area not in optional or i.area in chosen]

    def selection_problems(self, selected_areas: Iterable[str]) -> list[str]:
        """What is wrong with a choice of optional areas (empty when it is allowed)."""
        names = list(selected_areas)
        out = [f"unknown area {n!r}" for n in names if self.area(n) is None]
        areas = [a for n in names if (a := self.area(n)) is not None]
        out += [f"mandatory area {a.name} selected as optional" for a in areas if a.mandatory]
        ids = [a.id for a in areas if not a.mandatory]
        if len(set(ids)) != len(ids):
            out.append("an optional area is selected twice")
        rule = self.structure.optional_areas
        if rule is not None and len(set(ids)) != rule.choose:
            out.append(f"{len(set(ids))} optional areas selected, exactly {rule.choose} required")
        return out

    def _name_index(self) -> dict[str, tuple[str, ...]]:
        """Match key → codes, over names and every alias (built on first use)."""
        if self._index is None:
            index: dict[str, list[str]] = defaultdict(list)
            for ind in self.indicators:
                for alias in ind.all_names():
                    for key in name_keys(alias.text):
                        if ind.code not in index[key]:
                            index[key].append(ind.code)
            self._index = {k: tuple(v) for k, v in index.items()}
        return self._index

    def find_by_name(self, text: str, area: str | None = None,
                     matcher: NameMatcher | None = None) -> list[Indicator]:
        """Indicators whose name or alias matches `text` after `match_key` normalisation.

        Several are returned only for the shared '지자체 자체 설정 지표 제시' (pass `area`).
        `matcher` is consulted when nothing matches exactly (fuzzy matching hook)."""
        index = self._name_index()
        codes: list[str] = []
        for key in sorted(name_keys(text)):
            codes += [c for c in index.get(key, ()) if c not in codes]
        if not codes and matcher is not None:
            codes = matcher(match_key(text), index)
        found = [self.indicator(c) for c in codes]
        if area is not None:
            a = self.area(area)
            found = [i for i in found if a is not None and i.area == a.id]
        return found

    # ── qualitative, grades, applicants ──
    def qualitative_unit(self, name: str) -> QualitativeUnit | None:
        key = match_key(name)
        units = self.qualitative.units if self.qualitative else []
        return next((u for u in units
                     if key in {match_key(x) for x in (u.id, u.name, *u.aliases)}), None)

    def stage(self, name: str) -> StageSpec | None:
        key = match_key(name)
        stages = self.qualitative.stages if self.qualitative else []
        return next((s for s in stages
                     if key in {match_key(x) for x in (s.id, s.name, *s.aliases)}), None)

    def applicant_type(self, name: str) -> ApplicantType | None:
        key = match_key(name)
        types = self.applicants.types if self.applicants else []
        return next((t for t in types
                     if key in {match_key(x) for x in (t.id, t.name, *t.aliases)}), None)

    def grade_for(self, total: float) -> Grade:
        """The grade of a 2,000-point total. Refuses a partial rule set."""
        self.require_complete()
        assert self.grades is not None  # a complete rule set has grades (loader-checked)
        return next(g for g in self.grades.grades if g.contains(total))
