"""Render report.html and the batch summary page from the view models.

Autoescape is on for every template (document text is hostile input). The page carries a
Content-Security-Policy whose script-src is the sha256 of our one inline script: even if
some text escaped escaping, an injected <script> or onerror= attribute would not run, and
default-src 'none' keeps the page from reaching the network.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

# templates and assets sit beside the code, so setuptools ships them as package data
TEMPLATES = Path(__file__).resolve().parent


@cache
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
    )


@cache
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


def csp(script: str) -> str:
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    return ("default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; "
            f"script-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'")


def render_page(template: str, script: str, **context: object) -> str:
    """`template` with the inline CSS, the inline script `script` and its CSP."""
    js = _asset(script)
    # our own assets are trusted markup; their exact text is what the CSP hash covers
    return environment().get_template(template).render(
        css=Markup(_asset("style.css")), script=Markup(js), csp=csp(js), **context)
