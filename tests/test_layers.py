"""The layer folders are one installed name: code imports `smartcert.<layer>`, never the
bare folder (which would load a second copy of every module beside the real one)."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"intake", "extractors", "schemas", "validators", "pipelines", "reports", "scoring",
          "store", "renewals"}


def _tracked_python() -> list[Path]:
    # tracked and new files alike, as they are in the working tree
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "*.py"], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout.split()
    return [ROOT / f for f in out if (ROOT / f).is_file()]


def _bare_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        found += [f"{path.relative_to(ROOT)}:{node.lineno} {n}" for n in names
                  if n.split(".")[0] in LAYERS]
    return found


def test_no_module_imports_a_bare_layer_folder() -> None:
    files = _tracked_python()
    assert len(files) > 200  # the whole tree was read, not an empty listing
    bad = [hit for f in files for hit in _bare_imports(f)]
    assert not bad, "import smartcert.<layer> instead:\n" + "\n".join(bad)


def test_every_layer_folder_is_linked_into_the_package() -> None:
    for layer in sorted(LAYERS):
        link = ROOT / "smartcert" / layer
        assert link.is_symlink() and link.resolve() == (ROOT / layer).resolve(), layer
