"""report.html for one submission."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from smartcert.core.report import FindingsReport
from smartcert.reports.html.render import render_page
from smartcert.reports.labels import CATEGORY, PROVISIONAL_NOTE, SEVERITY, SEVERITY_ORDER
from smartcert.reports.qualaid import AID_NOTE, AID_TITLE, NO_NARRATIVE, QualitativeAid
from smartcert.reports.scoreview import AT_RISK_HEADERS, at_risk, at_risk_cells, header, score_rows
from smartcert.reports.view import FindingView, IndicatorView, group_findings


def render_report(report: FindingsReport, findings: Sequence[FindingView],
                  indicators: Sequence[IndicatorView],
                  aid: QualitativeAid | None = None) -> str:
    per_category = Counter(f.category for f in findings)
    return render_page(
        "report.html.j2", "report.js",
        h=header(report), submission_id=report.submission.id, program=report.program,
        provisional_note=PROVISIONAL_NOTE, findings=findings, groups=group_findings(findings),
        severities=[(s.value, SEVERITY[s]) for s in SEVERITY_ORDER],
        categories=[(c.value, label, per_category.get(c, 0)) for c, label in CATEGORY.items()],
        indicators=indicators, score_rows=score_rows(report),
        at_risk_headers=AT_RISK_HEADERS, at_risk=[at_risk_cells(a) for a in at_risk(report)],
        aid=aid, aid_title=AID_TITLE, aid_note=AID_NOTE, no_narrative=NO_NARRATIVE,
    )
