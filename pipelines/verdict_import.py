"""`smartcert verdicts import`: an evaluator's edited findings.xlsx → the verdict store
(wiring only: the sheet is read by `reports.xlsx_read`, verdicts kept by `store`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reports.xlsx import read_verdicts
from store import Store


@dataclass
class ImportResult:
    recorded: int = 0
    unchanged: int = 0  # the same verdict as the latest one stored (a re-import)
    blank: int = 0  # rows without a verdict yet
    problems: list[str] = field(default_factory=list)  # Korean, one per rejected row


def import_verdicts(path: Path, store: Store, default_reviewer: str) -> ImportResult:
    """Record every usable row; rows with bad cells or unknown findings are reported and
    skipped, never half-recorded. Importing the same sheet twice records nothing new."""
    out = ImportResult()
    for row in read_verdicts(path):
        if row.problems:
            out.problems += [f"{row.row}행: {p}" for p in row.problems]
            continue
        if row.key is None or row.verdict is None:
            out.blank += 1
            continue
        reviewer = row.reviewer.strip() or default_reviewer
        history = store.verdict_history(row.key)
        last = history[-1] if history else None
        if last is not None and (last.verdict, last.comment or "", last.reviewer) == (
                row.verdict, row.comment, reviewer):
            out.unchanged += 1
            continue
        try:
            store.record_verdict(row.key, row.verdict, row.comment or None, reviewer)
        except KeyError:
            out.problems.append(f"{row.row}행: 저장된 발견사항이 아닙니다 ({row.key})")
            continue
        out.recorded += 1
    return out


def find_data_dir(sheet: Path) -> Path | None:
    """The `.smartcert` data directory of the run that wrote `sheet`: the nearest one in
    the sheet's folder or above (the default is `<out>/.smartcert`)."""
    for folder in sheet.resolve().parents:
        if (folder / ".smartcert").is_dir():
            return folder / ".smartcert"
    return None
