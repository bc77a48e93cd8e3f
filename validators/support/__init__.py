"""What the rules share and are not rules themselves: views of the evidence and of the call's
periods, shared arithmetic and name keys, the common shape of the span and exclusion rules.

The rule folders (`validators/<category>/`) hold one registered rule per module and nothing
else; a rule module never imports another (pyproject `[tool.importlinter]`: "Rules are
independent"). Logic two rules share lives here.
"""
