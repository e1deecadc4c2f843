#!/usr/bin/env bash
# Create (idempotently) the venv used by benches/weasyprint_baseline.py:
# WeasyPrint from PyPI, wheels only, pinned. Prints the venv's python path.
# Env: RIGHTSDESK_WEASYPRINT_VENV (default ~/.cache/rightsdesk-weasyprint/venv)
set -euo pipefail
VENV="${RIGHTSDESK_WEASYPRINT_VENV:-$HOME/.cache/rightsdesk-weasyprint/venv}"
PINS=(
  weasyprint==70.0 brotli==1.2.1 cffi==2.1.1 cssselect2==0.10.1 fonttools==4.68.0 pillow==13.0.0
  pycparser==3.12 pydyf==0.13.0 pyphen==0.18.1 tinycss2==1.5.1 tinyhtml5==2.1.0 webencodings==0.6.1
  zopfli==0.4.3
)
if ! "$VENV/bin/python" -c "import weasyprint" 2>/dev/null; then
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install -q --only-binary=:all: --no-deps "${PINS[@]}" >&2
fi
echo "$VENV/bin/python"
