"""Data files of the renewals package (registry.yaml); a package so wheels ship it."""
