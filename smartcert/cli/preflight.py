"""Operational mistakes, found before any work (and before Prefect) starts: each is one
Korean line and exit code 2. Bad documents are never caught here — they become findings."""

from __future__ import annotations

import argparse
import os
from datetime import date
from pathlib import Path

from smartcert.pipelines.batch import submissions_in
from smartcert.schemas.catalogue import available_programs


class UsageProblem(Exception):
    """An operator's mistake: the message is the one Korean line to show."""


def preflight(args: argparse.Namespace) -> None:
    """Raise UsageProblem for the first mistake in `args`."""
    command = args.command
    if command == "extract":
        for f in args.files:
            _file(Path(f), "읽을 파일")
    elif command == "validate":
        _bundle(Path(args.bundle))
    elif command == "intake":
        for d in args.batch_dir:
            _batch_dir(Path(d), Path(args.out))
        _unique_names([Path(d) for d in args.batch_dir])
    elif command == "verdicts":
        sheet = _file(Path(args.file), "판정 파일")
        if sheet.suffix.lower() != ".xlsx":
            raise UsageProblem(f"{sheet}: findings.xlsx 형식(.xlsx)이 아닙니다")
    elif command == "renewals":
        _iso_day(args.today)
        if not args.cities_only:
            _program(args.service_program, "service", "--service-program")
    if getattr(args, "program", None) is not None:
        _program(args.program, "city", "--program")
    if getattr(args, "out", None) is not None:
        _writable_dir(Path(args.out), "결과 폴더(--out)")
    if getattr(args, "data_dir", None):
        _writable_dir(Path(args.data_dir), "데이터 폴더(--data-dir)")
    if getattr(args, "store_url", None):
        _store_url(args.store_url)


def _file(path: Path, what: str) -> Path:
    if not path.exists():
        raise UsageProblem(f"{what}이(가) 없습니다: {path}")
    if not path.is_file():
        raise UsageProblem(f"{what}이(가) 파일이 아닙니다: {path}")
    if not os.access(path, os.R_OK):
        raise UsageProblem(f"{what}을(를) 읽을 권한이 없습니다: {path}")
    return path


def _bundle(path: Path) -> None:
    if not path.exists():
        raise UsageProblem(f"제출물이 없습니다: {path}")
    if path.is_file() and path.suffix.lower() != ".zip":
        raise UsageProblem(f"제출물은 폴더나 .zip 파일이어야 합니다: {path}")
    if not os.access(path, os.R_OK):
        raise UsageProblem(f"제출물을 읽을 권한이 없습니다: {path}")


def _batch_dir(path: Path, out: Path) -> None:
    if not path.is_dir():
        raise UsageProblem(f"접수 폴더가 없거나 폴더가 아닙니다: {path}")
    inside = out.resolve()
    if inside == path.resolve() or path.resolve() in inside.parents:
        # the next run would take the outputs for submissions
        raise UsageProblem(f"결과 폴더({out})가 접수 폴더({path}) 안에 있습니다: 다른 곳을 "
                           "지정하세요")


def _unique_names(batch_dirs: list[Path]) -> None:
    """Each submission writes to <out>/<name>: two of one name would overwrite each other."""
    seen: dict[str, Path] = {}
    for s in (s for d in batch_dirs for s in submissions_in(d)):
        if s.name in seen:
            raise UsageProblem(f"같은 이름의 제출물이 둘입니다: {seen[s.name]}, {s} — 결과가 서로 "
                               "덮어쓰이므로 이름을 바꾸거나 따로 접수하세요")
        seen[s.name] = s


def _writable_dir(path: Path, what: str) -> None:
    if path.exists() and not path.is_dir():
        raise UsageProblem(f"{what}가 폴더가 아니라 파일입니다: {path}")
    existing = next((p for p in (path, *path.parents) if p.exists()), None)
    if existing is None or not os.access(existing, os.W_OK | os.X_OK):
        raise UsageProblem(f"{what}에 쓸 권한이 없습니다: {path}")


def _program(ruleset_id: str, kind: str, option: str) -> None:
    programs = available_programs()
    known = sorted(r for r, k in programs.items() if k == kind)
    if ruleset_id not in programs:
        raise UsageProblem(f"{option}: 규칙 세트 {ruleset_id!r}이(가) 없습니다 "
                           f"(있는 것: {', '.join(known)})")
    if programs[ruleset_id] != kind:
        hint = ("서비스 인증 제출물은 내용으로 알아보고 서비스 규칙 세트로 보냅니다"
                if kind == "city" else "서비스 인증 규칙 세트를 지정하세요")
        raise UsageProblem(f"{option}: {ruleset_id}은(는) {programs[ruleset_id]} 규칙 세트입니다 "
                           f"— {hint} (가능한 값: {', '.join(known)})")


def _iso_day(text: str | None) -> None:
    if text is None:
        return
    try:
        date.fromisoformat(text)
    except ValueError:
        raise UsageProblem(f"--today: 날짜는 2026-12-03 형식이어야 합니다: {text!r}") from None


def _store_url(url: str) -> None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(url)
    except ArgumentError:
        raise UsageProblem(f"--store-url: 데이터베이스 URL을 해석할 수 없습니다: {url!r} "
                           "(예: postgresql+psycopg://user@127.0.0.1/smartcert)") from None
