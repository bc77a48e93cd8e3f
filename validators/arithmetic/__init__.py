"""Arithmetic rules: ratios, totals, counts and two-part values against their components."""
