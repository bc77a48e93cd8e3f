"""`smartcert validate` on an unchanged submission gives back the last result without
running again; any change runs it again, re-reading only the documents that changed."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from smartcert.cli import main

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "samples" / "bundles" / "chorong-word"
REUSED = "바뀐 것이 없어"


def validate(bundle: Path, out: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert main(["validate", str(bundle), "--out", str(out), "--progress", "plain",
                 *extra]) == 0
    return capsys.readouterr().err


def runs(out: Path) -> int:
    with sqlite3.connect(out / ".smartcert" / "smartcert.db") as conn:
        return conn.execute("SELECT count(*) FROM runs").fetchone()[0]


def cached(out: Path) -> set[str]:
    return {p.name for p in (out / ".smartcert" / "cache").rglob("*.json")}


def test_unchanged_reused_changed_run_again(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    bundle = Path(shutil.copytree(BUNDLE, tmp_path / "chorong-word"))
    out = tmp_path / "out"
    first = validate(bundle, out, capsys)
    assert REUSED not in first and runs(out) == 1
    summary = [ln for ln in first.splitlines() if "findings.json:" in ln]
    assert len(summary) == 1 and "초롱시" in summary[0]
    report = (out / "chorong-word" / "report.html").read_bytes()
    entries = cached(out)

    again = validate(bundle, out, capsys)
    assert REUSED in again and summary[0] in again.splitlines()
    assert runs(out) == 1  # nothing ran
    assert (out / "chorong-word" / "report.html").read_bytes() == report

    # one document changed: run again, and only that document read again
    evidence = next(bundle.glob("*근거자료*.pdf"))
    evidence.write_bytes(evidence.read_bytes() + b"\n% appended by the test\n")
    changed = validate(bundle, out, capsys)
    assert REUSED not in changed and runs(out) == 2
    new_entries = cached(out) - entries
    assert len(new_entries) == 1 and len(cached(out)) == len(entries) + 1
    assert REUSED in validate(bundle, out, capsys) and runs(out) == 2

    # an output touched by hand is no longer the recorded result: made again
    (out / "chorong-word" / "report.html").unlink()
    assert REUSED not in validate(bundle, out, capsys) and runs(out) == 3
    assert (out / "chorong-word" / "report.html").exists()

    # an option that changes what is checked, and --fresh, run again
    assert REUSED not in validate(bundle, out, capsys, "--no-ocr") and runs(out) == 4
    assert REUSED in validate(bundle, out, capsys, "--no-ocr")
    assert REUSED not in validate(bundle, out, capsys, "--no-ocr", "--fresh") and runs(out) == 5
