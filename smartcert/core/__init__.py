"""The ground floor: the vocabulary every layer shares — the findings contract, rule specs,
verdicts, Korean text keys, fuzzy matching and value parsers, file types. It imports nothing
from any layer above it (pinned by the import-linter contracts in pyproject.toml)."""
