"""A checked city rule set kept between processes.

The city rule set is ~360 kB of YAML: parsing it, validating it into the models and running
every self-check takes ~0.25 s, and every command that maps, validates or records a run
loads it (an unchanged batch's run is ~2.5 s all told). The checked `RuleSet` is pickled
under the user's cache folder, keyed by the digest of the rule-set folder (its place and
files), of the code that reads and models it (`schemas/`, `core/`), and of the Python and
pydantic versions: any change to any of them is a new key, so a snapshot is never read
across a change. It is read back by an unpickler that builds nothing but the catalogue's own
models. A snapshot that cannot be read or written costs only the time: the folder is loaded
as before.
"""

from __future__ import annotations

import hashlib
import io
import logging
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

import pydantic

from smartcert.core.files.atomic import atomic_path
from smartcert.core.files.usercache import user_cache_dir
from smartcert.schemas.catalogue.ruleset import RuleSet

_log = logging.getLogger(__name__)

FORMAT = 1
# the code a checked rule set depends on: its models and loader, and the core they build on
# (as imported: smartcert/schemas is a link to the checkout's schemas/, core/ is smartcert's)
_SCHEMAS = Path(__file__).parents[1]
_CORE = _SCHEMAS.parent / "core"
_MODELS = "smartcert.schemas.catalogue."  # the only classes a snapshot may build


class _CatalogueUnpickler(pickle.Unpickler):
    """Builds the catalogue's models and nothing else: a tampered snapshot cannot name a
    function to call."""

    def find_class(self, module: str, name: str) -> type:
        if module.startswith(_MODELS):
            found = super().find_class(module, name)
            if isinstance(found, type) and issubclass(found, pydantic.BaseModel):
                return found
        raise pickle.UnpicklingError(f"not a rule-set model: {module}.{name}")


def cache_dir() -> Path:
    return user_cache_dir("rulesets")


def snapshot_key(folder: Path) -> str:
    """The digest of everything a checked rule set depends on (see the module's note)."""
    # the folder's place too: the rule set records it (`RuleSet.folder`), and a second
    # checkout with the same files has a snapshot of its own
    h = hashlib.sha256(f"{FORMAT}\0{sys.version}\0{pydantic.VERSION}\0{folder.resolve()}\0"
                       .encode("utf-8", "surrogateescape"))
    for root, pattern in ((folder, "*"), (_SCHEMAS, "*.py"), (_CORE, "*.py")):
        for path in sorted(p for p in root.rglob(pattern)
                           if p.is_file() and "__pycache__" not in p.parts):
            h.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape"))
            h.update(b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()[:32]


def load_checked(folder: Path, load: Callable[[Path], RuleSet]) -> RuleSet:
    """The rule set of `folder`: its snapshot when there is one for the current key, else
    `load(folder)` (which raises on a broken rule set: nothing is kept then), kept."""
    path = cache_dir() / f"{folder.name}-{snapshot_key(folder)}.pickle"
    kept = _read(path)
    if kept is not None:
        return kept
    ruleset = load(folder)
    _write(path, ruleset)
    return ruleset


def _read(path: Path) -> RuleSet | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None  # none yet, or unreadable: loaded from the folder
    try:
        found = _CatalogueUnpickler(io.BytesIO(data)).load()
    except Exception as e:  # truncated, tampered or from other code: loaded from the folder
        _log.warning("rule-set snapshot %s not used (%s)", path.name, e)
        return None
    return found if isinstance(found, RuleSet) else None


def _write(path: Path, ruleset: RuleSet) -> None:
    try:  # whole or not at all: another process may be reading it
        with atomic_path(path) as tmp:
            tmp.write_bytes(pickle.dumps(ruleset, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as e:
        _log.warning("rule-set snapshot not saved (%s)", e)
