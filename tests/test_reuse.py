"""The fingerprint an unchanged submission is recognised by (`pipelines/reuse.py`): every
part it depends on changes it, nothing else does, and a recorded result is given back only
while its outputs are exactly what the run wrote."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from smartcert.pipelines import reuse

ROOT = Path(__file__).resolve().parents[1]
BUNDLE = ROOT / "samples" / "bundles" / "chorong-word"
DAY = date(2026, 12, 3)


def fp(source: Path, data_dir: Path, options: dict | None = None, **kw: object) -> reuse.Fingerprint:
    return reuse.fingerprint(source, options or {"program": "city-2025"}, store_url=None,
                             data_dir=data_dir, today=kw.get("today", DAY))  # type: ignore[arg-type]


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    return Path(shutil.copytree(BUNDLE, tmp_path / "chorong-word"))


def test_same_inputs_same_fingerprint_wherever_they_are(bundle: Path, tmp_path: Path) -> None:
    other = Path(shutil.copytree(bundle, tmp_path / "elsewhere" / "chorong-word"))
    assert fp(bundle, tmp_path).key == fp(other, tmp_path).key
    renamed = Path(shutil.copytree(bundle, tmp_path / "elsewhere" / "초롱시-수정"))
    assert fp(bundle, tmp_path).changed(fp(renamed, tmp_path).parts) == ["inputs"]


def test_each_part_changes_the_fingerprint(bundle: Path, tmp_path: Path) -> None:
    base = fp(bundle, tmp_path)
    pdf = next(bundle.glob("*.pdf"))
    data = pdf.read_bytes()
    pdf.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))  # one bit of one document
    assert base.changed(fp(bundle, tmp_path).parts) == ["inputs"]
    pdf.write_bytes(data)
    (bundle / "추가 자료.txt").write_text("새 파일", encoding="utf-8")  # a file added
    assert base.changed(fp(bundle, tmp_path).parts) == ["inputs"]
    (bundle / "추가 자료.txt").unlink()
    assert fp(bundle, tmp_path).key == base.key
    pdf.rename(pdf.with_name("다른 이름.pdf"))  # a name is part of what was submitted
    assert base.changed(fp(bundle, tmp_path).parts) == ["inputs"]
    pdf.with_name("다른 이름.pdf").rename(pdf)
    assert base.changed(fp(bundle, tmp_path, {"program": "city-2025", "ocr": False}).parts) \
        == ["options"]
    assert base.changed(fp(bundle, tmp_path, today=date(2026, 12, 4)).parts) == ["day"]


def test_the_code_digest_covers_rule_sets_and_code(tmp_path: Path) -> None:
    pkg = Path(shutil.copytree(Path(reuse.smartcert.__file__).parent / "schemas" / "rulesets",
                               tmp_path / "pkg" / "rulesets"))
    before = reuse.code_digest(pkg.parent)
    target = next(pkg.rglob("*.yaml"))
    target.write_text(target.read_text(encoding="utf-8") + "\n# 수정\n", encoding="utf-8")
    edited = reuse.code_digest(pkg.parent)
    assert edited != before
    (pkg.parent / "__pycache__").mkdir()
    (pkg.parent / "__pycache__" / "x.pyc").write_bytes(b"\0")  # compiled files are not code
    assert reuse.code_digest(pkg.parent) == edited


def test_the_real_package_is_digested_not_the_repository() -> None:
    files = reuse._files(reuse._PACKAGE, skip=("__pycache__",))
    names = {p.relative_to(reuse._PACKAGE).parts[0] for p in files}
    assert {"extractors", "validators", "schemas", "reports", "cli"} <= names
    assert not names & {".venv", "samples", "tests", ".git"}


def test_a_verdict_changes_the_fingerprint(bundle: Path, tmp_path: Path) -> None:
    empty = fp(bundle, tmp_path)  # no store yet: the same as a store without verdicts
    db = tmp_path / "smartcert.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE runs (id TEXT)")
    assert fp(bundle, tmp_path).key == empty.key
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE verdicts (id TEXT, recorded_at TEXT)")
    assert fp(bundle, tmp_path).key == empty.key
    with sqlite3.connect(db) as conn:
        conn.execute("INSERT INTO verdicts VALUES ('a', '2026-12-03 10:00:00')")
    assert empty.changed(fp(bundle, tmp_path).parts) == ["verdicts"]


def test_recall_gives_back_only_untouched_outputs(bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "chorong-word"
    (out / "report_files").mkdir(parents=True)
    (out / "findings.json").write_text("{}", encoding="utf-8")
    (out / "report_files" / "p1.png").write_bytes(b"png")
    data = tmp_path / "data"
    first = fp(bundle, data)
    slot = reuse.slot_of(out.parent, bundle)
    assert reuse.recall(data, slot, first) == (None, ["first-run"])
    reuse.remember(data, slot, first, out, ["초롱시: 오류 0"], 0)
    assert reuse.recall(data, reuse.slot_of(tmp_path / "other-out", bundle), first)[1] \
        == ["first-run"]  # another output folder has its own record
    hit, why = reuse.recall(data, slot, first)
    assert hit is not None and hit.lines == ["초롱시: 오류 0"] and hit.exit_code == 0 and not why
    (out / "report_files" / "p1.png").write_bytes(b"edited")
    assert reuse.recall(data, slot, first) == (None, ["outputs"])
    (out / "report_files" / "p1.png").write_bytes(b"png")
    assert reuse.recall(data, slot, first)[0] is not None
    (out / "report_files" / "p1.png").unlink()  # a file removed
    assert reuse.recall(data, slot, first) == (None, ["outputs"])
    (out / "report_files" / "p1.png").write_bytes(b"png")
    assert reuse.recall(data, slot, fp(bundle, data, today=date(2027, 1, 1)))[1] == ["day"]
    reuse.forget(data, slot)
    assert reuse.recall(data, slot, first) == (None, ["first-run"])


def test_a_scoped_record_watches_its_own_files_only(bundle: Path, tmp_path: Path) -> None:
    """The batch summary shares the output folder with the submissions' folders and the
    log: its record is of its own files, which must stay as written (and present)."""
    out = tmp_path / "out"
    (out / "nuri-hwp").mkdir(parents=True)
    (out / "batch-summary.html").write_text("<html>", encoding="utf-8")
    (out / "batch-summary.xlsx").write_bytes(b"xlsx")
    data = tmp_path / "data"
    first = fp(bundle, data)
    slot = reuse.slot_of(out, Path("batch-summary.html"), "batch-summary")
    reuse.remember(data, slot, first, out, [], 0,
                   files=[out / "batch-summary.html", out / "batch-summary.xlsx"],
                   scope=["batch-summary.html", "batch-summary.xlsx"])
    (out / "smartcert.log").write_text("another run's lines", encoding="utf-8")
    (out / "nuri-hwp" / "findings.json").write_text("{}", encoding="utf-8")
    hit, _ = reuse.recall(data, slot, first)
    assert hit is not None and hit.files == [str(out / "batch-summary.html"),
                                             str(out / "batch-summary.xlsx")]
    (out / "batch-summary.xlsx").write_bytes(b"edited by hand")
    assert reuse.recall(data, slot, first) == (None, ["outputs"])
    (out / "batch-summary.xlsx").unlink()
    assert reuse.recall(data, slot, first) == (None, ["outputs"])


def test_a_damaged_record_is_no_record(bundle: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    first = fp(bundle, tmp_path)
    slot = reuse.slot_of(tmp_path, bundle)
    path = reuse.remember(tmp_path, slot, first, out, [], 0)
    path.write_text("{ not json", encoding="utf-8")
    assert reuse.recall(tmp_path, slot, first) == (None, ["first-run"])
