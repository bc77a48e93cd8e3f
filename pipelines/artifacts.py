"""Prefect artifacts summarising a batch: a table (one row per submission) and a markdown
note with links to each submission's files and the batch summary."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from prefect.artifacts import create_markdown_artifact, create_table_artifact

from smartcert.pipelines.outcome import Outcome
from smartcert.pipelines.runtime import RunConfig
from smartcert.reports.names import SUMMARY_HTML

_SEVERITIES = ("error", "warning", "info")


def batch_rows(outcomes: Sequence[Outcome]) -> list[dict[str, str | int | float | None]]:
    rows: list[dict[str, str | int | float | None]] = []
    for o in outcomes:
        r = o.report
        counts = Counter(f.severity.value for f in r.findings)
        rows.append({
            "제출": o.out_dir.name, "신청기관": r.submission.applicant,
            "신청 유형": r.submission.city_type_claimed, "잠정 총점": r.score.total,
            "잠정 등급": r.score.grade, "등급 변동 위험": "예" if r.score.grade_at_risk else "",
            **{f"{k} 건수": counts[k] for k in _SEVERITIES},
            "처리 못한 문서": ", ".join(o.failed_documents),
        })
    return rows


def _markdown(outcomes: Sequence[Outcome], failed: Sequence[str], config: RunConfig) -> str:
    lines = [f"# 일괄 접수 결과 ({config.program}, 잠정)", ""]
    lines.append(f"제출 {len(outcomes) + len(failed)}건 중 처리 {len(outcomes)}건"
                 + (f", 실패 {len(failed)}건: {', '.join(failed)}" if failed else ""))
    summary = config.out_dir / SUMMARY_HTML
    if summary.exists():
        lines += ["", f"- 위원회 요약: [{summary.name}]({summary.as_uri()})"]
    lines.append("")
    for o in outcomes:
        links = ", ".join(f"[{p.name}]({p.as_uri()})" for p in o.files)
        lines.append(f"- **{o.report.submission.applicant or o.out_dir.name}**: {links}")
    return "\n".join(lines)


def publish_batch_artifacts(outcomes: Sequence[Outcome], failed: Sequence[str],
                            config: RunConfig) -> None:
    create_table_artifact(table=batch_rows(outcomes), key="batch-intake-submissions",
                          description="제출별 잠정 등급과 발견사항 건수")
    create_markdown_artifact(markdown=_markdown(outcomes, failed, config),
                             key="batch-intake-summary", description="일괄 접수 요약")
