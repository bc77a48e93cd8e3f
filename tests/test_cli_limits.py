"""Limits set on the command line reach the work they bound (issue 14): the reading limits
and the archive limits through the batch-intake flow (Prefect coerces flow parameters by
their annotation: an int must stay an int for `IntakeLimits`), each hit a finding naming
the option that raises it; and the report's crops stay within the render pixel limit."""

from __future__ import annotations

import json
import random
import shutil
import zipfile
from pathlib import Path

import fitz
import pytest
from PIL import Image

from smartcert.cli import main
from smartcert.core.findings import Location
from smartcert.intake.limits import HOW_TO_RAISE, IntakeLimits
from smartcert.reports.regions import RegionRenderer
from tests.builders.hwp_pdf import put_words
from tests.test_cli_progress import run_command

ROOT = Path(__file__).resolve().parent.parent
CHORONG = ROOT / "samples" / "bundles" / "chorong-word"


def _zip(path: Path, members: list[tuple[str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
    return path


def _messages(out: Path, name: str, rule: str) -> list[str]:
    report = json.loads((out / name / "findings.json").read_text("utf-8"))
    return [f["message"] for f in report["findings"] if f["rule"] == rule]


def test_every_archive_limit_names_an_option_the_command_has() -> None:
    from smartcert.cli import build_parser

    intake = build_parser()._subparsers._group_actions[0].choices["intake"]  # type: ignore[union-attr]
    options = {o for a in intake._actions for o in a.option_strings}
    for field, how in HOW_TO_RAISE.items():
        assert hasattr(IntakeLimits(), field)
        assert how.split()[0] in options, how


@pytest.mark.slow
def test_non_default_limits_reach_the_reading_and_the_archives_through_the_flow(
        tmp_path: Path) -> None:
    """One batch, three submissions: 초롱시's folder (its 57-page evidence PDF over
    `--max-pages 2`), a zip of its documents with four notes (8 members over
    `--max-members 6`) and a zip with a 2 MiB photo (over `--max-member-mb 1`)."""
    batch, out = tmp_path / "batch", tmp_path / "out"
    shutil.copytree(CHORONG, batch / "chorong-word")
    docs = [(p.name, p.read_bytes()) for p in sorted(CHORONG.iterdir())]
    notes = [(f"참고/메모{k}.txt", f"메모 {k}".encode()) for k in range(1, 5)]
    _zip(batch / "chorong-many.zip", docs + notes)
    photo = random.Random(14).randbytes(2 << 20)  # incompressible: its size is its size
    _zip(batch / "chorong-photo.zip", [docs[0], ("근거자료/현장사진.raw", photo)])

    done = run_command("intake", str(batch), "--out", str(out), "--no-ocr", "--max-pages", "2",
                       "--max-members", "6", "--max-member-mb", "1")
    assert done.returncode == 0, done.stderr

    (pages,) = [m for m in _messages(out, "chorong-word", "intake.page-limit")
                if "근거자료_합본.pdf" in m]
    assert "57쪽(시트) 중 앞의 2쪽만 읽고" in pages and "--max-pages 옵션" in pages
    (members,) = _messages(out, "chorong-many.zip", "intake.too-many-members")
    assert "6개를 넘어" in members and "2개를 받지 않았습니다" in members
    assert "--max-members 옵션" in members
    (big,) = _messages(out, "chorong-photo.zip", "intake.zip-bomb")
    assert "현장사진.raw" in big and "파일 하나의 크기" in big and "--max-member-mb 옵션" in big


def test_archive_sizes_that_do_not_nest_are_an_operators_mistake(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(CHORONG), "--out", str(tmp_path / "out"),
                 "--max-member-mb", "5000"]) == 2
    err = capsys.readouterr().err
    assert "--max-member-mb(5,000)가 --max-submission-mb(4,096)보다 클 수 없습니다" in err
    assert not (tmp_path / "out").exists()


# -- crops within the render pixel limit ---------------------------------------------------
def _poster(path: Path) -> Path:
    """An A3 poster page (842 × 1191 pt) with a line of text."""
    doc = fitz.open()
    page = doc.new_page(width=842, height=1191)
    put_words(page, 72, 300, "스마트도시 홍보 포스터", 28)
    doc.save(path)
    return path


def _size(renderer: RegionRenderer, loc: Location, out: Path) -> int:
    image = renderer.render(loc)
    assert image is not None
    with Image.open(out / image.src) as im:
        assert (im.width, im.height) == (image.width, image.height)
        return im.width * im.height


def test_crops_are_scaled_down_to_the_render_pixel_limit(tmp_path: Path) -> None:
    pdf = _poster(tmp_path / "poster.pdf")
    scan = tmp_path / "scan.png"
    Image.new("L", (4800, 6000), 255).save(scan, dpi=(300, 300))  # 1,152 × 1,440 pt
    sources = {"poster.pdf": pdf, "scan.png": scan}
    page, whole_scan = Location(file="poster.pdf", page=1), Location(file="scan.png", page=1)
    with RegionRenderer(sources, tmp_path / "a") as roomy:
        free = (_size(roomy, page, tmp_path / "a"), _size(roomy, whole_scan, tmp_path / "a"))
    with RegionRenderer(sources, tmp_path / "b", max_megapixels=0.5) as tight:
        capped = (_size(tight, page, tmp_path / "b"), _size(tight, whole_scan, tmp_path / "b"))
    assert free[0] > 0.7e6 and free[1] > 0.7e6  # a page thumbnail at 80 dpi, as before
    assert all(0.4e6 < n <= 0.5e6 for n in capped), capped
