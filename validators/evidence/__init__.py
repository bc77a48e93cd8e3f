"""Evidence: the 근거자료 must show what the forms claim (one check per module)."""
