"""What each `smartcert` command does, once its arguments passed the preflight checks."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING

from smartcert.cli.progress import Display
from smartcert.extractors.limits import Limits
from smartcert.intake.limits import IntakeLimits, MiB

if TYPE_CHECKING:
    from smartcert.core.findings import Finding
    from smartcert.core.report import FindingsReport
    from smartcert.extractors.base import ExtractSettings
    from smartcert.extractors.models import DocumentExtract
    from smartcert.pipelines.runtime import RunConfig
    from smartcert.pipelines.steps import SubmissionRun


def _progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


main_progress = _progress


def _limits(args: argparse.Namespace) -> Limits:
    return Limits(max_pages=args.max_pages, max_ocr_pages=args.max_ocr_pages,
                  max_render_megapixels=args.max_render_mp, max_cells=args.max_cells,
                  doc_timeout_s=args.doc_timeout, doc_memory_mb=args.doc_memory_mb)


def _intake_limits(args: argparse.Namespace) -> IntakeLimits:
    return IntakeLimits(max_member_bytes=args.max_member_mb * MiB,
                        max_total_bytes=args.max_submission_mb * MiB,
                        max_inflated_bytes=args.max_inflated_mb * MiB,
                        max_ratio=float(args.max_zip_ratio), max_members=args.max_members,
                        max_nesting=int(args.max_nesting))


def _settings(args: argparse.Namespace) -> ExtractSettings:
    from smartcert.extractors.base import ExtractSettings

    return ExtractSettings(ocr=not args.no_ocr, ocr_dpi=args.ocr_dpi, limits=_limits(args))


def cmd_extract(args: argparse.Namespace) -> int:
    from smartcert.extractors import isolate

    # the workers import while this process does (the models, the readers): a long PDF is
    # read on every free core
    isolate.prestart(_limits(args), min(len(args.files), isolate.cores()))
    settings = _settings(args)
    from smartcert.extractors.api import extract_file
    from smartcert.extractors.progress import emit_to, events_to
    from smartcert.pipelines.privacy import ExtractJson, mask_extract
    from smartcert.reports.jsonfile import extract_json_name, write_model

    masked = ExtractJson(args.extract_json) is ExtractJson.MASKED
    files = [Path(f) for f in args.files]
    width = isolate.cores()
    # a file per core, the next taken as one ends; a long PDF is read in parts on the cores
    # then free (`api._read_in_parts`), and no more workers than cores are ever started. At
    # most `window` documents are read ahead of the one being written, in the order given
    window = 3 * width
    with Display(args.progress, None) as display:
        emit_to(display.events, "files", n=len(files))

        def read(path: Path) -> DocumentExtract:
            with events_to(display.events):
                return extract_file(path, settings)

        def save(doc: DocumentExtract) -> None:
            target = write_model(mask_extract(doc) if masked else doc,
                                 Path(args.out) / extract_json_name(doc.file))
            emit_to(display.events, "doc")
            _progress(f"{target}  [{doc.status.value}] 쪽 {len(doc.pages)}, "
                      f"표 {len(doc.tables)}, 발견사항 {len(doc.findings)}")
            _ocr_warning(doc.file, doc.findings, settings.ocr_languages)

        # a document is masked and written while the workers read the next ones; one write
        # in flight at a time, so the files are written (and a failure raised) in order
        with isolate.worker_cap(width), ThreadPoolExecutor(max_workers=width) as readers, \
                ThreadPoolExecutor(max_workers=1) as writer:
            saving: Future[None] | None = None
            reading: dict[int, Future[DocumentExtract]] = {}
            try:
                for written in range(len(files)):
                    for i in range(written + len(reading), min(written + window, len(files))):
                        reading[i] = readers.submit(read, files[i])
                    doc = reading.pop(written).result()
                    if saving is not None:
                        saving.result()
                    saving = writer.submit(save, doc)
                if saving is not None:
                    saving.result()
            except BaseException:  # a failed write, Ctrl-C: the files not started stay unread
                for future in reading.values():
                    future.cancel()
                raise
    return 0


def _ocr_warning(name: str, findings: list[Finding], languages: str = "kor+eng") -> None:
    line = _ocr_warning_line(name, findings, languages)
    if line is not None:
        _progress(line)


def _ocr_warning_line(name: str, findings: list[Finding],
                      languages: str = "kor+eng") -> str | None:
    """One Korean line when scanned pages could not be OCR'd: the figures on them were not
    read, so the provisional score is not settled. The exit code stays 0: the run did what
    it could and its findings.json says the same (the store marks the run complete)."""
    from smartcert.extractors.findings import OCR_UNAVAILABLE

    files = list(dict.fromkeys(loc.file for f in findings if f.rule == OCR_UNAVAILABLE.id
                               for loc in f.locations))
    if not files:
        return None
    from smartcert.extractors.ocr import tesseract_available  # loads PyMuPDF: only when asked

    shown = ", ".join(files[:3]) + (f" 외 {len(files) - 3}건" if len(files) > 3 else "")
    why = (f"Tesseract({languages})가 설치되어 있지 않습니다: scripts/setup.sh 또는 apt-get "
           "install tesseract-ocr tesseract-ocr-kor 후 다시 실행하세요"
           if not tesseract_available(languages) else
           f"발견사항 {OCR_UNAVAILABLE.id} 참조")
    return f"{name}: 경고: OCR을 할 수 없어 점수가 확정되지 않았습니다: {shown} — {why}"


def _summary_lines(run: SubmissionRun) -> list[str]:
    if run.report is None:
        return []
    lines = [_report_text(run.out_dir, run.report, len(run.extracts))]
    warning = _ocr_warning_line(run.out_dir.name, run.report.findings)
    return lines + ([warning] if warning else [])


def _report_line(out_dir: Path, report: FindingsReport, documents: int) -> None:
    _progress(_report_text(out_dir, report, documents))


def _report_text(out_dir: Path, report: FindingsReport, documents: int) -> str:
    counts = Counter(f.severity.value for f in report.findings)
    who = report.submission.applicant or "신청기관 미상"
    grade = f", 잠정 {report.score.grade}등급" if report.score.grade else ""
    return (f"{out_dir / 'findings.json'}: {who}, 문서 {documents}건, "
            f"지표 {len(report.indicators)}개, 오류 {counts['error']} · 경고 {counts['warning']} "
            f"· 참고 {counts['info']}{grade}")


def _config(args: argparse.Namespace) -> RunConfig:
    from smartcert.pipelines.runtime import RunConfig

    return RunConfig.make(args.out, args.data_dir, program=args.program,
                          store_url=args.store_url, ocr=not args.no_ocr, ocr_dpi=args.ocr_dpi,
                          relative_scoring=getattr(args, "batch_relative", False),
                          limits=_limits(args), intake_limits=_intake_limits(args),
                          extract_json=args.extract_json)


def cmd_intake(args: argparse.Namespace) -> int:
    """The batch-intake Prefect flow on the embedded default: the Prefect API app on SQLite
    in the data directory (`pipelines.local_api`, entered by `cli._prefect_api`)."""
    from smartcert.pipelines.runtime import prepare_prefect

    config = _config(args)
    prepare_prefect(config.data_dir, verbose=args.verbose)
    from smartcert.pipelines.batch_folder import submissions_of_all
    from smartcert.pipelines.flows import batch_intake, set_progress

    set_progress(_progress)
    _progress(f"일괄 접수: {', '.join(args.batch_dir)} → {config.out_dir} "
              f"(데이터: {config.data_dir})")
    count = len(submissions_of_all([Path(d) for d in args.batch_dir]))
    with Display(args.progress, config.work_dir / "progress", count) as display:
        result = batch_intake([str(Path(d).resolve()) for d in args.batch_dir],
                              str(config.out_dir), program=config.program,
                              data_dir=str(config.data_dir), store_url=config.store_url,
                              ocr=config.ocr, relative_scoring=config.relative_scoring,
                              dask_workers=args.dask_workers,
                              parallel_submissions=args.parallel,
                              dask_address=args.dask_address,
                              dask_dashboard=args.dask_dashboard,
                              limits=asdict(config.limits),
                              intake_limits=asdict(config.intake_limits),
                              extract_json=config.extract_json.value,
                              progress_events=str(display.events) if display.events else None)
    for o in result.outcomes:
        _report_line(o.out_dir, o.report, len(o.report.submission.documents))
    for o in result.outcomes:
        _ocr_warning(o.out_dir.name, o.report.findings)
    for name in result.failed:
        _progress(f"{name}: 처리하지 못했습니다 (로그 참조)")
    for stray in result.strays:
        _progress(f"{stray.path}: {stray.reason}")
    _progress(f"실행 {result.run_id}: {result.status.value}")
    return 0 if not result.failed else 2


# options that change how a run is shown, not what it finds
_DISPLAY_ONLY = frozenset({"func", "progress", "fresh", "bundle"})


def cmd_validate(args: argparse.Namespace) -> int:
    """One submission without Prefect. Unchanged since the last complete run into the same
    output folder (`pipelines/reuse.py`: inputs, options, code and rule sets, libraries,
    OCR engine, day, verdicts; outputs untouched) → that run's result, in well under a
    second, before anything heavy is imported."""
    from smartcert.pipelines import reuse

    config = _config(args)
    source = Path(args.bundle)
    slot = reuse.slot_of(config.out_dir, source)
    options = {k: v for k, v in vars(args).items() if k not in _DISPLAY_ONLY}
    fp = reuse.fingerprint(source, options, store_url=config.store_url,
                           data_dir=config.data_dir)
    if args.fresh:
        reuse.forget(config.data_dir, slot)
    else:
        hit, _changed = reuse.recall(config.data_dir, slot, fp)
        if hit is not None:
            _progress(f"{source.name}: 지난 검토 이후 바뀐 것이 없어(제출 파일·옵션·규칙 세트·"
                      "프로그램·날짜·검토 의견) 그 결과를 그대로 보입니다 — 다시 검토하려면 --fresh")
            for line in hit.lines:
                _progress(line)
            return hit.exit_code

    from smartcert.pipelines.batch import validate_one
    from smartcert.pipelines.progress import quiet

    with Display(args.progress, config.work_dir / "progress", 1) as display:
        run = validate_one(source, replace(config, events=display.events),
                           quiet if display.enabled else _progress)
    lines = _summary_lines(run)
    for line in lines:
        _progress(line)
    if run.report is not None:
        # the fingerprint taken before the run: what the outputs were made from (a run
        # writes results to the store, never verdicts)
        reuse.remember(config.data_dir, slot, fp, run.out_dir, lines, 0)
    return 0


def cmd_verdicts_import(args: argparse.Namespace) -> int:
    """Record the verdicts of an edited findings.xlsx; they survive later re-runs (they are
    keyed by finding identity, not by run) and show in the next reports."""
    import getpass

    from smartcert.pipelines.persist import open_store
    from smartcert.pipelines.runtime import HOME_ENV, find_data_dir
    from smartcert.reports.xlsx import read_submission_id, read_verdicts
    from smartcert.store.reviews import import_verdicts

    sheet = Path(args.file)
    explicit = args.data_dir or os.environ.get(HOME_ENV)
    data_dir = Path(explicit).resolve() if explicit else find_data_dir(sheet)
    if data_dir is None and args.store_url is None:
        _progress(f"{sheet}: 저장소(.smartcert)를 찾지 못했습니다. --data-dir 또는 --store-url을 "
                  "지정하세요")
        return 2
    store = open_store(args.store_url, data_dir or Path.cwd())
    # a sheet speaks for its own submission only: keys of any other are refused row by row
    submission_id = read_submission_id(sheet)
    if submission_id is None:
        _progress(f"smartcert: 오류: {sheet}: '정보' 시트에 제출 ID가 없어 어느 제출물의 판정인지 "
                  "알 수 없습니다 (smartcert가 쓴 findings.xlsx를 고쳐 쓰세요)")
        return 2
    keys = store.finding_keys_of(submission_id)
    if not keys:
        _progress(f"smartcert: 오류: {sheet}: 제출 {submission_id}의 결과가 이 저장소에 없습니다 "
                  "(--data-dir 또는 --store-url 확인)")
        return 2
    result = import_verdicts(read_verdicts(sheet, known_keys=keys), store,
                             args.reviewer or getpass.getuser())
    for problem in result.problems:
        _progress(f"  {problem}")
    _progress(f"{sheet}: 검토 의견 {result.recorded}건 기록, 변경 없음 {result.unchanged}건, "
              f"미기재 {result.blank}건, 문제 {len(result.problems)}건")
    return 0 if not result.problems else 1


def cmd_renewals_run(args: argparse.Namespace) -> int:
    """The renewal re-validation flow on the embedded default (see cmd_intake)."""
    from smartcert.pipelines.runtime import RunConfig, prepare_prefect

    config = RunConfig.make(args.out, args.data_dir, store_url=args.store_url)
    prepare_prefect(config.data_dir)
    from smartcert.pipelines.renewal_flow import renewal_revalidation

    result = renewal_revalidation(str(config.out_dir), today=args.today,
                                  within_days=args.within_days, purpose=args.purpose,
                                  data_dir=str(config.data_dir), store_url=args.store_url,
                                  service_program=None if args.cities_only
                                  else args.service_program)
    _progress(f"{result.today} 기준 {args.within_days}일 이내 만료·재검토 예정: "
              f"{len(result.items)}건")
    for i in result.items:
        _progress(f"  {i.certification}: {i.choice.ruleset} ({i.choice.review}) — {i.message}")
        if i.diff is not None and i.diff.changed:
            for line in i.diff.summary_lines(max_items=5):
                _progress(f"      {line}")
    return 0
