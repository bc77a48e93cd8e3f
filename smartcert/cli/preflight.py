"""Operational mistakes, found before any work (and before Prefect) starts: each is one
Korean line and exit code 2. Bad documents are never caught here — they become findings."""

from __future__ import annotations

import argparse
import os
import re
import socket
from datetime import date
from itertools import pairwise
from pathlib import Path


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
    if getattr(args, "max_member_mb", None) is not None:
        _archive_limits(args)
    if getattr(args, "program", None) is not None:
        _program(args.program, "city", "--program")
    if getattr(args, "out", None) is not None:
        _writable_dir(Path(args.out), "결과 폴더(--out)")
    if getattr(args, "data_dir", None):
        _writable_dir(Path(args.data_dir), "데이터 폴더(--data-dir)")
    if getattr(args, "store_url", None):
        _store_url(args.store_url)
    if getattr(args, "dask_address", None) is not None:  # last: it may wait on the network
        args.dask_address = _dask_address(args.dask_address)


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
    from smartcert.pipelines.batch_folder import submissions_in

    seen: dict[str, Path] = {}
    for s in (s for d in batch_dirs for s in submissions_in(d)):
        if s.name in seen:
            raise UsageProblem(f"같은 이름의 제출물이 둘입니다: {seen[s.name]}, {s} — 결과가 서로 "
                               "덮어쓰이므로 이름을 바꾸거나 따로 접수하세요")
        seen[s.name] = s


DASK_CONNECT_S = 2.0  # a scheduler that answers does so at once; Prefect is not started yet


def _dask_address(text: str) -> str:
    """--dask-address: a scheduler address, tcp://host:port (tls:// too), that answers."""
    address = text.strip()
    m = re.fullmatch(r"(tcp|tls)://([^\s/:]+|\[[0-9a-fA-F:]+\]):(\d{1,5})", address)
    if m is None or not 0 < int(m.group(3)) < 65536:
        raise UsageProblem(f"--dask-address: Dask 스케줄러 주소는 tcp://호스트:포트 형식이어야 "
                           f"합니다 (예: tcp://dask-scheduler:8786): {text!r}")
    host, port = m.group(2).strip("[]"), int(m.group(3))
    try:
        socket.create_connection((host, port), timeout=DASK_CONNECT_S).close()
    except OSError as e:
        why = "응답 없음" if isinstance(e, TimeoutError) else (e.strerror or str(e))
        raise UsageProblem(f"--dask-address: Dask 스케줄러 {address}에 연결할 수 없습니다 "
                           f"({why}) — 클러스터가 떠 있는지, 주소와 포트가 맞는지 확인하세요"
                           ) from None
    return address


def _archive_limits(args: argparse.Namespace) -> None:
    """The archive sizes nest: one member within what a submission keeps, that within what
    it may inflate (`IntakeLimits`)."""
    sizes = (("--max-member-mb", args.max_member_mb),
             ("--max-submission-mb", args.max_submission_mb),
             ("--max-inflated-mb", args.max_inflated_mb))
    for (small, a), (big, b) in pairwise(sizes):
        if a > b:
            raise UsageProblem(f"{small}({a:,})가 {big}({b:,})보다 클 수 없습니다 — {big}도 "
                               "함께 늘리세요")


def _writable_dir(path: Path, what: str) -> None:
    if path.exists() and not path.is_dir():
        raise UsageProblem(f"{what}가 폴더가 아니라 파일입니다: {path}")
    existing = next((p for p in (path, *path.parents) if p.exists()), None)
    if existing is None or not os.access(existing, os.W_OK | os.X_OK):
        raise UsageProblem(f"{what}에 쓸 권한이 없습니다: {path}")


def _program(ruleset_id: str, kind: str, option: str) -> None:
    from smartcert.schemas.program_index import program_kinds  # light: no catalogue models

    programs = program_kinds()
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
