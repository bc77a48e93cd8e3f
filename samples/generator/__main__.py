"""python -m samples.generator [--out DIR] [--truth DIR] [--only BUNDLE ...]"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from samples.generator.bundle import build

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description="Generate the smartcert sample bundles.")
    ap.add_argument("--out", type=Path, default=ROOT / "bundles", help="output folder")
    ap.add_argument("--truth", type=Path, default=ROOT / "truth", help="folder for truth files")
    ap.add_argument("--cities", type=Path, default=ROOT / "cities", help="folder of city profiles")
    ap.add_argument("--only", nargs="*", help="bundle names (default: all)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for profile in sorted(args.cities.glob("*.json")):
        bundle = json.loads(profile.read_text(encoding="utf-8"))["bundle"]
        if args.only and profile.stem not in args.only and bundle not in args.only:
            continue
        truth = build(profile, args.out, args.truth)
        docs = ", ".join(
            f"{d['file']} ({d.get('pages', len(d.get('sheets', [])))})" for d in truth["documents"]
        )
        print(f"{truth['bundle']}: {len(truth['indicators'])} indicators; {docs}")


if __name__ == "__main__":
    main()
