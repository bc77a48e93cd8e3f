"""Which submission a result folder holds: `<out>/<name>/.source` names the folder or zip
its results came from. Two submissions of one name from different places (A/초롱시, then
B/초롱시, into the same --out) share that folder; the second run says, in one Korean line,
whose results it overwrites, and goes on (the operator chose the --out).

The record is written before the run's first output and only when the source changes, so
an unchanged re-run leaves the folder exactly as it was (`pipelines/reuse.py` digests every
file there to know the outputs are untouched). Standard library only.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import tempfile
from pathlib import Path

SOURCE_RECORD = ".source"
_log = logging.getLogger(__name__)


def recorded_source(out_dir: Path) -> Path | None:
    """The source recorded for `out_dir`, or None (none yet, or unreadable)."""
    try:
        raw = json.loads((Path(out_dir) / SOURCE_RECORD).read_text(encoding="utf-8"))
        return Path(raw["source"])
    except (OSError, ValueError, TypeError, KeyError):
        return None


def claim(out_dir: Path, source: Path) -> Path | None:
    """Record `source` as what `out_dir` holds; returns the other source whose results
    were recorded there before (None: the folder is new, or already this source's)."""
    here = Path(source).resolve()
    before = recorded_source(out_dir)
    if before == here:
        return None  # unchanged: not rewritten
    _write(Path(out_dir) / SOURCE_RECORD, json.dumps({"source": str(here)}, ensure_ascii=False))
    return before


def claim_and_warn(out_dir: Path, source: Path) -> None:
    """`claim`, and when another source's results are there, one Korean warning line on
    the screen (and in the command's log)."""
    before = claim(out_dir, source)
    if before is None:
        return
    line = (f"{Path(out_dir).name}: 경고: 결과 폴더 {out_dir}에 있던 {before}의 결과를 "
            f"{Path(source).resolve()}의 결과로 덮어씁니다 (이름이 같은 다른 제출물)")
    _log.info(line)  # the log file only: the screen gets the line below
    print(line, file=sys.stderr, flush=True)


def _write(path: Path, text: str) -> None:
    """Whole or not at all (a crash leaves the old record or none)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
