"""The `smartcert` command."""

from __future__ import annotations

import argparse
import os
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from smartcert.extractors.base import ExtractSettings

if TYPE_CHECKING:
    from smartcert.core.report import FindingsReport
    from smartcert.pipelines.runtime import RunConfig
    from smartcert.pipelines.steps import SubmissionRun


def _progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _settings(args: argparse.Namespace) -> ExtractSettings:
    return ExtractSettings(ocr=not args.no_ocr, ocr_dpi=args.ocr_dpi)


def cmd_extract(args: argparse.Namespace) -> int:
    from smartcert.extractors.api import extract_file
    from smartcert.reports.jsonfile import extract_json_name, write_model

    settings = _settings(args)
    for f in args.files:
        doc = extract_file(Path(f), settings)
        target = write_model(doc, Path(args.out) / extract_json_name(doc.file))
        _progress(f"{target}  [{doc.status.value}] 쪽 {len(doc.pages)}, 표 {len(doc.tables)}, "
                  f"발견사항 {len(doc.findings)}")
    return 0


def _summary(run: SubmissionRun) -> None:
    if run.report is not None:
        _report_line(run.out_dir, run.report, len(run.extracts))


def _report_line(out_dir: Path, report: FindingsReport, documents: int) -> None:
    counts = Counter(f.severity.value for f in report.findings)
    who = report.submission.applicant or "신청기관 미상"
    grade = f", 잠정 {report.score.grade}등급" if report.score.grade else ""
    _progress(f"{out_dir / 'findings.json'}: {who}, 문서 {documents}건, "
              f"지표 {len(report.indicators)}개, 오류 {counts['error']} · 경고 {counts['warning']} "
              f"· 참고 {counts['info']}{grade}")


def _config(args: argparse.Namespace) -> RunConfig:
    from smartcert.pipelines.runtime import RunConfig

    return RunConfig.make(args.out, args.data_dir, program=args.program,
                          store_url=args.store_url, ocr=not args.no_ocr, ocr_dpi=args.ocr_dpi,
                          relative_scoring=getattr(args, "batch_relative", False))


def cmd_intake(args: argparse.Namespace) -> int:
    """The batch-intake Prefect flow on the embedded default: Prefect's ephemeral server on
    SQLite in the data directory, started and stopped by Prefect itself."""
    from smartcert.pipelines.runtime import prepare_prefect

    config = _config(args)
    prepare_prefect(config.data_dir, verbose=args.verbose)
    from smartcert.pipelines.flows import batch_intake, set_progress

    set_progress(_progress)
    _progress(f"일괄 접수: {', '.join(args.batch_dir)} → {config.out_dir} "
              f"(데이터: {config.data_dir})")
    result = batch_intake([str(Path(d).resolve()) for d in args.batch_dir], str(config.out_dir),
                          program=config.program, data_dir=str(config.data_dir),
                          store_url=config.store_url, ocr=config.ocr,
                          relative_scoring=config.relative_scoring,
                          dask_workers=args.dask_workers,
                          parallel_submissions=args.parallel)
    for o in result.outcomes:
        _report_line(o.out_dir, o.report, len(o.report.submission.documents))
    for name in result.failed:
        _progress(f"{name}: 처리하지 못했습니다 (로그 참조)")
    _progress(f"실행 {result.run_id}: {result.status.value}")
    return 0 if not result.failed else 2


def cmd_validate(args: argparse.Namespace) -> int:
    from smartcert.pipelines.batch import validate_one

    _summary(validate_one(Path(args.bundle), _config(args), _progress))
    return 0


def cmd_verdicts_import(args: argparse.Namespace) -> int:
    """Record the verdicts of an edited findings.xlsx; they survive later re-runs (they are
    keyed by finding identity, not by run) and show in the next reports."""
    import getpass

    from smartcert.pipelines.persist import open_store
    from smartcert.pipelines.runtime import HOME_ENV, find_data_dir
    from smartcert.reports.xlsx import read_verdicts
    from smartcert.store.reviews import import_verdicts

    sheet = Path(args.file)
    explicit = args.data_dir or os.environ.get(HOME_ENV)
    data_dir = Path(explicit).resolve() if explicit else find_data_dir(sheet)
    if data_dir is None and args.store_url is None:
        _progress(f"{sheet}: 저장소(.smartcert)를 찾지 못했습니다. --data-dir 또는 --store-url을 "
                  "지정하세요")
        return 2
    store = open_store(args.store_url, data_dir or Path.cwd())
    result = import_verdicts(read_verdicts(sheet), store, args.reviewer or getpass.getuser())
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


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="smartcert", description="스마트도시 인증 제출서류 사전 검토")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser, runs: bool = True) -> None:
        sp.add_argument("--out", required=True, help="output folder")
        sp.add_argument("--no-ocr", action="store_true", help="do not OCR scanned pages")
        sp.add_argument("--ocr-dpi", type=int, default=300)
        sp.add_argument("--program", default="city-2025", help="rule set (city-2025)")
        if runs:
            sp.add_argument("--data-dir", help="cache, store and Prefect home "
                            "(default: $SMARTCERT_HOME, else <out>/.smartcert)")
            sp.add_argument("--store-url", help="database URL (default: SQLite in the data "
                            "dir; postgresql+psycopg://… for PostgreSQL)")

    e = sub.add_parser("extract", help="extract one or more files to <out>/<file>.extract.json")
    e.add_argument("files", nargs="+")
    common(e, runs=False)
    e.set_defaults(func=cmd_extract)

    v = sub.add_parser("validate", help="one submission (folder or .zip) → <out>/<name>/findings.json")
    v.add_argument("bundle")
    common(v)
    v.set_defaults(func=cmd_validate)

    i = sub.add_parser("intake", help="take in every submission of a batch folder")
    i.add_argument("batch_dir", nargs="+", help="one or more batch folders")
    common(i)
    i.add_argument("--dask-workers", type=int, default=0,
                   help="run document tasks on a local Dask cluster of N worker processes")
    i.add_argument("--parallel", type=int, default=1,
                   help="submissions processed at once (with Dask: up to the workers)")
    scoring = i.add_mutually_exclusive_group()
    scoring.add_argument("--batch-relative", action="store_true",
                         help="정량지표 값을 이번 일괄 접수에 함께 든 같은 신청 유형(대도시/중소도시) "
                              "제출들의 최고값 대비로 환산합니다(잠정 점수가 함께 접수된 제출에 "
                              "따라 달라짐). 지정하지 않으면 각 제출을 다른 제출과 무관하게 "
                              "단독으로 산정합니다")
    scoring.add_argument("--score-alone", action="store_true",
                         help="각 제출을 단독으로 산정합니다(기본값; 이전 명령과의 호환용)")
    i.add_argument("--verbose", action="store_true", help="show Prefect's own log lines")

    vd = sub.add_parser("verdicts", help="reviewers' verdicts on findings")
    vsub = vd.add_subparsers(dest="verdicts_command", required=True)
    vi = vsub.add_parser("import", help="record the verdicts of an edited findings.xlsx")
    vi.add_argument("file")
    vi.add_argument("--reviewer", help="for rows without a 검토자 (default: the OS user)")
    vi.add_argument("--data-dir", help="the run's data dir (default: $SMARTCERT_HOME, else the "
                    "nearest .smartcert above the file)")
    vi.add_argument("--store-url", help="database URL, when not the data dir's SQLite")
    vi.set_defaults(func=cmd_verdicts_import)

    rn = sub.add_parser("renewals", help="re-validation of certified cities")
    rsub = rn.add_subparsers(dest="renewals_command", required=True)
    rr = rsub.add_parser("run", help="re-validate certifications expiring within N days")
    rr.add_argument("--out", required=True, help="output folder")
    rr.add_argument("--today", help="ISO date (default: today in Asia/Seoul)")
    rr.add_argument("--within-days", type=int, default=90)
    rr.add_argument("--purpose", choices=["maintain", "upgrade"], default="maintain")
    rr.add_argument("--service-program", default="service-2023",
                    help="서비스 인증 재검토에 적용할 규칙 세트 (기본 service-2023)")
    rr.add_argument("--cities-only", action="store_true",
                    help="도시 인증만 재검증 (서비스 인증 재검토 제외)")
    rr.add_argument("--data-dir", help="the store's data dir (as for intake)")
    rr.add_argument("--store-url", help="database URL")
    rr.set_defaults(func=cmd_renewals_run)
    i.set_defaults(func=cmd_intake)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
