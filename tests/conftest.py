"""Shared fixtures. Keep each fixture small and say which tests use it."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

# rule_probe fixture and the final 'rule coverage' check of the rule tests
pytest_plugins = ("tests.rule_coverage",)

# the embedded Prefect API ends with the last command using it, not five minutes later: a
# test run starts dozens of them, each in a data directory of its own (`api_lease`). Tests
# of the linger itself set their own; tests that run the command with a cleaned environment
# put this back (`NO_LINGER`)
NO_LINGER = {"SMARTCERT_API_LINGER_SECONDS": "0"}
os.environ.update(NO_LINGER)


@cache
def _pdf(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1)  # invariant: same text, same bytes
    c.drawString(72, 720, text)
    c.showPage()
    c.save()
    return buf.getvalue()


@pytest.fixture(scope="session")
def make_pdf() -> Callable[[str], bytes]:
    """A real one-page PDF; equal text gives equal bytes (intake tests)."""
    return _pdf


@pytest.fixture(scope="session")
def xlsx_bytes() -> bytes:
    """A real one-sheet workbook (intake tests: a '.pdf' that is really XLSX)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["지표", "값"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def zip_bytes(members: list[tuple[str | zipfile.ZipInfo, bytes]],
              compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.fixture(scope="session")
def make_zip() -> Callable[..., bytes]:
    """Zip bytes from [(name or ZipInfo, data)] (intake tests)."""
    return zip_bytes


def _tree(root: Path, skip: Path) -> set[Path]:
    found: set[Path] = set()
    for d, dirs, files in os.walk(root):  # never follows links (tests plant some)
        dirs[:] = [x for x in dirs if Path(d, x) != skip]
        found.update(Path(d, x) for x in dirs + files)
    return found


@pytest.fixture
def take(tmp_path: Path) -> Callable[..., object]:
    """Run `open_submission` on bytes (saved as a zip) or a path, asserting containment:
    nothing appears outside `tmp_path/work`, and no staging folder is left behind."""
    from smartcert.intake.bundle import open_submission

    work = tmp_path / "work"

    def run(source: bytes | Path, limits: object = None, name: str = "bundle.zip"):
        if isinstance(source, bytes):
            (tmp_path / "in").mkdir(exist_ok=True)
            path = tmp_path / "in" / name
            path.write_bytes(source)
        else:
            path = source
        before = _tree(tmp_path, work)
        result = open_submission(path, work, limits)
        assert _tree(tmp_path, work) == before
        assert all(p.name.startswith("sub-") for p in work.iterdir())
        for f in result.files:
            assert f.path.is_file()
            if f.path.is_relative_to(work):
                assert f.path.is_relative_to(work / result.submission_id)
        return result

    return run


@pytest.fixture(scope="session")
def prefect_harness():  # type: ignore[no-untyped-def]
    """One Prefect test harness (a temporary ephemeral server on SQLite) for the session:
    the flow tests share it. The server starts in ~10 s idle; a loaded 2-core machine
    needs longer."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture
def started_workers(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The memory limits of the isolation workers started from here on, one per start
    (tests of the worker pool: test_isolate_prestart, test_cli_extract)."""
    from smartcert.extractors import isolate

    started: list[int] = []
    real = isolate._Worker.__init__

    def spy(self: isolate._Worker, memory_mb: int) -> None:
        started.append(memory_mb)
        real(self, memory_mb)

    monkeypatch.setattr(isolate._Worker, "__init__", spy)
    return started
