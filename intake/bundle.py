"""Open a submission (a folder or a .zip) safely: `open_submission`."""

from __future__ import annotations

import hashlib
import shutil
import stat
import tempfile
import uuid
from pathlib import Path

from pydantic import BaseModel, Field

from smartcert.core.files.hashing import sha256_file
from smartcert.core.files.media import MediaType
from smartcert.core.files.sniff import sniff
from smartcert.core.findings import Finding
from smartcert.intake import rules as R
from smartcert.intake.archive import ZipExpander, is_plain_archive
from smartcert.intake.context import IntakeRun, Kept
from smartcert.intake.folder import walk_folder
from smartcert.intake.limits import IntakeLimits
from smartcert.intake.notes import file_notes


class BundleFile(BaseModel):
    name: str  # POSIX path relative to the submission root, Korean names decoded (NFC)
    path: Path  # where the bytes are on disk (in place for folder files)
    sha256: str
    size: int
    media_type: MediaType  # from the bytes, never the extension
    # archive chain of an archive member, e.g. 'bundle.zip!근거자료.zip!사진.pdf'; None in place
    origin: str | None = None
    # the submission run's shared extraction budget (the OCR pages its documents may still
    # use: `extractors.limits.OcrAllowance`), a small file the pipeline's intake step makes
    # for each run of the submission; None outside a pipeline (the file alone has it all)
    budget: Path | None = None


class IntakeResult(BaseModel):
    submission_id: str  # from the files' content only: renaming or moving changes nothing
    source: str  # display name of what was submitted
    root: Path  # the submission tree: the source folder, or workdir/<id> for a zip
    extracted: Path | None = None  # workdir/<id> when any archive member was written
    files: list[BundleFile] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)


def submission_id(hashes: list[str]) -> str:
    """'sub-' + 16 hex of sha256 over the sorted file hashes (names and order play no part)."""
    return "sub-" + hashlib.sha256("\n".join(sorted(hashes)).encode()).hexdigest()[:16]


def open_submission(
    source: Path, workdir: Path, limits: IntakeLimits | None = None
) -> IntakeResult:
    """Take in a submission; refused or odd files become `intake` findings, never errors.

    Archive members are written only under `workdir`: first a private staging folder,
    then `workdir/<submission_id>/` (replaced when the same content comes again).
    """
    source = Path(source).resolve()
    if not source.exists():
        raise FileNotFoundError(source)
    Path(workdir).mkdir(parents=True, exist_ok=True)
    workdir = Path(workdir).resolve()
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=workdir))
    try:
        run = IntakeRun(limits or IntakeLimits(), staging)
        is_folder = source.is_dir()
        if is_folder:
            walk_folder(source, run, display=source.name, skip=workdir.resolve())
        else:
            _open_file(source, run)
        run.close()
        files = [_bundle_file(k) for k in run.kept]
        hashes = [f.sha256 for f in files]
        # nothing kept: fall back to the archive's own bytes so two broken zips differ
        if not hashes and not is_folder:
            hashes = [sha256_file(source)]
        sid = submission_id(hashes)
        extracted = None
        if not is_folder or any(k.extracted for k in run.kept):
            extracted = _settle(staging, workdir / sid)
            files = [_moved(f, k, extracted) for f, k in zip(files, run.kept, strict=True)]
        findings = list(run.findings)
        for f in files:
            findings.extend(file_notes(f.name, f.path, f.media_type))
        return IntakeResult(
            submission_id=sid,
            source=source.name,
            root=source if is_folder else workdir / sid,
            extracted=extracted,
            files=sorted(files, key=lambda f: f.name),
            findings=findings,
        )
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _open_file(source: Path, run: IntakeRun) -> None:
    if not stat.S_ISREG(source.stat().st_mode):  # a FIFO would block the sniffer forever
        run.report(R.DEVICE_FILE, source.name)
        return
    media = sniff(source)
    if is_plain_archive(source, media):
        ZipExpander(run).expand(source, origin=source.name, prefix="", depth=1)
        return
    with source.open("rb") as f:
        broken_zip = media is MediaType.UNKNOWN and f.read(4) == b"PK\x03\x04"
    if broken_zip:
        run.report(R.CORRUPT_ARCHIVE, source.name, what="압축 파일",
                   detail="압축 목록을 읽을 수 없음")
    else:
        run.report(R.NOT_A_SUBMISSION, source.name, claimed=media.value,
                   expected=f"폴더 또는 {MediaType.ZIP.value}")


def _bundle_file(k: Kept) -> BundleFile:
    return BundleFile(
        name=k.name,
        path=k.path,
        sha256=k.sha256 or sha256_file(k.path),
        size=k.size if k.size is not None else k.path.stat().st_size,
        media_type=k.media_type or sniff(k.path),
        origin=k.origin,
    )


def _moved(f: BundleFile, k: Kept, final: Path) -> BundleFile:
    return f.model_copy(update={"path": final / k.name}) if k.extracted else f


def _settle(staging: Path, final: Path) -> Path:
    """Move staging to `final`, replacing an earlier intake of the same content."""
    if final.exists():
        old = final.with_name(f".old-{uuid.uuid4().hex}")
        final.rename(old)
        staging.rename(final)
        shutil.rmtree(old)
    else:
        staging.rename(final)
    return final
