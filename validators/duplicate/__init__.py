"""Duplicate rules: one item counted twice, in one list or across indicators (one check per
module)."""
