"""Cross-row checks of the registry: each returns every problem it finds, never stops early."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from smartcert.renewals.registry import (
    APPLICANT_TYPES,
    CERTIFIED_GRADES,
    Certification,
    CertificationBase,
    Kind,
    Registry,
    RegistryBase,
    SourceRef,
)

AnyRegistry = RegistryBase[Any]


def check_registry(reg: Registry) -> list[str]:
    """The municipalities' registry: the common checks, then grade and applicant type."""
    return [*check_common(reg, "city", {c.id: c.municipality for c in reg.certifications}),
            *(p for c in reg.certifications for p in _city_row(c))]


def check_common(reg: AnyRegistry, program: str, holders: dict[str, str]) -> list[str]:
    """Checks every registry gets: unique ids named '<year>:<holder>', one row per holder and
    year, years inside `covers`, rule set ids of `program`, dates in order, a renewal history
    that is a chain of one holder, every source's seed declared. `holders`: id → the name the
    row holds (municipality or service)."""
    return [*_duplicates(reg), *(p for c in reg.certifications
                                 for p in _row(reg, c, program, holders[c.id])),
            *_links(reg), *_sources(reg)]


def _duplicates(reg: AnyRegistry) -> list[str]:
    out = [f"duplicate id {i!r} ({n} rows)"
           for i, n in Counter(c.id for c in reg.certifications).items() if n > 1]
    out += [f"{m} certified twice in {y} ({n} rows)" for (m, y), n in
            Counter((c.label, c.year) for c in reg.certifications).items() if n > 1]
    return out


def _city_row(c: Certification) -> list[str]:
    out: list[str] = []
    if c.grade is not None and c.grade not in CERTIFIED_GRADES:
        out.append(f"{c.id}: unknown grade {c.grade} (certified grades are {CERTIFIED_GRADES})")
    if c.applicant_type not in APPLICANT_TYPES:
        out.append(f"{c.id}: unknown applicant type {c.applicant_type!r}")
    return out


def _row(reg: AnyRegistry, c: CertificationBase, program: str, holder: str) -> list[str]:
    out: list[str] = []
    if c.id != f"{c.year}:{holder}":
        out.append(f"{c.id}: id must be '{c.year}:{holder}'")
    if not reg.covers.from_year <= c.year <= reg.covers.to_year:
        out.append(f"{c.id}: year {c.year} outside {reg.covers.from_year}–{reg.covers.to_year}")
    if not re.fullmatch(rf"{program}-\d{{4}}", c.ruleset):
        out.append(f"{c.id}: rule set id {c.ruleset!r} is not '{program}-YYYY'")
    for name, d in (("certified_on", c.certified_on), ("announced_on", c.announced_on)):
        if d is not None and d.year != c.year:
            out.append(f"{c.id}: {name} {d} is not in {c.year}")
    if c.certified_on and c.valid_until and c.valid_until <= c.certified_on:
        out.append(f"{c.id}: valid_until {c.valid_until} is not after certified_on "
                   f"{c.certified_on}")
    if c.valid_until is not None and c.valid_until.year < c.year:
        out.append(f"{c.id}: valid_until {c.valid_until} before the year certified")
    return out


def _links(reg: AnyRegistry) -> list[str]:
    out: list[str] = []
    ids = {c.id: c for c in reg.certifications}
    for c in reg.certifications:
        if c.kind is Kind.FIRST and c.previous is not None:
            out.append(f"{c.id}: a first certification has no previous ({c.previous})")
        if c.kind is not Kind.FIRST and c.previous is None:
            out.append(f"{c.id}: a {c.kind.value} needs the certification it follows")
        prev = ids.get(c.previous) if c.previous else None
        if c.previous and prev is None:
            out.append(f"{c.id}: previous {c.previous!r} is not in the registry")
        if prev is not None:
            if prev.label != c.label:
                out.append(f"{c.id}: previous {prev.id} is another holder")
            if prev.year >= c.year:
                out.append(f"{c.id}: previous {prev.id} is not earlier")
    for prev_id, n in Counter(c.previous for c in reg.certifications if c.previous).items():
        if n > 1:
            out.append(f"{prev_id}: followed by {n} certifications (renewal history must be a chain)")
    return out


def _sources(reg: AnyRegistry) -> list[str]:
    refs: list[tuple[str, SourceRef]] = [
        *((c.id, s) for c in reg.certifications for s in c.sources),
        *(("validity", s) for s in reg.validity.sources),
        *((f"totals.{t.what}", t.source) for t in reg.totals)]
    out = [f"{where}: seed {s.seed!r} not declared in `seeds`"
           for where, s in refs if s.seed not in reg.seeds]
    out += [f"{where}: end_line {s.end_line} before line {s.line}"
            for where, s in refs if s.end_line is not None and s.end_line < s.line]
    return out
