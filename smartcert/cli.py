"""The `smartcert` command."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from extractors.base import ExtractSettings


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


def cmd_intake(args: argparse.Namespace) -> int:
    from pipelines.batch import run_batch

    runs = run_batch(Path(args.batch_dir), Path(args.out), _settings(args), _progress)
    for run in runs:
        counts = Counter(f.severity.value for f in run.intake.findings)
        for d in run.extracts:
            counts.update(f.severity.value for f in d.findings)
        _progress(f"{run.out_dir / 'findings.json'}: 문서 {len(run.extracts)}건, "
                  f"오류 {counts['error']} · 경고 {counts['warning']} · 참고 {counts['info']}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="smartcert", description="스마트도시 인증 제출서류 사전 검토")
    sub = p.add_subparsers(dest="command", required=True)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--out", required=True, help="output folder")
        sp.add_argument("--no-ocr", action="store_true", help="do not OCR scanned pages")
        sp.add_argument("--ocr-dpi", type=int, default=300)

    e = sub.add_parser("extract", help="extract one or more files to <out>/<file>.extract.json")
    e.add_argument("files", nargs="+")
    common(e)
    e.set_defaults(func=cmd_extract)

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
