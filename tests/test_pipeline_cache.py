"""Extraction is cached by content: the same bytes under another name are not re-read."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import smartcert.pipelines.steps as steps
from smartcert.pipelines.batch import run_batch
from tests.builders.hwp_pdf import new_pdf, put_words


def _bundle(root: Path, name: str, files: dict[str, str]) -> None:
    folder = root / name
    folder.mkdir(parents=True)
    for fname, text in files.items():
        pdf = new_pdf()
        put_words(pdf[0], 72, 100, text, 12)
        pdf.save(folder / fname)


def test_same_content_is_extracted_once_across_submissions_and_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch = tmp_path / "batch"
    _bundle(batch, "가시", {"제안서.pdf": "정량지표 평가제안서", "근거.pdf": "근거자료 1쪽"})
    shutil.copytree(batch / "가시", batch / "나시")
    (batch / "나시" / "근거.pdf").rename(batch / "나시" / "증빙자료.pdf")
    calls: list[str] = []
    real = steps.extract_file

    def counting(path, settings=None, display_name=None):  # type: ignore[no-untyped-def]
        calls.append(display_name)
        return real(path, settings, display_name=display_name)

    monkeypatch.setattr(steps, "extract_file", counting)
    out = tmp_path / "out"
    runs = run_batch(batch, out)
    assert len(calls) == 2  # two distinct contents in four files
    renamed = next(d for d in runs[1].extracts if d.file == "증빙자료.pdf")
    assert renamed.spans[0].text == "근거자료 1쪽"
    run_batch(batch, out)  # a second run, as after a crash or a corrected file
    assert len(calls) == 2


_COUNTING_RUN = """
import sys
from pathlib import Path
import smartcert.pipelines.steps as steps
real = steps.extract_file
def counting(path, settings=None, display_name=None):
    with open(sys.argv[3], "a", encoding="utf-8") as log:
        log.write(display_name + "\\n")
    return real(path, settings, display_name=display_name)
steps.extract_file = counting
from smartcert.pipelines.batch import run_batch
run_batch(Path(sys.argv[1]), Path(sys.argv[2]))
"""


def test_an_unchanged_file_is_not_extracted_again_by_another_process(tmp_path: Path) -> None:
    """Two processes, one after the other, on the same data: the second extracts only the
    file whose bytes changed."""
    batch = tmp_path / "batch"
    _bundle(batch, "가시", {"제안서.pdf": "정량지표 평가제안서", "근거.pdf": "근거자료 1쪽"})
    log, out = tmp_path / "calls.log", tmp_path / "out"

    def run_process() -> list[str]:
        log.write_text("", encoding="utf-8")
        subprocess.run([sys.executable, "-c", _COUNTING_RUN, str(batch), str(out), str(log)],
                       check=True, cwd=Path(__file__).resolve().parent.parent)
        return log.read_text(encoding="utf-8").split()

    assert sorted(run_process()) == ["근거.pdf", "제안서.pdf"]
    assert run_process() == []
    pdf = new_pdf()  # a corrected evidence file
    put_words(pdf[0], 72, 100, "근거자료 1쪽 (수정)", 12)
    pdf.save(batch / "가시" / "근거.pdf")
    assert run_process() == ["근거.pdf"]
