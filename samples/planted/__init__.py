"""Planted-defect bundles: sample municipalities with known defects (manifest.yaml)."""
