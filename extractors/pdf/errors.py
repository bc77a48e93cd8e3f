"""What MuPDF raises for a broken PDF, as opposed to a fault of ours.

PyMuPDF raises its own `RuntimeError` subclasses (`FileDataError` …), and its MuPDF bindings
raise `FzError*` classes that derive from `Exception` only ('cycle in page tree', 'invalid
key in dict'): both are the document's damage, reported as a finding with its place.
"""

from __future__ import annotations

import fitz

MUPDF_ERRORS: tuple[type[Exception], ...] = (RuntimeError, fitz.mupdf.FzErrorBase)
# loading a page also raises IndexError ('page 1 not in document') when the page tree
# promises more pages than it holds; caught around `pdf[i]` only, where it cannot be ours
PAGE_LOAD_ERRORS: tuple[type[Exception], ...] = (*MUPDF_ERRORS, IndexError)
