"""python -m samples.renewals [--out DIR] [--only NAME ...]: render the renewal samples."""

from __future__ import annotations

import argparse
from pathlib import Path

from samples.planted.render import render
from samples.renewals.manifest import BUNDLES, load


def main() -> None:
    ap = argparse.ArgumentParser(description="Render the renewal sample bundles.")
    ap.add_argument("--out", type=Path, default=BUNDLES, help="output folder")
    ap.add_argument("--only", nargs="*", help="bundle names (default: all)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for rb in load():
        if args.only and rb.name not in args.only:
            continue
        folder = render(rb.bundle, args.out)
        files = sorted(p.name for p in folder.iterdir())
        print(f"{rb.name} ({rb.registry}): {len(rb.bundle.defects)} defects; {len(files)} files")


if __name__ == "__main__":
    main()
