#!/usr/bin/env bash
# Idempotent setup for a fresh machine: system packages, the virtualenv, the project.
#   scripts/setup.sh        runtime only
#   scripts/setup.sh --dev  plus test, lint and benchmark tools
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[[ "${1:-}" == "--dev" ]] && extras="[dev]"

# Tesseract with Korean reads scanned pages, FreeType serves the HWP reader: the only system
# packages needed at run time.
need_apt=()
command -v tesseract >/dev/null 2>&1 || need_apt+=(tesseract-ocr)
if command -v tesseract >/dev/null 2>&1 && ! tesseract --list-langs 2>/dev/null | grep -qx kor; then
  need_apt+=(tesseract-ocr-kor)
elif ! command -v tesseract >/dev/null 2>&1; then
  need_apt+=(tesseract-ocr-kor)
fi
# rhwp-python (HWP/HWPX reading) loads the system FreeType.
ldconfig -p 2>/dev/null | grep -q 'libfreetype\.so\.6' || need_apt+=(libfreetype6)
# With --dev: the report test opens report.html in Debian's Chromium (driven by
# playwright-core), the sample generator's tests render with the Nanum fonts, and the
# call-style samples (samples/callforms) convert their Word proposals with LibreOffice.
if [[ -n "$extras" ]]; then
  command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || need_apt+=(chromium-driver)
  [[ -d /usr/share/fonts/truetype/nanum ]] || need_apt+=(fonts-nanum)
  command -v soffice >/dev/null 2>&1 || need_apt+=(libreoffice-writer)
fi
if ((${#need_apt[@]})); then
  if [[ $(id -u) -eq 0 ]]; then
    echo "setup: installing ${need_apt[*]}" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
  else
    echo "setup: please install ${need_apt[*]} (Debian) for OCR of scanned pages" >&2
  fi
fi

py=${PYTHON:-python3.11}
command -v "$py" >/dev/null 2>&1 || py=python3
"$py" -c 'import sys; assert sys.version_info[:2] == (3, 11), sys.version' \
  || { echo "setup: Python 3.11 is required" >&2; exit 1; }
[[ -x .venv/bin/python ]] || "$py" -m venv .venv

# Reinstall only when the dependency list changed.
stamp=".venv/.smartcert-installed${extras}"
digest=$(sha256sum pyproject.toml | cut -c1-16)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$digest" ]]; then
  .venv/bin/python -m pip install -q --upgrade pip >/dev/null
  .venv/bin/python -m pip install -q -e ".${extras}"
  echo "$digest" > "$stamp"
fi
# Bytecode of smartcert's own modules, written once here: where PYTHONDONTWRITEBYTECODE is
# set (containers, CI) every command would compile them again as it imports them, ~0.3 s of
# an unchanged batch. A file edited since is compiled in memory, its stale bytecode ignored.
# The layer folders are linked into smartcert/, and compileall does not follow links.
.venv/bin/python -m compileall -q smartcert $(find smartcert -mindepth 1 -maxdepth 1 -type l | sort) >/dev/null
