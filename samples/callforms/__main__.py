"""python -m samples.callforms [--out DIR] [--truth DIR] [--sources DIR] [--only BUNDLE ...]"""

from __future__ import annotations

import argparse
from pathlib import Path

from samples.callforms.bundle import build
from samples.callforms.manifest import BUNDLES, SOURCES, TRUTH, load


def main() -> None:
    ap = argparse.ArgumentParser(description="Render the call-style form bundles.")
    ap.add_argument("--out", type=Path, default=BUNDLES, help="output folder")
    ap.add_argument("--truth", type=Path, default=TRUTH, help="folder for truth files")
    ap.add_argument("--sources", type=Path, default=SOURCES, help="folder for the Word sources")
    ap.add_argument("--only", nargs="*", help="bundle names (default: all)")
    args = ap.parse_args()
    for bundle in load():
        if args.only and bundle.name not in args.only:
            continue
        truth = build(bundle, args.out, args.truth, args.sources)
        docs = ", ".join(f"{d['file']} ({d['pages']})" for d in truth["documents"])
        print(f"{bundle.name}: {len(truth['indicators'])} indicators; {docs}")


if __name__ == "__main__":
    main()
