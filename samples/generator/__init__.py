"""Generator of the smartcert sample bundles (fictional municipalities).

Run ``python -m samples.generator`` from the repository root; see ``samples/README.md``.
"""
