"""What the fast paths import: an unchanged batch's flow module loads none of the steps
(reading, mapping, rules, report writers), and the extract command can start its workers
before it loads the models. A module-level import added to the wrong place fails here
rather than slowing every run unnoticed."""

from __future__ import annotations

import json
import os
import subprocess
import sys


def _loaded_after(statement: str, watched: list[str]) -> list[str]:
    code = (f"import sys\n{statement}\n"
            f"print(__import__('json').dumps([m for m in {watched!r} if m in sys.modules]))")
    env = dict(os.environ, PREFECT_SERVER_ANALYTICS_ENABLED="false")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env)
    return json.loads(out.stdout)


def test_the_batch_flow_module_loads_no_step() -> None:
    heavy = ["smartcert.pipelines.steps", "smartcert.pipelines.spine", "smartcert.pipelines.tasks",
             "smartcert.extractors.api", "smartcert.schemas.mapping", "smartcert.validators.run",
             "smartcert.reports.write", "smartcert.reports.batch_summary", "openpyxl", "fitz",
             "sqlalchemy.dialects.postgresql"]
    assert _loaded_after("import smartcert.pipelines.flows", heavy) == []
    # and they are there when a submission is analysed
    assert _loaded_after("import smartcert.pipelines.spine", heavy[:2]) == heavy[:2]


def test_workers_can_start_before_the_models_load() -> None:
    heavy = ["smartcert.extractors.models", "smartcert.extractors.base", "pydantic", "fitz"]
    assert _loaded_after("import smartcert.cli\nfrom smartcert.extractors import isolate",
                         heavy) == []


def test_the_process_joining_a_pdfs_parts_does_not_load_pymupdf() -> None:
    """The workers read the parts; the process joining them learns the reader's name and
    version from part one (`PdfPart.extractor`): loading PyMuPDF there left both workers
    idle ~0.15 s at the command's first long PDF."""
    from pathlib import Path

    evidence = (Path(__file__).resolve().parents[1] / "samples" / "bundles" / "hanbit-xlsx"
                / "4. 근거자료(한빛광역시).pdf")
    statement = (
        "from pathlib import Path\n"
        "from smartcert.extractors import api, isolate\n"
        "from smartcert.extractors.base import ExtractSettings\n"
        "isolate.cores = lambda: 2\n"  # two workers even on a one-core machine
        "joined = []\n"
        "assemble = api.assemble\n"
        "api.assemble = lambda doc, parts: joined.append(len(parts)) or assemble(doc, parts)\n"
        f"doc = api.extract_file(Path({str(evidence)!r}), ExtractSettings(ocr=False))\n"
        "assert joined and joined[0] > 1, joined  # read in parts, joined here\n"
        "assert doc.extractor.name == 'pdf' and len(doc.pages) > 8 and doc.tables\n"
    )
    assert _loaded_after(statement, ["fitz", "pymupdf"]) == []
