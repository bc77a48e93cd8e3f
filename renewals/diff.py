"""What changed between two runs of the same submission (findings, indicator values, score).

Findings are matched by what they are about — rule, indicator, claimed value and the
file/page (or sheet) they point at — never by message wording, which rules may reword.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable

from pydantic import BaseModel, Field

from smartcert.core.findings import Finding, Severity
from smartcert.core.report import FindingsReport

DiffValue = bool | int | float | None
FindingKey = tuple[str, str, str, tuple[tuple[str, int, str], ...]]


def finding_key(f: Finding) -> FindingKey:
    """rule, indicator, claimed, and the distinct (file, page, sheet) places, sorted."""
    places = sorted({(loc.file, loc.page or 0, loc.sheet or "") for loc in f.locations})
    return (f.rule, f.indicator or "", f.claimed or "", tuple(places))


class SeverityChange(BaseModel):
    finding: Finding  # as in the new run
    old: Severity
    new: Severity


class IndicatorChange(BaseModel):
    code: str
    old: DiffValue = None
    new: DiffValue = None
    old_unit: str | None = None
    new_unit: str | None = None


class ScoreChange(BaseModel):
    old_total: float | None = None
    new_total: float | None = None
    old_grade: int | None = None
    new_grade: int | None = None
    provisional: bool = True
    # scored relative to a batch (True) or alone: totals of different bases don't compare
    old_relative: bool | None = None
    new_relative: bool = False

    @property
    def delta(self) -> float | None:
        if self.old_total is None or self.new_total is None:
            return None
        return self.new_total - self.old_total

    @property
    def changed(self) -> bool:
        return (self.old_grade != self.new_grade
                or not _same(self.old_total, self.new_total))


class ReportDiff(BaseModel):
    submission: str
    first_run: bool
    old_program: str | None = None
    new_program: str
    new_findings: list[Finding] = Field(default_factory=list)
    resolved_findings: list[Finding] = Field(default_factory=list)
    unchanged_findings: list[Finding] = Field(default_factory=list)  # as in the new run
    severity_changes: list[SeverityChange] = Field(default_factory=list)
    indicator_changes: list[IndicatorChange] = Field(default_factory=list)
    score: ScoreChange = Field(default_factory=ScoreChange)

    @property
    def changed(self) -> bool:
        return bool(self.first_run or self.old_program != self.new_program
                    or self.new_findings or self.resolved_findings or self.severity_changes
                    or self.indicator_changes or self.score.changed)

    def summary_lines(self, max_items: int = 20) -> list[str]:
        """Korean lines for a report or a Prefect artifact; at most `max_items` per list."""
        from smartcert.renewals.diff_text import summary_lines  # text kept apart from the logic

        return summary_lines(self, max_items)


def diff_reports(old: FindingsReport | None, new: FindingsReport) -> ReportDiff:
    """Compare the last stored run (`old`, None on a first run) with a new one."""
    score_new = new.score
    if old is None:
        return ReportDiff(submission=new.submission.id, first_run=True,
                          new_program=new.program, new_findings=list(new.findings),
                          score=ScoreChange(new_total=score_new.total,
                                            new_grade=score_new.grade,
                                            provisional=score_new.provisional))
    added, resolved, unchanged, severity = _match(old.findings, new.findings)
    return ReportDiff(
        submission=new.submission.id, first_run=False, old_program=old.program,
        new_program=new.program, new_findings=added, resolved_findings=resolved,
        unchanged_findings=unchanged, severity_changes=severity,
        indicator_changes=_indicator_changes(old, new),
        score=ScoreChange(old_total=old.score.total, new_total=score_new.total,
                          old_grade=old.score.grade, new_grade=score_new.grade,
                          provisional=old.score.provisional or score_new.provisional,
                          old_relative=old.score.relative,
                          new_relative=score_new.relative))


def _match(old: Iterable[Finding], new: Iterable[Finding]
           ) -> tuple[list[Finding], list[Finding], list[Finding], list[SeverityChange]]:
    # equal keys pair up in order; the surplus on either side is new or resolved
    pending: dict[FindingKey, list[Finding]] = defaultdict(list)
    for f in old:
        pending[finding_key(f)].append(f)
    added: list[Finding] = []
    unchanged: list[Finding] = []
    severity: list[SeverityChange] = []
    for f in new:
        bucket = pending.get(finding_key(f))
        if not bucket:
            added.append(f)
            continue
        before = bucket.pop(0)
        unchanged.append(f)
        if before.severity != f.severity:
            severity.append(SeverityChange(finding=f, old=before.severity, new=f.severity))
    resolved = [f for bucket in pending.values() for f in bucket]
    return added, resolved, unchanged, severity


def _indicator_changes(old: FindingsReport, new: FindingsReport) -> list[IndicatorChange]:
    before = {e.code: e for e in reversed(old.indicators)}  # first entry per code wins
    after = {e.code: e for e in reversed(new.indicators)}
    out: list[IndicatorChange] = []
    for code in sorted(before.keys() | after.keys()):
        a, b = before.get(code), after.get(code)
        ov, nv = (a.value if a else None), (b.value if b else None)
        ou, nu = (a.unit if a else None), (b.unit if b else None)
        if a is None or b is None or not _same(ov, nv) or ou != nu:
            out.append(IndicatorChange(code=code, old=ov, new=nv, old_unit=ou, new_unit=nu))
    return out


def _same(a: DiffValue, b: DiffValue) -> bool:
    # True == 1 in Python: an O/X value turning into a count is a change
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, int | float) and isinstance(b, int | float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b
