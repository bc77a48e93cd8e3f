"""Walk a submission folder without following links; files are referenced in place."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from smartcert.core.files.sniff import sniff
from smartcert.intake import rules as R
from smartcert.intake.archive import ZipExpander, is_plain_archive
from smartcert.intake.context import IntakeRun, Kept
from smartcert.intake.names import decode_raw_name, is_os_junk


def walk_folder(root: Path, run: IntakeRun, *, display: str, skip: Path | None = None) -> None:
    """Record every regular file under `root`; expand the zips among them into staging.

    `skip` is a folder left out of the walk (the workdir, when it sits inside `root`).
    """
    archives: list[tuple[Path, str]] = []
    _scan(root, "", run, display, skip.resolve() if skip else None, archives)
    expander = ZipExpander(run)
    for path, rel in archives:
        expander.expand_nested(path, rel, f"{display}/{rel}", depth=1, size=0)


def _scan(
    folder: Path, prefix: str, run: IntakeRun, display: str, skip: Path | None,
    archives: list[tuple[Path, str]],
) -> None:
    with os.scandir(folder) as it:
        entries = sorted(it, key=lambda e: e.name)
    for entry in entries:
        # names on disk may be raw CP949 bytes (a Korean USB stick mounted on Linux)
        name, decoded = decode_raw_name(os.fsencode(entry.name))
        rel = f"{prefix}/{name}" if prefix else name
        shown = f"{display}/{rel}"
        if is_os_junk(rel):
            run.skip_junk(shown)
            continue
        mode = entry.stat(follow_symlinks=False).st_mode
        path = Path(entry.path)
        if stat.S_ISLNK(mode):
            run.report(R.LINK, shown, member=rel)
        elif stat.S_ISDIR(mode):
            if skip is None or path.resolve() != skip:
                _scan(path, rel, run, display, skip, archives)
        elif not stat.S_ISREG(mode):
            run.report(R.DEVICE_FILE, shown, member=rel)
        elif (clash := run.conflict(rel)) is not None:
            run.report(R.NAME_CONFLICT, shown, member=rel, name=clash)
        else:
            run.claim(rel)
            if not decoded:
                run.report(R.UNDECODABLE_NAME, rel, name=rel)
            media = sniff(path)
            if is_plain_archive(path, media):
                archives.append((path, rel))
            else:
                run.kept.append(Kept(rel, path, media_type=media))
