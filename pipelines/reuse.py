"""An unchanged submission validated again: the last result reused, not recomputed.

`smartcert validate` on the same inputs, options, rule sets, code, libraries, OCR engine,
day and reviewers' verdicts gives the same outputs, so the command fingerprints all of
them (content digests, ~20 ms for a 200-page bundle) before importing any of the heavy
machinery, and when the fingerprint matches the one recorded after the last complete run
into the same output folder — and the outputs there are still exactly what that run wrote
— it prints that run's lines and stops. Anything else runs in full; the per-document
extraction cache (`pipelines/cache.py`, keyed by file content and extractor version)
still spares the documents that did not change.

Standard library and the shared content hash only: this module is imported on the
command's fast path.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import metadata
from pathlib import Path

import smartcert
from smartcert.core.files.atomic import atomic_path
from smartcert.core.files.hashing import sha256_file

RECORD_DIR = "results"
FORMAT = 1
# what a result depends on beyond our own code: readers, models, report writers
LIBRARIES = ("pymupdf", "pdfplumber", "openpyxl", "python-docx", "kiwipiepy", "spacy",
             "rapidfuzz", "pydantic", "jinja2", "matplotlib", "python-hwpx", "rhwp-python",
             "sqlalchemy")
# the package folder as imported (smartcert/), not resolved: its sub-packages are links to
# the repository's top-level folders, which sit beside .venv and the samples
_PACKAGE = Path(smartcert.__file__).parent
_NO_VERDICTS = "0:None"


@dataclass(frozen=True)
class Fingerprint:
    """What a result depends on, part by part; `key` is their digest."""

    parts: dict[str, str]

    @property
    def key(self) -> str:
        return _digest_text(json.dumps(self.parts, sort_keys=True, ensure_ascii=False))

    def changed(self, other: Mapping[str, str]) -> list[str]:
        """The parts that differ from an earlier fingerprint's, in a stable order."""
        return sorted(k for k in set(self.parts) | set(other)
                      if self.parts.get(k) != other.get(k))


@dataclass(frozen=True)
class Recalled:
    out_dir: Path
    lines: list[str]  # what the command printed
    exit_code: int
    files: list[str]  # the files the run reported writing
    failed_documents: list[str]


@dataclass
class Record:
    key: str
    parts: dict[str, str]
    out_dir: str
    outputs: dict[str, str]  # relative path -> sha256 of every file the run left there
    lines: list[str] = field(default_factory=list)
    exit_code: int = 0
    files: list[str] = field(default_factory=list)
    failed_documents: list[str] = field(default_factory=list)
    format: int = FORMAT
    # the files of `out_dir` the outputs are of (relative paths); None: every file in it
    scope: list[str] | None = None


def fingerprint(source: Path, options: Mapping[str, object], *, store_url: str | None,
                data_dir: Path, today: date | None = None,
                shared: Mapping[str, str] | None = None) -> Fingerprint:
    """The fingerprint of validating `source` with `options` (the command's own options,
    minus those that only change how progress is shown). `shared`: the parts that do not
    depend on the submission (`shared_parts`), when several are fingerprinted at once."""
    return Fingerprint(parts={
        "inputs": inputs_digest(Path(source)),
        "options": _digest_text(json.dumps({k: str(v) for k, v in options.items()},
                                           sort_keys=True, ensure_ascii=False)),
        **(shared if shared is not None else shared_parts(store_url, data_dir, today)),
    })


def shared_parts(store_url: str | None, data_dir: Path,
                 today: date | None = None) -> dict[str, str]:
    """What every submission's result depends on alike: code and rule sets, libraries, the
    OCR engine, the day and the reviewers' verdicts."""
    return {
        "code": code_digest(),
        "libraries": libraries_digest(),
        "ocr": ocr_digest(),
        "day": (today or date.today()).isoformat(),
        "verdicts": verdicts_state(store_url, data_dir),
    }


def slot_of(out_root: Path, source: Path, kind: str = "validate") -> str:
    """Where a result is recorded: one record per submission name in one output folder
    (where its outputs go: `<out_root>/<name>`, whatever the final folder name is) and per
    kind of run (`validate`, `batch`: they record different things)."""
    return _digest_text(f"{kind}\0{Path(out_root).resolve()}\0{Path(source).name}")[:32]


def recall(data_dir: Path, slot: str, fp: Fingerprint) -> tuple[Recalled | None, list[str]]:
    """The result recorded in `slot` when its fingerprint is `fp` and the files it wrote are
    untouched; else None and what changed (part names, 'outputs', or 'first-run')."""
    record = _load(_record_path(data_dir, slot))
    if record is None:
        return None, ["first-run"]
    changed = fp.changed(record.parts)
    if changed or record.key != fp.key:
        return None, changed or ["fingerprint"]
    if outputs_of(Path(record.out_dir), record.scope) != record.outputs:
        return None, ["outputs"]
    return Recalled(out_dir=Path(record.out_dir), lines=record.lines,
                    exit_code=record.exit_code, files=record.files,
                    failed_documents=record.failed_documents), []


def remember(data_dir: Path, slot: str, fp: Fingerprint, out_dir: Path, lines: Iterable[str],
             exit_code: int, *, files: Iterable[Path | str] = (),
             failed_documents: Iterable[str] = (), scope: Iterable[str] | None = None) -> Path:
    """Record a complete run's result (written atomically: a half-written record is none).
    `scope`: the files of `out_dir` (relative paths) that must stay untouched for the result
    to be reused, when the run shares the folder with others; by default all of them."""
    path = _record_path(data_dir, slot)
    record = Record(key=fp.key, parts=dict(fp.parts), out_dir=str(Path(out_dir).resolve()),
                    outputs=outputs_of(out_dir, scope), lines=list(lines), exit_code=exit_code,
                    files=[str(f) for f in files], failed_documents=list(failed_documents),
                    scope=None if scope is None else list(scope))
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(record.__dict__, ensure_ascii=False, indent=1),
                       encoding="utf-8")
    return path


def forget(data_dir: Path, slot: str) -> None:
    """Drop the record (the operator asked for a fresh run)."""
    _record_path(data_dir, slot).unlink(missing_ok=True)


# ── the parts ──

def inputs_digest(source: Path) -> str:
    """Names and contents of the submission: its name (its outputs' folder), and a folder's
    every file (hidden ones too: intake reports them) or the one file (a zip)."""
    h = hashlib.sha256(source.name.encode("utf-8", "surrogateescape") + b"\0")
    if source.is_dir():
        for path in _files(source):
            h.update(path.relative_to(source).as_posix().encode("utf-8", "surrogateescape"))
            h.update(b"\0" + sha256_file(path).encode() + b"\n")
    else:
        h.update(sha256_file(source).encode())
    return h.hexdigest()


def code_digest(root: Path = _PACKAGE) -> str:
    """Every file of the smartcert package: code, rule sets, templates, data."""
    h = hashlib.sha256()
    for path in _files(root, skip=("__pycache__",)):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(b"\0" + path.read_bytes())
    return h.hexdigest()


def libraries_digest(names: Iterable[str] = LIBRARIES) -> str:
    versions = []
    for name in names:
        try:
            versions.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            versions.append(f"{name}=-")
    return _digest_text(";".join(versions))


def ocr_digest() -> str:
    """Which Tesseract and language data a scanned page would be read with (by file
    identity: running `tesseract --version` costs more than the whole fast path)."""
    exe = shutil.which("tesseract")
    if exe is None:
        return "none"
    facts = [_stat_id(Path(exe))]
    prefix = os.environ.get("TESSDATA_PREFIX")
    for d in ([Path(prefix)] if prefix else []) + sorted(Path("/usr/share/tesseract-ocr").glob(
            "*/tessdata")):
        facts += [_stat_id(p) for p in sorted(d.glob("*.traineddata"))]
    return _digest_text("|".join(facts))


def verdicts_state(store_url: str | None, data_dir: Path) -> str:
    """How many verdicts the store holds and the latest: reports show them, so an import
    of verdicts changes the result. Read with the standard library on the default SQLite
    store; another database is asked through SQLAlchemy."""
    if store_url is None or store_url.startswith("sqlite:///"):
        db = (Path(store_url.removeprefix("sqlite:///")) if store_url
              else Path(data_dir) / "smartcert.db")
        if not db.exists():
            return _NO_VERDICTS  # the first run creates the store: no verdict either way
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=60) as conn:
                tables = conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                      "AND name='verdicts'").fetchall()
                if not tables:
                    return _NO_VERDICTS
                n, last = conn.execute("SELECT count(*), max(recorded_at) FROM verdicts").fetchone()
        except sqlite3.Error as exc:  # a locked or damaged file: never equal, never reused
            return f"unknown:{type(exc).__name__}:{exc}:{os.urandom(8).hex()}"
        return f"{n}:{last}"
    from sqlalchemy import create_engine, text

    engine = create_engine(store_url)
    try:
        with engine.connect() as conn:
            n, last = conn.execute(
                text("SELECT count(*), max(recorded_at) FROM verdicts")).one()
    except Exception as exc:  # unreachable, no table yet …: never equal, never reused
        return f"unknown:{type(exc).__name__}:{os.urandom(8).hex()}"
    finally:
        engine.dispose()
    return f"{n}:{last}"


def outputs_of(out_dir: Path, scope: Iterable[str] | None = None) -> dict[str, str]:
    """The digest of every file in `out_dir`, or of those of `scope` that exist."""
    if scope is not None:
        return {name: sha256_file(out_dir / name) for name in scope if (out_dir / name).is_file()}
    if not out_dir.is_dir():
        return {}
    return {p.relative_to(out_dir).as_posix(): sha256_file(p) for p in _files(out_dir)}


# ── helpers ──

def _files(root: Path, skip: tuple[str, ...] = ()) -> list[Path]:
    out: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        dirnames[:] = sorted(d for d in dirnames if d not in skip)
        out.extend(Path(dirpath) / f for f in sorted(filenames))
    return out


def _digest_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()


def _stat_id(path: Path) -> str:
    try:
        st = path.stat()
    except OSError:
        return f"{path}:-"
    return f"{path}:{st.st_size}:{st.st_mtime_ns}"


def _record_path(data_dir: Path, slot: str) -> Path:
    return Path(data_dir) / RECORD_DIR / f"{slot}.json"


def _load(path: Path) -> Record | None:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        record = Record(**raw)
    except (OSError, ValueError, TypeError):
        return None  # none yet, or unreadable: run in full and write a new one
    return record if record.format == FORMAT else None
