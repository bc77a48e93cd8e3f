"""From extracted documents to claims: classification, then one mapper per document kind."""
