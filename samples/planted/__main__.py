"""python -m samples.planted [--out DIR] [--only NAME ...]: render the planted bundles."""

from __future__ import annotations

import argparse
from pathlib import Path

from samples.planted.manifest import load
from samples.planted.render import render

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description="Render the planted-defect bundles.")
    ap.add_argument("--out", type=Path, default=HERE / "bundles", help="output folder")
    ap.add_argument("--only", nargs="*", help="bundle names (default: all)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for bundle in load():
        if args.only and bundle.name not in args.only:
            continue
        folder = render(bundle, args.out)
        files = sorted(p.name for p in folder.iterdir())
        print(f"{bundle.name}: {len(bundle.defects)} defects; {len(files)} files")


if __name__ == "__main__":
    main()
