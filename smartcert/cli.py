"""The `smartcert` command."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from extractors.base import ExtractSettings

if TYPE_CHECKING:
    from pipelines.steps import SubmissionRun


def _progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _settings(args: argparse.Namespace) -> ExtractSettings:
    return ExtractSettings(ocr=not args.no_ocr, ocr_dpi=args.ocr_dpi)


def cmd_extract(args: argparse.Namespace) -> int:
    from extractors.api import extract_file
    from reports.jsonfile import extract_json_name, write_model

    settings = _settings(args)
    for f in args.files:
        doc = extract_file(Path(f), settings)
        target = write_model(doc, Path(args.out) / extract_json_name(doc.file))
        _progress(f"{target}  [{doc.status.value}] 쪽 {len(doc.pages)}, 표 {len(doc.tables)}, "
                  f"발견사항 {len(doc.findings)}")
    return 0


def _summary(run: SubmissionRun) -> None:
    report = run.report
    counts = Counter(f.severity.value for f in report.findings) if report else Counter()
    who = report.submission.applicant if report and report.submission.applicant else "신청기관 미상"
    n = len(report.indicators) if report else 0
    _progress(f"{run.out_dir / 'findings.json'}: {who}, 문서 {len(run.extracts)}건, 지표 {n}개, "
              f"오류 {counts['error']} · 경고 {counts['warning']} · 참고 {counts['info']}")


def cmd_intake(args: argparse.Namespace) -> int:
    from pipelines.batch import run_batch

    for run in run_batch(Path(args.batch_dir), Path(args.out), _settings(args), _progress,
                         program=args.program):
        _summary(run)
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from pipelines.batch import run_submission

    _summary(run_submission(Path(args.bundle), Path(args.out), _settings(args), _progress,
                            program=args.program))
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="smartcert", description="스마트도시 인증 제출서류 사전 검토")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--out", required=True, help="output folder")
        sp.add_argument("--no-ocr", action="store_true", help="do not OCR scanned pages")
        sp.add_argument("--ocr-dpi", type=int, default=300)
        sp.add_argument("--program", default="city-2025", help="rule set (city-2025)")

    e = sub.add_parser("extract", help="extract one or more files to <out>/<file>.extract.json")
    e.add_argument("files", nargs="+")
    common(e)
    e.set_defaults(func=cmd_extract)

    v = sub.add_parser("validate", help="one submission (folder or .zip) → <out>/<name>/findings.json")
    v.add_argument("bundle")
    common(v)
    v.set_defaults(func=cmd_validate)

    i = sub.add_parser("intake", help="take in every submission of a batch folder")
    i.add_argument("batch_dir")
    common(i)
    i.set_defaults(func=cmd_intake)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    raise SystemExit(main())
