"""Completeness: something the call requires is missing (one check per module)."""
