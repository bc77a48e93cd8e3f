"""The tables. Small and explicit; every write to them goes through `store.api`.

Identity is content everywhere, so writing the same thing twice adds nothing:
submissions by intake's content id, documents by (submission, file), extraction results
by (sha256, backend, backend version, settings digest), results by a digest of the whole
report and what produced it, verdicts by a digest of their own fields. Rows that are
results of a rule set (documents' kind, claims, findings, scores, results) record the
rule set's id and version and the project's version; extraction results record the
extractor and the project version (no rule set takes part in reading a file).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, ClassVar

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UTCDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on both backends (SQLite would hand back naive ones)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware one (e.g. datetime.now(UTC))")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class Produced:
    """Which rule set and which project version produced a result row."""

    ruleset_id: Mapped[str] = mapped_column(String(64))
    ruleset_version: Mapped[str] = mapped_column(String(64))
    project_version: Mapped[str] = mapped_column(String(64))


class Run(Base):
    __tablename__ = "runs"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # batch | renewal | single
    program: Mapped[str] = mapped_column(String(64))
    ruleset_id: Mapped[str] = mapped_column(String(64))
    ruleset_version: Mapped[str] = mapped_column(String(64))
    project_version: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime]
    finished_at: Mapped[datetime | None]
    status: Mapped[str] = mapped_column(String(16))  # running | complete | partial | failed


class SubmissionRow(Base):
    __tablename__ = "submissions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # intake's content id
    lineage: Mapped[str] = mapped_column(String(255), index=True)
    applicant: Mapped[str | None] = mapped_column(String(255))
    city_type_claimed: Mapped[str | None] = mapped_column(String(64))
    population: Mapped[int | None]
    selected_areas: Mapped[list[Any]]
    source_name: Mapped[str | None] = mapped_column(Text)
    first_seen: Mapped[datetime]


class DocumentRow(Produced, Base):
    """A file of a submission. `kind` is a classification: the latest save wins."""

    __tablename__ = "documents"

    submission_id: Mapped[str] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), primary_key=True)
    file: Mapped[str] = mapped_column(Text, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(64))
    pages: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(16))


class Extract(Base):
    """An extraction result (`DocumentExtract` JSON), keyed as `pipelines.cache` keys files."""

    __tablename__ = "extracts"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    backend: Mapped[str] = mapped_column(String(64), primary_key=True)
    backend_version: Mapped[str] = mapped_column(String(64), primary_key=True)
    settings_digest: Mapped[str] = mapped_column(String(32), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(128))
    status: Mapped[str] = mapped_column(String(16))
    data: Mapped[str] = mapped_column(Text)
    project_version: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]


class Result(Produced, Base):
    """One findings report of one submission. `report` is the report's JSON exactly as
    produced (it restores additive fields the row tables do not model)."""

    __tablename__ = "results"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    submission_id: Mapped[str] = mapped_column(
        ForeignKey("submissions.id", ondelete="CASCADE"), index=True)
    program: Mapped[str] = mapped_column(String(64))
    schema_version: Mapped[int]
    report: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class RunResult(Base):
    """Which run saved which result, and when (a result saved again by a later run is
    linked again, never copied)."""

    __tablename__ = "run_results"

    run_id: Mapped[str] = mapped_column(ForeignKey("runs.id", ondelete="CASCADE"),
                                        primary_key=True)
    result_id: Mapped[str] = mapped_column(ForeignKey("results.id", ondelete="CASCADE"),
                                           primary_key=True, index=True)
    saved_at: Mapped[datetime]


class Claim(Produced, Base):
    """One indicator row of a report (`schemas.report.IndicatorEntry`)."""

    __tablename__ = "claims"

    result_id: Mapped[str] = mapped_column(ForeignKey("results.id", ondelete="CASCADE"),
                                           primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True)  # a code may come twice (typos)
    code: Mapped[str] = mapped_column(String(32), index=True)
    value: Mapped[Any] = mapped_column(JSON)  # JSON keeps 6, 6.0 and true apart
    unit: Mapped[str | None] = mapped_column(String(64))
    text: Mapped[str | None] = mapped_column(Text)
    evidence_pages: Mapped[str | None] = mapped_column(Text)
    source: Mapped[dict[str, Any] | None]


class FindingRow(Produced, Base):
    __tablename__ = "findings"
    __table_args__ = (UniqueConstraint("result_id", "finding_key"),)

    result_id: Mapped[str] = mapped_column(ForeignKey("results.id", ondelete="CASCADE"),
                                           primary_key=True)
    seq: Mapped[int] = mapped_column(primary_key=True)
    finding_key: Mapped[str] = mapped_column(String(64), index=True)
    rule: Mapped[str] = mapped_column(String(128))
    category: Mapped[str] = mapped_column(String(32))
    severity: Mapped[str] = mapped_column(String(16))
    indicator: Mapped[str | None] = mapped_column(String(32))
    message: Mapped[str] = mapped_column(Text)
    claimed: Mapped[str | None] = mapped_column(Text)
    expected: Mapped[str | None] = mapped_column(Text)
    locations: Mapped[list[Any]]


class ScoreRow(Produced, Base):
    __tablename__ = "scores"

    result_id: Mapped[str] = mapped_column(ForeignKey("results.id", ondelete="CASCADE"),
                                           primary_key=True)
    provisional: Mapped[bool]
    quantitative: Mapped[float | None]
    qualitative: Mapped[float | None]
    total: Mapped[float | None]
    grade: Mapped[int | None]
    method: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str | None] = mapped_column(Text)
    grade_at_risk: Mapped[bool]
    at_risk: Mapped[list[Any]]


class VerdictRow(Base):
    """A reviewer's verdict on a finding identity; history is kept, the latest wins."""

    __tablename__ = "verdicts"
    __table_args__ = (Index("ix_verdicts_key_at", "finding_key", "at"),)

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # digest of the fields
    finding_key: Mapped[str] = mapped_column(String(64))
    verdict: Mapped[str] = mapped_column(String(16))  # accept | dismiss
    comment: Mapped[str | None] = mapped_column(Text)
    reviewer: Mapped[str] = mapped_column(String(255))
    at: Mapped[datetime]  # when the reviewer decided (given by the caller)
    recorded_at: Mapped[datetime]  # when it was stored: orders verdicts with equal `at`
