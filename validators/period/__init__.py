"""Period rules: the 2-year window, the cut-off and base dates (one check per module)."""
