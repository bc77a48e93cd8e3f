# The two commands of the README.
.PHONY: demo test lint bench

demo:
	scripts/setup.sh
	.venv/bin/smartcert intake samples/bundles samples/planted/bundles samples/renewals/bundles samples/callforms/bundles samples/service/bundles --out out

test:
	scripts/setup.sh --dev
	.venv/bin/ruff check .
	.venv/bin/lint-imports
	.venv/bin/python -m pytest

bench:
	scripts/setup.sh --dev
	.venv/bin/python -m benchmarks.speed
	.venv/bin/python -m benchmarks.hancom.run
	.venv/bin/python -m benchmarks.scaling
