"""Renewal samples: previous submissions of registry municipalities (manifest.yaml)."""
