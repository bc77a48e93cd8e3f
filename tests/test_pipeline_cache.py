"""Extraction is cached by content: the same bytes under another name are not re-read."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import pipelines.steps as steps
from pipelines.batch import run_batch
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
