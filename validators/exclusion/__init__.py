"""Exclusion: an item the call excludes is counted (one exclusion kind per module)."""
