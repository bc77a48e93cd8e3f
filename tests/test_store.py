"""The store (store/) on SQLite and on a real PostgreSQL: idempotent, content-keyed writes,
finding identity across re-runs, verdicts, versions, concurrent and killed writers.

PostgreSQL: a fresh database on 127.0.0.1:5432 (user postgres, trust auth) per test
session, dropped afterwards; `SMARTCERT_TEST_PG` overrides the server URL. Without a
server those tests are skipped with the reason (shown by `-ra`), unless
`SMARTCERT_REQUIRE_PG=1` (CI) turns that into a failure.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib.metadata import version
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from smartcert.core.files.media import MediaType
from smartcert.core.findings import Location
from smartcert.core.report import FindingsReport
from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.models import DocumentExtract
from smartcert.pipelines.batch import run_submission
from smartcert.schemas.catalogue import RuleSet, load_ruleset
from smartcert.store import RunStatus, Store, VerdictKind
from smartcert.store import api as store_api
from smartcert.store import models as m
from smartcert.store.models import Base

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "bundles"
SETTINGS = ExtractSettings(ocr=False)
PG_ADMIN = os.environ.get("SMARTCERT_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")
TABLES = [m.SubmissionRow, m.DocumentRow, m.Extract, m.Result, m.RunResult, m.Claim, m.FindingRow,
          m.ScoreRow, m.VerdictRow, m.Run]


# ── fixtures ──
@dataclass(frozen=True)
class Sample:
    report: FindingsReport
    extracts: list[DocumentExtract]
    source: str


def _run(bundle: str, out: Path) -> Sample:
    run = run_submission(SAMPLES / bundle, out, SETTINGS)
    assert run.report is not None
    return Sample(run.report, run.extracts, bundle)


@pytest.fixture(scope="session")
def solnae(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    """A real report with located findings (bbox, claimed values): 솔내군."""
    return _run("solnae-split", tmp_path_factory.mktemp("solnae"))


@pytest.fixture(scope="session")
def pureun(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    """A real report of a scanned bundle read without OCR (its intake findings, 53 claims): 푸른군."""
    return _run("pureun-scan", tmp_path_factory.mktemp("pureun"))


@pytest.fixture(scope="session")
def ruleset() -> RuleSet:
    return load_ruleset("city-2025")


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """A fresh database for this test session (dropped afterwards), or a skip reason."""
    import psycopg

    admin = PG_ADMIN.replace("postgresql+psycopg://", "postgresql://")
    name = f"smartcert_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    try:
        with psycopg.connect(f"{admin}/postgres", autocommit=True, connect_timeout=5) as c:
            c.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError as e:
        detail = " ".join(str(e).split())[:160]
        reason = f"PostgreSQL at {PG_ADMIN} unreachable ({detail})"
        if os.environ.get("SMARTCERT_REQUIRE_PG") == "1":
            pytest.fail(f"{reason}; SMARTCERT_REQUIRE_PG=1 requires it")
        yield f"skip:{reason}"
        return
    try:
        yield f"{PG_ADMIN}/{name}"
    finally:
        with psycopg.connect(f"{admin}/postgres", autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """One URL per backend, each test starting from empty tables."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'smartcert.db'}"
        return
    url: str = request.getfixturevalue("pg_database")
    if url.startswith("skip:"):
        pytest.skip(url[5:])
    yield url
    s = Store.open(url, tmp_path)
    Base.metadata.drop_all(s.engine)
    s.close()


@pytest.fixture
def st(db_url: str, tmp_path: Path) -> Iterator[Store]:
    s = Store.open(db_url, tmp_path)
    yield s
    s.close()


def counts(s: Store) -> dict[str, int]:
    with s.engine.connect() as c:
        return {t.__tablename__: c.scalar(select(func.count()).select_from(t)) or 0
                for t in TABLES}


def save(s: Store, sample: Sample, ruleset: RuleSet, run: str | None = None,
         report: FindingsReport | None = None) -> store_api.SavedSubmission:
    run = run or s.start_run("batch", ruleset)
    return s.save_submission(run, report or sample.report, sample.extracts, ruleset,
                             settings=SETTINGS, source_name=sample.source)


# ── idempotence ──
def test_saving_the_same_submission_twice_adds_nothing(
        st: Store, solnae: Sample, ruleset: RuleSet) -> None:
    run = st.start_run("batch", ruleset)
    first = save(st, solnae, ruleset, run)
    after_first = counts(st)
    assert first.new_result
    assert after_first["findings"] == len(solnae.report.findings) > 0
    assert after_first["claims"] == len(solnae.report.indicators) > 0
    assert after_first["documents"] == after_first["extracts"] == len(solnae.extracts) == 4
    assert after_first["submissions"] == after_first["results"] == after_first["scores"] == 1

    again = save(st, solnae, ruleset, run)
    assert not again.new_result and again == first.model_copy(update={"new_result": False})
    assert counts(st) == after_first

    save(st, solnae, ruleset)  # a later run: only the run and its link are new
    assert counts(st) == {**after_first, "runs": 2, "run_results": 2}


def test_a_killed_save_leaves_nothing_and_the_rerun_completes(
        db_url: str, tmp_path: Path, solnae: Sample, ruleset: RuleSet) -> None:
    """SIGKILL in the middle of a submission's transaction (after its result row, before
    its findings): nothing of it is kept, and saving again stores it whole, once."""
    ctx = mp.get_context("spawn")
    p = ctx.Process(target=_save_then_die, args=(db_url, str(tmp_path), solnae))
    p.start()
    p.join(120)
    assert p.exitcode == -signal.SIGKILL
    s = Store.open(db_url, tmp_path)
    try:
        left = counts(s)
        assert left["runs"] == 1 and s.runs(RunStatus.RUNNING)  # the interrupted run shows
        assert {k: v for k, v in left.items() if k != "runs"} == dict.fromkeys(
            (t.__tablename__ for t in TABLES if t is not m.Run), 0)
        save(s, solnae, ruleset)
        save(s, solnae, ruleset)
        c = counts(s)
        assert (c["results"], c["findings"], c["documents"]) == (
            1, len(solnae.report.findings), len(solnae.extracts))
    finally:
        s.close()


def _save_then_die(url: str, data_dir: str, sample: Sample) -> None:
    real = store_api.insert_new

    def dying(session, model, rows):  # type: ignore[no-untyped-def]
        if model is m.FindingRow:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(session, model, rows)

    store_api.insert_new = dying  # type: ignore[assignment]
    save(Store.open(url, Path(data_dir)), sample, load_ruleset("city-2025"))


def test_two_processes_saving_the_same_report_store_it_once(
        db_url: str, tmp_path: Path, pureun: Sample, ruleset: RuleSet) -> None:
    ctx = mp.get_context("spawn")
    start = ctx.Event()
    procs = [ctx.Process(target=_save_when_told, args=(db_url, str(tmp_path), pureun, start))
             for _ in range(2)]
    for p in procs:
        p.start()
    start.set()
    for p in procs:
        p.join(180)
    assert [p.exitcode for p in procs] == [0, 0]
    s = Store.open(db_url, tmp_path)
    try:
        c = counts(s)
        assert c["runs"] == c["run_results"] == 2
        assert c["submissions"] == c["results"] == c["scores"] == 1
        assert c["findings"] == len(pureun.report.findings)
        # many rows in one transaction (claims and findings): a real chance to interleave
        assert c["claims"] + c["findings"] > 50
        assert c["documents"] == c["extracts"] == len(pureun.extracts)
    finally:
        s.close()


def _save_when_told(url: str, data_dir: str, sample: Sample, start: object) -> None:
    s = Store.open(url, Path(data_dir))
    ruleset = load_ruleset("city-2025")
    run = s.start_run("batch", ruleset)
    start.wait(60)  # type: ignore[attr-defined]
    save(s, sample, ruleset, run)
    s.finish_run(run)


# ── identity and verdicts ──
def test_finding_keys_are_stable_across_real_reruns(
        st: Store, solnae: Sample, ruleset: RuleSet, tmp_path: Path) -> None:
    rerun = _run("solnae-split", tmp_path / "again")  # fresh cache: extracted again
    first, second = save(st, solnae, ruleset), save(st, rerun, ruleset)
    assert first.finding_keys == second.finding_keys
    assert len(set(first.finding_keys)) == len(first.finding_keys) >= 2
    assert counts(st)["findings"] == len(first.finding_keys)  # the same result, once


def _corrected(report: FindingsReport) -> FindingsReport:
    """A corrected re-submission: new content id, first finding gone, the others
    reworded and their boxes moved a little."""
    findings = [
        f.model_copy(update={"message": f.message + " (재검토)", "locations": [
            Location(file=loc.file, page=loc.page,
                     bbox=tuple(x + 0.7 for x in loc.bbox) if loc.bbox else None)
            for loc in f.locations]})
        for f in report.findings[1:]]
    sub = report.submission.model_copy(update={"id": "sub-corrected00001"})
    return report.model_copy(update={"submission": sub, "findings": findings})


def test_a_verdict_survives_a_rerun_with_the_same_finding(
        st: Store, solnae: Sample, ruleset: RuleSet) -> None:
    first = save(st, solnae, ruleset)
    gone, kept = first.finding_keys[0], first.finding_keys[1]
    t0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    st.record_verdict(gone, "accept", "확인함", "kim", t0)
    st.record_verdict(kept, VerdictKind.ACCEPT, None, "kim", t0)
    st.record_verdict(kept, "dismiss", "오탐: 코드 오타로 이미 안내됨", "lee", t0 + timedelta(hours=1))

    second = save(st, solnae, ruleset, report=_corrected(solnae.report))
    assert second.submission_id != first.submission_id
    assert second.lineage == first.lineage == "applicant:솔내군"
    assert second.finding_keys == first.finding_keys[1:]

    now = st.verdicts_for(second.submission_id)
    assert set(now) == {kept}  # the finding that went away takes its verdict with it
    assert (now[kept].verdict, now[kept].reviewer) == (VerdictKind.DISMISS, "lee")
    assert now[kept].at == t0 + timedelta(hours=1)
    assert set(st.verdicts_for(lineage=first.lineage)) == {gone, kept}
    assert [v.reviewer for v in st.verdict_history(kept)] == ["kim", "lee"]


def test_verdicts_are_idempotent_and_checked(
        st: Store, solnae: Sample, ruleset: RuleSet) -> None:
    key = save(st, solnae, ruleset).finding_keys[0]
    at = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    st.record_verdict(key, "accept", "맞음", "kim", at)
    st.record_verdict(key, "accept", "맞음", "kim", at)  # a retried request
    assert counts(st)["verdicts"] == 1
    with pytest.raises(KeyError):
        st.record_verdict("fk-000000000000000000000000", "accept", None, "kim", at)
    with pytest.raises(ValueError):
        st.record_verdict(key, "maybe", None, "kim", at)
    with pytest.raises(ValueError):
        st.record_verdict(key, "accept", None, "kim", datetime(2026, 1, 5, 9, 0))
    with pytest.raises(ValueError):
        st.verdicts_for()


# ── versions, reports, submissions ──
def test_every_result_row_records_what_produced_it(
        st: Store, solnae: Sample, ruleset: RuleSet) -> None:
    run = st.start_run("single", ruleset)
    save(st, solnae, ruleset, run)
    expected = (ruleset.id, ruleset.version, version("smartcert"))
    with st.engine.connect() as c:
        for t in (m.Result, m.Claim, m.FindingRow, m.ScoreRow, m.DocumentRow):
            got = set(c.execute(select(t.ruleset_id, t.ruleset_version, t.project_version)))
            assert got == {expected}, t.__tablename__
        assert set(c.scalars(select(m.Extract.project_version))) == {expected[2]}
    info = st.finish_run(run, RunStatus.PARTIAL)
    assert (info.ruleset_id, info.ruleset_version, info.project_version) == expected
    assert info.status is RunStatus.PARTIAL and info.finished_at is not None
    assert info.finished_at.tzinfo is not None and info.finished_at >= info.started_at
    assert st.get_run(run) == info


def test_reports_of_a_lineage_in_order_of_their_runs(
        st: Store, solnae: Sample, ruleset: RuleSet) -> None:
    first = save(st, solnae, ruleset)
    corrected = _corrected(solnae.report)
    second = save(st, solnae, ruleset, report=corrected)
    reports = st.reports_for(first.lineage)
    assert [r.result_id for r in reports] == [first.result_id, second.result_id]
    assert reports[0].report == solnae.report and reports[1].report == corrected
    assert reports[1].finding_keys == second.finding_keys
    latest = st.latest_report(first.lineage, "city-2025")
    assert latest is not None and latest.result_id == second.result_id
    assert st.latest_report(first.lineage, "city-2023") is None
    assert st.reports_for("applicant:없는시") == []

    save(st, solnae, ruleset)  # the first report comes back in a later run: latest again
    latest = st.latest_report(first.lineage, "city-2025")
    assert latest is not None and latest.result_id == first.result_id
    assert len(st.reports_for(first.lineage)) == 2

    subs = st.submissions_of(first.lineage)
    assert [s.id for s in subs] == [first.submission_id, second.submission_id]
    assert subs[0].documents == sorted(solnae.report.submission.documents,
                                       key=lambda d: d.file)
    assert subs[0].source_name == "solnae-split"


def test_renamed_files_replace_the_document_list(
        st: Store, solnae: Sample, ruleset: RuleSet) -> None:
    docs = solnae.report.submission.documents
    renamed_docs = [docs[0].model_copy(update={"file": "새이름.pdf"}), *docs[1:]]
    report = solnae.report.model_copy(update={"submission": solnae.report.submission
                                              .model_copy(update={"documents": renamed_docs})})
    save(st, solnae, ruleset)
    sid = save(st, solnae, ruleset, report=report).submission_id
    (sub,) = st.submissions_of(st.submissions_of("applicant:솔내군")[0].lineage)
    assert sub.id == sid
    assert sorted(d.file for d in sub.documents) == sorted(d.file for d in renamed_docs)


# ── extraction results ──
def test_extract_cache_round_trip(st: Store, solnae: Sample) -> None:
    doc = next(d for d in solnae.extracts if d.spans)
    assert st.get_extract(doc.sha256, doc.media_type, SETTINGS) is None
    assert st.save_extract(doc, SETTINGS) is True
    assert st.save_extract(doc, SETTINGS) is False
    assert st.get_extract(doc.sha256, doc.media_type, SETTINGS) == doc
    other = st.get_extract(doc.sha256, doc.media_type, SETTINGS, name="다른이름.pdf")
    assert other is not None and other.file == "다른이름.pdf" and other.spans == doc.spans
    assert st.get_extract(doc.sha256, doc.media_type, ExtractSettings(ocr=True)) is None
    assert st.get_extract(doc.sha256, MediaType.XLSX, SETTINGS) is None  # another backend

    cache = st.extract_cache()  # pipelines.cache.ExtractCache's interface
    assert cache.get(doc.sha256, doc.media_type, SETTINGS, doc.file) == doc
    assert cache.get("0" * 64, doc.media_type, SETTINGS, doc.file) is None
    assert (cache.hits, cache.misses) == (1, 1)


def test_extracts_of_a_stored_submission_come_back_under_their_file_names(
        st: Store, solnae: Sample, ruleset: RuleSet) -> None:
    sid = save(st, solnae, ruleset).submission_id
    got = st.extracts_of(sid)
    assert [d.file for d in got] == sorted(d.file for d in solnae.extracts)
    assert {d.sha256: d for d in got} == {d.sha256: d for d in solnae.extracts}
    assert st.extracts_of("sub-unknown") == []


def test_settings_digest_tells_settings_apart() -> None:
    from smartcert.store.versions import settings_digest

    digests = {settings_digest(s) for s in (
        ExtractSettings(), SETTINGS, ExtractSettings(ocr_dpi=200, max_pages=3))}
    assert len(digests) == 3
    assert settings_digest(ExtractSettings()) == settings_digest(ExtractSettings())


def test_default_database_is_a_wal_sqlite_file_in_the_data_dir(tmp_path: Path) -> None:
    s = Store.open(None, tmp_path / "data")
    try:
        assert (tmp_path / "data" / "smartcert.db").exists()
        with s.engine.connect() as c:
            assert c.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    finally:
        s.close()
    with pytest.raises(ValueError):
        Store.open("mysql://localhost/x", tmp_path)
