"""The report as the human outputs show it: every string masked, Korean labels, findings
grouped by severity then indicator, places with their rendered regions. HTML and XLSX
both read this, so they say the same thing."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from smartcert.core.findings import Category, Finding, Location, Severity
from smartcert.core.masking import mask_opt, mask_personal
from smartcert.core.report import FindingsReport, IndicatorEntry
from smartcert.reports.keys import FindingKeys, resolve_keys
from smartcert.reports.labels import CATEGORY, NO_INDICATOR, SEVERITY, SEVERITY_ORDER
from smartcert.reports.regions import RegionImage, RegionRenderer, place_text
from smartcert.reports.rulecat import clause_of
from smartcert.reports.verdicts import VerdictInfo

MAX_IMAGES_PER_FINDING = 4
# a scan without OCR yields one finding per page: past this many images a report would
# cost seconds for little; later places stay listed as text
MAX_IMAGES_PER_REPORT = 200


@dataclass
class PlaceView:
    text: str  # masked, e.g. '근거자료.pdf · 12쪽'
    evidence: bool  # a page of the 근거자료 (not the form making the claim)
    image: RegionImage | None = None


@dataclass
class FindingView:
    number: int  # 1-based, report order
    key: str
    rule: str
    category: Category
    severity: Severity
    indicator: str | None
    message: str
    claimed: str | None
    expected: str | None
    clause: str
    places: list[PlaceView] = field(default_factory=list)
    verdict: VerdictInfo | None = None

    @property
    def category_label(self) -> str:
        return CATEGORY[self.category]

    @property
    def severity_label(self) -> str:
        return SEVERITY[self.severity]

    @property
    def anchor(self) -> str:
        return f"f{self.number}"

    @property
    def place_text(self) -> str:
        return "; ".join(p.text for p in self.places)


@dataclass
class IndicatorGroup:
    indicator: str | None
    findings: list[FindingView]

    @property
    def label(self) -> str:
        return self.indicator or NO_INDICATOR


@dataclass
class SeverityGroup:
    severity: Severity
    groups: list[IndicatorGroup]

    @property
    def label(self) -> str:
        return SEVERITY[self.severity]

    @property
    def count(self) -> int:
        return sum(len(g.findings) for g in self.groups)


@dataclass
class IndicatorView:
    code: str
    value: str
    unit: str
    text: str
    evidence_pages: str
    source: str  # place text
    source_href: str | None  # link to the source document at its page
    finding_anchor: str | None  # the first finding about this indicator
    findings: int = 0


def evidence_files(report: FindingsReport) -> set[str]:
    return {d.file for d in report.submission.documents if d.kind == "evidence"}


def _search_terms(f: Finding) -> list[str]:
    """What to look for on an evidence page given without a bbox: the value the evidence
    shows (`expected`, e.g. the amount printed there) — never the claimed one, which
    these rules found missing."""
    return [f.expected] if f.category is Category.EVIDENCE and f.expected else []


def build_findings(report: FindingsReport, renderer: RegionRenderer | None,
                   keys: FindingKeys | None = None,
                   verdicts: Mapping[str, VerdictInfo] | None = None) -> list[FindingView]:
    evidence = evidence_files(report)
    key_list = resolve_keys(report.findings, keys)
    views = [_finding_view(n, f, k, evidence, verdicts)
             for n, (f, k) in enumerate(zip(report.findings, key_list, strict=True), 1)]
    if renderer is not None:
        _attach_images(views, report.findings, renderer)
    return views


def _finding_view(number: int, f: Finding, key: str, evidence: set[str],
                  verdicts: Mapping[str, VerdictInfo] | None) -> FindingView:
    return FindingView(
        number=number, key=key, rule=f.rule, category=f.category, severity=f.severity,
        indicator=f.indicator, message=mask_personal(f.message), claimed=mask_opt(f.claimed),
        expected=mask_opt(f.expected), clause=clause_of(f.rule),
        places=[PlaceView(text=mask_personal(place_text(loc)), evidence=loc.file in evidence)
                for loc in f.locations],
        verdict=_masked((verdicts or {}).get(key)))


def _masked(v: VerdictInfo | None) -> VerdictInfo | None:
    """A reviewer's comment may quote a phone number from the documents: masked too."""
    if v is None or not v.comment:
        return v
    return v.model_copy(update={"comment": mask_personal(v.comment)})


def _attach_images(views: list[FindingView], findings: Sequence[Finding],
                   renderer: RegionRenderer) -> None:
    budget = MAX_IMAGES_PER_REPORT
    # errors first, so a capped report still shows what matters
    order = sorted(range(len(views)), key=lambda i: SEVERITY_ORDER.index(views[i].severity))
    for i in order:
        f = findings[i]
        terms = _search_terms(f)
        for place, loc in list(zip(views[i].places, f.locations, strict=True))[
                :MAX_IMAGES_PER_FINDING]:
            if budget <= 0:
                return
            place.image = renderer.render(loc, terms if place.evidence else ())
            budget -= place.image is not None


def group_findings(views: Sequence[FindingView]) -> list[SeverityGroup]:
    out = []
    for sev in SEVERITY_ORDER:
        by_ind: dict[str | None, list[FindingView]] = {}
        for v in views:
            if v.severity is sev:
                by_ind.setdefault(v.indicator, []).append(v)
        if by_ind:
            # indicator codes in order; application-level findings first
            order = sorted(by_ind, key=lambda c: (c is not None, c or ""))
            out.append(SeverityGroup(sev, [IndicatorGroup(c, by_ind[c]) for c in order]))
    return out


def _value_text(e: IndicatorEntry) -> str:
    if e.value is None:
        return ""
    if isinstance(e.value, bool):
        return "O" if e.value else "X"
    return f"{e.value:,}" if isinstance(e.value, int) else f"{e.value:g}"


def source_href(loc: Location | None, sources: Mapping[str, Path], out_dir: Path) -> str | None:
    """A relative link to the source document (PDF viewers honour '#page=N')."""
    if loc is None or loc.file not in sources:
        return None
    try:
        rel = os.path.relpath(sources[loc.file], out_dir)
    except ValueError:  # another drive
        rel = sources[loc.file].resolve().as_uri()
    href = Path(rel).as_posix()
    return f"{href}#page={loc.page}" if loc.page and not loc.sheet else href


def build_indicators(report: FindingsReport, views: Sequence[FindingView],
                     sources: Mapping[str, Path], out_dir: Path) -> list[IndicatorView]:
    out = []
    for e in report.indicators:
        about = [v for v in views if v.indicator == e.code]
        out.append(IndicatorView(
            code=e.code, value=_value_text(e), unit=mask_personal(e.unit or ""),
            text=mask_personal(e.text or ""), evidence_pages=mask_personal(e.evidence_pages or ""),
            source=mask_personal(place_text(e.source)) if e.source else "",
            source_href=source_href(e.source, sources, out_dir),
            finding_anchor=about[0].anchor if about else None, findings=len(about)))
    return out
