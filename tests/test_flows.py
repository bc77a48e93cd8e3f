"""The Prefect flows on the embedded default (the session's test harness): a batch with a
document whose extractor breaks, scores independent of the batch by default and relative to
it on request, reports and artifacts, the store, and the same batch on a local Dask cluster
of 2 workers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml
from prefect.utilities.importtools import import_object

from smartcert.store import RunStatus, Store
from tests.builders.bad_pdf import lying_page_count

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "bundles"
BROKEN = "[초롱시]근거자료_합본.pdf"


def _batch(tmp: Path, *names: str) -> Path:
    batch = tmp / "batch"
    batch.mkdir()
    for name in names:
        shutil.copytree(SAMPLES / name, batch / name)
    return batch


def _report(out: Path, name: str) -> dict:
    return json.loads((out / name / "findings.json").read_text("utf-8"))


@pytest.fixture(scope="module")
def batch_run(tmp_path_factory: pytest.TempPathFactory, prefect_harness: None):  # type: ignore[no-untyped-def]
    """nuri-hwp and chorong-word (both 중소도시), with chorong's evidence PDF replaced by
    one that breaks its extractor (a /Count of a billion pages, on which PyMuPDF's page
    count itself fails: the document is read in a worker process, so a monkeypatched
    backend would not be seen), run once through the batch flow."""
    from smartcert.pipelines.flows import batch_intake

    tmp = tmp_path_factory.mktemp("flow")
    batch = _batch(tmp, "nuri-hwp", "chorong-word")
    lying_page_count(batch / "chorong-word" / BROKEN)
    result = batch_intake(str(batch), str(tmp / "out"), ocr=False)
    return tmp / "out", result


def test_a_broken_document_is_a_finding_and_the_run_partial(batch_run) -> None:  # type: ignore[no-untyped-def]
    out, result = batch_run
    assert result.status is RunStatus.PARTIAL and result.failed == []
    by_name = {o.out_dir.name: o for o in result.outcomes}
    assert set(by_name) == {"nuri-hwp", "chorong-word"}
    assert by_name["chorong-word"].failed_documents == (BROKEN,)
    chorong = _report(out, "chorong-word")
    (f,) = [f for f in chorong["findings"] if f["rule"] == "intake.extractor-failed"]
    assert f["category"] == "intake" and f["locations"][0]["file"] == BROKEN
    assert "RuntimeError" in f["message"]  # the library's exception, named
    assert len(chorong["indicators"]) == 53  # the other documents were still read


def test_batch_writes_reports_summary_and_scores_each_alone_by_default(batch_run) -> None:  # type: ignore[no-untyped-def]
    out, result = batch_run
    for name in ("nuri-hwp", "chorong-word"):
        for f in ("findings.json", "report.html", "findings.xlsx"):
            assert (out / name / f).is_file(), (name, f)
        score = _report(out, name)["score"]
        assert score["relative"] is False and score["relative_requested"] is False
        assert "다른 제출과 무관" in score["note"]
        assert score["site_inspection_from"] == 1400
        assert score["site_inspection"] is (score["total"] >= 1400)
    assert [p.name for p in result.summary] == ["batch-summary.html", "batch-summary.xlsx"]
    html = (out / "batch-summary.html").read_text("utf-8")
    assert "누리시" in html and "초롱시" in html and "현장실사 대상 (1,400점 이상)" in html
    # the report of a stored run carries the qualitative evaluator aid
    report = (out / "nuri-hwp" / "report.html").read_text("utf-8")
    assert 'id="qualitative-aid"' in report


def test_batch_is_stored_with_its_run(batch_run) -> None:  # type: ignore[no-untyped-def]
    out, result = batch_run
    store = Store.open(None, out / ".smartcert")
    run = store.get_run(result.run_id)
    assert run is not None and run.status is RunStatus.PARTIAL and run.finished_at is not None
    latest = store.latest_report("applicant:누리시", "city-2025")
    assert latest is not None and latest.run_id == result.run_id
    assert latest.report == result.outcomes[[o.out_dir.name for o in result.outcomes]
                                            .index("nuri-hwp")].report


def test_batch_publishes_table_and_markdown_artifacts(batch_run) -> None:  # type: ignore[no-untyped-def]
    import httpx
    from prefect.settings import PREFECT_API_URL

    # the REST API directly: this client version sends null filters its server rejects
    body = {"artifacts": {"key": {"any_": ["batch-intake-submissions", "batch-intake-summary"]}},
            "limit": 50, "offset": 0, "sort": "CREATED_DESC"}
    resp = httpx.post(f"{PREFECT_API_URL.value()}/artifacts/filter", json=body, timeout=60)
    resp.raise_for_status()
    arts = resp.json()
    assert {a["key"]: a["type"] for a in arts} == {
        "batch-intake-submissions": "table", "batch-intake-summary": "markdown"}
    table = next(a for a in arts if a["type"] == "table")
    rows = json.loads(table["data"]) if isinstance(table["data"], str) else table["data"]
    assert {r["신청기관"] for r in rows} == {"누리시", "초롱시"}
    md = next(a for a in arts if a["type"] == "markdown")["data"]
    assert "report.html" in md and "batch-summary.html" in md


def test_the_same_batch_on_a_local_dask_cluster_two_submissions_at_once(tmp_path: Path, batch_run) -> None:  # type: ignore[no-untyped-def]
    from smartcert.pipelines.flows import batch_intake

    serial_out, _ = batch_run
    batch = _batch(tmp_path, "nuri-hwp", "solnae-split")
    result = batch_intake(str(batch), str(tmp_path / "out"), ocr=False, dask_workers=2,
                          relative_scoring=True, parallel_submissions=2)
    assert result.status is RunStatus.COMPLETE
    assert [o.out_dir.name for o in result.outcomes] == ["nuri-hwp", "solnae-split"]
    got, want = _report(tmp_path / "out", "nuri-hwp"), _report(serial_out, "nuri-hwp")
    assert got["indicators"] == want["indicators"]
    assert [f["rule"] for f in got["findings"]] == [f["rule"] for f in want["findings"]]
    assert len(_report(tmp_path / "out", "solnae-split")["indicators"]) == 53
    # asked for: nuri scored relative to solnae (both 중소도시), no longer as alone
    score = got["score"]
    assert score["relative"] is True and score["relative_requested"] is True
    assert score["batch_size"] == 2 and "일괄 상대 환산" in score["note"]
    assert score["total"] != want["score"]["total"]


def test_prefect_yaml_points_at_real_flows() -> None:
    spec = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))
    names = []
    for dep in spec["deployments"]:
        flow = import_object(dep["entrypoint"])  # what `prefect deploy` and a worker load
        assert flow.name == dep["name"]
        assert set(dep.get("parameters", {})) <= set(flow.parameters.properties)
        names.append(dep["name"])
    assert {"batch-intake", "renewal-revalidation"} <= set(names)


def test_an_unchanged_batch_is_reused_and_a_changed_submission_run_again(batch_run) -> None:  # type: ignore[no-untyped-def]
    """Last in this module: it runs the fixture's batch again into the same outputs."""
    from sqlalchemy import func, select

    from smartcert.pipelines.flows import batch_intake
    from smartcert.store import models as m

    out, first = batch_run
    batch = out.parent / "batch"
    store = Store.open(None, out / ".smartcert")

    def count(table: type) -> int:
        with store.engine.connect() as c:
            return c.scalar(select(func.count()).select_from(table)) or 0

    results = count(m.Result)
    report_html = (out / "nuri-hwp" / "report.html").read_bytes()
    drawn = {p: p.stat().st_mtime_ns for p in first.summary}
    again = batch_intake(str(batch), str(out), ocr=False)
    # nothing ran: the same outcomes, files untouched, the stored results linked to the run
    assert [o.out_dir.name for o in again.outcomes] == [o.out_dir.name for o in first.outcomes]
    assert [o.report for o in again.outcomes] == [o.report for o in first.outcomes]
    assert again.status is RunStatus.PARTIAL  # chorong's broken document is still reported
    assert (out / "nuri-hwp" / "report.html").read_bytes() == report_html
    assert count(m.Result) == results
    latest = store.latest_report("applicant:누리시", "city-2025")
    assert latest is not None and latest.run_id == again.run_id
    # the summary of the same reports is the one already written, not drawn again
    assert again.summary == first.summary
    assert {p: p.stat().st_mtime_ns for p in again.summary} == drawn

    # one submission changed: it alone runs again
    pdf = next((batch / "nuri-hwp").glob("*.pdf"))
    pdf.write_bytes(pdf.read_bytes() + b"\n% changed\n")
    third = batch_intake(str(batch), str(out), ocr=False)
    nuri = third.outcomes[[o.out_dir.name for o in third.outcomes].index("nuri-hwp")]
    chorong = third.outcomes[[o.out_dir.name for o in third.outcomes].index("chorong-word")]
    before = next(o for o in first.outcomes if o.out_dir.name == "nuri-hwp")
    assert nuri.report.submission.id != before.report.submission.id  # read from the new bytes
    assert chorong.report == next(o for o in first.outcomes
                              if o.out_dir.name == "chorong-word").report
    assert count(m.Result) == results + 1  # the changed submission's new result only
    # a report changed: the summary is drawn again
    assert third.summary == first.summary
    assert all(p.stat().st_mtime_ns != drawn[p] for p in third.summary)
