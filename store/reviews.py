"""Reviewers' verdicts between the store and the reports: recording the rows of an edited
findings.xlsx (read by `reports.xlsx_read`) without recording a re-import twice, and the
latest verdicts as the reports show them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from smartcert.reports.verdicts import VerdictInfo, VerdictRow
from smartcert.store.api import Store
from smartcert.store.records import Verdict


@dataclass
class ImportResult:
    recorded: int = 0
    unchanged: int = 0  # the same verdict as the latest one stored (a re-import)
    blank: int = 0  # rows without a verdict yet
    problems: list[str] = field(default_factory=list)  # Korean, one per rejected row


def import_verdicts(rows: Iterable[VerdictRow], store: Store,
                    default_reviewer: str) -> ImportResult:
    """Record every usable row; rows with bad cells or unknown findings are reported and
    skipped, never half-recorded. Importing the same sheet twice records nothing new."""
    out = ImportResult()
    for row in rows:
        if row.problems:
            out.problems += [f"{row.row}행: {p}" for p in row.problems]
            continue
        if row.key is None or row.verdict is None:
            out.blank += 1
            continue
        reviewer = row.reviewer.strip() or default_reviewer
        if _is_latest(store, row.key, row, reviewer):
            out.unchanged += 1
            continue
        try:
            store.record_verdict(row.key, row.verdict, row.comment or None, reviewer)
        except KeyError:
            out.problems.append(f"{row.row}행: 저장된 발견사항이 아닙니다 ({row.key})")
            continue
        out.recorded += 1
    return out


def _is_latest(store: Store, key: str, row: VerdictRow, reviewer: str) -> bool:
    """The row says what the latest stored verdict says: recording it again would only
    add a newer copy of the same decision."""
    history = store.verdict_history(key)
    if not history:
        return False
    last = history[-1]
    return (last.verdict, last.comment or "", last.reviewer) == (row.verdict, row.comment,
                                                                  reviewer)


def verdict_info(v: Verdict) -> VerdictInfo:
    return VerdictInfo(verdict=v.verdict, comment=v.comment or "", reviewer=v.reviewer,
                       decided_at=v.at.isoformat(timespec="minutes"))


def latest_verdicts(store: Store, lineage: str) -> dict[str, VerdictInfo]:
    """The latest verdict per finding key of a lineage, as the reports show them."""
    return {k: verdict_info(v) for k, v in store.verdicts_for(lineage=lineage).items()}
