"""Eligibility rules: who may apply as what (one check per module)."""
