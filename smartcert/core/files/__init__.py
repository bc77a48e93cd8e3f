"""What a file is (sniffed from its bytes), its content hash and the rule both raise on an
empty one: shared by intake and the extractors, which do not import each other."""
