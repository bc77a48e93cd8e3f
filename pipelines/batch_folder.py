"""What a batch folder holds: its submissions (sub-folders and .zip files) and the entries
it does not take in. Standard library only: the command's preflight reads it before
Prefect or any reader is imported."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def submissions_in(batch_dir: Path) -> list[Path]:
    """Sub-folders and .zip files of a batch folder, by name; a folder of files is itself one."""
    entries = sorted(p for p in batch_dir.iterdir() if not p.name.startswith("."))
    subs = [p for p in entries if p.is_dir() or p.suffix.lower() == ".zip"]
    return subs or [batch_dir]


@dataclass(frozen=True)
class Stray:
    """An entry of a batch folder that is not taken in, and why (Korean, for the operator)."""

    path: Path
    reason: str


def strays_in(batch_dir: Path) -> list[Stray]:
    """What `submissions_in` leaves out, so every entry of a batch is accounted for: hidden
    entries (a '.smartcert' data folder, '.DS_Store' …) and loose files beside submissions."""
    entries = sorted(batch_dir.iterdir())
    if submissions_in(batch_dir) == [batch_dir]:  # the folder is one submission: all taken
        return [Stray(p, "숨김 항목이라 제출 파일로 읽지 않았습니다")
                for p in entries if p.name.startswith(".")]
    out = []
    for p in entries:
        if p.name.startswith("."):
            out.append(Stray(p, "숨김 항목이라 제출물로 보지 않았습니다"))
        elif not (p.is_dir() or p.suffix.lower() == ".zip"):
            out.append(Stray(p, "접수 폴더 바로 아래의 낱개 파일이라 어느 제출물에도 넣지 "
                                "않았습니다 (제출물 폴더나 .zip 안에 두세요)"))
    return out


def submissions_of_all(batch_dirs: list[Path]) -> list[Path]:
    """The submissions of several batch folders, in order. Each writes to `<out>/<name>`,
    so two with the same name are an operator's error, refused before anything runs."""
    sources = [s for d in batch_dirs for s in submissions_in(d)]
    seen: dict[str, Path] = {}
    for s in sources:
        if s.name in seen:
            raise ValueError(f"two submissions named {s.name!r}: {seen[s.name]} and {s}")
        seen[s.name] = s
    return sources
