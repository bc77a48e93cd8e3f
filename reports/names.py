"""The names of the files the reports are written to (standard library only: a run that
writes no report, such as an unchanged batch reusing the last one's, still names them)."""

from __future__ import annotations

FINDINGS_JSON = "findings.json"
REPORT_HTML = "report.html"
FINDINGS_XLSX = "findings.xlsx"
SUMMARY_HTML = "batch-summary.html"
SUMMARY_XLSX = "batch-summary.xlsx"
