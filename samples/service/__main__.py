"""python -m samples.service [--out DIR] [--truth DIR] [--only BUNDLE ...]

The `libreoffice` bundles need soffice (scripts/setup.sh --dev) and take about a minute each.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from samples.service.bundle import build
from samples.service.manifest import BUNDLES, TRUTH, load


def main() -> None:
    ap = argparse.ArgumentParser(description="Render the SERVICE-certification sample bundles.")
    ap.add_argument("--out", type=Path, default=BUNDLES, help="output folder")
    ap.add_argument("--truth", type=Path, default=TRUTH, help="folder for truth files")
    ap.add_argument("--only", nargs="*", help="bundle names (default: all)")
    args = ap.parse_args()
    for bundle in load():
        if args.only and bundle.name not in args.only:
            continue
        truth = build(bundle, args.out, args.truth)
        docs = ", ".join(f"{d['file']} ({d['pages']})" for d in truth["documents"])
        t = truth["total"]
        print(f"{bundle.name}: self {t['printed']:g}, supported {t['supported']:g}; {docs}")


if __name__ == "__main__":
    main()
