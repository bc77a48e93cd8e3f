"""Where a run keeps its state, and the settings it runs with.

The data directory holds what outlives a run: the extraction cache, the SQLite store and
Prefect's home (its ephemeral server's SQLite database). Resolution: an explicit path, else
`$SMARTCERT_HOME`, else `<out>/.smartcert`, so a batch folder's results, cache and verdicts
stay together by default.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from smartcert.extractors.base import ExtractSettings
from smartcert.extractors.limits import Limits
from smartcert.intake.limits import IntakeLimits
from smartcert.pipelines.privacy import ExtractJson

HOME_ENV = "SMARTCERT_HOME"
DATA_DIR_NAME = ".smartcert"


def data_dir_for(out_dir: Path, explicit: Path | str | None = None) -> Path:
    if explicit:
        return Path(explicit).resolve()
    if os.environ.get(HOME_ENV):
        return Path(os.environ[HOME_ENV]).resolve()
    return (Path(out_dir) / DATA_DIR_NAME).resolve()


def cache_dir_of(data_dir: Path) -> Path:
    return data_dir / "cache" / "extract"


def find_data_dir(inside: Path) -> Path | None:
    """The data directory of the run that wrote `inside` (a report or sheet): the nearest
    `.smartcert` in its folder or above (the default is `<out>/.smartcert`)."""
    for folder in inside.resolve().parents:
        if (folder / DATA_DIR_NAME).is_dir():
            return folder / DATA_DIR_NAME
    return None


def prepare_prefect(data_dir: Path, verbose: bool = False) -> None:
    """Prefect's environment, set in this one place by the command before `prefect` is
    imported (Prefect reads its settings once, at import): its home (and the ephemeral
    server's SQLite database) inside our data directory, analytics off, a startup timeout
    that survives a loaded machine, and only its warnings unless `verbose`. Settings
    already in the environment (a real server's PREFECT_API_URL, a worker's own) are kept."""
    home = data_dir / "prefect"
    home.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("PREFECT_HOME", str(home))
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    # the ephemeral server starts in ~10 s idle, much longer on a loaded 2-core machine
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@dataclass(frozen=True)
class RunConfig:
    """One run's settings, checked when made (bad values are an operator's error)."""

    out_dir: Path
    data_dir: Path
    program: str = "city-2025"
    store_url: str | None = None  # None: SQLite in the data directory
    ocr: bool = True
    ocr_dpi: int = 300
    # points relative to the batch's peers of one applicant type: only on the operator's
    # request (`--batch-relative`); by default a score does not depend on the batch
    relative_scoring: bool = False
    write_reports: bool = True  # report.html and findings.xlsx beside findings.json
    limits: Limits = field(default_factory=Limits)  # validated on its own construction
    intake_limits: IntakeLimits = field(default_factory=IntakeLimits)  # archives: likewise
    extract_json: ExtractJson = ExtractJson.MASKED  # the records under <out>/<name>/extract/
    # an append-only file the run writes its progress to (`extractors.progress`), for the
    # CLI's display; None: no events written
    events: Path | None = None
    # workers one long PDF's pages are read in at once (`ExtractSettings.page_workers`): 0,
    # one per free core; a Dask cluster's workers already read documents side by side: 1
    page_workers: int = 0

    def __post_init__(self) -> None:
        out: list[str] = []
        if self.page_workers < 0:
            out.append(f"page_workers must be 0 or more, got {self.page_workers}")
        if not 72 <= self.ocr_dpi <= 600:
            out.append(f"ocr_dpi must be within 72..600, got {self.ocr_dpi}")
        if not self.program.strip():
            out.append("program is empty")
        if self.store_url is not None and not self.store_url.startswith(
                ("sqlite", "postgresql")):
            out.append(f"store_url must be sqlite:// or postgresql://, got {self.store_url!r}")
        try:
            object.__setattr__(self, "extract_json", ExtractJson(self.extract_json))
        except ValueError:
            out.append(f"extract_json must be one of {[m.value for m in ExtractJson]}, "
                       f"got {self.extract_json!r}")
        if out:
            raise ValueError("invalid run configuration: " + "; ".join(out))

    @classmethod
    def make(cls, out_dir: Path | str, data_dir: Path | str | None = None,
             **kwargs: object) -> RunConfig:
        out = Path(out_dir).resolve()
        return cls(out_dir=out, data_dir=data_dir_for(out, data_dir), **kwargs)  # type: ignore[arg-type]

    @property
    def cache_dir(self) -> Path:
        return cache_dir_of(self.data_dir)

    @property
    def work_dir(self) -> Path:
        return self.out_dir / ".work"

    def extract_settings(self) -> ExtractSettings:
        return ExtractSettings(ocr=self.ocr, ocr_dpi=self.ocr_dpi, limits=self.limits,
                               page_workers=self.page_workers)
