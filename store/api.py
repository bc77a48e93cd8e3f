"""The store's one entry point. Every write is idempotent and keyed by content, and one
submission is saved in one transaction: a batch killed at any point (even SIGKILL) and
run again ends with every submission stored once — nothing lost, nothing twice.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, Select, select
from sqlalchemy.orm import Session

from smartcert.core.files.media import MediaType
from smartcert.core.report import DocumentSummary, FindingsReport
from smartcert.core.version import project_version
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentExtract
from smartcert.schemas.catalogue import RuleSet
from smartcert.schemas.catalogue.service import ServiceRuleSet
from smartcert.store import models as m
from smartcert.store.db import create_tables, default_url, insert_new, make_engine, upsert
from smartcert.store.extracts import StoreExtractCache, renamed
from smartcert.store.identity import finding_keys, lineage_key
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
from smartcert.store.versions import backend_of, settings_digest

_LATEST_LAST = (m.VerdictRow.at, m.VerdictRow.recorded_at)


def _now() -> datetime:
    return datetime.now(UTC)


def _digest(*parts: object) -> str:
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


class Store:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, url: str | None, data_dir: Path) -> Store:
        """`url` (sqlite:///… or postgresql+psycopg://…), or `<data_dir>/smartcert.db`.
        Creates the tables when missing."""
        if url is None:
            Path(data_dir).mkdir(parents=True, exist_ok=True)
            url = default_url(data_dir)
        engine = make_engine(url)
        create_tables(engine)
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def _session(self) -> Session:
        return Session(self.engine, expire_on_commit=False)

    # ── runs ──
    def start_run(self, kind: RunKind | str, ruleset: RuleSet | ServiceRuleSet, *,
                  program: str | None = None, at: datetime | None = None) -> str:
        run = m.Run(id=uuid.uuid4().hex, kind=RunKind(kind).value, program=program or ruleset.id,
                    ruleset_id=ruleset.id, ruleset_version=ruleset.version,
                    project_version=project_version(), started_at=at or _now(),
                    finished_at=None, status=RunStatus.RUNNING.value)
        with self._session() as s, s.begin():
            s.add(run)
        return run.id

    def finish_run(self, run_id: str, status: RunStatus | str = RunStatus.COMPLETE,
                   at: datetime | None = None) -> RunInfo:
        with self._session() as s, s.begin():
            run = s.get(m.Run, run_id)
            if run is None:
                raise KeyError(f"unknown run {run_id!r}")
            run.status = RunStatus(status).value
            run.finished_at = at or _now()
            return _run_info(run)

    def get_run(self, run_id: str) -> RunInfo | None:
        with self._session() as s:
            run = s.get(m.Run, run_id)
            return _run_info(run) if run else None

    def runs(self, status: RunStatus | str | None = None) -> list[RunInfo]:
        """Runs by start time; `runs('running')` after a crash lists the interrupted ones."""
        q = select(m.Run).order_by(m.Run.started_at)
        if status is not None:
            q = q.where(m.Run.status == RunStatus(status).value)
        with self._session() as s:
            return [_run_info(r) for r in s.scalars(q)]

    # ── submissions ──
    def save_submission(self, run_id: str, report: FindingsReport,
                        extracts: Sequence[DocumentExtract],
                        ruleset: RuleSet | ServiceRuleSet, *,
                        settings: ExtractSettings, source_name: str | None = None,
                        ) -> SavedSubmission:
        """Store one submission's report, its documents and extraction results in one
        transaction. Saving the same content again adds nothing (it links the run).

        `settings` are those the extracts were made with (they key the extraction cache);
        `source_name` is the folder or zip name, the lineage's fallback (`lineage_key`)."""
        if report.program != ruleset.id:
            raise ValueError(f"report of {report.program!r} saved with rule set {ruleset.id!r}")
        sub = report.submission
        lineage = lineage_key(sub.applicant, source_name, sub.id, service=sub.service_name)
        pv = project_version()
        produced = {"ruleset_id": ruleset.id, "ruleset_version": ruleset.version,
                    "project_version": pv}
        report_json = report.model_dump_json()
        result_id = _digest(sub.id, report.program, ruleset.id, ruleset.version, pv,
                            report_json)
        keys = finding_keys(lineage, report.program, report.findings)
        now = _now()
        with self._session() as s, s.begin():
            insert_new(s, m.SubmissionRow, [{
                "id": sub.id, "lineage": lineage, "applicant": sub.applicant,
                "city_type_claimed": sub.city_type_claimed, "population": sub.population,
                "selected_areas": sub.selected_areas, "source_name": source_name,
                "first_seen": now}])
            self._save_documents(s, sub.id, sub.documents, produced)
            for doc in sorted(extracts, key=lambda d: d.sha256):  # one lock order for all
                self._put_extract(s, doc, settings, now)
            new = insert_new(s, m.Result, [{
                "id": result_id, "submission_id": sub.id, "program": report.program,
                "schema_version": report.schema_version, "report": report_json,
                "created_at": now, **produced}]) == 1
            # rows below are inserted even when the result existed: a no-op then, and a
            # repair if an older version of this code stored the result without them
            insert_new(s, m.Claim, [
                {"result_id": result_id, "seq": i, "code": c.code, "value": c.value,
                 "unit": c.unit, "text": c.text, "evidence_pages": c.evidence_pages,
                 "source": c.source.model_dump(mode="json") if c.source else None,
                 **produced}
                for i, c in enumerate(report.indicators)])
            insert_new(s, m.FindingRow, [
                {"result_id": result_id, "seq": i, "finding_key": k, "rule": f.rule,
                 "category": f.category.value, "severity": f.severity.value,
                 "indicator": f.indicator, "message": f.message, "claimed": f.claimed,
                 "expected": f.expected,
                 "locations": [loc.model_dump(mode="json") for loc in f.locations],
                 **produced}
                for i, (f, k) in enumerate(zip(report.findings, keys, strict=True))])
            sc = report.score
            insert_new(s, m.ScoreRow, [{
                "result_id": result_id, "provisional": sc.provisional,
                "quantitative": sc.quantitative, "qualitative": sc.qualitative,
                "total": sc.total, "grade": sc.grade, "method": sc.method, "note": sc.note,
                "grade_at_risk": sc.grade_at_risk,
                "at_risk": [a.model_dump(mode="json") for a in sc.at_risk], **produced}])
            insert_new(s, m.RunResult, [{"run_id": run_id, "result_id": result_id,
                                         "saved_at": now}])
        return SavedSubmission(submission_id=sub.id, lineage=lineage, result_id=result_id,
                               finding_keys=keys, new_result=new)

    @staticmethod
    def _save_documents(s: Session, submission_id: str, docs: Sequence[DocumentSummary],
                        produced: dict[str, str]) -> None:
        """The document list as last saved: the same content under new file names replaces
        the old names instead of listing the files twice."""
        names = [d.file for d in docs]
        old = s.scalars(select(m.DocumentRow).where(m.DocumentRow.submission_id == submission_id,
                                                 m.DocumentRow.file.not_in(names)))
        for row in old:
            s.delete(row)
        s.flush()
        upsert(s, m.DocumentRow, [
            {"submission_id": submission_id, "file": d.file, "sha256": d.sha256,
             "kind": d.kind, "pages": d.pages, "status": d.status, **produced}
            for d in docs], keys=("submission_id", "file"))

    def submissions_of(self, lineage: str) -> list[StoredSubmission]:
        """Every submission (content) of one lineage, oldest first."""
        with self._session() as s:
            subs = s.scalars(select(m.SubmissionRow).where(m.SubmissionRow.lineage == lineage)
                             .order_by(m.SubmissionRow.first_seen, m.SubmissionRow.id)).all()
            out = []
            for sub in subs:
                docs = s.scalars(select(m.DocumentRow).where(m.DocumentRow.submission_id == sub.id)
                                 .order_by(m.DocumentRow.file))
                out.append(StoredSubmission(
                    id=sub.id, lineage=sub.lineage, applicant=sub.applicant,
                    source_name=sub.source_name, first_seen=sub.first_seen,
                    documents=[DocumentSummary(file=d.file, sha256=d.sha256, kind=d.kind,
                                               pages=d.pages, status=d.status) for d in docs]))
            return out

    # ── reports ──
    def reports_for(self, lineage: str, program: str | None = None) -> list[StoredReport]:
        """Every stored report of a lineage, each once, ordered by the last run that saved
        it (oldest first): consecutive entries are what to diff."""
        q = (select(m.Result, m.RunResult.run_id, m.RunResult.saved_at)
             .join(m.RunResult, m.RunResult.result_id == m.Result.id)
             .join(m.SubmissionRow, m.SubmissionRow.id == m.Result.submission_id)
             .where(m.SubmissionRow.lineage == lineage))
        if program is not None:
            q = q.where(m.Result.program == program)
        return self._reports(q.order_by(m.RunResult.saved_at, m.Result.created_at), lineage)

    def latest_report(self, lineage: str, program: str) -> StoredReport | None:
        reports = self.reports_for(lineage, program)
        return reports[-1] if reports else None

    def _reports(self, q: Select[Any], lineage: str) -> list[StoredReport]:
        with self._session() as s:
            last: dict[str, tuple[m.Result, str, datetime]] = {}
            for result, run_id, saved_at in s.execute(q):
                last.pop(result.id, None)  # keep insertion order = order of last save
                last[result.id] = (result, run_id, saved_at)
            out = []
            for result, run_id, saved_at in last.values():
                keys = s.scalars(select(m.FindingRow.finding_key)
                                 .where(m.FindingRow.result_id == result.id)
                                 .order_by(m.FindingRow.seq)).all()
                out.append(StoredReport(
                    result_id=result.id, submission_id=result.submission_id, lineage=lineage,
                    program=result.program, ruleset_id=result.ruleset_id,
                    ruleset_version=result.ruleset_version,
                    project_version=result.project_version, run_id=run_id, saved_at=saved_at,
                    report=FindingsReport.model_validate_json(result.report),
                    finding_keys=list(keys)))
            return out

    # ── extraction results ──
    def _put_extract(self, s: Session, doc: DocumentExtract, settings: ExtractSettings,
                     now: datetime) -> bool:
        backend, version = backend_of(doc.media_type)
        return insert_new(s, m.Extract, [{
            "sha256": doc.sha256, "backend": backend, "backend_version": version,
            "settings_digest": settings_digest(settings), "media_type": doc.media_type.value,
            "status": doc.status.value, "data": doc.model_dump_json(),
            "project_version": project_version(), "created_at": now}]) == 1

    def save_extract(self, doc: DocumentExtract, settings: ExtractSettings) -> bool:
        """Keep an extraction result (first writer wins: same key, same content). True when
        it was new."""
        with self._session() as s, s.begin():
            return self._put_extract(s, doc, settings, _now())

    def get_extract(self, sha256: str, media_type: MediaType, settings: ExtractSettings,
                    name: str | None = None) -> DocumentExtract | None:
        """The extraction result of these bytes by the backend that reads `media_type` now,
        with these settings; under display name `name` when given."""
        backend, version = backend_of(media_type)
        key = (sha256, backend, version, settings_digest(settings))
        with self._session() as s:
            row = s.get(m.Extract, key)
            if row is None:
                return None
            doc = DocumentExtract.model_validate_json(row.data)
        return renamed(doc, name) if name is not None else doc

    def extracts_of(self, submission_id: str) -> list[DocumentExtract]:
        """The extraction results of a stored submission's documents, by file name: what a
        re-validation maps again when the files themselves are gone. The newest extract of
        each file's bytes (any settings); files without one are left out."""
        with self._session() as s:
            docs = s.scalars(select(m.DocumentRow).where(m.DocumentRow.submission_id == submission_id)
                             .order_by(m.DocumentRow.file)).all()
            out = []
            for d in docs:
                row = s.scalars(select(m.Extract).where(m.Extract.sha256 == d.sha256)
                                .order_by(m.Extract.created_at.desc()).limit(1)).first()
                if row is not None:
                    out.append(renamed(DocumentExtract.model_validate_json(row.data), d.file))
            return out

    def extract_cache(self) -> StoreExtractCache:
        """This store behind `pipelines.cache.ExtractCache`'s interface."""
        return StoreExtractCache(self)

    # ── verdicts ──
    def record_verdict(self, finding_key: str, verdict: VerdictKind | str,
                       comment: str | None, reviewer: str,
                       at: datetime | None = None) -> Verdict:
        """Record a reviewer's verdict on a finding identity (history kept; latest wins).
        Recording the same verdict (same fields and time) twice stores it once."""
        kind = VerdictKind(verdict)
        if not reviewer.strip():
            raise ValueError("reviewer is required")
        if at is not None and at.tzinfo is None:
            raise ValueError("naive datetime: pass an aware one (e.g. datetime.now(UTC))")
        at = (at or _now()).astimezone(UTC)
        with self._session() as s, s.begin():
            known = s.scalars(select(m.FindingRow.finding_key)
                              .where(m.FindingRow.finding_key == finding_key).limit(1)).first()
            if known is None:
                raise KeyError(f"unknown finding {finding_key!r}")
            insert_new(s, m.VerdictRow, [{
                "id": _digest(finding_key, kind.value, comment, reviewer, at.isoformat()),
                "finding_key": finding_key, "verdict": kind.value, "comment": comment,
                "reviewer": reviewer, "at": at, "recorded_at": _now()}])
        return Verdict(finding_key=finding_key, verdict=kind, comment=comment,
                       reviewer=reviewer, at=at)

    def verdict_history(self, finding_key: str) -> list[Verdict]:
        q = select(m.VerdictRow).where(m.VerdictRow.finding_key == finding_key)
        with self._session() as s:
            return [_verdict(v) for v in s.scalars(q.order_by(*_LATEST_LAST))]

    def finding_keys_of(self, submission_id: str) -> set[str]:
        """The keys of every finding stored for one submission (any of its results): what a
        reviewer's sheet of that submission may give verdicts on."""
        q = (select(m.FindingRow.finding_key).distinct()
             .join(m.Result, m.Result.id == m.FindingRow.result_id)
             .where(m.Result.submission_id == submission_id))
        with self._session() as s:
            return set(s.scalars(q))

    def verdicts_for(self, submission_id: str | None = None, *,
                     lineage: str | None = None) -> dict[str, Verdict]:
        """The latest verdict per finding key of one submission's or one lineage's findings
        (pass exactly one). Keys carry the lineage, so a verdict given on one submission
        applies to the same finding of its corrected re-submission."""
        if (submission_id is None) == (lineage is None):
            raise ValueError("pass exactly one of submission_id and lineage")
        keys = (select(m.FindingRow.finding_key)
                .join(m.Result, m.Result.id == m.FindingRow.result_id)
                .join(m.SubmissionRow, m.SubmissionRow.id == m.Result.submission_id))
        keys = keys.where(m.SubmissionRow.id == submission_id if submission_id is not None
                          else m.SubmissionRow.lineage == lineage)
        q = (select(m.VerdictRow).where(m.VerdictRow.finding_key.in_(keys.distinct()))
             .order_by(*_LATEST_LAST))
        with self._session() as s:
            return {v.finding_key: _verdict(v) for v in s.scalars(q)}


def _run_info(run: m.Run) -> RunInfo:
    return RunInfo(id=run.id, kind=RunKind(run.kind), program=run.program,
                   ruleset_id=run.ruleset_id, ruleset_version=run.ruleset_version,
                   project_version=run.project_version, started_at=run.started_at,
                   finished_at=run.finished_at, status=RunStatus(run.status))


def _verdict(v: m.VerdictRow) -> Verdict:
    return Verdict(finding_key=v.finding_key, verdict=VerdictKind(v.verdict),
                   comment=v.comment, reviewer=v.reviewer, at=v.at)
