"""Consistency rules: the same figure stated in two places must agree."""
