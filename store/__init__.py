"""Persistence: runs, submissions, documents, extraction results, claims, findings, scores
and reviewers' verdicts in SQLite (default) or PostgreSQL (by URL).

    store = Store.open(None, Path("out"))          # sqlite:///out/smartcert.db
    run = store.start_run("batch", ruleset)
    store.save_submission(run, report, extracts, ruleset, settings=settings)
    store.finish_run(run)

Every write is idempotent and keyed by content, so a batch killed mid-way can simply be
run again (see `store.api`).
"""

from smartcert.store.api import Store
from smartcert.store.identity import finding_key, finding_keys, lineage_key, service_lineage
from smartcert.store.records import (
    RunInfo,
    RunKind,
    RunStatus,
    SavedSubmission,
    StoredReport,
    StoredSubmission,
    Verdict,
    VerdictKind,
)

__all__ = [
    "RunInfo",
    "RunKind",
    "RunStatus",
    "SavedSubmission",
    "Store",
    "StoredReport",
    "StoredSubmission",
    "Verdict",
    "VerdictKind",
    "finding_key",
    "finding_keys",
    "lineage_key",
    "service_lineage",
]
