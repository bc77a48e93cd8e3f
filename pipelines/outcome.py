"""What a submission's report step leaves behind, apart from the steps that make it: an
unchanged batch's flow takes its outcomes from the record (`pipelines.batch_reuse`) and
imports none of the reading, mapping or rule modules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from smartcert.core.report import FindingsReport


@dataclass(frozen=True)
class Outcome:
    """What a submission's report step left behind (small: no extraction results)."""

    source: str
    submission_id: str
    report: FindingsReport
    out_dir: Path
    files: tuple[Path, ...]
    failed_documents: tuple[str, ...] = ()
