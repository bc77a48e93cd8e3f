"""What MuPDF raises for a broken PDF, as opposed to a fault of ours or of the machine.

PyMuPDF raises its own `RuntimeError` subclasses (`FileDataError` …), and its MuPDF bindings
raise `FzError*` classes that derive from `Exception` only. Of those, the malformed file's
('cycle in page tree', 'invalid key in dict', a feature MuPDF does not support) are the
document's damage, reported as a finding with its place. The others stay out: a failed
allocation (`FzErrorSystem`, `FzErrorLimit`) must reach the worker's memory-limit handling
(`isolate._is_memory`), and an abort is no page's fault.
"""

from __future__ import annotations

import fitz

_mu = fitz.mupdf
MUPDF_ERRORS: tuple[type[Exception], ...] = (
    RuntimeError, _mu.FzErrorFormat, _mu.FzErrorSyntax, _mu.FzErrorUnsupported)
# loading a page also raises IndexError ('page 1 not in document') when the page tree
# promises more pages than it holds; caught around `pdf[i]` only, where it cannot be ours
PAGE_LOAD_ERRORS: tuple[type[Exception], ...] = (*MUPDF_ERRORS, IndexError)
